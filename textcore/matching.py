"""Pure scoring of claim x passage pairs: lexical overlap weighted by rarity, fuzzy text
similarity, shared named entities and agreement of quantities (units converted).

No Django here: callers pass plain data (texts, quantity dicts as produced by
`textcore.extraction.Quantity.to_dict()`, optional term weights from the library) and get
plain data back. The same scorer matches a claim against source passages and against
earlier claims, so a score means the same thing in both uses:

* 90-100  the candidate says the same thing (a restatement or a close paraphrase)
* 60-90   a paraphrase or a closely related statement worth a fact-checker's look
* < 60    same topic at best
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = [
    "PassageText",
    "ScoredMatch",
    "claim_terms",
    "numeric_agreement",
    "score_candidates",
    "term_key",
]


@dataclass(frozen=True)
class PassageText:
    """A text to match a claim against: a source passage or an earlier claim."""

    id: int
    text: str
    quantities: Sequence[dict] = ()


@dataclass(frozen=True)
class ScoredMatch:
    """One ranked candidate: score in [0, 100], numeric relation and what it rests on."""

    passage_id: int
    score: float
    numeric: str
    detail: dict


# --------------------------------------------------------------------------- text

# English stop words (close to PostgreSQL's english.stop, so the pure scorer and the
# database agree on which words carry no information).
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    s t don also said says say according""".split()
)

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
# A number keeps its decimal point; thousands separators are dropped ("1,146.1" -> "1146.1").
_NUMBER_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_TOKEN_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[^\W\d_]+", re.UNICODE)
_CAPITALISED_RE = re.compile(r"\b(?:[A-Z][\w]*(?:[-.][A-Z0-9][\w]*)*|[a-z]+[A-Z][\w]*)\b")


# Spellings of the same country name that tokenising would otherwise break apart.
_SPELLINGS = [
    (re.compile(r"\b(?:US|U\.S\.|USD|A)\$"), "$"),  # "US$14.7 billion" is an amount, not the US
    (re.compile(r"\bU\.S\.(?:A\.)?"), "US"),
    (re.compile(r"\bUnited States(?: of America)?\b"), "US"),
    (re.compile(r"\bU\.K\."), "UK"),
    (re.compile(r"\bUnited Kingdom\b"), "UK"),
]


def fold_text(text: str) -> str:
    """Unicode-normalise and fold curly quotes, dashes and no-break spaces (case kept)."""
    folded = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    if "U" in folded or "$" in folded:  # every spelling above has one; most texts neither
        for pattern, replacement in _SPELLINGS:
            folded = pattern.sub(replacement, folded)
    return folded


def normalize_text(text: str) -> str:
    """Lowercase words and numbers separated by single spaces; deterministic."""
    tokens = _TOKEN_RE.findall(fold_text(text).lower())
    return " ".join(t.replace(",", "") if t[0].isdigit() else t for t in tokens)


def _stem(word: str) -> str:
    """A light English suffix stripper, so "refines", "refined" and "refining" meet.

    Not a full Porter stemmer: it only has to map inflections of the same word to the
    same key on both sides of a comparison, deterministically.
    """
    if len(word) <= 3 or word[0].isdigit():
        return word
    for suffix, repl in (("sses", "ss"), ("ies", "y"), ("'s", "")):
        if word.endswith(suffix):
            word = word[: -len(suffix)] + repl
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if any(ch in "aeiouy" for ch in stem):
                word = stem
                # "stopped" -> "stop", but keep "ll"/"ss" ("called" -> "call")
                if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                    word = word[:-1]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"
    return word


