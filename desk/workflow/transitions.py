"""The transitions a person takes on a claim: each checks its input, then writes under
the workflow's pattern (desk.workflow.pattern), which locks, checks the table, records
and syncs.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from claims.models import Claim, ClaimState, Match, Rating, Verdict
from desk import notifications
from desk.workflow.pattern import claim_action, save_verdict
from desk.workflow.table import TransitionError, open_verdict, person
from desk.workflow.verdicts import (
    cited_evidence,
    last_correction_reason,
    open_verdict_or_refuse,
    quote_of,
    required_text,
)

S = ClaimState


def start_review(*, claim: Claim, user, expected_version: int | None = None) -> Claim:
    """Take an extracted claim for review; the user becomes its one assignee."""

    def already_taken(locked: Claim) -> None:
        if locked.state == S.IN_REVIEW and locked.assignee_id is not None:
            if user is not None and locked.assignee_id == user.pk:
                raise TransitionError("You are already reviewing this claim.")
            raise TransitionError(f"Already taken by {person(locked.assignee)}.")

    with claim_action(
        "start_review",
        claim=claim,
        user=user,
        expected_version=expected_version,
        precheck=already_taken,
    ) as act:
        act.claim.assignee = user
        act.move(fields=["assignee"])
        notifications.claim_assigned(claim=act.claim, by=user)
    return claim


def _evidence(locked: Claim, evidence: Iterable[Match] | None) -> list[Match]:
    accepted = locked.matches.filter(decision=Match.Decision.ACCEPTED)
    if evidence is None:
        return list(accepted)
    chosen = list(evidence)
    accepted_ids = set(accepted.values_list("pk", flat=True))
    if any(m.pk not in accepted_ids for m in chosen):
        raise TransitionError("Only matches accepted as evidence on this claim can be cited.")
    return chosen


def propose_verdict(
    *,
    claim: Claim,
    author,
    rating: str,
    summary: str,
    explanation: str = "",
    evidence: Iterable[Match] | None = None,
    no_source_explanation: str = "",
    correction_note: str = "",
    expected_version: int | None = None,
) -> Verdict:
    """Propose (or re-propose after changes were requested) the claim's verdict for approval.

    `evidence` defaults to every match accepted on the claim. A verdict needs a rating, a
    summary and at least one accepted piece of evidence, or, for an unverifiable claim,
    an explanation of why no source was found. A verdict on a published claim is a
    correction and needs a correction note.
    """
    with claim_action(
        "propose_verdict", claim=claim, user=author, expected_version=expected_version
    ) as act:
        locked = act.claim
        if rating not in Rating.values:
            raise TransitionError("Choose a rating for the verdict.")
        summary = required_text(summary, "A verdict needs a summary.")
        chosen = _evidence(locked, evidence)
        no_source_explanation = (no_source_explanation or "").strip()
        if not chosen:
            if rating != Rating.UNVERIFIABLE:
                raise TransitionError(
                    "Accept at least one piece of evidence, or rate the claim "
                    "“Unverifiable” and explain why no source was found."
                )
            required_text(
                no_source_explanation,
                "An unverifiable verdict without evidence needs a “no source found” explanation.",
            )
        published = locked.published_verdict
        correction_note = (correction_note or "").strip()
        if published is not None and not correction_note:
            correction_note = last_correction_reason(locked)
            required_text(
                correction_note, "A correction of a published verdict needs a correction note."
            )

        verdict = open_verdict(locked) or Verdict(claim=locked)
        is_new = verdict.pk is None
        verdict.rating = rating
        verdict.summary = summary
        verdict.explanation = (explanation or "").strip()
        verdict.no_source_explanation = no_source_explanation
        verdict.author = author
        verdict.corrects = published
        verdict.correction_note = correction_note if published is not None else ""
        verdict.proposed_at = timezone.now()
        verdict.checked_text = locked.text
        save_verdict(verdict, user=author, reason="Proposed" if is_new else "Revised and proposed")
        verdict.evidence.set(chosen)
        act.move(verdict=verdict, with_snapshot=True)
        notifications.verdict_awaiting_approval(claim=locked, verdict=verdict)
    return verdict


def request_changes(
    *, claim: Claim, editor, comment: str, expected_version: int | None = None
) -> Claim:
    """Send the proposed verdict back to its fact-checker with the editor's comment."""
    with claim_action(
        "request_changes", claim=claim, user=editor, expected_version=expected_version
    ) as act:
        locked = act.claim
        comment = required_text(
            comment, "Say what should change: the comment goes to the fact-checker."
        )
        verdict = open_verdict(locked)
        # The author fixes what they wrote, so the claim goes back to them.
        locked.assignee = verdict.author if verdict else locked.assignee
        act.move(comment=comment, verdict=verdict, with_snapshot=True, fields=["assignee"])
        notifications.changes_requested(
            claim=locked, verdict=verdict, editor=editor, comment=comment
        )
    return claim


def approve_verdict(*, claim: Claim, editor, expected_version: int | None = None) -> Verdict:
    """Approve the proposed verdict (four eyes: never the author's own)."""
    with claim_action(
        "approve_verdict", claim=claim, user=editor, expected_version=expected_version
    ) as act:
        verdict = open_verdict_or_refuse(act.claim)
        verdict.approver = editor
        verdict.approved_at = timezone.now()
        save_verdict(verdict, user=editor, reason="Approved")
        act.move(verdict=verdict)
        notifications.verdict_approved(claim=act.claim, verdict=verdict, editor=editor)
    return verdict


def publish(*, claim: Claim, editor, expected_version: int | None = None) -> Verdict:
    """Publish the approved verdict; a correction replaces the earlier one, which stays visible."""
    with claim_action(
        "publish", claim=claim, user=editor, expected_version=expected_version
    ) as act:
        locked = act.claim
        verdict = open_verdict_or_refuse(locked)
        verdict.publisher = editor
        verdict.published_at = timezone.now()
        verdict.checked_text = verdict.checked_text or locked.text
        verdict.quote_sentence, verdict.quote_start, verdict.quote_end = quote_of(locked)
        verdict.published_evidence = cited_evidence(verdict)
        save_verdict(verdict, user=editor, reason="Published")
        # Publishing a fresh verdict settles any pending re-review of the old one.
        locked.needs_rereview = False
        locked.rereview_reason = ""
        act.move(verdict=verdict, fields=["needs_rereview", "rereview_reason"])
        notifications.verdict_published(claim=locked, verdict=verdict, editor=editor)
    return verdict


def dismiss(*, claim: Claim, user, reason: str, expected_version: int | None = None) -> Claim:
    """Dismiss a claim as not worth checking, with the reason."""
    with claim_action("dismiss", claim=claim, user=user, expected_version=expected_version) as act:
        reason = required_text(reason, "Say why the claim is dismissed.")
        if act.claim.published_verdict is not None:
            raise TransitionError(
                "This claim has a published verdict; correct the verdict instead of dismissing it."
            )
        act.move(comment=reason)
    return claim


def correct_verdict(*, claim: Claim, user, note: str, expected_version: int | None = None) -> Claim:
    """Reopen a published claim to correct its verdict; the published one stays visible."""
    with claim_action(
        "correct_verdict", claim=claim, user=user, expected_version=expected_version
    ) as act:
        note = required_text(note, "A correction needs a note saying what is being corrected.")
        act.claim.assignee = user
        act.move(comment=note, fields=["assignee"])
        notifications.correction_started(claim=act.claim, user=user, note=note)
    return claim
