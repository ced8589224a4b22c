"""How claims follow the source library: receivers of the library's signals (sources.signals).

Connected in ClaimsConfig.ready. The library asks which passages are in use before it
removes any, and says when passages go, when their text changes, when a source has a new
edition and when the library changed; claims keep accepted evidence, drop other matches,
compare the figures of matches on changed passages again and re-match open claims. The
desk queues re-review of verdicts citing what changed (desk/library.py).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from sources import signals

from . import services, tasks
from .models import Match


def accepted_evidence(sender, *, passage_ids, **kwargs) -> set[int]:
    """Passages a reviewer accepted as evidence or a published verdict cites: the library
    must keep them."""
    return set(
        Match.objects.filter(passage_id__in=passage_ids)
        .filter(Q(decision=Match.Decision.ACCEPTED) | Q(cited_by__published_at__isnull=False))
        .values_list("passage_id", flat=True)
    )


def drop_matches(sender, *, passage_ids, **kwargs) -> None:
    """Matches to passages about to be removed go with them."""
    Match.objects.filter(passage_id__in=passage_ids).delete()


def recompare_changed_passages(sender, *, passage_ids, **kwargs) -> None:
    """Matches on a passage whose text changed get their numbers compared again."""
    services.refresh_numeric_comparisons(passage_ids=passage_ids)


def rematch_open_claims(sender, **kwargs) -> None:
    """Re-match open claims in the background once the library change is committed."""
    transaction.on_commit(tasks.rematch_open_claims_task.delay)


def connect() -> None:
    signals.passages_in_use.connect(accepted_evidence, dispatch_uid="claims.accepted_evidence")
    signals.passages_removing.connect(drop_matches, dispatch_uid="claims.drop_matches")
    signals.passages_changed.connect(
        recompare_changed_passages, dispatch_uid="claims.recompare_changed_passages"
    )
    signals.library_changed.connect(rematch_open_claims, dispatch_uid="claims.rematch_open_claims")