# Countries and regions with their adjectives, mapped to one key. Statistics are scoped by
# country, so these keys also tell whether two figures are about the same economy.
_COUNTRY_NAMES = {
    **dict.fromkeys(["american", "america", "usa", "us"], "us"),
    **dict.fromkeys(["chinese", "prc", "china"], "china"),
    **dict.fromkeys(["british", "britain", "uk"], "uk"),
    "chilean": "chile",
    "japanese": "japan",
    "german": "germany",
    "french": "france",
    "indian": "india",
    "russian": "russia",
    "brazilian": "brazil",
    "canadian": "canada",
    "mexican": "mexico",
    "european": "europe",
    "australian": "australia",
    "taiwanese": "taiwan",
    "korean": "korea",
    "italian": "italy",
    "spanish": "spain",
    "peruvian": "peru",
    "indonesian": "indonesia",
    "argentine": "argentina",
    "argentinian": "argentina",
    "african": "africa",
    "irish": "ireland",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "swedish": "sweden",
    "norwegian": "norway",
    "polish": "poland",
    "turkish": "turkey",
    "saudi": "saudi",
    "vietnamese": "vietnam",
    "malaysian": "malaysia",
    "israeli": "israel",
    "iranian": "iran",
    "ukrainian": "ukraine",
    "egyptian": "egypt",
    "nigerian": "nigeria",
    "pakistani": "pakistan",
    "thai": "thailand",
    "filipino": "philippines",
    "colombian": "colombia",
    "venezuelan": "venezuela",
}
# Words that name the same thing in news copy, mapped to one key: a country and its
# adjective, the verbs of direction that paraphrases swap freely, and the common newsroom
# synonyms for the things figures measure (a trade "gap" is a "deficit", "output" is
# "production", a body "forecasts" or "projected" what it "expects").
_SAME_MEANING = {
    **{word: country for word, country in _COUNTRY_NAMES.items() if word != country},
    **dict.fromkeys(
        [
            "rise",
            "rose",
            "risen",
            "increas",
            "grow",
            "grew",
            "grown",
            "climb",
            "gain",
            "jump",
            "surg",
            "soar",
            "widen",
        ],
        "rise",
    ),
    **dict.fromkeys(
        [
            "fall",
            "fell",
            "fallen",
            "declin",
            "decreas",
            "drop",
            "shrank",
            "shrunk",
            "shrink",
            "narrow",
            "plung",
            "slump",
        ],
        "fall",
    ),
    **dict.fromkeys(["biggest", "largest", "larg", "big"], "larg"),
    "telephon": "phone",
    **dict.fromkeys(["gap", "imbalanc", "shortfall"], "deficit"),
    **dict.fromkeys(["output", "produc"], "production"),
    **dict.fromkeys(
        ["forecast", "predict", "anticipat", "projected", "projecting"],
        "expect",
    ),
}


_SAME_MEANING = {word: _stem(key) for word, key in _SAME_MEANING.items()}


@lru_cache(maxsize=200_000)
def term_key(word: str) -> str:
    """The comparison key of one word: lowercased, stemmed, same-meaning words merged."""
    lowered = word.lower()
    if lowered in _SAME_MEANING:
        return _SAME_MEANING[lowered]
    stem = _stem(lowered)
    return _SAME_MEANING.get(stem, stem)


def _is_number(token: str) -> bool:
    return token[0].isdigit()


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100


# Words that belong to how a quantity is written, compared through quantities instead
# ("50 pounds" and "23 kilograms" share no word but state the same mass).
QUANTITY_WORDS = frozenset(
    """percent per cent pct percentage point points bn billion billions mn mln million millions
    m k thousand thousands trillion tn trn hundred hundreds dozen dozens half third thirds
    quarter quarters fifth fifths tenth one two three four five six seven eight nine ten eleven
    twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety kg kgs kilogram
    kilograms kilo kilos lb lbs pound pounds tonne tonnes ton tons mw gw kw mwh gwh kwh megawatt
    megawatts gigawatt gigawatts kilowatt kilowatts dollar dollars usd gbp eur euro euros yen
    yuan renminbi rmb pence sterling minute minutes hour hours usd""".split()
)


def claim_terms(text: str) -> list[str]:
    """The content words of a text, lowercased, in order, without repeats.

    Pass these to `sources.search.term_weights`; `score_candidates` looks weights up by
    these words. Numbers other than years are left out: quantities are compared by value.
    """
    return _content_words(normalize_text(text).split())


def _content_words(tokens: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    terms: list[str] = []
    for token in tokens:
        if token in seen or token in STOP_WORDS or token in QUANTITY_WORDS:
            continue
        if (_is_number(token) and not _is_year(token)) or (len(token) == 1):
            continue
        seen.add(token)
        terms.append(token)
    return terms


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?;:]\s+|\n)[\"'(]*$")
_WORD_SPLIT_RE = re.compile(r"[^\w]+|_")


def _entities(folded: str, *, sentence_starts: bool = True) -> set[str]:
    """Keys of capitalised names, acronyms and model numbers ("Xi", "US", "F-35").

    `folded` is the text after fold_text. With `sentence_starts=False` a capitalised word
    opening a sentence is skipped unless it is an acronym: "Imports rose" names nothing.
    """
    found: set[str] = set()
    for match in _CAPITALISED_RE.finditer(folded):
        word = match.group()
        if (
            not sentence_starts
            and not (word.isupper() and len(word) > 1)
            and _SENTENCE_START_RE.search(folded, max(0, match.start() - 4), match.start())
        ):
            continue
        for token in _WORD_SPLIT_RE.split(word.lower()):
            if not token or token in STOP_WORDS or token in QUANTITY_WORDS or len(token) == 1:
                continue
            if not (_is_number(token) and not _is_year(token)):
                found.add(term_key(token))
    return found


# A year after these words is the base of a comparison, not the period a figure is for:
# "up 13.2 percent from 2003", "24.4 percent more than in 2003", "an increase of 1.7% on
# 2004", "up from $418.0 billion in 2002".
_BASE_YEAR_WORDS = frozenset(["from", "than", "on", "over", "versus", "vs", "against"])
_PREPOSITIONS = frozenset(
    "with to from in into of on by for between against among at than via".split()
)
_COUNTRY_NOUNS = frozenset(_COUNTRY_NAMES.values()) | {"america", "usa", "britain", "prc"}
_COUNTRY_KEYS = frozenset(term_key(name) for name in _COUNTRY_NAMES)


