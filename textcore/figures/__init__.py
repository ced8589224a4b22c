"""Figures of a sentence: its quantities read with what they say about the world.

A quantity ("9%", "£6.2bn", "a quarter") becomes a `Figure`: an interval of values in its
family's base unit (hedges and written precision taken into account), the role it plays
(the level of a measure, a change of it, the base a change starts from, a multiplier),
the direction of a change, the words of its clause, the period it is stated for and
whether it is a forecast or a plan. Figures the sentence implies are added as derived
readings: the change between "from 785 to 708", the share in "13 of 20", the split of a
"2-1 decision", a sum stated "in all", an amount a year from "£1.5bn over three years".

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from textcore import units
from textcore.analysis import QUOTES, TOKEN_RE, claim_terms, fold_text, stated_years, term_key
from textcore.quantities import parse_quantities

__all__ = ["Figure", "SentenceFacts", "fold", "read_figures", "read_passage", "read_sentence"]

# Relative width of a hedge ("about", "nearly") when the written number says nothing finer.
# Both settings were chosen by cross-validation over folds of development pairs grouped
# by article (bench/eval_numeric.py --cv): 0.10 and 1.0 in four folds of five.
HEDGE_WIDTH = 0.10
# "about 127" covers what rounds near it: this many units of the last written digit.
HEDGE_DIGITS = 1.0
# Newsroom conversions of periods: a year is 52 weeks and 12 months.
_PER_WEEK = {"day": 7.0, "week": 1.0, "month": 12 / 52, "year": 1 / 52}
_RATE_AFTER = re.compile(
    r"^(?:\s*\([^)]{0,40}\))?(?:,\s+or\s+[^,]{1,30},)?,?\s*(?:a|per|each|every)\s+"
    r"(?P<period>day|week|month|year)\b(?!\s+(?:earlier|ago|before|later|on|previously))"
    r"|^\s*(?P<adverb>daily|weekly|monthly|annually|yearly)\b",
    re.IGNORECASE,
)
_RATE_BEFORE = re.compile(
    r"\b(?P<adverb>daily|weekly|monthly|annual|yearly)\s+(?:[a-z]+\s+){0,2}(?:of\s+)?$",
    re.IGNORECASE,
)
_ADVERB_PERIOD = {
    "daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
    "annual": "year", "yearly": "year",
}  # fmt: skip
_OVER_PERIOD = re.compile(
    r"^[^.;]{0,40}?\b(?:over|in|during|across)\s+(?:the\s+)?(?:next|past|last|coming)\s+"
    r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>years|months)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20,
}  # fmt: skip

_UP = (
    r"rose|rise|rises|rising|risen|(?<!made )(?<!make )(?<!makes )(?<!set )(?<!sets )up|grew|grow|grows|growing|grown|gain|gains|gained|gaining|"
    r"climb|climbs|climbed|jump|jumps|jumped|increase|increases|increased|increasing|surged?|"
    r"soared?|expand|expands|expanded|raise|raised|raises|raising|lift|lifts|lifted|lifting|"
    r"higher|boost|boosted|widened|widen|ahead|edged up|revised up|added|more"
)
_DOWN = (
    r"fell|fall|falls|falling|fallen|down|drop|drops|dropped|decline|declines|declined|"
    r"declining|decrease|decreases|decreased|cut|cuts|lost|lose|loses|slipped|slip|slips|"
    r"plunged?|slumped?|shrank|shrunk|shrink|contracted|contract|lower|lowered|reduce|reduced|"
    r"halved|shed|narrowed|narrow|edged down|revised down|less|fewer|wiped"
)
_DIRECTION_RE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.IGNORECASE)
_CHANGE_LEFT = re.compile(
    rf"(?:\b(?:by|{_UP}|{_DOWN})|\b(?:rise|increase|fall|drop|decline|gain|gains|cut|jump|"
    r"growth|rate|reduction|loss)\s+of)\s+(?:(?:just|only|some|about|nearly|almost|around|"
    r"roughly|a|an|further|another|annual|an annual)\s+){0,3}$",
    re.IGNORECASE,
)
_CHANGE_RIGHT = re.compile(
    r"^(?:\s+(?:a\s+year|a\s+month|on\s+the\s+year))?\s*(?P<word>higher|lower|more|less|up|down|"
    r"rise|increase|fall|drop|decline|gain|jump|cut)\b",
    re.IGNORECASE,
)
_LEVEL_LEFT = re.compile(
    r"\b(?:to|at|reaching|reached|reach|hit|hits|totalled|totaling|totalling|stood\s+at|"
    r"was|were|is|are|of)\s+(?:(?:a|an|the|record|just|only|about|nearly|almost|around|"
    r"roughly|some|more\s+than|less\s+than|over|under)\s+){0,3}$",
    re.IGNORECASE,
)
_BASE_LEFT = re.compile(
    r"\bfrom\s+(?:(?:an?|the)\s+)?(?:(?:adjusted|revised|earlier|initial|original|previous)\s+)?"
    r"(?:(?:estimate|figure|level)\s+of\s+)?(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
_FORECAST_RE = re.compile(
    r"\b(?:expect\w*|forecasts?|forecasting|predict\w*|anticipat\w*|projected|"
    r"projects\s+(?=a\b|an\b|that\b|the\b|\d)|projection|sees)\b",
    re.IGNORECASE,
)
_PLAN_RE = re.compile(
    r"\b(?:will|would|could|should|might|(?-i:may)|plans?|planned|planning|aims?|aiming|target|"
    r"wants?|wanted|intends?|promised?|pledged?|proposed?|earmark\w*|set\s+to|is\s+to|"
    r"are\s+to)\b",
    re.IGNORECASE,
)
_BOUNDARY_RE = re.compile(
    r"[;:()\[\]]|\s[-–—]\s|,\s+|\s(?:and|while|whereas|but|with)\s", re.IGNORECASE
)
# Participles that make a figure part of who or what is counted: "people waiting more
# than 18 months", "patients aged over 65"; the figure then defines the measure.
_DEFINING_LEFT = re.compile(
    r"\b(?:waiting|waited|aged|earning|living|lasting|older|younger|over-)\s+(?:for\s+)?"
    r"(?:more\s+than|over|less\s+than|under|longer\s+than|at\s+least)?\s*$",
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
_SPLIT_RE = re.compile(
    r"\b(?P<a>\d+|one|two|three|four|five|six|seven|eight|nine)\s*(?:-|–|to)\s*"
    r"(?P<b>\d+|one|two|three|four|five|six|seven|eight|nine)\s+"
    r"(?:decision|vote|majority|ruling|verdict|split)\b"
    r"|\b(?:ruled|voted|split)\s+(?P<a2>\d+)-(?P<b2>\d+)\b",
    re.IGNORECASE,
)
_UNANIMOUS_RE = re.compile(r"\bunanimous(?:ly)?\b", re.IGNORECASE)
_N_OF_M_RE = re.compile(
    r"\b(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:(?:[a-z]+\s+){0,2})?(?:of|out\s+of|among|(?:[a-z]+\s+){0,8}(?:are|were)\s+among)\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    r"(?P<m>\d[\d,.]*(?:\s*(?:million|bn|m|billion))?|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|twenty)\b",
    re.IGNORECASE,
)
_OF_THE_M_N_RE = re.compile(
    r"\bOf\s+the\s+(?P<m>\d[\d,]*)\s+[^,]{1,60},\s+(?P<n>\d[\d,]*)\b", re.IGNORECASE
)
_MULTIPLIER_WORDS = {
    "doubled": 2.0, "double": 2.0, "doubles": 2.0, "doubling": 2.0, "twice": 2.0,
    "tripled": 3.0, "triple": 3.0, "trebled": 3.0, "treble": 3.0, "quadrupled": 4.0,
    "halved": 0.5, "halve": 0.5,
}  # fmt: skip
_MULTIPLIER_RE = re.compile(r"\b(?P<word>" + "|".join(_MULTIPLIER_WORDS) + r")\b", re.IGNORECASE)
_HALF_LEVEL_RE = re.compile(
    r"\bhalf\s+(?:as\s+(?:big|large|high|much)|(?:their|its|the)\s+(?:\w+\s+){0,2}"
    r"(?:levels?|size|value))\b",
    re.IGNORECASE,
)
_COMPARATIVE_AFTER = re.compile(
    r"\s+(?:the\s+(?:size|number|amount|level|value)|as\s+(?:big|large|much|many|high|long))\b",
    re.IGNORECASE,
)
_HIGHER_THAN_RE = re.compile(
    r"^\s*(?:higher|more)\s+than\s+(?:originally\s+|first\s+|initially\s+)?(?:planned|"
    r"budgeted|expected|forecast|estimated)\b",
    re.IGNORECASE,
)
# "a third of the $375m settlement": the figure is the whole a share is taken of
_WHOLE_BEFORE = re.compile(
    r"(?:%|per\s?cent|half|halves|thirds?|quarters?|fifths?|tenths?|fraction|share|proportion|"
    r"majority)\s+of\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
_TO_LEVEL = re.compile(
    r"\b(?:to|at)\s+(?:(?:a|an|the|record|about|around|nearly|almost|just|some|roughly|"
    r"new|fresh)\s+){0,2}$",
    re.IGNORECASE,
)
_BASE_YEAR = re.compile(
    r"\b(?:since|from|than|compared\s+with)\s+(?:mid-|early\s+|late\s+)?\d{4}\b"
)
_FROM_TO_LINK = re.compile(r"^\s*(?:[a-z]+\s+){0,2}to\s+$", re.IGNORECASE)
_TO_LINK = re.compile(r"^\s*(?:,\s*)?to\s+$", re.IGNORECASE)
_COMPARISON_LINK = re.compile(
    r"^[^;]{0,50}?,?\s*(?:ahead\s+of|compared\s+with|against|versus|rather\s+than)\s+"
    r"(?:the\s+)?(?:(?:usual|normal|previous|earlier)\s+)?$",
    re.IGNORECASE,
)
_VERB_THEN_FIGURE = re.compile(rf"\b(?:{_UP}|{_DOWN})\s+(?:[a-z]+\s+){{1,3}}$", re.IGNORECASE)
_GROWTH_NOUN = re.compile(r"\b(?:growth|grew|expanded|increase|rise)\b", re.IGNORECASE)
# Rates and shares of a whole: a percentage change of these may be meant in points.
_RATE_NOUNS = re.compile(
    r"\b(?:rates?|share|penetration|inflation|unemployment|lead|margin|turnout|yield|"
    r"percentage|proportion)\b",
    re.IGNORECASE,
)
# Nouns that count people, firms: "20,000 workers" and "20,000 employees" count alike.
_NOUN_CLASSES = {
    **dict.fromkeys(
        "people person workers worker employees employee staff jobs job customers customer "
        "voters voter respondents respondent patients patient residents members member users "
        "user adults children men women individuals citizens employees' officials".split(),
        "person",
    ),
    **dict.fromkeys("companies company firms firm businesses business".split(), "firm"),
    **dict.fromkeys("point points".split(), ""),
}


# A number keeps its decimal point; thousands separators are dropped ("1,146.1" -> "1146.1").
_WRITTEN_NUMBER_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def written_precision(quantity: dict, value: float) -> float | None:
    """Half a unit of the last digit as written ("$1.15 trillion" -> 5e9), if knowable."""
    match = _WRITTEN_NUMBER_RE.search(fold_text(str(quantity.get("text") or "")))
    if not match:
        return None
    written = match.group().replace(",", "")
    number = float(written)
    if number <= 0 or value <= 0:
        return None
    scale = value / number
    exponent = math.log10(scale)
    if abs(exponent - round(exponent)) > 1e-6:
        # the written number is not the value times a power of ten ("an hour and a half")
        return None
    decimals = len(written.split(".")[1]) if "." in written else 0
    # just under half, so that "15" and "16" (each rounded) do not touch
    return 0.499 * (10.0**-decimals) * scale


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


def fold(text: str) -> str:
    """Unicode-normalise and fold curly quotes, dashes and no-break spaces."""
    return unicodedata.normalize("NFKC", text or "").translate(QUOTES)


def _years(text: str) -> frozenset[int]:
    """Years a text states figures for ("the 2003 deficit"), not those it compares with."""
    tokens = TOKEN_RE.findall(text.lower())  # "1,981 voters" is no year
    return frozenset(int(y) for y in stated_years(tokens))


def _keys(text: str) -> frozenset[str]:
    return frozenset(term_key(t) for t in claim_terms(text))


def _family(unit: str) -> tuple[str, float, str] | None:
    """(family, factor to base, base unit name) of a canonical unit."""
    found = units.find(unit)
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
    parsed from `text` (as stored) and the words `_derived` reads ratios from.

    Lets a caller skip reading a text that has no figure of a kind it needs.
    """
    kinds = set()
    for q in quantities:
        unit = str(q.get("unit") or "")
        for part in {unit, unit.partition("/")[0]}:
            info = _family(part)
            if info is not None:
                kinds.add(_coarse(info[0]))
        noun = str(q.get("noun") or "").strip().lower()
        if noun.split()[-1:] in (["time"], ["times"]):
            kinds.add("ratio")  # "three times": a multiplier
    # ratios also come from two figures (a change between them, "13 of 20") and from words
    if len(quantities) >= 2 or any(
        pattern.search(text)
        for pattern in (
            _N_OF_M_RE, _OF_THE_M_N_RE, _SPLIT_RE, _UNANIMOUS_RE, _MULTIPLIER_RE,
            _HALF_LEVEL_RE,
        )
    ):  # fmt: skip
        kinds.add("ratio")
    return frozenset(kinds)


