"""A real Celery worker, over the real Redis broker, processes a submitted article."""

import signal

import pytest
from django.test import override_settings

from claims import services
from claims.models import Article, Match
from sources.importers import PassageRecord, SourceRecord
from sources.models import Passage
from sources.services import import_records
from tests.real_worker import wait_for
from textcore.extraction import extract_claims

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.real_worker]


@pytest.fixture
def worker(workers):
    return workers.start()


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

    # A library on other subjects around them, as in a newsroom: with only the port's
    # passages every shared word would be common to all of them and weigh nothing.
    import_records(
        [
            record(
                "bulletin-a",
                "Westhaven port handled 12.4 million tonnes of cargo in 2022.",
                "The port of Westhaven handled a record 12.4 million tonnes of cargo in 2022.",
            ),
            record(
                "other-news",
                "The city council approved a new budget for schools and libraries.",
                "Rainfall in the region was 20% above the long-term average last spring.",
                "The airline added three routes to southern Europe for the summer.",
                "Hospital waiting lists fell for the second month in a row.",
            ),
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


def test_health_counts_the_worker_consuming_the_queue(client, worker):
    def consumed():
        body = client.get("/healthz").json()
        return body["checks"].get("queue", {}).get("consumers", 0) >= 1

    with override_settings(CELERY_TASK_ALWAYS_EAGER=False):
        assert wait_for(consumed, timeout=60), "health never saw the worker"
        assert client.get("/healthz").json()["status"] == "ok"


def test_a_worker_fails_a_repetitive_pdf_import_quickly_with_the_reason(worker):
    from django.core.files.base import ContentFile

    from sources.models import ImportJob, Source
    from sources.tasks import run_import_task
    from tests.security.pdfs import make_pdf

    job = ImportJob(original_name="turbines.pdf")
    job.file.save(
        "turbines.pdf", ContentFile(make_pdf(["The turbines produce power " * 2000])), save=True
    )
    run_import_task.delay(job.pk)

    assert wait_for(
        lambda: ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.FAILED, timeout=60
    )
    assert "the longest accepted is" in ImportJob.objects.get(pk=job.pk).error
    assert not Source.objects.exists()
