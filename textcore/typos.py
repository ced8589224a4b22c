"""Typo-tolerant word lookup for search boxes: query terms and the words near each one.

Pure Python (rapidfuzz): the embedded default (SQLite) has no trigram index, so a reader's
"samarum" is matched against the words of what can be found ("samarium") here instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .lexicon import STOP_WORDS

_TERM_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Shorter words are matched exactly: one edit turns "cat" into "car", "bat" or "at".
MIN_FUZZY_LENGTH = 4


def words(text: str) -> list[str]:
    """The lowercased words (letters and digits) of a text, in order."""
    return _TERM_RE.findall(text.casefold())


def search_terms(query: str) -> list[str]:
    """The words of a query that carry meaning: no stop words, each once, in query order."""
    return list(dict.fromkeys(w for w in words(query) if w not in STOP_WORDS))


def allowed_edits(term: str) -> int:
    """Typos tolerated in a term: none below four letters, one up to eight, two beyond."""
    if len(term) < MIN_FUZZY_LENGTH:
        return 0
    return 1 if len(term) <= 8 else 2


def near_words(term: str, vocabulary: Iterable[str]) -> list[str]:
    """Words of `vocabulary` within the term's allowed edits (the term itself included)."""
    edits = allowed_edits(term)
    if edits == 0:
        return [term]
    found = process.extract(
        term, set(vocabulary), scorer=Levenshtein.distance, score_cutoff=edits, limit=None
    )
    return sorted({term, *(word for word, _distance, _key in found)})
