"""The desk in the admin: the review queue and claim workbench, articles and hand-work,
verdicts, the transition log and notifications (registered on import)."""

from . import claims, hand_work, queue

__all__ = ["claims", "hand_work", "queue"]
