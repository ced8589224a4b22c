"""Hostile input never gets a 500: the API answers its JSON error shape, the admin a 400."""

import pytest

from tests.factories import ClaimFactory, EditorFactory, SourceFactory

pytestmark = pytest.mark.django_db

DEEP = "[" * 50_000 + "]" * 50_000


def assert_json_error(response, status=400):
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"].startswith("application/json")
    assert set(response.json()) == {"detail", "code", "fields"}


@pytest.mark.parametrize("path", ["/api/articles/", "/api/sources/"])
def test_json_nested_50000_deep_is_a_json_400(staff_client, path):
    response = staff_client.post(path, data=DEEP, content_type="application/json")

    assert_json_error(response)


def test_json_nested_50000_deep_on_propose_verdict_is_a_json_400(staff_client):
    claim = ClaimFactory()
    response = staff_client.post(
        f"/api/claims/{claim.pk}/propose-verdict/",
        data='{"summary": ' + DEEP + "}",
        content_type="application/json",
    )

    assert_json_error(response)


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def test_an_admin_year_filter_beyond_any_date_is_a_400_page(editor_client):
    SourceFactory()
    response = editor_client.get("/admin/sources/source/?year=99999999999999999999")

    assert response.status_code == 400
    assert b"is not a year" in response.content
    assert b"Traceback" not in response.content


@pytest.mark.postgresql("PostgreSQL itself refuses an invalid regular expression")
def test_an_invalid_regex_lookup_in_the_admin_is_a_400(editor_client):
    response = editor_client.get("/admin/claims/claim/?text__regex=%5C")

    assert response.status_code == 400
    assert b"text__regex" in response.content
    assert b"Traceback" not in response.content


def test_a_huge_float_filter_on_the_claims_api_is_not_a_500(staff_client):
    response = staff_client.get("/api/claims/?assignee=-1.9e204")

    assert response.status_code == 400
    assert_json_error(response)
