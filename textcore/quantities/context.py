"""The words around a number that change what it is: a qualifier before it ("more
than", "about"), a date, time, ordinal or name that makes it no quantity, a year
(`parse_years`), and the noun a bare number counts.
"""

from __future__ import annotations

import re

from .numbers import MONTHS, Number, find_numbers
from .unit_words import SCALE_RE, currency_before, match_unit

# Qualifiers written just before the number (or its currency sign); longest first.
_QUALIFIER_WORDS = [
    ("at_least", "at least|no less than|no fewer than|a minimum of|minimum of|not less than"),
    ("up_to", "up to a maximum of|up to a total of|up to"),
    (
        "at_most",
        "at most|no more than|not more than|(?:a )?maximum(?: [a-z]+)? of|no greater than|"
        "within|no longer than",
    ),
    ("up_to", "as much as|as many as|as high as|as large as|as long as|as big as"),
    ("less_than", "less than|fewer than|lower than|shorter than|just under|under|below|shy of"),
    (
        "more_than",
        "more than|greater than|higher than|longer than|in excess of|upwards of|just over|over|"
        "above|exceeding",
    ),
    (
        "about",
        "about|around|approximately|approx\\.|roughly|nearly|near|almost|close to|some|"
        "an estimated|estimated|circa|~",
    ),
]
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“‘]))(?:"
    + "|".join(f"(?P<{name}{i}>{words})" for i, (name, words) in enumerate(_QUALIFIER_WORDS))
    + r")\s*$",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b\.?", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s+(?:the\s+)?$", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?::\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|ET\b|EST\b|CET\b))")
_YEAR_BEFORE = re.compile(
    rf"\b(?:in|since|by|until|till|from|to|of|during|before|after|early|late|mid|year|"
    rf"fiscal|through|between|and|{MONTHS})[\s-]+$",
    re.IGNORECASE,
)
# Words after a bare number that end the counted-noun phrase.
_NOUN_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "can", "could", "may", "might", "than", "as", "per", "each",
    "this", "these", "those", "its", "their", "his", "her", "it", "they", "we", "he", "she",
    "not", "so", "if", "into", "over", "under", "after", "before", "since", "during",
    "between", "about", "across", "up", "down", "out", "off", "more", "less", "times",
    "percent", "also", "only", "just", "ago", "earlier", "later", "apiece",
}  # fmt: skip
_IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "staff", "police", "cattle", "sheep", "fish",
    "aircraft", "personnel", "livestock", "deer", "teeth", "feet", "mice", "crew", "data",
}  # fmt: skip
# A capitalised word right before a number usually names a thing ("Boeing 737", "Article 5").
_NAME_BEFORE = re.compile(r"(?:^|\s)(?P<word>[A-Z][A-Za-z]*\.?)\s$")
_FUNCTION_CAPS = {
    "About", "Over", "Some", "Nearly", "Almost", "Around", "More", "Less", "Fewer", "Up",
    "At", "Between", "In", "By", "Of", "To", "From", "The", "A", "An", "Only", "Just",
    "Roughly", "Approximately", "Exactly", "Under", "Below", "Above", "All",
    "And", "But", "For", "With", "Another", "Those", "These", "Its", "Their", "Our", "His",
    "Her", "Since", "After", "Before", "During", "Until", "Near", "Than", "Estimated", "On", "Within", "Every", "Each", "Last", "First",
}  # fmt: skip
_WORD_RE = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")
_FOUR_DIGITS_RE = re.compile(r"\d{4}")

_LETTER_BEFORE_RE = re.compile(r"[A-Za-z]-?$")
_LETTER_AFTER_RE = re.compile(r"^[A-Za-z]")


def is_year(text: str, number: Number, after: str) -> bool:
    """A four-digit year such as "2004" in "in 2004" or "2003's imbalance"."""
    if number.kind != "digits" or not _FOUR_DIGITS_RE.fullmatch(number.raw):
        return False
    if not 1800 <= number.value <= 2100:
        return False
    if match_unit(after) is not None or SCALE_RE.match(after):
        return False
    before = text[max(0, number.start - 30) : number.start]
    if currency_before(before):
        return False
    if _YEAR_BEFORE.search(before):
        return True
    # "2,000 people" carries a comma; "2000 people" is ambiguous, so a plural noun wins.
    noun, _ = counted_noun(after)
    return not noun


def parse_years(text: str) -> tuple[int, ...]:
    """Years mentioned in the text ("in 2004", "2003's", "June 2025"), unique, in order."""
    years: list[int] = []
    if not _FOUR_DIGITS_RE.search(text):
        return ()  # a year is four digits in a row
    for number in find_numbers(text):
        after = text[number.end : number.end + 40]
        if is_year(text, number, after) and int(number.value) not in years:
            years.append(int(number.value))
    return tuple(years)


def counted_noun(after: str) -> tuple[str, int]:
    """The noun phrase counted by a bare number ("universities", "power stations") and its length."""
    words: list[str] = []
    end = 0
    pos = 0
    for _ in range(3):
        match = _WORD_RE.match(after, pos)
        if not match:
            break
        word = match.group(1)
        if word.lower() in _NOUN_STOP or not word[0].islower():
            break
        words.append(word)
        pos = match.end()
        lowered = word.lower().rstrip("'’")
        if lowered in _IRREGULAR_PLURALS or (lowered.endswith("s") and not lowered.endswith("ss")):
            end = pos
            return " ".join(words), end
    return "", 0


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier ending right before `start` and where it begins (or exact, start)."""
    before = text[max(0, start - 40) : start]
    match = _QUALIFIER_RE.search(before)
    if not match:
        return "exact", start
    for i, (name, _) in enumerate(_QUALIFIER_WORDS):
        if match.group(f"{name}{i}"):
            return name, start - (len(before) - match.start(f"{name}{i}"))
    return "exact", start


def skip_number(text: str, number: Number, after: str) -> bool:
    """Numbers that are not quantities: dates, times, ordinals, model names, list markers."""
    before = text[max(0, number.start - 20) : number.start]
    if number.kind == "digits":
        if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after):
            return True
        if _DATE_AFTER.match(after) or _DATE_BEFORE.search(before):
            return True
        # "F-35", "COVID-19", "G7", "3D": part of a name
        if _LETTER_BEFORE_RE.search(before) and not currency_before(before):
            return True
        if _LETTER_AFTER_RE.match(after) and not (SCALE_RE.match(after) or match_unit(after)):
            return True
        name = _NAME_BEFORE.search(before)
        if (
            name
            and name.group("word") not in _FUNCTION_CAPS
            and not currency_before(before)
            and not match_unit(after)
        ):
            return True
    return False
