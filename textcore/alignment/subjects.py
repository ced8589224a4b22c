"""Who or what a text is about: the names it gives, the countries it speaks of.

A name is a run of capitalised words ("Bank of America", "David Blunkett") taken as the
set of its word keys; a speaker ("Jane Doe said") and sentence starts that are not written
as names are left out. A name is found in another text by its last word, an acronym of
it ("BoA", "NAO"), a demonym ("Norwegian") or another name of the same country ("UK").

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import re
from functools import lru_cache

from textcore import units
from textcore.analysis import term_key
from textcore.figures import SentenceFacts
from textcore.lexicon import COUNTRY_NAMES, STOP_WORDS

_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
_COMMON_STARTS = frozenset(
    """none only some nearly almost about one two three four five six seven eight nine ten
    half most many few all both each every more less fewer under over around just""".split()
)
# Demonyms whose country name is not a prefix of them.
_DEMONYMS = {
    "welsh": "wales", "british": "britain", "scottish": "scotland", "dutch": "netherlands",
    "french": "france", "swiss": "switzerland", "english": "england", "irish": "ireland",
}  # fmt: skip
_NAME_RE = re.compile(
    r"(?<![\w'])(?:[A-Z][\w'.&-]*|[a-z]+[A-Z][\w]*)(?:\s+(?:(?:of|for|on|and)\s+)?"
    r"(?:[A-Z][\w'.&-]*))*"
)
_SPEAKER_RE = re.compile(
    r"((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*)\s+(?:also\s+|has\s+|had\s+|now\s+)?(?:said|says|told|"
    r"added|reckons|estimates|estimated|predicts|predicted|believes|thinks|argued|claimed|"
    r"announced|announces|expects|expected|sees|forecasts|forecast|projects|projected|"
    r"reported|reports)\b|\b(?:said|says|according\s+to)\s+"
    r"((?:[A-Z][\w'.-]*\s*){1,4})(?=[,.;]|$)"
)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s+)[\"'(]*$")
_FUNCTION_WORDS = frozenset(
    """the a an in on at of for to by from with and but or mr mrs ms dr last this that these
    those it its their our his her some about over nearly almost around more less only
    just among between under after before since during until when while if as both""".split()
)


class _Name(frozenset):
    """The word keys of a name, remembering how it was written (for acronyms)."""

    raw: str

    def __new__(cls, keys, raw: str):
        name = super().__new__(cls, keys)
        name.raw = raw
        return name


def names_in(text: str, other: str = "") -> tuple[frozenset[str], ...]:
    """Each capitalised name as the set of its word keys (sentence starts left out).

    A capitalised word opening a sentence is a name when written as one; one of the ways
    is being written again, in `text` or in `other`.
    """
    return tuple(
        name
        for name, again, times in _names_of(text)
        if again is None or times + _times_written(again, other) > 1
    )


def _times_written(word: str, text: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", text)) if text else 0


@lru_cache(maxsize=4096)
def _names_of(text: str) -> tuple[tuple[_Name, str | None, int], ...]:
    """The names of `names_in(text, other)` for any `other`: each with None, or the opening
    word it is, which is a name when written more than once in `text` and `other` (with
    the times `text` writes it)."""
    speakers = set()
    for match in _SPEAKER_RE.finditer(text):
        for group in match.groups():
            if group:
                speakers |= {w.lower() for w in re.findall(r"[A-Za-z]+", group)}
    names: list[tuple[_Name, str | None, int]] = []
    # "US$14.7bn" names a currency, not a country
    text = re.sub(r"\b[A-Z]{1,3}\$", lambda m: " " * (len(m.group()) - 1) + "$", text)
    for match in _NAME_RE.finditer(text):
        words = [w for w in re.findall(r"[A-Za-z][\w&-]*", match.group()) if w[0].isupper()]
        if not words:
            continue
        again = None
        if _starts_sentence(text, match.start()) and len(words) == 1:
            # a capitalised first word is a name only if written as one: an acronym or
            # a possessive ("Lorillard's shares"), not "Income tax" or "Turning ore"
            word = words[0]
            lowered = word.lower().removesuffix("'s")
            if lowered in (_FUNCTION_WORDS | STOP_WORDS | _COMMON_STARTS) or lowered.endswith(
                ("ly", "ing")
            ):
                continue
            written_as_name = (
                (word.isupper() and len(word) > 1)
                or re.search(r"'s$", match.group())
                or re.match(r"'s\b", text[match.end() : match.end() + 2])
            )
            if not written_as_name:
                again = word
        if all(w.lower() in _CALENDAR for w in words):
            continue
        if len(words) == 1 and re.search(r"\d\s*$", text[: match.start()]):
            if units.find(words[0]) is not None:
                continue  # "1.2 GW", "500 MW": a unit symbol, not a name
        if len(words) == 1 and _is_demonym(words[0]):
            continue  # "Russian", "Welsh": an adjective, not a subject
        keys = frozenset(
            w.lower().removesuffix("'s") for w in words if w.lower() not in _FUNCTION_WORDS
        )
        keys = frozenset(k for k in keys if k not in speakers and len(k) > 1)
        if keys:
            names.append(
                (_Name(keys, match.group()), again, _times_written(again, text) if again else 0)
            )
    return tuple(names)


def _starts_sentence(text: str, start: int) -> bool:
    window = text[max(0, start - 12) : start]
    if start <= 12 and not window.strip(" \"'("):
        return True
    return bool(_SENTENCE_START_RE.search(window))


def _is_demonym(word: str) -> bool:
    lowered = word.lower()
    if lowered in _DEMONYMS or COUNTRY_NAMES.get(lowered, lowered) != lowered:
        return True
    return (
        lowered.endswith(("ian", "ese", "ish", "ean")) and len(lowered) > 5 and not word.isupper()
    )


def _acronym_in(acronym: str, text: str) -> bool:
    """Whether `acronym` ("nao", "boa") spells the initials of consecutive words of `text`."""
    words = re.findall(r"[A-Za-z][\w-]*", text)
    initials = [w[0].lower() for w in words]
    capital_initials = [w[0].lower() for w in words if w[0].isupper()]
    n = len(acronym)
    for seq in (initials, capital_initials):
        for i in range(len(seq) - n + 1):
            if "".join(seq[i : i + n]) == acronym:
                return True
    return False


def _name_found(name: frozenset[str], text: str, words: frozenset[str]) -> bool:
    """Whether a name is mentioned in the other text: its last word, or a one-word name.

    "David Blunkett" is found as "Blunkett"; "Independent on Sunday" is not found in
    "Sunday Times".
    """
    written = re.sub(r"'s?\b", "", getattr(name, "raw", ""))
    raw = [w.lower() for w in re.findall(r"[A-Za-z][\w&-]*", written)]
    raw = [w for w in raw if w not in _FUNCTION_WORDS and len(w) > 1]
    if len(raw) > 1:
        return _word_found(raw[-1], text, words) or all(_word_found(w, text, words) for w in raw)
    return any(_word_found(word, text, words) for word in name)


def _word_found(word: str, text: str, words: frozenset[str]) -> bool:
    return _name_found_word(frozenset([word]), text, words)


def _name_found_word(name: frozenset[str], text: str, words: frozenset[str]) -> bool:
    country_keys, by_opening = _word_index(words)
    for word in name:
        country = _DEMONYMS.get(word, word)
        if word in words or country in words:
            return True
        if COUNTRY_NAMES.get(word) in country_keys:
            return True  # "UK" and "Britain"
        if any(_same_stem(word, w) for w in by_opening.get(word[:4], ())):
            return True  # "Norway" and "Norwegian", "Georgia" and "Georgian"
        if word.isalpha() and 2 <= len(word) <= 5:
            # an acronym of a name in the other text: "NAO", "GSK", "BoA"
            if _acronym_in(word, text):
                return True
            for match in _NAME_RE.finditer(text):
                if _camel_initials(match.group()) == word:
                    return True
    return False


@lru_cache(maxsize=1024)
def _word_index(words: frozenset[str]) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(the countries the words name, the words of four letters or more by their first
    four: the only ones `_same_stem` can find a word's stem in). Read only."""
    by_opening: dict[str, list[str]] = {}
    for w in words:
        if len(w) >= 4:
            by_opening.setdefault(w[:4], []).append(w)
    return (
        frozenset(COUNTRY_NAMES[w] for w in words if w in COUNTRY_NAMES),
        {opening: tuple(found) for opening, found in by_opening.items()},
    )


