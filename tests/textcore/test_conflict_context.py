"""When a different figure in a candidate is a conflict, and when it is about something else.

Each rule is shown with a pair of invented texts: one where the differing figure refers to
the claim's quantity (a conflict) and one where it does not (nothing to conclude).
"""

from textcore.alignment import compare_texts
from textcore.analysis import term_key
from textcore.matching import PassageText, score_candidates


def q(text: str, value: float, unit: str, qualifier: str = "exact", **extra) -> dict:
    return {"text": text, "value": value, "unit": unit, "qualifier": qualifier, **extra}


def numeric(claim: str, claim_quantities: list[dict], *passages: PassageText) -> dict[int, str]:
    """The numeric label of each candidate, by id."""
    ranked = score_candidates(claim, claim_quantities, list(passages))
    return {m.passage_id: m.numeric for m in ranked}


# --------------------------------------------------------------------- same meaning


def test_newsroom_synonyms_share_a_key():
    assert term_key("gap") == term_key("deficit") == term_key("imbalance")
    assert term_key("output") == term_key("production") == term_key("produced")
    assert term_key("forecasts") == term_key("expects") == term_key("projected")
    assert term_key("narrowed") == term_key("fell")
    assert term_key("surged") == term_key("rose")


def test_a_paraphrase_with_synonyms_is_recognised_as_the_same_statement():
    claim = "Peru's trade gap narrowed to 2.4% in 2011."
    cq = [q("2.4%", 2.4, "percent")]
    paraphrase = PassageText(
        1, "In 2011 the Peruvian trade deficit fell to 3.1%.", [q("3.1%", 3.1, "percent")]
    )
    assert numeric(claim, cq, paraphrase) == {1: "conflicts"}


# --------------------------------------------------------------------- years


def test_a_year_only_compared_with_is_not_the_year_of_the_figure():
    claim = "Lumber output at Kessra mills was 410,000 tonnes in 2008."
    cq = [q("410,000 tonnes", 410000, "tonne")]
    # the passage's figure is for 2009; 2008 is only the base of the comparison
    later = PassageText(
        1,
        "Lumber output at Kessra mills was 450,000 tonnes in 2009, up 9% from 2008.",
        [q("450,000 tonnes", 450000, "tonne"), q("9%", 9, "percent")],
    )
    same_year = PassageText(
        2,
        "Lumber output at Kessra mills was 450,000 tonnes in 2008, up 9% from 2007.",
        [q("450,000 tonnes", 450000, "tonne"), q("9%", 9, "percent")],
    )
    assert numeric(claim, cq, later) == {1: "none"}
    assert numeric(claim, cq, same_year) == {2: "conflicts"}


def test_a_claim_without_a_year_takes_the_year_of_the_passage_stating_its_figure():
    claim = "Ferry crossings to Osk Island reached 96,000."
    cq = [q("96,000", 96000, "count", noun="crossings")]
    states_it = PassageText(
        1,
        "Ferry crossings to Osk Island reached 96,000 in 2016.",
        [q("96,000", 96000, "count", noun="crossings")],
    )
    earlier = PassageText(
        2,
        "Ferry crossings to Osk Island reached 81,000 in 2014.",
        [q("81,000", 81000, "count", noun="crossings")],
    )
    assert numeric(claim, cq, states_it, earlier) == {1: "agrees", 2: "none"}
    # without a passage that pins the claim to a year, the other figure is a conflict
    assert numeric(claim, cq, earlier) == {2: "conflicts"}


def test_the_reason_a_conflict_was_set_aside_is_kept_for_the_fact_checker():
    claim = "Ferry crossings to Osk Island reached 96,000."
    cq = [q("96,000", 96000, "count", noun="crossings")]
    ranked = score_candidates(
        claim,
        cq,
        [
            PassageText(
                1,
                "Ferry crossings to Osk Island reached 96,000 in 2016.",
                [q("96,000", 96000, "count", noun="crossings")],
            ),
            PassageText(
                2,
                "Ferry crossings to Osk Island reached 81,000 in 2014.",
                [q("81,000", 81000, "count", noun="crossings")],
            ),
        ],
    )
    detail = {m.passage_id: m.detail["numeric"] for m in ranked}[2]
    assert "2016" in detail["ignored"]
    pair = detail["pairs"][0]
    assert (pair["claim"]["value"], pair["passage"]["value"]) == (96000, 81000)


