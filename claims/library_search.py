"""Searching the library by hand: one function the claim page and the API both call.

`search_library` answers with the library lookup that matching uses
(`sources.search.lookup`), without the relevance gate that holds back weak suggestions:
a person asked, so every hit above the ranker's own floor is shown, weakest last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sources.models import Passage
from sources.search import lookup, normalize_for_search, term_weights
from textcore import matching

# Longest query taken (a pasted paragraph is cut, not refused).
MAX_QUERY_CHARS = 1000


@dataclass(frozen=True)
class LibraryHit:
    passage: Passage
    score: float
    numeric: str
    detail: dict


def score_passages(
    *, text: str, quantities: Sequence[dict], passages: Sequence[matching.PassageText], limit: int
) -> list[matching.ScoredMatch]:
    """Matching's second stage on the given passages (no floor)."""
    return matching.score_candidates(
        text,
        quantities,
        passages,
        term_weights=term_weights(normalize_for_search(text).split()),
        limit=limit,
    )


def search_library(
    *, query: str, quantities: Sequence[dict] = (), limit: int = 20
) -> list[LibraryHit]:
    """Passages of the library for a free-text query (or a claim's text), best first."""
    query = " ".join((query or "").split())[:MAX_QUERY_CHARS]
    if not query:
        return []
    found = lookup(text=query, top_k=limit, quantities=list(quantities) or None, gated=False)
    passages = Passage.objects.select_related("source").in_bulk([m.passage_id for m in found])
    return [
        LibraryHit(passages[m.passage_id], m.score, m.numeric, m.detail)
        for m in found
        if m.passage_id in passages
    ]
