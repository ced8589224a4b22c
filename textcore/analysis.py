"""Text analysis for matching: folding, tokens, stems, names, years and countries.

`normalize_text`, `claim_terms` and `term_key` define the words a claim and a passage are
compared by (the library's search index uses the same ones); `analyse` computes, once per
text, everything the scorer reads: the keys of its content words, the names it mentions,
who it quotes, the years it states figures for and the countries that qualify its nouns.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import COUNTRY_NAMES, QUANTITY_WORDS, SPEECH_VERBS, STOP_WORDS, alternation

__all__ = [
    "COUNTRY_KEYS",
    "QUOTES",
    "TOKEN_RE",
    "Analysis",
    "analyse",
    "claim_terms",
    "fold_text",
    "is_year",
    "normalize_text",
    "stated_years",
    "term_key",
]

QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
TOKEN_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[^\W\d_]+", re.UNICODE)
_CAPITALISED_RE = re.compile(r"\b(?:[A-Z][\w]*(?:[-.][A-Z0-9][\w]*)*|[a-z]+[A-Z][\w]*)\b")


# Spellings of the same country name that tokenising would otherwise break apart.
_SPELLINGS = [
    (re.compile(r"\b(?:US|U\.S\.|USD|A)\$"), "$"),  # "US$14.7 billion" is an amount, not the US
    (re.compile(r"\bU\.S\.(?:A\.)?"), "US"),
    (re.compile(r"\bUnited States(?: of America)?\b"), "US"),
    (re.compile(r"\bU\.K\."), "UK"),
    (re.compile(r"\bUnited Kingdom\b"), "UK"),
]


def fold_text(text: str) -> str:
    """Unicode-normalise and fold curly quotes, dashes and no-break spaces (case kept)."""
    folded = unicodedata.normalize("NFKC", text or "").translate(QUOTES)
    if "U" in folded or "$" in folded:  # every spelling above has one; most texts neither
        for pattern, replacement in _SPELLINGS:
            folded = pattern.sub(replacement, folded)
    return folded


def normalize_text(text: str) -> str:
    """Lowercase words and numbers separated by single spaces; deterministic."""
    tokens = TOKEN_RE.findall(fold_text(text).lower())
    return " ".join(t.replace(",", "") if t[0].isdigit() else t for t in tokens)


def _stem(word: str) -> str:
    """A light English suffix stripper, so "refines", "refined" and "refining" meet.

    Not a full Porter stemmer: it only has to map inflections of the same word to the
    same key on both sides of a comparison, deterministically.
    """
    if len(word) <= 3 or word[0].isdigit():
        return word
    for suffix, repl in (("sses", "ss"), ("ies", "y"), ("'s", "")):
        if word.endswith(suffix):
            word = word[: -len(suffix)] + repl
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if any(ch in "aeiouy" for ch in stem):
                word = stem
                # "stopped" -> "stop", but keep "ll"/"ss" ("called" -> "call")
                if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                    word = word[:-1]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"
    return word


# Words that name the same thing in news copy, mapped to one key: a country and its
# adjective, the verbs of direction that paraphrases swap freely, and the common newsroom
# synonyms for the things figures measure (a trade "gap" is a "deficit", "output" is
# "production", a body "forecasts" or "projected" what it "expects").
_SAME_MEANING = {
    **{word: country for word, country in COUNTRY_NAMES.items() if word != country},
    **dict.fromkeys(
        [
            "rise",
            "rose",
            "risen",
            "increas",
            "grow",
            "grew",
            "grown",
            "climb",
            "gain",
            "jump",
            "surg",
            "soar",
            "widen",
        ],
        "rise",
    ),
    **dict.fromkeys(
        [
            "fall",
            "fell",
            "fallen",
            "declin",
            "decreas",
            "drop",
            "shrank",
            "shrunk",
            "shrink",
            "narrow",
            "plung",
            "slump",
        ],
        "fall",
    ),
    **dict.fromkeys(["biggest", "largest", "larg", "big"], "larg"),
    "telephon": "phone",
    **dict.fromkeys(["gap", "imbalanc", "shortfall"], "deficit"),
    **dict.fromkeys(["output", "produc"], "production"),
    **dict.fromkeys(
        ["forecast", "predict", "anticipat", "projected", "projecting"],
        "expect",
    ),
}


_SAME_MEANING = {word: _stem(key) for word, key in _SAME_MEANING.items()}


@lru_cache(maxsize=200_000)
def term_key(word: str) -> str:
    """The comparison key of one word: lowercased, stemmed, same-meaning words merged."""
    lowered = word.lower()
    if lowered in _SAME_MEANING:
        return _SAME_MEANING[lowered]
    stem = _stem(lowered)
    return _SAME_MEANING.get(stem, stem)


def _is_number(token: str) -> bool:
    return token[0].isdigit()


def is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100


def claim_terms(text: str) -> list[str]:
    """The content words of a text, lowercased, in order, without repeats.

    Pass these to `sources.search.term_weights`; `score_candidates` looks weights up by
    these words. Numbers other than years are left out: quantities are compared by value.
    """
    return _content_words(normalize_text(text).split())


def _content_words(tokens: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    terms: list[str] = []
    for token in tokens:
        if token in seen or token in STOP_WORDS or token in QUANTITY_WORDS:
            continue
        if (_is_number(token) and not is_year(token)) or (len(token) == 1):
            continue
        seen.add(token)
        terms.append(token)
    return terms


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?;:]\s+|\n)[\"'(]*$")
_WORD_SPLIT_RE = re.compile(r"[^\w]+|_")


def _entities(folded: str, *, sentence_starts: bool = True) -> set[str]:
    """Keys of capitalised names, acronyms and model numbers ("Xi", "US", "F-35").

    `folded` is the text after fold_text. With `sentence_starts=False` a capitalised word
    opening a sentence is skipped unless it is an acronym: "Imports rose" names nothing.
    """
    found: set[str] = set()
    for match in _CAPITALISED_RE.finditer(folded):
        word = match.group()
        if (
            not sentence_starts
            and not (word.isupper() and len(word) > 1)
            and _SENTENCE_START_RE.search(folded, max(0, match.start() - 4), match.start())
        ):
            continue
        for token in _WORD_SPLIT_RE.split(word.lower()):
            if not token or token in STOP_WORDS or token in QUANTITY_WORDS or len(token) == 1:
                continue
            if not (_is_number(token) and not is_year(token)):
                found.add(term_key(token))
    return found


# A year after these words is the base of a comparison, not the period a figure is for:
# "up 13.2 percent from 2003", "24.4 percent more than in 2003", "an increase of 1.7% on
# 2004", "up from $418.0 billion in 2002".
_BASE_YEAR_WORDS = frozenset(["from", "than", "on", "over", "versus", "vs", "against"])
_PREPOSITIONS = frozenset(
    "with to from in into of on by for between against among at than via".split()
)
_COUNTRY_NOUNS = frozenset(COUNTRY_NAMES.values()) | {"america", "usa", "britain", "prc"}
COUNTRY_KEYS = frozenset(term_key(name) for name in COUNTRY_NAMES)


def stated_years(tokens: Sequence[str]) -> frozenset[str]:
    """The years a text states figures for, leaving out years it only compares with."""
    years: set[str] = set()
    for i, token in enumerate(tokens):
        if not is_year(token):
            continue
        before = tokens[i - 1] if i else ""
        if before in _BASE_YEAR_WORDS or (
            before in ("with", "to") and i >= 2 and tokens[i - 2] == "compared"
        ):
            continue
        if before == "in" and any(t in ("from", "than") for t in tokens[max(0, i - 5) : i - 1]):
            continue
        years.add(token)
    return frozenset(years)


def _country_qualified(tokens: Sequence[str]) -> dict[str, frozenset[str]]:
    """Words a country name qualifies: "Chinese imports", "China's exports" -> {import: china}.

    A figure for "Chinese imports" is not one for imports in general, nor for US imports.
    """
    found: dict[str, set[str]] = {}
    keys = [term_key(t) for t in tokens]
    for i, country in enumerate(keys):
        if country not in COUNTRY_KEYS:
            continue
        if tokens[i] in _COUNTRY_NOUNS and i and tokens[i - 1] in _PREPOSITIONS:
            # "the deficit with China rose": the rise is not China's ("on Chinese imports"
            # still names whose imports)
            continue
        j = i + 1
        if j < len(tokens) and tokens[j] == "s":  # "China's" is tokenised "china s"
            j += 1
        # the short noun phrase that follows: "US current account deficit"
        for k in range(j, min(j + 3, len(tokens))):
            if tokens[k] in STOP_WORDS or _is_number(tokens[k]) or keys[k] in COUNTRY_KEYS:
                break
            found.setdefault(keys[k], set()).add(country)
    return {key: frozenset(countries) for key, countries in found.items()}


_NAME = r"[A-Z][\w'.-]*"
_SPEECH = rf"(?:{alternation(SPEECH_VERBS)})"
# The name of whoever is quoted ("Mr Cartagena said", "said Patricio Cartagena",
# "according to Cochilco") says who speaks, not what a figure is about.
_SPEAKER_RES = (
    re.compile(rf"((?:{_NAME}\s+){{0,3}}{_NAME})\s+{_SPEECH}\b"),
    re.compile(rf"\b(?:{_SPEECH}|according\s+to)\s+((?:{_NAME}\s+){{0,3}}{_NAME})"),
)


def _speakers(folded: str) -> frozenset[str]:
    """Keys of the names a text attributes a statement to."""
    found: set[str] = set()
    for pattern in _SPEAKER_RES:
        for match in pattern.finditer(folded):
            found |= _entities(match.group(1))
    return frozenset(found)


@dataclass(frozen=True)
class Analysis:
    """What scoring needs of one text, computed once."""

    normalized: str
    keys: frozenset[str]
    entities: frozenset[str]
    speakers: frozenset[str]
    years: frozenset[str]
    stated_years: frozenset[str]
    countries: frozenset[str]
    country_qualified: Mapping[str, frozenset[str]]


def analyse(text: str, *, sentence_starts: bool) -> Analysis:
    folded = fold_text(text)
    tokens = [t.replace(",", "") if t[0].isdigit() else t for t in TOKEN_RE.findall(folded.lower())]
    keys = frozenset(term_key(t) for t in _content_words(tokens))
    return Analysis(
        normalized=" ".join(tokens),
        keys=keys,
        entities=frozenset(_entities(folded, sentence_starts=sentence_starts)),
        speakers=_speakers(folded),
        years=frozenset(t for t in tokens if is_year(t)),
        stated_years=stated_years(tokens),
        countries=keys & COUNTRY_KEYS,
        country_qualified=_country_qualified(tokens),
    )