# --------------------------------------------------------------------- countries


def test_a_figure_for_another_countrys_imports_is_not_a_conflict():
    claim = "Imports of timber rose by 8% last year."
    cq = [q("8%", 8, "percent")]
    norwegian = PassageText(
        1, "Norwegian imports of timber rose by 11% last year.", [q("11%", 11, "percent")]
    )
    possessive = PassageText(
        2, "Norway's imports of timber rose by 11% last year.", [q("11%", 11, "percent")]
    )
    unqualified = PassageText(
        3, "Imports of timber rose by 11% last year.", [q("11%", 11, "percent")]
    )
    assert numeric(claim, cq, norwegian) == {1: "none"}
    assert numeric(claim, cq, possessive) == {2: "none"}
    assert numeric(claim, cq, unqualified) == {3: "conflicts"}


def test_a_country_the_claim_names_too_does_not_block_a_conflict():
    claim = "Norwegian imports of timber rose by 8% last year."
    cq = [q("8%", 8, "percent")]
    passage = PassageText(
        1, "Norway's imports of timber rose by 11% last year.", [q("11%", 11, "percent")]
    )
    assert numeric(claim, cq, passage) == {1: "conflicts"}


def test_a_country_after_a_preposition_does_not_own_the_figure():
    claim = "The timber trade deficit with Norway rose by 8% last year."
    cq = [q("8%", 8, "percent")]
    passage = PassageText(
        1,
        "The timber trade deficit with Norway rose by 11% last year.",
        [q("11%", 11, "percent")],
    )
    assert numeric(claim, cq, passage) == {1: "conflicts"}


# --------------------------------------------------------------------- what is measured


def test_a_shared_year_and_country_alone_do_not_tie_two_amounts_together():
    claim = "Peruvian fish exports rose to $4.1bn in 2012."
    cq = [q("$4.1bn", 4.1e9, "USD")]
    other_measure = PassageText(
        1,
        "Peru's public debt reached a record $3.2 billion in 2012.",
        [q("$3.2 billion", 3.2e9, "USD")],
    )
    same_measure = PassageText(
        2,
        "Fish exports from Peru were worth $3.2 billion in 2012.",
        [q("$3.2 billion", 3.2e9, "USD")],
    )
    assert numeric(claim, cq, other_measure) == {1: "none"}
    assert numeric(claim, cq, same_measure) == {2: "conflicts"}


def test_the_comparison_needs_the_texts_to_measure_the_same_thing():
    claim = "Peru's fish exports rose to $4.1bn in 2012."
    debt = compare_texts(claim, "Peru's public debt rose to $3.2 billion in 2012.")
    exports = compare_texts(claim, "Fish exports from Peru rose to $3.2 billion in 2012.")
    assert (debt.numeric, exports.numeric) == ("none", "conflicts")
    assert "debt" in debt.reason and "exports" in debt.reason
    assert "$4.1bn vs $3.2 billion" in exports.reason


# --------------------------------------------------------------------- who speaks


def test_the_person_quoted_is_not_the_subject_of_the_figure():
    claim = "Ms Okonta said the harbour authority expects 1,200 new berths by 2015."
    cq = [q("1,200 new berths", 1200, "count", noun="berths")]
    passage = PassageText(
        1,
        "The Tarvik harbour authority expects 900 new berths by 2015.",
        [q("900 new berths", 900, "count", noun="berths")],
    )
    assert numeric(claim, cq, passage) == {1: "conflicts"}


def test_a_passage_naming_only_other_subjects_is_still_not_a_conflict():
    claim = "Quillota harbour handled 1,200 ships in 2015."
    cq = [q("1,200 ships", 1200, "count", noun="ships")]
    passage = PassageText(
        1,
        "In 2015 the Tarvik harbour handled 900 ships.",
        [q("900 ships", 900, "count", noun="ships")],
    )
    assert numeric(claim, cq, passage) == {1: "none"}
