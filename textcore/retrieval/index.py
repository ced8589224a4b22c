"""An in-memory BM25 index over two fields (passage text; source title and publisher).

Search is exhaustive: every passage sharing a key with the query gets its exact BM25
score, added term by term from numpy posting arrays, so the first stage can never lose
what BM25 would rank first. The cost grows with the postings of the query's keys, not
with the library; stop words never reach it (see `query.index_terms`).

Term frequency counts in passages are sentence-sized, so a key counts once per field and
length normalisation uses the number of distinct keys.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

K1 = 1.2
B = 0.75
# A title word counts for this share of a passage word (a fact-check headline or report
# title says what the passage is about, in fewer, more general words). Chosen by
# cross-validation in scripts/train_ranker.py; recorded in the ranker file.
TITLE_WEIGHT = 0.5


@dataclass(frozen=True)
class Hit:
    """One passage found: its position in the index and its BM25 scores per field."""

    doc: int
    score: float
    text_score: float
    title_score: float


class _Field:
    """Posting arrays of one field: key -> (document positions, BM25 term-frequency part)."""

    def __init__(self, docs_terms: Sequence[Sequence[str]]):
        self.size = len(docs_terms)
        lengths = np.array([len(set(t)) for t in docs_terms], dtype=np.float32)
        average = float(lengths.mean()) if self.size else 1.0
        norms = K1 * (1 - B + B * lengths / max(average, 1e-9))
        impact = (K1 + 1) / (1 + norms)
        postings: dict[str, list[int]] = {}
        for doc, terms in enumerate(docs_terms):
            for key in set(terms):
                postings.setdefault(key, []).append(doc)
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for key, docs in postings.items():
            positions = np.array(docs, dtype=np.int32)
            self.postings[key] = (positions, impact[positions])

    def idf(self, key: str) -> float:
        df = len(self.postings[key][0]) if key in self.postings else 0
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def add_scores(self, scores: np.ndarray, keys: Iterable[str]) -> None:
        for key in keys:
            found = self.postings.get(key)
            if found is not None:
                scores[found[0]] += self.idf(key) * found[1]


class LibraryIndex:
    """BM25 over the library's passages; documents are addressed by their position."""

    def __init__(
        self,
        texts_terms: Sequence[Sequence[str]],
        titles_terms: Sequence[Sequence[str]],
        *,
        title_weight: float = TITLE_WEIGHT,
    ):
        if len(texts_terms) != len(titles_terms):
            raise ValueError("one title per passage")
        self.size = len(texts_terms)
        self.text = _Field(texts_terms)
        self.title = _Field(titles_terms)
        self.title_weight = title_weight

    def __len__(self) -> int:
        return self.size

    def search(self, keys: Sequence[str], *, limit: int) -> list[Hit]:
        """The `limit` best passages by BM25 (text + weighted title), best first."""
        unique = list(dict.fromkeys(keys))
        if not unique or not self.size or limit <= 0:
            return []
        text = np.zeros(self.size, dtype=np.float32)
        title = np.zeros(self.size, dtype=np.float32)
        self.text.add_scores(text, unique)
        self.title.add_scores(title, unique)
        total = text + self.title_weight * title
        found = np.flatnonzero(total)
        if not len(found):
            return []
        if len(found) > limit:
            # exact top `limit`; ties broken by position so results are deterministic
            part = found[np.argpartition(-total[found], limit - 1)[:limit]]
            cutoff = total[part].min()
            found = found[total[found] >= cutoff]
        order = sorted(found.tolist(), key=lambda doc: (-float(total[doc]), doc))[:limit]
        return [Hit(doc, float(total[doc]), float(text[doc]), float(title[doc])) for doc in order]
