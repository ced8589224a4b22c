"""compare_texts: figures understood, aligned, then compared (invented sentences)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textcore.alignment import compare_texts
from textcore.alignment.wholes import share_frame
from textcore.figures import fold, read_sentence


def relation(claim: str, passage: str) -> str:
    return compare_texts(claim, passage).numeric


# --------------------------------------------------------------------- units and scale


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Brelland paid a $700m fee to the port.", "Brelland paid the port a $0.7bn fee."),
        ("The mill shipped 40 tonnes of oats.", "The mill shipped 40,000 kg of oats."),
        ("The ferry trip takes two hours.", "The ferry trip takes 120 minutes."),
        ("Halvik's share price closed at 845 pence.", "Halvik's share price closed at £8.45."),
        ("The tunnel works will go on for a decade.", "The tunnel works will go on for 10 years."),
    ],
)
def test_the_same_amount_in_other_units_or_scale_words_agrees(claim, passage):
    assert relation(claim, passage) == "agrees"


def test_an_amount_off_by_a_factor_of_ten_conflicts():
    claim = "Brelland bought the Osk refinery for $6.4bn."
    passage = "Brelland acquired the Osk refinery for $640m."
    assert relation(claim, passage) == "conflicts"


# --------------------------------------------------------------------- rounding and hedges


def test_a_rounded_figure_agrees_with_the_precise_one():
    assert relation("Tarn's output grew 3.2% in 2019.", "Tarn's output grew 3.17% in 2019.") == (
        "agrees"
    )


def test_a_figure_that_does_not_round_to_the_other_conflicts():
    claim = "Tarn's exports were worth 5.5% of its income."
    passage = "Tarn's exports were worth 5% of its income."
    assert relation(claim, passage) == "conflicts"


def test_nearly_covers_values_just_below():
    claim = "The charity raised nearly £3m for the hospice."
    passage = "The charity raised about £2.9m for the hospice."
    assert relation(claim, passage) == "agrees"


def test_nearly_does_not_cover_a_larger_value():
    claim = "The charity raised nearly £3m for the hospice."
    passage = "The charity raised about £3.6m for the hospice."
    assert relation(claim, passage) == "conflicts"


def test_more_than_is_an_open_interval():
    claim = "More than 2,000 volunteers joined the clean-up."
    assert relation(claim, "About 2,300 volunteers joined the clean-up.") == "agrees"
    assert relation(claim, "Roughly 1,500 volunteers joined the clean-up.") == "conflicts"


# --------------------------------------------------------------------- fractions and shares


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("A quarter of the orchards in Dunmere were lost.", "25% of Dunmere orchards were lost."),
        ("One in five of Dunmere's orchards were lost.", "20% of Dunmere's orchards were lost."),
        (
            "Nearly two-thirds of the 30 farms reported losses.",
            "19 of the 30 farms reported losses.",
        ),
        ("Over half of the members voted to strike.", "56% of the members voted to strike."),
    ],
)
def test_fractions_and_shares_agree_with_percentages(claim, passage):
    assert relation(claim, passage) == "agrees"


def test_a_third_conflicts_with_half():
    claim = "Half the island's farmers grow barley."
    passage = "Roughly a third of the island's farmers grow barley."
    assert relation(claim, passage) == "conflicts"


# --------------------------------------------------------------------- changes


def test_a_rise_conflicts_with_a_fall_of_the_same_size():
    claim = "Orvel shares rose 4% after the results."
    passage = "Orvel shares fell 4% after the results."
    assert relation(claim, passage) == "conflicts"


def test_doubled_agrees_with_a_rise_of_one_hundred_percent():
    claim = "Ticket sales at the Lunsford museum doubled last year."
    passage = "Ticket sales at the Lunsford museum rose 100% last year."
    assert relation(claim, passage) == "agrees"


def test_a_fourfold_rise_agrees_with_a_rise_of_three_hundred_percent():
    assert relation("Velby exports rose fourfold in 2019.", "Velby exports rose 300% in 2019.") == (
        "agrees"
    )


def test_half_a_million_in_words_agrees_with_digits():
    claim = "Half a million people marched in Velby."
    assert relation(claim, "About 500,000 people marched in Velby.") == "agrees"


def test_a_change_stated_from_two_levels_agrees_with_the_difference():
    claim = "The number of open cases fell from 940 to 860."
    passage = "The number of open cases fell by 80."
    assert relation(claim, passage) == "agrees"


def test_a_relative_change_derived_from_two_levels_agrees():
    claim = "The Eskel club raised its fee to 60 pence from 48 pence."
    passage = "The Eskel club raised its fee by 25%."
    assert relation(claim, passage) == "agrees"


# --------------------------------------------------------------------- percent vs points


def test_a_rise_of_a_rate_in_percent_agrees_with_the_same_rise_in_points():
    claim = "The Bank of Vell lifted its rate 0.5% to 4.5%."
    passage = "The Bank of Vell raised its rate by half a percentage point, to 4.5%."
    assert relation(claim, passage) == "agrees"


def test_a_relative_rise_read_as_points_conflicts():
    claim = "The Bank of Vell lifted its rate 0.5% to 4.5%."
    passage = "The Bank of Vell raised its rate by 50%, taking it to 4.5%."
    assert relation(claim, passage) == "conflicts"


def test_a_poll_lead_in_points_is_the_difference_of_the_shares():
    claim = "The Greens lead the Liberals by 41% to 33%."
    assert relation(claim, "The Greens are eight percentage points ahead.") == "agrees"


# --------------------------------------------------------------------- ranges


def test_a_value_inside_a_range_agrees_and_outside_conflicts():
    claim = "Between 300 and 400 walkers use the path each day."
    assert relation(claim, "About 350 walkers use the path each day.") == "agrees"
    assert relation(claim, "Some 900 walkers use the path each day.") == "conflicts"


# --------------------------------------------------------------------- currencies and rates


def test_two_currencies_without_a_stated_rate_are_not_compared():
    claim = "Osk Holdings will repay a $300m loan."
    passage = "The Osk Holdings loan to be repaid is worth £160m."
    assert relation(claim, passage) == "none"


def test_the_rate_stated_in_the_claim_is_used():
    claim = "Osk Holdings will repay a $300m (£160m) loan."
    assert relation(claim, "Osk Holdings will repay a £160m loan.") == "agrees"
    assert relation(claim, "Osk Holdings will repay a £300m loan.") == "conflicts"


def test_an_amount_a_week_agrees_with_the_same_amount_a_year():
    claim = "Carers in Velby are paid £40 a week."
    passage = "Carers in Velby are paid about £2,080 a year."
    assert relation(claim, passage) == "agrees"


def test_an_amount_a_year_conflicts_with_the_same_amount_a_month():
    claim = "The Velby agency costs £2.4bn a year."
    passage = "The Velby agency costs £2.4bn a month."
    assert relation(claim, passage) == "conflicts"


# --------------------------------------------------------------------- alignment


def test_the_passage_figure_goes_with_the_claim_figure_its_words_name():
    claim = "Orvel shares rose 6% and Pashley shares gained 3.5%."
    passage = "Pashley shares gained 6% on the day."
    assert relation(claim, passage) == "conflicts"


def test_another_company_is_not_compared():
    claim = "Orvel shares rose 6% and Pashley shares gained 3.5%."
    passage = "Tremaine's shares finished 6% higher on the day."
    assert relation(claim, passage) == "none"


def test_another_year_is_not_compared():
    claim = "Holm Foods earned 52m euros in 2011."
    passage = "Holm Foods earned 38m euros in 2010."
    assert relation(claim, passage) == "none"


def test_another_quarter_is_not_compared():
    claim = "The Vell economy grew 0.4% in the second quarter of 2018."
    passage = "The Vell economy grew 0.9% in the third quarter of 2018."
    assert relation(claim, passage) == "none"


def test_a_forecast_is_not_compared_with_the_actual_figure():
    claim = "The Fenwick index fell to 48.2 in May."
    passage = "Analysts had expected the Fenwick index to reach 51 in May."
    assert relation(claim, passage) == "none"


def test_profit_is_not_compared_with_sales():
    claim = "Holm Foods' profits rose 3% last year."
    passage = "Holm Foods' sales rose 7% last year."
    assert relation(claim, passage) == "none"


def test_a_figure_that_defines_who_is_counted_must_match():
    claim = "The number of people waiting more than six months fell by 4%."
    passage = "The number of people waiting more than nine months fell by 11%."
    assert relation(claim, passage) == "none"


def test_no_figure_in_the_passage_gives_none_with_a_reason():
    result = compare_texts("Holm Foods earned 52m euros.", "Holm Foods did well.")
    assert result.numeric == "none"
    assert "passage" in result.reason


def test_a_conflict_explains_itself_with_converted_values():
    result = compare_texts(
        "Brelland bought the Osk refinery for $6.4bn.",
        "Brelland acquired the Osk refinery for $640m.",
    ).to_dict()
    pair = result["pairs"][0]
    assert (pair["claim"], pair["passage"]) == ("$6.4bn", "$640m")
    assert pair["passage_value"]["converted"] == pytest.approx(640e6, rel=0.01)
    assert "$6.4bn" in result["reason"]


# --------------------------------------------------------------------- properties

_FIGURES = st.sampled_from(
    ["5%", "4.5%", "£3m", "$2.1bn", "about 300 staff", "more than 40 firms", "a quarter",
     "two-thirds", "12 months", "a decade", "1,200 tonnes", "between 3 and 5 days", "half",
     "doubled", "0.25 percentage points", "one in ten", "60p", "£1.20", "nearly 2,000"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_comparing_any_two_texts_never_crashes(claim, passage):
    assert compare_texts(claim, passage).numeric in ("agrees", "conflicts", "none")


@settings(max_examples=150, deadline=None)
@given(_FIGURES, _FIGURES)
def test_agreement_of_exact_values_is_symmetric(a, b):
    one = relation(
        f"The Velby fund holds {a} of the total.", f"The Velby fund holds {b} of the total."
    )
    other = relation(
        f"The Velby fund holds {b} of the total.", f"The Velby fund holds {a} of the total."
    )
    assert (one == "agrees") == (other == "agrees")


# --------------------------------------------------------------------- who and what a figure is about


def test_the_body_that_forecasts_a_figure_is_its_source_not_its_subject():
    claim = "Lindqvist expects Norwegian salmon exports of 1.1 million tonnes in 2026."
    passage = "Fiskebank sees Norwegian salmon exports reaching 1.3 million tonnes in 2026."
    assert relation(claim, passage) == "conflicts"


def test_names_in_a_trailing_cause_or_example_do_not_change_the_subject():
    claim = "Orvane plans to spend $2.4bn on new smelters by 2028."
    passage = (
        "Orvane has earmarked about $1.6bn for new smelters through 2028, "
        "including the Kallby plant."
    )
    assert relation(claim, passage) == "conflicts"
    helped = "Orvane's smelter output rose 8% in 2025, helped by the new Kallby plant."
    assert relation("Orvane's smelter output rose 3% in 2025.", helped) == "conflicts"
    with_clause = (
        "Orvane smelted about 40% of the region's tin in 2025, with plants in Tarvik "
        "handling most of the rest."
    )
    assert relation("Orvane smelted more than 60% of the region's tin in 2025.", with_clause) == (
        "conflicts"
    )


def test_what_a_gap_is_taken_between_is_not_what_it_measures():
    claim = "The gap between Varel's imports and exports reached $42bn in 2024."
    other_measure = "Varel's imports reached $150bn in 2024."
    same_measure = "Varel's deficit reached $47bn in 2024."
    assert relation(claim, other_measure) == "none"
    assert relation(claim, same_measure) == "conflicts"


def test_figures_for_different_countries_named_by_adjective_are_not_compared():
    claim = "Chilean copper exports rose 12% in 2024."
    assert relation(claim, "Peruvian copper exports rose 9% in 2024.") == "none"
    assert relation(claim, "Copper exports from Chile rose 9% in 2024.") == "conflicts"


def test_a_country_adjective_on_one_side_only_does_not_block_a_conflict():
    claim = "The firm's Norwegian owner paid $3m for the Osk depot in 2024."
    passage = "The firm's owner paid $5m for the Osk depot in 2024."
    assert relation(claim, passage) == "conflicts"


# --------------------------------------------------------------------- periods


def test_a_figure_for_a_month_is_not_one_for_the_whole_year():
    claim = "Tarn's imports were $140bn in 2024."
    passage = "Tarn's imports were $12bn in December 2024."
    assert relation(claim, passage) == "none"
    assert relation(passage, claim) == "none"


def test_a_figure_for_a_month_does_not_contradict_one_without_a_period():
    claim = "Tarn's imports rose to a record $140bn."
    passage = "Tarn's December imports were $12bn."
    assert relation(claim, passage) == "none"


# --------------------------------------------------------------------- narrower measures


def test_a_passage_figure_for_a_part_of_the_claims_measure_is_no_conflict():
    claim = "Imports rose by 16% last year."
    part = "Imports of crude oil rose by 37% last year."
    whole = "Imports of goods and services rose by 19% last year."
    assert relation(claim, part) == "none"
    assert relation(claim, whole) == "conflicts"


def test_a_passage_naming_whose_measure_it_is_does_not_narrow_it():
    claim = "Shares fell 6% on Monday."
    passage = "Shares of shipping companies fell 4% on Monday."
    assert relation(claim, passage) == "conflicts"


def test_the_goods_deficit_is_a_part_of_the_trade_gap():
    claim = "The gap between Varel's exports and imports was $90bn in 2024."
    passage = "The goods deficit was $96bn in 2024."
    assert relation(claim, passage) == "none"


def test_percentages_of_different_wholes_are_not_compared():
    claim = "Velby mines more than 80 percent of heavy ores."
    passage = "Velby handles 60% of mined output and close to 70% of smelted metal."
    assert relation(claim, passage) == "none"
    same_whole = "Velby mines about 65 percent of heavy ores."
    assert relation(claim, same_whole) == "conflicts"


# --------------------------------------------------------------------- ages


def test_an_age_is_not_compared_with_how_long_something_else_lasted():
    claim = "A 23-year-old driver was banned for five years."
    assert relation(claim, "The driver was banned for 23 years.") == "conflicts"
    assert relation(
        "The Pellow dam is 60 years old.", "The Pellow dam took 60 years to pay off."
    ) == ("none")


def test_ages_compare_with_ages_and_with_how_long_a_thing_has_lasted():
    claim = "The 30-year-old treaty was torn up."
    assert relation(claim, "The treaty was 30 years old.") == "agrees"
    assert relation(claim, "The treaty had been in force for 30 years.") == "agrees"
    assert relation(claim, "The treaty had been in force for about 45 years.") == "conflicts"


# --------------------------------------------------------------------- shares and wholes


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # a restrictive modifier narrows the whole, on either side
        ("Orvia exports 85% of its raw coffee.", "Orvia exports 60% of its coffee."),
        ("Orvia exports 60% of its coffee.", "Orvia exports 85% of its raw coffee."),
        ("A third of young adults in Brenmark own a car.", "Half of adults in Brenmark own a car."),
        # a participle before the head is a restriction too, and says what is done
        ("Tarsa handles 30% of refined tin.", "Tarsa handles 55% of tin output."),
        # amounts of a narrower kind
        (
            "The plant smelted 40,000 tonnes of scrap copper in 2020.",
            "The plant smelted 55,000 tonnes of copper in 2020.",
        ),
    ],
)
def test_shares_of_a_narrower_whole_are_not_compared(claim, passage):
    result = compare_texts(claim, passage)
    assert result.numeric == "none"
    assert "different extent" in result.reason


def test_a_narrower_whole_never_agrees_by_coincidence():
    claim = "Orvia exports 40% of its roasted coffee."
    assert relation(claim, "Orvia exports 40% of its coffee.") == "none"
    assert relation(claim, "Orvia exports 40% of its roasted coffee.") == "agrees"


def test_the_same_restriction_anywhere_in_the_other_text_keeps_the_conflict():
    claim = "Marrow Works smelts 70% of recycled aluminium."
    passage = "For recycled aluminium, the share of smelting done by Marrow Works is about 50%."
    assert relation(claim, passage) == "conflicts"
    stated_again = "Marrow Works smelts about 50% of recycled aluminium."
    assert relation(claim, stated_again) == "conflicts"


def test_a_whole_written_out_is_the_same_as_its_abbreviation():
    claim = "Varel's debt reached 40% of GDP in 2020."
    assert relation(claim, "Varel's debt reached 60% of gross domestic product in 2020.") == (
        "conflicts"
    )
    assert relation(claim, "Varel's debt reached 40% of gross domestic product in 2020.") == (
        "agrees"
    )


def test_words_of_scope_do_not_narrow_a_whole():
    claim = "Velby supplies 30% of global copper."
    assert relation(claim, "Velby supplies 45% of the world's copper.") == "conflicts"
    assert relation(claim, "Velby supplies 45% of all copper.") == "conflicts"


def test_a_verb_after_a_plural_whole_is_no_modifier():
    claim = "About 55% of voters say the mayor should resign."
    assert relation(claim, "Some 40% of voters think the mayor should go.") == "conflicts"
    claim = "About 55% of the people polled want the mayor to resign."
    assert relation(claim, "Some 40% of people want the mayor to go.") == "conflicts"


@pytest.mark.parametrize(
    ("text", "restricting"),
    [
        ("Orvane uses 50% of its smelting capacity today.", {"smelting"}),
        ("Orvane paid 40% of the tax bill last year.", {"tax"}),
        ("About 40% of the people don't vote.", set()),
        ("Over 60% of the world's heavy crude oil, by one count.", {"heavy", "crude"}),
    ],
)
def test_the_words_restricting_a_whole(text, restricting):
    facts = read_sentence(fold(text))
    assert set(share_frame(facts.text, facts.figures[0]).modifiers) == restricting


def test_a_share_with_no_whole_written_may_be_of_the_claims_whole():
    claim = "Dovia refines 70% of heavy ores."
    assert relation(claim, "Dovia refines about 50%.") == "conflicts"


@pytest.mark.parametrize(
    "passage",
    [
        "Dovia refines 70% of the world's cobalt.",  # verb before the figure
        "About 70% of the world's cobalt is refined in Dovia.",  # passive after the whole
        "Dovia accounts for 70% of cobalt refining.",  # noun in the whole
        "Dovia's share of cobalt smelting is 70%.",  # the "share of" phrase
    ],
)
def test_shares_of_different_activities_are_not_compared(passage):
    claim = "Dovia mines 40% of the world's cobalt."
    result = compare_texts(claim, passage)
    assert result.numeric == "none"
    assert "different activities" in result.reason


@pytest.mark.parametrize(
    "passage",
    [
        "Dovia mines 25% of the world's cobalt.",
        "Dovia accounts for 25% of cobalt mining.",
        "Dovia's share of cobalt extraction is 25%.",
        # the general word for making things goes with each kind of it
        "Dovia produces 25% of the world's cobalt.",
    ],
)
def test_shares_of_the_same_activity_still_conflict(passage):
    assert relation("Dovia mines 40% of the world's cobalt.", passage) == "conflicts"


def test_buying_and_selling_are_different_activities():
    claim = "Karst buys 30% of the region's wheat."
    assert relation(claim, "Karst sells 30% of the region's wheat.") == "none"
    assert relation(claim, "Karst purchases 20% of the region's wheat.") == "conflicts"
    assert relation(claim, "Karst imports 20% of the region's wheat.") == "conflicts"
    assert relation("Karst exports 30% of its wheat.", "Karst imports 20% of its wheat.") == "none"


def test_percentages_of_wholes_sharing_no_word_do_not_conflict():
    claim = "Velby supplies 30% of global copper."
    assert relation(claim, "Velby supplies 45% of global nickel.") == "none"


def test_the_object_of_a_noun_of_action_is_part_of_the_whole():
    claim = "Tarsa refines more than 80% of heavy ores."
    passage = "Tarsa carries out over 80% of the world's refining of heavy ores."
    assert relation(claim, passage) == "agrees"
    assert relation(claim, "Tarsa carries out 60% of the refining of heavy ores.") == "conflicts"


def test_a_list_of_adjectives_before_the_head_restricts_the_whole():
    claim = "Tarsa refines 80% of rarer, heavy ores."
    assert relation(claim, "Tarsa refines 60% of heavy ores.") == "conflicts"
    assert relation(claim, "Tarsa refines 60% of ores.") == "none"


def test_the_reason_cites_the_closest_disagreeing_figures():
    claim = "Tin prices reached a 16-year high in May."
    passage = "Tin for three-month delivery climbed in May to its highest level in 14 years."
    result = compare_texts(claim, passage)
    assert result.numeric == "conflicts"
    assert "16-year vs 14 years" in result.reason
