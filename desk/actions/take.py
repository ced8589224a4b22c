"""Any claim action by its name in the table, with the inputs it needs: the one way in
for screens that post an action's name (the admin's claim page)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import review, workflow


@dataclass(frozen=True)
class Performer:
    """How to call an action's function: the keyword it takes the person by, the inputs
    it takes, and whether it acts on a match of the claim rather than the claim."""

    function: Callable
    actor: str = "user"
    inputs: tuple[str, ...] = ()
    on_match: bool = False


VERDICT_INPUTS = ("rating", "summary", "explanation", "no_source_explanation", "correction_note")

PERFORMERS: dict[str, Performer] = {
    "start_review": Performer(workflow.start_review),
    "propose_verdict": Performer(workflow.propose_verdict, "author", VERDICT_INPUTS),
    "request_changes": Performer(workflow.request_changes, "editor", ("comment",)),
    "approve_verdict": Performer(workflow.approve_verdict, "editor"),
    "publish": Performer(workflow.publish, "editor"),
    "dismiss": Performer(workflow.dismiss, inputs=("reason",)),
    "correct_verdict": Performer(workflow.correct_verdict, inputs=("note",)),
    "edit_claim_text": Performer(review.edit_claim_text, inputs=("text",)),
    "confirm_after_source_change": Performer(review.confirm_after_source_change, inputs=("note",)),
    "assign": Performer(review.assign_claim, "editor", ("assignee",)),
    "evidence_accepted": Performer(review.accept_evidence, inputs=("match",), on_match=True),
    "evidence_rejected": Performer(review.reject_evidence, inputs=("match",), on_match=True),
    "evidence_none": Performer(review.reset_evidence, inputs=("match",), on_match=True),
}


def take(name: str, *, claim, user, expected_version: int | None = None, **inputs):
    """Take action `name` on `claim` as `user`; `inputs` are the action's own (a missing
    text is empty, so the action refuses it in its own words)."""
    performer = PERFORMERS[name]
    arguments = {field: inputs.get(field, "") for field in performer.inputs}
    arguments[performer.actor] = user
    if not performer.on_match:
        arguments["claim"] = claim
    return performer.function(expected_version=expected_version, **arguments)