def _same_stem(a: str, b: str) -> bool:
    shorter = min(len(a), len(b))
    if shorter < 4:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= 2 * shorter / 3


def _camel_initials(name: str) -> str:
    return "".join(ch for ch in name if ch.isupper()).lower()


def _initials_in(name_words: list[str], words: frozenset[str]) -> bool:
    """Whether the other text writes this name as an acronym ("Bank of America" as "BoA")."""
    initials = [w[0] for w in name_words if w]
    for i in range(len(initials)):
        for j in range(i + 2, len(initials) + 1):
            if "".join(initials[i:j]) in words:
                return True
    return False


@lru_cache(maxsize=1024)
def _words_of(text: str) -> frozenset[str]:
    """The words a name is looked for among in a text (`missing_names`)."""
    return frozenset(
        _DEMONYMS.get(w.lower(), w.lower()) for w in re.findall(r"[A-Za-z][\w-]*", text)
    ) | frozenset(w.lower().removesuffix("'s") for w in text.split())


def missing_names(names: tuple[frozenset[str], ...], other_text: str) -> list[str]:
    if not names:
        return []
    words = _words_of(other_text)
    return [
        " ".join(sorted(name))
        for name in names
        if not _name_found(name, other_text, words)
        and not _initials_in(
            [w.lower() for w in re.findall(r"[A-Za-z][\w&-]*", getattr(name, "raw", ""))], words
        )
    ]


@lru_cache(maxsize=1024)
def countries_in(text: str) -> frozenset[str]:
    """Countries a text is about, named or as adjectives ("Peruvian", "US", "China's")."""
    text = re.sub(r"\b[A-Z]{1,3}\$", "$", text)  # "US$1bn" is a currency
    found = set()
    for word in re.findall(r"[A-Za-z]+", text):
        lowered = word.lower()
        if lowered == "us" and word != "US":
            continue  # the pronoun
        if word[0].isupper() and (lowered in COUNTRY_NAMES or lowered in _COUNTRY_KEYS):
            found.add(COUNTRY_NAMES.get(lowered, lowered))
    return frozenset(found)


_COUNTRY_KEYS = frozenset(COUNTRY_NAMES.values())


def specifies(name: str, passage: SentenceFacts, claim: SentenceFacts) -> bool:
    """A name that only narrows a thing the claim names ("the Tarvik harbour authority")."""
    for match in _NAME_RE.finditer(passage.text):
        keys = {w.lower() for w in re.findall(r"[A-Za-z]+", match.group())}
        if not keys & set(name.split()):
            continue
        following = re.findall(r"[a-z]+", passage.text[match.end() : match.end() + 30])[:2]
        if any(term_key(w) in claim.keys for w in following if w not in STOP_WORDS):
            return True
    return False
