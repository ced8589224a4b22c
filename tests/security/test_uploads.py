"""Library uploads through the API: size limit, hostile names and unreadable PDFs."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from sources.models import ImportJob, Source
from tests.security.pdfs import encrypt_pdf, make_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(superuser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = APIClient()
    client.force_authenticate(superuser)
    return client


def upload(api, name, content, capture):
    with capture(execute=True):
        return api.post(
            "/api/imports/", {"file": SimpleUploadedFile(name, content)}, format="multipart"
        )


def test_an_upload_over_the_limit_is_refused_with_413(
    api, settings, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 10_000
    response = upload(api, "big.jsonl", b"x" * 20_000, django_capture_on_commit_callbacks)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert ImportJob.objects.count() == 0


def test_an_encrypted_pdf_upload_fails_with_the_reason_and_imports_nothing(
    api, django_capture_on_commit_callbacks
):
    pdf = encrypt_pdf(make_pdf(["The harbour handled 12 million tonnes in 2022."]))
    response = upload(api, "report.pdf", pdf, django_capture_on_commit_callbacks)
    assert response.status_code == 202
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert "encrypted with a password" in job.error
    assert Source.objects.count() == 0


def test_a_file_name_cannot_climb_out_of_the_upload_folder(
    api, settings, django_capture_on_commit_callbacks
):
    line = b'{"key": "k", "title": "T", "passages": [{"key": "p1", "text": "12 Mt."}]}'
    response = upload(
        api, "../../../etc/cron.d/evil.jsonl", line, django_capture_on_commit_callbacks
    )
    assert response.status_code == 202
    stored = ImportJob.objects.get().file.path
    assert stored.startswith(str(settings.MEDIA_ROOT))
    assert ".." not in stored
