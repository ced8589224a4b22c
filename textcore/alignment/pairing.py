"""Which claim figure a passage figure goes with, and whether their values agree.

Two figures are comparable when they are of one kind and family (a level with a level, a
change with a change, amounts in one currency); a passage figure goes with the claim figure
whose clause shares its words, and a disagreeing pair is a conflict only when nothing
suggests the two measure different things.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import math

from textcore.alignment.measures import modifiers, narrower_measure, topical
from textcore.alignment.subjects import names_in, specifies
from textcore.alignment.wholes import different_wholes, disjoint_wholes
from textcore.analysis import term_key
from textcore.figures import Figure, SentenceFacts

# A claim and a passage are a sentence or two: past this many readings of figures on one
# side the rest is left out, so a pasted document cannot make a comparison slow.
MAX_READINGS = 120


def same_limit(a: Figure, b: Figure) -> bool:
    limit_a = a.low if a.bound == "above" else a.high
    limit_b = b.low if b.bound == "above" else b.high
    return math.isclose(limit_a, limit_b, rel_tol=0.01)


def overlap(a: Figure, b: Figure) -> bool:
    if a.bound == "below" and b.bound == "below":
        # two ceilings ("at most 9 months", "within a year") state a rule: the same rule
        # when the limits are the same
        return same_limit(a, b)
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


def comparable(c: Figure, p: Figure) -> bool:
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
        if c.direction != p.direction and overlap(c, p):
            return "conflicts"
    if c.bound == "above" and p.bound == "above" and not same_limit(c, p):
        return None  # "more than 3,000" and "more than 90,000" say too little to compare
    if c.key[0] == p.key[0] == "multiplier" and (c.comparative or p.comparative):
        if math.isclose((c.low + c.high) / 2 * (p.low + p.high) / 2, 1.0, rel_tol=0.02):
            return None  # "twice the size" and "half as big" depend on which is which
    return "agrees" if overlap(c, p) else "conflicts"


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


def _score(c: Figure, passage: SentenceFacts) -> int:
    return len(topical(c.local) & passage.keys)


def pair_distance(pair: dict) -> float:
    a, b = pair["claim"].get("converted"), pair["passage"].get("converted")
    if not a or not b or (a > 0) != (b > 0):
        return math.inf
    return abs(math.log(a / b))


def judge(
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
        if comparable(c, p)
        and not c.defining
        and not (c.years and p.years and not c.years & p.years)
        and not different_wholes(claim.text, c, claim.keys, passage.text, p, passage.keys)
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


def whole_clash(claim: SentenceFacts, passage: SentenceFacts) -> str | None:
    """Why the first pair of figures of one kind was left out as shares or amounts of
    different things ("99% of heavy oils" against "90% of oils"), if one was."""
    for p in passage.figures[:MAX_READINGS]:
        for c in claim.figures[:MAX_READINGS]:
            if comparable(c, p):
                why = different_wholes(claim.text, c, claim.keys, passage.text, p, passage.keys)
                if why:
                    return f"{why}: {c.text} vs {p.text}"
    return None


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
        for name in names_in(claim.text, passage.text) + names_in(passage.text, claim.text)
        for w in name
    }
    for other in opposed:
        if other.derived or other.key != agreeing.key:
            continue
        rest = [s for s in siblings if s is not other]
        own = topical(other.local) - frozenset().union(*(s.local for s in rest))
        own -= names & agreeing.local
        theirs = topical(agreeing.local) - other.local - names
        if own & passage.keys and not theirs & passage.keys:
            return other
    return None


def _conflict_doubt(
    c: Figure,
    p: Figure,
    claim: SentenceFacts,
    passage: SentenceFacts,
    passage_only: list[str],
    shared_topical: set[str],
) -> str | None:
    """Why a disagreeing pair may be about different things (then it is no conflict)."""
    if [name for name in passage_only if not specifies(name, passage, claim)]:
        return "the passage names a subject the claim does not"
    both_forecasts = claim.modality == passage.modality == "forecast"
    if c.planned != p.planned and not (c.derived or p.derived or both_forecasts):
        return "a plan against an actual figure"
    if bool(claim.months) != bool(passage.months) and not (claim.quarters or passage.quarters):
        return "a figure for a month against one that is not"
    if disjoint_wholes(claim.text, c, passage.text, p):
        return "percentages of different wholes"
    claim_mods, passage_mods = modifiers(c.clause), modifiers(p.clause)
    if claim_mods and passage_mods and not (claim_mods & passage.keys or passage_mods & claim.keys):
        return "the figures measure different things"
    # a passage that narrows the measure the claim names bare ("imports of sawn timber"
    # against "imports") gives a part of it; a bare measure in a passage ("the gap") refers
    # back to one its source named before, so a claim's narrower wording does not clash
    narrower = narrower_measure(passage.text, claim.text, claim.keys)
    if narrower:
        return f"the passage's figure is for a part of the claim's measure ({narrower})"
    if not shared_topical and not (
        c.key[1].startswith("count:") and c.key[1] == p.key[1] and c.key[1] != "count:"
    ):
        return "the texts share no word saying what is measured"
    if c.key[1].startswith("count:") and (c.key[1] == "count:" or p.key[1] == "count:"):
        if not topical(c.local) & topical(passage.keys):
            return "a count of unnamed things"
    return None


def _pair(c: Figure, p: Figure, relation: str, claim: SentenceFacts) -> dict:
    pair = {
        "claim": _describe(c),
        "passage": _describe(p),
        "relation": relation,
    }
    # the claim's words in the passage figure's clause that say what is measured
    shared = topical(p.local & claim.keys)
    if shared:
        pair["shared_context"] = sorted(shared)
    return pair
