"""Second stage of the claim lookup: features of each (claim, candidate) pair and the
learned ranker that turns them into a score in [0, 100].

The ranker is linear in the features below and reads as a logistic regression: its
weights are learned to order each claim's candidates (gold above the others, pairwise)
and then calibrated into a probability, by `scripts/train_ranker.py`, and shipped as JSON
(`ranker.json` beside this module); its probability that the candidate is what the claim
is about, times 100, is the match score.
Matches below the ranker's floor, or without enough evidence of being about the claim
(`textcore.retrieval.gate`), are not shown. The same function ranks for the lookup
and for training, so what is trained is what runs.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from textcore.analysis import claim_terms, normalize_text, term_key
from textcore.matching import PassageText, score_candidates, token_set_ratio

from .gate import RelevanceGate, default_gate, shared_evidence
from .prepared import PreparedPassage, prepare_passage
from .query import index_terms, without_credit_line
from .related import default_related, related_coverage
from .similarity import char_cosines, trigram_jaccards

RANKER_PATH = Path(__file__).with_name("ranker.json")
RANKER_FORMAT = "factcheck-claim-ranker"
RANKER_VERSION = 1

FEATURES = (
    "bm25",  # first-stage score relative to the best candidate's
    "bm25_text",  # BM25 of the passage text, relative to the best candidate's
    "bm25_title",  # BM25 of the source title and publisher, relative to the best's
    "bm25_log",  # log(1 + first-stage score): how much the claim and passage share at all
    "rank",  # 1 / (1 + first-stage rank)
    "coverage",  # rarity-weighted share of the claim's words in the passage
    "precision",  # rarity-weighted share of the passage's words in the claim
    "entities",  # rarity-weighted share of the claim's names in the passage
    "fuzzy_set",  # rapidfuzz token_set_ratio, claim vs passage
    "fuzzy_sort",  # rapidfuzz token_sort_ratio, claim vs passage
    "fuzzy_partial",  # rapidfuzz partial_ratio, claim vs passage
    "fuzzy_title",  # rapidfuzz token_set_ratio, claim vs source title
    "char3",  # Jaccard similarity of character trigrams, claim vs passage
    "char3_title",  # Jaccard similarity of character trigrams, claim vs source title
    "char_cosine",  # TF-IDF cosine of character 3-5-grams, claim vs title + text (below)
    "char_cosine_rel",  # the same, relative to the best candidate's
    "text_recall",  # rarity-weighted share of the passage text's keys found in the claim
    "title_recall",  # rarity-weighted share of the source title's keys found in the claim
    "numbers",  # share of the claim's numbers written in the passage or title
    "agrees",  # the claim's figures agree with the passage's (units converted)
    "conflicts",  # the passage states the same kind of figure with another value
    "claim_coverage",  # rarity-weighted share of the claim's own keys in title + text (below)
    "claim_coverage_rel",  # the same, relative to the best candidate's
    "claim_related",  # the same for the claim's keys said in related words only (below)
    # The same for every candidate of a claim: how well the library answers the claim at
    # all. They leave the order of a claim's candidates alone and set how sure the score is.
    "best_claim_coverage",  # the best candidate's claim_coverage
    "best_bm25_log",  # log(1 + the best first-stage score)
)
# The claim-level features above: a pairwise objective cannot weigh them (they cancel out
# in every pair), the calibration of its score does (`scripts/train_ranker.py`).
CLAIM_LEVEL_FEATURES = ("best_claim_coverage", "best_bm25_log")
_NUMBER = re.compile(r"^\d")


@dataclass(frozen=True)
class CandidatePassage:
    """A first-stage candidate with what the second stage needs of it."""

    id: int
    text: str
    title: str = ""
    quantities: Sequence[dict] = ()
    text_score: float = 0.0
    title_score: float = 0.0
    score: float = 0.0
    # the passage's analysis when the library index has it (`prepared`); computed from
    # text, title and quantities otherwise, with the same result
    prepared: PreparedPassage | None = None


@dataclass(frozen=True)
class RankedMatch:
    """A candidate after the second stage: score in [0, 100], numeric relation, detail."""

    passage_id: int
    score: float
    numeric: str
    detail: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Ranker:
    """A logistic regression over FEATURES (standardised), with the relevance floor."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    floor: float = 0.0
    meta: dict = field(default_factory=dict, compare=False)

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, features, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def to_json(self) -> dict:
        return {
            "format": RANKER_FORMAT,
            "version": RANKER_VERSION,
            "features": list(FEATURES),
            "weights": list(self.weights),
            "bias": self.bias,
            "mean": list(self.mean),
            "scale": list(self.scale),
            "floor": self.floor,
            **self.meta,
        }

    @classmethod
    def from_json(cls, data: dict) -> Ranker:
        if data.get("format") != RANKER_FORMAT or data.get("version") != RANKER_VERSION:
            raise ValueError(f"not a version {RANKER_VERSION} {RANKER_FORMAT} file")
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the ranker file was trained on other features")
        known = {"format", "version", "features", "weights", "bias", "mean", "scale", "floor"}
        return cls(
            weights=tuple(float(w) for w in data["weights"]),
            bias=float(data["bias"]),
            mean=tuple(float(m) for m in data["mean"]),
            scale=tuple(float(s) or 1.0 for s in data["scale"]),
            floor=float(data.get("floor", 0.0)),
            meta={k: v for k, v in data.items() if k not in known},
        )


