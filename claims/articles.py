"""Editing an article after claims were taken from it.

What was published never changes: the checked text and the quote are stored with each
published verdict. A changed body becomes a new revision (the earlier ones are kept)
and the fact-checks taken from the article are flagged for re-review, so a fact-checker
decides whether the edit calls for a correction.
"""

from __future__ import annotations

from django.db import transaction

from . import workflow
from .models import Article, ArticleRevision


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
