"""Editing an article after claims were taken from it.

What was published never changes: the checked text and the quote are stored with each
published verdict. A changed body becomes a new revision (the earlier ones are kept)
and the fact-checks taken from the article are flagged for re-review, so a fact-checker
decides whether the edit calls for a correction.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from . import workflow
from .models import Article, ArticleRevision, Verdict


def revise_article(*, article: Article, user, reason: str = "") -> ArticleRevision | None:
    """Save an edited article; returns the new revision when its body changed."""
    with transaction.atomic():
        stored = Article.objects.select_for_update().get(pk=article.pk)
        article.save()
        if stored.body == article.body:
            return None
        number = article.revisions.count()
        if number == 0:
            ArticleRevision.objects.create(
                article=article,
                number=1,
                title=stored.title,
                body=stored.body,
                edited_by=stored.submitted_by,
                reason="As submitted",
            )
            number = 1
        revision = ArticleRevision.objects.create(
            article=article,
            number=number + 1,
            title=article.title,
            body=article.body,
            edited_by=user,
            reason=reason,
        )
    why = (
        f"The article's text was edited (revision {revision.number}); check that the "
        "claim and its quote still stand."
    )
    workflow.queue_rereview_for_article(article_id=article.pk, reason=why)
    return revision


def published_fact_checks(*, articles=(), claims=()) -> list[Verdict]:
    """The published verdicts of these articles' claims and of these claims: they keep
    them from being deleted (what was published stays; a correction changes it)."""
    return list(
        Verdict.objects.published()
        .filter(
            Q(claim__article_id__in=[a.pk for a in articles])
            | Q(claim_id__in=[c.pk for c in claims])
        )
        .select_related("claim__article")
        .order_by("claim__article_id", "claim_id", "pk")
    )


def why_not_deletable(verdict: Verdict) -> str:
    """The message shown for a published fact-check that keeps its article."""
    return (
        f"Published fact-check of “{verdict.checked_text[:80]}” "
        f"(article “{verdict.claim.article.title[:80]}”): a published fact-check is never "
        "deleted; publish a correction instead"
    )
