"""Numbers as written in news copy: digits ("1,200", ".5"), words ("twenty-five", "a
hundred and ten") and fractions ("two thirds"), found with their offsets before any unit
is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, NUMBER_WORDS, TENS_WORDS, alternation

DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
# every month, in full or abbreviated, for patterns that ignore case
MONTHS = alternation(m.lower() for m in MONTH_NAMES + MONTH_ABBREVIATIONS)

_WORD_UNIT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORD_TENS = "|".join(TENS_WORDS)
# "ninety", "twenty-five", "two hundred", "a hundred and fifty"
_WORD_NUMBER = (
    rf"(?:(?:{_WORD_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_WORD_UNIT}|a)"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?(?:(?:{_WORD_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|{_WORD_UNIT}))?)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_FRACTION = (
    r"(?:a|one|two|three|four|five|seven|nine)[- ](?:half|halves|thirds?|quarters?|fifths?|"
    r"sixths?|eighths?|tenths?)"
)
# a number opens with a digit, a point or the first letter of a number word ("a", "one",
# "twenty", "a half"): the lookahead passes over every other place at once
_FIRST_LETTERS = "".join(sorted({word[0] for word in [*NUMBER_WORDS, *TENS_WORDS, "a"]}))
_NUMBER_RE = re.compile(
    rf"(?=[\d.{_FIRST_LETTERS}])(?<![\w.,:/])(?:(?P<frac>{_FRACTION})\b|(?P<digits>{_DIGITS})(?![\d]|[.,]\d)|(?P<words>{_WORD_NUMBER})\b)",
    re.IGNORECASE,
)

_WORD_SEPARATOR_RE = re.compile(r"[\s-]+")


@dataclass
class Number:
    """A number as found, before its unit is known."""

    start: int
    end: int
    value: float
    kind: str  # digits, words, frac
    raw: str


def words_value(raw: str) -> float | None:
    """Value of a number written in words ("twenty-five", "two hundred and ten")."""
    total = 0.0
    current = 0.0
    for word in _WORD_SEPARATOR_RE.split(raw.lower()):
        if word == "and":
            continue
        if word == "a":
            current += 1
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            return None
    return total + current


def find_numbers(text: str) -> list[Number]:
    """Every number in the text, in order."""
    found: list[Number] = []
    for match in _NUMBER_RE.finditer(text):
        raw = match.group(0)
        if match.group("digits"):
            try:
                value = float(raw.replace(",", ""))
            except ValueError:
                continue
            found.append(Number(match.start(), match.end(), value, "digits", raw))
        elif match.group("frac"):
            parts = _WORD_SEPARATOR_RE.split(raw.lower())
            numerator = 1.0 if parts[0] in ("a", "one") else float(NUMBER_WORDS.get(parts[0], 1))
            denominator = DENOMINATORS[parts[-1]]
            found.append(
                Number(match.start(), match.end(), numerator / denominator * 100, "frac", raw)
            )
        else:
            value = words_value(raw)
            if value is None:
                continue
            found.append(Number(match.start(), match.end(), value, "words", raw))
    return found


def word_or_digits(raw: str) -> float | None:
    raw = raw.strip().lower()
    if raw.isdigit():
        return float(raw)
    return words_value(raw)


def is_year_digits(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100
