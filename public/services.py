"""What readers and the desk do on the public side: suggest a claim, decide on suggestions."""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from desk.actions import claims as claim_actions
from desk.selectors import CLOSED_STATES, claims_like
from desk.workflow import TransitionError

from .models import Suggestion

RATE_WINDOW_SECONDS = 3600


class SuggestionRefused(Exception):
    """A suggestion that cannot be taken; the message is shown to the reader as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def client_hash(ip: str) -> str:
    """A keyed hash of the reader's address: counts floods without storing the address."""
    return hmac.new(settings.SECRET_KEY.encode(), (ip or "").encode(), hashlib.sha256).hexdigest()


def _take_rate_slot(client: str) -> bool:
    # A fixed window per reader in the shared cache: add() starts the window, incr()
    # counts atomically, so concurrent posts from one address cannot all slip through.
    window = int(time.time()) // RATE_WINDOW_SECONDS
    key = f"public:suggest:{client[:32]}:{window}"
    if cache.add(key, 1, timeout=RATE_WINDOW_SECONDS):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # the window expired between add() and incr()
            cache.add(key, 1, timeout=RATE_WINDOW_SECONDS)
            count = 1
    return count <= settings.PUBLIC_SUGGESTIONS_PER_HOUR


def suggest_claim(
    *, claim_text: str, seen_at: str = "", note: str = "", email: str = "", ip: str = ""
) -> Suggestion:
    """Put a reader's claim in the fact-checkers' queue (at most N per address per hour)."""
    claim_text = " ".join((claim_text or "").split())
    if not claim_text:
        raise SuggestionRefused("Write the claim you would like us to check.")
    client = client_hash(ip)
    if not _take_rate_slot(client):
        raise SuggestionRefused(
            "You have sent several suggestions in the last hour. Thank you! Please try again later."
        )
    return Suggestion.objects.create(
        claim_text=claim_text,
        seen_at=(seen_at or "").strip(),
        note=(note or "").strip(),
        email=(email or "").strip(),
        client_hash=client,
    )


def _check_decider(user) -> None:
    if user is None or not user.is_active or not user.has_perm("public.change_suggestion"):
        raise SuggestionRefused("Only fact-checkers and editors can decide on suggestions.")


def _decide(*, suggestion: Suggestion, user, status: str, note: str, claim=None) -> Suggestion:
    _check_decider(user)
    with transaction.atomic():
        locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        _record(locked, user=user, status=status, note=note, claim=claim)
    return locked


def _record(locked: Suggestion, *, user, status: str, note: str, claim) -> None:
    locked.status = status
    locked.status_note = (note or "").strip()
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.claim = claim
    locked.save(update_fields=["status", "status_note", "decided_by", "decided_at", "claim"])


def accept_suggestion(*, suggestion: Suggestion, user, note: str = "", claim=None) -> Suggestion:
    """Take a reader's suggestion on: the desk will check the claim.

    With `claim` (one the look-up found, see `claim_candidates`), the suggestion is linked
    to that claim and counts as one more reader's tip on it. Without, a new claim is made
    from the suggestion's text, with the address where the reader saw it as its origin,
    and taken for review by `user`. Accepting twice is refused: the first claim stays.
    """
    _check_decider(user)
    with transaction.atomic():
        locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        if locked.status == Suggestion.Status.ACCEPTED and locked.claim_id:
            raise SuggestionRefused(
                f"This suggestion was already accepted as claim {locked.claim_id}."
            )
        if claim is None:
            try:
                claim = claim_actions.add_claim_from_text(
                    user=user, text=locked.claim_text, url=_web_address(locked.seen_at)
                )
            except ValidationError as error:
                raise SuggestionRefused(" ".join(error.messages)) from None
            except TransitionError as error:
                raise SuggestionRefused(error.message) from None
        elif claim.state in CLOSED_STATES:
            target = claim.merged_into
            raise SuggestionRefused(
                f"Claim {claim.pk} is closed ({claim.get_state_display().lower()}); "
                + (
                    f"link the suggestion to claim {target.pk} instead."
                    if target
                    else "link the suggestion to one of its parts instead."
                )
            )
        _record(locked, user=user, status=Suggestion.Status.ACCEPTED, note=note, claim=claim)
    suggestion.status, suggestion.claim = locked.status, locked.claim
    return locked


def _web_address(url: str) -> str:
    # An article's address is a web page; any other kind stays on the suggestion only.
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


# A candidate this close is the same claim: bulk acceptance links to it.
SAME_CLAIM_SCORE = 90.0


def accept_suggestion_as_best(*, suggestion: Suggestion, user) -> Suggestion:
    """Accept a suggestion, linked to a claim the look-up finds to be the same, else as new."""
    best = claim_candidates(suggestion, limit=1)
    same = best[0].claim if best and best[0].score >= SAME_CLAIM_SCORE else None
    return accept_suggestion(suggestion=suggestion, user=user, claim=same)


def claim_candidates(suggestion: Suggestion, *, limit: int = 5):
    """Claims already in the newsroom the suggestion may repeat, best first."""
    return claims_like(text=suggestion.claim_text, limit=limit)


def reject_suggestion(*, suggestion: Suggestion, user, note: str = "") -> Suggestion:
    """Turn a suggestion down (spam, not checkable, already checked)."""
    return _decide(suggestion=suggestion, user=user, status=Suggestion.Status.REJECTED, note=note)
