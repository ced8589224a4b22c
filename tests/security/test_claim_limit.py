"""The longest claim is a setting enforced where claims are made: processing refuses an
article whose claim is over it (nothing kept), and hand edits refuse a longer text."""

import json

import pytest

from claims import services
from claims.models import Article

pytestmark = pytest.mark.django_db

SENTENCE = (
    "The harbour authority of the northern coast handled twelve million tonnes of bulk "
    "cargo and containers in the busiest year of its long history."
)


def test_an_article_with_a_claim_over_the_longest_claim_fails_with_the_reason(settings):
    settings.FACTCHECK_MAX_CLAIM_CHARS = 40
    article = services.ingest_article(title="Harbour", body=SENTENCE + "\n", queue=False)

    article = services.process_article(article.pk)

    assert article.status == Article.Status.FAILED
    assert "characters long; the longest accepted is 40." in article.error
    assert article.claims.count() == 0


def test_the_api_refuses_a_claim_text_over_the_longest_claim(staff_client, settings):
    settings.FACTCHECK_MAX_CLAIM_CHARS = 40
    article = services.ingest_article(title="Harbour", body=SENTENCE + "\n", queue=False)
    settings.FACTCHECK_MAX_CLAIM_CHARS = 2000
    article = services.process_article(article.pk)
    claim = article.claims.first()
    settings.FACTCHECK_MAX_CLAIM_CHARS = 40
    assert staff_client.post(f"/api/claims/{claim.pk}/start-review/").status_code == 200

    response = staff_client.post(
        f"/api/claims/{claim.pk}/edit-text/",
        data=json.dumps({"text": "x" * 41}),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert set(response.json()) == {"detail", "code", "fields"}
    assert "40" in json.dumps(response.json())
    claim.refresh_from_db()
    assert claim.text != "x" * 41


def test_the_claim_page_refuses_a_claim_text_over_the_longest_claim(client, settings):
    from django.urls import reverse

    from desk import workflow
    from tests.factories import ClaimFactory, FactCheckerFactory

    checker = FactCheckerFactory()
    claim = ClaimFactory()
    workflow.start_review(claim=claim, user=checker)
    settings.FACTCHECK_MAX_CLAIM_CHARS = 40
    client.force_login(checker)

    response = client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        {"action": "edit_claim_text", "text": "y" * 41, "version": claim.version},
        follow=True,
    )

    assert "the longest accepted is 40" in response.content.decode()
    claim.refresh_from_db()
    assert claim.text != "y" * 41
