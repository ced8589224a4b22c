"""Pure scoring of claim x passage pairs: lexical overlap weighted by rarity, fuzzy text
similarity, shared named entities and the numeric comparison of their figures.

The numeric answer is the one `compare_quantities` and `/api/compare/` give for the same
two texts (`textcore.alignment.compare_facts`); the matcher only sets a conflict aside
when the ranking says the candidate is about something else (see `_conflict_doubt`).

No Django here: callers pass plain data (texts, optional term weights from the library)
and get plain data back. The same scorer matches a claim against source passages and against
earlier claims, so a score means the same thing in both uses:

* 90-100  the candidate says the same thing (a restatement or a close paraphrase)
* 60-90   a paraphrase or a closely related statement worth a fact-checker's look
* < 60    same topic at best
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .alignment import compare_facts
from .analysis import Analysis, analyse, claim_terms, term_key
from .figures import figure_kinds, read_sentence
from .prepared import PreparedText, prepare_text

__all__ = [
    "PassageText",
    "ScoredMatch",
    "bm25_weight",
    "iter_terms",
    "score_candidates",
]


@dataclass(frozen=True)
class PassageText:
    """A text to match a claim against: a source passage or an earlier claim."""

    id: int
    text: str
    # the stored quantities are not needed: figures are read from `text`
    quantities: Sequence[dict] = ()
    # `prepare_text(text, quantities)` when the caller has it (the library index keeps it
    # for every passage); computed here otherwise, with the same result
    prepared: PreparedText | None = None


@dataclass(frozen=True)
class ScoredMatch:
    """One ranked candidate: score in [0, 100], numeric relation and what it rests on."""

    passage_id: int
    score: float
    numeric: str
    detail: dict


# Weights of the score's parts; they sum to 1 (numeric agreement comes on top).
W_COVERAGE = 0.55  # rarity-weighted share of the claim's words found in the candidate
W_PRECISION = 0.10  # rarity-weighted share of the candidate's words found in the claim
W_FUZZY = 0.20  # rapidfuzz token_set_ratio of the normalised texts
W_ENTITIES = 0.15  # rarity-weighted share of the claim's names found in the candidate
# A candidate stating the claim's figure is much more likely its source; one stating a
# different figure for the same quantity is still evidence (the claim may be wrong).
BONUS_AGREES = 0.12
BONUS_CONFLICTS = 0.06
# A conflict is only reported for candidates not far behind the best one: a figure in a
# much weaker match is more likely about something else than a contradiction. A source
# restating the claim's figure does not make a second source with another figure for the
# same thing (same year, same subject) less of a conflict, so the margin is wide. Chosen
# by leave-one-article-out cross-validation on the development set among 25, 40 and no
# margin (25 in every fold); a floor on the share of the claim's words a conflicting
# candidate must have (0.30 before) was rejected the same way in every fold: whether the
# figures are about the same thing is what the comparison itself decides.
CONFLICT_MAX_BEHIND_BEST = 25.0
# Names count more than other words of the same rarity: they say what a claim is about.
ENTITY_BOOST = 1.5


# rapidfuzz's token_set_ratio, remembered for the last pairs: the ranker's features
# (`textcore.retrieval.rank`) compare the same normalised claim and candidate texts again.
token_set_ratio = lru_cache(maxsize=1024)(fuzz.token_set_ratio)


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
    `claim_quantities` is kept for callers: the claim's figures are read from its text.
    """
    terms = claim_terms(claim_text)
    keys = [term_key(t) for t in terms]
    claim = analyse(claim_text, sentence_starts=True)
    claim_entities = set(claim.entities)
    claim_facts = read_sentence(claim_text)
    prepared = [(c, c.prepared or prepare_text(c.text, c.quantities)) for c in candidates]
    weights = _weights_for(terms, keys, [pt.analysis.keys for _, pt in prepared], term_weights)
    for key in claim_entities & weights.keys():
        weights[key] *= ENTITY_BOOST
    total_weight = sum(weights.values())
    typical_weight = total_weight / len(weights) if weights else 1.0
    entity_weights = {e: weights.get(e, typical_weight) for e in claim_entities}
    entity_total = sum(entity_weights.values())
    scored: list[tuple[float, str, int, dict, frozenset[str]]] = []
    checks: list[tuple[PreparedText, Analysis, set[str]]] = []
    for candidate, text in prepared:
        p = text.analysis
        shared = [k for k in weights if k in p.keys]
        shared_weight = sum(weights[k] for k in shared)
        coverage = shared_weight / total_weight if total_weight else 0.0
        # the candidate's own words outside the claim count like typical claim words at
        # half weight, so a long passage that merely contains the claim's words scores lower
        extra = len(p.keys - weights.keys())
        precision = (
            shared_weight / (shared_weight + 0.5 * typical_weight * extra) if shared_weight else 0.0
        )
        fuzzy = token_set_ratio(claim.normalized, p.normalized) / 100.0 if claim.normalized else 0.0
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
        detail = {
            "coverage": round(coverage, 3),
            "precision": round(precision, 3),
            "fuzzy": round(fuzzy, 3),
            "entities": round(entities, 3),
            "shared_terms": sorted(shared),
            "missing_entities": sorted(claim_entities - found),
        }
        scored.append((base, "none", candidate.id, detail, p.stated_years))
        checks.append((text, p, found))
    # the comparison of compare_quantities and /api/compare/, figures read from the texts;
    # reading a candidate's figures costs more than scoring its words, so a candidate whose
    # stored quantities cannot give a figure of any kind the claim states is not read
    claim_kinds = figure_kinds(claim_facts.figures)
    for i, (base, _, candidate_id, detail, years) in enumerate(scored):
        candidate = candidates[i]
        text, p, found = checks[i]
        if not claim_facts.figures:
            numeric, numeric_detail = "none", {"pairs": [], "reason": "no figure in the claim"}
        elif _may_compare(claim_kinds, candidate, text.kinds):
            comparison = compare_facts(claim_facts, text.facts)
            numeric = comparison.numeric
            numeric_detail = {"pairs": list(comparison.pairs), "reason": comparison.reason}
        else:
            numeric = "none"
            numeric_detail = {"pairs": [], "reason": "no figure of the kind the claim states"}
        if numeric == "conflicts":
            doubt = _conflict_doubt(claim, p, found)
            if doubt:
                numeric_detail = {**numeric_detail, "ignored": doubt}
                numeric = "none"
        scored[i] = (base, numeric, candidate_id, {"numeric": numeric_detail, **detail}, years)
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


def _may_compare(
    claim_kinds: frozenset[str], candidate: PassageText, kinds: frozenset[str]
) -> bool:
    """Whether the candidate can state a figure of a kind the claim states (see above);
    `kinds` are those its stored quantities can give (`quantity_kinds`)."""
    if not candidate.text:
        return False
    if not candidate.quantities and _DIGIT_RE.search(candidate.text):
        return True  # quantities not given by the caller: the text must be read
    return bool(claim_kinds & kinds)


_DIGIT_RE = re.compile(r"\d")


def _conflict_doubt(claim: Analysis, passage: Analysis, found: set[str]) -> str | None:
    """Why a numeric conflict may be about another thing than the claim's figure, if it may.

    On top of the comparison's own alignment, a conflict needs the candidate not to be
    naming only other subjects (the person quoted, "said Mr Smith", is no subject), not
    giving the figure of another country ("China's exports" for "exports", "US exports"),
    and stating its figure for the claim's year (years it only compares with, "up 5% from
    2003", do not count).
    """
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