def _stated_years(tokens: Sequence[str]) -> frozenset[str]:
    """The years a text states figures for, leaving out years it only compares with."""
    years: set[str] = set()
    for i, token in enumerate(tokens):
        if not _is_year(token):
            continue
        before = tokens[i - 1] if i else ""
        if before in _BASE_YEAR_WORDS or (
            before in ("with", "to") and i >= 2 and tokens[i - 2] == "compared"
        ):
            continue
        if before == "in" and any(t in ("from", "than") for t in tokens[max(0, i - 5) : i - 1]):
            continue
        years.add(token)
    return frozenset(years)


def _country_qualified(tokens: Sequence[str]) -> dict[str, frozenset[str]]:
    """Words a country name qualifies: "Chinese imports", "China's exports" -> {import: china}.

    A figure for "Chinese imports" is not one for imports in general, nor for US imports.
    """
    found: dict[str, set[str]] = {}
    keys = [term_key(t) for t in tokens]
    for i, country in enumerate(keys):
        if country not in _COUNTRY_KEYS:
            continue
        if tokens[i] in _COUNTRY_NOUNS and i and tokens[i - 1] in _PREPOSITIONS:
            # "the deficit with China rose": the rise is not China's ("on Chinese imports"
            # still names whose imports)
            continue
        j = i + 1
        if j < len(tokens) and tokens[j] == "s":  # "China's" is tokenised "china s"
            j += 1
        # the short noun phrase that follows: "US current account deficit"
        for k in range(j, min(j + 3, len(tokens))):
            if tokens[k] in STOP_WORDS or _is_number(tokens[k]) or keys[k] in _COUNTRY_KEYS:
                break
            found.setdefault(keys[k], set()).add(country)
    return {key: frozenset(countries) for key, countries in found.items()}


_NAME = r"[A-Z][\w'.-]*"
_SPEECH = r"(?:said|says|added|adds|told|stated|states|noted|notes|explained|argued|claimed)"
# The name of whoever is quoted ("Mr Cartagena said", "said Patricio Cartagena",
# "according to Cochilco") says who speaks, not what a figure is about.
_SPEAKER_RES = (
    re.compile(rf"((?:{_NAME}\s+){{0,3}}{_NAME})\s+{_SPEECH}\b"),
    re.compile(rf"\b(?:{_SPEECH}|according\s+to)\s+((?:{_NAME}\s+){{0,3}}{_NAME})"),
)


def _speakers(folded: str) -> frozenset[str]:
    """Keys of the names a text attributes a statement to."""
    found: set[str] = set()
    for pattern in _SPEAKER_RES:
        for match in pattern.finditer(folded):
            found |= _entities(match.group(1))
    return frozenset(found)


@dataclass(frozen=True)
class _Analysis:
    """What scoring needs of one text, computed once."""

    normalized: str
    keys: frozenset[str]
    entities: frozenset[str]
    speakers: frozenset[str]
    years: frozenset[str]
    stated_years: frozenset[str]
    countries: frozenset[str]
    country_qualified: Mapping[str, frozenset[str]]


def _analyse(text: str, *, sentence_starts: bool) -> _Analysis:
    folded = fold_text(text)
    tokens = [
        t.replace(",", "") if t[0].isdigit() else t for t in _TOKEN_RE.findall(folded.lower())
    ]
    keys = frozenset(term_key(t) for t in _content_words(tokens))
    return _Analysis(
        normalized=" ".join(tokens),
        keys=keys,
        entities=frozenset(_entities(folded, sentence_starts=sentence_starts)),
        speakers=_speakers(folded),
        years=frozenset(t for t in tokens if _is_year(t)),
        stated_years=_stated_years(tokens),
        countries=keys & _COUNTRY_KEYS,
        country_qualified=_country_qualified(tokens),
    )


# --------------------------------------------------------------------------- quantities

