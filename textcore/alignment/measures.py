"""What a figure measures, read from the words of its clause.

Measure nouns grouped by meaning ("profits" and "earnings" measure one thing, "sales"
another), the words that narrow a measure to a kind ("the goods deficit", "imports of
sawn timber"), and the words that say nothing about what is measured ("rose", "record",
"year"). What a share or an amount is of is read in `textcore.alignment.wholes`.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import re
from functools import lru_cache

from textcore.analysis import term_key
from textcore.lexicon import STOP_WORDS

# Words that place, rank or move a figure but do not say what it measures.
_UNTOPICAL = frozenset(
    term_key(w)
    for w in """rise fall reach reached hit total totalled amount stand stood record level
    high low new figure figures year years month months quarter week day today last past
    next previous earlier later now first second third fourth final annual per cent
    percent said says say expected expect would could will plan plans made make making
    come came took take up down""".split()
)
# Nouns that say what a figure measures, grouped by meaning: figures whose clauses name
# measures of different groups only ("profits" vs "sales") measure different things.
_MEASURE_GROUPS = {
    "profit": "profit profits earnings earning",
    "sales": "sales revenue revenues turnover",
    "debt": "debt debts borrowing borrowings liabilities",
    "cost": "cost costs spending spend spent expenditure budget budgeted overspend investment",
    "economy": "economy gdp",
    "deficit": "deficit deficits shortfall gap",
    "exports": "exports export",
    "imports": "imports import",
    "tax": "tax taxes",
    "penalty": "fine fines fined penalty penalties settlement settlements",
    "loan": "loan loans",
    "pay": "pay wage wages salary salaries payment payments",
    "dividend": "dividend dividends",
    "shares": "shares share stock stocks",
    "inflation": "inflation",
    "price": "price prices",
    "jobs": "jobs unemployment employment",
}
_MEASURE_OF = {word: group for group, words in _MEASURE_GROUPS.items() for word in words.split()}
# A trailing adjunct after a comma that gives a cause, a circumstance or examples ("...,
# helped by new capacity at Kallby", "..., including the Norte mine", "..., as exports of
# grain rose", "..., with plants in Tarvik handling the rest"): what it names or
# measures is not what the sentence's figure is about.
_ADJUNCT_RE = re.compile(
    r",\s+(?:including|such\s+as|helped|driven|led|boosted|hit|hurt|fuelled|fueled|"
    r"thanks\s+to|due\s+to|owing\s+to|reflecting|as|amid|after|following|according\s+to|"
    r"with)\b"
    r"[^,;.]*",
    re.IGNORECASE,
)


def _raw_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", text))


def core(text: str) -> str:
    """The text without trailing adjuncts that state no figure of their own."""
    return _ADJUNCT_RE.sub(lambda m: "" if not re.search(r"\d", m.group()) else m.group(), text)


# "the gap between exports and imports": what a measure is taken between is not measured
_BETWEEN_RE = re.compile(r"\bbetween\s+[^,;.]*?\band\s+[A-Za-z-]+", re.IGNORECASE)


@lru_cache(maxsize=1024)
def measure_words(text: str) -> frozenset[str]:
    return _raw_words(_BETWEEN_RE.sub(" ", core(text)))


def measure_groups(words: frozenset[str]) -> set[str]:
    return {_MEASURE_OF[w] for w in words if w in _MEASURE_OF}


def topical(words: set[str] | frozenset[str]) -> set[str]:
    return {w for w in words if w not in _UNTOPICAL and not w.isdigit()}


_GENERIC_MODIFIERS = frozenset(
    """underlying annual total overall net gross quarterly yearly monthly average latest record
    new its their his her our the a an this that these those of like-for-like""".split()
)


def modifiers(clause: str) -> set[str]:
    """Words that say which measure a clause gives: "drinks sales", "sales of confectionery"."""
    words = re.findall(r"[A-Za-z][A-Za-z-]*(?:'s)?", clause)
    found: set[str] = set()
    for i, word in enumerate(words):
        if word.lower() not in _MEASURE_OF:
            continue
        before = words[i - 1] if i else ""
        if before and before[0].islower() and before.lower() not in _GENERIC_MODIFIERS | STOP_WORDS:
            found.add(term_key(before.lower()))
        if i + 1 < len(words) and words[i + 1] == "of":
            for after in words[i + 2 : i + 4]:
                if after[0].islower() and after.lower() not in _GENERIC_MODIFIERS | STOP_WORDS:
                    found.add(term_key(after.lower()))
                    break
    return found


def narrower_measure(text: str, other_text: str, other_keys: frozenset[str]) -> str | None:
    """A measure narrowed by an "of" complement ("imports of sawn timber") that the other text
    names bare ("imports rose 16%"), the complement's word absent from the other text.
    """
    other = _measure_nouns(core(other_text))
    for measure, narrowing in _measure_nouns(core(text)):
        if narrowing is None or narrowing[:1].isupper() or term_key(narrowing) in other_keys:
            continue
        same = [n for m, n in other if _MEASURE_OF[m] == _MEASURE_OF[measure]]
        if same and all(n is None for n in same):
            return f"{measure} of {narrowing}"
    return None


# Words before a measure noun that do not narrow it: scales, periods, sizes.
_NOT_NARROWING = frozenset(
    """weekly daily monthly yearly annual quarterly full half big bigger biggest large larger
    largest small smaller smallest high higher highest low lower lowest huge total record
    overall average estimated latest current same""".split()
)


def _measure_nouns(text: str) -> list[tuple[str, str | None]]:
    """Each measure noun of a text with the word that narrows it to a kind, if any.

    "the goods deficit" and "imports of sawn timber" name a kind of deficit or of imports;
    "Korlan shares", "shares of shipping companies" say whose; "imports of goods and
    services" names the whole by its two halves (a merism).
    """
    tokens = re.findall(r"[A-Za-z][A-Za-z-]*(?:'s)?|\S", text)
    out: list[tuple[str, str | None]] = []
    for i, token in enumerate(tokens):
        lowered = token.lower()
        if lowered not in _MEASURE_OF:
            continue
        narrowing = None
        before = tokens[i - 1] if i else ""
        determiner = tokens[i - 2].lower() if i > 1 else ""
        if (
            determiner in ("the", "a", "an", "its", "their")
            and before.isalpha()
            and before.islower()
            and before not in STOP_WORDS | _GENERIC_MODIFIERS | _NOT_NARROWING
            and before not in _MEASURE_OF
        ):
            narrowing = before  # "the goods deficit"
        if i + 2 < len(tokens) and tokens[i + 1].lower() == "of":
            j = i + 2
            if tokens[j].lower() in ("the", "its", "their", "all") and j + 1 < len(tokens):
                j += 1
            phrase = []
            while j < len(tokens) and tokens[j].isalpha() and len(phrase) < 6:
                phrase.append(tokens[j].lower())
                j += 1
            complement = " ".join(phrase)
            if (
                phrase
                and phrase[0] not in STOP_WORDS | _GENERIC_MODIFIERS
                and tokens[i + 2][:1].islower()
                and not any(m in complement for m in _MERISMS)
                and not _OWNERS & set(phrase[:3])
            ):
                narrowing = phrase[0]  # "imports of sawn timber"
        out.append((lowered, narrowing))
    return out


# Coordinations that name a whole by its parts: "of goods and services" is all trade.
_MERISMS = (
    "goods and services", "men and women", "public and private", "private and public",
    "home and abroad", "young and old", "rich and poor", "large and small", "big and small",
)  # fmt: skip
# Heads of an "of" phrase that say whose a measure is, not which kind of it.
_OWNERS = frozenset(
    """companies company firms firm businesses business banks bank groups group countries
    country nations nation governments government households household people families
    family investors investor owners owner members member states state shareholders
    shareholder customers customer employees employee workers worker""".split()
)
