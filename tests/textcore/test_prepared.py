"""The second stage's analysis of passages computed once (textcore.prepared and
textcore.retrieval.prepared): the same as computing it per claim."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textcore.analysis import Analysis, analyse, normalize_text
from textcore.figures import SentenceFacts, quantity_kinds, read_passage
from textcore.matching import PassageText, score_candidates
from textcore.prepared import from_plain, to_plain
from textcore.quantities import parse_quantities
from textcore.retrieval.prepared import PreparedPassages, prepare_passage
from textcore.retrieval.query import index_terms

_PIECES = st.sampled_from(
    [
        "China's",
        "US$14.7 billion",
        "exports",
        "rose",
        "to 49% from 40%",
        "in 2004",
        ", up from 2003",
        "Mr Lee said",
        "according to the ministry",
        "about 50 pounds",
        "a third of the $375m settlement",
        "13 of 20",
        "5 million tonnes",
        "£3m",
        "Chinese imports",
        "the deficit with China",
        "F-35",
        "forecasts",
        "in the first quarter",
        "in March",
        "twice",
        "café",
        "“quoted”",
        " – ",
        ".",
        " ",
    ]
)
TEXTS = st.lists(_PIECES, max_size=14).map(" ".join)


def _quantities(text: str) -> list[dict]:
    return [q.to_dict() for q in parse_quantities(text)]


@settings(max_examples=150, deadline=None)
@given(text=TEXTS)
def test_plain_form_gives_back_the_same_analysis_and_figures(text):
    analysis = analyse(text, sentence_starts=False)
    facts = read_passage(text)
    assert from_plain(to_plain(analysis, Analysis), Analysis) == analysis
    assert from_plain(to_plain(facts, SentenceFacts), SentenceFacts) == facts


def test_plain_form_refuses_a_value_it_would_not_give_back():
    analysis = analyse("Exports rose in 2004.", sentence_starts=False)
    bent = Analysis(**{**analysis.__dict__, "keys": set(analysis.keys)})
    with pytest.raises(TypeError):
        to_plain(bent, Analysis)


def _assert_same(stored, text, title, quantities):
    fresh = prepare_passage(text, title, quantities)
    assert stored.text.analysis == fresh.text.analysis == analyse(text, sentence_starts=False)
    assert stored.text.kinds == fresh.text.kinds == quantity_kinds(quantities, text)
    assert stored.text.facts == read_passage(text)
    assert stored.keys == frozenset(index_terms(text))
    assert stored.title == normalize_text(title)
    assert stored.title_keys == frozenset(index_terms(title))
    assert stored.words == fresh.words


@settings(max_examples=60, deadline=None)
@given(passages=st.lists(st.tuples(TEXTS, TEXTS), max_size=5))
def test_prepared_passages_equal_the_analysis_computed_on_the_fly(passages):
    rows = [(text, title, _quantities(text)) for text, title in passages]
    store = PreparedPassages.build(rows, code="test")
    for doc, (text, title, quantities) in enumerate(rows):
        _assert_same(store.get(doc, text), text, title, quantities)


LIBRARY = [
    ("China's exports rose 12% to US$14.7 billion in 2004.", "Trade statistics"),
    ("Imports of crude oil fell by a fifth last year.", "Energy report"),
    ("The council approved a new budget.", ""),
]


def test_a_saved_store_opens_with_the_same_analysis(tmp_path):
    rows = [(text, title, _quantities(text)) for text, title in LIBRARY]
    PreparedPassages.build(rows, code="test", folder=tmp_path)
    opened = PreparedPassages.open(tmp_path)
    for doc, (text, title, quantities) in enumerate(rows):
        _assert_same(opened.get(doc, text), text, title, quantities)


def test_a_rebuild_reuses_unchanged_passages_and_analyses_changed_ones(tmp_path, caplog):
    rows = [(text, title, _quantities(text)) for text, title in LIBRARY]
    before = PreparedPassages.build(rows, code="test", folder=tmp_path)
    changed = "China's exports fell 3% to $9bn in 2005."
    rows[0] = (changed, rows[0][1], _quantities(changed))
    rows.append(("A new passage about 40% of harbour cargo.", "Harbour", []))
    with caplog.at_level("INFO", logger="textcore.retrieval.prepared"):
        after = PreparedPassages.build(rows, code="test", previous=before)
    assert "2 of 4 reused" in caplog.text
    for doc, (text, title, quantities) in enumerate(rows):
        _assert_same(after.get(doc, text), text, title, quantities)


def test_records_of_other_code_are_not_reused(caplog):
    rows = [(text, title, _quantities(text)) for text, title in LIBRARY]
    before = PreparedPassages.build(rows, code="old")
    with caplog.at_level("INFO", logger="textcore.retrieval.prepared"):
        PreparedPassages.build(rows, code="new", previous=before)
    assert "reused" not in caplog.text


def test_scores_with_the_prepared_analysis_are_those_computed_on_the_fly():
    claim = "China's exports rose 12% to $14.7bn in 2004, Mr Lee said."
    texts = [text for text, _ in LIBRARY]
    quantities = [_quantities(t) for t in texts]
    plain = [PassageText(i, t, q) for i, (t, q) in enumerate(zip(texts, quantities, strict=True))]
    prepared = [
        PassageText(i, t, q, prepared=prepare_passage(t, "", q).text)
        for i, (t, q) in enumerate(zip(texts, quantities, strict=True))
    ]
    assert score_candidates(claim, [], prepared) == score_candidates(claim, [], plain)
