"""Claims made and reshaped by hand: add one from a selection, split one, merge duplicates."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from claims import services
from claims.models import Article, Claim, ClaimState, Match
from desk import workflow
from textcore.quantities import parse_quantities, parse_years
from textcore.segment import segment

# A claim is a sentence or two; a longer selection is almost certainly a slip of the mouse.
MAX_SELECTION_CHARS = 2000
MAX_CLAIM_CHARS = 5000
MAX_SPLIT_PARTS = 20
# A claim chosen by a person is worth checking: it goes to the top of the queue.
HAND_CHECKWORTHINESS = 1.0
OPEN_STATES = (ClaimState.EXTRACTED, ClaimState.IN_REVIEW)


def _claim_text(value: str, field: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError({field: "The claim text cannot be empty."})
    # The API's serializers stop anything over MAX_CLAIM_CHARS; the setting is the rule.
    limit = min(MAX_CLAIM_CHARS, settings.FACTCHECK_MAX_CLAIM_CHARS)
    if len(text) > limit:
        raise ValidationError({field: f"A claim is at most {limit:,} characters."})
    return text


def _check_span(body: str, start, end) -> None:
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValidationError({"start": "Start and end must be whole numbers."})
    if start < 0 or end > len(body):
        raise ValidationError(
            {"end": f"The selection {start}–{end} is outside the article (0–{len(body)})."}
        )
    if end <= start or not body[start:end].strip():
        raise ValidationError(
            {"end": "The selection is empty: select the words of the claim in the article."}
        )
    if end - start > MAX_SELECTION_CHARS:
        raise ValidationError(
            {"end": f"Select at most {MAX_SELECTION_CHARS:,} characters for one claim."}
        )


def _sentence_around(body: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence(s) of the article the span lies in, with their offsets."""
    touched = [s for s in segment(body) if s.start < end and start < s.end]
    lo = min([start, *(s.start for s in touched)])
    hi = max([end, *(s.end for s in touched)])
    return body[lo:hi], lo, hi


def _next_position(article: Article) -> int:
    last = article.claims.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _new_claim(
    *, article: Article, user, text: str, start: int, end: int, position: int, **fields
) -> Claim:
    sentence, sentence_start, sentence_end = _sentence_around(article.body, start, end)
    claim = Claim(
        article=article,
        position=position,
        text=text,
        extracted_text=text,
        sentence=sentence,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        start=start,
        end=end,
        quantities=[q.to_dict() for q in parse_quantities(text)],
        years=list(parse_years(text)),
        added_by=user,
        **{"checkworthiness": HAND_CHECKWORTHINESS, **fields},
    )
    claim._history_user = user
    claim._change_reason = "Added by hand" if "split_from" not in fields else "Split off"
    claim.save()
    return claim


def _lock_article(article: Article) -> Article:
    # Positions of an article's claims are unique: hand-made claims take them one at a time.
    return Article.objects.select_for_update().get(pk=article.pk)


def add_claim(
    *, article: Article, user, start: int, end: int, text: str = "", how: str = ""
) -> Claim:
    """A claim the machine missed, from a selection of the article's text.

    The span is kept exactly as selected; the text defaults to the selection. The claim
    is taken for review by the person who added it and matched against the library.
    """
    workflow.check_role("add_claim", user)
    with transaction.atomic():
        article = _lock_article(article)
        if article.status != Article.Status.DONE:
            raise ValidationError({"article": "Claims can be added once the article is processed."})
        _check_span(article.body, start, end)
        text = _claim_text(text or article.body[start:end], "text")
        claim = _new_claim(
            article=article,
            user=user,
            text=text,
            start=start,
            end=end,
            position=_next_position(article),
        )
        workflow.new_claim_action(
            "add_claim",
            claim=claim,
            user=user,
            comment=how or f"Added by hand from characters {start}–{end}",
        )
        workflow.start_review(claim=claim, user=user)
        services.match_claim(claim)
        services.link_repeated_claim(claim)
    return claim


def _split_texts(texts) -> list[str]:
    if not isinstance(texts, list | tuple):
        raise ValidationError({"texts": "Give the texts of the new claims as a list."})
    parts = [" ".join(str(t or "").split()) for t in texts]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        raise ValidationError(
            {"texts": "A split needs at least two non-empty claims; to reword, edit the text."}
        )
    if len(parts) > MAX_SPLIT_PARTS:
        raise ValidationError({"texts": f"Split into at most {MAX_SPLIT_PARTS} claims."})
    if len({p.lower() for p in parts}) < len(parts):
        raise ValidationError({"texts": "Two of the new claims say the same thing."})
    for part in parts:
        _claim_text(part, "texts")
    return parts


def _refuse_with_verdict(claim: Claim, what: str) -> None:
    if claim.verdicts.exists():
        raise workflow.TransitionError(
            f"Claim {claim.pk} already has a verdict, so it cannot be {what}; "
            "correct or dismiss it instead."
        )


