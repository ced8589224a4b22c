"""What readers and the desk do on the public side: suggest a claim, decide on suggestions."""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

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


def _decide(*, suggestion: Suggestion, user, status: str, note: str) -> Suggestion:
    if user is None or not user.is_active or not user.has_perm("public.change_suggestion"):
        raise SuggestionRefused("Only fact-checkers and editors can decide on suggestions.")
    with transaction.atomic():
        locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        locked.status = status
        locked.status_note = (note or "").strip()
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "status_note", "decided_by", "decided_at"])
    return locked


def accept_suggestion(*, suggestion: Suggestion, user, note: str = "") -> Suggestion:
    """Take a reader's suggestion on: the desk will check the claim."""
    return _decide(suggestion=suggestion, user=user, status=Suggestion.Status.ACCEPTED, note=note)


def reject_suggestion(*, suggestion: Suggestion, user, note: str = "") -> Suggestion:
    """Turn a suggestion down (spam, not checkable, already checked)."""
    return _decide(suggestion=suggestion, user=user, status=Suggestion.Status.REJECTED, note=note)
