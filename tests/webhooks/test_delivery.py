"""Webhooks delivered by a real Celery worker to a real local HTTP server.

The worker runs with a one-second backoff base so retries happen within the test.
"""

import hashlib
import hmac
import json
import logging
import time
import uuid

import pytest
from django.core.serializers import serialize

from desk import workflow
from tests.real_worker import wait_for
from tests.webhooks.conftest import publish_a_verdict
from webhooks.models import Delivery, DeliveryAttempt, Endpoint, Event
from webhooks.signing import verify

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.real_worker]

SECRET = "whsec-" + "s3cr3t-do-not-leak-" * 2


@pytest.fixture
def worker(workers):
    workers.env.update(
        WEBHOOK_RETRY_BASE_SECONDS="1",
        WEBHOOK_RETRY_MAX_SECONDS="2",
        WEBHOOK_MAX_ATTEMPTS="4",
        WEBHOOK_TIMEOUT_SECONDS="5",
        DJANGO_LOG_LEVEL="DEBUG",
    )
    workers.start()
    return workers


def endpoint(url, *, events=(Event.VERDICT_PUBLISHED,), format=Endpoint.Format.JSON, name=None):
    return Endpoint.objects.create(
        name=name or f"Endpoint {uuid.uuid4().hex[:6]}",
        url=url,
        secret=SECRET,
        events=list(events),
        format=format,
    )


def finished(delivery_ids):
    return lambda: (
        not Delivery.objects.filter(
            pk__in=delivery_ids, status__in=[Delivery.Status.PENDING, Delivery.Status.RETRYING]
        ).exists()
    )


def test_a_published_verdict_is_posted_signed_and_the_signature_verifies(
    worker, receiver, newsroom
):
    endpoint(f"{receiver.url}/hooks/newsroom")
    claim = publish_a_verdict(*newsroom)
    [request] = receiver.wait_for(1)
    assert request.path == "/hooks/newsroom"
    header = request.headers["X-Factcheck-Signature"]
    assert verify(secret=SECRET, header=header, body=request.body, now=int(time.time()))
    # As README tells a receiver to check it, written out without the product's code.
    fields = dict(part.split("=", 1) for part in header.split(","))
    expected = hmac.new(
        SECRET.encode(), fields["t"].encode() + b"." + request.body, hashlib.sha256
    ).hexdigest()
    assert hmac.compare_digest(expected, fields["v1"])
    assert not verify(
        secret="another secret", header=header, body=request.body, now=int(time.time())
    )
    assert not verify(secret=SECRET, header=header, body=request.body + b" ", now=int(time.time()))

    payload = request.json()
    assert payload["event"] == "verdict.published"
    assert request.headers["X-Factcheck-Event"] == "verdict.published"
    assert payload["claim"]["id"] == claim.pk
    assert payload["verdict"]["rating"] == "false"
    assert payload["verdict"]["public_url"] == f"/claims/{claim.pk}/"
    assert payload["actor"] == {"username": "ed", "name": "Ed Itor"}
    assert "Ed Itor published the verdict — " in payload["text"]
    assert "Rating: False." in payload["text"]
    assert wait_for(finished([payload["delivery"]]))
    delivery = Delivery.objects.get(pk=payload["delivery"])
    assert delivery.status == Delivery.Status.DELIVERED
    assert list(delivery.log.values_list("number", "status_code", "retry_in")) == [(1, 200, None)]


def test_each_workflow_event_reaches_the_endpoints_subscribed_to_it(worker, receiver, newsroom):
    checker, editor = newsroom
    endpoint(receiver.url, events=Event.values)
    endpoint(f"{receiver.url}/published-only", events=[Event.VERDICT_PUBLISHED])
    claim = publish_a_verdict(checker, editor)
    workflow.correct_verdict(claim=claim, user=checker, note="The register says 870 metres.")
    requests = receiver.wait_for(6)
    time.sleep(0.5)
    assert len(receiver.requests) == 6
    assert sorted(r.json()["event"] for r in requests if r.path == "/") == sorted(
        [
            "claim.assigned",
            "verdict.proposed",
            "verdict.approved",
            "verdict.published",
            "correction.started",
        ]
    )
    assert [r.json()["event"] for r in requests if r.path == "/published-only"] == [
        "verdict.published"
    ]


