"""score_candidates: ranking of passages (or earlier claims) for a claim."""

from hypothesis import given
from hypothesis import strategies as st

from textcore.analysis import claim_terms
from textcore.matching import PassageText, score_candidates

WEIGHTS = {
    "harbour": 0.4,
    "officials": 0.5,
    "reported": 0.3,
    "record": 0.6,
    "growth": 0.5,
    "region": 0.4,
    "zelvanor": 9.0,
    "dredging": 6.5,
}


def test_ranking_prefers_rare_term_overlap_over_common_words():
    claim = "Harbour officials reported record growth in Zelvanor dredging."
    common = PassageText(1, "Officials reported record growth in the harbour region.")
    rare = PassageText(2, "Zelvanor began dredging last spring.")
    ranked = score_candidates(claim, [], [common, rare], term_weights=WEIGHTS)
    assert [m.passage_id for m in ranked] == [2, 1]


def test_near_identical_restatement_scores_at_least_90():
    claim = "The Marrow Valley dam supplies 40% of the county's drinking water."
    restated = PassageText(
        7, "Marrow Valley dam supplies 40 percent of the county's drinking water."
    )
    quantities = [{"text": "40%", "value": 40.0, "unit": "percent", "qualifier": "exact"}]
    passage_quantities = [
        {"text": "40 percent", "value": 40.0, "unit": "percent", "qualifier": "exact"}
    ]
    restated = PassageText(restated.id, restated.text, passage_quantities)
    [match] = score_candidates(claim, quantities, [restated])
    assert match.score >= 90
    assert match.numeric == "agrees"


def test_unrelated_sentence_on_the_same_topic_scores_well_below_60():
    claim = "The Marrow Valley dam supplies 40% of the county's drinking water."
    same_topic = PassageText(8, "Engineers inspected the spillway of another dam after heavy rain.")
    restated = PassageText(9, "Marrow Valley dam supplies the county with drinking water.")
    ranked = score_candidates(claim, [], [same_topic, restated])
    assert ranked[0].passage_id == 9
    assert ranked[1].score < 45


def test_scores_are_rounded_to_two_decimals_and_within_0_and_100():
    claim = "Copper exports from Quillota rose sharply."
    ranked = score_candidates(
        claim,
        [],
        [
            PassageText(i, text)
            for i, text in enumerate(["Copper exports from Quillota rose sharply.", "", "x"])
        ],
    )
    assert len(ranked) == 3
    assert all(0 <= m.score <= 100 and round(m.score, 2) == m.score for m in ranked)


def test_equal_scores_are_ordered_by_id():
    text = "Quillota copper exports rose."
    ranked = score_candidates(text, [], [PassageText(5, text), PassageText(3, text)])
    assert [m.passage_id for m in ranked] == [3, 5]


def test_limit_and_min_score_cut_the_list():
    claim = "Quillota copper exports rose."
    candidates = [
        PassageText(1, "Quillota copper exports rose."),
        PassageText(2, "Copper exports rose."),
        PassageText(3, "The weather was mild."),
    ]
    assert len(score_candidates(claim, [], candidates, limit=2)) == 2
    assert [m.passage_id for m in score_candidates(claim, [], candidates, min_score=60)] == [1, 2]


def test_a_conflicting_figure_in_the_same_statement_is_flagged():
    claim = "Quillota copper exports rose 12% in 2004."
    cq = [{"text": "12%", "value": 12.0, "unit": "percent", "qualifier": "exact"}]
    passage = PassageText(
        1,
        "Copper exports from Quillota rose 21% in 2004.",
        [{"text": "21%", "value": 21.0, "unit": "percent", "qualifier": "exact"}],
    )
    [match] = score_candidates(claim, cq, [passage])
    assert match.numeric == "conflicts"
    assert match.detail["numeric"]["pairs"][0]["passage"]["value"] == 21.0


def test_a_different_figure_in_an_unrelated_text_is_not_a_conflict():
    claim = "Quillota copper exports rose 12% in 2004."
    cq = [{"text": "12%", "value": 12.0, "unit": "percent", "qualifier": "exact"}]
    passage = PassageText(
        1,
        "Ticket sales at the Brenner opera house fell 9% last season.",
        [{"text": "9%", "value": 9.0, "unit": "percent", "qualifier": "exact"}],
    )
    [match] = score_candidates(claim, cq, [passage])
    assert match.numeric == "none"


def test_a_figure_for_another_year_is_not_a_conflict():
    claim = "Quillota copper exports rose 12% in 2004."
    cq = [{"text": "12%", "value": 12.0, "unit": "percent", "qualifier": "exact"}]
    passage = PassageText(
        1,
        "Quillota copper exports rose 9% in 2003.",
        [{"text": "9%", "value": 9.0, "unit": "percent", "qualifier": "exact"}],
    )
    [match] = score_candidates(claim, cq, [passage])
    assert match.numeric == "none"


def test_weights_are_looked_up_by_the_claims_terms():
    assert claim_terms("The U.S. exported 40% more copper in 2004.") == [
        "us",
        "exported",
        "copper",
        "2004",
    ]


def test_a_claim_without_content_words_matches_nothing_well():
    ranked = score_candidates("It was the one.", [], [PassageText(1, "Copper prices rose.")])
    assert ranked[0].score < 30


texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=120)


@given(claim=texts, passages=st.lists(texts, max_size=5))
def test_scoring_is_deterministic_and_bounded(claim, passages):
    candidates = [PassageText(i, text) for i, text in enumerate(passages)]
    first = score_candidates(claim, [], candidates)
    second = score_candidates(claim, [], list(reversed(candidates)))
    assert first == second
    assert all(0.0 <= m.score <= 100.0 for m in first)


def test_the_matcher_reads_figures_from_the_texts_as_compare_texts_does():
    from textcore.alignment import compare_texts
    from textcore.quantities import parse_quantities

    claim = "Ticket sales at the Lunsford museum doubled last year."
    text = "Ticket sales at the Lunsford museum rose 100% last year."
    passage = PassageText(1, text, [q.to_dict() for q in parse_quantities(text)])
    [match] = score_candidates(claim, [], [passage])
    assert match.numeric == compare_texts(claim, text).numeric == "agrees"
    assert "doubled" in match.detail["numeric"]["reason"]


def test_a_candidate_without_a_figure_of_the_claims_kind_is_not_read():
    claim = "The Lunsford museum sold 40,000 tickets for $2m."
    other_kind = "The Lunsford museum grew 12 tonnes of tomatoes."
    stored = [{"text": "12 tonnes", "value": 12.0, "unit": "tonne", "qualifier": "exact"}]
    [match] = score_candidates(claim, [], [PassageText(1, other_kind, stored)])
    assert match.numeric == "none"
    assert match.detail["numeric"]["reason"] == "no figure of the kind the claim states"
