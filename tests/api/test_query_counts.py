"""List endpoints cost the same number of queries for 2 rows as for 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ClaimFactory, MatchFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    client.get(url)  # the first request also loads the user's permissions
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_article_list_does_not_query_per_article(client_for, fact_checker):
    client = client_for(fact_checker)
    for _ in range(2):
        ClaimFactory(article=ArticleFactory())
    few = queries_for(client, "/api/articles/")
    for _ in range(18):
        ClaimFactory(article=ArticleFactory())
    assert queries_for(client, "/api/articles/") == few


def test_claim_list_does_not_query_per_claim_or_match(client_for, fact_checker):
    client = client_for(fact_checker)
    for _ in range(2):
        MatchFactory()
    few = queries_for(client, "/api/claims/")
    for _ in range(18):
        MatchFactory()
    assert queries_for(client, "/api/claims/") == few
