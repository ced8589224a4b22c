"""One action on many claims from the queue: each claim goes through the same workflow
action as on its own page, in its own transaction, so a claim that is refused is left
exactly as it was while the others go ahead; the result says which, and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claims.models import Claim
from desk import review, workflow

# More than a screenful of claims at once is almost certainly a slip ("select all").
MAX_CLAIMS = 500
LABEL_CHARS = 60


@dataclass(frozen=True)
class Refusal:
    claim: Claim
    reason: str


@dataclass
class BulkResult:
    """What happened to each claim of a bulk action."""

    action: str
    done: list[Claim] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def summary(self) -> str:
        """“Start review: 7 done, 1 refused: “The harbour…” (claim 12): already taken by Ed.”"""
        text = f"{self.action}: {len(self.done)} done"
        if self.refused:
            reasons = "; ".join(
                f"{claim_label(r.claim)}: {_lower_first(r.reason).rstrip('.')}"
                for r in self.refused
            )
            text += f", {len(self.refused)} refused: {reasons}"
        return text + "."


def claim_label(claim: Claim) -> str:
    text = claim.text if len(claim.text) <= LABEL_CHARS else claim.text[: LABEL_CHARS - 1] + "…"
    return f"“{text}” (claim {claim.pk})"


def _lower_first(message: str) -> str:
    # "This claim is …" reads as "…: this claim is …" after the claim's label.
    if message[:1].isupper() and not message[1:2].isupper():
        return message[:1].lower() + message[1:]
    return message


def _each(action: str, claims: Iterable[Claim], act: Callable[[Claim], object]) -> BulkResult:
    claims = list(claims)
    if len(claims) > MAX_CLAIMS:
        raise workflow.TransitionError(
            f"Choose at most {MAX_CLAIMS} claims at a time ({len(claims)} chosen); "
            "nothing was changed."
        )
    result = BulkResult(action=action)
    for claim in sorted(claims, key=lambda c: c.pk):
        try:
            act(claim)
        except workflow.TransitionError as exc:
            result.refused.append(Refusal(claim=claim, reason=exc.message))
        else:
            result.done.append(claim)
    return result


def start_review_each(*, claims: Iterable[Claim], user) -> BulkResult:
    """Take each claim for review (the person becomes its assignee)."""
    return _each(
        workflow.ACTIONS["start_review"].label,
        claims,
        lambda claim: workflow.start_review(claim=claim, user=user),
    )


def dismiss_each(*, claims: Iterable[Claim], user, reason: str) -> BulkResult:
    """Dismiss each claim with the same reason; without a reason nothing is dismissed."""
    reason = workflow.required_text(
        reason, "Give the reason for dismissing the claims; nothing was dismissed."
    )
    return _each(
        workflow.ACTIONS["dismiss"].label,
        claims,
        lambda claim: workflow.dismiss(claim=claim, user=user, reason=reason),
    )


def assign_each(*, claims: Iterable[Claim], editor, assignee) -> BulkResult:
    """Hand each claim to `assignee` (an editor's action)."""
    if assignee is None:
        raise workflow.TransitionError("Choose whom to assign the claims to; nothing was assigned.")
    name = assignee.get_full_name() or assignee.get_username()
    return _each(
        "Assign to me" if assignee == editor else f"Assign to {name}",
        claims,
        lambda claim: review.assign_claim(claim=claim, editor=editor, assignee=assignee),
    )
