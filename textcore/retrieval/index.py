"""A BM25 index over two fields (passage text; source title and publisher).

Search is exhaustive: every passage sharing a key with the query gets its exact BM25
score, added term by term from numpy posting arrays, so the first stage can never lose
what BM25 would rank first. The cost grows with the postings of the query's keys, not
with the library; stop words never reach it (see `query.index_terms`).

Term frequency counts in passages are sentence-sized, so a key counts once per field and
length normalisation uses the number of distinct keys.

The postings of a field are three flat arrays (documents and BM25 term-frequency parts
of every key, one key after another, and where each key starts), so an index can be
written to a folder and opened again by any process with its arrays memory-mapped: the
processes of one machine then share one copy in the page cache (`save`, `open`).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

K1 = 1.2
B = 0.75
# A title word counts for this share of a passage word (a fact-check headline or report
# title says what the passage is about, in fewer, more general words). Chosen by
# cross-validation in scripts/train_ranker.py; recorded in the ranker file.
TITLE_WEIGHT = 0.5

INDEX_FORMAT = "factcheck-library-index"
INDEX_VERSION = 1


@dataclass(frozen=True)
class Hit:
    """One passage found: its position in the index and its BM25 scores per field."""

    doc: int
    score: float
    text_score: float
    title_score: float


class _Field:
    """Posting arrays of one field: for key number k, `docs[starts[k]:starts[k + 1]]` are
    the documents holding it (ascending) and `impacts[...]` their BM25 term-frequency part."""

    def __init__(self, size: int, keys: list[str], starts, docs, impacts):
        self.size = size
        self.keys = keys
        self.number = {key: k for k, key in enumerate(keys)}
        self.starts = starts
        self.docs = docs
        self.impacts = impacts
        # idf of the keys asked for so far: the second stage asks for the same keys again
        # and again (every candidate's words), and reading `starts` costs more than a dict
        self._idf: dict[str, float] = {}

    @classmethod
    def build(cls, docs_terms: Sequence[Sequence[str]]) -> _Field:
        size = len(docs_terms)
        number: dict[str, int] = {}
        key_of: list[int] = []
        lengths = np.zeros(size, dtype=np.float32)
        for doc, terms in enumerate(docs_terms):
            distinct = dict.fromkeys(terms)
            lengths[doc] = len(distinct)
            key_of.extend(number.setdefault(key, len(number)) for key in distinct)
        counts = lengths.astype(np.int64)
        doc_of = np.repeat(np.arange(size, dtype=np.int32), counts)
        average = float(lengths.mean()) if size else 1.0
        norms = K1 * (1 - B + B * lengths / max(average, 1e-9))
        impact = (K1 + 1) / (1 + norms)
        # documents grouped by key, ascending within a key (a stable sort keeps doc order)
        order = np.argsort(np.asarray(key_of, dtype=np.int32), kind="stable")
        docs = doc_of[order]
        starts = np.zeros(len(number) + 1, dtype=np.int64)
        np.cumsum(
            np.bincount(np.asarray(key_of, dtype=np.int64), minlength=len(number)), out=starts[1:]
        )
        return cls(size, list(number), starts, docs, impact[docs])

    def postings(self, key: str) -> tuple[np.ndarray, np.ndarray] | None:
        k = self.number.get(key)
        if k is None:
            return None
        start, end = int(self.starts[k]), int(self.starts[k + 1])
        return self.docs[start:end], self.impacts[start:end]

    def df(self, key: str) -> int:
        """How many documents hold a key."""
        k = self.number.get(key)
        return int(self.starts[k + 1] - self.starts[k]) if k is not None else 0

    def idf(self, key: str) -> float:
        value = self._idf.get(key)
        if value is None:
            k = self.number.get(key)
            df = int(self.starts[k + 1] - self.starts[k]) if k is not None else 0
            value = self._idf[key] = math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))
        return value

    def add_scores(self, scores: np.ndarray, keys: Iterable[str]) -> None:
        for key in keys:
            found = self.postings(key)
            if found is not None:
                scores[found[0]] += self.idf(key) * found[1]

    def save(self, folder: Path, name: str) -> None:
        (folder / f"{name}.keys").write_text("\n".join(self.keys), encoding="utf-8")
        np.save(folder / f"{name}.starts.npy", self.starts)
        np.save(folder / f"{name}.docs.npy", self.docs)
        np.save(folder / f"{name}.impacts.npy", self.impacts)

    @classmethod
    def open(cls, folder: Path, name: str, size: int) -> _Field:
        text = (folder / f"{name}.keys").read_text(encoding="utf-8")
        keys = text.split("\n") if text else []
        arrays = [
            np.load(folder / f"{name}.{part}.npy", mmap_mode="r")
            for part in ("starts", "docs", "impacts")
        ]
        return cls(size, keys, *arrays)


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
        self.text = _Field.build(texts_terms)
        self.title = _Field.build(titles_terms)
        self.title_weight = title_weight

    def __len__(self) -> int:
        return self.size

    def share(self, key: str) -> float:
        """The share of passages holding a key in their text or their source's title."""
        return max(self.text.df(key), self.title.df(key)) / self.size if self.size else 0.0

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

    def save(self, folder: Path) -> None:
        """Write the index into `folder` (created if missing) for `open`."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.text.save(folder, "text")
        self.title.save(folder, "title")
        meta = {
            "format": INDEX_FORMAT,
            "version": INDEX_VERSION,
            "size": self.size,
            "title_weight": self.title_weight,
        }
        # written last: a folder with its meta file is complete
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def open(cls, folder: Path) -> LibraryIndex:
        """An index written by `save`, its posting arrays memory-mapped (read-only)."""
        folder = Path(folder)
        meta = read_meta(folder / "meta.json", INDEX_FORMAT, INDEX_VERSION)
        index = cls.__new__(cls)
        index.size = int(meta["size"])
        index.text = _Field.open(folder, "text", index.size)
        index.title = _Field.open(folder, "title", index.size)
        index.title_weight = float(meta["title_weight"])
        return index


def is_saved(folder: Path) -> bool:
    """Does `folder` hold a complete saved index?"""
    return os.path.exists(os.path.join(folder, "meta.json"))


def read_meta(path: Path, kind: str, version: int) -> dict:
    """The meta file of a saved store, refused when it names another format or version."""
    meta = json.loads(Path(path).read_text(encoding="utf-8"))
    if meta.get("format") != kind or meta.get("version") != version:
        raise ValueError(f"{Path(path).parent}: not a version {version} {kind}")
    return meta