# canonical unit -> (family, factor to the family's base unit). Only quantities of the
# same family are compared; the currencies form one loose family (see _CURRENCY_TO_USD).
_UNITS: dict[str, tuple[str, float]] = {
    "percent": ("percent", 1.0),
    "percentage_point": ("percentage_point", 1.0),
    "USD": ("currency:USD", 1.0),
    "GBP": ("currency:GBP", 1.0),
    "GBX": ("currency:GBP", 0.01),
    "EUR": ("currency:EUR", 1.0),
    "JPY": ("currency:JPY", 1.0),
    "CNY": ("currency:CNY", 1.0),
    "USD/kg": ("price:USD/kg", 1.0),
    "lb": ("mass", 0.45359237),
    "kg": ("mass", 1.0),
    "tonne": ("mass", 1000.0),
    "kW": ("power", 0.001),
    "MW": ("power", 1.0),
    "GW": ("power", 1000.0),
    "kWh": ("energy", 0.001),
    "MWh": ("energy", 1.0),
    "GWh": ("energy", 1000.0),
    "minute": ("duration", 1.0),
    "hour": ("duration", 60.0),
    "day": ("duration", 1440.0),
    "week": ("duration", 10080.0),
    "month": ("duration", 43829.1),
    "year": ("duration", 525949.2),
    "count": ("count", 1.0),
    # Length (base: metre), area (square metre), volume (litre), speed (km/h).
    "mm": ("length", 0.001),
    "cm": ("length", 0.01),
    "m": ("length", 1.0),
    "km": ("length", 1000.0),
    "inch": ("length", 0.0254),
    "ft": ("length", 0.3048),
    "yard": ("length", 0.9144),
    "mile": ("length", 1609.344),
    "nautical_mile": ("length", 1852.0),
    "m2": ("area", 1.0),
    "sq_ft": ("area", 0.09290304),
    "acre": ("area", 4046.8564224),
    "hectare": ("area", 10000.0),
    "km2": ("area", 1_000_000.0),
    "sq_mile": ("area", 2_589_988.110336),
    "ml": ("volume", 0.001),
    "litre": ("volume", 1.0),
    "gallon": ("volume", 3.785411784),
    "ft3": ("volume", 28.316846592),
    "barrel": ("volume", 158.987294928),
    "m3": ("volume", 1000.0),
    "bcm": ("volume", 1e12),
    "km/h": ("speed", 1.0),
    "mph": ("speed", 1.609344),
    "m/s": ("speed", 3.6),
    "knot": ("speed", 1.852),
    # Temperature scales are not proportional: compared only within one scale.
    "celsius": ("temperature:celsius", 1.0),
    "fahrenheit": ("temperature:fahrenheit", 1.0),
    "degree": ("temperature:degree", 1.0),
}
_BASE_UNIT = {
    "percent": "percent",
    "percentage_point": "percentage_point",
    "mass": "kg",
    "power": "MW",
    "energy": "MWh",
    "duration": "minute",
    "count": "count",
    "length": "m",
    "area": "m2",
    "volume": "litre",
    "speed": "km/h",
}
_UNIT_ALIASES = {
    "%": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage point": "percentage_point",
    "percentage points": "percentage_point",
    "pp": "percentage_point",
    "$": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "£": "GBP",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "pence": "GBX",
    "lbs": "lb",
    "pounds": "lb",
    "kilogram": "kg",
    "kilograms": "kg",
    "tonnes": "tonne",
    "tons": "tonne",
    "ton": "tonne",
    "t": "tonne",
    "megawatt": "MW",
    "megawatts": "MW",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "kilowatt": "kW",
    "kilowatts": "kW",
    "minutes": "minute",
    "hours": "hour",
    "days": "day",
    "weeks": "week",
    "months": "month",
    "years": "year",
    "kilometres": "km",
    "kilometers": "km",
    "miles": "mile",
    "metres": "m",
    "meters": "m",
    "feet": "ft",
    "litres": "litre",
    "liters": "litre",
    "barrels": "barrel",
    "gallons": "gallon",
    "hectares": "hectare",
    "acres": "acre",
    "": "count",
}
# Plausible exchange-rate ranges to USD over recent decades. Amounts in different
# currencies can never be shown to agree, but £56.4bn can be shown not to be $56.4bn.
_CURRENCY_TO_USD = {
    "USD": (1.0, 1.0),
    "GBP": (1.2, 2.1),
    "EUR": (0.8, 1.6),
    "JPY": (0.006, 0.0135),
    "CNY": (0.12, 0.17),
}
# A passage value further than this factor from the claim's is taken to be another
# quantity, not a misreport of the same one ($14.7bn of copper exports against a claim of
# $1.15 trillion of all exports).
MAX_CONFLICT_RATIO = 2.0
# Relative half-width of the value range for "about 50" and for an exact value whose
# written precision is unknown (a number written in words).
ABOUT_TOLERANCE = 0.05
EXACT_TOLERANCE = 0.005
_QUALIFIERS_OPEN_ABOVE = {"more_than", "at_least"}
_QUALIFIERS_OPEN_BELOW = {"less_than", "at_most", "up_to"}


def _canonical_unit(unit: object) -> str | None:
    text = str(unit or "").strip()
    if text in _UNITS:
        return text
    alias = _UNIT_ALIASES.get(text.lower())
    if alias:
        return alias
    for name in _UNITS:
        if name.lower() == text.lower():
            return name
    return None


