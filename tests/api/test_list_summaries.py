"""List endpoints answer summaries with a capped page size; details have everything."""

import pytest

from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

LONG = "The harbour handled cargo " * 400


@pytest.fixture
def desk(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def superuser(db):
    from tests.factories import UserFactory

    return UserFactory(username="root", is_superuser=True)


def test_the_claim_list_cuts_long_claims_to_a_summary(desk, settings):
    claim = ClaimFactory(text=LONG, sentence=LONG)

    listed = desk.get("/api/claims/").json()["results"][0]
    detail = desk.get(f"/api/claims/{claim.pk}/").json()

    assert len(listed["text"]) == settings.FACTCHECK_SUMMARY_CHARS
    assert listed["text_truncated"] is True
    assert "sentence" not in listed and "matches" not in listed
    assert detail["text"] == LONG


def test_the_claim_list_keeps_short_claims_whole(desk):
    claim = ClaimFactory()

    listed = desk.get("/api/claims/").json()["results"][0]

    assert (listed["text"], listed["text_truncated"]) == (claim.text, False)


def test_a_page_size_above_the_cap_gets_the_cap(desk, settings):
    settings.API_MAX_PAGE_SIZE = 3
    article = ArticleFactory()
    for _ in range(5):
        ClaimFactory(article=article)

    response = desk.get("/api/claims/?page_size=100000")

    assert response.status_code == 200
    assert len(response.json()["results"]) == 3


def test_a_page_of_huge_claims_stays_small(desk):
    article = ArticleFactory()
    for _ in range(7):
        ClaimFactory(article=article, text="x" * 200_000, sentence="x")

    response = desk.get("/api/claims/")

    assert len(response.content) < 50_000
