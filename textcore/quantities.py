"""Quantities in news text: numbers with their unit, dimension and qualifier.

The parser finds every number written in digits ("5.5", "1,200"), in words ("ninety",
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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import units
from .lexicon import NUMBER_WORDS, SCALE_WORDS, TENS_WORDS

__all__ = ["Quantity", "parse_quantities", "parse_years", "producible_units"]


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


# ----------------------------------------------------------------------------- word lists

_SMALL = NUMBER_WORDS
_TENS = TENS_WORDS
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_SCALES = SCALE_WORDS
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_WORD_UNIT = "|".join(sorted(_SMALL, key=len, reverse=True))
_WORD_TENS = "|".join(_TENS)
# "ninety", "twenty-five", "two hundred", "a hundred and fifty"
_WORD_NUMBER = (
    rf"(?:(?:{_WORD_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_WORD_UNIT}|a)"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?(?:(?:{_WORD_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|{_WORD_UNIT}))?)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_FRACTION = (
    r"(?:a|one|two|three|four|five|seven|nine)[- ](?:half|halves|thirds?|quarters?|fifths?|"
    r"sixths?|eighths?|tenths?)"
)
_NUMBER_RE = re.compile(
    rf"(?<![\w.,:/])(?:(?P<frac>{_FRACTION})\b|(?P<digits>{_DIGITS})(?![\d]|[.,]\d)|(?P<words>{_WORD_NUMBER})\b)",
    re.IGNORECASE,
)

# Currency written before the number.
_CURRENCY_PREFIX = re.compile(
    r"(?P<cur>US\$|U\.S\.\$|A\$|AU\$|C\$|CA\$|HK\$|NZ\$|S\$|R\$|\$|£|€|¥|₹|"
    r"\b(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|HKD|AUD|CAD|Rs\.?)|"
    r"\b(?:(?:US|Australian|Canadian|Hong Kong|New Zealand|Singapore)\s)?dollars?|\beuros?|"
    r"\bSwiss\sfrancs?)\s?$",
    re.IGNORECASE,
)
_PREFIX_UNITS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "£": "GBP",
    "€": "EUR", "¥": "JPY", "₹": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP",
    "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "Rs": "INR", "Rs.": "INR", "CHF": "CHF",
    "HKD": "HKD", "AUD": "AUD", "CAD": "CAD", "dollar": "USD", "dollars": "USD",
    "us dollar": "USD", "us dollars": "USD", "australian dollar": "AUD",
    "australian dollars": "AUD", "canadian dollar": "CAD", "canadian dollars": "CAD",
    "hong kong dollar": "HKD", "hong kong dollars": "HKD", "new zealand dollar": "NZD",
    "new zealand dollars": "NZD", "singapore dollar": "SGD", "singapore dollars": "SGD",
    "euro": "EUR", "euros": "EUR", "swiss franc": "CHF", "swiss francs": "CHF",
}  # fmt: skip


_CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "HKD", "AUD", "CAD")
_CURRENCY_WORD_ENDINGS = ("dollar", "dollars", "euro", "euros", "franc", "francs", "rs", "rs.")


def _currency_before(before: str) -> re.Match | None:
    """A currency written right before a number, if any (cheap checks first)."""
    tail = before.rstrip()
    if not tail:
        return None
    if (
        tail[-1] in "$£€¥₹"
        or tail[-3:].upper() in _CURRENCY_CODES
        or tail.lower().endswith(_CURRENCY_WORD_ENDINGS)
    ):
        return _CURRENCY_PREFIX.search(before)
    return None


def _prefix_unit(written: str) -> str:
    """Currency code of a currency written before a number ("HK$", "Australian dollar")."""
    key = re.sub(r"\s+", " ", written)
    return (
        _PREFIX_UNITS.get(key)
        or _PREFIX_UNITS.get(key.lower())
        or _PREFIX_UNITS.get(key.upper(), "USD")
    )


# Qualifiers written just before the number (or its currency sign); longest first.
_QUALIFIER_WORDS = [
    ("at_least", "at least|no less than|no fewer than|a minimum of|minimum of|not less than"),
    ("up_to", "up to a maximum of|up to a total of|up to"),
    (
        "at_most",
        "at most|no more than|not more than|(?:a )?maximum(?: [a-z]+)? of|no greater than|"
        "within|no longer than",
    ),
    ("up_to", "as much as|as many as|as high as|as large as|as long as|as big as"),
    ("less_than", "less than|fewer than|lower than|shorter than|just under|under|below|shy of"),
    (
        "more_than",
        "more than|greater than|higher than|longer than|in excess of|upwards of|just over|over|"
        "above|exceeding",
    ),
    (
        "about",
        "about|around|approximately|approx\\.|roughly|nearly|near|almost|close to|some|"
        "an estimated|estimated|circa|~",
    ),
]
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“‘]))(?:"
    + "|".join(f"(?P<{name}{i}>{words})" for i, (name, words) in enumerate(_QUALIFIER_WORDS))
    + r")\s*$",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(r"(?:^|\s)(?:between|from)\s+$", re.IGNORECASE)

_SCALE_RE = re.compile(
    r"^(?:(?P<attached>bn|mn|mln|bln|m|k|tn|trn)\b|\s+(?P<word>thousand|million|billion|trillion|"
    r"bn|mn|mln|bln|tn|trn)\b)",
    re.IGNORECASE,
)

# Units written after the number: (regex, canonical unit); the dimension is the unit's in
# the registry (`textcore.units`). Order matters: longer first.
_UNIT_TABLE: list[tuple[str, str]] = [
    (r"\s?%|\s?per\s?cent\b|\s?percent\b|\s?pct\b|\s?pc\b", "percent"),
    (r"\s?percentage[- ]points?\b|\s?ppts?\b|\s?pp\b", "percentage_point"),
    (r"\s?basis[- ]points?\b|\s?bps\b", "basis_point"),
    (r"\s?(?:Australian|Aus) dollars?\b", "AUD"),
    (r"\s?(?:Hong Kong|HK) dollars?\b", "HKD"),
    (r"\s?Canadian dollars?\b", "CAD"),
    (r"\s?(?:US |U\.S\. )?dollars?\b", "USD"),
    (r"\s?euro ?cents?\b", "EUR_cent"),
    (r"\s?cents?\b", "USD_cent"),
    (r"\s?euros?\b", "EUR"),
    (r"\s?(?:Swiss )?francs?\b", "CHF"),
    (r"\s?pounds? sterling\b|\s?sterling\b", "GBP"),
    (r"\s?yen\b", "JPY"),
    (r"\s?(?:yuan|renminbi)\b", "CNY"),
    (r"\s?pence\b|p\b(?!\.\w)", "GBX"),
    (r"\s?pounds?\b", "pound"),  # resolved to lb or GBP by context
    (r"\s?(?:lbs?|lb\.)(?!\w)", "lb"),
    (r"\s?(?:kgs?|kilograms?|kilos?)\b", "kg"),
    (r"\s?(?:metric )?(?:tonnes?|tons?)\b|\s?t\b(?![.'’])|\s?mt\b", "tonne"),
    (r"\s?(?:grams?|g)\b(?!\.\w)", "g"),
    (r"\s?(?:ounces?|oz)\b", "oz"),
    (r"\s?(?:MWh|megawatt[- ]hours?)\b", "MWh"),
    (r"\s?(?:GWh|gigawatt[- ]hours?)\b", "GWh"),
    (r"\s?(?:kWh|kilowatt[- ]hours?)\b", "kWh"),
    (r"\s?(?:TWh|terawatt[- ]hours?)\b", "TWh"),
    (r"\s?(?:MW|megawatts?)\b", "MW"),
    (r"\s?(?:GW|gigawatts?)\b", "GW"),
    (r"\s?(?:kW|kilowatts?)\b", "kW"),
    (r"\s?(?:TW|terawatts?)\b", "TW"),
    (r"\s?watts?\b", "W"),
    # speeds before the lengths they are written with
    (r"\s?(?:km/h|kmh|kph|kmph)(?!\w)|\s?kilomet(?:re|er)s? (?:per|an|a) hour\b", "km/h"),
    (r"\s?mph\b|\s?miles? (?:per|an|a) hour\b", "mph"),
    (r"\s?(?:m/s)(?!\w)|\s?met(?:re|er)s? (?:per|a) second\b", "m/s"),
    (r"\s?knots?\b", "knot"),
    # areas and volumes before plain lengths ("square kilometres", "cubic metres")
    (r"\s?(?:km2|km²|sq\.? ?km|square kilomet(?:re|er)s?)(?!\w)", "km2"),
    (r"\s?(?:square miles?|sq\.? ?mi(?:les?)?)\b", "sq_mile"),
    (r"\s?(?:sq\.? ?ft|square f(?:ee|oo)t)\b", "sq_ft"),
    (r"\s?(?:m2|m²|sq\.? ?m|square met(?:re|er)s?)(?!\w)", "m2"),
    (r"\s?(?:hectares?|ha)\b", "hectare"),
    (r"\s?acres?\b", "acre"),
    (r"\s?(?:m3|m³|cubic met(?:re|er)s?)(?!\w)", "m3"),
    (r"\s?cubic f(?:ee|oo)t\b", "ft3"),
    (r"\s?(?:millilit(?:re|er)s?|ml)\b", "ml"),
    (r"\s?(?:lit(?:re|er)s?|ltrs?)\b", "litre"),
    (r"\s?(?:barrels? (?:per|a) day|bpd|b/d)\b", "barrel/day"),
    (r"\s?(?:barrels?|bbls?)\b", "barrel"),
    # data sizes
    (r"\s?(?:TB|terabytes?)\b", "TB"),
    (r"\s?(?:GB|gigabytes?)\b", "GB"),
    (r"\s?(?:MB|megabytes?)\b", "MB"),
    (r"\s?bcm\b", "bcm"),  # billion cubic metres
    (r"\s?gallons?\b", "gallon"),
    # lengths ("m" alone is read in context: see _metres_or_million)
    (r"\s?(?:km|kilomet(?:re|er)s?|kms)\b", "km"),
    (r"\s?(?:cm|centimet(?:re|er)s?)\b", "cm"),
    (r"\s?(?:mm|millimet(?:re|er)s?)\b", "mm"),
    (r"\s?(?:nautical miles?|nmi)\b", "nautical_mile"),
    (r"\s?miles?\b", "mile"),
    (r"\s?met(?:re|er)s?\b", "m"),
    (r"\s?(?:feet|foot|ft)\b", "ft"),
    (r"\s?inch(?:es)?\b", "inch"),
    (r"\s?(?:yards?|yds?)\b", "yard"),
    # temperatures; bare "degrees" is read in context
    (r"\s?(?:°\s?C\b|degrees? (?:celsius|centigrade|C\b)|celsius\b)", "celsius"),
    (r"\s?(?:°\s?F\b|degrees? (?:fahrenheit|F\b)|fahrenheit\b)", "fahrenheit"),
    (r"\s?(?:degrees?\b|°)", "degree"),
    (r"\s?(?:minutes?|mins?)\b", "minute"),
    (r"\s?(?:hours?|hrs?)\b", "hour"),
    (r"\s?days?\b", "day"),
    (r"\s?weeks?\b", "week"),
    (r"\s?months?\b", "month"),
    (r"\s?(?:years?|yrs?)\b", "year"),
    (r"\s?decades?\b", "decade"),
    (r"\s?seconds\b", "second"),
]
# Case matters for a few short units ("MW" is not "mw" in prose, "t" is not "T").
_CASE_SENSITIVE_UNITS = {"MWh", "GWh", "kWh", "TWh", "MW", "GW", "kW", "TW", "TB", "GB", "MB"}
# "pounds" is a mass or money, resolved by context (see _resolve_pound).
_UNRESOLVED_POUND = "pound"


def _dimension(unit: str) -> str:
    return "mass" if unit == _UNRESOLVED_POUND else units.find(unit).dimension


_UNIT_RES = [
    (
        re.compile("^(?:" + pattern + ")", 0 if unit in _CASE_SENSITIVE_UNITS else re.IGNORECASE),
        unit,
        _dimension(unit),
    )
    for pattern, unit in _UNIT_TABLE
]
# The power units also have lower-case spelled-out forms; "1.5C" and "98F" are temperatures
# only with the capital letter.
_UNIT_RES += [
    (re.compile(r"^\s?(?:megawatts?)\b", re.IGNORECASE), "MW", "power"),
    (re.compile(r"^\s?(?:gigawatts?)\b", re.IGNORECASE), "GW", "power"),
    (re.compile(r"^C\b(?![.'’]\w)"), "celsius", "temperature"),
    (re.compile(r"^F\b(?![.'’]\w)"), "fahrenheit", "temperature"),
]
# Words that make a bare "degrees" a temperature (otherwise an angle).
_TEMPERATURE_CONTEXT = re.compile(
    r"\b(?:temperatures?|heat|heatwave|hot|hotter|hottest|cold|colder|coldest|warm|warmer|"
    r"warmest|warming|cool|cooler|freez\w*|frost|thermometers?|fever|degrees? of warming|"
    r"climate|weather|celsius|fahrenheit)\b",
    re.IGNORECASE,
)
# "300m tall", "a 100m sprint": after a bare "m" these make it metres, not millions.
_METRE_CUE = re.compile(
    r"^(?:-|\s+)(?:tall|high|long|deep|wide|thick|away|above|below|beneath|under|underground|"
    r"underwater|off|across|in (?:length|height|depth|diameter|width)|sprint|race|hurdles|"
    r"freestyle|breaststroke|backstroke|butterfly|medley|relay|dash|final|record|"
    r"from (?:the )?(?:shore|coast|surface|ground|summit|top|bottom|edge))\b",
    re.IGNORECASE,
)
# Adjective compounds: "a 16-year high", "a ninety-minute call", "a 5-megawatt turbine".
_COMPOUND_UNITS = {
    "minute": "minute", "hour": "hour", "day": "day",
    "week": "week", "month": "month", "year": "year",
    "decade": "decade", "second": "second",
    "percent": "percent", "per-cent": "percent",
    "kilometre": "km", "kilometer": "km", "km": "km",
    "metre": "m", "meter": "m", "mile": "mile",
    "foot": "ft", "feet": "ft", "inch": "inch",
    "yard": "yard", "centimetre": "cm", "millimetre": "mm",
    "hectare": "hectare", "acre": "acre", "litre": "litre",
    "liter": "litre", "gallon": "gallon", "barrel": "barrel",
    "degree": "degree",
    "tonne": "tonne", "ton": "tonne", "kilogram": "kg",
    "pound": "lb", "megawatt": "MW", "gigawatt": "GW",
    "kilowatt": "kW", "watt": "W", "euro": "EUR", "dollar": "USD",
}  # fmt: skip
_COMPOUND_RE = re.compile(r"^-(?P<word>[a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)
_PER_RE = re.compile(
    r"^\s?(?:/|\s?per\s|\s?a\s)\s?(?P<per>kg|kilogram|kilo|tonne|ton|t|lb|pound|barrel|ounce|oz|"
    r"mwh|kwh|gallon|litre|liter|share|head|person|hour|day|month|year)\b"
    r"(?!\s+(?:earlier|ago|before|later|previously))",
    re.IGNORECASE,
)
_PER_UNITS = {
    "kg": "kg", "kilogram": "kg", "kilo": "kg", "tonne": "tonne", "ton": "tonne", "t": "tonne",
    "lb": "lb", "pound": "lb", "barrel": "barrel", "ounce": "oz", "oz": "oz", "mwh": "MWh",
    "kwh": "kWh", "gallon": "gallon", "litre": "litre", "liter": "litre", "share": "share",
    "head": "person", "person": "person", "hour": "hour", "day": "day", "month": "month",
    "year": "year",
}  # fmt: skip


def producible_units() -> frozenset[tuple[str, str]]:
    """Every (unit, dimension) `parse_quantities` can write; each is in the unit registry."""
    read = {unit for _, unit in _UNIT_TABLE} | set(_COMPOUND_UNITS.values())
    # "pounds" is read as lb or GBP, basis points as percentage points, bcm as cubic metres
    read = read - {_UNRESOLVED_POUND, "basis_point", "bcm"} | {"lb", "GBP", "count"}
    pairs = {(unit, _dimension(unit)) for unit in read} | {("degree", "angle")}
    currencies = {unit for unit, dimension in pairs if dimension == "currency"}
    currencies |= set(_PREFIX_UNITS.values())
    pairs |= {(currency, "currency") for currency in currencies}
    pairs |= {(f"{c}/{per}", "price") for c in currencies for per in _PER_UNITS.values()}
    return frozenset(pairs)


# Words that make "pounds" money rather than weight.
_MONEY_CONTEXT = re.compile(
    r"\b(?:cost|costs|costing|spend|spent|spending|pay|paid|pays|worth|price[sd]?|fine[sd]?|"
    r"salar(?:y|ies)|wages?|budget|funds?|funding|invest(?:ed|ment|ing)?|raised?|bill|tax(?:es)?|"
    r"profits?|revenues?|earn(?:ed|ings|s)?|sold|sell|bought|buy|loans?|debts?|deal|grant|"
    r"bonus|donat(?:e|ed|ion)|compensation|fee|fees|charged?)\b",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b\.?", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+(?:the\s+)?$", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?::\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|ET\b|EST\b|CET\b))")
_YEAR_BEFORE = re.compile(
    rf"\b(?:in|since|by|until|till|from|to|of|during|before|after|early|late|mid|year|"
    rf"fiscal|through|between|and|{_MONTHS})[\s-]+$",
    re.IGNORECASE,
)
# Words after a bare number that end the counted-noun phrase.
_NOUN_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "can", "could", "may", "might", "than", "as", "per", "each",
    "this", "these", "those", "its", "their", "his", "her", "it", "they", "we", "he", "she",
    "not", "so", "if", "into", "over", "under", "after", "before", "since", "during",
    "between", "about", "across", "up", "down", "out", "off", "more", "less", "times",
    "percent", "also", "only", "just", "ago", "earlier", "later", "apiece",
}  # fmt: skip
_IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "staff", "police", "cattle", "sheep", "fish",
    "aircraft", "personnel", "livestock", "deer", "teeth", "feet", "mice", "crew", "data",
}  # fmt: skip
# A capitalised word right before a number usually names a thing ("Boeing 737", "Article 5").
_NAME_BEFORE = re.compile(r"(?:^|\s)(?P<word>[A-Z][A-Za-z]*\.?)\s$")
_FUNCTION_CAPS = {
    "About", "Over", "Some", "Nearly", "Almost", "Around", "More", "Less", "Fewer", "Up",
    "At", "Between", "In", "By", "Of", "To", "From", "The", "A", "An", "Only", "Just",
    "Roughly", "Approximately", "Exactly", "Under", "Below", "Above", "All",
    "And", "But", "For", "With", "Another", "Those", "These", "Its", "Their", "Our", "His",
    "Her", "Since", "After", "Before", "During", "Until", "Near", "Than", "Estimated", "On", "Within", "Every", "Each", "Last", "First",
}  # fmt: skip
_RANGE_SEP = re.compile(r"\s?(?:-|–|—|to)\s?", re.IGNORECASE)
_AND_SEP = re.compile(r"\s+and\s+|\s?[-–]\s?", re.IGNORECASE)
_CHANGE_BEFORE_RANGE = re.compile(
    r"\b(?:by|rose|fell|lifted|raised|cut|lowered|grew|increased|decreased|dropped|climbed|"
    r"jumped|up|down|lead|leads|led)\s+(?:[a-z]+\s+){0,3}(?:[A-Z$£€]{0,3}\s?)?$",
    re.IGNORECASE,
)
_AFTER_QUALIFIER = re.compile(
    r"^(?:\s+or\s+(?P<or>more|less|fewer|so|above|over)\b|(?P<plus>\+|-plus\b))"
)
_ADJECTIVE_GAP = re.compile(r",?\s+(?!and\b|or\b|of\b|the\b)[a-z]+(?:-[a-z]+)?,?(?=\s)")
_WORD_RE = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")


@dataclass
class _Number:
    """A number as found, before its unit is known."""

    start: int
    end: int
    value: float
    kind: str  # digits, words, frac
    raw: str


def _words_value(raw: str) -> float | None:
    """Value of a number written in words ("twenty-five", "two hundred and ten")."""
    total = 0.0
    current = 0.0
    for word in re.split(r"[\s-]+", raw.lower()):
        if word == "and":
            continue
        if word == "a":
            current += 1
        elif word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            return None
    return total + current


def _find_numbers(text: str) -> list[_Number]:
    """Every number in the text, in order."""
    found: list[_Number] = []
    for match in _NUMBER_RE.finditer(text):
        raw = match.group(0)
        if match.group("digits"):
            try:
                value = float(raw.replace(",", ""))
            except ValueError:
                continue
            found.append(_Number(match.start(), match.end(), value, "digits", raw))
        elif match.group("frac"):
            parts = re.split(r"[\s-]+", raw.lower())
            numerator = 1.0 if parts[0] in ("a", "one") else float(_SMALL.get(parts[0], 1))
            denominator = _DENOMINATORS[parts[-1]]
            found.append(
                _Number(match.start(), match.end(), numerator / denominator * 100, "frac", raw)
            )
        else:
            value = _words_value(raw)
            if value is None:
                continue
            found.append(_Number(match.start(), match.end(), value, "words", raw))
    return found


def _is_year(text: str, number: _Number, after: str) -> bool:
    """A four-digit year such as "2004" in "in 2004" or "2003's imbalance"."""
    if number.kind != "digits" or not re.fullmatch(r"\d{4}", number.raw):
        return False
    if not 1800 <= number.value <= 2100:
        return False
    if _match_unit(after) is not None or _SCALE_RE.match(after):
        return False
    before = text[max(0, number.start - 30) : number.start]
    if _currency_before(before):
        return False
    if _YEAR_BEFORE.search(before):
        return True
    # "2,000 people" carries a comma; "2000 people" is ambiguous, so a plural noun wins.
    noun, _ = _counted_noun(after)
    return not noun


def parse_years(text: str) -> tuple[int, ...]:
    """Years mentioned in the text ("in 2004", "2003's", "June 2025"), unique, in order."""
    years: list[int] = []
    for number in _find_numbers(text):
        after = text[number.end : number.end + 40]
        if _is_year(text, number, after) and int(number.value) not in years:
            years.append(int(number.value))
    return tuple(years)


def _match_unit(after: str) -> tuple[str, str, int] | None:
    """(unit, dimension, length) of a unit written at the start of `after`."""
    for regex, unit, dimension in _UNIT_RES:
        match = regex.match(after)
        if match:
            return unit, dimension, match.end()
    return None


def _counted_noun(after: str) -> tuple[str, int]:
    """The noun phrase counted by a bare number ("universities", "power stations") and its length."""
    words: list[str] = []
    end = 0
    pos = 0
    for _ in range(3):
        match = _WORD_RE.match(after, pos)
        if not match:
            break
        word = match.group(1)
        if word.lower() in _NOUN_STOP or not word[0].islower():
            break
        words.append(word)
        pos = match.end()
        lowered = word.lower().rstrip("'’")
        if lowered in _IRREGULAR_PLURALS or (lowered.endswith("s") and not lowered.endswith("ss")):
            end = pos
            return " ".join(words), end
    return "", 0


def _resolve_pound(text: str, start: int, after_end: int, scaled: bool) -> str:
    """ "pounds" is money after a scale word or near money words, otherwise weight."""
    window = text[max(0, start - 60) : after_end + 30]
    following = text[after_end : after_end + 30]
    if re.match(
        r"^\s+of\s+(?:[a-z-]+\s+){0,2}(?:magnets?|metal|meat|beef|steel|gold|weight)", following
    ):
        return "lb"
    if scaled or _MONEY_CONTEXT.search(window):
        return "GBP"
    return "lb"


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier ending right before `start` and where it begins (or exact, start)."""
    before = text[max(0, start - 40) : start]
    match = _QUALIFIER_RE.search(before)
    if not match:
        return "exact", start
    for i, (name, _) in enumerate(_QUALIFIER_WORDS):
        if match.group(f"{name}{i}"):
            return name, start - (len(before) - match.start(f"{name}{i}"))
    return "exact", start


