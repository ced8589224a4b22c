"""The unit registry: every unit the quantity parser writes and the comparer converts.

One row per unit: its canonical name (as `parse_quantities` writes it), its dimension (as
`Quantity.dimension` says it), its factor to the base unit it converts to, and the other
spellings a stored quantity may carry ("%", "dollars", "tonnes"). Two units convert into
each other when they share dimension and base: TWh, GWh, MWh and kWh; g, kg, tonne, lb and
oz; W, kW, MW, GW and TW. Units that do not scale into each other have their own base: percent and
percentage points, the temperature scales, and each currency (an amount converts into
another currency only at an exchange rate given by the caller, see `convert`). A price
is a currency per unit ("USD/kg", "GBP/tonne"): its factor is the currency's over the
unit's, so $2,000 a tonne is $2 a kilogram.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Unit", "UnitError", "convert", "find", "registered"]


class UnitError(ValueError):
    """Two units that cannot be converted into each other (or one that is not known)."""


@dataclass(frozen=True)
class Unit:
    """One unit: `factor` of its `base` make one of it (1 GWh is 1,000 MWh)."""

    name: str
    dimension: str
    factor: float
    base: str
    aliases: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        """Units of one family convert into each other by their factors."""
        return f"{self.dimension}:{self.base}"


def _units(dimension: str, base: str, rows: list[tuple]) -> list[Unit]:
    return [Unit(name, dimension, factor, base, tuple(aliases)) for name, factor, *aliases in rows]


_MINUTES_PER_YEAR = 525949.2
_REGISTRY: list[Unit] = [
    *_units("ratio", "percent", [("percent", 1.0, "%", "per cent", "pct")]),
    *_units(
        "ratio",
        "percentage_point",
        [
            ("percentage_point", 1.0, "percentage point", "percentage points", "pp"),
            ("basis_point", 0.01),
        ],
    ),
    # Each currency is its own base: amounts in two currencies convert only at a given rate.
    *_units("currency", "USD", [("USD", 1.0, "$", "us$", "dollar", "dollars"), ("USD_cent", 0.01)]),
    *_units("currency", "GBP", [("GBP", 1.0, "£"), ("GBX", 0.01, "pence")]),
    *_units("currency", "EUR", [("EUR", 1.0, "€", "euro", "euros"), ("EUR_cent", 0.01)]),
    *_units("currency", "JPY", [("JPY", 1.0, "yen")]),
    *_units("currency", "CNY", [("CNY", 1.0, "yuan")]),
    *[
        Unit(code, "currency", 1.0, code)
        for code in ("AUD", "CAD", "CHF", "HKD", "NZD", "SGD", "BRL", "INR")
    ],
    *_units(
        "mass",
        "kg",
        [
            ("g", 0.001),
            ("kg", 1.0, "kilogram", "kilograms"),
            ("tonne", 1000.0, "tonnes", "tons", "ton", "t"),
            ("lb", 0.45359237, "lbs", "pounds"),
            ("oz", 0.028349523125),
        ],
    ),
    *_units(
        "power",
        "MW",
        [
            ("W", 0.000001, "watt", "watts"),
            ("kW", 0.001, "kilowatt", "kilowatts"),
            ("MW", 1.0, "megawatt", "megawatts"),
            ("GW", 1000.0, "gigawatt", "gigawatts"),
            ("TW", 1_000_000.0),
        ],
    ),
    *_units(
        "energy",
        "MWh",
        [("kWh", 0.001), ("MWh", 1.0), ("GWh", 1000.0), ("TWh", 1_000_000.0)],
    ),
    *_units(
        "duration",
        "minute",
        [
            ("second", 1 / 60),
            ("minute", 1.0, "minutes"),
            ("hour", 60.0, "hours"),
            ("day", 1440.0, "days"),
            ("week", 10080.0, "weeks"),
            ("month", 43829.1, "months"),
            ("year", _MINUTES_PER_YEAR, "years"),
            ("decade", 10 * _MINUTES_PER_YEAR),
        ],
    ),
    # An age ("a 19-year-old", "40 years old"): how long someone or something has
    # existed, in years. The same names as durations, told apart by dimension.
    *_units(
        "age",
        "year",
        [
            ("day", 1 / 365.2425),
            ("week", 7 / 365.2425),
            ("month", 1 / 12),
            ("year", 1.0),
        ],
    ),
    *_units("count", "count", [("count", 1.0, "")]),
    # what a price is per when it is not a measure ("$30 a share", "£5 per head")
    *_units("count", "share", [("share", 1.0)]),
    *_units("count", "person", [("person", 1.0)]),
    *_units(
        "length",
        "m",
        [
            ("mm", 0.001),
            ("cm", 0.01),
            ("m", 1.0, "metres", "meters"),
            ("km", 1000.0, "kilometres", "kilometers"),
            ("inch", 0.0254),
            ("ft", 0.3048, "feet"),
            ("yard", 0.9144),
            ("mile", 1609.344, "miles"),
            ("nautical_mile", 1852.0),
        ],
    ),
    *_units(
        "area",
        "m2",
        [
            ("m2", 1.0),
            ("sq_ft", 0.09290304),
            ("acre", 4046.8564224, "acres"),
            ("hectare", 10000.0, "hectares"),
            ("km2", 1_000_000.0),
            ("sq_mile", 2_589_988.110336),
        ],
    ),
    *_units(
        "volume",
        "litre",
        [
            ("ml", 0.001),
            ("litre", 1.0, "litres", "liters"),
            ("gallon", 3.785411784, "gallons"),
            ("ft3", 28.316846592),
            ("barrel", 158.987294928, "barrels"),
            ("m3", 1000.0),
            ("bcm", 1e12),  # a billion cubic metres
        ],
    ),
    *_units("volume_rate", "barrel/day", [("barrel/day", 1.0)]),
    *_units("data", "GB", [("MB", 0.001), ("GB", 1.0), ("TB", 1000.0)]),
    *_units("speed", "km/h", [("km/h", 1.0), ("mph", 1.609344), ("m/s", 3.6), ("knot", 1.852)]),
    # Temperature scales are not proportional: each compares only with itself.
    *_units("temperature", "celsius", [("celsius", 1.0)]),
    *_units("temperature", "fahrenheit", [("fahrenheit", 1.0)]),
    *_units("temperature", "degree", [("degree", 1.0)]),
    *_units("angle", "degree", [("degree", 1.0)]),
]

_BY_DIMENSION = {(u.dimension, u.name): u for u in _REGISTRY}
# By name alone a "degree" is a temperature (the registry lists it first).
_BY_NAME: dict[str, Unit] = {}
_BY_ALIAS: dict[str, Unit] = {}
_BY_LOWER_NAME: dict[str, Unit] = {}
for _unit in _REGISTRY:
    _BY_NAME.setdefault(_unit.name, _unit)
    _BY_LOWER_NAME.setdefault(_unit.name.lower(), _unit)
    for _alias in _unit.aliases:
        _BY_ALIAS.setdefault(_alias, _unit)


def registered() -> tuple[Unit, ...]:
    """Every unit of the registry (prices, composed on demand, are not listed)."""
    return tuple(_REGISTRY)


def find(unit: object, dimension: object = None) -> Unit | None:
    """The registered unit a name or spelling stands for, or None.

    `dimension` (as `Quantity.dimension` gives it) tells apart names that two dimensions
    share: a "degree" of angle is not a degree of temperature. A price "CUR/UNIT" is
    composed from its currency and its unit.
    """
    return _find(str(unit if unit is not None else "").strip(), str(dimension or ""))


@lru_cache(maxsize=1024)
def _find(text: str, dimension: str) -> Unit | None:
    if dimension and (dimension, text) in _BY_DIMENSION:
        return _BY_DIMENSION[(dimension, text)]
    found = _BY_NAME.get(text) or _BY_ALIAS.get(text.lower()) or _BY_LOWER_NAME.get(text.lower())
    if found is not None or "/" not in text:
        return found
    money, _, per = text.partition("/")
    currency, measure = find(money), find(per)
    if currency is None or currency.dimension != "currency" or measure is None:
        return None
    return Unit(
        name=f"{currency.name}/{measure.name}",
        dimension="price",
        factor=currency.factor / measure.factor,
        base=f"{currency.base}/{measure.base}",
    )


def convert(value: float, unit: str | Unit, to: str | Unit, *, rate: float | None = None) -> float:
    """`value` in `unit` expressed in `to` (1.2 TWh -> 1,200 GWh).

    Amounts of two currencies (or prices in them) convert only at `rate`, the units of
    `to`'s base currency that one unit of `unit`'s base currency buys: as a text states it
    ("at $1.25 to the pound"), never a rate assumed here.
    """
    source = unit if isinstance(unit, Unit) else find(unit)
    target = to if isinstance(to, Unit) else find(to)
    if source is None or target is None:
        raise UnitError(f"unknown unit: {unit if source is None else to!r}")
    if source.dimension != target.dimension:
        raise UnitError(f"{source.name} ({source.dimension}) is not {target.dimension}")
    if source.base == target.base:
        return value * source.factor / target.factor
    if rate is not None and source.dimension in ("currency", "price"):
        source_per = source.base.partition("/")[2]
        if source_per == target.base.partition("/")[2]:
            return value * source.factor * rate / target.factor
    raise UnitError(f"{source.name} does not convert to {target.name} without an exchange rate")
