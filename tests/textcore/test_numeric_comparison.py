"""Units, scale words, hedges and rounding in the one numeric comparison (invented sentences).

The matcher, `compare_quantities` and `/api/compare/` all answer with `compare_texts`; these
cases were first written for the unit-by-unit comparison it replaced.
"""

import pytest

from textcore.alignment import compare_texts


def relation(claim: str, passage: str) -> str:
    return compare_texts(claim, passage).numeric


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The Orsk parcel weighed 50 pounds.", "The Orsk parcel weighed 22.7 kg."),
        ("Ninety-nine percent of Velby's staff voted.", "99% of Velby's staff voted."),
        ("Kestrel raised $1.5bn from the sale.", "Kestrel raised $1,500m from the sale."),
        ("The Harl wind farm produces 1.2 GW.", "The Harl wind farm produces 1,200 MW."),
        ("The Dunmore mill shipped 3 tonnes of oats.", "The Dunmore mill shipped 3,000 kg of oats."),
        ("The Tarvik bridge is 2 miles long.", "The Tarvik bridge is 3.2 km long."),
        ("The Osk reservoir holds 5,000 litres.", "The Osk reservoir holds 5 cubic metres."),
        ("Output at the Harl plant reached 1.2 TWh.", "Output at the Harl plant reached 1,200 GWh."),
    ],
)  # fmt: skip
def test_the_same_amount_in_other_units_agrees(claim, passage):
    assert relation(claim, passage) == "agrees"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("Velby's turnout was about 50%.", "Velby's turnout was 52%.", "agrees"),
        ("Velby's turnout was 30%.", "Velby's turnout was 25%.", "conflicts"),
        ("Velby's turnout was more than 99%.", "Velby's turnout was 99.5%.", "agrees"),
        ("Velby's turnout was more than 99%.", "Velby's turnout was 90%.", "conflicts"),
        ("Velby's turnout was 16%.", "Velby's turnout was 15%.", "conflicts"),
        ("The Tarvik bridge is 89 km long.", "The Tarvik bridge is 120 km long.", "conflicts"),
    ],
)
def test_hedges_and_written_precision(claim, passage, expected):
    assert relation(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The Orsk parcel weighed 50 pounds.", "The Orsk parcel cost £50."),
        ("Velby's turnout was 30%.", "Velby's turnout was 30 percentage points."),
        ("Osk has 40 universities.", "Osk has 50 hospitals."),
        ("The Osk oven reached 40C.", "The Osk oven reached 104F."),
        ("Kestrel did well last year.", "Kestrel raised $1.5bn last year."),
    ],
)
def test_figures_that_cannot_be_compared_give_none(claim, passage):
    assert relation(claim, passage) == "none"


def test_amounts_in_two_currencies_are_compared_only_at_a_rate_the_text_gives():
    assert relation("Kestrel paid £56.4bn for Osk.", "Kestrel paid $56.4bn for Osk.") == "none"
    stated = "Kestrel paid $1bn (£514m) for Osk."
    assert relation(stated, "Kestrel paid £514m for Osk.") == "agrees"


def test_one_conflicting_figure_outweighs_an_agreeing_one():
    claim = "Kestrel's sales rose 5% to $2.1bn in 2023."
    passage = "Kestrel's sales rose 9% to $2.1bn in 2023."
    assert relation(claim, passage) == "conflicts"
