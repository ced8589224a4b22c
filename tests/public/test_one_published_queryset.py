"""The public pages, the public API, the feed, the sitemap and ClaimReview all read one
published queryset (`public.selectors.current_verdicts`): on every state a claim can be in,
they show the same claims with the same checked text, and nothing else."""

import html
import json
import re

import pytest

from claims.models import Claim, Rating
from public import selectors
from tests.public.conftest import correct_claim

pytestmark = pytest.mark.django_db

CLAIM_LINK = re.compile(r"/claims/(\d+)/")


def claim_ids(text: str) -> set[int]:
    return {int(n) for n in CLAIM_LINK.findall(text)}


def embedded_claim_review(page: str) -> dict:
    script = page.split('type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    return json.loads(script)


@pytest.fixture
def every_public_state(every_state, newsroom, published):
    """Every state of `every_state`, plus a claim whose correction has been published."""
    checker, editor = newsroom
    republished = published("The bridge carries 50,000 cars a day.", summary="Bridge.")
    correct_claim(
        republished,
        checker,
        editor,
        note="A newer traffic count.",
        rating=Rating.MOSTLY_TRUE,
        summary="Bridge, corrected.",
    )
    return every_state


def test_pages_api_feed_sitemap_and_claim_review_show_the_one_published_queryset(
    client, every_public_state
):
    current = {v.claim_id: v.checked_text for v in selectors.current_verdicts()}
    # The queryset: each claim with a published verdict once, as its latest publication says.
    published_claims = Claim.objects.filter(verdicts__published_at__isnull=False)
    assert set(current) == set(published_claims.values_list("pk", flat=True))
    assert len(current) == 4
    assert "The zebra park has 300 zebras." in current.values()  # not its draft rewording
    hidden = set(Claim.objects.values_list("pk", flat=True)) - set(current)
    assert (
        len(hidden) == 7
    )  # extracted, a repeat, in review, awaiting, approved, sent back, dismissed

    assert claim_ids(client.get("/").content.decode()) == set(current)
    api = client.get("/api/public/fact-checks/").json()
    assert api["count"] == len(current)
    assert {item["id"]: item["claim"] for item in api["results"]} == current
    feed = html.unescape(client.get("/feed.atom").content.decode())
    assert claim_ids(feed) == set(current)
    assert all(text in feed for text in current.values())
    assert claim_ids(client.get("/sitemap.xml").content.decode()) == set(current)

    for claim_id, text in current.items():
        page = client.get(f"/claims/{claim_id}/", follow=True)
        assert page.status_code == 200
        detail = client.get(f"/api/public/fact-checks/{claim_id}/").json()
        assert detail["claim"] == text
        review = embedded_claim_review(page.content.decode())
        assert review["claimReviewed"] == text
        assert review == detail["claim_review"]

    for claim_id in hidden:
        assert client.get(f"/claims/{claim_id}/", follow=True).status_code == 404
        assert client.get(f"/api/public/fact-checks/{claim_id}/").status_code == 404
