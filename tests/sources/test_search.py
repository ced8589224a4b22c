"""Candidate retrieval and term statistics on PostgreSQL (sources.search)."""

import pytest
from django.db import connection

from sources import search, services
from sources.models import Passage, Term
from tests.factories import PassageFactory, SourceFactory
from tests.sources.sample import LIBRARY

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL path of sources.search"
)
pytestmark = [pytest.mark.django_db, postgresql_only]


def add_passages(*texts: str) -> list[Passage]:
    """Create passages through the service, which counts them into the term statistics."""
    source = SourceFactory()
    return [PassageFactory(source=source, text=text) for text in texts]


def df(lexeme: str) -> int:
    term = Term.objects.filter(lexeme=lexeme).first()
    return term.df if term else 0


def test_paraphrased_source_passage_is_among_candidates():
    passages = add_passages(*LIBRARY)
    claim = "After the new road opened, output of Brenmoor district quarries went up twofold."
    found = [c.passage_id for c in search.find_candidates(claim)]
    assert found[0] == passages[5].pk


def test_claim_sharing_only_a_number_and_a_rare_name_finds_its_passage():
    passages = add_passages(*LIBRARY)
    found = search.find_candidates("Tressilian: 84 billion?")
    assert passages[0].pk in [c.passage_id for c in found]


def test_candidates_carry_text_and_quantities():
    [passage] = add_passages(LIBRARY[0])
    Passage.objects.filter(pk=passage.pk).update(quantities=[{"text": "84 billion litres"}])
    [candidate] = search.find_candidates("Tressilian reservoir")
    assert candidate.text == LIBRARY[0]
    assert candidate.quantities == [{"text": "84 billion litres"}]


def test_empty_library_gives_no_candidates():
    assert search.find_candidates("The harbour handled record cargo.") == []


def test_claim_without_words_of_the_library_gives_no_candidates():
    add_passages(*LIBRARY)
    assert search.find_candidates("Zzyzx wobbled.") == []


def test_passage_added_after_the_statistics_is_still_found():
    add_passages(*LIBRARY)
    late = PassageFactory(text="Vintners in Orlasco picked grapes early.")
    found = search.find_candidates("Orlasco vintners picked early")
    assert late.pk in [c.passage_id for c in found]


def test_term_statistics_count_added_passages():
    add_passages(*LIBRARY)
    assert df("harbour") == 3
    assert df(Term.PASSAGE_COUNT) == len(LIBRARY)


def test_term_statistics_forget_removed_passages():
    passages = add_passages(*LIBRARY)
    services.delete_passages([passages[1]])
    assert df("harbour") == 2
    assert df("cargo") == 0
    assert df(Term.PASSAGE_COUNT) == len(LIBRARY) - 1


def test_changed_passage_text_moves_its_terms():
    [passage] = add_passages("Ferry services resumed.")
    passage.text = "Bus services resumed."
    services.save_passage(passage)
    assert (df("ferri"), df("bus"), df("servic")) == (0, 1, 1)
    assert df(Term.PASSAGE_COUNT) == 1


def test_refresh_recounts_the_whole_library():
    add_passages(*LIBRARY)
    Term.objects.filter(lexeme="harbour").update(df=99)
    PassageFactory(text="A harbour crane collapsed.")
    search.refresh_term_statistics()
    assert df("harbour") == 4
    assert df(Term.PASSAGE_COUNT) == len(LIBRARY) + 1


def test_rare_words_weigh_more_than_common_ones_and_stop_words_nothing():
    add_passages(*LIBRARY)
    weights = search.term_weights(["harbour", "brenmoor", "the"])
    assert weights["brenmoor"] > weights["harbour"] > 0
    assert weights["the"] == 0


def test_normalized_text_folds_case_quotes_dashes_and_punctuation():
    text = "China\u2019s \u201cRare\u201d Earths \u2014 up 1,146.1%!"
    assert search.normalize_for_search(text) == "china s rare earths up 1146.1"
