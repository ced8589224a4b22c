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

__all__ = ["Quantity", "parse_quantities", "parse_years"]


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

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
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
    r"\b(?:USD|EUR|GBP|JPY|CNY|RMB|Rs\.?))\s?$"
)
_PREFIX_UNITS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "£": "GBP",
    "€": "EUR", "¥": "JPY", "₹": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP",
    "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "Rs": "INR", "Rs.": "INR",
}  # fmt: skip

# Qualifiers written just before the number (or its currency sign); longest first.
_QUALIFIER_WORDS = [
    ("at_least", "at least|no less than|no fewer than|a minimum of|minimum of|not less than"),
    ("at_most", "at most|no more than|not more than|a maximum of|maximum of|no greater than"),
    ("up_to", "up to|as much as|as many as|as high as|as large as|as long as|as big as"),
    ("less_than", "less than|fewer than|lower than|just under|under|below|shy of"),
    (
        "more_than",
        "more than|greater than|higher than|in excess of|upwards of|just over|over|above|exceeding",
    ),
    (
        "about",
        "about|around|approximately|approx\\.|roughly|nearly|near|almost|close to|some|"
        "an estimated|estimated|circa|an average of|on average|~",
    ),
]
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“‘]))(?:"
    + "|".join(f"(?P<{name}>{words})" for name, words in _QUALIFIER_WORDS)
    + r")\s*$",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(r"(?:^|\s)(?:between|from)\s+$", re.IGNORECASE)

_SCALE_RE = re.compile(
    r"^(?:(?P<attached>bn|mn|mln|bln|m|k|tn|trn)\b|\s+(?P<word>thousand|million|billion|trillion|"
    r"bn|mn|mln|bln|tn|trn)\b)",
    re.IGNORECASE,
)

# Units written after the number: (regex, canonical unit, dimension). Order matters: longer first.
_UNIT_TABLE: list[tuple[str, str, str]] = [
    (r"\s?%|\s?per\s?cent\b|\s?percent\b|\s?pct\b|\s?pc\b", "percent", "ratio"),
    (r"\s?percentage[- ]points?\b|\s?ppts?\b|\s?pp\b", "percentage_point", "ratio"),
    (r"\s?basis[- ]points?\b|\s?bps\b", "basis_point", "ratio"),
    (r"\s?(?:US |U\.S\. )?dollars?\b", "USD", "currency"),
    (r"\s?euros?\b", "EUR", "currency"),
    (r"\s?pounds? sterling\b|\s?sterling\b", "GBP", "currency"),
    (r"\s?yen\b", "JPY", "currency"),
    (r"\s?(?:yuan|renminbi)\b", "CNY", "currency"),
    (r"\s?pence\b|p\b(?!\.\w)", "GBX", "currency"),
    (r"\s?pounds?\b", "pound", "mass"),  # resolved to lb or GBP by context
    (r"\s?(?:lbs?|lb\.)(?!\w)", "lb", "mass"),
    (r"\s?(?:kgs?|kilograms?|kilos?)\b", "kg", "mass"),
    (r"\s?(?:metric )?(?:tonnes?|tons?)\b|\s?t\b(?![.'’])|\s?mt\b", "tonne", "mass"),
    (r"\s?(?:grams?|g)\b(?!\.\w)", "g", "mass"),
    (r"\s?(?:ounces?|oz)\b", "oz", "mass"),
    (r"\s?(?:MWh|megawatt[- ]hours?)\b", "MWh", "energy"),
    (r"\s?(?:GWh|gigawatt[- ]hours?)\b", "GWh", "energy"),
    (r"\s?(?:kWh|kilowatt[- ]hours?)\b", "kWh", "energy"),
    (r"\s?(?:TWh|terawatt[- ]hours?)\b", "TWh", "energy"),
    (r"\s?(?:MW|megawatts?)\b", "MW", "power"),
    (r"\s?(?:GW|gigawatts?)\b", "GW", "power"),
    (r"\s?(?:kW|kilowatts?)\b", "kW", "power"),
    (r"\s?(?:TW|terawatts?)\b", "TW", "power"),
    # speeds before the lengths they are written with
    (r"\s?(?:km/h|kmh|kph|kmph)(?!\w)|\s?kilomet(?:re|er)s? (?:per|an|a) hour\b", "km/h", "speed"),
    (r"\s?mph\b|\s?miles? (?:per|an|a) hour\b", "mph", "speed"),
    (r"\s?(?:m/s)(?!\w)|\s?met(?:re|er)s? (?:per|a) second\b", "m/s", "speed"),
    (r"\s?knots?\b", "knot", "speed"),
    # areas and volumes before plain lengths ("square kilometres", "cubic metres")
    (r"\s?(?:km2|km²|sq\.? ?km|square kilomet(?:re|er)s?)(?!\w)", "km2", "area"),
    (r"\s?(?:square miles?|sq\.? ?mi(?:les?)?)\b", "sq_mile", "area"),
    (r"\s?(?:sq\.? ?ft|square f(?:ee|oo)t)\b", "sq_ft", "area"),
    (r"\s?(?:m2|m²|sq\.? ?m|square met(?:re|er)s?)(?!\w)", "m2", "area"),
    (r"\s?(?:hectares?|ha)\b", "hectare", "area"),
    (r"\s?acres?\b", "acre", "area"),
    (r"\s?(?:m3|m³|cubic met(?:re|er)s?)(?!\w)", "m3", "volume"),
    (r"\s?cubic f(?:ee|oo)t\b", "ft3", "volume"),
    (r"\s?(?:millilit(?:re|er)s?|ml)\b", "ml", "volume"),
    (r"\s?(?:lit(?:re|er)s?|ltrs?)\b", "litre", "volume"),
    (r"\s?(?:barrels?|bbls?)\b", "barrel", "volume"),
    (r"\s?bcm\b", "bcm", "volume"),  # billion cubic metres
    (r"\s?gallons?\b", "gallon", "volume"),
    # lengths ("m" alone is read in context: see _metres_or_million)
    (r"\s?(?:km|kilomet(?:re|er)s?|kms)\b", "km", "length"),
    (r"\s?(?:cm|centimet(?:re|er)s?)\b", "cm", "length"),
    (r"\s?(?:mm|millimet(?:re|er)s?)\b", "mm", "length"),
    (r"\s?(?:nautical miles?|nmi)\b", "nautical_mile", "length"),
    (r"\s?miles?\b", "mile", "length"),
    (r"\s?met(?:re|er)s?\b", "m", "length"),
    (r"\s?(?:feet|foot|ft)\b", "ft", "length"),
    (r"\s?inch(?:es)?\b", "inch", "length"),
    (r"\s?(?:yards?|yds?)\b", "yard", "length"),
    # temperatures; bare "degrees" is read in context
    (r"\s?(?:°\s?C\b|degrees? (?:celsius|centigrade|C\b)|celsius\b)", "celsius", "temperature"),
    (r"\s?(?:°\s?F\b|degrees? (?:fahrenheit|F\b)|fahrenheit\b)", "fahrenheit", "temperature"),
    (r"\s?(?:degrees?\b|°)", "degree", "temperature"),
    (r"\s?(?:minutes?|mins?)\b", "minute", "duration"),
    (r"\s?(?:hours?|hrs?)\b", "hour", "duration"),
    (r"\s?days?\b", "day", "duration"),
    (r"\s?weeks?\b", "week", "duration"),
    (r"\s?months?\b", "month", "duration"),
    (r"\s?(?:years?|yrs?)\b", "year", "duration"),
    (r"\s?decades?\b", "decade", "duration"),
    (r"\s?seconds\b", "second", "duration"),
]
# Case matters for a few short units ("MW" is not "mw" in prose, "t" is not "T").
_CASE_SENSITIVE_UNITS = {"MWh", "GWh", "kWh", "TWh", "MW", "GW", "kW", "TW"}
_UNIT_RES = [
    (
        re.compile("^(?:" + pattern + ")", 0 if unit in _CASE_SENSITIVE_UNITS else re.IGNORECASE),
        unit,
        dim,
    )
    for pattern, unit, dim in _UNIT_TABLE
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
    "minute": ("minute", "duration"), "hour": ("hour", "duration"), "day": ("day", "duration"),
    "week": ("week", "duration"), "month": ("month", "duration"), "year": ("year", "duration"),
    "decade": ("decade", "duration"), "second": ("second", "duration"),
    "percent": ("percent", "ratio"), "per-cent": ("percent", "ratio"),
    "kilometre": ("km", "length"), "kilometer": ("km", "length"), "km": ("km", "length"),
    "metre": ("m", "length"), "meter": ("m", "length"), "mile": ("mile", "length"),
    "foot": ("ft", "length"), "feet": ("ft", "length"), "inch": ("inch", "length"),
    "yard": ("yard", "length"), "centimetre": ("cm", "length"), "millimetre": ("mm", "length"),
    "hectare": ("hectare", "area"), "acre": ("acre", "area"), "litre": ("litre", "volume"),
    "liter": ("litre", "volume"), "gallon": ("gallon", "volume"), "barrel": ("barrel", "volume"),
    "degree": ("degree", "temperature"),
    "tonne": ("tonne", "mass"), "ton": ("tonne", "mass"), "kilogram": ("kg", "mass"),
    "pound": ("lb", "mass"), "megawatt": ("MW", "power"), "gigawatt": ("GW", "power"),
    "kilowatt": ("kW", "power"),
}  # fmt: skip
_COMPOUND_RE = re.compile(r"^-(?P<word>[a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)
_PER_RE = re.compile(
    r"^\s?(?:/|\s?per\s|\s?a\s)\s?(?P<per>kg|kilogram|kilo|tonne|ton|t|lb|pound|barrel|ounce|oz|"
    r"mwh|kwh|gallon|litre|liter|share|head|person|hour|day|month|year)\b",
    re.IGNORECASE,
)
_PER_UNITS = {
    "kg": "kg", "kilogram": "kg", "kilo": "kg", "tonne": "tonne", "ton": "tonne", "t": "tonne",
    "lb": "lb", "pound": "lb", "barrel": "barrel", "ounce": "oz", "oz": "oz", "mwh": "MWh",
    "kwh": "kWh", "gallon": "gallon", "litre": "litre", "liter": "litre", "share": "share",
    "head": "person", "person": "person", "hour": "hour", "day": "day", "month": "month",
    "year": "year",
}  # fmt: skip

_DIMENSION_OF_UNIT = {
    "percent": "ratio", "percentage_point": "ratio", "USD": "currency", "GBP": "currency",
    "EUR": "currency", "JPY": "currency", "CNY": "currency", "GBX": "currency", "lb": "mass",
    "kg": "mass", "tonne": "mass", "g": "mass", "oz": "mass", "MW": "power", "GW": "power",
    "kW": "power", "TW": "power", "MWh": "energy", "GWh": "energy", "kWh": "energy",
    "TWh": "energy", "minute": "duration", "hour": "duration", "day": "duration",
    "week": "duration", "month": "duration", "year": "duration", "second": "duration",
    "count": "count",
    "km": "length", "m": "length", "cm": "length", "mm": "length", "mile": "length",
    "nautical_mile": "length", "ft": "length", "inch": "length", "yard": "length",
    "km2": "area", "m2": "area", "sq_mile": "area", "sq_ft": "area", "hectare": "area",
    "acre": "area", "m3": "volume", "ft3": "volume", "ml": "volume", "litre": "volume",
    "barrel": "volume", "gallon": "volume", "celsius": "temperature",
    "fahrenheit": "temperature", "degree": "temperature", "km/h": "speed", "mph": "speed",
    "m/s": "speed", "knot": "speed",
}  # fmt: skip

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
_AND_SEP = re.compile(r"\s+and\s+", re.IGNORECASE)
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
    if _CURRENCY_PREFIX.search(before):
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
    before = text[max(0, start - 30) : start]
    match = _QUALIFIER_RE.search(before)
    if not match:
        return "exact", start
    for name, _ in _QUALIFIER_WORDS:
        if match.group(name):
            return name, start - (len(before) - match.start(name))
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
        if re.search(r"[A-Za-z]-?$", before) and not _CURRENCY_PREFIX.search(before):
            return True
        if re.match(r"^[A-Za-z]", after) and not (_SCALE_RE.match(after) or _match_unit(after)):
            return True
        name = _NAME_BEFORE.search(before)
        if (
            name
            and name.group("word") not in _FUNCTION_CAPS
            and not _CURRENCY_PREFIX.search(before)
            and not _match_unit(after)
        ):
            return True
    return False


def parse_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in `text`, in order; offsets are into `text` plus `offset`."""
    quantities: list[Quantity] = []
    numbers = _find_numbers(text)
    consumed_until = -1
    for index, number in enumerate(numbers):
        if number.start < consumed_until:
            continue
        quantity = _read_quantity(text, number, numbers[index + 1 :])
        if quantity is None:
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
    return quantities


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
        if unit == "pound":
            unit = _resolve_pound(text, number.start, end, scaled)
            dimension = _DIMENSION_OF_UNIT[unit]
        if unit == "basis_point":
            return _Reading(value / 100, "percentage_point", "ratio", end)
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
        if word in _COMPOUND_UNITS:
            unit, dimension = _COMPOUND_UNITS[word]
            if unit == "decade":
                return _Reading(value * 10, "year", "duration", pos + compound.end())
            return _Reading(value, unit, dimension, pos + compound.end())
        head = word.split("-")[0]
        if head in _COMPOUND_UNITS:
            unit, dimension = _COMPOUND_UNITS[head]
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
    if between and between.group(0).strip().lower() == "from":
        return None  # "rose from 3% to 5%" states a change, not a range
    separator = _AND_SEP if between else _RANGE_SEP
    second = following[0]
    # The separator comes right after the number ("3 to 5 days") or after its unit ("3% to 5%").
    for gap_start in (number.end, reading.end):
        sep = separator.match(text, gap_start, gap_start + 8)
        if sep is None:
            continue
        between_text = text[sep.end() : second.start]
        if between_text and not _CURRENCY_PREFIX.fullmatch(between_text):
            continue
        second_after = text[second.end : second.end + 60]
        if _is_year(text, second, second_after) or _skip_number(text, second, second_after):
            return None
        high = _read_after(text, second, currency)
        if high is None:
            return None
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

    before = text[max(0, number.start - 12) : number.start]
    currency = ""
    start = number.start
    prefix = _CURRENCY_PREFIX.search(before)
    if prefix:
        currency = _PREFIX_UNITS.get(prefix.group("cur"), "USD")
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
