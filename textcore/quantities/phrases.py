"""Quantities written as phrases rather than a number and a unit: "one in five", "a
quarter of a billion dollars", "a decade", "half", "two dozen", "a majority",
"threefold", "two point five percent".
"""

from __future__ import annotations

import re

from ..lexicon import NUMBER_WORDS, TENS_WORDS
from .context import counted_noun, qualifier_before
from .numbers import DENOMINATORS, is_year_digits, word_or_digits, words_value
from .quantity import Quantity
from .unit_words import currency_before, match_unit, prefix_unit

_SMALL_WORDS = "|".join(list(NUMBER_WORDS) + list(TENS_WORDS))
_COUNT_WORD = rf"(?:\d+|{_SMALL_WORDS})"
# "one in five", "nine out of 10": a share, read as a percentage
_ONE_IN_RE = re.compile(
    rf"\s(?:in|out\s+of)\s+(?P<m>{_COUNT_WORD})\b(?!\s*(?:%|per|years?\b))", re.IGNORECASE
)
_ONE_IN_BEFORE = re.compile(rf"\b(?P<n>{_COUNT_WORD})$", re.IGNORECASE)
_PHRASE_UNITS = {
    "trillion": (1e12, "", ""), "billion": (1e9, "", ""), "million": (1e6, "", ""),
    "thousand": (1e3, "", ""), "century": (100, "year", "duration"),
    "decade": (10, "year", "duration"), "year": (1, "year", "duration"),
    "month": (1, "month", "duration"), "week": (1, "week", "duration"),
    "day": (1, "day", "duration"), "hour": (1, "hour", "duration"),
    "percentage point": (1, "percentage_point", "ratio"),
}  # fmt: skip
_PHRASE_UNIT = (
    "trillion|billion|million|thousand|century|decade|year|month|week|day|hour|percentage point"
)
_PHRASE_CURRENCY = {"dollars": "USD", "pounds": "GBP", "euros": "EUR", "yen": "JPY"}
# "a quarter of a billion dollars", "half a year", "three-quarters of a percentage point"
_FRACTION_OF_RE = re.compile(
    rf"\b(?P<frac>(?:a|one|two|three|four)[- ](?:half|third|quarter|fifth|tenth)s?|half)"
    rf"(?:\s+of)?\s+an?\s+(?P<unit>{_PHRASE_UNIT})\b"
    r"(?:\s+(?P<cur>dollars|pounds|euros|yen)\b)?",
    re.IGNORECASE,
)
# "a decade", "a year and a half", "a couple of months": durations with no digits
_ARTICLE_DURATION_RE = re.compile(
    r"\b(?:than|within|for|about|nearly|almost|around|over|under|last|past|least|some|in)"
    r"\s+(?P<what>an?\s+(?P<unit>century|decade|year|month|week)(?P<half>\s+and\s+a\s+half)?)\b"
    r"|\b(?P<couple>a\s+couple\s+of\s+(?P<cunit>[a-z]+))",
    re.IGNORECASE,
)
# "half the population", "nearly half", "more than half of": a share of 50%
_HALF_RE = re.compile(
    r"(?<![\w-])half\b(?=\s+(?:of|the|its|their|his|her|our|all|as|them|those|these)\b|\s*[,.;)])",
    re.IGNORECASE,
)
_DOZEN_RE = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+dozen\b",
    re.IGNORECASE,
)
_MAJORITY_RE = re.compile(r"\ba\s+majority\b", re.IGNORECASE)
# "fourfold", "a tenfold rise", "a 3-fold increase"
_FOLD_RE = re.compile(rf"\b(?P<n>\d+|{_SMALL_WORDS})-?fold\b", re.IGNORECASE)
# "one point three per cent"
_WORD_DECIMAL_RE = re.compile(
    rf"\b(?P<i>{_SMALL_WORDS}|zero)\s+point\s+(?P<d>{'|'.join(NUMBER_WORDS)})\b", re.IGNORECASE
)


