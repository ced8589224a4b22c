"""Related words for the claim ranker (textcore.retrieval.related) and their feature."""

import hashlib

import pytest

from textcore.analysis import term_key
from textcore.retrieval.index import LibraryIndex
from textcore.retrieval.query import index_terms
from textcore.retrieval.rank import FEATURES, CandidatePassage, default_ranker, pair_features
from textcore.retrieval.related import (
    RELATED_FORMAT,
    RELATED_PATH,
    RELATED_VERSION,
    default_related,
    parse_related,
    related_coverage,
)

RELATED = {"murder": frozenset({"slai"}), "slai": frozenset({"murder"})}


def weight(key: str) -> float:
    return {"gunman": 2.0, "murder": 3.0, "three": 1.0}.get(key, 1.0)


def test_a_claim_word_said_in_a_related_word_counts_by_its_rarity():
    claim = {"gunman", "murder", "three"}
    assert related_coverage(claim, frozenset({"gunman", "slai"}), weight, 6.0, RELATED) == 0.5


def test_a_claim_word_the_passage_states_itself_is_not_counted_again():
    claim = {"murder"}
    passage = frozenset({"murder", "slai"})
    assert related_coverage(claim, passage, weight, 3.0, RELATED) == 0.0


def test_unrelated_words_and_an_empty_claim_count_nothing():
    assert related_coverage({"murder"}, frozenset({"harbour"}), weight, 3.0, RELATED) == 0.0
    assert related_coverage(set(), frozenset({"slai"}), weight, 0.0, RELATED) == 0.0


def test_the_file_lists_each_pair_once_and_the_reader_relates_both_ways():
    data = {"format": RELATED_FORMAT, "version": RELATED_VERSION, "related": {"a1": "b1 c1"}}
    related = parse_related(data)
    assert related["a1"] == {"b1", "c1"}
    assert related["b1"] == {"a1"} and related["c1"] == {"a1"}


def test_a_file_of_another_format_is_refused():
    with pytest.raises(ValueError, match="factcheck-related-words"):
        parse_related({"format": "something-else", "version": 1, "related": {}})


@pytest.mark.parametrize(
    ("word", "related"),
    [("murder", "slay"), ("vaccine", "vaccinate"), ("Finnish", "Finland"), ("die", "death")],
)
def test_shipped_file_relates_synonyms_derived_forms_and_pertainyms(word, related):
    assert term_key(related) in default_related()[term_key(word)]


def test_the_ranker_sees_a_claim_word_the_passage_says_in_a_related_word():
    texts = ["The gunman slays three guards at the harbour.", "The harbour reopened in May."]
    index = LibraryIndex([index_terms(t) for t in texts], [[] for _ in texts])
    claim = "Gunman murdered three at the harbour"
    candidates = [
        CandidatePassage(id=h.doc, text=texts[h.doc], text_score=h.text_score, score=h.score)
        for h in index.search(index_terms(claim), limit=10)
    ]
    rows = pair_features(claim, candidates, {}, index.text.idf)
    column = FEATURES.index("claim_related")
    related = {c.id: row[column] for c, row in zip(candidates, rows, strict=True)}
    assert related[0] > 0.0
    assert related[1] == 0.0


def test_shipped_ranker_was_trained_with_the_shipped_related_words():
    # rebuild with scripts/train_ranker.py whenever related_words.json changes
    recorded = default_ranker().meta["training"]["related_words"]["sha256"]
    assert recorded == hashlib.sha256(RELATED_PATH.read_bytes()).hexdigest()
