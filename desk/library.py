"""How the desk follows the source library: verdicts citing a passage whose text changed,
or a source of which a new edition was recorded, go back to review (sources.signals).

Connected in DeskConfig.ready; claims/library.py keeps the matches themselves in step.
"""

from __future__ import annotations

from sources import signals

from . import workflow


def rereview_changed_passages(sender, *, passage_ids, reason="", **kwargs) -> None:
    """Verdicts citing a passage whose text changed must be checked again."""
    workflow.queue_rereview_for_passages(passage_ids=passage_ids, reason=reason)


def rereview_new_edition(sender, *, source, reason, **kwargs) -> None:
    """Verdicts citing a source of which a new edition was recorded must be checked again."""
    workflow.queue_rereview_for_source(source=source, reason=reason)


def connect() -> None:
    signals.passages_changed.connect(
        rereview_changed_passages, dispatch_uid="claims.rereview_changed_passages"
    )
    signals.source_edition_changed.connect(
        rereview_new_edition, dispatch_uid="claims.rereview_new_edition"
    )
