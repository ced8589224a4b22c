"""Figures of a sentence: its quantities read with what they say about the world.

A quantity ("9%", "£6.2bn", "a quarter") becomes a `Figure`: an interval of values in its
family's base unit (hedges and written precision taken into account), the role it plays
(the level of a measure, a change of it, the base a change starts from, a multiplier),
the direction of a change, the words of its clause, the period it is stated for and
whether it is a forecast or a plan. Figures the sentence implies are added as derived
readings: the change between "from 785 to 708", the share in "13 of 20", the split of a
"2-1 decision", a sum stated "in all", an amount a year from "£1.5bn over three years".

The package: `figure` (the `Figure` and the text helpers its readers share), `hedges`
(the interval a written quantity stands for), `reading` (one quantity read as figures),
`derived` (figures the sentence implies); this module reads a whole sentence.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from textcore.figures.derived import RATIO_PATTERNS, derived_readings, with_sum
from textcore.figures.figure import Figure, fold, unit_family, word_keys, years_of
from textcore.figures.reading import PLAN_RE, boundaries, figures_of
from textcore.quantities import parse_quantities

__all__ = ["Figure", "SentenceFacts", "fold", "read_figures", "read_passage", "read_sentence"]


_FORECAST_RE = re.compile(
    r"\b(?:expect\w*|forecasts?|forecasting|predict\w*|anticipat\w*|projected|"
    r"projects\s+(?=a\b|an\b|that\b|the\b|\d)|projection|sees)\b",
    re.IGNORECASE,
)
_QUARTER_RE = re.compile(
    r"\b(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter\b"
    r"|\bq(?P<q>[1-4])\b",
    re.IGNORECASE,
)
_QUARTER_NUMBER = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "final": 4, "last": 4,
}  # fmt: skip
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_RE = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")
_EARLIER_RE = re.compile(
    r"\b(?:a|one)\s+(?:year|month|quarter|week)\s+(?:earlier|before)\b|\b(?:the\s+)?previous\s+"
    r"(?:year|month|quarter|week)'?s?\b(?!\s+(?:to|of))|\bthe\s+year\s+before\b",
    re.IGNORECASE,
)
_COMPARED_BEFORE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|from|on|over|against)\s+(?:the\s+|a\s+)?$", re.IGNORECASE
)
_WHOLE_YEAR_RE = re.compile(
    r"\b(?:for\s+the\s+(?:whole\s+|full\s+)?year|full[- ]year|the\s+year\s+as\s+a\s+whole|"
    r"annual\s+(?:revenue|sales|profits?|results?))\b",
    re.IGNORECASE,
)
_TOTAL_CUE = re.compile(
    r"\b(?:in\s+all|in\s+total|altogether|combined|together|come\s+to|comes\s+to|came\s+to|"
    r"a\s+total\s+of|totall?ing)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SentenceFacts:
    """What a text says around its figures: words, names, periods, modality."""

    text: str
    keys: frozenset[str]
    figures: tuple[Figure, ...]
    years: frozenset[int]
    quarters: frozenset[int]
    months: frozenset[int]
    earlier: bool
    whole_year: bool
    modality: str  # forecast, plan or actual
    total_cue: bool


def _coarse(family: str) -> str:
    """The kind of amount a family measures: amounts and rates in one currency together,
    counts of anything together, and every ratio (percent, points, multipliers) as one."""
    if family.startswith(("currency:", "rate:")):
        return "money:" + family.split(":", 1)[1]
    if family.startswith("count:") or family == "count":
        return "count"
    if family in ("percent", "percentage_point", "multiplier"):
        return "ratio"
    return family


def figure_kinds(figures) -> frozenset[str]:
    """The kinds of amount of read figures (see `quantity_kinds`)."""
    return frozenset(_coarse(f.key[1]) for f in figures)


def quantity_kinds(quantities, text: str) -> frozenset[str]:
    """The kinds of amount `read_sentence(text)` can give figures of, from the quantities
    parsed from `text` (as stored) and the words `derived_readings` reads ratios from.

    Lets a caller skip reading a text that has no figure of a kind it needs.
    """
    kinds = set()
    for q in quantities:
        unit = str(q.get("unit") or "")
        for part in {unit, unit.partition("/")[0]}:
            info = unit_family(part, str(q.get("dimension") or "") if part == unit else "")
            if info is not None:
                kinds.add(_coarse(info[0]))
        noun = str(q.get("noun") or "").strip().lower()
        if noun.split()[-1:] in (["time"], ["times"]):
            kinds.add("ratio")  # "three times": a multiplier
    # ratios also come from two figures (a change between them, "13 of 20") and from words
    if len(quantities) >= 2 or any(pattern.search(text) for pattern in RATIO_PATTERNS):
        kinds.add("ratio")
    return frozenset(kinds)


def read_sentence(text: str) -> SentenceFacts:
    """Read the figures of a claim or a passage with their context."""
    folded = fold(text)
    quantities = [q.to_dict() for q in parse_quantities(folded)]
    spans = [(q["start"], q["end"]) for q in quantities]
    bounds = boundaries(folded, spans)
    figures: list[Figure] = []
    for q in quantities:
        figures.extend(figures_of(folded, q, bounds))
    figures.extend(derived_readings(folded, figures, spans))
    if _TOTAL_CUE.search(folded):
        figures = with_sum(figures)
    years = years_of(folded)
    quarters = frozenset(
        _QUARTER_NUMBER.get((m.group("ord") or "").lower()) or int(m.group("q") or 0)
        for m in _QUARTER_RE.finditer(folded)
    )
    months = frozenset(_MONTHS.index(m.group(1).lower()) + 1 for m in _MONTH_RE.finditer(folded))
    earlier = any(
        not _COMPARED_BEFORE.search(folded[max(0, m.start() - 20) : m.start()])
        and not re.search(r"\bfrom\b", folded[max(0, m.start() - 40) : m.start()])
        for m in _EARLIER_RE.finditer(folded)
    )
    if _FORECAST_RE.search(folded):
        modality = "forecast"
    elif PLAN_RE.search(folded):
        modality = "plan"
    else:
        modality = "actual"
    shares = {f.start for f in figures if f.derived == "share of a whole"}
    figures = [replace(f, part=True) if not f.derived and f.start in shares else f for f in figures]
    return SentenceFacts(
        text=folded,
        keys=word_keys(folded),
        figures=tuple(figures),
        years=years,
        quarters=frozenset(q for q in quarters if q),
        months=months,
        earlier=earlier,
        whole_year=bool(_WHOLE_YEAR_RE.search(folded)),
        modality=modality,
        total_cue=bool(_TOTAL_CUE.search(folded)),
    )


@lru_cache(maxsize=4096)
def read_passage(text: str) -> SentenceFacts:
    """`read_sentence` of a folded text, remembered: library passages recur across claims."""
    return read_sentence(fold(text))


def read_figures(text: str) -> list[Figure]:
    """Every figure of a text, derived readings included."""
    return list(read_sentence(text).figures)
