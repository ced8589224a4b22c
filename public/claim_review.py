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


def _creative_work(article: Article) -> dict:
    work = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.published:
        work["datePublished"] = article.published.isoformat()
    if article.outlet:
        outlet = {"@type": "Organization", "name": article.outlet}
        work["author"] = outlet
        work["publisher"] = outlet
    return work


def _cited_work(evidence: Evidence) -> dict:
    work = {"@type": "CreativeWork", "name": evidence.source_title}
    if evidence.url:
        work["url"] = evidence.url
    if evidence.publisher:
        work["publisher"] = {"@type": "Organization", "name": evidence.publisher}
    if evidence.published:
        work["datePublished"] = evidence.published.isoformat()
    return work


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
