"""Data, grouped folds and features for training the check-worthiness model.

Used by `scripts/train_checkworthiness.py` (which searches settings and writes the model)
and `bench/checkworthiness.py`: the corpora are read from a data folder and evaluation
folders, their groups dealt to `FOLDS` folds, each sentence's features computed once per
feature setting by the runtime's own `extract_features`, and a logistic regression fitted
per fold (liblinear, fixed seed) to give out-of-fold margins.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from textcore import checkworthiness_model as runtime

FOLDS = 5
SEED = 0
MIN_DF = 3
CB_BLOCK = 1000
CORPORA = ("claimbuster", "ct19", "news")


@dataclass
class Data:
    texts: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    corpus: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    provenance: list[dict] = field(default_factory=list)

    def add(self, text: str, label: int, corpus: str, group: str) -> None:
        self.texts.append(text)
        self.labels.append(int(label))
        self.corpus.append(corpus)
        self.groups.append(group)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_data(data_dir: Path, dev_dirs: list[Path]) -> Data:
    """The training sentences of DATA_DIR and the news claims of each evaluation folder."""
    data = Data()
    for name, corpus in (("claimbuster-train.jsonl", "claimbuster"), ("ct19-train.jsonl", "ct19")):
        path = data_dir / name
        if not path.is_file():
            raise SystemExit(f"error: {path} not found")
        count = positives = 0
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    text, label = str(row["text"]), int(row["label"])
                except (ValueError, KeyError, TypeError) as exc:
                    raise SystemExit(f"error: {path}:{number}: {exc}") from None
                if corpus == "claimbuster":
                    group = f"cb-{int(str(row['id']).rsplit('-', 1)[-1]) // CB_BLOCK}"
                else:
                    group = str(row["group"])
                data.add(text, label, corpus, group)
                count += 1
                positives += label
        data.provenance.append(
            {"file": name, "sha256": _sha256(path), "sentences": count, "positives": positives}
        )
    for dev_dir in dev_dirs:
        path = dev_dir / "gold.json"
        if not path.is_file():
            raise SystemExit(f"error: {path} not found")
        gold = json.loads(path.read_text(encoding="utf-8"))
        count = positives = 0
        for article in gold["articles"]:
            group = f"{dev_dir.name}/{article['file']}"
            for claim in article["claims"]:
                label = int(bool(claim.get("checkworthy", True)))
                data.add(claim["text"], label, "news", group)
                count += 1
                positives += label
            for sentence in article["not_checkworthy"]:
                data.add(sentence, 0, "news", group)
                count += 1
        data.provenance.append(
            {
                "file": f"{dev_dir.name}/gold.json",
                "sha256": _sha256(path),
                "sentences": count,
                "positives": positives,
            }
        )
    return data


def assign_folds(data: Data) -> np.ndarray:
    """Each corpus's groups, sorted by name, dealt to the folds in turn."""
    folds = np.zeros(len(data.texts), dtype=int)
    for corpus in CORPORA:
        names = sorted({g for g, c in zip(data.groups, data.corpus, strict=True) if c == corpus})
        fold_of = {name: i % FOLDS for i, name in enumerate(names)}
        for i, (group, c) in enumerate(zip(data.groups, data.corpus, strict=True)):
            if c == corpus:
                folds[i] = fold_of[group]
    return folds


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


class Features:
    """Feature names of every sentence, computed once per feature setting."""

    def __init__(self, data: Data):
        self.data = data
        self.normalised = [_normalised(t) for t in data.texts]
        self._names: dict[object, list[list[str]]] = {}

    def names(self, char_ngrams) -> list[list[str]]:
        key = tuple(char_ngrams) if char_ngrams else None
        if key not in self._names:
            self._names[key] = [
                runtime.extract_features(t, char_ngrams=key) for t in self.data.texts
            ]
        return self._names[key]

    def matrix(self, char_ngrams, rows: np.ndarray) -> tuple[sparse.csr_matrix, list[str]]:
        """Rows scaled to unit length over a vocabulary of features seen in `MIN_DF` rows
        of `rows` (linguistic features always kept); all sentences are returned."""
        names = self.names(char_ngrams)
        counts = Counter(name for i in np.flatnonzero(rows) for name in names[i])
        vocabulary = sorted(n for n, k in counts.items() if k >= MIN_DF or n.startswith("f:"))
        index = {name: i for i, name in enumerate(vocabulary)}
        indices, pointers, values = [], [0], []
        for row in names:
            columns = sorted(index[n] for n in row if n in index)
            indices.extend(columns)
            values.extend([1.0 / np.sqrt(len(columns))] * len(columns))
            pointers.append(len(indices))
        shape = (len(names), len(vocabulary))
        return sparse.csr_matrix((values, indices, pointers), shape=shape), vocabulary


def sample_weights(data: Data, rows: np.ndarray, corpus_weights: dict[str, float]) -> np.ndarray:
    """Each corpus gets its share; inside it the two classes weigh the same."""
    labels = np.array(data.labels)
    corpus = np.array(data.corpus)
    weights = np.zeros(len(labels))
    for name, share in corpus_weights.items():
        members = rows & (corpus == name)
        if share <= 0:
            continue
        for label in (0, 1):
            cls = members & (labels == label)
            if cls.any():
                weights[cls] = share * members.sum() / (2 * cls.sum())
    return weights / weights[rows].mean()


def training_rows(features: Features, test: np.ndarray) -> np.ndarray:
    """Everything outside the test fold, less sentences whose text is also in it."""
    held = {features.normalised[i] for i in np.flatnonzero(test)}
    return ~test & np.array([n not in held for n in features.normalised])


def fit(x, labels, weights, c):
    model = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=2000)
    model.fit(x, labels, sample_weight=weights)
    return model


def out_of_fold(features: Features, folds: np.ndarray, setting: dict) -> np.ndarray:
    """Out-of-fold margins of one setting for every sentence."""
    labels = np.array(features.data.labels)
    margins = np.zeros(len(labels))
    for k in range(FOLDS):
        test = folds == k
        train = training_rows(features, test)
        x, _ = features.matrix(setting["char_ngrams"], train)
        weights = sample_weights(features.data, train, setting["weights"])
        used = train & (weights > 0)
        model = fit(x[used], labels[used], weights[used], setting["C"])
        margins[test] = model.decision_function(x[test])
    return margins
