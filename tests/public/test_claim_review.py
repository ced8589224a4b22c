"""schema.org ClaimReview JSON-LD on claim pages, as search engines read it."""

import datetime as dt
import json
import re

import pytest

from claims.models import Rating
from desk import workflow
from tests.public.conftest import claim_in, publish_claim

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def claim_review(client, claim) -> tuple[dict, str]:
    response = client.get(f"/claims/{claim.pk}/", follow=True)
    page = response.content.decode()
    scripts = LD_JSON.findall(page)
    assert len(scripts) == 1
    return json.loads(scripts[0]), response.request["PATH_INFO"]


def test_claim_review_has_every_required_and_recommended_property(client, settings, published):
    settings.FACTCHECK_ORGANISATION = "Coastal Fact Check"
    settings.FACTCHECK_ORGANISATION_URL = "https://factcheck.example/"
    claim = published(
        "The harbour handled 12 million tonnes of cargo in 2022.",
        rating=Rating.MOSTLY_FALSE,
        summary="It handled 9.1 million tonnes.",
        title="Harbour has record year",
        outlet="Coast Daily",
        url="https://coastdaily.example/harbour",
        published=dt.date(2025, 3, 14),
    )
    review, path = claim_review(client, claim)
    verdict = claim.published_verdict

    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "The harbour handled 12 million tonnes of cargo in 2022."
    assert review["url"] == f"http://testserver{path}"
    assert review["datePublished"] == verdict.published_at.date().isoformat()
    assert review["author"] == {
        "@type": "Organization",
        "name": "Coastal Fact Check",
        "url": "https://factcheck.example/",
    }
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["ratingValue"] == 2
    assert rating["bestRating"] == 7
    assert rating["worstRating"] == 1
    assert rating["alternateName"] == "Mostly false"

    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Coast Daily"}
    assert item["datePublished"] == "2025-03-14"
    work = {
        "@type": "CreativeWork",
        "url": "https://coastdaily.example/harbour",
        "headline": "Harbour has record year",
        "datePublished": "2025-03-14",
        "author": {"@type": "Organization", "name": "Coast Daily"},
        "publisher": {"@type": "Organization", "name": "Coast Daily"},
    }
    assert item["firstAppearance"] == work
    assert item["appearance"] == [work]


def test_first_appearance_is_the_earliest_public_repetition(client, newsroom, published):
    checker, editor = newsroom
    later = published(title="Later story", published=dt.date(2025, 5, 1))
    earlier = claim_in(
        sentence="The harbour handled 12 million tonnes of cargo in 2022.",
        title="Earlier story",
        outlet="Bay Herald",
        published=dt.date(2024, 11, 2),
    )
    later.repeats = earlier
    later.save(update_fields=["repeats"])
    publish_claim(earlier, checker, editor)
    review, _ = claim_review(client, later)
    item = review["itemReviewed"]
    assert item["firstAppearance"]["headline"] == "Earlier story"
    assert item["datePublished"] == "2024-11-02"
    assert item["author"]["name"] == "Bay Herald"
    assert [a["headline"] for a in item["appearance"]] == ["Later story", "Earlier story"]


def test_text_cannot_break_out_of_the_json_ld_script(client, published):
    claim = published(
        'He said "</script><script>alert(1)</script>" & <!-- nothing more.',
        summary="</script><img src=x onerror=alert(1)>",
    )
    response = client.get(f"/claims/{claim.pk}/", follow=True)
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    review, _ = claim_review(client, claim)
    assert review["claimReviewed"].startswith('He said "</script><script>alert(1)')
    assert review["reviewBody"] == "</script><img src=x onerror=alert(1)>"


def test_unverifiable_rating_keeps_its_name_without_a_value(client, newsroom):
    checker, editor = newsroom
    claim = claim_in(sentence="The first harbour was built in 1702.")
    workflow.start_review(claim=claim, user=checker)
    workflow.propose_verdict(
        claim=claim,
        author=checker,
        rating=Rating.UNVERIFIABLE,
        summary="No record settles when the first harbour was built.",
        no_source_explanation="The town archive burned in 1890.",
    )
    workflow.approve_verdict(claim=claim, editor=editor)
    workflow.publish(claim=claim, editor=editor)
    review, _ = claim_review(client, claim)
    assert review["reviewRating"]["alternateName"] == "Unverifiable"
    assert "ratingValue" not in review["reviewRating"]
