"""Data, grouped folds, features and figures for training the check-worthiness model.

Used by `scripts/train_checkworthiness.py` (which searches settings and writes the model)
and `bench/checkworthiness.py`: the corpora are read from a data folder and evaluation
folders, their groups dealt to `FOLDS` folds, each sentence's features computed once per
feature setting by the runtime's own `extract_features`, and a logistic regression fitted
per fold (liblinear, fixed seed) to give out-of-fold margins; `jobs` fits folds in parallel
processes (the same margins as one process).

A setting is a dict: `C`; `char_ngrams` (word part sizes or None); `capitalised_may`;
`supersenses` (the words' WordNet supersenses as features or not); `part_of_speech_pairs`
(the parts of speech of word pairs, from the same lexicon); `drop` (linguistic features left out); `group_scale` (factor of each feature group, see
`textcore.checkworthiness_model`); `weights` (share of each corpus).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
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


def _feature_key(setting: dict) -> tuple:
    char = setting["char_ngrams"]
    return (
        tuple(char) if char else None,
        bool(setting["capitalised_may"]),
        bool(setting.get("supersenses", False)),
        bool(setting.get("part_of_speech_pairs", False)),
    )


class Features:
    """Feature names of every sentence, computed once per feature setting."""

    def __init__(self, data: Data):
        self.data = data
        self.normalised = [_normalised(t) for t in data.texts]
        self._names: dict[object, list[list[str]]] = {}

    def names(self, setting: dict) -> list[list[str]]:
        key = _feature_key(setting)
        if key not in self._names:
            self._names[key] = [
                runtime.extract_features(
                    t,
                    char_ngrams=key[0],
                    capitalised_may=key[1],
                    supersenses=key[2],
                    part_of_speech_pairs=key[3],
                )
                for t in self.data.texts
            ]
        dropped = {"f:" + name for name in setting.get("drop", ())}
        if not dropped:
            return self._names[key]
        return [[n for n in row if n not in dropped] for row in self._names[key]]

    def matrix(self, setting: dict, rows: np.ndarray) -> tuple[sparse.csr_matrix, list[str]]:
        """Each feature group of a row scaled to the length of its factor, over a vocabulary
        of features seen in `MIN_DF` rows of `rows` (linguistic features always kept); all
        sentences are returned."""
        names = self.names(setting)
        counts = Counter(name for i in np.flatnonzero(rows) for name in names[i])
        vocabulary = sorted(n for n, k in counts.items() if k >= MIN_DF or n.startswith("f:"))
        index = {name: i for i, name in enumerate(vocabulary)}
        scale = setting["group_scale"]
        indices, pointers, values = [], [0], []
        for row in names:
            kept = [n for n in row if n in index]
            per_group = Counter(n[0] for n in kept)
            for column, name in sorted((index[n], n) for n in kept):
                indices.append(column)
                values.append(scale[name[0]] / np.sqrt(per_group[name[0]]))
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


# what a forked worker reads: the features (computed before the fork) and the setting
_SHARED: dict = {}


def _held_out_margins(test: np.ndarray) -> np.ndarray:
    """Margins of the `test` rows from a model fitted on the rest."""
    features, setting = _SHARED["features"], _SHARED["setting"]
    labels = np.array(features.data.labels)
    train = training_rows(features, test)
    x, _ = features.matrix(setting, train)
    weights = sample_weights(features.data, train, setting["weights"])
    used = train & (weights > 0)
    model = fit(x[used], labels[used], weights[used], setting["C"])
    return model.decision_function(x[test])


def held_out(features: Features, tests: list[np.ndarray], setting: dict, jobs: int = 1):
    """Margins of each test set's rows from a model fitted without them, in `jobs` processes."""
    features.names(setting)  # computed once, before any fork
    _SHARED.update(features=features, setting=setting)
    try:
        if jobs <= 1 or len(tests) <= 1:
            return [_held_out_margins(test) for test in tests]
        context = multiprocessing.get_context("fork")
        with context.Pool(min(jobs, len(tests))) as pool:
            return pool.map(_held_out_margins, tests, chunksize=1)
    finally:
        _SHARED.clear()