def _float(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _written_precision(quantity: dict, value: float) -> float | None:
    """Half a unit of the last digit as written ("$1.15 trillion" -> 5e9), if knowable."""
    match = _NUMBER_RE.search(fold_text(str(quantity.get("text") or "")))
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
class _Measure:
    """A quantity converted to its family's base unit, as an interval of possible values."""

    family: str
    unit: str
    noun: str | None
    low: float
    high: float
    low_open: bool
    high_open: bool
    source: dict


def _measure(quantity: dict) -> _Measure | None:
    """Convert a quantity dict into an interval in its family's base unit (or None)."""
    value = _float(quantity.get("value"))
    if value is None:
        return None
    unit = _canonical_unit(quantity.get("unit"))
    if unit is None:
        # a unit this module does not know compares only with the very same unit
        unit = str(quantity.get("unit") or "").strip()
        family, factor = f"other:{unit}", 1.0
    else:
        family, factor = _UNITS[unit]
    qualifier = str(quantity.get("qualifier") or "exact").strip().lower().replace(" ", "_")
    precision = _written_precision(quantity, value)
    value_max = _float(quantity.get("value_max"))
    rounding = precision if precision is not None else EXACT_TOLERANCE * abs(value)
    if qualifier == "about":
        rounding = max(rounding, ABOUT_TOLERANCE * abs(value))
    low, high = value - rounding, value + rounding
    low_open = high_open = False
    if qualifier in _QUALIFIERS_OPEN_ABOVE:
        low, high = value, math.inf
        low_open = qualifier == "more_than"
    elif qualifier in _QUALIFIERS_OPEN_BELOW:
        low, high = (0.0 if qualifier == "up_to" else -math.inf), value
        high_open = qualifier == "less_than"
    elif qualifier == "range" and value_max is not None:
        low, high = value - rounding, value_max + rounding
    noun = quantity.get("noun")
    noun_key = (
        term_key(normalize_text(str(noun)).split()[-1]) if noun and str(noun).strip() else None
    )
    if family == "count" and noun_key is None:
        unit_word = str(quantity.get("unit") or "").strip().lower()
        if unit_word and unit_word not in ("count", "number"):
            noun_key = term_key(unit_word.split()[-1])
    return _Measure(
        family=family,
        unit=unit,
        noun=noun_key,
        low=low * factor,
        high=high * factor,
        low_open=low_open,
        high_open=high_open,
        source=quantity,
    )


def _overlap(a: _Measure, b: _Measure, rate: tuple[float, float] = (1.0, 1.0)) -> bool:
    """Whether two intervals share a value; `rate` scales b's interval into a's unit."""
    b_low = b.low * rate[0] if b.low >= 0 else b.low * rate[1]
    b_high = b.high * rate[1] if b.high >= 0 else b.high * rate[0]
    if a.high < b_low or b_high < a.low:
        return False
    # touching ends only count when both ends are closed ("more than 99" is not 99 at most)
    if a.high == b_low and (a.high_open or b.low_open):
        return False
    return not (b_high == a.low and (b.high_open or a.low_open))


def _distance_ratio(a: _Measure, b: _Measure, rate: tuple[float, float] = (1.0, 1.0)) -> float:
    """How many times apart the nearest values of two disjoint intervals are (1 = touching)."""
    b_low, b_high = b.low * rate[0], b.high * rate[1]
    if a.low > b_high:
        return a.low / b_high if b_high > 0 else math.inf
    if b_low > a.high:
        return b_low / a.high if a.high > 0 else math.inf
    return 1.0


def _comparable(claim: _Measure, passage: _Measure) -> str | None:
    """'same' for one unit family, 'currency' for two currencies, else None."""
    if claim.family.startswith("currency:") and passage.family.startswith("currency:"):
        return "same" if claim.family == passage.family else "currency"
    if claim.family != passage.family:
        return None
    if claim.family == "count" and claim.noun != passage.noun:
        # counts of different things ("40 universities", "50 stages") never compare
        return None
    return "same"


def _currency_rate(claim: _Measure, passage: _Measure) -> tuple[float, float]:
    """Range of factors that turn an amount in the passage's currency into the claim's."""
    c_low, c_high = _CURRENCY_TO_USD.get(claim.family.split(":")[1], (0.0, math.inf))
    p_low, p_high = _CURRENCY_TO_USD.get(passage.family.split(":")[1], (0.0, math.inf))
    if c_high in (0.0, math.inf) or p_high in (0.0, math.inf):
        return (0.0, math.inf)
    return (p_low / c_high, p_high / c_low)


def _describe(measure: _Measure) -> dict:
    q = measure.source
    base_unit = (
        measure.family.split(":", 1)[1] if ":" in measure.family else _BASE_UNIT[measure.family]
    )
    value = _float(q.get("value"))
    factor = _UNITS[measure.unit][1] if measure.unit in _UNITS else 1.0
    return {
        "text": q.get("text"),
        "value": value,
        "unit": q.get("unit"),
        "qualifier": q.get("qualifier") or "exact",
        "converted": None if value is None else round(value * factor, 6),
        "converted_unit": base_unit,
    }


def _context_words(text: str | None, quantity: dict, window: int = 60) -> set[str]:
    """Content-word keys around a quantity in its text (the whole text if it cannot be placed)."""
    if not text:
        return set()
    start, end = quantity.get("start"), quantity.get("end")
    surface = str(quantity.get("text") or "")
    if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == surface):
        found = text.find(surface) if surface else -1
        if found < 0:
            return {term_key(t) for t in claim_terms(text)}
        start, end = found, found + len(surface)
    around = text[max(0, start - window) : end + window]
    return {term_key(t) for t in claim_terms(around)}