def _last_digit_unit(text: str, value: float) -> float | None:
    """Size of one unit of the last non-zero written digit, in the value's scale."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", fold(text))
    if not match:
        return None
    written = match.group().replace(",", "")
    try:
        number = float(written)
    except ValueError:
        return None
    if number <= 0 or value <= 0:
        return None
    scale = value / number
    if "." in written:
        unit = 10.0 ** -len(written.split(".")[1])
    else:
        stripped = written.rstrip("0")
        unit = 10.0 ** (len(written) - len(stripped)) if stripped else 1.0
    return unit * scale


def _interval(q: dict, value: float, factor: float) -> tuple[float, float, str]:
    """The values a quantity as written can stand for, in the base unit."""
    text = str(q.get("text") or "")
    qualifier = str(q.get("qualifier") or "exact")
    precision = written_precision(q, value)
    if precision is None:
        precision = 0.005 * abs(value)
    lowered = text.lower()
    bound = ""
    if qualifier == "about":
        width = HEDGE_WIDTH * abs(value)
        digit = _last_digit_unit(text, value)
        if digit is not None:
            width = min(width, HEDGE_DIGITS * digit)
        width = max(width, precision)
        if re.match(r"(?:nearly|almost|close to|just under|not quite)\b", lowered):
            low, high = value * (1 - HEDGE_WIDTH), value + precision * 0.02
        else:
            low, high = value - width, value + width
    elif qualifier in ("more_than", "at_least"):
        low, high, bound = value, math.inf, "above"
        if lowered.startswith("just over"):
            high = value * (1 + HEDGE_WIDTH)
    elif qualifier in ("less_than", "at_most", "up_to"):
        low, high, bound = 0.0, value, "below"
        if lowered.startswith("just under"):
            low = value * (1 - HEDGE_WIDTH)
    elif qualifier == "range" and q.get("value_max") is not None:
        low, high = value - precision, float(q["value_max"]) + precision
    else:
        low, high = value - precision, value + precision
    return low * factor, high * factor, bound


def _boundaries(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the clause boundaries of a text that fall outside its quantities."""
    starts = sorted(spans)
    found = []
    for match in _BOUNDARY_RE.finditer(text):
        i = bisect_right(starts, (match.start(), math.inf)) - 1
        if i >= 0 and starts[i][0] <= match.start() < starts[i][1]:
            continue  # "between 3 and 5": inside a quantity
        found.append((match.start(), match.end()))
    return found