def _skip_number(text: str, number: _Number, after: str) -> bool:
    """Numbers that are not quantities: dates, times, ordinals, model names, list markers."""
    before = text[max(0, number.start - 20) : number.start]
    if number.kind == "digits":
        if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after):
            return True
        if _DATE_AFTER.match(after) or _DATE_BEFORE.search(before):
            return True
        # "F-35", "COVID-19", "G7", "3D": part of a name
        if re.search(r"[A-Za-z]-?$", before) and not _currency_before(before):
            return True
        if re.match(r"^[A-Za-z]", after) and not (_SCALE_RE.match(after) or _match_unit(after)):
            return True
        name = _NAME_BEFORE.search(before)
        if (
            name
            and name.group("word") not in _FUNCTION_CAPS
            and not _currency_before(before)
            and not _match_unit(after)
        ):
            return True
    return False


_SMALL_WORDS = "|".join(list(_SMALL) + list(_TENS))
_COUNT_WORD = rf"(?:\d+|{_SMALL_WORDS})"
# "one in five", "nine out of 10": a share, read as a percentage
_ONE_IN_RE = re.compile(
    rf"\s(?:in|out\s+of)\s+(?P<m>{_COUNT_WORD})\b(?!\s*(?:%|per|years?\b))", re.IGNORECASE
)
_ONE_IN_BEFORE = re.compile(rf"\b(?P<n>{_COUNT_WORD})$", re.IGNORECASE)
_PHRASE_UNITS = {
    "trillion": (1e12, "", ""), "billion": (1e9, "", ""), "million": (1e6, "", ""),
    "thousand": (1e3, "", ""), "century": (100, "year", "duration"),
    "decade": (10, "year", "duration"), "year": (1, "year", "duration"),
    "month": (1, "month", "duration"), "week": (1, "week", "duration"),
    "day": (1, "day", "duration"), "hour": (1, "hour", "duration"),
    "percentage point": (1, "percentage_point", "ratio"),
}  # fmt: skip
_PHRASE_UNIT = (
    "trillion|billion|million|thousand|century|decade|year|month|week|day|hour|percentage point"
)
_PHRASE_CURRENCY = {"dollars": "USD", "pounds": "GBP", "euros": "EUR", "yen": "JPY"}
# "a quarter of a billion dollars", "half a year", "three-quarters of a percentage point"
_FRACTION_OF_RE = re.compile(
    rf"\b(?P<frac>(?:a|one|two|three|four)[- ](?:half|third|quarter|fifth|tenth)s?|half)"
    rf"(?:\s+of)?\s+an?\s+(?P<unit>{_PHRASE_UNIT})\b"
    r"(?:\s+(?P<cur>dollars|pounds|euros|yen)\b)?",
    re.IGNORECASE,
)
# "a decade", "a year and a half", "a couple of months": durations with no digits
_ARTICLE_DURATION_RE = re.compile(
    r"\b(?:than|within|for|about|nearly|almost|around|over|under|last|past|least|some|in)"
    r"\s+(?P<what>an?\s+(?P<unit>century|decade|year|month|week)(?P<half>\s+and\s+a\s+half)?)\b"
    r"|\b(?P<couple>a\s+couple\s+of\s+(?P<cunit>[a-z]+))",
    re.IGNORECASE,
)
# "half the population", "nearly half", "more than half of": a share of 50%
_HALF_RE = re.compile(
    r"(?<![\w-])half\b(?=\s+(?:of|the|its|their|his|her|our|all|as|them|those|these)\b|\s*[,.;)])",
    re.IGNORECASE,
)
_DOZEN_RE = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+dozen\b",
    re.IGNORECASE,
)
_MAJORITY_RE = re.compile(r"\ba\s+majority\b", re.IGNORECASE)
# "fourfold", "a tenfold rise", "a 3-fold increase"
_FOLD_RE = re.compile(rf"\b(?P<n>\d+|{_SMALL_WORDS})-?fold\b", re.IGNORECASE)
# "one point three per cent"
_WORD_DECIMAL_RE = re.compile(
    rf"\b(?P<i>{_SMALL_WORDS}|zero)\s+point\s+(?P<d>{'|'.join(_SMALL)})\b", re.IGNORECASE
)


