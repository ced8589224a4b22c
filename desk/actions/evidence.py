"""Evidence chosen by hand: a passage found in the library, or a source from outside it.

Either way the passage is scored against the claim like any match (numbers compared,
units converted) and stored as accepted evidence with history.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from claims.library_search import score_passages
from claims.models import Claim, Match
from desk import workflow
from sources.models import Passage, Source, SourceKind
from sources.services import save_passage, save_source
from textcore import matching

MAX_QUOTE_CHARS = 5000
LIMITS = {"title": 500, "publisher": 300, "locator": 200, "url": 1000}


def _accept(act: workflow.Act, *, passage: Passage, reason: str) -> Match:
    locked, user = act.claim, act.user
    scored = score_passages(
        text=locked.text,
        quantities=locked.quantities,
        passages=[matching.PassageText(passage.pk, passage.text, passage.quantities)],
        limit=1,
    )
    match = Match.objects.select_for_update().filter(claim=locked, passage=passage).first()
    if match is None:
        match = Match(claim=locked, passage=passage, rank=locked.matches.count())
    if scored:
        match.score = round(scored[0].score, 2)
        match.numeric = scored[0].numeric
        match.numeric_detail = scored[0].detail
    elif match.pk is None:
        match.score = 0.0
    match.decision = Match.Decision.ACCEPTED
    match.decided_by = user
    match.decided_at = timezone.now()
    match._history_user = user
    match._change_reason = reason[:100]
    match.save()
    act.edit(reason=f"{reason}: {passage.citation}", comment=f"{reason}: {passage.citation}")
    return match


def attach_passage(
    *, claim: Claim, user, passage: Passage, expected_version: int | None = None
) -> Match:
    """Cite a library passage (found by searching) as accepted evidence for the claim."""
    with workflow.claim_action(
        "attach_evidence", claim=claim, user=user, expected_version=expected_version
    ) as act:
        match = _accept(act, passage=passage, reason="Evidence from the library")
    return match


def _clean_url(url: str) -> str:
    url = (url or "").strip()
    if not url:
        raise ValidationError({"url": "Give the address of the source."})
    if not url.lower().startswith(("http://", "https://")):
        raise ValidationError({"url": "The source's address must start with http:// or https://."})
    if len(url) > LIMITS["url"]:
        raise ValidationError({"url": f"Longer than {LIMITS['url']} characters."})
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError({"url": "This is not a valid web address."}) from None
    return url


def _clean_outside_source(
    *, url, title, quoted_text, publisher, locator, kind, published
) -> dict[str, object]:
    errors: dict[str, str] = {}
    try:
        url = _clean_url(url)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    title = " ".join((title or "").split())
    if not title:
        errors["title"] = "Give the title of the source."
    quoted_text = (quoted_text or "").strip()
    if not quoted_text:
        errors["quoted_text"] = "Quote the passage of the source that bears on the claim."
    elif len(quoted_text) > MAX_QUOTE_CHARS:
        errors["quoted_text"] = f"Quote at most {MAX_QUOTE_CHARS:,} characters."
    values = {
        "title": title,
        "publisher": (publisher or "").strip(),
        "locator": (locator or "").strip(),
    }
    for name, value in values.items():
        if len(value) > LIMITS[name]:
            errors[name] = f"Longer than {LIMITS[name]} characters."
    if kind not in SourceKind.values:
        errors["kind"] = f"Unknown kind {kind!r}."
    if published is not None and not isinstance(published, dt.date):
        errors["published"] = "Give the date as YYYY-MM-DD."
    if errors:
        raise ValidationError(errors)
    return {**values, "url": url, "quoted_text": quoted_text}


def _source_for(url: str, *, user, title: str, publisher: str, kind: str, published) -> Source:
    source = Source.objects.select_for_update().filter(url=url).order_by("pk").first()
    if source is not None:
        return source
    key = "web-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    source = Source.objects.select_for_update().filter(key=key).first()
    if source is not None:
        return source
    return save_source(
        Source(
            key=key,
            title=title,
            publisher=publisher,
            url=url,
            published=published,
            kind=kind,
            reliability_note="Cited from outside the library by a fact-checker.",
        ),
        user=user,
    )


def cite_outside_source(
    *,
    claim: Claim,
    user,
    url: str,
    title: str,
    quoted_text: str,
    publisher: str = "",
    published: dt.date | None = None,
    locator: str = "",
    kind: str = SourceKind.OTHER,
    expected_version: int | None = None,
) -> Match:
    """Cite a source outside the library: it joins the library, its quote becomes evidence.

    A source already in the library under the same address is reused, and so is a
    passage of it with the same text, so the next claim finds and cites the same record.
    """
    with workflow.claim_action(
        "attach_evidence", claim=claim, user=user, expected_version=expected_version
    ) as act:
        clean = _clean_outside_source(
            url=url,
            title=title,
            quoted_text=quoted_text,
            publisher=publisher,
            locator=locator,
            kind=kind,
            published=published,
        )
        source = _source_for(
            clean["url"],
            user=user,
            title=clean["title"],
            publisher=clean["publisher"],
            kind=kind,
            published=published,
        )
        passage = source.passages.filter(text=clean["quoted_text"]).first()
        if passage is None:
            position = source.passages.count()
            passage = save_passage(
                Passage(
                    source=source,
                    key=f"quote-{position + 1}",
                    position=position,
                    locator=clean["locator"],
                    text=clean["quoted_text"],
                )
            )
        match = _accept(act, passage=passage, reason="Evidence from outside the library")
    return match
