"""Reads that are more than a filter: exports, queues, look-ups for repeated claims."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Prefetch

from .models import Article, Claim, ClaimState, Match

CHECKED_STATES = (ClaimState.APPROVED, ClaimState.PUBLISHED)
REPEAT_CANDIDATES = 50


def checked_claims_like(claim: Claim) -> list[Claim]:
    """Earlier fact-checked claims that may be repeated by `claim` (a cheap first cut)."""
    earlier = Claim.objects.filter(state__in=CHECKED_STATES).exclude(article_id=claim.article_id)
    if connection.vendor == "postgresql":
        earlier = (
            earlier.annotate(similarity=TrigramSimilarity("text", claim.text))
            .filter(similarity__gte=0.3)
            .order_by("-similarity", "pk")
        )
    return list(earlier[:REPEAT_CANDIDATES])


def export_claims(article_ids: Sequence[int] | None = None) -> dict:
    """The claim export of FORMAT.md for the given articles (all when None)."""
    articles = Article.objects.order_by("pk").prefetch_related(
        Prefetch(
            "claims",
            queryset=Claim.objects.order_by("position").prefetch_related(
                Prefetch(
                    "matches",
                    queryset=Match.objects.select_related("passage__source").order_by(
                        "-score", "rank"
                    ),
                )
            ),
        )
    )
    if article_ids:
        articles = articles.filter(pk__in=article_ids)
    return {"articles": [_article_export(article) for article in articles]}


def _article_export(article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "status": article.status,
        "claims": [_claim_export(claim) for claim in article.claims.all()],
    }


def _claim_export(claim: Claim) -> dict:
    return {
        "id": claim.pk,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "checkworthiness": claim.checkworthiness,
        "quantities": [
            {key: q.get(key) for key in ("text", "value", "value_max", "unit", "qualifier")}
            for q in claim.quantities
        ],
        "years": claim.years,
        "status": claim.state,
        "repeats": claim.repeats_id,
        "matches": [
            {
                "source_key": match.passage.source.key,
                "passage_key": match.passage.key,
                "score": match.score,
                "numeric": match.numeric,
                "decision": match.decision,
            }
            for match in claim.matches.all()
        ],
    }
