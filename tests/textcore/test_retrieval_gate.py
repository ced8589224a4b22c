"""The relevance gate under suggestions (textcore.retrieval.gate): invented sentences."""

import hashlib
import math

import pytest

from textcore.retrieval.gate import (
    OPEN_GATE,
    Evidence,
    RelevanceGate,
    default_gate,
    rarity_scale,
    shared_evidence,
)
from textcore.retrieval.index import LibraryIndex
from textcore.retrieval.query import index_terms
from textcore.retrieval.rank import RANKER_PATH, CandidatePassage, rank_candidates

# A small library: "harbour" and "council" are common, the rest appear once.
TEXTS = [
    "The Velmora harbour handled 4.2 million tonnes of cargo in 2023, a record.",
    "The harbour council included a new ferry timetable in its annual plan.",
    "The harbour council met on Tuesday.",
    "The harbour council approved repairs to the pier.",
    "The harbour council published its minutes.",
    "Gravel extraction at the Ostrand quarry was halted after a landslide.",
]
TITLES = ["Port statistics", "Council minutes", "Council minutes", "Council minutes", "", ""]


def library() -> LibraryIndex:
    return LibraryIndex([index_terms(t) for t in TEXTS], [index_terms(t) for t in TITLES])


def evidence(claim: str, doc: int) -> Evidence:
    index = library()
    return shared_evidence(
        index_terms(claim),
        index_terms(TEXTS[doc]) + index_terms(TITLES[doc]),
        idf=index.text.idf,
        library_size=len(index),
    )


def rank(claim: str, gate=None):
    index = library()
    hits = index.search(index_terms(claim), limit=10)
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
    return rank_candidates(
        claim, [], found, idf=index.text.idf, library_size=len(index), gate=gate, limit=10
    )


def test_shared_keys_are_distinct_stems_of_text_and_title():
    found = evidence("Velmora's harbour handles record cargo; the harbour grew.", 0)
    assert found.shared == ("cargo", "handl", "harbour", "record", "velmora")


def test_each_shared_key_weighs_between_0_and_1_by_its_rarity():
    rare = evidence("Velmora", 0).weight
    common = evidence("harbour", 0).weight
    assert 0 < common < rare <= 1
    assert evidence("Velmora cargo", 0).weight == pytest.approx(rare + evidence("cargo", 0).weight)


def test_rarity_is_measured_against_the_library_size():
    assert rarity_scale(154) == pytest.approx(math.log(155))
    assert rarity_scale(0) == pytest.approx(math.log(2))


def test_nothing_shared_is_no_evidence():
    assert evidence("Budget talks in the capital stalled", 5) == Evidence((), 0.0)


def test_one_shared_word_is_not_admitted_however_high_the_score():
    gate = RelevanceGate(min_pieces=2)
    one = evidence("The budget was included in the spending review.", 1)
    assert len(one.shared) == 1
    assert not gate.admits(one, 99.0)


def test_two_common_words_are_not_enough_evidence_when_rarity_is_required():
    common = evidence("The harbour council", 2)
    rare = evidence("The Ostrand quarry", 5)
    assert len(common.shared) == 2 and len(rare.shared) == 2
    assert common.weight < rare.weight
    gate = RelevanceGate(min_pieces=2, min_evidence=(common.weight + rare.weight) / 2)
    assert gate.admits(rare, 50.0)
    assert not gate.admits(common, 50.0)


def test_a_low_score_is_not_admitted_even_with_evidence():
    gate = RelevanceGate(min_pieces=2, min_score=5.0)
    found = evidence("Cargo through the Velmora harbour hit a record", 0)
    assert gate.admits(found, 5.0)
    assert not gate.admits(found, 4.99)


def test_ranked_suggestions_leave_out_the_passage_sharing_one_word():
    claim = "Timetable chaos angered commuters."
    assert [m.passage_id for m in rank(claim, OPEN_GATE)] == [1]  # "timetable" only
    assert rank(claim) == []
    real = "A landslide halted gravel extraction at a quarry."
    assert [m.passage_id for m in rank(real)] == [5]


def test_the_paraphrase_is_suggested_with_what_it_shares():
    [best, *_] = rank("Velmora's port moved a record 4.2m tonnes of cargo last year")
    assert best.passage_id == 0
    assert {"velmora", "cargo", "record"} <= set(best.detail["relevance"]["shared"])
    assert best.detail["relevance"]["evidence"] > 0


def test_gate_round_trips_through_json_and_refuses_other_files():
    gate = default_gate()
    assert RelevanceGate.from_json(gate.to_json()) == gate
    with pytest.raises(ValueError, match="relevance-gate"):
        RelevanceGate.from_json({**gate.to_json(), "version": 99})


def test_shipped_gate_drops_single_words_and_was_chosen_for_the_shipped_ranker():
    gate = default_gate()
    assert gate.min_pieces >= 2
    assert 0 <= gate.min_score < 100 and gate.min_evidence >= 0
    # rebuild with scripts/train_gate.py whenever the ranker changes
    ranker_sha = hashlib.sha256(RANKER_PATH.read_bytes()).hexdigest()
    assert gate.meta["training"]["ranker"]["sha256"] == ranker_sha


def relevance_against(claim: str, passage: str) -> dict:
    """The relevance detail of one passage for a claim, whatever the ranker thinks of it."""
    from textcore.quantities import parse_quantities
    from textcore.retrieval.rank import Ranker, default_ranker

    texts = [passage, "The harbour council met on Tuesday."]
    index = LibraryIndex([index_terms(t) for t in texts], [[] for _ in texts])
    found = [
        CandidatePassage(
            id=h.doc,
            text=texts[h.doc],
            quantities=[q.to_dict() for q in parse_quantities(texts[h.doc])],
            text_score=h.text_score,
            score=h.score,
        )
        for h in index.search(index_terms(claim), limit=10)
    ]
    [match] = rank_candidates(
        claim,
        [q.to_dict() for q in parse_quantities(claim)],
        found,
        idf=index.text.idf,
        library_size=len(index),
        ranker=Ranker(**{**default_ranker().__dict__, "floor": 0.0}),
        gate=OPEN_GATE,
    )
    return match.detail["relevance"]


CLAIM = "The boom allowed the government to collect $950m in taxes."


def test_a_word_and_a_figure_of_the_same_measure_are_two_pieces_of_evidence():
    found = relevance_against(
        CLAIM, "Income tax paid by miners brought roughly US$1.25 billion into state coffers."
    )
    assert found["shared"] == ["tax"] and found["figure"] is True
    evidence = Evidence(tuple(found["shared"]), found["evidence"], found["figure"])
    assert evidence.pieces == 2 and RelevanceGate(min_pieces=2).admits(evidence, 1.0)


def test_a_figure_of_another_kind_is_no_evidence():
    found = relevance_against(CLAIM, "A new road of 40 km was built; the tax office moved.")
    assert found["shared"] == ["tax"] and found["figure"] is False
    assert not RelevanceGate(min_pieces=2).admits(Evidence(("tax",), 1.0, False), 1.0)
