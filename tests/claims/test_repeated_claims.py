"""A claim that repeats an earlier fact-checked claim is linked to it."""

import pytest
from django.utils import timezone

from claims import services
from claims.models import ClaimState
from tests.factories import ClaimFactory, EditorFactory, FactCheckerFactory, VerdictFactory

pytestmark = pytest.mark.django_db

CHECKED = "The port of Westhaven handled 12.4 million tonnes of cargo in 2022."


def checked_claim(text=CHECKED):
    claim = ClaimFactory(text=text, state=ClaimState.PUBLISHED)
    now = timezone.now()
    VerdictFactory(
        claim=claim,
        author=FactCheckerFactory(),
        approver=(editor := EditorFactory()),
        publisher=editor,
        proposed_at=now,
        approved_at=now,
        published_at=now,
        rating="mostly_true",
        summary="Port statistics give 12.4 million tonnes.",
    )
    return claim


def ingest(body):
    article = services.ingest_article(title="Port news", body=body, queue=False)
    return services.process_article(article.pk)


def test_a_restated_claim_is_linked_to_the_earlier_fact_check():
    earlier = checked_claim()
    article = ingest("Westhaven port handled 12.4 million tonnes of cargo in 2022.\n")
    claim = article.claims.get()
    assert claim.repeats == earlier


def test_a_different_claim_on_the_same_topic_is_not_linked():
    checked_claim()
    article = ingest("Westhaven port plans to build a second container terminal by 2030.\n")
    claims = list(article.claims.all())
    assert claims
    assert all(c.repeats_id is None for c in claims)


def test_a_claim_still_in_review_is_not_an_earlier_fact_check():
    ClaimFactory(text=CHECKED, state=ClaimState.IN_REVIEW)
    article = ingest(CHECKED + "\n")
    assert article.claims.get().repeats_id is None


def test_the_fact_checker_sees_the_earlier_verdict_in_the_admin(client):
    checked_claim()
    claim = ingest("Westhaven port handled 12.4 million tonnes of cargo in 2022.\n").claims.get()
    client.force_login(EditorFactory(is_superuser=True))
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert "Earlier verdict" in page and "Mostly true" in page
