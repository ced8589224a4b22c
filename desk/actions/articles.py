"""Articles submitted from the admin (paste or upload) and processed again after a failure."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from claims import services
from claims.models import Article, ArticleRevision
from desk.articles import revise_article
from desk.workflow import check_role
from sources.documents import page_texts
from sources.importers import ImportFormatError, decode_text

UPLOAD_FORMATS = {
    ".txt": Article.Format.TEXT,
    ".text": Article.Format.TEXT,
    ".html": Article.Format.HTML,
    ".htm": Article.Format.HTML,
    ".pdf": Article.Format.TEXT,
}


def read_upload(*, name: str, content: bytes) -> tuple[str, str]:
    """The text and format of an uploaded article (.txt, .html or .pdf)."""
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in UPLOAD_FORMATS:
        raise ValidationError({"upload": "Upload a .txt, .html or .pdf file."})
    try:
        if suffix == ".pdf":
            text = "\n\n".join(t.strip() for t in page_texts(content, name) if t.strip())
        else:
            text = decode_text(content, name)
    except ImportFormatError as exc:
        raise ValidationError({"upload": str(exc)}) from None
    return text, UPLOAD_FORMATS[suffix]


def submit_article(
    *,
    user,
    title: str,
    body: str = "",
    original_format: str = Article.Format.TEXT,
    upload_name: str = "",
    upload_content: bytes | None = None,
    url: str = "",
    outlet: str = "",
    published: dt.date | None = None,
) -> Article:
    """Store an article pasted or uploaded by a person and queue its processing."""
    if upload_content is not None and (body or "").strip():
        raise ValidationError({"upload": "Paste the text or upload a file, not both."})
    if upload_content is not None:
        body, original_format = read_upload(name=upload_name, content=upload_content)
    if not (body or "").strip():
        raise ValidationError({"body": "Paste the article's text or upload a file."})
    return services.ingest_article(
        title=title,
        body=body,
        original_format=original_format,
        url=url,
        outlet=outlet,
        published=published,
        submitted_by=user,
    )


def process_again(*, article: Article, user) -> Article:
    """Queue a failed or stuck article for processing again, from its first attempt."""
    check_role("process_again", user)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status == Article.Status.DONE:
            raise ValidationError(f"“{locked.title}” is already processed.")
        locked.status = Article.Status.QUEUED
        locked.attempts = 0
        locked.error = ""
        locked.save(update_fields=["status", "attempts", "error"])
        from claims.tasks import process_article_task

        transaction.on_commit(lambda: process_article_task.delay(locked.pk))
    return locked


def revise_text(*, article: Article, user, body: str, reason: str) -> ArticleRevision | None:
    """Revise an article's stored text by hand (the outlet corrected it, a typo in a paste).

    Goes through `claims.articles.revise_article`: the edit becomes a new revision with
    its author and reason, published fact-checks keep what was published and are flagged
    for re-review. Returns the new revision, or None when the text did not change.
    """
    check_role("revise_article_text", user)
    errors: dict[str, str] = {}
    body = (body or "").replace("\r\n", "\n")
    reason = (reason or "").strip()
    if not body.strip():
        errors["body"] = "The article's text cannot be empty."
    elif "\x00" in body:
        errors["body"] = "The text contains binary data; paste plain text."
    elif len(body) > settings.FACTCHECK_MAX_ARTICLE_CHARS:
        errors["body"] = (
            f"The text is longer than {settings.FACTCHECK_MAX_ARTICLE_CHARS:,} characters."
        )
    if not reason:
        errors["reason"] = "Say why the text changed: the reason is kept with the revision."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status in (Article.Status.QUEUED, Article.Status.PROCESSING):
            raise ValidationError(
                f"“{locked.title}” is being processed; revise its text when processing ends."
            )
        locked.body = body
        return revise_article(article=locked, user=user, reason=reason[:2000])
