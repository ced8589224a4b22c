"""/healthz: 200 when database and broker answer, 503 within seconds when one is down."""

import os
import time

import pytest
from django.db import OperationalError

from factcheck import health

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker(settings):
    """The real Redis broker of the test run (Makefile: redis://127.0.0.1:6379/15)."""
    if not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip(
            "CELERY_BROKER_URL is not set: this test needs a real broker (make test sets one)"
        )
    settings.CELERY_TASK_ALWAYS_EAGER = False
    return settings


def test_healthy_when_database_and_broker_answer(client, broker):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    # No worker runs here, so the queue check says "degraded" (tested below and with one).
    assert body["status"] in ("ok", "degraded")
    assert body["checks"]["database"]["ok"] and body["checks"]["broker"]["ok"]
    assert "no-cache" in response["Cache-Control"]


def test_unavailable_within_seconds_when_the_broker_is_down(client, broker):
    broker.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < health.CHECK_TIMEOUT + 1
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
    assert response.json()["checks"]["database"]["ok"] is True


def test_unavailable_when_the_database_is_down(client, broker, monkeypatch):
    def down():
        raise OperationalError("connection refused")

    # Stopping the test run's PostgreSQL is not possible here; only the check itself is
    # replaced, the broker check still talks to the real Redis.
    monkeypatch.setattr(health, "check_database", down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"]["ok"] is False
    assert response.json()["checks"]["broker"]["ok"] is True


def test_failure_reasons_are_logged_not_shown(client, broker, caplog):
    broker.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert "127.0.0.1:1" not in response.content.decode()
    assert any("check_broker failed" in r.getMessage() for r in caplog.records)


def test_without_a_broker_tasks_run_in_process_and_health_says_so(client, settings):
    settings.CELERY_BROKER_URL = ""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == {"ok": True, "configured": False}


def test_health_does_not_redirect_to_https_so_load_balancers_can_probe_it(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_a_queue_without_a_consumer_is_reported(client, broker):
    from factcheck.celery import app

    previous = app.conf.task_default_queue
    app.conf.task_default_queue = "nobody-consumes-this"
    try:
        response = client.get("/healthz")
    finally:
        app.conf.task_default_queue = previous

    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["queue"] == {
        "ok": False,
        "name": "nobody-consumes-this",
        "consumers": 0,
        "ms": body["checks"]["queue"]["ms"],
    }
