"""schema.org ClaimReview of a public fact-check (the JSON-LD of its page and the API)."""

from __future__ import annotations

from django.conf import settings

from claims.models import Article

from .fact_checks import Evidence, FactCheck


def _organisation() -> dict:
    org = {"@type": "Organization", "name": settings.FACTCHECK_ORGANISATION}
    if settings.FACTCHECK_ORGANISATION_URL:
        org["url"] = settings.FACTCHECK_ORGANISATION_URL
    return org


def _named(name: str) -> dict | None:
    return {"@type": "Organization", "name": name} if name else None


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def _work(name_property: str, name: str, **optional) -> dict:
    """A schema.org CreativeWork: its name, and each optional property that has a value."""
    work = {"@type": "CreativeWork", name_property: name}
    work.update((key, value) for key, value in optional.items() if value)
    return work


def _creative_work(article: Article) -> dict:
    outlet = _named(article.outlet)
    return _work(
        "headline",
        article.title,
        url=article.url,
        datePublished=_iso(article.published),
        author=outlet,
        publisher=outlet,
    )


def _cited_work(evidence: Evidence) -> dict:
    return _work(
        "name",
        evidence.source_title,
        url=evidence.url,
        publisher=_named(evidence.publisher),
        datePublished=_iso(evidence.published),
    )


def claim_review(check: FactCheck, *, url: str) -> dict:
    """schema.org ClaimReview of a public fact-check, with every property Google reads."""
    # Everything from the published snapshot: the claim text as checked, never the live claim.
    articles = [check.article, *(a.article for a in check.other_appearances)]
    dated = [a for a in articles if a.published]
    first = min(dated, key=lambda a: a.published) if dated else check.article
    item = {"@type": "Claim"}
    item["appearance"] = [_creative_work(a) for a in articles]
    item["firstAppearance"] = _creative_work(first)
    if first.published:
        item["datePublished"] = first.published.isoformat()
    if first.outlet:
        item["author"] = {"@type": "Organization", "name": first.outlet}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": check.text,
        "reviewRating": check.verdict.review_rating(),
        "itemReviewed": item,
        "author": _organisation(),
        "publisher": _organisation(),
        "reviewBody": check.verdict.summary,
        # The sources cited, as they read when the verdict was published.
        "citation": [_cited_work(e) for e in check.evidence],
        "datePublished": check.first_published_at.date().isoformat(),
        "dateModified": check.verdict.published_at.date().isoformat(),
    }
