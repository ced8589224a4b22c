"""Business rules for articles and claims: ingest, process, match.

Views, API, admin, commands and Celery tasks call these functions and hold no rules.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from sources.search import compare_numbers, lookup
from textcore import matching
from textcore.extraction import extract_claims
from textcore.text import html_to_text

from .checkworthiness import model as checkworthiness_model
from .models import Article, Claim, ClaimState, Match

logger = logging.getLogger(__name__)

# Claims in these states are still open, so re-matching may change their matches.
OPEN_STATES = (ClaimState.EXTRACTED, ClaimState.IN_REVIEW)
# A new claim repeats an earlier one when the two score at least this much.
REPEAT_MIN_SCORE = 90.0
# Deliveries of one article before it is marked failed (a "poison" article).
MAX_PROCESSING_ATTEMPTS = settings.FACTCHECK_MAX_ATTEMPTS


def _clean_body(body: str, original_format: str) -> str:
    if original_format == Article.Format.HTML:
        return html_to_text(body)
    # Offsets of claims refer to the stored text, so plain text is stored as given.
    return body


def ingest_article(
    *,
    title: str,
    body: str,
    original_format: str = Article.Format.TEXT,
    url: str = "",
    outlet: str = "",
    published: dt.date | None = None,
    submitted_by=None,
    queue: bool = True,
) -> Article:
    """Store a submitted article and queue its processing; raises ValidationError on bad input."""
    errors: dict[str, str] = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = "An article needs a title."
    if original_format not in Article.Format.values:
        errors["original_format"] = f"Unknown format {original_format!r}: use text or html."
    if "\x00" in (body or ""):
        errors["body"] = "The article contains binary data; submit plain text or HTML."
    elif len(body or "") > settings.FACTCHECK_MAX_ARTICLE_CHARS:
        errors["body"] = (
            f"The article is longer than {settings.FACTCHECK_MAX_ARTICLE_CHARS:,} characters."
        )
    if url and not url.lower().startswith(("http://", "https://")):
        errors["url"] = "The article's address must start with http:// or https://."
    for name, value, limit in (("url", url, 1000), ("outlet", outlet, 300)):
        if len(value or "") > limit:
            errors[name] = f"Longer than {limit} characters."
    if errors:
        raise ValidationError(errors)
    text = _clean_body(body, original_format)
    if not text.strip():
        raise ValidationError({"body": "The article has no text."})

    article = Article.objects.create(
        title=title[:500],
        body=text,
        original_format=original_format,
        url=url or "",
        outlet=outlet or "",
        published=published,
        submitted_by=submitted_by,
    )
    if queue:
        from .tasks import process_article_task

        transaction.on_commit(lambda: process_article_task.delay(article.pk))
    return article


def _claim_rows(article: Article) -> list[Claim]:
    return [
        Claim(
            article=article,
            position=position,
            text=extracted.text,
            extracted_text=extracted.text,
            sentence=extracted.sentence,
            sentence_start=extracted.sentence_start,
            sentence_end=extracted.sentence_end,
            start=extracted.start,
            end=extracted.end,
            # Capped, so comparing numbers stays bounded however repetitive the text.
            quantities=[
                q.to_dict() for q in extracted.quantities[: settings.FACTCHECK_MAX_QUANTITIES]
            ],
            years=list(extracted.years),
            checkworthiness=extracted.checkworthiness,
        )
        for position, extracted in enumerate(
            extract_claims(article.body, model=checkworthiness_model())
        )
    ]


def process_article(article_id: int) -> Article | None:
    """Extract an article's claims and match them; idempotent, safe to run twice at once.

    Returns None when the article no longer exists. Each start is counted, so an article
    whose processing keeps killing the worker is marked failed after
    MAX_PROCESSING_ATTEMPTS deliveries instead of being redelivered forever.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None or article.status in (Article.Status.DONE, Article.Status.FAILED):
            return article
        if article.attempts >= MAX_PROCESSING_ATTEMPTS:
            article.status = Article.Status.FAILED
            article.error = (
                f"Gave up after {article.attempts} attempts: processing this article "
                "stopped before it finished each time."
            )
            article.save(update_fields=["status", "error"])
            return article
        article.status = Article.Status.PROCESSING
        article.attempts += 1
        article.error = ""
        article.save(update_fields=["status", "attempts", "error"])

    try:
        with transaction.atomic():
            # A second delivery waits here and then finds the work done.
            article = Article.objects.select_for_update().get(pk=article_id)
            if article.status == Article.Status.DONE:
                return article
            rows = _claim_rows(article)
            too_long = _too_long(rows)
            if too_long:
                mark_article_failed(article_id, too_long)
                return Article.objects.get(pk=article_id)
            if len(rows) > settings.FACTCHECK_MAX_CLAIMS_PER_ARTICLE:
                limit = settings.FACTCHECK_MAX_CLAIMS_PER_ARTICLE
                mark_article_failed(
                    article_id,
                    f"The article has {len(rows):,} claims; the limit is {limit:,}. "
                    "Split it into smaller articles.",
                )
                return Article.objects.get(pk=article_id)
            # With history rows, so every claim's record starts at its extraction.
            claims = bulk_create_with_history(
                rows, Claim, default_change_reason="Extracted from the article"
            )
            for claim in claims:
                match_claim(claim)
                link_repeated_claim(claim)
            article.status = Article.Status.DONE
            article.processed_at = timezone.now()
            article.save(update_fields=["status", "processed_at"])
    except (OperationalError, InterfaceError):
        # Transient: the status stays "processing" and the task retries.
        raise
    except SoftTimeLimitExceeded:
        limit = settings.FACTCHECK_ARTICLE_TIME_LIMIT
        mark_article_failed(
            article_id, f"Processing took longer than {limit:,} seconds and was stopped."
        )
        article.refresh_from_db()
    except Exception as exc:
        # The article's status must tell the truth; the traceback goes to the log.
        logger.exception("Processing article %s failed", article_id)
        mark_article_failed(article_id, f"{type(exc).__name__}: {exc}")
        article.refresh_from_db()
    return article