def _word_or_digits(raw: str) -> float | None:
    raw = raw.strip().lower()
    if raw.isdigit():
        return float(raw)
    return _words_value(raw)


def _phrase_quantities(text: str) -> list[Quantity]:
    """Quantities written in phrases rather than as a number and a unit."""
    found: list[Quantity] = []

    def add(start: int, end: int, value: float, unit: str, dimension: str, **extra) -> None:
        qualifier, q_start = _qualifier_before(text, start)
        if extra.get("qualifier"):
            qualifier = extra.pop("qualifier")
        found.append(
            Quantity(
                text=text[q_start:end], value=round(value, 4), unit=unit, dimension=dimension,
                qualifier=qualifier, start=q_start, end=end, noun=extra.get("noun", ""),
            )
        )  # fmt: skip

    lowered = text.lower()
    for match in _ONE_IN_RE.finditer(text):
        before = _ONE_IN_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if before is None:
            continue
        n, m = _word_or_digits(before.group("n")), _word_or_digits(match.group("m"))
        if n is not None and m and 0 < n < m and not _is_year_digits(match.group("m")):
            add(before.start(), match.end(), 100 * n / m, "percent", "ratio")
    has_fraction = any(w in lowered for w in ("half", "third", "quarter", "fifth", "tenth"))
    for match in _FRACTION_OF_RE.finditer(text) if has_fraction else ():
        frac = match.group("frac").lower()
        parts = re.split(r"[\s-]+", frac)
        numerator = 1.0 if parts[0] in ("a", "one", "half") else float(_SMALL.get(parts[0], 1))
        denominator = _DENOMINATORS.get(parts[-1], 2)
        scale, unit, dimension = _PHRASE_UNITS[match.group("unit").lower()]
        value = numerator / denominator * scale
        end = match.end()
        prefix = _currency_before(text[max(0, match.start() - 12) : match.start()])
        if match.group("cur"):
            unit, dimension = _PHRASE_CURRENCY[match.group("cur").lower()], "currency"
        elif prefix:
            unit, dimension = _prefix_unit(prefix.group("cur")), "currency"
        elif not unit:
            unit, dimension = "count", "count"
        add(match.start(), end, value, unit, dimension)
    has_period = any(w in lowered for w in ("century", "decade", "year", "month", "week", "couple"))
    for match in _ARTICLE_DURATION_RE.finditer(text) if has_period else ():
        if match.group("couple"):
            unit_match = _match_unit(" " + match.group("cunit"))
            if unit_match and unit_match[1] == "duration":
                add(match.start(), match.end(), 2, unit_match[0], "duration", qualifier="about")
            continue
        scale, unit, dimension = _PHRASE_UNITS[match.group("unit").lower()]
        value = scale * (1.5 if match.group("half") else 1)
        if match.group("half") and unit == "year":
            value, unit = 18, "month"
        add(match.start("what"), match.end(), value, unit, dimension)
    for match in _HALF_RE.finditer(text) if "half" in lowered else ():
        add(match.start(), match.end(), 50, "percent", "ratio")
    for match in _DOZEN_RE.finditer(text) if "dozen" in lowered else ():
        word = re.sub(r"\s+", " ", match.group("n").lower())
        n = 0.5 if word == "half a" else (1.0 if word in ("a", "one") else _SMALL.get(word, 0))
        noun, length = _counted_noun(text[match.end() : match.end() + 60])
        add(match.start(), match.end() + length, 12 * n, "count", "count", noun=noun)
    for match in _MAJORITY_RE.finditer(text) if "majority" in lowered else ():
        add(match.start(), match.end(), 50, "percent", "ratio", qualifier="more_than")
    for match in _FOLD_RE.finditer(text) if "fold" in lowered else ():
        n = _word_or_digits(match.group("n"))
        if n:
            add(match.start(), match.end(), n, "count", "count", noun="times")
    for match in _WORD_DECIMAL_RE.finditer(text) if " point " in lowered else ():
        whole = _words_value(match.group("i")) if match.group("i").lower() != "zero" else 0.0
        unit_match = _match_unit(text[match.end() : match.end() + 20])
        if whole is None or not unit_match:
            continue
        value = whole + _SMALL[match.group("d").lower()] / 10
        add(match.start(), match.end() + unit_match[2], value, unit_match[0], unit_match[1])
    return found