@lru_cache(maxsize=1)
def default_ranker() -> Ranker:
    """The ranker shipped with the code."""
    return Ranker.from_json(json.loads(RANKER_PATH.read_text(encoding="utf-8")))


def _prepared(candidate: CandidatePassage) -> PreparedPassage:
    return candidate.prepared or prepare_passage(
        candidate.text, candidate.title, candidate.quantities
    )


def _recall(
    keys: frozenset[str],
    query_keys: frozenset[str],
    idf: Callable[[str], float],
    total: float | None = None,
) -> float:
    """Rarity-weighted share of `keys` found in `query_keys` (`total`: the weight of all
    of `keys`, when the caller has it)."""
    if total is None:
        total = sum(map(idf, keys))
    return sum(map(idf, keys & query_keys)) / total if total else 0.0


class _Remembered(dict):
    """A key's weight, looked up once per query (the same value as `idf(key)`)."""

    def __init__(self, idf: Callable[[str], float]):
        super().__init__()
        self.idf = idf

    def __missing__(self, key: str) -> float:
        value = self[key] = self.idf(key)
        return value


def _figure_in_context(detail: dict) -> bool:
    """Did the numeric comparison pair a claim figure with a passage figure of the same kind
    and record the topical words they share (`shared_context`)? See `gate`."""
    numeric = detail.get("numeric") or {}
    return any(pair.get("shared_context") for pair in numeric.get("pairs", ()))


def pair_features(
    query: str,
    candidates: Sequence[CandidatePassage],
    scored: dict[int, object],
    idf: Callable[[str], float],
    prepared: Sequence[PreparedPassage] | None = None,
) -> list[list[float]]:
    """FEATURES of each candidate for a cleaned query; `scored` maps id -> ScoredMatch.

    `prepared` is each candidate's analysis (`_prepared`), when the caller has it.
    """
    if prepared is None:
        prepared = [_prepared(c) for c in candidates]
    idf = _Remembered(idf).__getitem__
    query_keys = frozenset(index_terms(query))
    query_norm = normalize_text(query)
    numbers = {t for t in query_norm.split() if _NUMBER.match(t)}
    best = max((c.score for c in candidates), default=0.0) or 1.0
    best_text = max((c.text_score for c in candidates), default=0.0) or 1.0
    best_title = max((c.title_score for c in candidates), default=0.0) or 1.0
    cosines = char_cosines(
        query_norm, [f"{p.title} {p.text.analysis.normalized}" for p in prepared]
    )
    best_cosine = max(cosines, default=0.0) or 1.0
    # the claim's own words: an embedded post's credit line names who posted, not the claim
    claim_keys = frozenset(index_terms(without_credit_line(query)))
    claim_total = sum(map(idf, claim_keys))
    passage_keys = [p.keys | p.title_keys for p in prepared]
    claim_coverage = [_recall(claim_keys, keys, idf, claim_total) for keys in passage_keys]
    # the claim's keys the candidate says in other words: a synonym, a derived form
    related = default_related()
    claim_related = [
        related_coverage(claim_keys, keys, idf, claim_total, related) for keys in passage_keys
    ]
    jaccards = trigram_jaccards(
        query_norm, [p.text.analysis.normalized for p in prepared] + [p.title for p in prepared]
    )
    text_jaccards, title_jaccards = jaccards[: len(prepared)], jaccards[len(prepared) :]
    top_coverage = max(claim_coverage, default=0.0)
    best_coverage = top_coverage or 1.0
    rows = []
    for rank, (candidate, passage) in enumerate(zip(candidates, prepared, strict=True)):
        text_norm, title_norm = passage.text.analysis.normalized, passage.title
        match = scored.get(candidate.id)
        detail = match.detail if match is not None else {}
        numeric = match.numeric if match is not None else "none"
        words = passage.words
        rows.append(
            [
                candidate.score / best,
                candidate.text_score / best_text,
                candidate.title_score / best_title,
                math.log1p(candidate.score),
                1.0 / (1.0 + rank),
                float(detail.get("coverage", 0.0)),
                float(detail.get("precision", 0.0)),
                float(detail.get("entities", 0.0)),
                token_set_ratio(query_norm, text_norm) / 100.0,
                fuzz.token_sort_ratio(query_norm, text_norm) / 100.0,
                fuzz.partial_ratio(query_norm, text_norm) / 100.0,
                fuzz.token_set_ratio(query_norm, title_norm) / 100.0 if title_norm else 0.0,
                text_jaccards[rank],
                title_jaccards[rank],
                cosines[rank],
                cosines[rank] / best_cosine,
                _recall(passage.keys, query_keys, idf),
                _recall(passage.title_keys, query_keys, idf),
                len(numbers & words) / len(numbers) if numbers else 0.0,
                1.0 if numeric == "agrees" else 0.0,
                1.0 if numeric == "conflicts" else 0.0,
                claim_coverage[rank],
                claim_coverage[rank] / best_coverage,
                claim_related[rank],
                top_coverage,
                math.log1p(max((c.score for c in candidates), default=0.0)),
            ]
        )
    return rows


