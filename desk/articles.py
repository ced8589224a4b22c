"""Editing an article after claims were taken from it.

What was published never changes: the checked text and the quote are stored with each
published verdict. A changed body becomes a new revision (the earlier ones are kept)
and the fact-checks taken from the article are flagged for re-review, so a fact-checker
decides whether the edit calls for a correction.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from claims.models import Article, ArticleRevision, Claim, Verdict
from desk import workflow
from textcore.spans import shift_span


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
        _follow_the_edit(article, old=stored.body, new=article.body)
    why = (
        f"The article's text was edited (revision {revision.number}); check that the "
        "claim and its quote still stand."
    )
    workflow.queue_rereview_for_article(article_id=article.pk, reason=why)
    return revision


def _follow_the_edit(article: Article, *, old: str, new: str) -> None:
    """Point each claim's span and sentence at the same words in the edited body.

    A span whose words the edit changed keeps its sentence's new place when that
    sentence is still there, and otherwise stays where it was (cut to the new length);
    published quotes never depend on it (they are stored with the verdict)."""
    for claim in Claim.objects.filter(article=article).order_by("pk"):
        sentence = shift_span(old, new, claim.sentence_start, claim.sentence_end)
        span = shift_span(old, new, claim.start, claim.end) or sentence
        sentence = sentence or span
        if span is None:
            span = sentence = (min(claim.start, len(new)), min(claim.end, len(new)))
        Claim.objects.filter(pk=claim.pk).update(
            start=span[0], end=span[1], sentence_start=sentence[0], sentence_end=sentence[1]
        )


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
