"""The unit registry: every unit the parser writes has a factor and converts in its dimension."""

import math

import pytest

from textcore import units
from textcore.alignment import compare_texts
from textcore.quantities import producible_units


@pytest.mark.parametrize(("unit", "dimension"), sorted(producible_units()))
def test_every_unit_the_parser_writes_is_registered_in_its_dimension(unit, dimension):
    found = units.find(unit, dimension)

    assert found is not None, unit
    assert found.dimension == dimension
    assert math.isfinite(found.factor) and found.factor > 0


@pytest.mark.parametrize(("unit", "dimension"), sorted(producible_units()))
def test_every_unit_the_parser_writes_converts_to_its_base_and_back(unit, dimension):
    found = units.find(unit, dimension)
    base = units.find(found.base, dimension)

    in_base = units.convert(3.0, found, base)

    assert base.factor == 1.0
    assert in_base == pytest.approx(3.0 * found.factor)
    assert units.convert(in_base, base, found) == pytest.approx(3.0)


@pytest.mark.parametrize(
    ("value", "unit", "expected", "to"),
    [
        (1.2, "TWh", 1200, "GWh"),
        (1200, "GWh", 1_200_000, "MWh"),
        (3, "MWh", 3000, "kWh"),
        (500, "g", 0.5, "kg"),
        (2, "tonne", 2000, "kg"),
        (1, "lb", 16, "oz"),
        (2, "TW", 2000, "GW"),
        (1.5, "GW", 1500, "MW"),
        (5, "kW", 5000, "W"),
        (250, "GBX", 2.5, "GBP"),
        (2000, "USD/tonne", 2, "USD/kg"),
    ],
)
def test_units_of_one_dimension_convert_by_their_factors(value, unit, expected, to):
    assert units.convert(value, unit, to) == pytest.approx(expected)


@pytest.mark.parametrize(("unit", "to"), [("MWh", "MW"), ("kg", "litre"), ("percent", "count")])
def test_units_of_different_dimensions_do_not_convert(unit, to):
    with pytest.raises(units.UnitError):
        units.convert(1.0, unit, to)


def test_an_amount_converts_into_another_currency_only_at_a_given_rate():
    with pytest.raises(units.UnitError):
        units.convert(100.0, "GBP", "USD")

    assert units.convert(100.0, "GBP", "USD", rate=1.25) == pytest.approx(125.0)
    assert units.convert(100.0, "GBX", "USD", rate=1.25) == pytest.approx(1.25)


def test_temperature_scales_do_not_convert_by_a_factor():
    with pytest.raises(units.UnitError):
        units.convert(20.0, "celsius", "fahrenheit")


def test_a_degree_of_angle_is_not_a_degree_of_temperature():
    assert units.find("degree", "angle").family != units.find("degree", "temperature").family


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Output reached 1.2 TWh.", "Output reached 1,200 GWh."),
        ("The pack weighs 500 g.", "The pack weighs 0.5 kg."),
        ("Capacity is 2 TW.", "Capacity is 2,000 GW."),
        ("The bulb uses 60 watts.", "The bulb uses 0.06 kW."),
        ("A bag holds 2 lb of rice.", "A bag holds 32 oz of rice."),
    ],
)
def test_parsed_quantities_in_different_units_of_one_dimension_agree(claim, passage):
    assert compare_texts(claim, passage).numeric == "agrees"


def test_parsed_quantities_in_different_units_that_differ_do_not_agree():
    assert compare_texts("Output reached 1.2 TWh.", "Output reached 120 GWh.").numeric == (
        "conflicts"
    )
