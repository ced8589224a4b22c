"""Hostile sizes end in clear errors within bounded time: limits are settings, enforced
where work enters (API, import, processing), and every task has a time limit."""

import json

import pytest
from django.core.files.base import ContentFile

from claims import services as claim_services
from claims.models import Article
from claims.tasks import process_article_task, rematch_open_claims_task
from sources import search, services
from sources.models import ImportJob, Passage, Source
from sources.tasks import run_import_task
from tests.factories import ClaimFactory
from tests.security.pdfs import make_pdf

pytestmark = pytest.mark.django_db

REPEATED = "The turbines produce power "


def queued_import(name: str, data: bytes) -> ImportJob:
    job = ImportJob(original_name=name)
    job.file.save(name, ContentFile(data), save=True)
    return job


def test_a_repetitive_pdf_fails_its_import_with_the_longest_passage(settings):
    job = queued_import("turbines.pdf", make_pdf([REPEATED * 2000]))

    job = services.run_import(job.pk)

    assert job.status == ImportJob.Status.FAILED
    assert f"the longest accepted is {settings.FACTCHECK_MAX_PASSAGE_CHARS:,}" in job.error
    assert "nothing of this file was imported" in job.error
    assert not Source.objects.exists() and not Passage.objects.exists()


def test_a_source_with_too_many_passages_is_refused_by_the_api(staff_client, settings):
    settings.FACTCHECK_MAX_PASSAGES_PER_SOURCE = 3
    passages = [{"key": f"p{i}", "text": f"Passage {i} says 12 tonnes."} for i in range(4)]
    response = staff_client.post(
        "/api/sources/",
        data=json.dumps({"key": "s", "title": "S", "passages": passages}),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "4 passages; the limit is 3" in json.dumps(response.json())
    assert not Source.objects.exists()


def test_an_import_killed_again_and_again_stops_after_the_attempt_cap(settings):
    job = queued_import("library.jsonl", b'{"key": "s", "title": "S", "text": "Twelve."}\n')
    # Each delivery that died mid-way left the job running with one more attempt.
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING, attempts=settings.FACTCHECK_MAX_ATTEMPTS
    )

    job = services.run_import(job.pk)

    assert job.status == ImportJob.Status.FAILED
    assert f"Gave up after {settings.FACTCHECK_MAX_ATTEMPTS} attempts" in job.error
    assert not Source.objects.exists()


def test_quantities_kept_per_passage_are_capped(settings):
    from tests.factories import PassageFactory

    settings.FACTCHECK_MAX_QUANTITIES = 5
    passage = PassageFactory(text=" ".join(f"{n} tonnes," for n in range(1, 40)))

    assert len(passage.quantities) == 5


def test_quantities_kept_per_claim_are_capped(settings, django_capture_on_commit_callbacks):
    settings.FACTCHECK_MAX_QUANTITIES = 4
    body = "The port handled " + ", ".join(f"{n} tonnes" for n in range(1, 30)) + " in 2022."
    with django_capture_on_commit_callbacks(execute=True):
        article = claim_services.ingest_article(title="Numbers", body=body)

    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert all(len(c.quantities) <= 4 for c in article.claims.all())


def test_an_unpunctuated_article_fails_with_the_longest_sentence(
    staff_client, settings, django_capture_on_commit_callbacks
):
    body = "the harbour handled cargo and " * 2000
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/api/articles/",
            data=json.dumps({"title": "No full stops", "body": body}),
            content_type="application/json",
        )
    status = staff_client.get(response.json()["status_url"]).json()

    assert status["status"] == "failed"
    assert f"the longest accepted is {settings.FACTCHECK_MAX_SENTENCE_CHARS:,}" in status["error"]
    assert not Article.objects.get(pk=status["id"]).claims.exists()


@pytest.mark.parametrize(
    "task, setting",
    [
        (process_article_task, "FACTCHECK_ARTICLE_TIME_LIMIT"),
        (rematch_open_claims_task, "FACTCHECK_REMATCH_TIME_LIMIT"),
        (run_import_task, "FACTCHECK_IMPORT_TIME_LIMIT"),
    ],
    ids=["article", "rematch", "import"],
)
def test_every_task_has_a_soft_and_a_hard_time_limit(task, setting, settings):
    assert task.soft_time_limit == getattr(settings, setting)
    assert task.time_limit > task.soft_time_limit


def test_candidates_scored_per_claim_follow_the_setting(settings, monkeypatch):
    seen = {}

    def find(text, *, limit):
        seen["limit"] = limit
        return []

    settings.FACTCHECK_CANDIDATES_PER_CLAIM = 7
    monkeypatch.setattr(search, "find_candidates", find)

    claim_services.match_claim(ClaimFactory())

    assert seen["limit"] == 7
