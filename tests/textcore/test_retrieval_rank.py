"""Second stage of the claim lookup: features and the learned ranker (textcore.retrieval.rank)."""

import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textcore.retrieval.index import LibraryIndex
from textcore.retrieval.query import index_terms
from textcore.retrieval.rank import (
    FEATURES,
    CandidatePassage,
    Ranker,
    default_ranker,
    pair_features,
    rank_candidates,
)
from textcore.retrieval.similarity import (
    _char_grams,
    _jaccard,
    _trigram_codes,
    _trigrams,
    char_cosines,
    trigram_jaccards,
)

TEXTS = [
    "Quarry output in the Brenmoor district doubled after the new road opened.",
    "The regional council approved a new budget for harbour maintenance.",
    "Ferry services to the islands were suspended for three days in March.",
]
TITLES = ["Brenmoor quarry statistics", "Council minutes", "Ferry timetable changes"]


def candidates_for(query: str) -> tuple[list[CandidatePassage], LibraryIndex]:
    index = LibraryIndex([index_terms(t) for t in TEXTS], [index_terms(t) for t in TITLES])
    hits = index.search(index_terms(query), limit=10)
    found = [
        CandidatePassage(
            id=h.doc,
            text=TEXTS[h.doc],
            title=TITLES[h.doc],
            text_score=h.text_score,
            title_score=h.title_score,
            score=h.score,
        )
        for h in hits
    ]
    return found, index


def test_shipped_ranker_loads_with_the_current_features():
    ranker = default_ranker()
    assert len(ranker.weights) == len(FEATURES)
    assert 0 <= ranker.floor < 100


def test_ranker_file_of_other_features_is_refused():
    data = default_ranker().to_json()
    data["features"] = ["bm25"]
    with pytest.raises(ValueError, match="other features"):
        Ranker.from_json(data)


def test_ranker_round_trips_through_json():
    ranker = default_ranker()
    assert Ranker.from_json(ranker.to_json()) == ranker


def test_one_feature_row_per_candidate_in_candidate_order():
    found, index = candidates_for("Brenmoor quarry output doubled")
    rows = pair_features("Brenmoor quarry output doubled", found, {}, index.text.idf)
    assert len(rows) == len(found) and all(len(r) == len(FEATURES) for r in rows)


def test_the_passage_restating_the_claim_ranks_first_above_the_floor():
    found, index = candidates_for("Brenmoor quarry output doubled after the road opened")
    ranked = rank_candidates(
        "Brenmoor quarry output doubled after the road opened",
        [],
        found,
        idf=index.text.idf,
        library_size=len(index),
    )
    assert ranked[0].passage_id == 0
    assert ranked[0].score > default_ranker().floor


def test_matches_below_the_floor_are_left_out():
    found, index = candidates_for("new budget")
    everything = Ranker(**{**default_ranker().__dict__, "floor": 0.0})
    nothing = Ranker(**{**default_ranker().__dict__, "floor": 100.1})
    size = len(index)
    assert rank_candidates(
        "new budget", [], found, idf=index.text.idf, library_size=size, ranker=everything
    )
    assert (
        rank_candidates(
            "new budget", [], found, idf=index.text.idf, library_size=size, ranker=nothing
        )
        == []
    )


def test_character_ngrams_meet_where_words_differ_by_inflection_or_compounding():
    docs = [
        "police seized knives hidden in loaves of bread",
        "the council seized the harbour for repairs",
        "hotel settled a lawsuit over bed bugs",
    ]
    knife, harbour, bugs = char_cosines("a knife hidden in a loaf", docs)
    assert knife > max(harbour, bugs)
    hotel = char_cosines("the hotel had bedbugs", docs)
    assert hotel[2] == max(hotel)
    assert char_cosines("", docs) == [0.0, 0.0, 0.0]
    assert char_cosines("anything", []) == []


def _cosines_by_definition(query: str, documents: list[str]) -> list[float]:
    """TF-IDF cosine of `_char_grams`, written out as the docstring of char_cosines says."""
    grams = [_char_grams(d) for d in documents]
    query_grams = _char_grams(query)
    size = len(documents)

    def unit(counts: Counter) -> dict[str, float]:
        vector = {
            g: (1.0 + math.log(n)) * (math.log((size + 1) / (1 + sum(g in d for d in grams))) + 1)
            for g, n in counts.items()
        }
        length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {g: v / length for g, v in vector.items()}

    q = unit(query_grams)
    return [sum(v * unit(d).get(g, 0.0) for g, v in q.items()) for d in grams]


_WORDS = st.sampled_from("knife knives bed bugs bedbugs a of 12 2019 4.5 café loaf loaves".split())
_TEXTS = st.lists(_WORDS, max_size=10).map(" ".join)


@settings(deadline=None)  # a timing limit is not what this test is about
@given(query=_TEXTS, documents=st.lists(_TEXTS, max_size=6))
def test_character_ngram_cosines_are_those_of_the_definition(query, documents):
    assert char_cosines(query, documents) == pytest.approx(
        _cosines_by_definition(query, documents), abs=1e-12
    )


@settings(deadline=None)
@given(a=_TEXTS, b=_TEXTS)
def test_trigram_similarity_is_the_jaccard_similarity_of_the_trigram_sets(a, b):
    sets = _trigrams(a), _trigrams(b)
    expected = len(sets[0] & sets[1]) / len(sets[0] | sets[1]) if all(sets) else 0.0
    assert _jaccard(_trigram_codes(a), _trigram_codes(b)) == expected


@settings(deadline=None)
@given(query=_TEXTS, texts=st.lists(_TEXTS, max_size=6))
def test_trigram_similarities_of_many_texts_are_those_of_each_pair(query, texts):
    assert trigram_jaccards(query, texts) == [
        _jaccard(_trigram_codes(query), _trigram_codes(t)) for t in texts
    ]
