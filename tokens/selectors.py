"""Reads of API tokens."""

from django.db.models import QuerySet

from .models import ApiToken


def tokens_of(*, user) -> QuerySet[ApiToken]:
    """A person's own tokens, active ones first, newest first."""
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-pk")
