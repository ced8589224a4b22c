"""Security plumbing: login guard, client addresses, request size limit, session ending.

Cross-cutting concerns only; the newsroom's business rules stay in the services.
"""

from __future__ import annotations

import ipaddress
import logging

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.db import DataError
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

logger = logging.getLogger(__name__)


def client_ip(request) -> str | None:
    """The reader's address: the proxy's header when one is configured, else REMOTE_ADDR.

    PUBLIC_CLIENT_IP_HEADER (e.g. HTTP_X_REAL_IP) must only be set when the reverse proxy
    overwrites that header, or a client could choose its own address and dodge lockouts.
    None when there is no address (requests made in-process, e.g. force_login in tests).
    """
    header = getattr(settings, "PUBLIC_CLIENT_IP_HEADER", "")
    candidates = []
    if header:
        # X-Forwarded-For style: the proxy appends the address it saw last.
        candidates.append(request.META.get(header, "").split(",")[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


class LoginGuardBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins that come with a request.

    Logins without a request (management commands, the test client's login()) have no
    remote guesser to slow down; axes would refuse them outright.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class RequestSizeLimitMiddleware:
    """Refuse request bodies larger than FACTCHECK_MAX_UPLOAD_BYTES with 413, before reading them.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not cover bodies that DRF's parsers read as a
    stream (JSON), so the limit is enforced here on the declared length.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.FACTCHECK_MAX_UPLOAD_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _error(request, 400, "The Content-Length header is not a number.", "bad_length")
        if length > limit:
            return _error(
                request,
                413,
                f"The request body is {length:,} bytes; the limit is {limit:,} bytes.",
                "too_large",
            )
        return self.get_response(request)


class BadValueMiddleware:
    """A value the database cannot take (a number out of range, an invalid regular
    expression in an admin lookup) is the client's error: 400, never a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (DataError, OverflowError, RecursionError)):
            logger.info("Refused a value the database cannot take: %s", exception)
            return _error(request, 400, "A value in the request is not valid here.", "bad_value")
        return None


def _error(request, status: int, detail: str, code: str) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        # The API's error body shape (factcheck.api.error_handler).
        return JsonResponse({"detail": detail, "code": code, "fields": {}}, status=status)
    return HttpResponse(detail, status=status, content_type="text/plain; charset=utf-8")


def end_sessions_of(user) -> int:
    """Delete every stored session of `user`; returns how many were ended."""
    from django.contrib.sessions.models import Session

    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()
        if str(data.get("_auth_user_id")) == str(user.pk):
            ended.append(session.session_key)
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)


def remember_active_flag(sender, instance, **kwargs) -> None:
    if instance.pk is None:
        instance._was_active = False
        return
    instance._was_active = (
        sender.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
    )


def end_sessions_on_deactivation(sender, instance, created, **kwargs) -> None:
    # A deactivated account is logged out everywhere at once, not at its next request.
    if not created and getattr(instance, "_was_active", False) and not instance.is_active:
        end_sessions_of(instance)
