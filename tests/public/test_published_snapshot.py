"""Every public reader (pages, API, ClaimReview, feed, sitemap) shows what was published,
never a draft: the checked text and the quote are stored with the verdict."""

import json

import pytest

from claims.models import Verdict
from desk import review, workflow
from public import selectors

pytestmark = pytest.mark.django_db

DRAFT = "The harbour handled 99 million tonnes of cargo in 2022."


@pytest.fixture
def being_corrected(published, newsroom):
    """A published claim whose correction reworded it (the rewording is not approved)."""
    checker, _ = newsroom
    claim = published()
    workflow.correct_verdict(claim=claim, user=checker, note="A newer bulletin.")
    review.edit_claim_text(claim=claim, user=checker, text=DRAFT)
    return claim


def test_the_public_api_list_shows_the_published_text_not_the_draft(client, being_corrected):
    response = client.get("/api/public/fact-checks/")

    assert response.status_code == 200
    body = response.content.decode()
    assert DRAFT not in body
    (item,) = [i for i in response.json()["results"] if i["id"] == being_corrected.pk]
    assert item["claim"] == being_corrected.extracted_text


def test_the_public_api_detail_and_its_claim_review_show_the_published_text(
    client, being_corrected
):
    response = client.get(f"/api/public/fact-checks/{being_corrected.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["claim"] == being_corrected.extracted_text
    assert data["claim_review"]["claimReviewed"] == being_corrected.extracted_text
    assert DRAFT not in response.content.decode()


def test_the_api_claim_review_is_the_one_the_page_embeds(client, being_corrected):
    api = client.get(f"/api/public/fact-checks/{being_corrected.pk}/").json()["claim_review"]
    check = selectors.fact_check(being_corrected.pk)
    page = client.get(check.path)
    embedded = page.content.decode().split('type="application/ld+json">', 1)[1]
    embedded = json.loads(embedded.split("</script>", 1)[0])

    assert api == embedded


def test_feed_and_sitemap_show_the_published_text(client, being_corrected):
    feed = client.get("/feed.atom").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "99 million" not in feed
    assert "99-million" not in sitemap


def test_a_claim_with_a_correction_is_one_item_in_the_public_api(client, published, newsroom):
    from tests.public.conftest import correct_claim

    checker, editor = newsroom
    claim = published()
    correct_claim(
        claim, checker, editor, note="Newer figures.", rating="mostly_true", summary="Close."
    )

    listed = [i["id"] for i in client.get("/api/public/fact-checks/").json()["results"]]
    detail = client.get(f"/api/public/fact-checks/{claim.pk}/")

    assert listed.count(claim.pk) == 1
    assert detail.status_code == 200
    assert detail.json()["rating"] == "mostly_true"


def test_the_published_text_is_stored_with_the_verdict(being_corrected):
    verdict = Verdict.objects.published().get(claim=being_corrected)

    assert verdict.checked_text == being_corrected.extracted_text


def test_the_newsroom_selectors_keep_no_second_definition_of_public():
    import claims.selectors

    assert not hasattr(claims.selectors, "published_verdicts")
