"""The parser finds every number written in digits ("5.5", "1,200"), in words ("ninety",
"twenty-five"), or as a fraction ("two thirds"), then reads the words around it:

* to the left: a currency sign ("$", "US$", "£", "€") and a qualifier ("more than", "about",
  "up to", "between ... and ...");
* to the right: a scale ("million", "bn", "m"), a unit ("percent", "tonnes", "MW", "days"),
  a currency word ("dollars", "pounds sterling"), "per kg" for prices, or the counted noun
  ("universities", "power stations").

Units and their canonical names, by dimension: ratio (percent, percentage_point), currency
(USD, GBP, GBX, EUR, JPY, CNY ...), mass (kg, tonne, lb, g, oz), power (kW, MW, GW, TW),
energy (kWh ... TWh), duration (second ... year), length (km, m, cm, mm, mile,
nautical_mile, ft, inch, yard), area (km2, m2, sq_mile, sq_ft, hectare, acre), volume
(litre, ml, m3, ft3, barrel, gallon; "bcm" is 1e9 m3), temperature (celsius, fahrenheit;
a bare "degrees" is a temperature only near weather words, otherwise an angle) and speed
(km/h, mph, m/s, knot). A bare "m" after a number without a currency is read in context:
"1.4m homes" and "5m tonnes" are millions, "300m tall" and "the 100m sprint" are metres.

Dates and years are not quantities: a number next to a month name, a time of day, an ordinal
or a year ("in 2004", "2003's") is skipped; `parse_years` lists the years separately.
Everything is regular expressions over the text plus small word lists, so it is fast and
deterministic, and every quantity keeps the offsets of its surface text.

The package: `quantity` (the result), `numbers` (finding numbers in digits, words and
fractions), `unit_words` (currencies, scales and units written around a number),
`context` (qualifiers, dates, years and the counted noun), `reading` (one number with
its unit, qualifier and range), `phrases` (quantities written as phrases: "one in five",
"half a year"); this module puts them together.
"""

from __future__ import annotations

from .context import parse_years
from .numbers import find_numbers
from .phrases import phrase_quantities
from .quantity import Quantity, shifted
from .reading import read_quantity
from .unit_words import producible_units

__all__ = ["Quantity", "parse_quantities", "parse_years", "producible_units"]


def parse_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in `text`, in order; offsets are into `text` plus `offset`."""
    quantities: list[Quantity] = []
    phrases = sorted(phrase_quantities(text), key=lambda q: (q.start, -q.end))
    kept: list[Quantity] = []
    for phrase in phrases:
        if not any(phrase.start < k.end and k.start < phrase.end for k in kept):
            kept.append(phrase)
    numbers = [n for n in find_numbers(text) if not any(k.start <= n.start < k.end for k in kept)]
    pending = list(kept)
    consumed_until = -1
    for index, number in enumerate(numbers):
        while pending and pending[0].start <= number.start:
            quantities.append(shifted(pending.pop(0), offset))
        if number.start < consumed_until:
            continue
        quantity = read_quantity(text, number, numbers[index + 1 :])
        if quantity is None:
            continue
        if any(quantity.start < k.end and k.start < quantity.end for k in kept):
            continue
        consumed_until = quantity.end
        quantity = shifted(quantity, offset)
        quantities.append(quantity)
    quantities.extend(shifted(q, offset) for q in pending)
    return quantities