def numeric_agreement(
    claim_quantities: Sequence[dict],
    passage_quantities: Sequence[dict],
    *,
    claim_text: str | None = None,
    passage_text: str | None = None,
) -> tuple[str, dict]:
    """Compare a claim's quantities with a passage's: ("agrees" | "conflicts" | "none", detail).

    A claim quantity agrees when some passage quantity of the same unit family can have
    the same value (units converted, qualifiers and rounding of the written number taken
    into account). It conflicts when none can and the passage quantity it must refer to
    is clear: the only one of its kind in the passage, or the one whose surrounding words
    the claim shares. With both texts given, the shared words around the passage's figure
    must include one that says what it measures ("exports", "tax", "stages"), not only a
    year, a country or a direction word. Anything less certain is "none".
    """
    return _numeric_relation(
        _measures(claim_quantities),
        {term_key(t) for t in claim_terms(claim_text or "")},
        _measures(passage_quantities),
        passage_text,
    )


def _measures(quantities: Sequence[dict]) -> list[_Measure]:
    return [m for m in map(_measure, quantities or ()) if m is not None]


def _numeric_relation(
    claim_measures: Sequence[_Measure],
    claim_context: set[str],
    passage_measures: Sequence[_Measure],
    passage_text: str | None,
) -> tuple[str, dict]:
    pairs: list[dict] = []
    relations: list[str] = []
    for cm in claim_measures:
        same = [pm for pm in passage_measures if _comparable(cm, pm) == "same"]
        # amounts in other currencies count only when the passage has none in the claim's
        others = [] if same else [pm for pm in passage_measures if _comparable(cm, pm)]
        if not same and not others:
            continue
        if same:
            compatible = [pm for pm in same if _overlap(cm, pm)]
            if compatible:
                best = _closest(cm, compatible, passage_text, claim_context)
                pairs.append(_pair(cm, best, "agrees"))
                relations.append("agrees")
                continue
            candidates = [pm for pm in same if _distance_ratio(cm, pm) <= MAX_CONFLICT_RATIO]
        else:
            rates = [(pm, _currency_rate(cm, pm)) for pm in others]
            if any(_overlap(cm, pm, rate) for pm, rate in rates):
                # could be the same amount at some exchange rate: nothing to conclude
                continue
            candidates = [
                pm for pm, rate in rates if _distance_ratio(cm, pm, rate) <= MAX_CONFLICT_RATIO
            ]
        if not candidates:
            continue
        best = _closest(cm, candidates, passage_text, claim_context)
        shared = _context_words(passage_text, best.source) & claim_context
        if passage_text and claim_context:
            # with both texts known, the words around the passage's figure must say what it
            # measures as the claim does: a shared year or country alone ("US ... in 2004")
            # does not make "$665.9bn current-account deficit" a figure for US exports
            if len(candidates) == 1 and not _topical(shared):
                shared = {term_key(t) for t in claim_terms(passage_text)} & claim_context
            related = bool(_topical(shared))
        else:
            related = len(candidates) == 1 or bool(shared)
        if related:
            pairs.append(_pair(cm, best, "conflicts", shared))
            relations.append("conflicts")
    if "conflicts" in relations:
        relation = "conflicts"
    elif "agrees" in relations:
        relation = "agrees"
    else:
        relation = "none"
    return relation, {"pairs": pairs}


# Context words that place or rank a figure but do not say what it measures.
_UNTOPICAL = _COUNTRY_KEYS | {
    term_key(word)
    for word in """rise fall reach reached hit hits total totalled totaled amount amounted
    stand stood record level high low new figure figures estimate estimated""".split()
}


def _topical(words: set[str]) -> set[str]:
    """The words of `words` that say what a figure measures (not years, countries, direction)."""
    return {w for w in words if w not in _UNTOPICAL and not _is_year(w)}


def _center(measure: _Measure) -> float:
    """A finite value inside the interval, for measuring how far apart two quantities are."""
    if math.isfinite(measure.low) and math.isfinite(measure.high):
        return (measure.low + measure.high) / 2
    if math.isfinite(measure.low):
        return measure.low
    return measure.high if math.isfinite(measure.high) else 0.0


