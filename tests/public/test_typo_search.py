"""Public search tolerates a typo: pg_trgm on PostgreSQL, the portable rapidfuzz path elsewhere.

Both paths are exercised here on the suite's PostgreSQL: `engine` picks one explicitly.
"""

import pytest
from django.db import connection

from claims.models import Verdict
from public.selectors import Filters, search_fact_checks

pytestmark = pytest.mark.django_db

ENGINES = ["trigram", "words"] if connection.vendor == "postgresql" else ["words"]
SAMARIUM = "Each F-35 fighter jet uses about 50 pounds of samarium magnets."
COBALT = "Cobalt exports from the Congo doubled in 2024."


def found(q: str, engine: str) -> list[str]:
    return [v.checked_text for v in search_fact_checks(Filters(q=q), engine=engine)]


@pytest.mark.parametrize("engine", ENGINES)
def test_one_typo_finds_the_fact_check(published, engine):
    published(SAMARIUM)
    published(COBALT)
    assert found("samarum", engine) == [SAMARIUM]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_word_of_a_query_with_a_typo_must_be_found(published, engine):
    published(SAMARIUM)
    published(COBALT)
    assert found("samarum magnetts", engine) == [SAMARIUM]
    assert found("samarum congo", engine) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_a_word_too_far_from_any_finds_nothing(published, engine):
    published(SAMARIUM)
    assert found("sumorom", engine) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_short_words_are_not_guessed(published, engine):
    published("The jet flew over the bay.")
    assert found("jot", engine) == []
    assert found("jet", engine) == ["The jet flew over the bay."]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_exact_match_ranks_above_a_typo_match(published, engine):
    published("Samarium prices rose in 2023.")
    published("Samarum is a misspelled metal in this sentence.")
    results = found("samarum", engine)
    assert sorted(results) == sorted(
        ["Samarium prices rose in 2023.", "Samarum is a misspelled metal in this sentence."]
    )
    if engine == "trigram":
        assert results[0] == "Samarum is a misspelled metal in this sentence."


def test_the_public_page_finds_samarium_from_samarum(client, published):
    published(SAMARIUM)
    page = client.get("/?q=samarum").content.decode()
    assert SAMARIUM in page
    assert "1 fact-check" in page


@pytest.mark.postgresql("pg_trgm is PostgreSQL's")
def test_the_trigram_index_serves_the_typo_search(published):
    published(SAMARIUM)
    search = search_fact_checks(Filters(q="samarum"), engine="trigram")
    # The same expression and operator as the search, on the table alone, with sequential
    # scans off: the planner can only answer it through the index.
    fuzzy = search.query.annotations["fuzzy_text"]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = (
            Verdict.objects.annotate(fuzzy_text=fuzzy)
            .filter(fuzzy_text__trigram_word_similar="samarum")
            .order_by()
            .explain()
        )
    assert "verdict_public_search_trgm" in plan
