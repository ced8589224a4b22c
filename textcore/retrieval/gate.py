"""The relevance floor under suggestions: is a ranked passage evidence about the claim at all?

The ranker's probability says how likely a candidate is the one the claim is about,
*relative to the other candidates*; a claim with nothing in the library still gets a
best candidate, often one that shares a single stray word with it ("includes", "made").
A passage is suggested only when three things hold:

- it shares at least `min_pieces` pieces of evidence with the claim: each distinct search
  key (stemmed word or number, stop words left out) found in the passage text or its
  source's title (the title names what the passage is about, and is shown with it), and
  a figure in context: the numeric comparison paired one of the claim's figures with a
  passage figure of the same kind and recorded the topical words they share
  (`shared_context`, which it does for a figure that differs from the claim's, the
  candidate for a conflict; a figure that agrees is paired on its value alone, and a
  value alone is no evidence of topic: "$25" or "70 mph" agree with many unrelated
  claims). One shared word is a coincidence of vocabulary, not evidence; a word and a
  figure of the same measure ("$950m in taxes" against "income tax ... roughly US$1.25
  billion") are;
- the rarity of what it shares is at least `min_evidence`: the sum over the shared keys
  of their BM25 idf in the library, each divided by log(1 + library size) so that a key
  found in almost no passage counts about 1 and a very common one about 0, whatever the
  library's size (two common words such as "year" and "said" are not enough);
- the ranker's score is at least `min_score` (0-100).

`min_pieces` is a design choice (the floor exists to drop single-word matches); the two
thresholds are learned by `scripts/train_gate.py` on labelled claims and shipped in
`gate.json` beside this module, with the data and the ranker they were chosen for.
Pure: no Django, no I/O beyond reading the shipped file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

GATE_PATH = Path(__file__).with_name("gate.json")
GATE_FORMAT = "factcheck-relevance-gate"
GATE_VERSION = 1


@dataclass(frozen=True)
class Evidence:
    """What a passage shares with a claim: the keys, their rarity, a comparable figure."""

    shared: tuple[str, ...]
    weight: float
    figure: bool = False

    @property
    def pieces(self) -> int:
        return len(self.shared) + self.figure

    def as_detail(self) -> dict:
        return {
            "shared": list(self.shared),
            "evidence": round(self.weight, 3),
            "figure": self.figure,
        }


def rarity_scale(library_size: int) -> float:
    """The idf a key found in almost no passage reaches: log(1 + library size)."""
    return math.log1p(max(library_size, 1))


def shared_evidence(
    query_keys: Iterable[str],
    passage_keys: Iterable[str],
    *,
    idf: Callable[[str], float],
    library_size: int,
    figure: bool = False,
) -> Evidence:
    """The distinct keys a claim shares with a passage (text and title), and their rarity;
    `figure` says whether the passage states a figure comparable with the claim's."""
    shared = tuple(sorted(set(query_keys) & set(passage_keys)))
    scale = rarity_scale(library_size)
    weight = sum(min(max(idf(k), 0.0) / scale, 1.0) for k in shared)
    return Evidence(shared, weight, figure)


@dataclass(frozen=True)
class RelevanceGate:
    """A passage is suggested only with enough evidence of being about the claim."""

    min_pieces: int = 2
    min_evidence: float = 0.0
    min_score: float = 0.0
    meta: dict = field(default_factory=dict, compare=False)

    def admits(self, evidence: Evidence, score: float) -> bool:
        return (
            evidence.pieces >= self.min_pieces
            and evidence.weight >= self.min_evidence
            and score >= self.min_score
        )

    def to_json(self) -> dict:
        return {
            "format": GATE_FORMAT,
            "version": GATE_VERSION,
            "min_pieces": self.min_pieces,
            "min_evidence": self.min_evidence,
            "min_score": self.min_score,
            **self.meta,
        }

    @classmethod
    def from_json(cls, data: dict) -> RelevanceGate:
        if data.get("format") != GATE_FORMAT or data.get("version") != GATE_VERSION:
            raise ValueError(f"not a version {GATE_VERSION} {GATE_FORMAT} file")
        known = {"format", "version", "min_pieces", "min_evidence", "min_score"}
        return cls(
            min_pieces=int(data["min_pieces"]),
            min_evidence=float(data["min_evidence"]),
            min_score=float(data["min_score"]),
            meta={k: v for k, v in data.items() if k not in known},
        )


# Lets everything through: for a search a person typed, where every hit is worth showing.
OPEN_GATE = RelevanceGate(min_pieces=0)


@lru_cache(maxsize=1)
def default_gate() -> RelevanceGate:
    """The gate shipped with the code."""
    return RelevanceGate.from_json(json.loads(GATE_PATH.read_text(encoding="utf-8")))