def _closest(
    claim: _Measure, candidates: Sequence[_Measure], passage_text: str | None, context: set[str]
) -> _Measure:
    """The passage quantity most likely to be about the same thing as the claim's."""

    def key(pm: _Measure) -> tuple:
        shared = len(_context_words(passage_text, pm.source) & context)
        distance = abs(math.log((abs(_center(pm)) + 1e-9) / (abs(_center(claim)) + 1e-9)))
        return (-(pm.noun is not None and pm.noun == claim.noun), -shared, distance)

    return min(candidates, key=key)


def _pair(
    claim: _Measure, passage: _Measure, relation: str, shared: set[str] | None = None
) -> dict:
    pair = {"claim": _describe(claim), "passage": _describe(passage), "relation": relation}
    if shared:
        pair["shared_context"] = sorted(shared)
    return pair


# --------------------------------------------------------------------------- scoring

# Weights of the score's parts; they sum to 1 (numeric agreement comes on top).
W_COVERAGE = 0.55  # rarity-weighted share of the claim's words found in the candidate
W_PRECISION = 0.10  # rarity-weighted share of the candidate's words found in the claim
W_FUZZY = 0.20  # rapidfuzz token_set_ratio of the normalised texts
W_ENTITIES = 0.15  # rarity-weighted share of the claim's names found in the candidate
# A candidate stating the claim's figure is much more likely its source; one stating a
# different figure for the same quantity is still evidence (the claim may be wrong).
BONUS_AGREES = 0.12
BONUS_CONFLICTS = 0.06
# Below this coverage a numeric conflict is more likely a different fact than an error.
# (Paraphrases share few words; whether the figure is about the same thing is checked
# more directly by the words around it, its year and its country, see _conflict_doubt.)
CONFLICT_MIN_COVERAGE = 0.30
# A conflict is only reported for candidates not far behind the best one: a figure in a
# much weaker match is more likely about something else than a contradiction. A source
# restating the claim's figure does not make a second source with another figure for the
# same thing (same year, same subject) less of a conflict, so the margin is wide.
CONFLICT_MAX_BEHIND_BEST = 25.0
# Names count more than other words of the same rarity: they say what a claim is about.
ENTITY_BOOST = 1.5


def _default_weight(term: str, candidate_df: int, n_candidates: int) -> float:
    """Rarity among the candidates themselves, for callers without library statistics."""
    return math.log(1 + (n_candidates + 1) / (candidate_df + 0.5))


def _weights_for(
    terms: Sequence[str],
    keys: Sequence[str],
    candidate_keys: Sequence[set[str]],
    term_weights: Mapping[str, float] | None,
) -> dict[str, float]:
    """Weight per claim term key: library weights when given, else rarity among candidates."""
    weights: dict[str, float] = {}
    n = len(candidate_keys)
    for term, key in zip(terms, keys, strict=True):
        if term_weights is not None and (term in term_weights or key in term_weights):
            weight = term_weights.get(term, term_weights.get(key, 0.0))
        else:
            df = sum(1 for ck in candidate_keys if key in ck)
            weight = _default_weight(term, df, max(n, 1))
        weights[key] = max(weights.get(key, 0.0), float(weight))
    return weights


