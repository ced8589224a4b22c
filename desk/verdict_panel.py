"""The claim page's verdict panel: what the person about to propose, approve or correct a
verdict should see first (conflicts not reviewed, whether anyone can approve, the
correction's starting point). Reads only; the actions live in desk.workflow.
"""

from __future__ import annotations

from claims.models import Claim, ClaimState, Match, Verdict
from desk import action_warnings, workflow


def verdict_context(*, claim: Claim, user, allowed: set[str], verdict, published) -> dict:
    """Context for the verdict panel of the workbench."""
    acting = bool({"propose_verdict", "approve_verdict"} & allowed)
    return {
        "conflict_warnings": action_warnings.unreviewed_conflicts(claim) if acting else [],
        "four_eyes": workflow.four_eyes_problem(claim=claim, user=user, verdict=verdict),
        "correcting": claim.state == ClaimState.IN_REVIEW
        and published is not None
        and verdict is None,
        "cited": list(
            claim.matches.filter(decision=Match.Decision.ACCEPTED)
            .select_related("passage__source")
            .order_by("-score", "rank")
        ),
    }


def initial_verdict(*, claim: Claim, verdict: Verdict | None, draft: dict | None) -> dict:
    """What the verdict form starts from: the unsent draft, the open verdict, or for a
    correction the published verdict (its note from the correction's start)."""
    if draft:
        return draft
    if verdict is not None:
        return _fields(verdict)
    start = workflow.correction_start(claim)
    return start or {}


def _fields(verdict: Verdict) -> dict:
    return {
        "rating": verdict.rating,
        "summary": verdict.summary,
        "explanation": verdict.explanation,
        "no_source_explanation": verdict.no_source_explanation,
        "correction_note": verdict.correction_note,
    }
