"""Creating, revoking and checking API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import ApiToken, TokenEvent

# The key a person copies: a recognisable prefix and 256 bits of randomness.
KEY_PREFIX = "fc_"
# last_used_at is written at most this often per token, so using a token costs no write
# on most requests.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
MAX_ACTIVE_TOKENS = 50


class TokenError(Exception):
    """A token request that cannot be honoured; the message is shown as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(*, user, name: str) -> tuple[ApiToken, str]:
    """Make a named token for `user`; returns it and its key, which is never shown again."""
    name = " ".join((name or "").split())
    if not name:
        raise TokenError("Give the token a name that says what it is for.")
    if len(name) > 100:
        raise TokenError("Keep the name under 100 characters.")
    with transaction.atomic():
        if ApiToken.objects.active().filter(user=user).count() >= MAX_ACTIVE_TOKENS:
            raise TokenError(
                f"You already have {MAX_ACTIVE_TOKENS} active tokens; revoke one you no longer use."
            )
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        token = ApiToken.objects.create(
            user=user, name=name, prefix=key[: len(KEY_PREFIX) + 6], key_hash=hash_key(key)
        )
        TokenEvent.objects.create(token=token, action=TokenEvent.Action.CREATED, actor=user)
    return token, key


def revoke_token(*, token: ApiToken, user) -> ApiToken:
    """Revoke a token: its owner, or an administrator, may. Revoking twice changes nothing."""
    if token.user_id != user.pk and not user.is_superuser:
        raise TokenError("Only the token's owner or an administrator can revoke it.")
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at"])
            TokenEvent.objects.create(token=locked, action=TokenEvent.Action.REVOKED, actor=user)
    token.revoked_at = locked.revoked_at
    return token


def user_for_key(key: str):
    """The active user an active token's key belongs to, or None; notes when it was used."""
    token = ApiToken.objects.active().select_related("user").filter(key_hash=hash_key(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        # Conditional, so concurrent requests write once between them.
        stale = now - LAST_USED_RESOLUTION
        ApiToken.objects.filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale), pk=token.pk
        ).update(last_used_at=now)
    return token.user
