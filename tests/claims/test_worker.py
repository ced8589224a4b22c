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
from claims.models import Article, Match
from factcheck.celery import app as celery_app
from sources.importers import PassageRecord, SourceRecord
from sources.models import Passage
from sources.services import import_records

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
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "factcheck",
            "worker",
            "-Q",
            queue,
            "--pool",
            "solo",
            "--concurrency",
            "1",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
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
        lambda: (
            Article.objects.get(pk=article.pk).status
            in (Article.Status.DONE, Article.Status.FAILED)
        )
    )
    if not finished:
        worker.terminate()
        pytest.fail("worker did not process the article:\n" + worker.communicate(timeout=20)[0])
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.claims.exists()


def test_worker_rematches_open_claims_after_the_library_changes_keeping_decisions(worker):
    def record(key, *texts):
        return SourceRecord(
            key=key,
            title=f"Port bulletin {key}",
            kind="statistics",
            passages=[PassageRecord(key=f"p{i}", text=t) for i, t in enumerate(texts, 1)],
        )

    import_records(
        [
            record(
                "bulletin-a",
                "Westhaven port handled 12.4 million tonnes of cargo in 2022.",
                "Westhaven port cargo in 2022 was a record for the harbour.",
            )
        ]
    )
    article = services.ingest_article(
        title="Port record",
        body="The port of Westhaven handled 12.4 million tonnes of cargo in 2022.",
        queue=False,
    )
    services.process_article(article.pk)
    claim = article.claims.get(text__contains="12.4 million")
    accepted, rejected = claim.matches.order_by("rank")[:2]
    Match.objects.filter(pk=accepted.pk).update(decision=Match.Decision.ACCEPTED)
    Match.objects.filter(pk=rejected.pk).update(decision=Match.Decision.REJECTED)

    import_records(
        [record("bulletin-b", "In 2022 the port of Westhaven moved 9.8 million tonnes of cargo.")]
    )
    new_passage = Passage.objects.get(source__key="bulletin-b")
    assert wait_for(lambda: claim.matches.filter(passage=new_passage).exists()), (
        "the worker did not re-match the open claim"
    )
    decisions = dict(claim.matches.values_list("pk", "decision"))
    assert decisions[accepted.pk] == Match.Decision.ACCEPTED
    assert decisions[rejected.pk] == Match.Decision.REJECTED
    passages = list(claim.matches.values_list("passage_id", flat=True))
    assert len(passages) == len(set(passages))
