"""Reads for the hand-work desk: earlier copies of an article, claims like a text."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models.functions import Length
from rapidfuzz import fuzz

from claims.models import Article, Claim, ClaimState
from textcore import matching
from textcore.quantities import parse_quantities

# Near-identical: the same text give or take a correction or a changed byline.
DUPLICATE_MIN_RATIO = 95.0
# Texts compared on their first characters: enough to tell, cheap on long articles.
COMPARED_CHARS = 20_000
CANDIDATES = 50


def _normal(text: str) -> str:
    return " ".join(text.lower().split())[:COMPARED_CHARS]


def earlier_duplicates(article: Article) -> list[Article]:
    """Earlier articles with the same address or near-identical text, newest first."""
    found: dict[int, Article] = {}
    others = Article.objects.exclude(pk=article.pk).filter(created_at__lte=article.created_at)
    if article.url:
        for earlier in others.filter(url=article.url).order_by("-created_at")[:CANDIDATES]:
            found[earlier.pk] = earlier
    size = len(article.body)
    similar_size = (
        others.annotate(size=Length("body"))
        .filter(size__gte=size * 0.9, size__lte=size * 1.1 + 10)
        .order_by("-created_at")[:CANDIDATES]
    )
    mine = _normal(article.body)
    for earlier in similar_size:
        if (
            earlier.pk not in found
            and fuzz.ratio(mine, _normal(earlier.body)) >= DUPLICATE_MIN_RATIO
        ):
            found[earlier.pk] = earlier
    return sorted(found.values(), key=lambda a: (a.created_at, a.pk), reverse=True)


# Claims like a text (a reader's tip): a cheap first cut by trigrams, then the matcher's
# own scoring; shown to a person who decides, so the bar is lower than for repeats.
LIKE_CANDIDATES = 50
LIKE_MIN_TRIGRAM = 0.15
LIKE_MIN_SCORE = 35.0
# Closed claims live on in the claim they became.
CLOSED_STATES = (ClaimState.SPLIT, ClaimState.MERGED)


@dataclass(frozen=True)
class SimilarClaim:
    claim: Claim
    score: float


def claims_like(*, text: str, limit: int = 5) -> list[SimilarClaim]:
    """Claims already in the newsroom that say what `text` says, best first."""
    text = " ".join((text or "").split())
    if not text:
        return []
    claims = Claim.objects.exclude(state__in=CLOSED_STATES).select_related("article")
    if connection.vendor == "postgresql":
        claims = (
            claims.annotate(similarity=TrigramSimilarity("text", text))
            .filter(similarity__gte=LIKE_MIN_TRIGRAM)
            .order_by("-similarity", "pk")
        )
    candidates = {c.pk: c for c in claims[:LIKE_CANDIDATES]}
    scored = matching.score_candidates(
        text,
        [q.to_dict() for q in parse_quantities(text)],
        [
            matching.PassageText(id=c.pk, text=c.text, quantities=c.quantities)
            for c in candidates.values()
        ],
        limit=limit,
        min_score=LIKE_MIN_SCORE,
    )
    return [SimilarClaim(claim=candidates[s.passage_id], score=s.score) for s in scored]
