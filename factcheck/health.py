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


def queue_consumers(queue: str) -> int:
    """How many Celery workers consume `queue`, by asking them over the broker.

    Celery's remote control (`inspect().active_queues()`) broadcasts on the broker's
    control exchange and every live worker answers with the queues it consumes. The
    first answer naming the queue settles it; with no consumer the question waits the
    whole CHECK_TIMEOUT / 2 for answers that do not come.
    """
    from factcheck.celery import app

    first = app.control.inspect(timeout=CHECK_TIMEOUT / 2, limit=1).active_queues() or {}
    if _consuming(first, queue):
        return _consuming(first, queue)
    every = app.control.inspect(timeout=CHECK_TIMEOUT / 2).active_queues() or {}
    return _consuming(every, queue)


def _consuming(replies: dict, queue: str) -> int:
    return sum(any(q.get("name") == queue for q in (queues or [])) for queues in replies.values())


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

    With a broker, `queue` says how many workers consume the task queue; with none the
    status is "degraded" (still 200: the web process itself is fine, work waits).
    Without a broker (tasks run in-process) the broker is reported as not configured.
    Failure reasons are logged, not shown: the endpoint is public.
    """
    checks = {"database": _timed(check_database)}
    broker = settings.CELERY_BROKER_URL
    # "memory://" is the in-process stand-in when no broker is configured.
    queue = None
    if broker and not broker.startswith("memory://") and not settings.CELERY_TASK_ALWAYS_EAGER:
        checks["broker"] = _timed(check_broker, broker)
        if checks["broker"]["ok"]:
            queue = _queue_check()
    else:
        checks["broker"] = {"ok": True, "configured": False}
    healthy = all(item["ok"] for item in checks.values())
    status = "ok" if healthy else "unavailable"
    if healthy and queue is not None:
        checks["queue"] = queue
        # The web process still serves pages; work waits in the queue until a worker runs.
        status = "ok" if queue["ok"] else "degraded"
    return JsonResponse({"status": status, "checks": checks}, status=200 if healthy else 503)


# Seconds one process reuses its answer about the queue: asking the workers takes a
# broadcast and, with none, the whole wait; probes every few seconds need not repeat it.
QUEUE_CHECK_SECONDS = 5.0
_queue_answers: dict[str, tuple[float, dict]] = {}


def _queue_check() -> dict:
    from factcheck.celery import app

    name = app.conf.task_default_queue
    known = _queue_answers.get(name)
    if known is not None and known[0] > time.monotonic():
        return known[1]
    answer = _ask_queue(name)
    _queue_answers[name] = (time.monotonic() + QUEUE_CHECK_SECONDS, answer)
    return answer


def _ask_queue(name: str) -> dict:
    started = time.monotonic()
    try:
        consumers = queue_consumers(name)
    except Exception as exc:  # an unanswerable control channel counts as no consumer
        logger.warning("health check queue_consumers failed: %s", exc)
        consumers = 0
    ms = round((time.monotonic() - started) * 1000, 1)
    if not consumers:
        logger.warning("health check: no worker consumes the queue %s", name)
    return {"ok": consumers > 0, "name": name, "consumers": consumers, "ms": ms}
