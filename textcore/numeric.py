"""Numeric agreement: whether a claim's figures and a passage's can be the same.

Each quantity becomes an interval of possible values in the base unit of its family
(`textcore.units`): the qualifier ("about", "more than", a range) and the rounding of the
number as written set its ends. Two quantities of one family agree when their intervals
meet; amounts in two currencies can never be shown to agree, only shown not to be the same
at any plausible exchange rate. A conflict needs the passage figure it must refer to to
be clear (see `numeric_agreement`).

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import units
from .analysis import COUNTRY_KEYS, claim_terms, fold_text, is_year, normalize_text, term_key

__all__ = ["Measure", "measures", "numeric_agreement", "numeric_relation", "written_precision"]

# A number keeps its decimal point; thousands separators are dropped ("1,146.1" -> "1146.1").
_NUMBER_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# Plausible exchange-rate ranges to USD over recent decades. Amounts in different
# currencies can never be shown to agree, but £56.4bn can be shown not to be $56.4bn.
_CURRENCY_TO_USD = {
    "USD": (1.0, 1.0),
    "GBP": (1.2, 2.1),
    "EUR": (0.8, 1.6),
    "JPY": (0.006, 0.0135),
    "CNY": (0.12, 0.17),
}
# A passage value further than this factor from the claim's is taken to be another
# quantity, not a misreport of the same one ($14.7bn of copper exports against a claim of
# $1.15 trillion of all exports).
MAX_CONFLICT_RATIO = 2.0
# Relative half-width of the value range for "about 50" and for an exact value whose
# written precision is unknown (a number written in words).
ABOUT_TOLERANCE = 0.05
EXACT_TOLERANCE = 0.005
_QUALIFIERS_OPEN_ABOVE = {"more_than", "at_least"}
_QUALIFIERS_OPEN_BELOW = {"less_than", "at_most", "up_to"}


def _float(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def written_precision(quantity: dict, value: float) -> float | None:
    """Half a unit of the last digit as written ("$1.15 trillion" -> 5e9), if knowable."""
    match = _NUMBER_RE.search(fold_text(str(quantity.get("text") or "")))
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


@dataclass(frozen=True)
class Measure:
    """A quantity converted to its family's base unit, as an interval of possible values."""

    family: str
    dimension: str
    base: str
    factor: float
    noun: str | None
    low: float
    high: float
    low_open: bool
    high_open: bool
    source: dict


def _measure(quantity: dict) -> Measure | None:
    """Convert a quantity dict into an interval in its family's base unit (or None)."""
    value = _float(quantity.get("value"))
    if value is None:
        return None
    unit = units.find(quantity.get("unit"), quantity.get("dimension"))
    if unit is None:
        # a unit the registry does not know compares only with the very same unit
        name = str(quantity.get("unit") or "").strip()
        unit = units.Unit(name, "other", 1.0, name)
    factor = unit.factor
    qualifier = str(quantity.get("qualifier") or "exact").strip().lower().replace(" ", "_")
    precision = written_precision(quantity, value)
    value_max = _float(quantity.get("value_max"))
    rounding = precision if precision is not None else EXACT_TOLERANCE * abs(value)
    if qualifier == "about":
        rounding = max(rounding, ABOUT_TOLERANCE * abs(value))
    low, high = value - rounding, value + rounding
    low_open = high_open = False
    if qualifier in _QUALIFIERS_OPEN_ABOVE:
        low, high = value, math.inf
        low_open = qualifier == "more_than"
    elif qualifier in _QUALIFIERS_OPEN_BELOW:
        low, high = (0.0 if qualifier == "up_to" else -math.inf), value
        high_open = qualifier == "less_than"
    elif qualifier == "range" and value_max is not None:
        low, high = value - rounding, value_max + rounding
    noun = quantity.get("noun")
    noun_key = (
        term_key(normalize_text(str(noun)).split()[-1]) if noun and str(noun).strip() else None
    )
    if unit.dimension == "count" and noun_key is None:
        unit_word = str(quantity.get("unit") or "").strip().lower()
        if unit_word and unit_word not in ("count", "number"):
            noun_key = term_key(unit_word.split()[-1])
    return Measure(
        family=unit.family,
        dimension=unit.dimension,
        base=unit.base,
        factor=factor,
        noun=noun_key,
        low=low * factor,
        high=high * factor,
        low_open=low_open,
        high_open=high_open,
        source=quantity,
    )