def _too_long(rows: Sequence[Claim]) -> str:
    """Why the article's claims cannot be kept (a claim or sentence over its limit), or ""."""
    claim_limit = settings.FACTCHECK_MAX_CLAIM_CHARS
    sentence_limit = settings.FACTCHECK_MAX_SENTENCE_CHARS
    for row in rows:
        if len(row.sentence) > sentence_limit:
            return (
                f"A sentence starting at character {row.sentence_start:,} is "
                f"{len(row.sentence):,} characters long; the longest accepted is "
                f"{sentence_limit:,}. The text may lack sentence punctuation."
            )
        if len(row.text) > claim_limit:
            return (
                f"A claim starting at character {row.start:,} is {len(row.text):,} characters "
                f"long; the longest accepted is {claim_limit:,}."
            )
    return ""


def mark_article_failed(article_id: int, reason: str) -> None:
    """Record that processing an article failed, with the reason shown to users."""
    Article.objects.filter(pk=article_id).update(status=Article.Status.FAILED, error=reason[:2000])


def match_claim(claim: Claim, *, limit: int | None = None) -> list[Match]:
    """(Re)compute a claim's matches, keeping every reviewer's accept/reject decision."""
    limit = limit or settings.FACTCHECK_MATCHES_PER_CLAIM
    found = lookup(text=claim.text, top_k=limit, quantities=claim.quantities)
    # The lookup already leaves out what is not evidence about the claim (its relevance
    # floor); a deployment may ask for a higher score on top.
    floor = settings.FACTCHECK_MATCH_FLOOR
    return _store_matches(claim, [m for m in found if m.score >= floor])


def _store_matches(claim: Claim, scored: Sequence) -> list[Match]:
    existing = {m.passage_id: m for m in Match.objects.filter(claim=claim)}
    keep_ids = {s.passage_id for s in scored}
    # Matches a reviewer decided on stay even when they drop out of the new ranking.
    # So do matches a published verdict cites (a correction may have taken the decision back).
    Match.objects.filter(claim=claim, decision=Match.Decision.NONE).exclude(
        passage_id__in=keep_ids
    ).exclude(cited_by__published_at__isnull=False).delete()
    to_create, to_update = [], []
    for rank, result in enumerate(scored):
        fields = {
            "score": round(result.score, 2),
            "rank": rank,
            "numeric": result.numeric,
            "numeric_detail": result.detail,
        }
        current = existing.get(result.passage_id)
        if current is None:
            to_create.append(Match(claim=claim, passage_id=result.passage_id, **fields))
        else:
            for name, value in fields.items():
                setattr(current, name, value)
            to_update.append(current)
    Match.objects.bulk_create(to_create)
    Match.objects.bulk_update(to_update, ["score", "rank", "numeric", "numeric_detail"])
    return list(Match.objects.filter(claim=claim).order_by("rank"))


def refresh_numeric_comparisons(*, passage_ids) -> int:
    """Compare the figures again for every match on passages whose text changed.

    Score and rank stay (re-ranking open claims is the library-changed re-match's work);
    the numeric relation and its detail follow the passage's new text at once, whatever
    the claim's state, so no badge shows a comparison with text the passage no longer has.
    Returns the number of matches whose comparison changed.
    """
    passage_ids = set(passage_ids)
    if not passage_ids:
        return 0
    claim_ids = (
        Match.objects.filter(passage_id__in=passage_ids)
        .values_list("claim_id", flat=True)
        .distinct()
    )
    changed = []
    for claim in Claim.objects.filter(pk__in=claim_ids).order_by("pk"):
        matches = list(claim.matches.select_related("passage"))
        compared = compare_numbers(
            text=claim.text,
            quantities=claim.quantities,
            passages=[m.passage for m in matches],
        )
        for match in matches:
            if match.passage_id not in passage_ids or match.passage_id not in compared:
                continue
            numeric, detail = compared[match.passage_id]
            if "retrieval" in match.numeric_detail:
                detail = {**detail, "retrieval": match.numeric_detail["retrieval"]}
            if (numeric, detail) != (match.numeric, match.numeric_detail):
                match.numeric, match.numeric_detail = numeric, detail
                changed.append(match)
    Match.objects.bulk_update(changed, ["numeric", "numeric_detail"])
    return len(changed)


def link_repeated_claim(claim: Claim) -> Claim | None:
    """Link a claim to the earlier claim with a fact-check it repeats, if there is one."""
    from .selectors import checked_claims_like

    earlier = checked_claims_like(claim)
    if not earlier:
        return None
    scored = matching.score_candidates(
        claim.text,
        claim.quantities,
        [matching.PassageText(id=c.pk, text=c.text, quantities=c.quantities) for c in earlier],
        limit=1,
        min_score=REPEAT_MIN_SCORE,
    )
    if not scored:
        return None
    claim.repeats_id = scored[0].passage_id
    claim.save(update_fields=["repeats"])
    return claim.repeats


def rematch_open_claims() -> int:
    """Re-match every open claim after the library changed; returns how many were re-matched."""
    claims = Claim.objects.filter(state__in=OPEN_STATES, article__status=Article.Status.DONE)
    count = 0
    for claim in claims.iterator(chunk_size=500):
        with transaction.atomic():
            match_claim(claim)
        count += 1
    return count
