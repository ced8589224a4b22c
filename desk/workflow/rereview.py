"""When a cited source or the article changes: approved verdicts go back to review,
published ones are flagged, both through the workflow's pattern (the system acts)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from claims.models import Claim, ClaimState, Match
from desk import notifications
from desk.workflow.pattern import claim_action, save_verdict
from desk.workflow.table import TransitionError, open_verdict

S = ClaimState


def queue_rereview_for_passages(*, passage_ids: Iterable[int], reason: str = "") -> int:
    """Queue re-review of every approved or published verdict citing the given passages.

    An approved (not yet published) claim goes back to in review with its approval
    withdrawn; a published claim keeps its public verdict and is flagged, with the reason
    shown to the fact-checker. Returns the number of claims queued.
    """
    passage_ids = list(passage_ids)
    if not passage_ids:
        return 0
    cited = (
        Match.objects.filter(
            passage_id__in=passage_ids,
            decision=Match.Decision.ACCEPTED,
            cited_by__approved_at__isnull=False,
        )
        .select_related("passage__source")
        .distinct()
    )
    reasons: dict[int, list[str]] = {}
    for match in cited:
        why = (
            reason
            or f"The text of the passage {match.passage.citation} changed in the source library."
        )
        reasons.setdefault(match.claim_id, []).append(why)
    queued = 0
    for claim_id, why in sorted(reasons.items()):
        with transaction.atomic():
            # lock_claim loads the row itself; only the id is needed here.
            if _queue_rereview(Claim(pk=claim_id), " ".join(dict.fromkeys(why))):
                queued += 1
    return queued


def queue_rereview_for_source(*, source, reason: str = "") -> int:
    """Queue re-review of verdicts citing any passage of `source` (e.g. a new edition)."""
    why = reason or f"A new edition of the source “{source.title}” was recorded."
    return queue_rereview_for_passages(
        passage_ids=source.passages.values_list("pk", flat=True), reason=why
    )


def queue_rereview_for_article(*, article_id: int, reason: str) -> int:
    """Queue re-review of the approved or published claims of an edited article."""
    claim_ids = Claim.objects.filter(
        article_id=article_id, state__in=(S.APPROVED, S.PUBLISHED)
    ).values_list("pk", flat=True)
    queued = 0
    for claim_id in sorted(claim_ids):
        with transaction.atomic():
            if _queue_rereview(Claim(pk=claim_id), reason):
                queued += 1
    return queued


def _queue_rereview(claim: Claim, reason: str) -> bool:
    try:
        with claim_action("flag_rereview", claim=claim, user=None) as act:
            locked = act.claim
            locked.needs_rereview = True
            locked.rereview_reason = reason[:2000]
            fields = ["needs_rereview", "rereview_reason"]
            if locked.state == S.APPROVED:
                verdict = open_verdict(locked)
                verdict.approver = None
                verdict.approved_at = None
                save_verdict(
                    verdict, user=None, reason="Approval withdrawn: a cited source changed"
                )
                locked.assignee_id = verdict.author_id
                act.move(
                    name="queue_rereview",
                    comment=reason,
                    verdict=verdict,
                    fields=[*fields, "assignee"],
                )
            else:
                act.edit(
                    reason="Flagged for re-review: a cited source changed",
                    comment=reason,
                    fields=fields,
                )
            notifications.rereview_needed(claim=locked, reason=reason)
    except TransitionError:
        # No longer approved or published: nothing to re-review.
        return False
    return True
