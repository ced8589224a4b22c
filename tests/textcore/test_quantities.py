"""Quantities: value, unit, dimension and qualifier as written."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textcore.quantities import parse_quantities, parse_years, unit_words


def only(text: str):
    quantities = parse_quantities(text)
    assert len(quantities) == 1, quantities
    return quantities[0]


def test_pounds_of_material_are_weight_not_sterling():
    q = only("Each rotor carries about 30 pounds of copper wire.")
    assert (q.value, q.unit, q.dimension, q.qualifier) == (30, "lb", "mass", "about")


def test_pounds_paid_are_sterling():
    q = only("She paid 40 pounds for the ticket.")
    assert (q.unit, q.dimension) == ("GBP", "currency")


def test_hyphenated_word_number_minutes_are_a_duration():
    q = only("They spoke in a ninety-minute video call.")
    assert (q.value, q.unit, q.dimension, q.qualifier) == (90, "minute", "duration", "exact")


def test_more_than_percent():
    q = only("The firm supplies more than 85 percent of the engines.")
    assert (q.value, q.unit, q.dimension, q.qualifier) == (85, "percent", "ratio", "more_than")


def test_near_count_keeps_the_counted_noun():
    q = only("Buses serve near 25 villages in the valley.")
    assert (q.value, q.unit, q.dimension, q.qualifier) == (25, "count", "count", "about")
    assert q.noun == "villages"


def test_dollar_billions_abbreviated():
    q = only("Sales reached $412.5bn last year.")
    assert (q.value, q.unit, q.dimension) == (412_500_000_000, "USD", "currency")


def test_sterling_billions_abbreviated():
    q = only("The bill came to £297bn.")
    assert (q.value, q.unit) == (297e9, "GBP")


def test_as_much_as_is_up_to():
    q = only("Fares could rise by as much as 15%.")
    assert (q.value, q.unit, q.qualifier) == (15, "percent", "up_to")


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


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("A 23-year-old woman was questioned.", "23-year-old", 23, "year"),
        ("The 23-year-old was questioned.", "23-year-old", 23, "year"),
        ("Forty-year-old Dee Marr won.", "Forty-year-old", 40, "year"),
        ("They rescued a six-month-old calf.", "six-month-old", 6, "month"),
        ("The mill is 210 years old.", "210 years old", 210, "year"),
    ],
)
def test_an_n_year_old_is_an_age_not_a_duration(text, surface, value, unit):
    q = only(text)
    assert (q.text, q.value, q.unit, q.dimension) == (surface, value, unit, "age")
    assert text[q.start : q.end] == surface


def test_a_stretch_of_years_stays_a_duration():
    assert only("She was jailed for 12 years.").dimension == "duration"
    assert only("Gold hit a 16-year high on Friday.").dimension == "duration"


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
    text = "Imports grew 7.4% to $2.85 trillion."
    quantities = parse_quantities(text, offset=100)
    assert [q.text for q in quantities] == ["7.4%", "$2.85 trillion"]
    assert [text[q.start - 100 : q.end - 100] for q in quantities] == ["7.4%", "$2.85 trillion"]


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


@pytest.mark.parametrize(
    ("text", "value", "unit", "dimension", "qualifier"),
    [
        ("The pipeline runs roughly 240 kilometres inland.", 240, "km", "length", "about"),
        ("The reef lies 12km from the shore.", 12, "km", "length", "exact"),
        ("Runners covered 26.2 miles.", 26.2, "mile", "length", "exact"),
        ("The tower stands 310 metres tall.", 310, "m", "length", "exact"),
        ("The new mast is 95m tall.", 95, "m", "length", "exact"),
        ("She holds the 400m record.", 400, "m", "length", "exact"),
        ("Sea levels rose 9 cm since 1990.", 9, "cm", "length", "exact"),
        ("Rainfall reached 180 mm in a day.", 180, "mm", "length", "exact"),
        ("The drone flew at 400 feet.", 400, "ft", "length", "exact"),
        ("Snow lay 8 inches deep.", 8, "inch", "length", "exact"),
        ("They built a 3-kilometre bypass.", 3, "km", "length", "exact"),
        ("The fire burned 5,000 hectares.", 5000, "hectare", "area", "exact"),
        ("The estate covers 600 acres.", 600, "acre", "area", "exact"),
        ("The park spans 14 square kilometres.", 14, "km2", "area", "exact"),
        ("The tank holds 2,500 litres.", 2500, "litre", "volume", "exact"),
        ("The lake lost 40 million cubic metres.", 40e6, "m3", "volume", "exact"),
        ("Output hit 1.1 million barrels a day.", 1.1e6, "barrel/day", "volume_rate", "exact"),
        ("Each home used 90 gallons.", 90, "gallon", "volume", "exact"),
        ("Temperatures reached 41.2C in July.", 41.2, "celsius", "temperature", "exact"),
        ("It was 35 degrees Celsius at noon.", 35, "celsius", "temperature", "exact"),
        ("The fever topped 103F.", 103, "fahrenheit", "temperature", "exact"),
        ("Trucks are limited to 80 km/h.", 80, "km/h", "speed", "exact"),
        ("The limit falls to 20mph.", 20, "mph", "speed", "exact"),
    ],
)
def test_length_area_volume_temperature_and_speed_units(text, value, unit, dimension, qualifier):
    q = only(text)
    assert (q.value, q.unit, q.dimension, q.qualifier) == (value, unit, dimension, qualifier)


def test_glued_m_before_a_counted_noun_is_millions_not_metres():
    q = only("The scheme reached 2.4m households.")
    assert (q.value, q.unit, q.noun) == (2.4e6, "count", "households")
    q = only("The mine produced 3m tonnes.")
    assert (q.value, q.unit) == (3e6, "tonne")


def test_money_millions_are_still_money():
    q = only("The council spent £12m on roads.")
    assert (q.value, q.unit) == (12e6, "GBP")


def test_bare_degrees_are_temperature_only_in_a_weather_context():
    assert only("The heatwave pushed it to 39 degrees.").dimension == "temperature"
    assert only("The ship turned 90 degrees.").dimension == "angle"


def test_range_of_kilometres():
    q = only("The queue stretched 5 to 8 km.")
    assert (q.value, q.value_max, q.unit, q.qualifier) == (5, 8, "km", "range")


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("Orvel paid dollars 3.1bn for the mine.", 3.1e9, "USD", "exact"),
        ("Orvel paid 3.1bn dollars for the mine.", 3.1e9, "USD", "exact"),
        ("The Tarn fund raised €45m last spring.", 45e6, "EUR", "exact"),
        ("Quay Holdings made a profit of HK$512m.", 512e6, "HKD", "exact"),
        ("Velby Re reported 12.4bn Swiss francs of premiums.", 12.4e9, "CHF", "exact"),
        ("The deficit reached Australian dollar 8.2bn.", 8.2e9, "AUD", "exact"),
        ("Holm Foods was fined a 2.5m-euro penalty.", 2.5e6, "EUR", "exact"),
        ("The dividend rose to 64 euro cents.", 0.64, "EUR", "exact"),
        ("The field pumps 310,000 barrels per day.", 310_000, "barrel/day", "exact"),
        ("The field pumps 310,000 bpd.", 310_000, "barrel/day", "exact"),
        ("The phone stores 64GB of music.", 64, "GB", "exact"),
        ("The archive holds 2TB of video.", 2, "TB", "exact"),
        ("One in 20 drivers failed the test.", 5, "percent", "exact"),
        ("Nine out of 10 members voted yes.", 90, "percent", "exact"),
        ("The works will go on for a decade.", 10, "year", "exact"),
        ("The trial should last about half a year.", 0.5, "year", "about"),
        ("Nobody should wait longer than a year.", 1, "year", "more_than"),
        ("Repairs take a couple of months.", 2, "month", "about"),
        ("The deal was worth nearly a quarter of a billion dollars.", 2.5e8, "USD", "about"),
        ("The rate rose by a quarter of a percentage point.", 0.25, "percentage_point", "exact"),
        ("Inflation was one point four per cent.", 1.4, "percent", "exact"),
        ("Claims must be paid within 30 days.", 30, "day", "at_most"),
        ("Fines run up to a maximum of £5,000.", 5000, "GBP", "up_to"),
        ("It carries a maximum penalty of £900.", 900, "GBP", "at_most"),
        ("Around two dozen schools closed.", 24, "count", "about"),
        ("Sales grew more than tenfold.", 10, "count", "more_than"),
        ("The state will spend €70m on vineyards.", 70e6, "EUR", "exact"),
        ("Imports cost $5bn a year.", 5e9, "USD/year", "exact"),
        ("The club pays 4m euros a year in rent.", 4e6, "EUR/year", "exact"),
        ("Saffron sold for $9 per kg.", 9, "USD/kg", "exact"),
        ("The dam makes 5.2 TWh of power.", 5.2, "TWh", "exact"),
        ("The firm holds more than a quarter of the market.", 25, "percent", "more_than"),
        ("A quarter of adults cycle to work.", 25, "percent", "exact"),
        ("Two-thirds of voters backed the plan.", 66.67, "percent", "exact"),
        ("The cellar holds about 250 million litres of wine.", 250e6, "litre", "about"),
        ("The field pumps 2.1 million barrels a day.", 2.1e6, "barrel/day", "exact"),
    ],
)
def test_news_ways_of_writing_a_quantity(text, value, unit, qualifier):
    q = only(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)


def test_a_change_and_the_level_it_reaches_are_not_a_range():
    first, second = parse_quantities("The bank lifted its rate 0.5% to 4.75%.")
    assert (first.value, first.qualifier, second.value) == (0.5, "exact", 4.75)


def test_a_range_written_with_the_thousands_once():
    q = only("Each fine was between $40-90,000.")
    assert (q.value, q.value_max, q.unit, q.qualifier) == (40_000, 90_000, "USD", "range")


def test_a_range_from_zero_with_thousands_is_read_as_written():
    q = only("Between 0 and 1,000 people attended.")
    assert (q.value, q.value_max, q.qualifier) == (0, 1_000, "range")


def test_a_year_earlier_is_not_a_rate():
    q = only("The dividend was 48 cents a year earlier.")
    assert (q.value, q.unit) == (0.48, "USD")


_UNIT_PIECES = ["%", " per cent", " m", "bn", " MW", " mw", " megawatts", " barrels a day"]
_UNIT_PIECES += [" °C", " tonnes", " t", " pounds sterling", " sq km", " km/h", " degrees"]
_UNIT_PIECES += ["C", "p"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES) | st.text(max_size=3), max_size=4))
def test_a_unit_is_read_in_the_order_of_the_unit_table(parts):
    # match_unit tries every unit of the table at once; the first in the table still wins
    after = "".join(parts)
    expected = None
    for regex, unit, dimension in unit_words._UNIT_RES:
        match = regex.match(after)
        if match:
            expected = unit, dimension, match.end()
            break
    assert unit_words.match_unit(after) == expected
