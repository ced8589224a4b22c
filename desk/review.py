"""What a fact-checker does to a claim in review besides moving it along the workflow:
weigh evidence, edit the claim text, hand the claim over, confirm after a source changed.

Like the transitions, each action goes through the workflow's pattern: it locks the
claim, checks the person against the table of actions, saves with a history user and
reason, bumps the claim's version and writes a TransitionLog entry.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from claims.models import Claim, Match
from desk import notifications
from desk.roles import REVIEW
from desk.workflow import TransitionError, claim_action, person, required_text


def _decide(*, match: Match, user, decision: str, expected_version: int | None) -> Match:
    label = Match.Decision(decision).label
    with claim_action(
        f"evidence_{decision}", claim=match.claim, user=user, expected_version=expected_version
    ) as act:
        current = Match.objects.select_for_update().get(pk=match.pk, claim=act.claim)
        current.decision = decision
        current.decided_by = user if decision != Match.Decision.NONE else None
        current.decided_at = timezone.now() if decision != Match.Decision.NONE else None
        current._history_user = user
        current._change_reason = label
        current.save()
        act.edit(
            reason=f"Evidence {current.passage.citation}: {label}",
            comment=f"{current.passage.citation}: {label}",
        )
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


def edit_claim_text(*, claim: Claim, user, text: str, expected_version: int | None = None) -> Claim:
    """Reword the claim as the fact-checker will check it; the extracted text stays."""
    with claim_action(
        "edit_claim_text", claim=claim, user=user, expected_version=expected_version
    ) as act:
        text = required_text(" ".join((text or "").split()), "The claim text cannot be empty.")
        limit = settings.FACTCHECK_MAX_CLAIM_CHARS
        if len(text) > limit:
            raise TransitionError(
                f"The claim text is {len(text):,} characters long; the longest accepted "
                f"is {limit:,}."
            )
        if text == act.claim.text:
            act.unchanged()
        else:
            before = act.claim.text
            act.claim.text = text
            act.edit(reason="Edited claim text", comment=f"Was: {before}", fields=["text"])
    return claim


def assign_claim(*, claim: Claim, editor, assignee, expected_version: int | None = None) -> Claim:
    """Hand a claim in review (or not yet taken) to another fact-checker."""
    with claim_action("assign", claim=claim, user=editor, expected_version=expected_version) as act:
        if assignee is None or not assignee.is_active or not assignee.has_perm(REVIEW):
            raise TransitionError("Assign the claim to an active fact-checker or editor.")
        act.claim.assignee = assignee
        name = person(assignee)
        act.edit(reason=f"Assigned to {name}", comment=f"Assigned to {name}", fields=["assignee"])
        notifications.claim_assigned(claim=act.claim, by=editor)
    return claim


def confirm_after_source_change(
    *, claim: Claim, user, note: str, expected_version: int | None = None
) -> Claim:
    """Clear a published claim's re-review flag: the changed source does not alter the verdict."""

    def waiting(locked: Claim) -> None:
        if not locked.needs_rereview:
            raise TransitionError("This claim is not waiting for a re-review.")

    with claim_action(
        "confirm_after_source_change",
        claim=claim,
        user=user,
        expected_version=expected_version,
        precheck=waiting,
    ) as act:
        note = required_text(note, "Say why the verdict still stands after the source changed.")
        act.claim.needs_rereview = False
        act.claim.rereview_reason = ""
        act.edit(
            reason="Verdict confirmed after a source changed",
            comment=note,
            fields=["needs_rereview", "rereview_reason"],
        )
    return claim