def _overlap(a: Measure, b: Measure, rate: tuple[float, float] = (1.0, 1.0)) -> bool:
    """Whether two intervals share a value; `rate` scales b's interval into a's unit."""
    b_low = b.low * rate[0] if b.low >= 0 else b.low * rate[1]
    b_high = b.high * rate[1] if b.high >= 0 else b.high * rate[0]
    if a.high < b_low or b_high < a.low:
        return False
    # touching ends only count when both ends are closed ("more than 99" is not 99 at most)
    if a.high == b_low and (a.high_open or b.low_open):
        return False
    return not (b_high == a.low and (b.high_open or a.low_open))


def _distance_ratio(a: Measure, b: Measure, rate: tuple[float, float] = (1.0, 1.0)) -> float:
    """How many times apart the nearest values of two disjoint intervals are (1 = touching)."""
    b_low, b_high = b.low * rate[0], b.high * rate[1]
    if a.low > b_high:
        return a.low / b_high if b_high > 0 else math.inf
    if b_low > a.high:
        return b_low / a.high if a.high > 0 else math.inf
    return 1.0


def _comparable(claim: Measure, passage: Measure) -> str | None:
    """'same' for one unit family, 'currency' for two currencies, else None."""
    if claim.dimension == "currency" and passage.dimension == "currency":
        return "same" if claim.family == passage.family else "currency"
    if claim.family != passage.family:
        return None
    if claim.dimension == "count" and claim.noun != passage.noun:
        # counts of different things ("40 universities", "50 stages") never compare
        return None
    return "same"


def _currency_rate(claim: Measure, passage: Measure) -> tuple[float, float]:
    """Range of factors that turn an amount in the passage's currency into the claim's."""
    c_low, c_high = _CURRENCY_TO_USD.get(claim.base, (0.0, math.inf))
    p_low, p_high = _CURRENCY_TO_USD.get(passage.base, (0.0, math.inf))
    if c_high in (0.0, math.inf) or p_high in (0.0, math.inf):
        return (0.0, math.inf)
    return (p_low / c_high, p_high / c_low)


def _describe(measure: Measure) -> dict:
    q = measure.source
    value = _float(q.get("value"))
    return {
        "text": q.get("text"),
        "value": value,
        "unit": q.get("unit"),
        "qualifier": q.get("qualifier") or "exact",
        "converted": None if value is None else round(value * measure.factor, 6),
        "converted_unit": measure.base,
    }


def _context_words(text: str | None, quantity: dict, window: int = 60) -> set[str]:
    """Content-word keys around a quantity in its text (the whole text if it cannot be placed)."""
    if not text:
        return set()
    start, end = quantity.get("start"), quantity.get("end")
    surface = str(quantity.get("text") or "")
    if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == surface):
        found = text.find(surface) if surface else -1
        if found < 0:
            return {term_key(t) for t in claim_terms(text)}
        start, end = found, found + len(surface)
    around = text[max(0, start - window) : end + window]
    return {term_key(t) for t in claim_terms(around)}


def numeric_agreement(
    claim_quantities: Sequence[dict],
    passage_quantities: Sequence[dict],
    *,
    claim_text: str | None = None,
    passage_text: str | None = None,
) -> tuple[str, dict]:
    """Compare a claim's quantities with a passage's: ("agrees" | "conflicts" | "none", detail).

    A claim quantity agrees when some passage quantity of the same unit family can have
    the same value (units converted, qualifiers and rounding of the written number taken
    into account). It conflicts when none can and the passage quantity it must refer to
    is clear: the only one of its kind in the passage, or the one whose surrounding words
    the claim shares. With both texts given, the shared words around the passage's figure
    must include one that says what it measures ("exports", "tax", "stages"), not only a
    year, a country or a direction word. Anything less certain is "none".
    """
    return numeric_relation(
        measures(claim_quantities),
        {term_key(t) for t in claim_terms(claim_text or "")},
        measures(passage_quantities),
        passage_text,
    )