def phrase_quantities(text: str) -> list[Quantity]:
    """Quantities written in phrases rather than as a number and a unit."""
    found: list[Quantity] = []

    def add(start: int, end: int, value: float, unit: str, dimension: str, **extra) -> None:
        qualifier, q_start = qualifier_before(text, start)
        if extra.get("qualifier"):
            qualifier = extra.pop("qualifier")
        found.append(
            Quantity(
                text=text[q_start:end], value=round(value, 4), unit=unit, dimension=dimension,
                qualifier=qualifier, start=q_start, end=end, noun=extra.get("noun", ""),
            )
        )  # fmt: skip

    lowered = text.lower()
    for match in _ONE_IN_RE.finditer(text):
        before = _ONE_IN_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if before is None:
            continue
        n, m = word_or_digits(before.group("n")), word_or_digits(match.group("m"))
        if n is not None and m and 0 < n < m and not is_year_digits(match.group("m")):
            add(before.start(), match.end(), 100 * n / m, "percent", "ratio")
    has_fraction = any(w in lowered for w in ("half", "third", "quarter", "fifth", "tenth"))
    for match in _FRACTION_OF_RE.finditer(text) if has_fraction else ():
        frac = match.group("frac").lower()
        parts = re.split(r"[\s-]+", frac)
        numerator = (
            1.0 if parts[0] in ("a", "one", "half") else float(NUMBER_WORDS.get(parts[0], 1))
        )
        denominator = DENOMINATORS.get(parts[-1], 2)
        scale, unit, dimension = _PHRASE_UNITS[match.group("unit").lower()]
        value = numerator / denominator * scale
        end = match.end()
        prefix = currency_before(text[max(0, match.start() - 12) : match.start()])
        if match.group("cur"):
            unit, dimension = _PHRASE_CURRENCY[match.group("cur").lower()], "currency"
        elif prefix:
            unit, dimension = prefix_unit(prefix.group("cur")), "currency"
        elif not unit:
            unit, dimension = "count", "count"
        add(match.start(), end, value, unit, dimension)
    has_period = any(w in lowered for w in ("century", "decade", "year", "month", "week", "couple"))
    for match in _ARTICLE_DURATION_RE.finditer(text) if has_period else ():
        if match.group("couple"):
            unit_match = match_unit(" " + match.group("cunit"))
            if unit_match and unit_match[1] == "duration":
                add(match.start(), match.end(), 2, unit_match[0], "duration", qualifier="about")
            continue
        scale, unit, dimension = _PHRASE_UNITS[match.group("unit").lower()]
        value = scale * (1.5 if match.group("half") else 1)
        if match.group("half") and unit == "year":
            value, unit = 18, "month"
        add(match.start("what"), match.end(), value, unit, dimension)
    for match in _HALF_RE.finditer(text) if "half" in lowered else ():
        add(match.start(), match.end(), 50, "percent", "ratio")
    for match in _DOZEN_RE.finditer(text) if "dozen" in lowered else ():
        word = re.sub(r"\s+", " ", match.group("n").lower())
        n = (
            0.5
            if word == "half a"
            else (1.0 if word in ("a", "one") else NUMBER_WORDS.get(word, 0))
        )
        noun, length = counted_noun(text[match.end() : match.end() + 60])
        add(match.start(), match.end() + length, 12 * n, "count", "count", noun=noun)
    for match in _MAJORITY_RE.finditer(text) if "majority" in lowered else ():
        add(match.start(), match.end(), 50, "percent", "ratio", qualifier="more_than")
    for match in _FOLD_RE.finditer(text) if "fold" in lowered else ():
        n = word_or_digits(match.group("n"))
        if n:
            add(match.start(), match.end(), n, "count", "count", noun="times")
    for match in _WORD_DECIMAL_RE.finditer(text) if " point " in lowered else ():
        whole = words_value(match.group("i")) if match.group("i").lower() != "zero" else 0.0
        unit_match = match_unit(text[match.end() : match.end() + 20])
        if whole is None or not unit_match:
            continue
        value = whole + NUMBER_WORDS[match.group("d").lower()] / 10
        add(match.start(), match.end() + unit_match[2], value, unit_match[0], unit_match[1])
    return found
