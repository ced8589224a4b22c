"""What a fact-checker does to a claim in review besides moving it along the workflow:
weigh evidence, edit the claim text, hand the claim over, confirm after a source changed.

Like the transitions, each action locks the claim, checks who may act, saves with a
history user and reason, bumps the claim's version and writes a TransitionLog entry.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import notifications
from .models import Claim, ClaimState, Match
from .workflow import (
    APPROVE,
    REVIEW,
    NotAllowed,
    TransitionError,
    check_can_work_on,
    lock_claim,
    record,
    required_text,
    save_claim,
    sync_claim,
)


def _decide(*, match: Match, user, decision: str, expected_version: int | None) -> Match:
    label = Match.Decision(decision).label
    with transaction.atomic():
        locked = lock_claim(match.claim, expected_version=expected_version)
        check_can_work_on(locked, user)
        current = Match.objects.select_for_update().get(pk=match.pk, claim=locked)
        current.decision = decision
        current.decided_by = user if decision != Match.Decision.NONE else None
        current.decided_at = timezone.now() if decision != Match.Decision.NONE else None
        current._history_user = user
        current._change_reason = label
        current.save()
        save_claim(locked, user=user, reason=f"Evidence {current.passage.citation}: {label}")
        record(
            claim=locked,
            user=user,
            action=f"evidence_{decision}",
            from_state=locked.state,
            comment=f"{current.passage.citation}: {label}",
        )
    sync_claim(match.claim, locked)
    return current


def accept_evidence(*, match: Match, user, expected_version: int | None = None) -> Match:
    """Accept a matched passage as evidence for its claim."""
    return _decide(
        match=match, user=user, decision=Match.Decision.ACCEPTED, expected_version=expected_version
    )


def reject_evidence(*, match: Match, user, expected_version: int | None = None) -> Match:
    """Reject a matched passage: it does not bear on the claim."""
    return _decide(
        match=match, user=user, decision=Match.Decision.REJECTED, expected_version=expected_version
    )


def reset_evidence(*, match: Match, user, expected_version: int | None = None) -> Match:
    """Take back an accept/reject decision on a match."""
    return _decide(
        match=match, user=user, decision=Match.Decision.NONE, expected_version=expected_version
    )


def add_evidence(*, claim: Claim, user, passage, expected_version: int | None = None) -> Match:
    """Cite a library passage the matcher did not find, as accepted evidence."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        check_can_work_on(locked, user)
        match, created = Match.objects.get_or_create(
            claim=locked,
            passage=passage,
            defaults={"score": 0.0, "rank": locked.matches.count()},
        )
        # In the same transaction, so a refused accept leaves no stray uncited match.
        accepted = accept_evidence(match=match, user=user)
    sync_claim(claim, accepted.claim)
    return accepted


def edit_claim_text(*, claim: Claim, user, text: str, expected_version: int | None = None) -> Claim:
    """Reword the claim as the fact-checker will check it; the extracted text stays."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        check_can_work_on(locked, user)
        text = required_text(" ".join((text or "").split()), "The claim text cannot be empty.")
        limit = settings.FACTCHECK_MAX_CLAIM_CHARS
        if len(text) > limit:
            raise TransitionError(
                f"The claim text is {len(text):,} characters long; the longest accepted "
                f"is {limit:,}."
            )
        if text == locked.text:
            return claim
        before = locked.text
        locked.text = text
        save_claim(locked, user=user, reason="Edited claim text", fields=["text"])
        record(
            claim=locked,
            user=user,
            action="edit_claim_text",
            from_state=locked.state,
            comment=f"Was: {before}",
        )
    sync_claim(claim, locked)
    return claim


def assign_claim(*, claim: Claim, editor, assignee, expected_version: int | None = None) -> Claim:
    """Hand a claim in review (or not yet taken) to another fact-checker."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        if editor is None or not editor.is_active or not editor.has_perm(APPROVE):
            raise NotAllowed("Only an editor can assign claims.")
        if locked.state not in (ClaimState.EXTRACTED, ClaimState.IN_REVIEW):
            raise TransitionError("Only claims not yet proposed for approval can be reassigned.")
        if assignee is None or not assignee.is_active or not assignee.has_perm(REVIEW):
            raise TransitionError("Assign the claim to an active fact-checker or editor.")
        locked.assignee = assignee
        name = assignee.get_full_name() or assignee.get_username()
        save_claim(locked, user=editor, reason=f"Assigned to {name}", fields=["assignee"])
        record(
            claim=locked,
            user=editor,
            action="assign",
            from_state=locked.state,
            comment=f"Assigned to {name}",
        )
        notifications.claim_assigned(claim=locked, by=editor)
    sync_claim(claim, locked)
    return claim


def confirm_after_source_change(
    *, claim: Claim, user, note: str, expected_version: int | None = None
) -> Claim:
    """Clear a published claim's re-review flag: the changed source does not alter the verdict."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        if user is None or not user.is_active or not user.has_perm(REVIEW):
            raise NotAllowed("Only a fact-checker or editor can confirm a verdict.")
        if not locked.needs_rereview:
            raise TransitionError("This claim is not waiting for a re-review.")
        if locked.state != ClaimState.PUBLISHED:
            raise TransitionError(
                "Re-review this claim by proposing its verdict again; it is "
                f"{locked.get_state_display().lower()}."
            )
        note = required_text(note, "Say why the verdict still stands after the source changed.")
        locked.needs_rereview = False
        locked.rereview_reason = ""
        save_claim(
            locked,
            user=user,
            reason="Verdict confirmed after a source changed",
            fields=["needs_rereview", "rereview_reason"],
        )
        record(
            claim=locked,
            user=user,
            action="confirm_after_source_change",
            from_state=locked.state,
            comment=note,
        )
    sync_claim(claim, locked)
    return claim
