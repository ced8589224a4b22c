"""A figure: one reading of a quantity as an interval of values in its family's base unit.

Also the text helpers every step of reading shares: folding quotes and dashes, the years a
text states figures for, its word keys, and the family and base unit of a canonical unit.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from textcore import units
from textcore.analysis import QUOTES, TOKEN_RE, claim_terms, stated_years, term_key


@dataclass(frozen=True)
class Figure:
    """One reading of a quantity: an interval in the base unit of `key`, with its role."""

    text: str
    start: int
    end: int
    key: tuple[str, str]  # (kind, family): kind is level, change or multiplier
    low: float
    high: float
    bound: str = ""  # "above" / "below" for one-sided quantities ("more than 99%")
    direction: int = 0  # +1 up, -1 down, 0 not stated
    role: str = "plain"  # plain, level, change, base
    derived: str = ""  # how a derived reading was obtained
    part: bool = False  # one of several figures a total in the text is made of
    hedged: bool = False  # "about", "nearly", a range or a limit: not an exact value
    planned: bool = False  # stated as a plan, an aim or a possibility ("would", "plans to")
    whole: bool = False  # the whole a share is of ("a third of the $375m settlement")
    comparative: bool = False  # compares two things ("twice the size of"), not two dates
    years: frozenset[int] = field(default=frozenset())  # years stated in its own clause
    clause: str = ""  # the clause the figure is written in
    defining: bool = False  # part of what is counted ("waiting more than 18 months")
    local: frozenset[str] = field(default=frozenset())
    value: float = 0.0
    unit: str = ""
    converted_unit: str = ""


def fold(text: str) -> str:
    """Unicode-normalise and fold curly quotes, dashes and no-break spaces."""
    return unicodedata.normalize("NFKC", text or "").translate(QUOTES)


def years_of(text: str) -> frozenset[int]:
    """Years a text states figures for ("the 2003 deficit"), not those it compares with."""
    tokens = TOKEN_RE.findall(text.lower())  # "1,981 voters" is no year
    return frozenset(int(y) for y in stated_years(tokens))


def word_keys(text: str) -> frozenset[str]:
    return frozenset(term_key(t) for t in claim_terms(text))


def unit_family(unit: str, dimension: str = "") -> tuple[str, float, str] | None:
    """(family, factor to base, base unit name) of a canonical unit (of `dimension`, when
    two dimensions share its name: a "year" of age is not a stretch of a year)."""
    found = units.find(unit, dimension)
    if found is not None:
        if found.dimension == "ratio":
            family = found.base  # percent, percentage_point
        elif found.dimension in ("currency", "price", "temperature"):
            family = found.family
        else:
            family = found.dimension
        base = family.split(":", 1)[1] if ":" in family else family
        return family, found.factor, base
    if re.fullmatch(r"[A-Z]{3}", unit or ""):
        return f"currency:{unit}", 1.0, unit
    if unit:
        return f"other:{unit}", 1.0, unit
    return None
