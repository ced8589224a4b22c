"""A quantity as the parser returns it: the surface text, value, unit, dimension, qualifier
and offsets.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as written in the text, e.g. "more than 99 percent"."""

    text: str
    value: float
    unit: str
    dimension: str
    qualifier: str
    start: int
    end: int
    value_max: float | None = None
    noun: str = ""

    def to_dict(self) -> dict:
        """JSON-ready form used by the export and the database."""
        return {
            "text": self.text,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "dimension": self.dimension,
            "qualifier": self.qualifier,
            "noun": self.noun,
            "start": self.start,
            "end": self.end,
        }


def shifted(quantity: Quantity, offset: int) -> Quantity:
    if not offset:
        return quantity
    return Quantity(
        text=quantity.text,
        value=quantity.value,
        unit=quantity.unit,
        dimension=quantity.dimension,
        qualifier=quantity.qualifier,
        start=quantity.start + offset,
        end=quantity.end + offset,
        value_max=quantity.value_max,
        noun=quantity.noun,
    )
