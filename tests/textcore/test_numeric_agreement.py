"""numeric_agreement: quantities compared across units, qualifiers and rounding."""

import pytest

from textcore.numeric import numeric_agreement


def q(text: str, value: float, unit: str, qualifier: str = "exact", **extra) -> dict:
    """A quantity dict as textcore.extraction produces it (offsets left out)."""
    return {"text": text, "value": value, "unit": unit, "qualifier": qualifier, **extra}


def relation(claim: list[dict], passage: list[dict]) -> str:
    return numeric_agreement(claim, passage)[0]


def test_fifty_pounds_agrees_with_twenty_two_point_seven_kilograms():
    assert relation([q("50 lb", 50, "lb")], [q("22.7 kg", 22.7, "kg")]) == "agrees"


def test_ninety_nine_percent_in_words_agrees_with_percent_sign():
    assert relation([q("99 percent", 99, "percent")], [q("99%", 99, "%")]) == "agrees"


def test_billions_of_dollars_agree_with_the_same_amount_in_millions():
    claim = [q("$1.2bn", 1.2e9, "USD")]
    passage = [q("1,200 million USD", 1.2e9, "USD")]
    assert relation(claim, passage) == "agrees"


def test_gigawatts_agree_with_megawatts():
    assert relation([q("1.5 GW", 1.5, "GW")], [q("1,500 MW", 1500, "MW")]) == "agrees"


def test_tonnes_agree_with_kilograms():
    assert relation([q("3 tonnes", 3, "tonne")], [q("3,000 kg", 3000, "kg")]) == "agrees"


def test_thirty_percent_conflicts_with_twenty_five_percent():
    assert relation([q("30%", 30, "percent")], [q("25%", 25, "percent")]) == "conflicts"


def test_about_fifty_agrees_with_fifty_two():
    claim = [q("about 50 workers", 50, "count", "about", noun="workers")]
    passage = [q("52 workers", 52, "count", noun="workers")]
    assert relation(claim, passage) == "agrees"


def test_more_than_ninety_nine_agrees_with_ninety_nine_and_a_half():
    claim = [q("more than 99 percent", 99, "percent", "more_than")]
    assert relation(claim, [q("99.5%", 99.5, "percent")]) == "agrees"


def test_more_than_ninety_nine_conflicts_with_ninety():
    claim = [q("more than 99 percent", 99, "percent", "more_than")]
    assert relation(claim, [q("90%", 90, "percent")]) == "conflicts"


def test_rounded_value_agrees_with_the_precise_one():
    claim = [q("$2.37 trillion", 2.37e12, "USD")]
    assert relation(claim, [q("$2,368.4 billion", 2.3684e12, "USD")]) == "agrees"


def test_values_that_differ_beyond_their_written_precision_conflict():
    claim = [q("$318.6bn", 318.6e9, "USD")]
    assert relation(claim, [q("$312.2 billion", 312.2e9, "USD")]) == "conflicts"


def test_adjacent_whole_numbers_conflict():
    assert relation([q("16 years", 16, "year")], [q("15 years", 15, "year")]) == "conflicts"


def test_different_dimensions_give_nothing_to_compare():
    assert relation([q("40%", 40, "percent")], [q("40 kg", 40, "kg")]) == "none"


def test_percent_and_percentage_points_are_not_compared():
    claim = [q("3%", 3, "percent")]
    assert relation(claim, [q("5 percentage points", 5, "percentage_point")]) == "none"


def test_counts_of_different_things_give_nothing_to_compare():
    claim = [q("40 universities", 40, "count", noun="universities")]
    passage = [q("24 mines", 24, "count", noun="mines")]
    assert relation(claim, passage) == "none"


def test_no_quantities_give_nothing_to_compare():
    assert relation([], [q("5%", 5, "percent")]) == "none"
    assert relation([q("5%", 5, "percent")], []) == "none"


def test_a_value_many_times_larger_is_another_quantity_not_a_conflict():
    claim = [q("$2.37 trillion", 2.37e12, "USD")]
    assert relation(claim, [q("$23.1 billion", 23.1e9, "USD")]) == "none"


def test_the_same_number_of_pounds_sterling_and_dollars_conflict():
    claim = [q("£38.2bn", 38.2e9, "GBP")]
    assert relation(claim, [q("$38.2 billion", 38.2e9, "USD")]) == "conflicts"


def test_amounts_in_two_currencies_never_agree():
    claim = [q("£215bn", 215e9, "GBP")]
    assert relation(claim, [q("$298.9 billion", 298.9e9, "USD")]) == "none"


def test_any_matching_passage_value_makes_the_claim_agree():
    passage = [q("$1.7 billion", 1.7e9, "USD"), q("$38.2 billion", 38.2e9, "USD")]
    assert relation([q("$38.2bn", 38.2e9, "USD")], passage) == "agrees"


def test_one_conflicting_quantity_outweighs_an_agreeing_one():
    claim = [q("6.3%", 6.3, "percent"), q("$45bn", 45e9, "USD")]
    passage = [q("6.3 percent", 6.3, "percent"), q("$38.2 billion", 38.2e9, "USD")]
    assert relation(claim, passage) == "conflicts"


def test_among_several_values_a_conflict_needs_shared_context_words():
    claim = [q("12%", 12, "percent")]
    passage_text = "Output rose 9% while prices fell 8%."
    passage = [
        q("9%", 9, "percent", start=12, end=14),
        q("8%", 8, "percent", start=32, end=34),
    ]
    unrelated = numeric_agreement(
        claim, passage, claim_text="Wages went up 12%.", passage_text=passage_text
    )
    related = numeric_agreement(
        claim, passage, claim_text="Prices fell 12%.", passage_text=passage_text
    )
    assert (unrelated[0], related[0]) == ("none", "conflicts")


def test_detail_shows_both_quantities_converted_to_one_unit():
    _, detail = numeric_agreement([q("50 lb", 50, "lb")], [q("22.7 kg", 22.7, "kg")])
    pair = detail["pairs"][0]
    assert pair["relation"] == "agrees"
    assert pair["claim"]["converted_unit"] == pair["passage"]["converted_unit"] == "kg"
    assert abs(pair["claim"]["converted"] - 22.68) < 0.01


def _q(value, unit, qualifier="exact"):
    return {"text": f"{value} {unit}", "value": value, "unit": unit, "qualifier": qualifier}


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (_q(55, "mile"), _q(88.5, "km")),
        (_q(2.5, "acre"), _q(1.0117, "hectare")),
        (_q(1, "barrel"), _q(159, "litre")),
        (_q(70, "mph"), _q(112.7, "km/h")),
    ],
)
def test_lengths_areas_volumes_and_speeds_agree_across_units(claim, passage):
    assert numeric_agreement([claim], [passage])[0] == "agrees"


def test_a_different_distance_conflicts():
    assert numeric_agreement([_q(89, "km")], [_q(120, "km")])[0] == "conflicts"


def test_celsius_and_fahrenheit_are_not_compared():
    assert numeric_agreement([_q(40, "celsius")], [_q(104, "fahrenheit")])[0] == "none"