def _is_year_digits(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def parse_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in `text`, in order; offsets are into `text` plus `offset`."""
    quantities: list[Quantity] = []
    phrases = sorted(_phrase_quantities(text), key=lambda q: (q.start, -q.end))
    kept: list[Quantity] = []
    for phrase in phrases:
        if not any(phrase.start < k.end and k.start < phrase.end for k in kept):
            kept.append(phrase)
    numbers = [n for n in _find_numbers(text) if not any(k.start <= n.start < k.end for k in kept)]
    pending = list(kept)
    consumed_until = -1
    for index, number in enumerate(numbers):
        while pending and pending[0].start <= number.start:
            quantities.append(_shifted(pending.pop(0), offset))
        if number.start < consumed_until:
            continue
        quantity = _read_quantity(text, number, numbers[index + 1 :])
        if quantity is None:
            continue
        if any(quantity.start < k.end and k.start < quantity.end for k in kept):
            continue
        consumed_until = quantity.end
        if offset:
            quantity = Quantity(
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
        quantities.append(quantity)
    quantities.extend(_shifted(q, offset) for q in pending)
    return quantities


def _shifted(quantity: Quantity, offset: int) -> Quantity:
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


@dataclass
class _Reading:
    """Scale, unit and end of the words following one number."""

    value: float
    unit: str
    dimension: str
    end: int
    noun: str = ""
    currency: str = ""


def _metres_or_million(after: str) -> str:
    """What a bare "m" after a number stands for: "metres", "million" or "" (unknown).

    "1.4m homes" and "5m tonnes" are millions; "300m tall" and "a 100m sprint" are metres.
    """
    rest = after[re.match(r"^\s?m", after).end() :]
    if _METRE_CUE.match(rest):
        return "metres"
    if re.match(r"^-(?:euro|dollar|pound|yen)s?\b", rest, re.IGNORECASE):
        return "million"  # "a 1.1m-euro fine"
    if after[:1] == "m" and (_match_unit(rest) or _counted_noun(rest)[0]):
        return "million"
    return ""


def _read_after(text: str, number: _Number, currency: str) -> _Reading | None:
    """Read scale, unit or counted noun after a number; None when it is not a quantity."""
    pos = number.end
    value = number.value
    after = text[pos : pos + 60]

    if number.kind == "frac":
        return _Reading(round(value, 2), "percent", "ratio", pos)

    scaled = False
    scale = _SCALE_RE.match(after)
    if not currency and re.match(r"^\s?m\b", after):
        metres = _metres_or_million(after)
        if metres == "metres":
            return _Reading(value, "m", "length", pos + re.match(r"^\s?m", after).end())
        if metres != "million":
            scale = None
    if scale:
        word = (scale.group("attached") or scale.group("word")).lower()
        # A bare "k" glued to a number is only a scale for money ("$950k").
        if word == "k" and not currency:
            scale = None
        else:
            value *= _SCALES[word]
            scaled = True
            pos += scale.end()
            after = text[pos : pos + 60]

    if currency:
        unit = currency
        per = _PER_RE.match(after)
        if per:
            per_unit = _PER_UNITS[per.group("per").lower()]
            return _Reading(value, f"{unit}/{per_unit}", "price", pos + per.end())
        return _Reading(value, unit, "currency", pos)

    unit_match = _match_unit(after)
    if unit_match:
        unit, dimension, length = unit_match
        end = pos + length
        if unit == _UNRESOLVED_POUND:
            unit = _resolve_pound(text, number.start, end, scaled)
            dimension = _dimension(unit)
        if unit == "basis_point":
            return _Reading(value / 100, "percentage_point", "ratio", end)
        if unit.endswith("_cent"):
            # "70 euro cents" is 0.70 euros
            unit = unit.split("_")[0]
            value = value / 100
        if unit == "decade":
            return _Reading(value * 10, "year", "duration", end)
        if unit == "bcm":
            return _Reading(value * 1e9, "m3", "volume", end)
        if unit == "degree" and not _TEMPERATURE_CONTEXT.search(
            text[max(0, number.start - 80) : end + 60]
        ):
            return _Reading(value, "degree", "angle", end)
        if dimension == "currency":
            per = _PER_RE.match(text[end : end + 30])
            if per:
                per_unit = _PER_UNITS[per.group("per").lower()]
                return _Reading(value, f"{unit}/{per_unit}", "price", end + per.end())
        return _Reading(value, unit, dimension, end)

    compound = _COMPOUND_RE.match(after)
    if compound:
        word = compound.group("word").lower()
        if word in ("pound", "pounds") and scaled:
            return _Reading(value, "GBP", "currency", pos + compound.end())
        if word in _COMPOUND_UNITS:
            unit = _COMPOUND_UNITS[word]
            dimension = _dimension(unit)
            if unit == "decade":
                return _Reading(value * 10, "year", "duration", pos + compound.end())
            return _Reading(value, unit, dimension, pos + compound.end())
        head = word.split("-")[0]
        if head in _COMPOUND_UNITS:
            unit = _COMPOUND_UNITS[head]
            dimension = _dimension(unit)
            return _Reading(value, unit, dimension, pos + 1 + len(head))
        # "a 10-member panel": a count of members
        if number.kind == "digits" or number.value > 1:
            return _Reading(value, "count", "count", pos + compound.end(), noun=word)
        return None

    # "two, intensive days": a duration after one or two adjectives
    if number.value < 1000:
        gap = 0
        for _ in range(2):
            adjective = _ADJECTIVE_GAP.match(after, gap)
            if adjective is None:
                break
            gap = adjective.end()
            unit_match = _match_unit(after[gap:])
            if unit_match and unit_match[1] == "duration":
                unit, dimension, length = unit_match
                return _Reading(value, unit, dimension, pos + gap + length)

    noun, length = _counted_noun(after)
    if number.kind == "words" and not noun and not scaled:
        return None  # "one of", "two said": too vague to be a count
    if number.kind == "words" and number.value == 1 and not scaled:
        return None  # "one country" is rarely the point of a claim
    return _Reading(value, "count", "count", pos + length, noun=noun)


def _read_range(
    text: str,
    number: _Number,
    reading: _Reading,
    start: int,
    following: list[_Number],
    currency: str,
) -> tuple[_Reading, float, int] | None:
    """(reading with the low value, high value, start) when the number opens a range."""
    if not following:
        return None
    left = text[max(0, start - 10) : start]
    between = _BETWEEN_RE.search(left)
    change_before = not between and _CHANGE_BEFORE_RANGE.search(text[max(0, start - 25) : start])
    if between and between.group(0).strip().lower() == "from":
        return None  # "rose from 3% to 5%" states a change, not a range
    separator = _AND_SEP if between else _RANGE_SEP
    second = following[0]
    # The separator comes right after the number ("3 to 5 days") or after its unit ("3% to 5%").
    for gap_start in (number.end, reading.end):
        sep = separator.match(text, gap_start, gap_start + 8)
        if sep is None:
            continue
        if change_before and sep.group().strip().lower() == "to":
            return None  # "lifted rates 0.25% to 5.5%", "lead by 39% to 34%": two figures
        between_text = text[sep.end() : second.start]
        if between_text and not _CURRENCY_PREFIX.fullmatch(between_text):
            continue
        second_after = text[second.end : second.end + 60]
        if _is_year(text, second, second_after) or _skip_number(text, second, second_after):
            return None
        high = _read_after(text, second, currency)
        if high is None:
            return None
        if currency and not high.unit.startswith(currency) and high.dimension == "count":
            # "$50-100,000": the currency sign covers both numbers
            high = _Reading(high.value, currency, "currency", high.end)
        if high.value < number.value:
            return None  # "39% to 34%" compares two figures
        if (
            reading.end == number.end
            and number.value < 1000 <= high.value / number.value
            and second.raw.endswith(",000")
        ):
            # "$50-100,000": the thousands are written once for both numbers
            reading = _Reading(number.value * 1000, reading.unit, reading.dimension, reading.end)
            number = _Number(number.start, number.end, number.value * 1000, number.kind, number.raw)
        unitless_low = reading.end == number.end
        if not unitless_low and reading.unit != high.unit:
            return None
        # the second number's scale also applies to the first: "between 3 and 5 million"
        low = (
            number.value * (high.value / second.value)
            if unitless_low and second.value
            else reading.value
        )
        range_start = start - (len(left) - between.start()) if between else start
        while range_start < start and text[range_start].isspace():
            range_start += 1
        low_reading = _Reading(low, high.unit, high.dimension, high.end, noun=high.noun)
        return low_reading, high.value, range_start
    return None


def _read_quantity(text: str, number: _Number, following: list[_Number]) -> Quantity | None:
    """Build the quantity that starts at `number`, or None when it is not one."""
    after = text[number.end : number.end + 60]
    if _skip_number(text, number, after):
        return None
    if _is_year(text, number, after):
        return None

    before = text[max(0, number.start - 24) : number.start]
    currency = ""
    start = number.start
    prefix = _currency_before(before)
    if prefix:
        currency = _prefix_unit(prefix.group("cur"))
        start = number.start - (len(before) - prefix.start())
    if number.raw.lower() == "a":
        return None  # "a year", "a day": an article, not a number

    reading = _read_after(text, number, currency)
    if reading is None:
        return None

    qualifier, q_start = _qualifier_before(text, start)
    value_max: float | None = None
    end = reading.end

    # Ranges: "between 3 and 5 million tonnes", "10-15%", "3 to 5 days".
    spread = _read_range(text, number, reading, start, following, currency)
    if spread is not None:
        reading, value_max, range_start = spread
        end = reading.end
        qualifier = "range"
        q_start = min(q_start, range_start)

    if qualifier == "exact":
        tail = _AFTER_QUALIFIER.match(text[end : end + 12])
        if tail:
            word = (tail.group("or") or "").lower()
            qualifier = {"more": "at_least", "above": "at_least", "over": "at_least",
                         "less": "at_most", "fewer": "at_most", "so": "about"}.get(word, "more_than")  # fmt: skip
            end += tail.end()

    surface = text[q_start:end]
    return Quantity(
        text=surface,
        value=round(reading.value, 6) if reading.dimension != "ratio" else round(reading.value, 4),
        unit=reading.unit,
        dimension=reading.dimension,
        qualifier=qualifier,
        start=q_start,
        end=end,
        value_max=value_max,
        noun=reading.noun,
    )