def _clause(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause around [start, end): from the previous boundary to the next one."""
    ends = [b_end for _, b_end in bounds]
    i = bisect_right(ends, start)  # boundaries ending at or before the figure
    left = bounds[i - 1][1] if i else 0
    right = len(text)
    for b_start, _ in bounds[i:]:
        if b_start >= end:
            right = b_start
            break
    return left, right


def _direction(text: str) -> int:
    """+1 or -1 from the last direction word of `text`, 0 if none."""
    found = 0
    for match in _DIRECTION_RE.finditer(text):
        found = 1 if match.group("up") else -1
    return found


def _number(raw: str) -> float | None:
    raw = raw.strip().lower().replace(",", "")
    if raw in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[raw])
    scale = 1.0
    for word, factor in (("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("m", 1e6)):
        if raw.endswith(word):
            raw, scale = raw[: -len(word)].strip(), factor
            break
    try:
        return float(raw) * scale
    except ValueError:
        return None


def read_sentence(text: str) -> SentenceFacts:
    """Read the figures of a claim or a passage with their context."""
    folded = fold(text)
    quantities = [q.to_dict() for q in parse_quantities(folded)]
    spans = [(q["start"], q["end"]) for q in quantities]
    bounds = _boundaries(folded, spans)
    figures: list[Figure] = []
    for q in quantities:
        figures.extend(_figures_of(folded, q, bounds))
    figures.extend(_derived(folded, figures, spans))
    if _TOTAL_CUE.search(folded):
        figures = _with_sum(figures)
    years = _years(folded)
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
    elif _PLAN_RE.search(folded):
        modality = "plan"
    else:
        modality = "actual"
    shares = {f.start for f in figures if f.derived == "share of a whole"}
    figures = [replace(f, part=True) if not f.derived and f.start in shares else f for f in figures]
    return SentenceFacts(
        text=folded,
        keys=_keys(folded),
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


def _figures_of(text: str, q: dict, bounds: list[tuple[int, int]]) -> list[Figure]:
    value = float(q["value"])
    unit = str(q.get("unit") or "")
    start, end = int(q["start"]), int(q["end"])
    rate_period = None
    if "/" in unit:
        head, _, per = unit.partition("/")
        if per in _PER_WEEK and _family(head) and _family(head)[0].startswith("currency:"):
            unit, rate_period = head, per
        elif per in ("share", "person") and _family(head):
            unit = head  # "48p a share": the amount paid on each share
    if rate_period is None and _family(unit) and _family(unit)[0].startswith("currency:"):
        after = _RATE_AFTER.match(text[end : end + 60])
        before = _RATE_BEFORE.search(text[max(0, start - 40) : start])
        if after:
            rate_period = after.group("period") or _ADVERB_PERIOD[after.group("adverb").lower()]
        elif before:
            rate_period = _ADVERB_PERIOD[before.group("adverb").lower()]
    info = _family(unit)
    if info is None:
        return []
    family, factor, base = info
    noun = str(q.get("noun") or "").strip().lower()
    if family == "count":
        last = noun.split()[-1] if noun else ""
        klass = _NOUN_CLASSES.get(last, term_key(last) if last else "")
        if klass == "time" or last == "times":
            family, base = "multiplier", "times"
        else:
            family = f"count:{klass}"
    low, high, bound = _interval(q, value, factor)
    if rate_period:
        per = _PER_WEEK[rate_period]
        low, high, family = low * per, high * per, "rate:" + family.split(":", 1)[1]
        base = base + "/week"
    clause_start, clause_end = _clause(text, start, end, bounds)
    left = text[clause_start:start]
    local = _keys(text[clause_start:start] + " " + text[end:clause_end])
    role, direction = "plain", 0
    near_left = text[max(clause_start, start - 40) : start]
    if _BASE_LEFT.search(near_left):
        role = "base"
    elif re.search(_TO_LEVEL, near_left) and not re.search(r"\bby\s+", near_left):
        role = "level"
        direction = _direction(left) or _direction(text[max(0, clause_start - 40) : start])
    elif re.search(r"\b(?:lead|leads|led|trail|trails|ahead)\b", near_left):
        role = "plain"  # "lead the Liberals by 41% to 33%": two shares
    elif _CHANGE_LEFT.search(near_left) or _VERB_THEN_FIGURE.search(near_left):
        role = "change"
        direction = _direction(near_left)
    elif (right_change := _CHANGE_RIGHT.match(text[end : end + 30])) is not None:
        role = "change"
        direction = _direction(right_change.group("word"))
    elif _LEVEL_LEFT.search(near_left):
        role = "level"
        direction = _direction(left) or _direction(text[max(0, clause_start - 40) : start])
    if family == "multiplier":
        role = "plain"
    defining = bool(_DEFINING_LEFT.search(text[max(0, start - 30) : start])) or bool(
        re.match(r"^-(?:month|year|week)", text[end : end + 8])
        and "over" in text[max(0, start - 6) : start].lower()
    )
    own_clause = re.split(r"\b(?:which|that|who|where)\b|[,;]", text[max(0, start - 200) : start])[
        -1
    ]
    whole = bool(_WHOLE_BEFORE.search(text[max(0, start - 50) : start]))
    clause_years = _years(text[clause_start:clause_end])
    common = dict(
        clause=text[clause_start:clause_end],
        whole=whole,
        years=clause_years,
        planned=bool(_PLAN_RE.search(own_clause)),
        hedged=str(q.get("qualifier") or "exact") != "exact",
        text=q.get("text") or text[start:end], start=start, end=end, bound=bound,
        direction=direction, role=role, defining=defining, local=local, value=value,
        unit=str(q.get("unit") or ""), converted_unit=base,
    )  # fmt: skip
    kind = "change" if role == "change" or family == "percentage_point" else "level"
    if family == "multiplier":
        kind = "multiplier"
    figures = [Figure(key=(kind, family), low=low, high=high, **common)]
    if (
        kind == "level"
        and family == "percent"
        and role == "plain"
        and re.search(r"(?:,\s+or|\bor\s+by)\s+$", text[max(0, start - 10) : start])
        and _direction(text[max(0, start - 200) : start])
    ):
        # "fell from 785 to 708, or 9.8%": the change, restated
        figures.append(
            Figure(
                key=("change", family),
                low=low,
                high=high,
                **{**common, "direction": _direction(text[max(0, start - 200) : start])},
            )
        )
    elif (
        kind == "level"
        and family == "percent"
        and _GROWTH_NOUN.search(text[clause_start:start])
        and not re.search(r"\bto\s+(?:\w+\s+)?$", near_left)
    ):
        # "growth came in at 4.4%": the level of a growth rate is a change
        figures.append(Figure(key=("change", family), low=low, high=high, **common))
    if role == "change" and family == "percent":
        if direction:
            sign_low, sign_high = sorted((1 + direction * low / 100, 1 + direction * high / 100))
            figures.append(
                Figure(key=("multiplier", "multiplier"), low=sign_low, high=sign_high, **common)
            )
        if _RATE_NOUNS.search(text) or re.search(r"\bto\s+[\d.]+\s?%", text[end : end + 30]):
            # "lifted rates 0.25%" is a move of 0.25 points
            figures.append(Figure(key=("change", "percentage_point"), low=low, high=high, **common))
    return figures


def _mult(figure: Figure, low: float, high: float, key: tuple[str, str], how: str) -> Figure:
    return replace(figure, key=key, low=low, high=high, derived=how, role="plain", bound="")


def _derived(text: str, figures: list[Figure], spans: list[tuple[int, int]]) -> list[Figure]:
    """Readings the sentence implies but does not write."""
    out: list[Figure] = []
    written = [f for f in figures if not f.derived]
    levels = [f for f in written if f.key[0] == "level"]
    ordered = sorted(
        (f for f in written if f.key[0] in ("level", "change") and f.key[1] != "multiplier"),
        key=lambda f: f.start,
    )
    ordered = [f for i, f in enumerate(ordered) if i == 0 or ordered[i - 1].start != f.start]
    # pairs of levels: "from 785 to 708", "70 cents from 55 cents", "3.8%, ahead of the 3.1%"
    for old, new, signed, both_ways in _linked_pairs(text, ordered):
        out.extend(_changes_between(old, new, signed=signed, both_ways=both_ways))
    # "14% higher than planned" with the level: the planned figure
    for change in (f for f in written if f.key == ("change", "percent")):
        if _HIGHER_THAN_RE.match(text[change.end : change.end + 40]):
            for level in levels:
                if level.key[1] != "percent" and level.end <= change.start:
                    factor = 1 + change.low / 100, 1 + change.high / 100
                    out.append(
                        _mult(level, level.low / factor[1], level.high / factor[0],
                              level.key, "planned before the rise")
                    )  # fmt: skip
    # shares: "13 of the 20", "64 respondents out of 146", "Of the 20 sectors, 13"
    for match in list(_N_OF_M_RE.finditer(text)) + list(_OF_THE_M_N_RE.finditer(text)):
        n, m = _number(match.group("n")), _number(match.group("m"))
        if n is None or not m or not 0 < n < m:
            continue
        share = 100 * n / m
        anchor = Figure(
            text=match.group(0), start=match.start(), end=match.end(),
            key=("level", "percent"), low=share * 0.995, high=share * 1.005,
            derived="share of a whole", value=share, unit="percent",
            converted_unit="percent", local=_keys(text),
        )  # fmt: skip
        out.append(anchor)
        out.append(
            replace(anchor, key=("level", "count:"), low=n - 0.5, high=n + 0.5, value=n,
                    unit="count", converted_unit="count", derived="count of a whole")
        )  # fmt: skip
    for match in _SPLIT_RE.finditer(text):
        a = _number(match.group("a") or match.group("a2"))
        b = _number(match.group("b") or match.group("b2"))
        if a is None or b is None or a + b <= 0:
            continue
        share = 100 * a / (a + b)
        out.append(
            Figure(
                text=match.group(0), start=match.start(), end=match.end(),
                key=("level", "percent"), low=share * 0.995, high=share * 1.005,
                derived="split of a vote", value=share, unit="percent",
                converted_unit="percent", local=_keys(text),
            )
        )  # fmt: skip
    for match in _UNANIMOUS_RE.finditer(text):
        out.append(
            Figure(
                text=match.group(0), start=match.start(), end=match.end(),
                key=("level", "percent"), low=99.5, high=100.0, derived="unanimous",
                value=100.0, unit="percent", converted_unit="percent", local=_keys(text),
            )
        )  # fmt: skip
    for match in _MULTIPLIER_RE.finditer(text):
        m = _MULTIPLIER_WORDS[match.group("word").lower()]
        before = text[max(0, match.start() - 20) : match.start()].lower()
        low, high, bound = m * 0.999, m * 1.001, ""
        if re.search(r"(?:more\s+than|over)\s+$", before):
            low, high, bound = m, math.inf, "above"
        elif re.search(r"(?:nearly|almost)\s+$", before):
            low, high = m * (1 - HEDGE_WIDTH), m
        anchor = Figure(
            text=match.group(0), start=match.start(), end=match.end(),
            key=("multiplier", "multiplier"), low=low, high=high, bound=bound,
            value=m, unit="times", converted_unit="times",
            local=_keys(text[max(0, match.start() - 60) : match.end() + 60]),
            direction=1 if m > 1 else -1,
            comparative=bool(_COMPARATIVE_AFTER.match(text[match.end() : match.end() + 30])),
        )  # fmt: skip
        out.append(anchor)
        # "a resale could triple the price" of $800m: the price it would fetch
        amounts = [f for f in levels if f.key[1].startswith("currency:")]
        if len(amounts) == 1 and match.group("word").lower() in ("triple", "double", "treble"):
            a = amounts[0]
            out.append(_mult(a, a.low * m, a.high * m, a.key, f"{a.text} times {m:g}"))
    for match in _HALF_LEVEL_RE.finditer(text):
        out.append(
            Figure(
                text=match.group(0), start=match.start(), end=match.end(),
                key=("multiplier", "multiplier"), low=0.4995, high=0.5005, value=0.5,
                unit="times", converted_unit="times", direction=-1, local=_keys(text),
                comparative=match.group(0).lower().startswith("half as"),
            )
        )  # fmt: skip
    # "£1.5bn over the next three years": an amount a year
    for figure in written:
        if not figure.key[1].startswith("currency:"):
            continue
        over = _OVER_PERIOD.match(text[figure.end : figure.end + 60])
        if not over:
            continue
        n = _number(over.group("n"))
        if not n:
            continue
        weeks = n * (52 if over.group("unit").lower() == "years" else 52 / 12)
        out.append(
            _mult(figure, figure.low / weeks, figure.high / weeks,
                  ("level", "rate:" + figure.key[1].split(":", 1)[1]), "amount a year")
        )  # fmt: skip
    return out


def _same_family(a: Figure, b: Figure) -> bool:
    if a.key[1] == b.key[1]:
        return True
    # "77m euros, up from 38m": a bare number takes the unit of the figure it is set against
    return b.unit == "count" and not b.key[1].startswith("rate:") and b.value > 0


def _linked_pairs(text: str, ordered: list[Figure]):
    """(old, new, signed, both_ways) for figures the text sets against each other."""
    for i, b in enumerate(ordered):
        if b.role == "base" and i + 1 < len(ordered):
            following = ordered[i + 1]
            if _FROM_TO_LINK.match(text[b.end : following.start]) and _same_family(following, b):
                # "from about 4.5% today to about 25%"
                yield b, following, True, False
                continue
        if b.role == "base":
            # "fell to 55.3 in February, from 56.4": the base goes with the figure before it
            for a in reversed(ordered[:i]):
                if a.role != "change" and _same_family(a, b):
                    yield b, a, True, False
                    break
            continue
        if i == 0:
            continue
        a = ordered[i - 1]
        between = text[a.end : b.start]
        if not _same_family(a, b) and not _same_family(b, a):
            continue
        if _COMPARISON_LINK.match(between):
            # "3.8%, ahead of the 3.1% estimated", "nine rather than the usual five"
            yield b, a, True, False
        elif _TO_LINK.match(between) and "change" not in (a.role, b.role) and a.role != "base":
            # "by 39% to 34%": two figures set side by side
            yield a, b, False, True
        elif re.fullmatch(r"\s*(?:,\s*)?(?:up|down)\s+from\s+", between) and b.role != "change":
            yield b, a, True, False


def _changes_between(old: Figure, new: Figure, *, signed: bool, both_ways: bool) -> list[Figure]:
    """The difference, relative change and ratio of two figures of one measure."""
    if old.key[1] != new.key[1]:
        factor = new.low / new.value if new.value else 1.0
        old = replace(old, low=old.value * factor * 0.995, high=old.value * factor * 1.005,
                      key=new.key)  # fmt: skip
    if old.low <= 0 or new.low <= 0 or not math.isfinite(old.high + new.high):
        return []
    family = new.key[1]
    delta_low, delta_high = new.low - old.high, new.high - old.low
    direction = (1 if delta_low > 0 else (-1 if delta_high < 0 else 0)) if signed else 0
    mid = replace(
        new, start=min(old.start, new.start), end=max(old.end, new.end), direction=direction,
        text=f"{new.text} vs {old.text}",
    )  # fmt: skip
    magnitudes = sorted((abs(delta_low), abs(delta_high)))
    if delta_low <= 0 <= delta_high:
        magnitudes = [0.0, max(magnitudes)]
    diff_family = "percentage_point" if family == "percent" else family
    out = [_mult(mid, *magnitudes, ("change", diff_family), "difference")]
    pairs = [(old, new), (new, old)] if both_ways else [(old, new)]
    for base, other in pairs:
        rel = sorted((abs(other.low / base.high - 1) * 100, abs(other.high / base.low - 1) * 100))
        ratio = sorted((other.low / base.high, other.high / base.low))
        out.append(_mult(mid, rel[0], rel[1], ("change", "percent"), "relative change"))
        out.append(_mult(mid, ratio[0], ratio[1], ("multiplier", "multiplier"), "ratio"))
    return out


def _with_sum(figures: list[Figure]) -> list[Figure]:
    """A text that states a total ("in all", "come to"): the sum of its separate figures."""
    out = list(figures)
    by_key: dict[tuple[str, str], list[Figure]] = {}
    for f in figures:
        if not f.derived and f.key[0] == "level" and not f.bound:
            by_key.setdefault(f.key, []).append(f)
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        total = Figure(
            text=" + ".join(f.text for f in group), start=group[0].start, end=group[-1].end,
            key=key, low=sum(f.low for f in group), high=sum(f.high for f in group),
            derived="sum", value=sum(f.value for f in group), unit=group[0].unit,
            converted_unit=group[0].converted_unit,
            local=frozenset().union(*(f.local for f in group)),
        )  # fmt: skip
        out.append(total)
        out = [replace(f, part=True) if f in group else f for f in out]
    return out