def second_stage(
    query: str,
    quantities: Sequence[dict],
    candidates: Sequence[CandidatePassage],
    *,
    idf: Callable[[str], float],
    prepared: Sequence[PreparedPassage] | None = None,
) -> tuple[list[list[float]], dict[int, object]]:
    """Features of every candidate (in candidate order) and the wording/numeric scores."""
    if prepared is None:
        prepared = [_prepared(c) for c in candidates]
    weights = {word: idf(term_key(word)) for word in claim_terms(query)}
    scored = score_candidates(
        query,
        quantities,
        [
            PassageText(c.id, c.text, c.quantities, prepared=p.text)
            for c, p in zip(candidates, prepared, strict=True)
        ],
        term_weights=weights,
        limit=len(candidates),
    )
    by_id = {m.passage_id: m for m in scored}
    return pair_features(query, candidates, by_id, idf, prepared), by_id


def rank_candidates(
    query: str,
    quantities: Sequence[dict],
    candidates: Sequence[CandidatePassage],
    *,
    idf: Callable[[str], float],
    library_size: int,
    ranker: Ranker | None = None,
    gate: RelevanceGate | None = None,
    limit: int = 10,
) -> list[RankedMatch]:
    """Rank a cleaned query's candidates, best first; matches under the floor left out.

    The floor is the ranker's own and the relevance gate (`textcore.retrieval.gate`, the
    shipped one unless given; `OPEN_GATE` lets every candidate through). `idf` and
    `library_size` are the library index's, which the gate weighs shared keys by.
    """
    if not candidates or limit <= 0:
        return []
    ranker = ranker or default_ranker()
    gate = gate or default_gate()
    query_keys = frozenset(index_terms(query))
    prepared = [_prepared(c) for c in candidates]
    features, scored = second_stage(query, quantities, candidates, idf=idf, prepared=prepared)
    results = []
    for candidate, passage, row in zip(candidates, prepared, features, strict=True):
        score = round(100.0 * ranker.probability(row), 2)
        if score < ranker.floor:
            continue
        match = scored.get(candidate.id)
        numeric = match.numeric if match is not None else "none"
        evidence = shared_evidence(
            query_keys,
            passage.keys | passage.title_keys,
            idf=idf,
            library_size=library_size,
            figure=_figure_in_context(match.detail if match is not None else {}),
        )
        if not gate.admits(evidence, score):
            continue
        detail = dict(match.detail) if match is not None else {}
        detail["relevance"] = evidence.as_detail()
        detail["retrieval"] = {
            "text": round(candidate.text_score, 3),
            "title": round(candidate.title_score, 3),
        }
        results.append(RankedMatch(candidate.id, score, numeric, detail))
    results.sort(key=lambda m: (-m.score, m.passage_id))
    return results[:limit]
