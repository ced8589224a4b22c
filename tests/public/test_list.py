"""The list of published fact-checks: newest first, full-text search, filters, pages."""

import datetime as dt

import pytest
from django.db import connection

from claims.models import Rating
from tests.factories import PassageFactory, SourceFactory

pytestmark = pytest.mark.django_db


def listed(client, query="") -> str:
    response = client.get(f"/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_list_shows_the_latest_fact_checks_first(client, published):
    published("The bridge is 1,200 metres long.")
    published("The tunnel cost 4 billion dollars.")
    page = listed(client)
    assert page.index("The tunnel cost 4 billion dollars.") < page.index(
        "The bridge is 1,200 metres long."
    )
    assert "2 fact-checks" in page


def test_search_finds_words_in_the_claim_summary_or_article(client, published):
    published("The bridge is 1,200 metres long.", title="Road news")
    published("Exports rose by 8 percent.", summary="Customs data show a rise of 2 percent.")
    published("Crime fell sharply.", title="Mayor's harbour speech")
    assert "The bridge is 1,200 metres long." in listed(client, "?q=bridge")
    assert "The bridge is 1,200 metres long." not in listed(client, "?q=customs")
    assert "Exports rose by 8 percent." in listed(client, "?q=customs")
    assert "Crime fell sharply." in listed(client, "?q=harbour+speech")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_search_on_postgresql_matches_other_forms_of_a_word(client, published):
    published("The bridges are 1,200 metres long.")
    page = listed(client, "?q=bridge")
    assert "The bridges are 1,200 metres long." in page


def test_search_ranks_a_claim_match_above_an_article_match(client, published):
    published("Inflation reached 9 percent.", title="Bridge report")
    published("The bridge is 1,200 metres long.", title="Money report")
    page = listed(client, "?q=bridge")
    if connection.vendor == "postgresql":
        assert page.index("The bridge is 1,200 metres long.") < page.index(
            "Inflation reached 9 percent."
        )


def test_filter_by_rating(client, published):
    published("The bridge is 1,200 metres long.", rating=Rating.TRUE)
    published("The tunnel cost 4 billion dollars.", rating=Rating.FALSE)
    page = listed(client, "?rating=true")
    assert "The bridge is 1,200 metres long." in page
    assert "The tunnel cost 4 billion dollars." not in page


def test_filter_by_outlet(client, published):
    published("The bridge is 1,200 metres long.", outlet="Coast Daily")
    published("The tunnel cost 4 billion dollars.", outlet="Bay Herald")
    page = listed(client, "?outlet=Bay+Herald")
    assert "The tunnel cost 4 billion dollars." in page
    assert "The bridge is 1,200 metres long." not in page


def test_filter_by_kind_of_source_cited(client, published):
    report = PassageFactory(source=SourceFactory(kind="report"))
    published("The bridge is 1,200 metres long.", match_fields={"passage": report})
    published("The tunnel cost 4 billion dollars.")  # cites statistics
    page = listed(client, "?kind=report")
    assert "The bridge is 1,200 metres long." in page
    assert "The tunnel cost 4 billion dollars." not in page


def test_filter_by_publication_date(client, published):
    published("The bridge is 1,200 metres long.")
    today = dt.date.today()
    assert "The bridge is 1,200 metres long." in listed(client, f"?date_from={today}")
    yesterday = today - dt.timedelta(days=1)
    page = listed(client, f"?date_to={yesterday}")
    assert "The bridge is 1,200 metres long." not in page
    assert "No published fact-check matches." in page


def test_an_invalid_filter_is_ignored_and_explained(client, published):
    published("The bridge is 1,200 metres long.")
    page = listed(client, "?rating=bogus&date_from=not-a-date")
    assert "The bridge is 1,200 metres long." in page
    assert "Select a valid choice." in page
    assert "Enter a valid date." in page


def test_pages_keep_the_search_and_filters(client, settings, published):
    settings.PUBLIC_PAGE_SIZE = 2
    for n in range(5):
        published(f"The bridge number {n} is {n + 1},000 metres long.")
    page = listed(client, "?q=bridge&rating=false")
    assert "Page 1 of 3" in page
    assert 'href="?q=bridge&amp;rating=false&amp;page=2"' in page
    second = listed(client, "?q=bridge&rating=false&page=2")
    assert "Page 2 of 3" in second
