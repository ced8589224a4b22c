"""Warnings that do not stop a workflow action but that the person taking it should read.

Today: matches whose figures conflict with the claim's and that nobody has accepted or
rejected yet. Proposing or approving a verdict past one is allowed (the passage may be
about something else), but not without a word: the workbench lists them at the buttons
and the API returns them with the answer to propose/approve.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claims.models import Claim, Match
from claims.numbers import FigurePair, figure_pairs
from desk import workflow

UNREVIEWED_CONFLICT = "unreviewed_numeric_conflict"
FOUR_EYES_UNMET = "four_eyes_unmet"


@dataclass(frozen=True)
class ConflictWarning:
    """A match whose numbers conflict with the claim's, not yet reviewed."""

    match_id: int
    passage: str
    source_title: str
    figures: list[FigurePair] = field(default_factory=list)
    kind: str = UNREVIEWED_CONFLICT
    # Source title, publisher and locator: how people are shown the passage (not its key).
    citation: str = ""

    @property
    def message(self) -> str:
        numbers = "; ".join(f"claim {f.claim} vs passage {f.passage}" for f in self.figures)
        where = f"“{self.citation or self.source_title}”"
        if numbers:
            return f"Numbers conflict with {where}, not yet reviewed: {numbers}."
        return f"Numbers conflict with {where}, not yet reviewed."

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "match": self.match_id,
            "passage": self.passage,
            "source_title": self.source_title,
            "figures": [{"claim": f.claim, "passage": f.passage} for f in self.figures],
            "message": self.message,
        }


def conflicting_figures(detail) -> list[FigurePair]:
    """The (claim, passage) figures a match's stored numeric comparison found in conflict."""
    return figure_pairs(detail, relations=("conflicts",))


def unreviewed_conflicts(claim: Claim) -> list[ConflictWarning]:
    """The claim's matches with a numeric conflict that nobody accepted or rejected, best first."""
    matches = (
        Match.objects.filter(
            claim_id=claim.pk,
            numeric=Match.Numeric.CONFLICTS,
            decision=Match.Decision.NONE,
        )
        .select_related("passage__source")
        .order_by("-score", "rank", "pk")
    )
    return [
        ConflictWarning(
            match_id=m.pk,
            passage=str(m.passage),
            source_title=m.passage.source.title,
            figures=conflicting_figures(m.numeric_detail),
            citation=m.passage.citation,
        )
        for m in matches
    ]


def warnings_for(*, claim: Claim, user) -> list[dict]:
    """Everything the person who just proposed or approved should know, as plain data:
    unreviewed numeric conflicts, and whether anyone available can approve under four eyes."""
    found = [w.to_dict() for w in unreviewed_conflicts(claim)]
    problem = workflow.four_eyes_problem(claim=claim, user=user)
    if problem:
        found.append({"kind": FOUR_EYES_UNMET, "message": problem})
    return found