def score_candidates(
    claim_text: str,
    claim_quantities: Sequence[dict],
    candidates: Sequence[PassageText],
    *,
    term_weights: Mapping[str, float] | None = None,
    limit: int = 10,
    min_score: float = 0.0,
) -> list[ScoredMatch]:
    """Rank candidates for a claim, best first (ties by id); scores in [0, 100].

    `term_weights` maps the claim's words (see `claim_terms`) to their rarity in the
    library (`sources.search.term_weights`); without it, rarity among the candidates is
    used. Words the weights give 0 (stop words of the library) do not count.
    """
    terms = claim_terms(claim_text)
    keys = [term_key(t) for t in terms]
    claim = _analyse(claim_text, sentence_starts=True)
    claim_entities = set(claim.entities)
    claim_measures = _measures(claim_quantities)
    claim_context = set(keys)
    prepared = [(c, _analyse(c.text, sentence_starts=False)) for c in candidates]
    weights = _weights_for(terms, keys, [a.keys for _, a in prepared], term_weights)
    for key in claim_entities & weights.keys():
        weights[key] *= ENTITY_BOOST
    total_weight = sum(weights.values())
    typical_weight = total_weight / len(weights) if weights else 1.0
    entity_weights = {e: weights.get(e, typical_weight) for e in claim_entities}
    entity_total = sum(entity_weights.values())
    scored: list[tuple[float, str, int, dict]] = []
    for candidate, p in prepared:
        shared = [k for k in weights if k in p.keys]
        shared_weight = sum(weights[k] for k in shared)
        coverage = shared_weight / total_weight if total_weight else 0.0
        # the candidate's own words outside the claim count like typical claim words at
        # half weight, so a long passage that merely contains the claim's words scores lower
        extra = len(p.keys - weights.keys())
        precision = (
            shared_weight / (shared_weight + 0.5 * typical_weight * extra) if shared_weight else 0.0
        )
        fuzzy = (
            fuzz.token_set_ratio(claim.normalized, p.normalized) / 100.0
            if claim.normalized
            else 0.0
        )
        found = claim_entities & (p.keys | p.entities)
        if claim_entities:
            entities = sum(entity_weights[e] for e in found) / entity_total
        else:
            entities = coverage
        base = (
            W_COVERAGE * coverage
            + W_PRECISION * precision
            + W_FUZZY * fuzzy
            + W_ENTITIES * entities
        )
        if claim_measures and candidate.quantities:
            numeric, numeric_detail = _numeric_relation(
                claim_measures, claim_context, _measures(candidate.quantities), candidate.text
            )
        else:
            numeric, numeric_detail = "none", {"pairs": []}
        if numeric == "conflicts":
            doubt = _conflict_doubt(claim, p, coverage, found)
            if doubt:
                numeric_detail = {**numeric_detail, "ignored": doubt}
                numeric = "none"
        detail = {
            "numeric": numeric_detail,
            "coverage": round(coverage, 3),
            "precision": round(precision, 3),
            "fuzzy": round(fuzzy, 3),
            "entities": round(entities, 3),
            "shared_terms": sorted(shared),
            "missing_entities": sorted(claim_entities - found),
        }
        scored.append((base, numeric, candidate.id, detail, p.stated_years))
    best = max((_final_score(base, numeric) for base, numeric, *_ in scored), default=0.0)
    claim_years = claim.stated_years or _years_of_best_agreement(scored)
    results: list[ScoredMatch] = []
    for base, numeric, candidate_id, detail, years in scored:
        doubt = None
        if numeric == "conflicts":
            if _final_score(base, numeric) < best - CONFLICT_MAX_BEHIND_BEST:
                doubt = "a much weaker match"
            elif not claim.stated_years and claim_years and years and not claim_years & years:
                doubt = (
                    f"the claim's figure is stated for {', '.join(sorted(claim_years))} "
                    "by a better match"
                )
        if doubt:
            detail = {**detail, "numeric": {**detail["numeric"], "ignored": doubt}}
            numeric = "none"
        score = _final_score(base, numeric)
        if score >= min_score:
            results.append(ScoredMatch(candidate_id, score, numeric, detail))
    results.sort(key=lambda m: (-m.score, m.passage_id))
    return results[:limit]


def _conflict_doubt(
    claim: _Analysis, passage: _Analysis, coverage: float, found: set[str]
) -> str | None:
    """Why a numeric conflict may be about another thing than the claim's figure, if it may.

    A conflict needs the candidate to be about the same thing: close enough in wording, not
    naming only other subjects (the person quoted, "said Mr Smith", is no subject), not
    giving the figure of another country ("China's exports" for "exports", "US exports"),
    and stating its figure for the claim's year (years it only compares with, "up 5% from
    2003", do not count).
    """
    if coverage < CONFLICT_MIN_COVERAGE:
        return "the texts are too different"
    subjects = claim.entities - claim.speakers
    if subjects and passage.entities and not subjects & found:
        return "the texts name other subjects"
    for key in sorted(claim.keys & passage.keys):
        countries = passage.country_qualified.get(key, frozenset())
        if countries and not countries & claim.countries:
            return (
                f"the passage's figure is for another country's '{key}' "
                f"({', '.join(sorted(countries))})"
            )
    if claim.stated_years and passage.stated_years:
        if not claim.stated_years & passage.stated_years:
            return (
                f"the texts are about other years (claim {', '.join(sorted(claim.stated_years))}"
                f", passage {', '.join(sorted(passage.stated_years))})"
            )
    return None


def _years_of_best_agreement(scored: Sequence[tuple]) -> frozenset[str]:
    """The years stated by the best candidate that agrees with the claim's figures.

    A claim that states no year ("The deficit with China was $162bn") is taken to be about
    the year of the passage that states its very figure; a passage giving another figure
    for another year is then an earlier or later value, not a contradiction.
    """
    agreeing = [
        (_final_score(base, numeric), years)
        for base, numeric, _, _, years in scored
        if numeric == "agrees" and years
    ]
    return max(agreeing, key=lambda item: item[0])[1] if agreeing else frozenset()


def _final_score(base: float, numeric: str) -> float:
    bonus = {"agrees": BONUS_AGREES, "conflicts": BONUS_CONFLICTS}.get(numeric, 0.0)
    return round(100.0 * min(1.0, base + bonus), 2)


def bm25_weight(document_frequency: int, passages: int) -> float:
    """BM25's inverse document frequency, never negative."""
    return math.log(1.0 + (passages - document_frequency + 0.5) / (document_frequency + 0.5))


def iter_terms(texts: Iterable[str]) -> Iterable[set[str]]:
    """The set of term keys of each text (for computing document frequencies in Python)."""
    for text in texts:
        yield {term_key(t) for t in claim_terms(text)}