def split_claim(
    *, claim: Claim, user, texts: Sequence[str], expected_version: int | None = None
) -> list[Claim]:
    """Replace a claim that holds several facts by one claim per fact.

    Each part keeps the original's span and sentence; the original is closed as split
    (its parts link back to it) and the parts are matched at once.
    """
    workflow.check_role("split", user)
    parts = _split_texts(list(texts) if isinstance(texts, list | tuple) else texts)
    with workflow.claim_action(
        "split", claim=claim, user=user, expected_version=expected_version
    ) as act:
        locked = act.claim
        _refuse_with_verdict(locked, "split")
        article = _lock_article(locked.article)
        position = _next_position(article)
        new = []
        for offset, text in enumerate(parts):
            part = _new_claim(
                article=article,
                user=user,
                text=text,
                start=locked.start,
                end=locked.end,
                position=position + offset,
                split_from=locked,
                checkworthiness=locked.checkworthiness,
            )
            workflow.new_claim_action(
                "split_off",
                claim=part,
                user=user,
                comment=f"Split off claim {locked.pk}: {locked.text}",
            )
            new.append(part)
        was_in_review = locked.state == ClaimState.IN_REVIEW
        act.move(comment="Split into " + ", ".join(f"claim {p.pk}" for p in new))
        for part in new:
            if was_in_review:
                workflow.start_review(claim=part, user=user)
            services.match_claim(part)
            services.link_repeated_claim(part)
    return new


def merge_claims(
    *,
    claim: Claim,
    user,
    duplicates: Sequence[Claim],
    expected_version: int | None = None,
) -> Claim:
    """Close duplicates of a claim as merged into it; evidence accepted on them comes along."""
    workflow.check_role("merge_duplicates", user)
    duplicates = list(duplicates)
    if not duplicates:
        raise ValidationError({"claims": "Choose at least one duplicate to merge."})
    ids = {d.pk for d in duplicates}
    if claim.pk in ids:
        raise ValidationError({"claims": "A claim cannot be merged into itself."})
    if any(d.article_id != claim.article_id for d in duplicates):
        raise ValidationError(
            {"claims": "Only claims of the same article can be merged; these come from others."}
        )
    # One query locks every claim involved, always in the same order.
    with workflow.claim_action(
        "merge_duplicates",
        claim=claim,
        user=user,
        expected_version=expected_version,
        also_lock=sorted(ids),
    ) as act:
        target = act.claim
        merged = [act.others[pk] for pk in sorted(ids)]
        for duplicate in merged:
            workflow.check_action(claim=duplicate, user=user, name="merge")
            _refuse_with_verdict(duplicate, "merged")
        taken = set(target.matches.values_list("passage_id", flat=True))
        for duplicate in merged:
            for match in duplicate.matches.filter(decision=Match.Decision.ACCEPTED):
                if match.passage_id in taken:
                    continue
                carried = Match(
                    claim=target,
                    passage_id=match.passage_id,
                    score=match.score,
                    rank=target.matches.count(),
                    numeric=match.numeric,
                    numeric_detail=match.numeric_detail,
                    decision=Match.Decision.ACCEPTED,
                    decided_by=match.decided_by,
                    decided_at=match.decided_at,
                )
                carried._history_user = user
                carried._change_reason = f"Carried over from merged claim {duplicate.pk}"
                carried.save()
                taken.add(match.passage_id)
            duplicate.merged_into = target
            act.move(
                name="merge",
                claim=duplicate,
                comment=f"Merged into claim {target.pk}",
                fields=["merged_into"],
            )
        names = ", ".join(f"claim {d.pk}" for d in merged)
        act.edit(reason=f"Merged {names}"[:100], comment=f"Merged duplicates: {names}")
    return claim


# Reader suggestions and other claims that arrive as text, not as a selection of an article.
TIP_OUTLET = "Reader suggestion"
TIP_TITLE_WORDS = 12


def add_claim_from_text(*, user, text: str, url: str = "", origin: str = TIP_OUTLET) -> Claim:
    """A claim sent as text with the address where it was seen (a reader's tip).

    Its origin is stored as an article whose body is the text as sent and whose address
    is where it was seen, so the claim has the same span, quote and history as any
    other; the claim covers the whole text, is taken for review by `user` and matched.
    """
    workflow.check_role("add_claim", user)
    text = _claim_text(text, "text")
    words = text.split()
    title = " ".join(words[:TIP_TITLE_WORDS]) + ("…" if len(words) > TIP_TITLE_WORDS else "")
    with transaction.atomic():
        article = services.ingest_article(
            title=f"{origin}: {title}",
            body=text,
            url=(url or "").strip(),
            outlet=origin,
            submitted_by=user,
            queue=False,
        )
        # Nothing to extract: the text is the claim.
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.DONE, processed_at=timezone.now()
        )
        article.refresh_from_db()
        seen = f", seen at {article.url}" if article.url else ""
        return add_claim(
            article=article, user=user, start=0, end=len(text), how=f"From a {origin.lower()}{seen}"
        )
