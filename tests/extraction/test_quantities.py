"""Quantities: value, unit, dimension and qualifier as written."""

import pytest

from claims.extraction import parse_quantities
from claims.extraction.quantities import parse_years


def only(text: str):
    quantities = parse_quantities(text)
    assert len(quantities) == 1, quantities
    return quantities[0]


def test_pounds_of_material_are_weight_not_sterling():
    q = only("Each turbine holds about 50 pounds of neodymium magnets.")
    assert (q.value, q.unit, q.dimension, q.qualifier) == (50, "lb", "mass", "about")


def test_pounds_paid_are_sterling():
    q = only("She paid 40 pounds for the ticket.")
    assert (q.unit, q.dimension) == ("GBP", "currency")


def test_hyphenated_word_number_minutes_are_a_duration():
    q = only("They spoke in a ninety-minute video call.")
    assert (q.value, q.unit, q.dimension, q.qualifier) == (90, "minute", "duration", "exact")


def test_more_than_percent():
    q = only("The firm supplies more than 99 percent of the parts.")
    assert (q.value, q.unit, q.dimension, q.qualifier) == (99, "percent", "ratio", "more_than")


def test_near_count_keeps_the_counted_noun():
    q = only("Courses are taught at near 40 universities nationwide.")
    assert (q.value, q.unit, q.dimension, q.qualifier) == (40, "count", "count", "about")
    assert q.noun == "universities"


def test_dollar_billions_abbreviated():
    q = only("Sales reached $671.7bn last year.")
    assert (q.value, q.unit, q.dimension) == (671_700_000_000, "USD", "currency")


def test_sterling_billions_abbreviated():
    q = only("The bill came to £484bn.")
    assert (q.value, q.unit) == (484e9, "GBP")


def test_as_much_as_is_up_to():
    q = only("The currency is undervalued by as much as 40%.")
    assert (q.value, q.unit, q.qualifier) == (40, "percent", "up_to")


def test_between_range_shares_the_scale_word():
    q = only("Mines produce between 3 and 5 million tonnes a year.")
    assert (q.value, q.value_max, q.unit, q.qualifier) == (3e6, 5e6, "tonne", "range")


def test_hyphen_range_of_percentages():
    q = only("Rents rose 10-15% in the city.")
    assert (q.value, q.value_max, q.qualifier) == (10, 15, "range")


def test_two_thirds_is_a_percentage():
    q = only("Two thirds of voters backed the plan.")
    assert (q.value, q.unit) == (66.67, "percent")


def test_million_tonnes():
    q = only("Output should reach 5.5 million tonnes.")
    assert (q.value, q.unit, q.dimension) == (5_500_000, "tonne", "mass")


def test_year_compound_is_a_duration():
    q = only("Gold hit a 16-year high on Friday.")
    assert (q.value, q.unit, q.dimension) == (16, "year", "duration")


def test_duration_after_an_adjective():
    q = only("The summit lasted two, long days.")
    assert (q.value, q.unit) == (2, "day")


def test_qualifier_describes_the_expression_as_written():
    q = only("No patient waits more than 12 months.")
    assert (q.value, q.unit, q.qualifier) == (12, "month", "more_than")


def test_dates_and_years_are_not_quantities():
    assert parse_quantities("The deal was signed in 2004 and renewed on 10 June 2025.") == []


def test_years_are_listed_separately():
    assert parse_years("Sales in 2004 beat 2003's total.") == (2004, 2003)


def test_model_names_and_ordinals_are_not_quantities():
    assert parse_quantities("The F-35 flew for the 3rd time.") == []


def test_one_of_is_not_a_count():
    assert parse_quantities("It is one of the oldest mines.") == []


def test_power_units_keep_their_scale():
    units = [
        (q.value, q.unit, q.dimension) for q in parse_quantities("A 500MW plant and a 2 GW farm.")
    ]
    assert units == [(500, "MW", "power"), (2, "GW", "power")]


def test_energy_units():
    q = only("Homes used 300 kWh each.")
    assert (q.unit, q.dimension) == ("kWh", "energy")


def test_price_per_kilogram():
    q = only("Oxide sold for $60 per kg.")
    assert (q.value, q.unit, q.dimension) == (60, "USD/kg", "price")


def test_pence():
    q = only("Shares closed at 50p.")
    assert (q.value, q.unit) == (50, "GBX")


def test_percentage_points():
    q = only("Turnout fell 3 percentage points.")
    assert (q.unit, q.dimension) == ("percentage_point", "ratio")


def test_euro_millions_with_about():
    q = only("The city will spend about €20m on buses.")
    assert (q.value, q.unit, q.qualifier) == (20e6, "EUR", "about")


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("at least 5 people", "at_least"),
        ("no more than 5 people", "at_most"),
        ("fewer than 5 people", "less_than"),
        ("up to 5 people", "up_to"),
        ("5 people or more", "at_least"),
    ],
)
def test_qualifier_words(phrase, qualifier):
    assert only(f"The room held {phrase}.").qualifier == qualifier


def test_offsets_point_at_the_surface_text():
    text = "Exports rose 12.3% to $1.15 trillion."
    for q in parse_quantities(text, offset=100):
        assert text[q.start - 100 : q.end - 100] == q.text


def test_to_dict_is_json_ready():
    d = only("Profits were $10bn.").to_dict()
    assert set(d) == {
        "text",
        "value",
        "value_max",
        "unit",
        "dimension",
        "qualifier",
        "noun",
        "start",
        "end",
    }