def measures(quantities: Sequence[dict]) -> list[Measure]:
    return [m for m in map(_measure, quantities or ()) if m is not None]


def numeric_relation(
    claim_measures: Sequence[Measure],
    claim_context: set[str],
    passage_measures: Sequence[Measure],
    passage_text: str | None,
) -> tuple[str, dict]:
    pairs: list[dict] = []
    relations: list[str] = []
    for cm in claim_measures:
        same = [pm for pm in passage_measures if _comparable(cm, pm) == "same"]
        # amounts in other currencies count only when the passage has none in the claim's
        others = [] if same else [pm for pm in passage_measures if _comparable(cm, pm)]
        if not same and not others:
            continue
        if same:
            compatible = [pm for pm in same if _overlap(cm, pm)]
            if compatible:
                best = _closest(cm, compatible, passage_text, claim_context)
                pairs.append(_pair(cm, best, "agrees"))
                relations.append("agrees")
                continue
            candidates = [pm for pm in same if _distance_ratio(cm, pm) <= MAX_CONFLICT_RATIO]
        else:
            rates = [(pm, _currency_rate(cm, pm)) for pm in others]
            if any(_overlap(cm, pm, rate) for pm, rate in rates):
                # could be the same amount at some exchange rate: nothing to conclude
                continue
            candidates = [
                pm for pm, rate in rates if _distance_ratio(cm, pm, rate) <= MAX_CONFLICT_RATIO
            ]
        if not candidates:
            continue
        best = _closest(cm, candidates, passage_text, claim_context)
        shared = _context_words(passage_text, best.source) & claim_context
        if passage_text and claim_context:
            # with both texts known, the words around the passage's figure must say what it
            # measures as the claim does: a shared year or country alone ("US ... in 2004")
            # does not make "$665.9bn current-account deficit" a figure for US exports
            if len(candidates) == 1 and not _topical(shared):
                shared = {term_key(t) for t in claim_terms(passage_text)} & claim_context
            related = bool(_topical(shared))
        else:
            related = len(candidates) == 1 or bool(shared)
        if related:
            pairs.append(_pair(cm, best, "conflicts", shared))
            relations.append("conflicts")
    if "conflicts" in relations:
        relation = "conflicts"
    elif "agrees" in relations:
        relation = "agrees"
    else:
        relation = "none"
    return relation, {"pairs": pairs}


# Context words that place or rank a figure but do not say what it measures.
_UNTOPICAL = COUNTRY_KEYS | {
    term_key(word)
    for word in """rise fall reach reached hit hits total totalled totaled amount amounted
    stand stood record level high low new figure figures estimate estimated""".split()
}


def _topical(words: set[str]) -> set[str]:
    """The words of `words` that say what a figure measures (not years, countries, direction)."""
    return {w for w in words if w not in _UNTOPICAL and not is_year(w)}


def _center(measure: Measure) -> float:
    """A finite value inside the interval, for measuring how far apart two quantities are."""
    if math.isfinite(measure.low) and math.isfinite(measure.high):
        return (measure.low + measure.high) / 2
    if math.isfinite(measure.low):
        return measure.low
    return measure.high if math.isfinite(measure.high) else 0.0


def _closest(
    claim: Measure, candidates: Sequence[Measure], passage_text: str | None, context: set[str]
) -> Measure:
    """The passage quantity most likely to be about the same thing as the claim's."""

    def key(pm: Measure) -> tuple:
        shared = len(_context_words(passage_text, pm.source) & context)
        distance = abs(math.log((abs(_center(pm)) + 1e-9) / (abs(_center(claim)) + 1e-9)))
        return (-(pm.noun is not None and pm.noun == claim.noun), -shared, distance)

    return min(candidates, key=key)


def _pair(claim: Measure, passage: Measure, relation: str, shared: set[str] | None = None) -> dict:
    pair = {"claim": _describe(claim), "passage": _describe(passage), "relation": relation}
    if shared:
        pair["shared_context"] = sorted(shared)
    return pair
