"""An article's public page: its published fact-checks, each claim in its sentence."""

import pytest

from tests.factories import ArticleFactory, ClaimFactory
from tests.public.conftest import claim_in, publish_claim

pytestmark = pytest.mark.django_db


def test_article_page_highlights_each_published_claim_in_context(client, newsroom):
    checker, editor = newsroom
    body = (
        "The port had a record year. The harbour handled 12 million tonnes in 2022. "
        "Jobs rose to 4,000 at the docks, the mayor said."
    )
    article = ArticleFactory(title="Harbour has record year", outlet="Coast Daily", body=body)
    first = claim_in(article=article, sentence="The harbour handled 12 million tonnes in 2022.")
    second = claim_in(
        article=article,
        sentence="Jobs rose to 4,000 at the docks, the mayor said.",
        claim_span="Jobs rose to 4,000 at the docks",
    )
    second.position = first.position + 1
    second.save(update_fields=["position"])
    publish_claim(first, checker, editor)
    publish_claim(second, checker, editor)

    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert "<h1>Harbour has record year</h1>" in page
    assert "2 claims in this article checked." in page
    assert "The harbour handled 12 million tonnes in 2022.</mark>" in page
    assert "Jobs rose to 4,000 at the docks</mark>, the mayor said." in page
    assert page.index("12 million tonnes") < page.index("Jobs rose")


def test_article_without_published_fact_checks_is_not_found(client):
    article = ClaimFactory().article
    assert client.get(f"/articles/{article.pk}/").status_code == 404
