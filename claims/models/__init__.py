"""Articles, the atomic claims extracted from them, their matches to source passages,
verdicts, and what the workflow records (transition log, notifications)."""

from ..integrity import StateChangeForbidden
from .articles import Article, ArticleRevision
from .claims import Claim, ClaimState, Match
from .records import Notification, TransitionLog
from .verdicts import BEST_RATING, WORST_RATING, Rating, Verdict, VerdictQuerySet

__all__ = [
    "BEST_RATING",
    "WORST_RATING",
    "Article",
    "ArticleRevision",
    "Claim",
    "ClaimState",
    "Match",
    "Notification",
    "Rating",
    "StateChangeForbidden",
    "TransitionLog",
    "Verdict",
    "VerdictQuerySet",
]