def test_a_failing_endpoint_is_retried_with_backoff_and_every_attempt_recorded(
    worker, receiver, newsroom
):
    failing = endpoint(f"{receiver.url}/down", name="Always down")
    recovering = endpoint(f"{receiver.url}/flaky", name="Flaky")
    receiver.answers = [500] * 10
    publish_a_verdict(*newsroom)
    deliveries = list(Delivery.objects.values_list("pk", flat=True))
    assert wait_for(finished(deliveries), timeout=60), worker.logs()

    down = Delivery.objects.get(endpoint=failing)
    assert down.status == Delivery.Status.FAILED
    # Doubling from one second, capped at two; four attempts in all.
    assert list(down.log.values_list("number", "status_code", "retry_in")) == [
        (1, 500, 1),
        (2, 500, 2),
        (3, 500, 2),
        (4, 500, None),
    ]
    assert all(a.error == "The endpoint answered 500" for a in down.log.all())
    arrivals = [r.at for r in receiver.requests if r.path == "/down"]
    assert len(arrivals) == 4
    gaps = [later - earlier for earlier, later in zip(arrivals, arrivals[1:], strict=False)]
    assert [gap >= wait - 0.05 for gap, wait in zip(gaps, [1, 2, 2], strict=True)] == [True] * 3
    flaky = Delivery.objects.get(endpoint=recovering)
    assert flaky.attempts == 4 and flaky.status == Delivery.Status.FAILED


def test_a_delivery_that_succeeds_on_a_retry_is_delivered(worker, receiver, newsroom):
    endpoint(f"{receiver.url}/flaky")
    receiver.answers = [503, 500]
    publish_a_verdict(*newsroom)
    receiver.wait_for(3)
    delivery = Delivery.objects.get()
    assert wait_for(finished([delivery.pk]))
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED
    assert list(delivery.log.values_list("status_code", flat=True)) == [503, 500, 200]


def test_the_secret_never_reaches_the_logs_or_the_delivery_log(worker, receiver, newsroom, caplog):
    caplog.set_level(logging.DEBUG)
    path_secret = "T0SECRET/B0SECRET/xoxo-path-secret"
    endpoint(f"{receiver.url}/{path_secret}", name="Chat")
    # A closed port: the connection error must not carry the address into the log either.
    endpoint(f"http://127.0.0.1:9/{path_secret}", name="Nowhere")
    receiver.answers = [500]
    publish_a_verdict(*newsroom)
    deliveries = list(Delivery.objects.values_list("pk", flat=True))
    assert wait_for(finished(deliveries), timeout=60), worker.logs()
    nowhere = Delivery.objects.get(endpoint__name="Nowhere")
    assert set(nowhere.log.values_list("error", flat=True)) == {"Could not connect to the endpoint"}

    worker_logs = worker.logs()
    assert "Webhook delivery" in worker_logs  # the log was captured at all
    recorded = serialize("json", [*Delivery.objects.all(), *DeliveryAttempt.objects.all()])
    for text in (worker_logs, caplog.text, recorded):
        assert SECRET not in text
        assert "path-secret" not in text
        assert "B0SECRET" not in text


def test_a_slack_endpoint_gets_only_a_text(worker, receiver, newsroom):
    endpoint(f"{receiver.url}/slack", format=Endpoint.Format.SLACK)
    claim = publish_a_verdict(*newsroom)
    [request] = receiver.wait_for(1)
    body = json.loads(request.body)
    assert list(body) == ["text"]
    assert body["text"] == (
        "Ed Itor published the verdict — “The harbour handled 12 million tonnes in 2022.”. "
        "Rating: False. "
        f"/admin/claims/claim/{claim.pk}/change/"
    )
    assert verify(
        secret=SECRET,
        header=request.headers["X-Factcheck-Signature"],
        body=request.body,
        now=int(time.time()),
    )
