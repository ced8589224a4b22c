"""Claims far over the length limit (stored before the limits existed) do not make the
newsroom's pages huge: lists show their start, the claim page the span's two ends."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

LONG = 200_000


@pytest.fixture
def long_claims():
    text = ("word " * (LONG // 5))[: LONG - 4] + "TAIL"
    article = ArticleFactory(body=text)
    return [
        ClaimFactory(
            article=article,
            text=text,
            sentence=text,
            sentence_end=len(text),
            end=len(text),
        )
        for _ in range(3)
    ]


def test_the_review_queue_shows_the_start_of_an_over_long_claim(client, editor, long_claims):
    client.force_login(editor)

    response = client.get(reverse("admin:claims_claim_changelist"))

    assert response.status_code == 200
    assert len(response.content) < LONG


def test_the_claim_page_marks_the_two_ends_of_an_over_long_span(client, editor, long_claims):
    client.force_login(editor)

    page = client.get(reverse("admin:claims_claim_change", args=[long_claims[0].pk]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "characters not shown" in text
    assert "TAIL</mark>" in text
    # The claim's own text (heading and edit box) plus small change, not every copy.
    assert len(page.content) < 4 * LONG


def test_the_article_page_lists_the_start_of_each_claim(client, editor, long_claims):
    client.force_login(editor)

    page = client.get(reverse("admin:claims_article_change", args=[long_claims[0].article_id]))

    assert page.status_code == 200
    assert len(page.content) < 2 * LONG
