"""A real Celery worker, over the real Redis broker, processes a submitted article."""

import os
import signal
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
from textcore.extraction import extract_claims

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.real_worker]


class Workers:
    """Start and stop `celery worker` subprocesses on a queue of their own, on the test database."""

    def __init__(self, queue: str, log_dir):
        db = connection.settings_dict
        self.queue = queue
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen] = []
        self.env = {
            **os.environ,
            "DATABASE_URL": (
                f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
                f"/{db['NAME']}"
            ),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            # A message held by a killed worker comes back after this many seconds.
            "CELERY_VISIBILITY_TIMEOUT": "3",
            "CELERY_UNACKED_RESTORE_INTERVAL": "1",
            "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        }

    def start(self) -> subprocess.Popen:
        log = open(self.log_dir / f"worker-{len(self.processes)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "factcheck",
                "worker",
                "-Q",
                self.queue,
                "--pool",
                "solo",
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            env=self.env,
            cwd=settings.BASE_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(p.read_text() for p in sorted(self.log_dir.glob("worker-*.log")))

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()


@pytest.fixture
def workers(tmp_path):
    queue = f"test-{uuid.uuid4().hex[:8]}"
    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    pool = Workers(queue, tmp_path)
    try:
        yield pool
    finally:
        celery_app.conf.task_default_queue = previous
        pool.stop_all()
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)


@pytest.fixture
def worker(workers):
    return workers.start()


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
        pytest.fail("worker did not process the article")
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
                "The port of Westhaven handled a record 12.4 million tonnes of cargo in 2022.",
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


def test_articles_survive_a_worker_killed_mid_batch_and_are_processed_once(workers):
    body = (
        "The port of Westhaven handled 12.4 million tonnes of cargo in 2022, up 8% on 2021. "
        "Mayor Anna Berg said the new terminal cost $310m and employs 450 people.\n\n"
    ) * 20
    expected = len(extract_claims(body))
    first = workers.start()
    articles = [services.ingest_article(title=f"Port record {n}", body=body) for n in range(12)]
    ids = [a.pk for a in articles]

    def done_count():
        return Article.objects.filter(pk__in=ids, status=Article.Status.DONE).count()

    assert wait_for(lambda: done_count() >= 2), workers.logs()
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert done_count() < len(ids), "the batch finished before the worker was killed"

    workers.start()
    assert wait_for(lambda: done_count() == len(ids), timeout=120), workers.logs()
    for article in Article.objects.filter(pk__in=ids):
        positions = list(article.claims.values_list("position", flat=True))
        assert sorted(positions) == list(range(expected))
        assert article.attempts <= 2
