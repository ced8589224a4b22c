"""Which figure of a passage a claim's figure must be compared with, and the verdict.

A passage figure is compared only with claim figures of the same kind (a level with a
level, a change with a change, amounts in one currency), and only when the two are about
the same thing: the same measure (profit is not sales), the same subject (the names each
text gives), the same period (year, quarter, months, "a year earlier") and both actual or
both forecast. When a claim states several figures of one kind, the passage figure goes
with the one whose own clause shares its words ("Altria rose 5% and Reynolds 4.5%").

The answer is `agrees` when an aligned pair can have the same value, `conflicts` when the
aligned figure cannot and the alignment is clear (the passage names no subject the claim
lacks, says what the figure measures in the claim's words), and `none` otherwise: an
unclear alignment is never a conflict. Every answer carries the pairs compared, their
values converted to one unit and the reason.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from textcore import units
from textcore.analysis import term_key
from textcore.figures import Figure, SentenceFacts, fold, read_sentence
from textcore.lexicon import COUNTRY_NAMES, STOP_WORDS

__all__ = ["Comparison", "compare_texts", "compare_facts"]

# A claim and a passage are a sentence or two: past this many readings of figures on one
# side the rest is left out, so a pasted document cannot make a comparison slow.
MAX_READINGS = 120

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
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
_COMMON_STARTS = frozenset(
    """none only some nearly almost about one two three four five six seven eight nine ten
    half most many few all both each every more less fewer under over around just""".split()
)
# Demonyms whose country name is not a prefix of them.
_DEMONYMS = {
    "welsh": "wales", "british": "britain", "scottish": "scotland", "dutch": "netherlands",
    "french": "france", "swiss": "switzerland", "english": "england", "irish": "ireland",
}  # fmt: skip
_NAME_RE = re.compile(
    r"(?<![\w'])(?:[A-Z][\w'.&-]*|[a-z]+[A-Z][\w]*)(?:\s+(?:(?:of|for|on|and)\s+)?"
    r"(?:[A-Z][\w'.&-]*))*"
)
_SPEAKER_RE = re.compile(
    r"((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*)\s+(?:also\s+|has\s+|had\s+|now\s+)?(?:said|says|told|"
    r"added|reckons|estimates|estimated|predicts|predicted|believes|thinks|argued|claimed|"
    r"announced|announces|expects|expected|sees|forecasts|forecast|projects|projected|"
    r"reported|reports)\b|\b(?:said|says|according\s+to)\s+"
    r"((?:[A-Z][\w'.-]*\s*){1,4})(?=[,.;]|$)"
)
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
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s+)[\"'(]*$")
_FUNCTION_WORDS = frozenset(
    """the a an in on at of for to by from with and but or mr mrs ms dr last this that these
    those it its their our his her some about over nearly almost around more less only
    just among between under after before since during until when while if as both""".split()
)


@dataclass(frozen=True)
class Comparison:
    """The relation of a claim's figures to a passage's, with what it rests on."""

    numeric: str
    pairs: tuple[dict, ...]
    reason: str

    def to_dict(self) -> dict:
        """The exchange form (FORMAT.md): pairs as written, plus converted values and reason."""
        return {
            "numeric": self.numeric,
            "pairs": [
                {
                    "claim": pair["claim"]["text"],
                    "passage": pair["passage"]["text"],
                    "relation": pair["relation"],
                    "claim_value": pair["claim"],
                    "passage_value": pair["passage"],
                }
                for pair in self.pairs
            ],
            "reason": self.reason,
        }


# --------------------------------------------------------------------------- names


class _Name(frozenset):
    """The word keys of a name, remembering how it was written (for acronyms)."""

    raw: str

    def __new__(cls, keys, raw: str):
        name = super().__new__(cls, keys)
        name.raw = raw
        return name


@lru_cache(maxsize=512)
def _names(text: str, other: str = "") -> tuple[frozenset[str], ...]:
    """Each capitalised name as the set of its word keys (sentence starts left out)."""
    speakers = set()
    for match in _SPEAKER_RE.finditer(text):
        for group in match.groups():
            if group:
                speakers |= {w.lower() for w in re.findall(r"[A-Za-z]+", group)}
    names: list[frozenset[str]] = []
    # "US$14.7bn" names a currency, not a country
    text = re.sub(r"\b[A-Z]{1,3}\$", lambda m: " " * (len(m.group()) - 1) + "$", text)
    for match in _NAME_RE.finditer(text):
        words = [w for w in re.findall(r"[A-Za-z][\w&-]*", match.group()) if w[0].isupper()]
        if not words:
            continue
        if _starts_sentence(text, match.start()) and len(words) == 1:
            # a capitalised first word is a name only if written as one: an acronym or
            # a possessive ("Lorillard's shares"), not "Income tax" or "Turning ore"
            word = words[0]
            lowered = word.lower().removesuffix("'s")
            written_as_name = (
                (word.isupper() and len(word) > 1)
                or re.search(r"'s$", match.group())
                or re.match(r"'s\b", text[match.end() : match.end() + 2])
                or len(re.findall(rf"\b{re.escape(word)}\b", text + " " + other)) > 1
            )
            if (
                lowered in (_FUNCTION_WORDS | STOP_WORDS | _COMMON_STARTS)
                or lowered.endswith(("ly", "ing"))
                or not written_as_name
            ):
                continue
        if all(w.lower() in _CALENDAR for w in words):
            continue
        if len(words) == 1 and re.search(r"\d\s*$", text[: match.start()]):
            if units.find(words[0]) is not None:
                continue  # "1.2 GW", "500 MW": a unit symbol, not a name
        if len(words) == 1 and _is_demonym(words[0]):
            continue  # "Russian", "Welsh": an adjective, not a subject
        keys = frozenset(
            w.lower().removesuffix("'s") for w in words if w.lower() not in _FUNCTION_WORDS
        )
        keys = frozenset(k for k in keys if k not in speakers and len(k) > 1)
        if keys:
            names.append(_Name(keys, match.group()))
    return tuple(names)


def _starts_sentence(text: str, start: int) -> bool:
    window = text[max(0, start - 12) : start]
    if start <= 12 and not window.strip(" \"'("):
        return True
    return bool(_SENTENCE_START_RE.search(window))


def _is_demonym(word: str) -> bool:
    lowered = word.lower()
    if lowered in _DEMONYMS or COUNTRY_NAMES.get(lowered, lowered) != lowered:
        return True
    return (
        lowered.endswith(("ian", "ese", "ish", "ean")) and len(lowered) > 5 and not word.isupper()
    )


def _acronym_in(acronym: str, text: str) -> bool:
    """Whether `acronym` ("nao", "boa") spells the initials of consecutive words of `text`."""
    words = re.findall(r"[A-Za-z][\w-]*", text)
    initials = [w[0].lower() for w in words]
    capital_initials = [w[0].lower() for w in words if w[0].isupper()]
    n = len(acronym)
    for seq in (initials, capital_initials):
        for i in range(len(seq) - n + 1):
            if "".join(seq[i : i + n]) == acronym:
                return True
    return False


def _initials(words: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][a-z]*|\b[a-z]", words) if w).lower()


def _name_found(name: frozenset[str], text: str, words: frozenset[str]) -> bool:
    """Whether a name is mentioned in the other text: its last word, or a one-word name.

    "David Blunkett" is found as "Blunkett"; "Independent on Sunday" is not found in
    "Sunday Times".
    """
    written = re.sub(r"'s?\b", "", getattr(name, "raw", ""))
    raw = [w.lower() for w in re.findall(r"[A-Za-z][\w&-]*", written)]
    raw = [w for w in raw if w not in _FUNCTION_WORDS and len(w) > 1]
    if len(raw) > 1:
        return _word_found(raw[-1], text, words) or all(_word_found(w, text, words) for w in raw)
    return any(_word_found(word, text, words) for word in name)


def _word_found(word: str, text: str, words: frozenset[str]) -> bool:
    return _name_found_word(frozenset([word]), text, words)


def _name_found_word(name: frozenset[str], text: str, words: frozenset[str]) -> bool:
    country_keys = {COUNTRY_NAMES[w] for w in words if w in COUNTRY_NAMES}
    for word in name:
        country = _DEMONYMS.get(word, word)
        if word in words or country in words:
            return True
        if COUNTRY_NAMES.get(word) in country_keys:
            return True  # "UK" and "Britain"
        if any(_same_stem(word, w) for w in words):
            return True  # "Norway" and "Norwegian", "Georgia" and "Georgian"
        if word.isalpha() and 2 <= len(word) <= 5:
            # an acronym of a name in the other text: "NAO", "GSK", "BoA"
            if _acronym_in(word, text):
                return True
            for match in _NAME_RE.finditer(text):
                if _camel_initials(match.group()) == word:
                    return True
    return False


def _same_stem(a: str, b: str) -> bool:
    shorter = min(len(a), len(b))
    if shorter < 4:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= 2 * shorter / 3


def _camel_initials(name: str) -> str:
    return "".join(ch for ch in name if ch.isupper()).lower()


def _initials_in(name_words: list[str], words: frozenset[str]) -> bool:
    """Whether the other text writes this name as an acronym ("Bank of America" as "BoA")."""
    initials = [w[0] for w in name_words if w]
    for i in range(len(initials)):
        for j in range(i + 2, len(initials) + 1):
            if "".join(initials[i:j]) in words:
                return True
    return False


def _missing_names(names: tuple[frozenset[str], ...], other_text: str) -> list[str]:
    words = frozenset(
        _DEMONYMS.get(w.lower(), w.lower()) for w in re.findall(r"[A-Za-z][\w-]*", other_text)
    ) | frozenset(w.lower().removesuffix("'s") for w in other_text.split())
    return [
        " ".join(sorted(name))
        for name in names
        if not _name_found(name, other_text, words)
        and not _initials_in(
            [w.lower() for w in re.findall(r"[A-Za-z][\w&-]*", getattr(name, "raw", ""))], words
        )
    ]


# --------------------------------------------------------------------------- comparing


def _same_limit(a: Figure, b: Figure) -> bool:
    limit_a = a.low if a.bound == "above" else a.high
    limit_b = b.low if b.bound == "above" else b.high
    return math.isclose(limit_a, limit_b, rel_tol=0.01)


def _overlap(a: Figure, b: Figure) -> bool:
    if a.bound == "below" and b.bound == "below":
        # two ceilings ("at most 9 months", "within a year") state a rule: the same rule
        # when the limits are the same
        return _same_limit(a, b)
    if a.high < b.low or b.high < a.low:
        return False
    if not (a.hedged or b.hedged or a.derived or b.derived):
        # two exact figures: the finer one must round to the coarser one
        fine, coarse = sorted((a, b), key=lambda f: f.high - f.low)
        centre = (fine.low + fine.high) / 2
        return coarse.low <= centre <= coarse.high
    if a.bound == "above" and a.low >= b.high:
        return False
    return not (b.bound == "above" and b.low >= a.high)


def _comparable(c: Figure, p: Figure) -> bool:
    if c.key[0] != p.key[0]:
        return False
    cf, pf = c.key[1], p.key[1]
    if cf == pf:
        return True
    if cf.startswith("count:") and pf.startswith("count:"):
        # a count of something unnamed compares with a count of anything
        return cf == "count:" or pf == "count:"
    return False


def _relation(c: Figure, p: Figure) -> str | None:
    """agrees / conflicts for two comparable figures (direction of changes included)."""
    if c.key[0] in ("change",) and c.direction and p.direction and c.direction != p.direction:
        return "conflicts"
    if c.role == "level" and p.role == "level" and c.direction and p.direction:
        if c.direction != p.direction and _overlap(c, p):
            return "conflicts"
    if c.bound == "above" and p.bound == "above" and not _same_limit(c, p):
        return None  # "more than 3,000" and "more than 90,000" say too little to compare
    if c.key[0] == p.key[0] == "multiplier" and (c.comparative or p.comparative):
        if math.isclose((c.low + c.high) / 2 * (p.low + p.high) / 2, 1.0, rel_tol=0.02):
            return None  # "twice the size" and "half as big" depend on which is which
    return "agrees" if _overlap(c, p) else "conflicts"


def _describe(f: Figure) -> dict:
    finite = [v for v in (f.low, f.high) if math.isfinite(v)]
    converted = round(sum(finite) / len(finite), 6) if finite else None
    out = {
        "text": f.text,
        "value": f.value,
        "unit": f.unit,
        "converted": converted,
        "converted_low": round(f.low, 6) if math.isfinite(f.low) else None,
        "converted_high": round(f.high, 6) if math.isfinite(f.high) else None,
        "converted_unit": f.converted_unit,
        "kind": f.key[0],
    }
    if f.direction:
        out["direction"] = "up" if f.direction > 0 else "down"
    if f.derived:
        out["derived"] = f.derived
    return out


def _period_clash(claim: SentenceFacts, passage: SentenceFacts) -> str | None:
    if claim.years and passage.years and not claim.years & passage.years:
        return (
            f"other years (claim {', '.join(map(str, sorted(claim.years)))}, "
            f"passage {', '.join(map(str, sorted(passage.years)))})"
        )
    if claim.quarters and passage.quarters and not claim.quarters & passage.quarters:
        return "other quarters"
    if claim.months and passage.months and not claim.months & passage.months:
        return "other months"
    for one, other in ((claim, passage), (passage, claim)):
        if one.months and other.years and not (other.months or other.quarters):
            return "a month against a whole year"
    if (claim.quarters and passage.whole_year) or (passage.quarters and claim.whole_year):
        return "a quarter against a whole year"
    if claim.earlier != passage.earlier:
        return "one text speaks of an earlier period"
    return None


def _raw_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", text))


def _core(text: str) -> str:
    """The text without trailing adjuncts that state no figure of their own."""
    return _ADJUNCT_RE.sub(lambda m: "" if not re.search(r"\d", m.group()) else m.group(), text)


# "the gap between exports and imports": what a measure is taken between is not measured
_BETWEEN_RE = re.compile(r"\bbetween\s+[^,;.]*?\band\s+[A-Za-z-]+", re.IGNORECASE)


def _measure_words(text: str) -> frozenset[str]:
    return _raw_words(_BETWEEN_RE.sub(" ", _core(text)))


def _countries(text: str) -> frozenset[str]:
    """Countries a text is about, named or as adjectives ("Peruvian", "US", "China's")."""
    text = re.sub(r"\b[A-Z]{1,3}\$", "$", text)  # "US$1bn" is a currency
    found = set()
    for word in re.findall(r"[A-Za-z]+", text):
        lowered = word.lower()
        if lowered == "us" and word != "US":
            continue  # the pronoun
        if word[0].isupper() and (lowered in COUNTRY_NAMES or lowered in _COUNTRY_KEYS):
            found.add(COUNTRY_NAMES.get(lowered, lowered))
    return frozenset(found)


_COUNTRY_KEYS = frozenset(COUNTRY_NAMES.values())


def _measures(words: frozenset[str]) -> set[str]:
    return {_MEASURE_OF[w] for w in words if w in _MEASURE_OF}


def _topical(words: set[str] | frozenset[str]) -> set[str]:
    return {w for w in words if w not in _UNTOPICAL and not w.isdigit()}


def _score(c: Figure, passage: SentenceFacts) -> int:
    return len(_topical(c.local) & passage.keys)


def compare_facts(claim: SentenceFacts, passage: SentenceFacts) -> Comparison:
    """Compare two read texts (see `compare_texts`)."""
    if not claim.figures or not passage.figures:
        side = "claim" if not claim.figures else "passage"
        return Comparison("none", (), f"no figure in the {side}")
    clash = _period_clash(claim, passage)
    if clash:
        return Comparison("none", (), f"different periods: {clash}")
    if "forecast" in (claim.modality, passage.modality) and claim.modality != passage.modality:
        return Comparison("none", (), "a forecast against an actual figure")
    claim_names = _names(_core(claim.text), passage.text)
    passage_names = _names(_core(passage.text), claim.text)
    claim_only = _missing_names(claim_names, passage.text)
    passage_only = _missing_names(passage_names, claim.text)
    claim_countries, passage_countries = _countries(claim.text), _countries(passage.text)
    if claim_countries and passage_countries and not claim_countries & passage_countries:
        return Comparison(
            "none",
            (),
            f"different countries ({', '.join(sorted(claim_countries))} vs "
            f"{', '.join(sorted(passage_countries))})",
        )
    if claim_only and passage_only:
        return Comparison(
            "none",
            (),
            f"different subjects: the claim names {', '.join(claim_only)}, "
            f"the passage {', '.join(passage_only)}",
        )
    # defining figures ("waiting more than 18 months") must be the same on both sides
    for p in passage.figures:
        if not p.defining:
            continue
        for c in claim.figures:
            if c.defining and _comparable(c, p) and not (_overlap(c, p) and _same_limit(c, p)):
                return Comparison("none", (), f"different groups measured ({c.text} vs {p.text})")
    shared_topical = _topical(claim.keys & passage.keys)
    name_words = {w for name in claim_names + passage_names for w in name}
    shared_topical = {w for w in shared_topical if w not in name_words}
    claim_measures = _measures(_measure_words(claim.text))
    passage_measures = _measures(_measure_words(passage.text))
    different_measure = (
        claim_measures and passage_measures and not claim_measures & passage_measures
    )
    if different_measure:
        return Comparison(
            "none",
            (),
            f"different measures ({', '.join(sorted(claim_measures))} vs "
            f"{', '.join(sorted(passage_measures))})",
        )
    agreed: list[dict] = []
    conflicting: list[dict] = []
    # the readings of one written passage figure ("15% higher": a relative rise, or points)
    # conflict only when none of them agrees
    groups: dict[tuple[int, int], list[Figure]] = {}
    for p in passage.figures[:MAX_READINGS]:
        if not p.defining:
            groups.setdefault((p.start, p.end), []).append(p)
    for readings in groups.values():
        found_agree: dict | None = None
        found_conflict: dict | None = None
        for p in readings:
            verdict = _judge(p, claim, passage, passage_only, shared_topical)
            if verdict is None:
                continue
            if verdict["relation"] == "agrees":
                found_agree = found_agree or verdict
            else:
                found_conflict = found_conflict or verdict
        if found_agree:
            agreed.append(found_agree)
        elif found_conflict:
            conflicting.append(found_conflict)
    if conflicting:
        conflicting.sort(key=_pair_distance)
        first = conflicting[0]
        return Comparison(
            "conflicts",
            tuple(conflicting + agreed),
            f"same measure; {first['claim']['text']} vs {first['passage']['text']}"
            + (f" ({first['claim'].get('direction')} vs {first['passage'].get('direction')})"
               if first["claim"].get("direction") and first["passage"].get("direction")
               and first["claim"].get("direction") != first["passage"].get("direction")
               else ""),
        )  # fmt: skip
    if agreed:
        first = agreed[0]
        return Comparison(
            "agrees",
            tuple(agreed),
            f"{first['claim']['text']} is consistent with {first['passage']['text']}",
        )
    return Comparison("none", (), "no figure of the same kind about the same thing")


def _pair_distance(pair: dict) -> float:
    a, b = pair["claim"].get("converted"), pair["passage"].get("converted")
    if not a or not b or (a > 0) != (b > 0):
        return math.inf
    return abs(math.log(a / b))


def _judge(
    p: Figure,
    claim: SentenceFacts,
    passage: SentenceFacts,
    passage_only: list[str],
    shared_topical: set[str],
) -> dict | None:
    """The pair a passage reading makes with the claim figure it aligns with, if any."""
    candidates = [
        c
        for c in claim.figures[:MAX_READINGS]
        if _comparable(c, p)
        and not c.defining
        and not (c.years and p.years and not c.years & p.years)
    ]
    if not candidates:
        return None
    same_noun = [c for c in candidates if c.key == p.key]
    if p.key[1].startswith("count:") and p.key[1] != "count:" and same_noun:
        candidates = same_noun  # "64 judges" goes with the judges, not the respondents
    related = [(c, _relation(c, p)) for c in candidates]
    agreeing = [c for c, rel in related if rel == "agrees"]
    opposed = [c for c, rel in related if rel == "conflicts"]
    if agreeing:
        best_agree = max(agreeing, key=lambda c: (not c.derived, _score(c, passage)))
        swap = None if (p.derived or p.whole) else _swapped(best_agree, opposed, claim, passage)
        if swap is None:
            return _pair(best_agree, p, "agrees", claim)
        opposed = [swap]
    if p.part or (p.derived and p.derived not in _CONFLICTING_DERIVED):
        reversed_change = [
            c for c in opposed
            if p.derived == "difference" and c.derived == "difference" and c.direction
            and p.direction and c.direction != p.direction
        ]  # fmt: skip
        if not reversed_change:
            return None
        opposed = reversed_change
    written = [c for c in opposed if not c.derived]
    pool = written or (opposed if len({c.key for c in opposed}) == len(opposed) else [])
    if not pool:
        return None
    best = max(pool, key=lambda c: (_score(c, passage), -_distance(c, p)))
    if _conflict_doubt(best, p, claim, passage, passage_only, shared_topical):
        return None
    return _pair(best, p, "conflicts", claim)


# Derived readings precise enough to contradict a claim: "13 of 20", "2-1", "unanimous".
_CONFLICTING_DERIVED = frozenset(["share of a whole", "split of a vote", "unanimous"])


def _distance(c: Figure, p: Figure) -> float:
    cc = c.low if math.isfinite(c.low) else c.high
    pc = p.low if math.isfinite(p.low) else p.high
    if cc <= 0 or pc <= 0 or not (math.isfinite(cc) and math.isfinite(pc)):
        return math.inf
    return abs(math.log(pc / cc))


def _swapped(
    agreeing: Figure, opposed: list[Figure], claim: SentenceFacts, passage: SentenceFacts
) -> Figure | None:
    """A claim figure the passage's words point to instead of the one with its value.

    "Altria rose 5% and Reynolds 4.5%" against "Reynolds gained 5%": the passage's 5%
    goes with Reynolds' figure, which is not 5%.
    """
    if agreeing.derived:
        return None
    siblings = [c for c in claim.figures if c.key == agreeing.key and not c.derived]
    names = {
        term_key(w)
        for name in _names(claim.text, passage.text) + _names(passage.text, claim.text)
        for w in name
    }
    for other in opposed:
        if other.derived or other.key != agreeing.key:
            continue
        rest = [s for s in siblings if s is not other]
        own = _topical(other.local) - frozenset().union(*(s.local for s in rest))
        own -= names & agreeing.local
        theirs = _topical(agreeing.local) - other.local - names
        if own & passage.keys and not theirs & passage.keys:
            return other
    return None


_GENERIC_MODIFIERS = frozenset(
    """underlying annual total overall net gross quarterly yearly monthly average latest record
    new its their his her our the a an this that these those of like-for-like""".split()
)


def _modifiers(clause: str) -> set[str]:
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


_OF_COMPLEMENT_RE = re.compile(
    r"\b(" + "|".join(sorted(_MEASURE_OF, key=len, reverse=True)) + r")\s+of\s+(?:the\s+)?"
    r"([a-z][a-z-]+)",
    re.IGNORECASE,
)


_WHOLE_RE = re.compile(r"\s*of\s+((?:[A-Za-z-]+,?\s+){0,3}[A-Za-z-]+)")


def _whole_words(text: str, figure: Figure) -> frozenset[str]:
    """The words of the whole a percentage is of ("99 percent of heavy rare earths")."""
    if figure.key[1] != "percent":
        return frozenset()
    match = _WHOLE_RE.match(text, figure.end)
    if not match:
        return frozenset()
    words = re.findall(r"[A-Za-z]+", match.group(1))
    return frozenset(
        term_key(w.lower()) for w in words if w.lower() not in STOP_WORDS | _GENERIC_MODIFIERS
    )


def _narrower(text: str, other_text: str, other_keys: frozenset[str]) -> str | None:
    """A measure narrowed by an "of" complement ("imports of sawn timber") that the other text
    names bare ("imports rose 16%"), the complement's word absent from the other text.
    """
    other = _measure_nouns(_core(other_text))
    for measure, narrowing in _measure_nouns(_core(text)):
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


def _specifies(name: str, passage: SentenceFacts, claim: SentenceFacts) -> bool:
    """A name that only narrows a thing the claim names ("the Tarvik harbour authority")."""
    for match in _NAME_RE.finditer(passage.text):
        keys = {w.lower() for w in re.findall(r"[A-Za-z]+", match.group())}
        if not keys & set(name.split()):
            continue
        following = re.findall(r"[a-z]+", passage.text[match.end() : match.end() + 30])[:2]
        if any(term_key(w) in claim.keys for w in following if w not in STOP_WORDS):
            return True
    return False


def _conflict_doubt(
    c: Figure,
    p: Figure,
    claim: SentenceFacts,
    passage: SentenceFacts,
    passage_only: list[str],
    shared_topical: set[str],
) -> str | None:
    """Why a disagreeing pair may be about different things (then it is no conflict)."""
    if [name for name in passage_only if not _specifies(name, passage, claim)]:
        return "the passage names a subject the claim does not"
    both_forecasts = claim.modality == passage.modality == "forecast"
    if c.planned != p.planned and not (c.derived or p.derived or both_forecasts):
        return "a plan against an actual figure"
    if bool(claim.months) != bool(passage.months) and not (claim.quarters or passage.quarters):
        return "a figure for a month against one that is not"
    whole_c, whole_p = _whole_words(claim.text, c), _whole_words(passage.text, p)
    if whole_c and whole_p and not whole_c & whole_p:
        return "percentages of different wholes"
    claim_mods, passage_mods = _modifiers(c.clause), _modifiers(p.clause)
    if claim_mods and passage_mods and not (claim_mods & passage.keys or passage_mods & claim.keys):
        return "the figures measure different things"
    # a passage that narrows the measure the claim names bare ("imports of sawn timber"
    # against "imports") gives a part of it; a bare measure in a passage ("the gap") refers
    # back to one its source named before, so a claim's narrower wording does not clash
    narrower = _narrower(passage.text, claim.text, claim.keys)
    if narrower:
        return f"the passage's figure is for a part of the claim's measure ({narrower})"
    if not shared_topical and not (
        c.key[1].startswith("count:") and c.key[1] == p.key[1] and c.key[1] != "count:"
    ):
        return "the texts share no word saying what is measured"
    if c.key[1].startswith("count:") and (c.key[1] == "count:" or p.key[1] == "count:"):
        if not _topical(c.local) & _topical(passage.keys):
            return "a count of unnamed things"
    return None


def _pair(c: Figure, p: Figure, relation: str, claim: SentenceFacts) -> dict:
    pair = {
        "claim": _describe(c),
        "passage": _describe(p),
        "relation": relation,
    }
    # the claim's words in the passage figure's clause that say what is measured
    shared = _topical(p.local & claim.keys)
    if shared:
        pair["shared_context"] = sorted(shared)
    return pair


def compare_texts(claim: str, passage: str) -> Comparison:
    """Compare the figures of a claim with those of a source passage.

    Deterministic and total: any two strings give an answer, `none` when nothing can be
    compared.
    """
    return compare_facts(read_sentence(fold(claim)), read_sentence(fold(passage)))
