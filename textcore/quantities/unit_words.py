"""How units are written around a number: currency signs and codes before it, scales
("bn", "million") and units after it ("MW", "tonnes", "per kg"), each mapped to the
canonical unit of the registry (`textcore.units`); "pounds" is money or weight by context.
"""

from __future__ import annotations

import re

from .. import units

# Currency written before the number.
CURRENCY_PREFIX = re.compile(
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


def currency_before(before: str) -> re.Match | None:
    """A currency written right before a number, if any (cheap checks first)."""
    tail = before.rstrip()
    if not tail:
        return None
    if (
        tail[-1] in "$£€¥₹"
        or tail[-3:].upper() in _CURRENCY_CODES
        or tail.lower().endswith(_CURRENCY_WORD_ENDINGS)
    ):
        return CURRENCY_PREFIX.search(before)
    return None


def prefix_unit(written: str) -> str:
    """Currency code of a currency written before a number ("HK$", "Australian dollar")."""
    key = re.sub(r"\s+", " ", written)
    return (
        _PREFIX_UNITS.get(key)
        or _PREFIX_UNITS.get(key.lower())
        or _PREFIX_UNITS.get(key.upper(), "USD")
    )


SCALE_RE = re.compile(
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
    # lengths ("m" alone is read in context: see metres_or_million)
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
# "pounds" is a mass or money, resolved by context (see resolve_pound).
UNRESOLVED_POUND = "pound"


def dimension_of(unit: str) -> str:
    return "mass" if unit == UNRESOLVED_POUND else units.find(unit).dimension


_UNIT_RES = [
    (
        re.compile("^(?:" + pattern + ")", 0 if unit in _CASE_SENSITIVE_UNITS else re.IGNORECASE),
        unit,
        dimension_of(unit),
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
TEMPERATURE_CONTEXT = re.compile(
    r"\b(?:temperatures?|heat|heatwave|hot|hotter|hottest|cold|colder|coldest|warm|warmer|"
    r"warmest|warming|cool|cooler|freez\w*|frost|thermometers?|fever|degrees? of warming|"
    r"climate|weather|celsius|fahrenheit)\b",
    re.IGNORECASE,
)
# "300m tall", "a 100m sprint": after a bare "m" these make it metres, not millions.
METRE_CUE = re.compile(
    r"^(?:-|\s+)(?:tall|high|long|deep|wide|thick|away|above|below|beneath|under|underground|"
    r"underwater|off|across|in (?:length|height|depth|diameter|width)|sprint|race|hurdles|"
    r"freestyle|breaststroke|backstroke|butterfly|medley|relay|dash|final|record|"
    r"from (?:the )?(?:shore|coast|surface|ground|summit|top|bottom|edge))\b",
    re.IGNORECASE,
)
# Adjective compounds: "a 16-year high", "a ninety-minute call", "a 5-megawatt turbine".
COMPOUND_UNITS = {
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
# An age: "a 19-year-old", "a six-month-old puppy", "40 years old".
AGE_UNITS = ("day", "week", "month", "year")
AGE_COMPOUND_RE = re.compile(r"^-(?P<unit>day|week|month|year)s?-old\b", re.IGNORECASE)
AGE_AFTER_RE = re.compile(r"^\s+old\b", re.IGNORECASE)
COMPOUND_RE = re.compile(r"^-(?P<word>[a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)
PER_RE = re.compile(
    r"^\s?(?:/|\s?per\s|\s?a\s)\s?(?P<per>kg|kilogram|kilo|tonne|ton|t|lb|pound|barrel|ounce|oz|"
    r"mwh|kwh|gallon|litre|liter|share|head|person|hour|day|month|year)\b"
    r"(?!\s+(?:earlier|ago|before|later|previously))",
    re.IGNORECASE,
)
PER_UNITS = {
    "kg": "kg", "kilogram": "kg", "kilo": "kg", "tonne": "tonne", "ton": "tonne", "t": "tonne",
    "lb": "lb", "pound": "lb", "barrel": "barrel", "ounce": "oz", "oz": "oz", "mwh": "MWh",
    "kwh": "kWh", "gallon": "gallon", "litre": "litre", "liter": "litre", "share": "share",
    "head": "person", "person": "person", "hour": "hour", "day": "day", "month": "month",
    "year": "year",
}  # fmt: skip


def producible_units() -> frozenset[tuple[str, str]]:
    """Every (unit, dimension) `parse_quantities` can write; each is in the unit registry."""
    read = {unit for _, unit in _UNIT_TABLE} | set(COMPOUND_UNITS.values())
    # "pounds" is read as lb or GBP, basis points as percentage points, bcm as cubic metres
    read = read - {UNRESOLVED_POUND, "basis_point", "bcm"} | {"lb", "GBP", "count"}
    pairs = {(unit, dimension_of(unit)) for unit in read} | {("degree", "angle")}
    pairs |= {(unit, "age") for unit in AGE_UNITS}
    currencies = {unit for unit, dimension in pairs if dimension == "currency"}
    currencies |= set(_PREFIX_UNITS.values())
    pairs |= {(currency, "currency") for currency in currencies}
    pairs |= {(f"{c}/{per}", "price") for c in currencies for per in PER_UNITS.values()}
    return frozenset(pairs)


# Words that make "pounds" money rather than weight.
_MONEY_CONTEXT = re.compile(
    r"\b(?:cost|costs|costing|spend|spent|spending|pay|paid|pays|worth|price[sd]?|fine[sd]?|"
    r"salar(?:y|ies)|wages?|budget|funds?|funding|invest(?:ed|ment|ing)?|raised?|bill|tax(?:es)?|"
    r"profits?|revenues?|earn(?:ed|ings|s)?|sold|sell|bought|buy|loans?|debts?|deal|grant|"
    r"bonus|donat(?:e|ed|ion)|compensation|fee|fees|charged?)\b",
    re.IGNORECASE,
)


# All of `_UNIT_RES` as one pattern, tried in the same order (the first alternative that
# matches wins, as in a loop over them), so a unit is found in one pass over the text.
_UNIT_ANY_RE = re.compile(
    "|".join(
        f"(?P<u{index}>(?{'i' if regex.flags & re.IGNORECASE else '-i'}:{regex.pattern}))"
        for index, (regex, _, _) in enumerate(_UNIT_RES)
    )
)
_UNIT_OF_GROUP = {
    f"u{index}": (unit, dimension) for index, (_, unit, dimension) in enumerate(_UNIT_RES)
}


def match_unit(after: str) -> tuple[str, str, int] | None:
    """(unit, dimension, length) of a unit written at the start of `after`."""
    match = _UNIT_ANY_RE.match(after)
    if match is None:
        return None
    unit, dimension = _UNIT_OF_GROUP[match.lastgroup]
    return unit, dimension, match.end()


def resolve_pound(text: str, start: int, after_end: int, scaled: bool) -> str:
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
