"""The source library through the API: sources by key, background imports with progress."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sources.models import ImportJob, Passage, Source

pytestmark = pytest.mark.django_db

SOURCE = {
    "key": "port-2022",
    "title": "Port statistics 2022",
    "publisher": "Port Authority",
    "kind": "statistics",
    "passages": [{"key": "p1", "locator": "p. 3", "text": "Cargo rose to 12 million tonnes."}],
}


def upload(client, name, content: bytes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            "/api/imports/", {"file": SimpleUploadedFile(name, content)}, format="multipart"
        )


def test_editor_creates_then_updates_a_source_by_key(client_for, editor):
    desk = client_for(editor)
    assert desk.post("/api/sources/", SOURCE, format="json").status_code == 200
    changed = {**SOURCE, "passages": [{"key": "p1", "text": "Cargo rose to 13 million tonnes."}]}
    response = desk.post("/api/sources/", changed, format="json")
    assert response.status_code == 200
    assert Source.objects.count() == 1
    assert response.json()["passages"][0]["text"] == "Cargo rose to 13 million tonnes."


def test_fact_checker_may_read_but_not_change_the_library(client_for, fact_checker, editor):
    client_for(editor).post("/api/sources/", SOURCE, format="json")
    checker = client_for(fact_checker)
    assert checker.get("/api/sources/").status_code == 200
    assert checker.post("/api/sources/", SOURCE, format="json").status_code == 403


def test_uploaded_library_is_imported_in_the_background(
    client_for, editor, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    content = (json.dumps(SOURCE) + "\n").encode()
    response = upload(client_for(editor), "lib.jsonl", content, django_capture_on_commit_callbacks)
    assert response.status_code == 202
    status = client_for(editor).get(f"/api/imports/{response.json()['id']}/").json()
    assert status["status"] == "done"
    assert status["passages_total"] == status["passages_done"] == 1
    assert status["summary"]["sources_created"] == 1
    assert Passage.objects.get().text == "Cargo rose to 12 million tonnes."


def test_malformed_upload_fails_with_the_line_and_imports_nothing(
    client_for, editor, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    content = (json.dumps(SOURCE) + "\n{broken\n").encode()
    response = upload(client_for(editor), "lib.jsonl", content, django_capture_on_commit_callbacks)
    job = ImportJob.objects.get(pk=response.json()["id"])
    assert job.status == ImportJob.Status.FAILED
    assert "line 2" in job.error and "nothing of this file was imported" in job.error
    assert Source.objects.count() == 0


def test_upload_of_an_unknown_file_type_is_refused_at_once(
    client_for, editor, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = upload(client_for(editor), "lib.exe", b"MZ", django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert "file" in response.json()["fields"]
    assert ImportJob.objects.count() == 0
