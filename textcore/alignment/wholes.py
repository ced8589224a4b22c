"""What a figure is a share or an amount of, read from the words of its clause.

The whole a percentage is of ("99% of heavy oil", "China's share of refining"), the words
that restrict that whole, and the kind of activity a figure counts ("mines 60%" against
"refines 90%"); two figures of different wholes or activities are not compared.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textcore.alignment.measures import _GENERIC_MODIFIERS
from textcore.analysis import term_key
from textcore.figures import Figure
from textcore.lexicon import STOP_WORDS

# What is done with what a figure measures, by kind of activity: a share of the copper
# mined is not a share of the copper refined, nor of the copper sold abroad. Verbs,
# participles and nouns alike ("mines 60%", "60% of mined output", "its share of
# refining"). The general words for making things ("produce", "output", "supply") name
# no kind in particular: they go with each.
_ACTIVITY_GROUPS = {
    "extract": """mine mines mined mining extract extracts extracted extracting extraction
        quarry quarries quarried quarrying""",
    "process": """refine refines refined refining refinery refineries refiner refiners
        smelt smelts smelted smelting smelter smelters process processes processed
        processing separation separate separated separating""",
    "manufacture": """manufacture manufactures manufactured manufacturing assemble assembles
        assembled assembling assembly""",
    "consume": "consume consumes consumed consuming consumption",
    "export": "export exports exported exporting exporter exporters",
    "import": "import imports imported importing importer importers",
    "sell": "sell sells sold selling sale sales",
    "buy": "buy buys bought buying purchase purchases purchased purchasing",
    "hold": "reserves reserve deposits",
}
_ACTIVITY_OF = {w: group for group, words in _ACTIVITY_GROUPS.items() for w in words.split()}
# A kind of activity goes with the broader kind it is a case of: exporting is selling abroad.
_BROADER_ACTIVITY = {"export": "sell", "import": "buy"}
# Words that say how much of a whole is taken or where it is counted, not which whole:
# "all of", "the entire", "global output".
_SCOPE_WORDS = frozenset(
    """all entire whole total overall combined global world worldwide international national
    annual yearly estimated known existing current available respective collective""".split()
)
# Verbs that often follow the whole of a share ("60% of adults say", "half of homes use"):
# they end its phrase.
_COMMON_VERBS = frozenset(
    """think thinks believe believes say want wants support supports oppose opposes back
    backs favour favours like likes live lives work works own owns use uses come comes go
    goes get gets take takes make makes pay pays expect expects feel feels agree agrees
    remain remains became become becomes went has have had do does did""".split()
)
# Adverbs of time that follow a phrase: "of our capacity today".
_TIME_ADVERBS = frozenset(
    """today yesterday tomorrow tonight currently already alone annually ago nationwide last
    next right""".split()
)
_PLURAL_RE = re.compile(r"[^su']s$")
_IRREGULAR_PLURALS = frozenset("people men women children police".split())
# Nouns of action, whose "of" phrase names what is acted on: "refining of ores".
_DEVERBAL_RE = re.compile(r"(?:ing|tion|sion|ment)$")
_PHRASE_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z-]*(?:'s|')?|\d[\d.,]*|\S")
_SHARE_NOUN_RE = re.compile(
    r"\b(?:share|proportion|percentage|fraction|portion)\s+of\s+", re.IGNORECASE
)
_DETERMINERS = frozenset("the a an its their his her our this that these those all".split())
_BE = frozenset("is are was were be been being now then".split())


def _of_phrase(text: str, start: int) -> tuple[list[list[str]], list[str]]:
    """The noun phrase that begins at `start` (after an "of"), as conjuncts of words, and
    the words just after it ("the copper mined in Chile": [["copper"]], ["mined", ...]).

    Determiners and possessives open the phrase ("the world's heavy oil"); a stop word, a
    common verb, a punctuation mark, and after its first word a name or a word in -ed end
    it; so does a plural noun, which heads its phrase ("of voters think").
    """
    tokens = _PHRASE_TOKEN_RE.findall(text[start : start + 160])
    i = 0
    while i < len(tokens) and (
        tokens[i].lower() in _DETERMINERS or tokens[i].lower().endswith(("'s", "'"))
    ):
        i += 1
    conjuncts: list[list[str]] = [[]]
    while i < len(tokens) and sum(map(len, conjuncts)) < 6:
        token = tokens[i]
        lowered = token.lower()
        if lowered in ("and", "or") and conjuncts[-1]:
            conjuncts.append([])
            i += 1
            continue
        if (
            token == ","
            and conjuncts[-1]
            and i + 1 < len(tokens)
            and tokens[i + 1][:1].islower()
            and tokens[i + 1].lower() not in STOP_WORDS
        ):
            conjuncts.append([])  # "of rarer, heavy ores", "of copper, nickel and zinc"
            i += 1
            continue
        if lowered == "of" and conjuncts[-1] and _DEVERBAL_RE.search(conjuncts[-1][-1].lower()):
            # the object of a noun of action is part of the whole: "of the refining of ores"
            i += 1
            while i < len(tokens) and tokens[i].lower() in _DETERMINERS:
                i += 1
            conjuncts.append([])
            continue
        if (
            not token[0].isalpha()
            or lowered in STOP_WORDS | _COMMON_VERBS | _TIME_ADVERBS
            or lowered.endswith("'")  # "don't"
        ):
            break
        if conjuncts[-1] and (lowered.endswith("ed") or token[0].isupper()):
            break  # "of the copper mined", "of voters polled", "of adults Ipsos asked"
        conjuncts[-1].append(token)
        i += 1
        if (_PLURAL_RE.search(lowered) or lowered in _IRREGULAR_PLURALS) and not (
            i < len(tokens) and tokens[i].lower() in ("and", "or")
        ):
            break
    after = [t.lower() for t in tokens[i : i + 4] if t[0].isalpha()]
    return [c for c in conjuncts if c], after


def _share_phrases(text: str, figure: Figure) -> list[tuple[list[list[str]], list[str], bool]]:
    """The phrases that say what a figure is a share or an amount of: its "of" complement
    ("99% of heavy oil", "5m tonnes of copper"; marked True) and, for a percentage, a
    "share of" phrase before it in its clause ("the share of refining stands at 90%"),
    which may name an activity rather than the whole ("for heavy oils, the share of
    refining")."""
    phrases = []
    of = re.match(r"\s*of\s+", text[figure.end : figure.end + 10])
    if of:
        phrases.append((*_of_phrase(text, figure.end + of.end()), True))
    if figure.key[1] == "percent" and figure.clause:
        clause_start = text.find(figure.clause)
        for match in _SHARE_NOUN_RE.finditer(figure.clause):
            if clause_start < 0 or clause_start + match.end() <= figure.start:
                phrases.append((*_of_phrase(figure.clause, match.end()), False))
    return phrases


@dataclass(frozen=True)
class ShareFrame:
    """What a figure is a share or an amount of, as far as its words say."""

    whole: frozenset[str]  # word keys of the whole ("of the world's heavy oil": heavy, oil)
    modifiers: frozenset[str]  # the words that restrict it, lowercased ("heavy")
    initials: frozenset[str]  # of its phrases of several words ("gross domestic product": gdp)
    activities: frozenset[str]  # kinds of activity counted ("refines 99% of": process)
    stated: bool  # whether a whole is written at all


@lru_cache(maxsize=4096)
def share_frame(text: str, figure: Figure) -> ShareFrame:
    """What a figure is a share or an amount of ("99% of heavy rare earths", "China's share
    of refining is 90%", "60% of mined output").

    The modifiers of the whole are the words before the head noun of each conjunct,
    written in lower case (names are subjects, compared elsewhere), without words of scope
    ("global", "total"). The activities come from the verb just before the figure
    ("refines 99%"), the words of the whole ("of refining", "of mined output") and a verb or
    participle just after it ("60% of rare earths are refined in ...").
    """
    whole: set[str] = set()
    modifiers: set[str] = set()
    initials: set[str] = set()
    activity_words: list[str] = []
    stated = False
    verb = re.search(r"([A-Za-z]+)\s+$", text[max(0, figure.start - 30) : figure.start])
    if verb:
        activity_words.append(verb.group(1).lower())
    for conjuncts, after, complement in _share_phrases(text, figure):
        stated = stated or bool(conjuncts)
        for words in conjuncts:
            lowered = [w.lower() for w in words]
            activity_words += lowered
            if complement:
                whole.update(
                    term_key(w)
                    for w in lowered
                    if w not in STOP_WORDS | _GENERIC_MODIFIERS | _SCOPE_WORDS
                )
            if len(words) > 1:
                initials.add("".join(w[0] for w in lowered))
            modifiers.update(
                w
                for word, w in zip(words[:-1], lowered, strict=False)
                if word[0].islower() and w not in _SCOPE_WORDS | _GENERIC_MODIFIERS
            )
        for word in after[:3]:
            if word in _ACTIVITY_OF:
                activity_words.append(word)
                break
            if word not in _BE and not word.endswith("ed"):
                break
    activities = {_ACTIVITY_OF[w] for w in activity_words if w in _ACTIVITY_OF}
    activities |= {_BROADER_ACTIVITY[a] for a in activities if a in _BROADER_ACTIVITY}
    return ShareFrame(
        frozenset(whole), frozenset(modifiers), frozenset(initials), frozenset(activities), stated
    )


def disjoint_wholes(c_text: str, c: Figure, p_text: str, p: Figure) -> bool:
    """Whether two percentages are of wholes that share no word ("of exports", "of sales").

    Weaker evidence than a narrower whole: the same whole is often named in other words
    ("of voters", "of those polled"), so this only keeps two values from conflicting.
    """
    if c.key[1] != "percent":
        return False
    cf, pf = share_frame(c_text, c), share_frame(p_text, p)
    return bool(
        cf.whole
        and pf.whole
        and not cf.whole & pf.whole
        and not cf.initials & pf.whole
        and not pf.initials & cf.whole
    )


def _acronyms(text: str) -> frozenset[str]:
    return frozenset(a.lower() for a in re.findall(r"\b[A-Z]{2,6}\b", text))


def _mentions(word: str, keys: frozenset[str]) -> bool:
    """Whether a text with word keys `keys` uses the word in any of its forms ("refined":
    "refinery"; "high-grade": "high" and "grade")."""
    key = term_key(word)
    if key in keys:
        return True
    parts = [term_key(p) for p in word.split("-") if p]
    if len(parts) > 1 and all(p in keys for p in parts):
        return True
    if len(key) < 4:
        return False
    return any(len(k) >= 4 and (k.startswith(key) or key.startswith(k)) for k in keys)


def different_wholes(
    c_text: str, c: Figure, c_keys: frozenset[str], p_text: str, p: Figure, p_keys: frozenset[str]
) -> str | None:
    """Why two figures are shares or amounts of different things, if they are; they are then
    not compared at all (neither agreement nor conflict).

    - A whole restricted by a modifier the other text never uses is a narrower whole:
      "99% of heavy oils" against "90% of oils", "60% of mined output" against "90% of
      output" (a part's share says nothing of the whole's, nor the other way round). Both
      figures must state a whole: a bare "90%" may be of anything the sentence is about.
    - Figures that count activities of different kinds: "mines 60%" against "refines 90%",
      "exports 40%" against "imports 40%".
    """
    cf, pf = share_frame(c_text, c), share_frame(p_text, p)
    if cf.stated and pf.stated:
        # a phrase the other text abbreviates restricts nothing ("gross domestic product")
        c_mods = set() if cf.initials & _acronyms(p_text) else cf.modifiers
        p_mods = set() if pf.initials & _acronyms(c_text) else pf.modifiers
        narrower = sorted(m for m in c_mods if not _mentions(m, p_keys))
        narrower += sorted(m for m in p_mods if not _mentions(m, c_keys))
        if narrower:
            return f"wholes of different extent ({', '.join(narrower)})"
    if cf.activities and pf.activities and not cf.activities & pf.activities:
        return (
            f"different activities counted ({', '.join(sorted(cf.activities))} vs "
            f"{', '.join(sorted(pf.activities))})"
        )
    return None
