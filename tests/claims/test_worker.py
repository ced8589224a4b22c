"""A real Celery worker, over the real Redis broker, processes a submitted article."""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from claims import services
from claims.models import Article
from factcheck.celery import app as celery_app

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.real_worker]


@pytest.fixture
def worker():
    """Start `celery worker` in a subprocess on a queue of its own, against the test database."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "-Q", queue,
         "--pool", "solo", "--concurrency", "1", "--loglevel", "INFO", "--without-gossip",
         "--without-mingle", "--without-heartbeat"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    try:
        yield process
    finally:
        celery_app.conf.task_default_queue = previous
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)


def wait_for(predicate, timeout=90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


def test_worker_processes_a_submitted_article(worker):
    article = services.ingest_article(
        title="Port record",
        body="The port of Westhaven handled 12.4 million tonnes of cargo in 2022.",
    )
    assert Article.objects.get(pk=article.pk).status == Article.Status.QUEUED
    finished = wait_for(
        lambda: Article.objects.get(pk=article.pk).status
        in (Article.Status.DONE, Article.Status.FAILED)
    )
    if not finished:
        worker.terminate()
        pytest.fail("worker did not process the article:\n" + worker.communicate(timeout=20)[0])
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.claims.exists()
