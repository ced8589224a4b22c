"""Sending workflow events to webhook endpoints.

`emit` is called by the workflow inside its transaction: it records one Delivery per
subscribed endpoint and enqueues them once the transaction commits (a rolled-back action
sends nothing). `attempt_delivery` makes one signed POST and records it; the Celery task
retries with exponential backoff up to a cap. Secrets never reach a log line or the
delivery log, and neither do endpoint addresses (a chat tool's address is itself a secret).
"""

from __future__ import annotations

import json
import logging
import secrets
import time

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Delivery, DeliveryAttempt, Endpoint, Event
from .signing import SIGNATURE_HEADER, signature

logger = logging.getLogger(__name__)

# Answers worth trying again: the endpoint is down, overloaded or timed out.
RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def subscribers(event: str) -> list[Endpoint]:
    """Active endpoints subscribed to `event` (one small query)."""
    return [e for e in Endpoint.objects.filter(is_active=True) if event in e.events]


def emit(*, event: str, data: dict, text: str, endpoints: list[Endpoint] | None = None):
    """Queue `event` for every active endpoint subscribed to it, sent after commit.

    `data` is the event's JSON payload; `text` the one-line message chat tools show;
    `endpoints` the subscribers when the caller has already looked them up.
    """
    endpoints = subscribers(event) if endpoints is None else endpoints
    if not endpoints:
        return []
    payload = {"event": event, "occurred_at": timezone.now().isoformat(), "text": text, **data}
    deliveries = Delivery.objects.bulk_create(
        Delivery(endpoint=endpoint, event=event, payload=payload) for endpoint in endpoints
    )
    ids = [d.pk for d in deliveries]

    def enqueue():
        from .tasks import deliver_webhook

        for pk in ids:
            deliver_webhook.delay(pk)

    # robust: a broker that is down must not turn a committed workflow action into an error;
    # the deliveries stay pending in the log.
    transaction.on_commit(enqueue, robust=True)
    return deliveries


def send_test_event(*, endpoints: list[Endpoint], user) -> list[Delivery]:
    """Send a `ping` to the given endpoints (active or not), to check they receive and verify."""
    who = user.get_full_name() or user.get_username()
    text = f"Test event from {settings.FACTCHECK_ORGANISATION}, sent by {who}: this endpoint works."
    actor = {"username": user.get_username(), "name": who}
    return emit(event=Event.PING, data={"actor": actor}, text=text, endpoints=endpoints)


def body_of(delivery: Delivery, endpoint: Endpoint) -> bytes:
    """The bytes POSTed: the event as JSON, or Slack's {"text": ...}."""
    if endpoint.format == Endpoint.Format.SLACK:
        content = {"text": delivery.payload.get("text", "")}
    else:
        content = {**delivery.payload, "delivery": delivery.pk}
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


def backoff(attempt: int) -> int:
    """Seconds before retrying after failed attempt number `attempt` (1, 2, ...): doubling, capped."""
    base = settings.WEBHOOK_RETRY_BASE_SECONDS
    return int(min(base * 2 ** (attempt - 1), settings.WEBHOOK_RETRY_MAX_SECONDS))


def _describe(error: requests.RequestException) -> str:
    # Never the exception's message: requests puts the address (with any secret in it) there.
    if isinstance(error, requests.Timeout):
        return f"Timed out after {settings.WEBHOOK_TIMEOUT_SECONDS} s"
    if isinstance(error, requests.ConnectionError):
        return "Could not connect to the endpoint"
    return f"Request failed ({type(error).__name__})"


def attempt_delivery(*, delivery_id: int, can_retry: bool = True) -> int | None:
    """POST the delivery once and record the attempt; returns seconds until a retry, or None."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update().select_related("endpoint").filter(pk=delivery_id)
        ).first()
        if delivery is None or delivery.status in (
            Delivery.Status.DELIVERED,
            Delivery.Status.FAILED,
        ):
            return None
        delivery.attempts += 1
        number = delivery.attempts
        delivery.save(update_fields=["attempts"])
    endpoint = delivery.endpoint
    body = body_of(delivery, endpoint)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "factcheck-webhooks/1",
        "X-Factcheck-Event": delivery.event,
        "X-Factcheck-Delivery": str(delivery.pk),
        SIGNATURE_HEADER: signature(secret=endpoint.secret, timestamp=int(time.time()), body=body),
    }
    started, at = time.monotonic(), timezone.now()
    status_code, error = None, ""
    try:
        response = requests.post(
            endpoint.url,
            data=body,
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
        status_code = response.status_code
        response.close()
    except requests.RequestException as exc:
        error = _describe(exc)
    duration_ms = int((time.monotonic() - started) * 1000)

    delivered = status_code is not None and 200 <= status_code < 300
    retryable = not delivered and (status_code is None or status_code in RETRY_STATUS)
    if not delivered and not error:
        error = f"The endpoint answered {status_code}"
    retry_in = None
    if retryable and can_retry and number < settings.WEBHOOK_MAX_ATTEMPTS:
        retry_in = backoff(number)
    with transaction.atomic():
        DeliveryAttempt.objects.create(
            delivery=delivery,
            number=number,
            at=at,
            status_code=status_code,
            error=error,
            duration_ms=duration_ms,
            retry_in=retry_in,
        )
        if delivered:
            status = Delivery.Status.DELIVERED
        else:
            status = Delivery.Status.RETRYING if retry_in is not None else Delivery.Status.FAILED
        finished = None if status == Delivery.Status.RETRYING else timezone.now()
        Delivery.objects.filter(pk=delivery.pk).update(status=status, finished_at=finished)
    logger.info(
        "Webhook delivery %s (%s) to endpoint %r, attempt %s: %s%s",
        delivery.pk,
        delivery.event,
        endpoint.name,
        number,
        status_code if status_code is not None else error,
        f", retrying in {retry_in} s" if retry_in is not None else "",
    )
    return retry_in
