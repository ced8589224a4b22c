"""One quantity of a sentence read as figures: its role, direction, clause and period.

The role (the level of a measure, a change of it, the base a change starts from, a plain
figure), the direction of a change, a rate per period ("£300 a week"), whether the figure
defines what is counted ("waiting more than 18 months") or is the whole a share is of, and
the further readings a quantity allows ("9.8%" after "fell from 785 to 708" is the change).

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right

from textcore import units
from textcore.analysis import term_key
from textcore.figures.figure import Figure, unit_family, word_keys, years_of
from textcore.figures.hedges import interval

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
PLAN_RE = re.compile(
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
# A perfect "for": how long something has lasted up to then ("has been in place for").
_LASTED_LEFT = re.compile(
    r"\b(?:has|have|had)\s+(?:[a-z]+\s+){0,4}?for\s+(?:(?:about|around|nearly|almost|"
    r"more\s+than|over|some|the\s+past|the\s+last)\s+)?$",
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


def boundaries(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def figures_of(text: str, q: dict, bounds: list[tuple[int, int]]) -> list[Figure]:
    value = float(q["value"])
    unit = str(q.get("unit") or "")
    start, end = int(q["start"]), int(q["end"])
    rate_period = None
    if "/" in unit:
        head, _, per = unit.partition("/")
        if per in _PER_WEEK and unit_family(head) and unit_family(head)[0].startswith("currency:"):
            unit, rate_period = head, per
        elif per in ("share", "person") and unit_family(head):
            unit = head  # "48p a share": the amount paid on each share
    if rate_period is None and unit_family(unit) and unit_family(unit)[0].startswith("currency:"):
        after = _RATE_AFTER.match(text[end : end + 60])
        before = _RATE_BEFORE.search(text[max(0, start - 40) : start])
        if after:
            rate_period = after.group("period") or _ADVERB_PERIOD[after.group("adverb").lower()]
        elif before:
            rate_period = _ADVERB_PERIOD[before.group("adverb").lower()]
    info = unit_family(unit, str(q.get("dimension") or ""))
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
    low, high, bound = interval(q, value, factor)
    if rate_period:
        per = _PER_WEEK[rate_period]
        low, high, family = low * per, high * per, "rate:" + family.split(":", 1)[1]
        base = base + "/week"
    clause_start, clause_end = _clause(text, start, end, bounds)
    left = text[clause_start:start]
    local = word_keys(text[clause_start:start] + " " + text[end:clause_end])
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
    clause_years = years_of(text[clause_start:clause_end])
    common = dict(
        clause=text[clause_start:clause_end],
        whole=whole,
        years=clause_years,
        planned=bool(PLAN_RE.search(own_clause)),
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
    if family == "duration" and kind == "level" and _LASTED_LEFT.search(near_left):
        # "the ban has been in place for 25 years": how long something has lasted is its age
        years = units.find("year", "duration").factor
        figures.append(
            Figure(
                key=("level", "age"),
                low=low / years,
                high=high / years,
                **{**common, "converted_unit": "year"},
            )
        )
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
