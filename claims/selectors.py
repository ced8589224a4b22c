"""Reads that are more than a filter: exports, queues, look-ups for repeated claims."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.db.models.functions import Length, Substr

from .models import Article, Claim, ClaimState, Match, Verdict

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


def claim_summaries():
    """Claims for lists: the text cut to SUMMARY_CHARS in the database, match counts."""
    limit = settings.FACTCHECK_SUMMARY_CHARS
    return (
        Claim.objects.only(
            "pk",
            "article_id",
            "position",
            "checkworthiness",
            "state",
            "version",
            "assignee_id",
            "repeats_id",
            "needs_rereview",
        )
        .alias(text_length=Length("text"))
        .annotate(
            text_summary=Substr("text", 1, limit),
            text_truncated=ExpressionWrapper(Q(text_length__gt=limit), output_field=BooleanField()),
            match_count=Count("matches"),
        )
        .order_by("article_id", "position")
    )


# --- Editorial workflow -------------------------------------------------------------------

HIGH_CHECKWORTHINESS = 0.7
MEDIUM_CHECKWORTHINESS = 0.4
# The extractor's line between check-worthy claims and the ones it is unsure of.
CHECKWORTHY_THRESHOLD = 0.5
# Claims flagged for re-review first, then the most check-worthy, in reading order.
QUEUE_ORDERING = ("-needs_rereview", "-checkworthiness", "article_id", "position")


def review_queue():
    """Claims for the review desk, most check-worthy first, with evidence counts.

    Each claim carries `conflict_count` (matches whose numbers conflict with the claim)
    and `accepted_count` (matches accepted as evidence). Which claims a person sees is
    the queue's tabs' business (desk.queue).
    """
    return (
        Claim.objects.select_related("article", "assignee")
        .annotate(
            conflict_count=Count("matches", filter=Q(matches__numeric=Match.Numeric.CONFLICTS)),
            accepted_count=Count("matches", filter=Q(matches__decision=Match.Decision.ACCEPTED)),
        )
        .order_by(*QUEUE_ORDERING)
    )


def awaiting_approval(*, user):
    """Claims whose verdict waits for an editor other than its author, oldest first."""
    # Any version written by the user counts (four eyes), not only the latest.
    own = Verdict.history.filter(
        claim_id=OuterRef("pk"),
        id__in=Verdict.objects.filter(published_at__isnull=True).values("pk"),
        author_id=getattr(user, "pk", None),
    )
    return (
        Claim.objects.filter(state=ClaimState.AWAITING_APPROVAL)
        .exclude(Exists(own))
        .select_related("article", "assignee")
        .order_by("updated_at", "pk")
    )


def verdicts_of(claim: Claim) -> list[Verdict]:
    """Every verdict of a claim, newest first: corrections leave the earlier ones visible."""
    return list(
        claim.verdicts.select_related("author", "approver", "publisher", "corrects")
        .prefetch_related("evidence__passage__source")
        .order_by("-created_at", "-pk")
    )


def more_claims(*, claim: Claim) -> QuerySet[Claim]:
    """The article's other claims under the check-worthy threshold that nobody has taken:
    offered beside a claim on the workbench so a fact-checker can promote one."""
    return (
        Claim.objects.filter(
            article_id=claim.article_id,
            state=ClaimState.EXTRACTED,
            checkworthiness__lt=CHECKWORTHY_THRESHOLD,
        )
        .exclude(pk=claim.pk)
        .order_by("position")
    )
