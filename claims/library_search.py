"""Searching the library by hand: one function the claim page and the API both call.

`search_library` answers with passages ranked the way matching ranks them (first-stage
candidates from `sources.search`, then `textcore.matching.score_candidates`), without the
relevance floor: a person asked, so every hit is shown, weakest last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sources.models import Passage
from sources.search import find_candidates, normalize_for_search, term_weights
from textcore import matching

# Longest query taken (a pasted paragraph is cut, not refused).
MAX_QUERY_CHARS = 1000
CANDIDATES = 200


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
    candidates = find_candidates(query, limit=CANDIDATES)
    scored = score_passages(
        text=query,
        quantities=quantities,
        passages=[
            matching.PassageText(id=c.passage_id, text=c.text, quantities=c.quantities)
            for c in candidates
        ],
        limit=limit,
    )
    passages = Passage.objects.select_related("source").in_bulk([s.passage_id for s in scored])
    return [
        LibraryHit(passages[s.passage_id], s.score, s.numeric, s.detail)
        for s in scored
        if s.passage_id in passages
    ]
