"""Submitting articles and reading claims through the REST API."""

import pytest
from rest_framework.test import APIClient

from claims.models import Article, ClaimState
from tests.factories import ClaimFactory, FactCheckerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    client = APIClient()
    client.force_authenticate(FactCheckerFactory())
    return client


def test_submitting_an_article_returns_202_with_its_status_url(
    api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/articles/",
            {"title": "Port record", "body": "The port handled 12.4 million tonnes in 2022."},
            format="json",
        )
    assert response.status_code == 202
    article = Article.objects.get(pk=response.data["id"])
    assert response.data["status_url"].endswith(f"/api/articles/{article.pk}/")
    # Tasks run in-process here, so the status URL already tells the result.
    status = api.get(response.data["status_url"]).data
    assert status["status"] == "done"
    assert status["claim_count"] == article.claims.count() > 0


def test_submission_errors_name_the_field(api):
    response = api.post("/api/articles/", {"title": "T", "body": " "}, format="json")
    assert response.status_code == 400
    assert "body" in response.data["fields"]
    assert Article.objects.count() == 0


def test_anonymous_users_cannot_submit_articles():
    response = APIClient().post("/api/articles/", {"title": "T", "body": "Text."}, format="json")
    assert response.status_code in (401, 403)


def test_anonymous_users_cannot_list_the_newsrooms_claims():
    ClaimFactory(state=ClaimState.EXTRACTED)
    assert APIClient().get("/api/claims/").status_code in (401, 403)
