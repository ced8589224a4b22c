"""The values a quantity as written can stand for: hedges, limits, ranges and precision.

"about 127" covers what rounds near it, "more than 99%" is open above, "15" is 14.5 to
15.5; the interval is in the family's base unit.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import math
import re

from textcore.analysis import fold_text
from textcore.figures.figure import fold

# Relative width of a hedge ("about", "nearly") when the written number says nothing finer.
# Both settings were chosen by cross-validation over folds of development pairs grouped
# by article (bench/eval_numeric.py --cv): 0.10 and 1.0 in four folds of five.
HEDGE_WIDTH = 0.10
# "about 127" covers what rounds near it: this many units of the last written digit.
HEDGE_DIGITS = 1.0


# A number keeps its decimal point; thousands separators are dropped ("1,146.1" -> "1146.1").
_WRITTEN_NUMBER_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def written_precision(quantity: dict, value: float) -> float | None:
    """Half a unit of the last digit as written ("$1.15 trillion" -> 5e9), if knowable."""
    match = _WRITTEN_NUMBER_RE.search(fold_text(str(quantity.get("text") or "")))
    if not match:
        return None
    written = match.group().replace(",", "")
    number = float(written)
    if number <= 0 or value <= 0:
        return None
    scale = value / number
    exponent = math.log10(scale)
    if abs(exponent - round(exponent)) > 1e-6:
        # the written number is not the value times a power of ten ("an hour and a half")
        return None
    decimals = len(written.split(".")[1]) if "." in written else 0
    # just under half, so that "15" and "16" (each rounded) do not touch
    return 0.499 * (10.0**-decimals) * scale


def _last_digit_unit(text: str, value: float) -> float | None:
    """Size of one unit of the last non-zero written digit, in the value's scale."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", fold(text))
    if not match:
        return None
    written = match.group().replace(",", "")
    try:
        number = float(written)
    except ValueError:
        return None
    if number <= 0 or value <= 0:
        return None
    scale = value / number
    if "." in written:
        unit = 10.0 ** -len(written.split(".")[1])
    else:
        stripped = written.rstrip("0")
        unit = 10.0 ** (len(written) - len(stripped)) if stripped else 1.0
    return unit * scale


def interval(q: dict, value: float, factor: float) -> tuple[float, float, str]:
    """The values a quantity as written can stand for, in the base unit."""
    text = str(q.get("text") or "")
    qualifier = str(q.get("qualifier") or "exact")
    precision = written_precision(q, value)
    if precision is None:
        precision = 0.005 * abs(value)
    lowered = text.lower()
    bound = ""
    if qualifier == "about":
        width = HEDGE_WIDTH * abs(value)
        digit = _last_digit_unit(text, value)
        if digit is not None:
            width = min(width, HEDGE_DIGITS * digit)
        width = max(width, precision)
        if re.match(r"(?:nearly|almost|close to|just under|not quite)\b", lowered):
            low, high = value * (1 - HEDGE_WIDTH), value + precision * 0.02
        else:
            low, high = value - width, value + width
    elif qualifier in ("more_than", "at_least"):
        low, high, bound = value, math.inf, "above"
        if lowered.startswith("just over"):
            high = value * (1 + HEDGE_WIDTH)
    elif qualifier in ("less_than", "at_most", "up_to"):
        low, high, bound = 0.0, value, "below"
        if lowered.startswith("just under"):
            low = value * (1 - HEDGE_WIDTH)
    elif qualifier == "range" and q.get("value_max") is not None:
        low, high = value - precision, float(q["value_max"]) + precision
    else:
        low, high = value - precision, value + precision
    return low * factor, high * factor, bound
