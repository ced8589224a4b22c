"""Word lists of English news copy that more than one part of the text core reads.

One home per list, so the parser, the claim splitter and the scorer agree on what a word
is: a number word, a scale, a stop word, a verb that reports speech, a country. Lists that
serve one rule only (the claim splitter's determiners, role nouns and irregular verbs, the
check-worthiness cues) stay next to that rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "COUNTRY_NAMES",
    "FORMS_OF_ADDRESS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "MONTH_NAME_RE",
    "NUMBER_WORDS",
    "QUANTITY_WORDS",
    "SCALE_WORDS",
    "SPEECH_VERBS",
    "STOP_WORDS",
    "TENS_WORDS",
    "alternation",
]


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of the words, longest first (escaped)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def by_first_letter(pattern: str) -> str:
    """The alternation `pattern` with neighbouring alternatives that open with the same letter
    tried together ("said|says|told" -> "s(?:aid|ays)|t(?:old)"), so the regex engine tests a
    few alternatives at each position instead of all of them. An alternative opening with
    anything else ("(?:seen|viewed) as", "'ll", "\\d+-year") stays where it is and no
    alternative moves past it, so the alternative that matches first is the same. The letters
    are grouped regardless of case ("May|may" -> "m(?:ay|ay)"), so the result is only for
    patterns compiled with re.IGNORECASE."""
    out: list[str] = []
    groups: dict[str, list[str]] = {}
    for alternative in _alternatives(pattern):
        first = alternative[:1]
        if first.isascii() and first.isalpha() and alternative[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(first.lower(), []).append(alternative[1:])
            continue
        out.extend(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())
        groups.clear()
        out.append(alternative)
    out.extend(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())
    return "|".join(out)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression ("a|(?:b|c)d" -> ["a", "(?:b|c)d"])."""
    parts: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += pattern[index + 1 : index + 2] == "^"
            index += pattern[index + 1 : index + 2] == "]"  # a "]" opening a class is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


# Cardinal numbers written as words, and the tens.
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Scales written after a number, in words and newsroom abbreviations ("$5bn", "1.4m").
SCALE_WORDS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}  # fmt: skip

# Month names, and the abbreviations news copy writes them with ("Sept 3", "Jan. 5").
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip
# A month named in full and capitalised: a date ("in June"), not the verb "may" or "march".
MONTH_NAME_RE = re.compile(rf"\b(?:{alternation(MONTH_NAMES)})\b")

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

# Words that belong to how a quantity is written, compared through quantities instead
# ("50 pounds" and "23 kilograms" share no word but state the same mass).
QUANTITY_WORDS = (
    frozenset(
        """percent per cent pct percentage point points billions millions thousands hundred hundreds
    dozen dozens half third thirds quarter quarters fifth fifths tenth kg kgs kilogram
    kilograms kilo kilos lb lbs pound pounds tonne tonnes ton tons mw gw kw mwh gwh kwh megawatt
    megawatts gigawatt gigawatts kilowatt kilowatts dollar dollars usd gbp eur euro euros yen
    yuan renminbi rmb pence sterling minute minutes hour hours""".split()
    )
    | frozenset(SCALE_WORDS)
    | frozenset(NUMBER_WORDS)
    | frozenset(TENS_WORDS)
)

# Verbs that report what someone says: "Mr Cartagena said", "said Patricio Cartagena",
# "she told reporters". Whoever they attribute a statement to is a speaker, not a subject.
SPEECH_VERBS = frozenset(
    """said says say told tells added adds stated states noted notes explained explains
    argued argues claimed claims insisted insists warned warns""".split()
)

# Forms of address before a person's name, with the gender each gives ("" when none):
# "Mrs Hassan" is a woman, "Dr Lee" may be anyone. Written capitalised, with or without a
# full stop ("Mr.", "Dr").
FORMS_OF_ADDRESS = {
    "mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f",
    "dame": "f", "dr": "", "prof": "", "professor": "",
}  # fmt: skip

# Countries and regions with their adjectives, mapped to one key. Statistics are scoped by
# country, so these keys also tell whether two figures are about the same economy.
COUNTRY_NAMES = {
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