def out_of_fold(features: Features, folds: np.ndarray, setting: dict, jobs: int = 1):
    """Out-of-fold margins of one setting for every sentence."""
    margins = np.zeros(len(features.data.labels))
    tests = [folds == k for k in range(FOLDS)]
    for test, values in zip(tests, held_out(features, tests, setting, jobs), strict=True):
        margins[test] = values
    return margins


def f1_figures(labels: np.ndarray, predicted: np.ndarray) -> dict:
    """Precision, recall and F1 of the check-worthy class, as given and on a balanced set
    (negatives weighted to the number of positives, the shape of the held-out test)."""
    positive = labels == 1
    tp = float((predicted & positive).sum())
    fp = float((predicted & ~positive).sum())
    fn = float((~predicted & positive).sum())
    ratio = positive.sum() / max(1, (~positive).sum())

    def prf(false_pos: float) -> tuple[float, float, float]:
        p = tp / (tp + false_pos) if tp + false_pos else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(fp)
    _, _, fb = prf(fp * ratio)
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "f1_balanced": round(fb, 4),
    }


def mean_average_precision(labels: np.ndarray, scores: np.ndarray, groups: list[str]) -> float:
    """Mean over debates of the average precision of the ranking (CheckThat! 2019 MAP)."""
    values = []
    for group in sorted(set(groups)):
        members = np.array([g == group for g in groups])
        if labels[members].any():
            # ties broken by position, as the official scorer ranks by score then line
            order = np.lexsort((np.arange(members.sum()), -scores[members]))
            ranked = labels[members][order]
            hits = np.cumsum(ranked)
            precision_at = hits / np.arange(1, len(ranked) + 1)
            values.append(float((precision_at * ranked).sum() / ranked.sum()))
    return round(float(np.mean(values)), 4)


def ct19_map(data: Data, scores: np.ndarray) -> float:
    """CheckThat! 2019 MAP of scores given for every sentence."""
    members = np.array(data.corpus) == "ct19"
    groups = [g for g, m in zip(data.groups, members, strict=True) if m]
    return mean_average_precision(np.array(data.labels)[members], scores[members], groups)


def evaluate(data: Data, scores: np.ndarray, threshold: float) -> dict:
    """ClaimBuster and news P/R/F1 at the threshold, CheckThat! 2019 MAP per debate."""
    labels = np.array(data.labels)
    corpus = np.array(data.corpus)
    figures = {}
    for name in ("claimbuster", "news"):
        members = corpus == name
        if members.any():
            figures[name] = f1_figures(labels[members], scores[members] >= threshold)
    figures["ct19"] = {"map": ct19_map(data, scores)}
    return figures


def criterion(figures: dict) -> float:
    return (
        figures["claimbuster"]["f1_balanced"]
        + figures["ct19"]["map"]
        + figures.get("news", {}).get("f1", 0.0)
    )


def calibrate(data: Data, margins: np.ndarray) -> tuple[float, float]:
    """Sigmoid slope and offset over out-of-fold margins of ClaimBuster and news, each class
    of each corpus weighing the same (the CheckThat! ranking does not depend on it)."""
    corpus = np.array(data.corpus)
    rows = corpus != "ct19"
    weights = sample_weights(data, rows, {"claimbuster": 1.0, "news": 1.0})
    model = LogisticRegression(C=1e6, solver="liblinear", random_state=SEED)
    model.fit(
        margins[rows].reshape(-1, 1), np.array(data.labels)[rows], sample_weight=weights[rows]
    )
    return float(model.coef_[0][0]), float(model.intercept_[0])


def calibrated(margins: np.ndarray, slope: float, offset: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(slope * margins + offset)))
