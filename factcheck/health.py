"""Health endpoint for load balancers and orchestrators: database and broker, short timeouts."""

from __future__ import annotations

import functools
import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds a check may take before the dependency counts as down.
CHECK_TIMEOUT = 2.0


def check_database() -> None:
    """Run a trivial query on the default database; raises when it cannot answer."""
    connection = connections["default"]
    with transaction.atomic(using="default"), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Scoped to this transaction: a stuck server fails the check instead of hanging it.
            cursor.execute("SET LOCAL statement_timeout = %s", [int(CHECK_TIMEOUT * 1000)])
        cursor.execute("SELECT 1")
        cursor.fetchone()


@functools.cache
def _redis_client(url: str):
    # One connection pool per process: a probe every few seconds reuses its connection.
    import redis

    return redis.Redis.from_url(
        url, socket_connect_timeout=CHECK_TIMEOUT, socket_timeout=CHECK_TIMEOUT
    )


def check_broker(url: str) -> None:
    """Connect to the Celery broker and ping it; raises when it does not answer in time."""
    if urlsplit(url).scheme in {"redis", "rediss"}:
        _redis_client(url).ping()
        return
    from kombu import Connection

    with Connection(url, connect_timeout=CHECK_TIMEOUT) as connection:
        connection.ensure_connection(max_retries=1, timeout=CHECK_TIMEOUT)


def _timed(check, *args) -> dict:
    started = time.monotonic()
    try:
        check(*args)
    except Exception as exc:  # any failure means "down"; the reason goes to the log only
        logger.warning("health check %s failed: %s", check.__name__, exc)
        return {"ok": False, "ms": round((time.monotonic() - started) * 1000, 1)}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


@never_cache
@require_safe
def healthz(request):
    """200 when the database and the broker answer, 503 when one of them does not.

    Without a broker (tasks run in-process) the broker is reported as not configured.
    Failure reasons are logged, not shown: the endpoint is public.
    """
    checks = {"database": _timed(check_database)}
    broker = settings.CELERY_BROKER_URL
    # "memory://" is the in-process stand-in when no broker is configured.
    if broker and not broker.startswith("memory://") and not settings.CELERY_TASK_ALWAYS_EAGER:
        checks["broker"] = _timed(check_broker, broker)
    else:
        checks["broker"] = {"ok": True, "configured": False}
    healthy = all(item["ok"] for item in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
