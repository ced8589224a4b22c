"""Reading one number into a quantity: its scale and unit, a currency before it, a range
("between 3 and 5 million", "10-15%") and a qualifier before or after it ("or more").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import SCALE_WORDS
from .context import counted_noun, is_year, qualifier_before, skip_number
from .numbers import Number
from .quantity import Quantity
from .unit_words import (
    AGE_AFTER_RE,
    AGE_COMPOUND_RE,
    COMPOUND_RE,
    COMPOUND_UNITS,
    CURRENCY_PREFIX,
    METRE_CUE,
    PER_RE,
    PER_UNITS,
    SCALE_RE,
    TEMPERATURE_CONTEXT,
    UNRESOLVED_POUND,
    currency_before,
    dimension_of,
    match_unit,
    prefix_unit,
    resolve_pound,
)

_BETWEEN_RE = re.compile(r"(?:^|\s)(?:between|from)\s+$", re.IGNORECASE)

_RANGE_SEP = re.compile(r"\s?(?:-|–|—|to)\s?", re.IGNORECASE)
_AND_SEP = re.compile(r"\s+and\s+|\s?[-–]\s?", re.IGNORECASE)
_CHANGE_BEFORE_RANGE = re.compile(
    r"\b(?:by|rose|fell|lifted|raised|cut|lowered|grew|increased|decreased|dropped|climbed|"
    r"jumped|up|down|lead|leads|led)\s+(?:[a-z]+\s+){0,3}(?:[A-Z$£€]{0,3}\s?)?$",
    re.IGNORECASE,
)
_AFTER_QUALIFIER = re.compile(
    r"^(?:\s+or\s+(?P<or>more|less|fewer|so|above|over)\b|(?P<plus>\+|-plus\b))"
)
_ADJECTIVE_GAP = re.compile(r",?\s+(?!and\b|or\b|of\b|the\b)[a-z]+(?:-[a-z]+)?,?(?=\s)")

_M_RE = re.compile(r"^\s?m")
_M_WORD_RE = re.compile(r"^\s?m\b")
_CURRENCY_COMPOUND_RE = re.compile(r"^-(?:euro|dollar|pound|yen)s?\b", re.IGNORECASE)


@dataclass
class _Reading:
    """Scale, unit and end of the words following one number."""

    value: float
    unit: str
    dimension: str
    end: int
    noun: str = ""
    currency: str = ""


def metres_or_million(after: str) -> str:
    """What a bare "m" after a number stands for: "metres", "million" or "" (unknown).

    "1.4m homes" and "5m tonnes" are millions; "300m tall" and "a 100m sprint" are metres.
    """
    rest = after[_M_RE.match(after).end() :]
    if METRE_CUE.match(rest):
        return "metres"
    if _CURRENCY_COMPOUND_RE.match(rest):
        return "million"  # "a 1.1m-euro fine"
    if after[:1] == "m" and (match_unit(rest) or counted_noun(rest)[0]):
        return "million"
    return ""


def _read_after(text: str, number: Number, currency: str) -> _Reading | None:
    """Read scale, unit or counted noun after a number; None when it is not a quantity."""
    pos = number.end
    value = number.value
    after = text[pos : pos + 60]

    if number.kind == "frac":
        return _Reading(round(value, 2), "percent", "ratio", pos)

    scaled = False
    scale = SCALE_RE.match(after)
    if not currency and _M_WORD_RE.match(after):
        metres = metres_or_million(after)
        if metres == "metres":
            return _Reading(value, "m", "length", pos + _M_RE.match(after).end())
        if metres != "million":
            scale = None
    if scale:
        word = (scale.group("attached") or scale.group("word")).lower()
        # A bare "k" glued to a number is only a scale for money ("$950k").
        if word == "k" and not currency:
            scale = None
        else:
            value *= SCALE_WORDS[word]
            scaled = True
            pos += scale.end()
            after = text[pos : pos + 60]

    if currency:
        unit = currency
        per = PER_RE.match(after)
        if per:
            per_unit = PER_UNITS[per.group("per").lower()]
            return _Reading(value, f"{unit}/{per_unit}", "price", pos + per.end())
        return _Reading(value, unit, "currency", pos)

    if not scaled and not currency:
        age = AGE_COMPOUND_RE.match(after)
        if age:  # "a 19-year-old": an age, not a stretch of 19 years
            return _Reading(value, age.group("unit").lower(), "age", pos + age.end())

    unit_match = match_unit(after)
    if unit_match:
        unit, dimension, length = unit_match
        end = pos + length
        if unit in ("day", "week", "month", "year") and not scaled:
            old = AGE_AFTER_RE.match(text[end : end + 8])
            if old:  # "he is 19 years old"
                return _Reading(value, unit, "age", end + old.end())
        if unit == UNRESOLVED_POUND:
            unit = resolve_pound(text, number.start, end, scaled)
            dimension = dimension_of(unit)
        if unit == "basis_point":
            return _Reading(value / 100, "percentage_point", "ratio", end)
        if unit.endswith("_cent"):
            # "70 euro cents" is 0.70 euros
            unit = unit.split("_")[0]
            value = value / 100
        if unit == "decade":
            return _Reading(value * 10, "year", "duration", end)
        if unit == "bcm":
            return _Reading(value * 1e9, "m3", "volume", end)
        if unit == "degree" and not TEMPERATURE_CONTEXT.search(
            text[max(0, number.start - 80) : end + 60]
        ):
            return _Reading(value, "degree", "angle", end)
        if dimension == "currency":
            per = PER_RE.match(text[end : end + 30])
            if per:
                per_unit = PER_UNITS[per.group("per").lower()]
                return _Reading(value, f"{unit}/{per_unit}", "price", end + per.end())
        return _Reading(value, unit, dimension, end)

    compound = COMPOUND_RE.match(after)
    if compound:
        word = compound.group("word").lower()
        if word in ("pound", "pounds") and scaled:
            return _Reading(value, "GBP", "currency", pos + compound.end())
        if word in COMPOUND_UNITS:
            unit = COMPOUND_UNITS[word]
            dimension = dimension_of(unit)
            if unit == "decade":
                return _Reading(value * 10, "year", "duration", pos + compound.end())
            return _Reading(value, unit, dimension, pos + compound.end())
        head = word.split("-")[0]
        if head in COMPOUND_UNITS:
            unit = COMPOUND_UNITS[head]
            dimension = dimension_of(unit)
            return _Reading(value, unit, dimension, pos + 1 + len(head))
        # "a 10-member panel": a count of members
        if number.kind == "digits" or number.value > 1:
            return _Reading(value, "count", "count", pos + compound.end(), noun=word)
        return None

    # "two, intensive days": a duration after one or two adjectives
    if number.value < 1000:
        gap = 0
        for _ in range(2):
            adjective = _ADJECTIVE_GAP.match(after, gap)
            if adjective is None:
                break
            gap = adjective.end()
            unit_match = match_unit(after[gap:])
            if unit_match and unit_match[1] == "duration":
                unit, dimension, length = unit_match
                return _Reading(value, unit, dimension, pos + gap + length)

    noun, length = counted_noun(after)
    if number.kind == "words" and not noun and not scaled:
        return None  # "one of", "two said": too vague to be a count
    if number.kind == "words" and number.value == 1 and not scaled:
        return None  # "one country" is rarely the point of a claim
    return _Reading(value, "count", "count", pos + length, noun=noun)


def _read_range(
    text: str,
    number: Number,
    reading: _Reading,
    start: int,
    following: list[Number],
    currency: str,
) -> tuple[_Reading, float, int] | None:
    """(reading with the low value, high value, start) when the number opens a range."""
    if not following:
        return None
    left = text[max(0, start - 10) : start]
    between = _BETWEEN_RE.search(left)
    change_before = not between and _CHANGE_BEFORE_RANGE.search(text[max(0, start - 25) : start])
    if between and between.group(0).strip().lower() == "from":
        return None  # "rose from 3% to 5%" states a change, not a range
    separator = _AND_SEP if between else _RANGE_SEP
    second = following[0]
    # The separator comes right after the number ("3 to 5 days") or after its unit ("3% to 5%").
    for gap_start in (number.end, reading.end):
        sep = separator.match(text, gap_start, gap_start + 8)
        if sep is None:
            continue
        if change_before and sep.group().strip().lower() == "to":
            return None  # "lifted rates 0.25% to 5.5%", "lead by 39% to 34%": two figures
        between_text = text[sep.end() : second.start]
        if between_text and not CURRENCY_PREFIX.fullmatch(between_text):
            continue
        second_after = text[second.end : second.end + 60]
        if is_year(text, second, second_after) or skip_number(text, second, second_after):
            return None
        high = _read_after(text, second, currency)
        if high is None:
            return None
        if currency and not high.unit.startswith(currency) and high.dimension == "count":
            # "$50-100,000": the currency sign covers both numbers
            high = _Reading(high.value, currency, "currency", high.end)
        if high.value < number.value:
            return None  # "39% to 34%" compares two figures
        if (
            reading.end == number.end
            and 0 < number.value < 1000 <= high.value / number.value
            and second.raw.endswith(",000")
        ):
            # "$50-100,000": the thousands are written once for both numbers
            reading = _Reading(number.value * 1000, reading.unit, reading.dimension, reading.end)
            number = Number(number.start, number.end, number.value * 1000, number.kind, number.raw)
        unitless_low = reading.end == number.end
        if not unitless_low and reading.unit != high.unit:
            return None
        # the second number's scale also applies to the first: "between 3 and 5 million"
        low = (
            number.value * (high.value / second.value)
            if unitless_low and second.value
            else reading.value
        )
        range_start = start - (len(left) - between.start()) if between else start
        while range_start < start and text[range_start].isspace():
            range_start += 1
        low_reading = _Reading(low, high.unit, high.dimension, high.end, noun=high.noun)
        return low_reading, high.value, range_start
    return None


def read_quantity(text: str, number: Number, following: list[Number]) -> Quantity | None:
    """Build the quantity that starts at `number`, or None when it is not one."""
    if number.raw.lower() == "a":
        return None  # "a year", "a day": an article, not a number
    after = text[number.end : number.end + 60]
    if skip_number(text, number, after):
        return None
    if is_year(text, number, after):
        return None

    before = text[max(0, number.start - 24) : number.start]
    currency = ""
    start = number.start
    prefix = currency_before(before)
    if prefix:
        currency = prefix_unit(prefix.group("cur"))
        start = number.start - (len(before) - prefix.start())

    reading = _read_after(text, number, currency)
    if reading is None:
        return None

    qualifier, q_start = qualifier_before(text, start)
    value_max: float | None = None
    end = reading.end

    # Ranges: "between 3 and 5 million tonnes", "10-15%", "3 to 5 days".
    spread = _read_range(text, number, reading, start, following, currency)
    if spread is not None:
        reading, value_max, range_start = spread
        end = reading.end
        qualifier = "range"
        q_start = min(q_start, range_start)

    if qualifier == "exact":
        tail = _AFTER_QUALIFIER.match(text[end : end + 12])
        if tail:
            word = (tail.group("or") or "").lower()
            qualifier = {"more": "at_least", "above": "at_least", "over": "at_least",
                         "less": "at_most", "fewer": "at_most", "so": "about"}.get(word, "more_than")  # fmt: skip
            end += tail.end()

    surface = text[q_start:end]
    return Quantity(
        text=surface,
        value=round(reading.value, 6) if reading.dimension != "ratio" else round(reading.value, 4),
        unit=reading.unit,
        dimension=reading.dimension,
        qualifier=qualifier,
        start=q_start,
        end=end,
        value_max=value_max,
        noun=reading.noun,
    )
