"""Reads for the hand-work desk: earlier copies of an article, what a claim became."""

from __future__ import annotations

from django.db.models.functions import Length
from rapidfuzz import fuzz

from .models import Article

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
