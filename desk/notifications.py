"""Workflow notifications: a Notification row in the app, an email and the outgoing
webhooks after commit.

Called explicitly by the workflow services (never from signals), inside their
transaction; emails and webhooks go out only once that transaction has committed.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, ClaimState, Notification, Verdict
from desk.roles import APPROVE, REVIEW, people_with
from desk.workflow.table import ACTIONS, person
from webhooks import services as webhooks
from webhooks.models import Event

Kind = Notification.Kind


def notify(*, recipients: Iterable, claim: Claim | None, kind: str, message: str) -> list:
    """Store one notification per distinct active recipient and email those with an address."""
    seen, rows = set(), []
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        rows.append(Notification(recipient=user, claim=claim, kind=kind, message=message))
    Notification.objects.bulk_create(rows)
    addresses = sorted({row.recipient.email for row in rows if row.recipient.email})
    if addresses:
        subject = f"[Fact check] {Kind(kind).label}"
        path = reverse("admin:claims_claim_change", args=[claim.pk]) if claim else ""
        # Emails are read outside the site, so the link needs the site's address.
        link = f"{settings.PUBLIC_BASE_URL}{path}" if path else ""
        body = f"{message}\n\n{link}".strip()
        transaction.on_commit(
            lambda: send_mail(
                subject, body, settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=True
            )
        )
    return rows


def editors(*, exclude=None):
    """Active people who may approve verdicts, except `exclude` (the author of what they
    are asked to check)."""
    return people_with(APPROVE, exclude=[exclude.pk] if exclude is not None else []).order_by("pk")


def reviewers():
    """Active people who may review claims (fact-checkers, editors, superusers, and anyone
    given the permission directly)."""
    return people_with(REVIEW).order_by("first_name", "username")


def _claim_label(claim: Claim) -> str:
    text = claim.text if len(claim.text) <= 90 else claim.text[:87] + "..."
    return f"“{text}”"


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"username": user.get_username(), "name": user.get_full_name() or user.get_username()}


def _webhook(*, event: str, claim: Claim, actor, text: str, verdict: Verdict | None = None):
    """Send a workflow event to the webhook endpoints subscribed to it (after commit)."""
    endpoints = webhooks.subscribers(event)
    if not endpoints:
        return
    path = reverse("admin:claims_claim_change", args=[claim.pk])
    data = {
        "claim": {
            "id": claim.pk,
            "text": claim.text,
            "state": claim.state,
            "article_id": claim.article_id,
            "url": f"{settings.PUBLIC_BASE_URL}{path}",
            "assignee": _person(claim.assignee),
        },
        "actor": _person(actor),
        "verdict": None,
    }
    if verdict is not None:
        data["verdict"] = {
            "id": verdict.pk,
            "rating": verdict.rating,
            "rating_label": verdict.get_rating_display(),
            "summary": verdict.summary,
            "is_correction": verdict.corrects_id is not None,
            "author": _person(verdict.author),
        }
        if verdict.published_at is not None:
            public = reverse("public:claim-short", args=[claim.pk])
            data["verdict"]["public_url"] = f"{settings.PUBLIC_BASE_URL}{public}"
    link = data["claim"]["url"]
    webhooks.emit(event=event, data=data, text=f"{text} {link}", endpoints=endpoints)


def _told(name: str, *, actor, claim: Claim, detail: str = "") -> str:
    """What happened, in the workflow table's words: who took which action on which claim."""
    who = person(actor)
    text = f"{who[:1].upper()}{who[1:]} {ACTIONS[name].past} — {_claim_label(claim)}."
    return f"{text} {detail}" if detail else text


def _rating(verdict: Verdict) -> str:
    correction = " (a correction)" if verdict.corrects_id else ""
    return f"Rating: {verdict.get_rating_display()}{correction}."


def claim_assigned(*, claim: Claim, by) -> None:
    """Webhooks only: the assignee sees the claim in their queue."""
    if by.pk == claim.assignee_id:
        text = _told("start_review", actor=by, claim=claim)
    else:
        text = _told("assign", actor=by, claim=claim, detail=f"Now with {person(claim.assignee)}.")
    _webhook(event=Event.CLAIM_ASSIGNED, claim=claim, actor=by, text=text)


def correction_started(*, claim: Claim, user, note: str) -> None:
    """Webhooks only: the correction reaches editors as a proposed verdict later."""
    text = _told("correct_verdict", actor=user, claim=claim, detail=f"Note: {note}")
    verdict = claim.published_verdict
    _webhook(event=Event.CORRECTION_STARTED, claim=claim, actor=user, text=text, verdict=verdict)


# The verdict's steps that go out as webhooks and notifications: event and kind of each.
_VERDICT_NEWS = {
    "propose_verdict": (Event.VERDICT_PROPOSED, Kind.AWAITING_APPROVAL),
    "approve_verdict": (Event.VERDICT_APPROVED, Kind.APPROVED),
    "publish": (Event.VERDICT_PUBLISHED, Kind.PUBLISHED),
}


def _verdict_news(name: str, *, claim: Claim, verdict: Verdict, actor, recipients) -> None:
    """A verdict moved on: the webhooks and the people who should act on it or know."""
    event, kind = _VERDICT_NEWS[name]
    text = _told(name, actor=actor, claim=claim, detail=_rating(verdict))
    _webhook(event=event, claim=claim, actor=actor, verdict=verdict, text=text)
    notify(recipients=recipients, claim=claim, kind=kind, message=text)


def verdict_awaiting_approval(*, claim: Claim, verdict: Verdict) -> None:
    author = verdict.author
    _verdict_news(
        "propose_verdict",
        claim=claim,
        verdict=verdict,
        actor=author,
        recipients=editors(exclude=author),
    )


def changes_requested(*, claim: Claim, verdict: Verdict | None, editor, comment: str) -> None:
    notify(
        recipients=[verdict.author if verdict else None, claim.assignee],
        claim=claim,
        kind=Kind.CHANGES_REQUESTED,
        message=_told("request_changes", actor=editor, claim=claim, detail=f"Comment: {comment}"),
    )


def verdict_approved(*, claim: Claim, verdict: Verdict, editor) -> None:
    _verdict_news(
        "approve_verdict", claim=claim, verdict=verdict, actor=editor, recipients=[verdict.author]
    )


def verdict_published(*, claim: Claim, verdict: Verdict, editor) -> None:
    _verdict_news(
        "publish", claim=claim, verdict=verdict, actor=editor, recipients=[verdict.author]
    )


def rereview_needed(*, claim: Claim, reason: str) -> None:
    """The system reopened an approved claim, or flagged a published one, after a source
    it cites changed."""
    name = "queue_rereview" if claim.state == ClaimState.IN_REVIEW else "flag_rereview"
    verdict = claim.verdicts.order_by("-created_at", "-pk").first()
    notify(
        recipients=[claim.assignee, verdict.author if verdict else None],
        claim=claim,
        kind=Kind.REREVIEW,
        message=_told(name, actor=None, claim=claim, detail=reason),
    )


def mark_read(*, user, notifications: Iterable[Notification]) -> int:
    """Mark the user's own notifications as read; returns how many changed."""
    ids = [n.pk for n in notifications]
    return Notification.objects.filter(pk__in=ids, recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
