"""The desk in the admin: the review queue and claim workbench, articles and hand-work,
verdicts, the transition log and notifications (registered on import)."""

from . import articles, claims, hand_work, queue, records

__all__ = ["articles", "claims", "hand_work", "queue", "records"]
