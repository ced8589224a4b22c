"""The suite runs on the real services: PostgreSQL and a Redis broker."""

import os

import pytest
from django.conf import settings
from django.db import connection
from kombu import Connection


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL"),
    reason="DATABASE_URL is not set: this run uses SQLite (make test runs on PostgreSQL)",
)
@pytest.mark.django_db
def test_database_is_postgresql_with_trigram_search():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity('rare earths', 'rare earth')")
        assert cursor.fetchone()[0] > 0.5


@pytest.mark.broker
def test_broker_is_redis_and_round_trips_a_message():
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    with Connection(settings.CELERY_BROKER_URL) as conn:
        queue = conn.SimpleQueue("factcheck-infrastructure-check")
        queue.put({"ping": 1})
        message = queue.get(timeout=5)
        message.ack()
        queue.clear()
        queue.close()
    assert message.payload == {"ping": 1}
