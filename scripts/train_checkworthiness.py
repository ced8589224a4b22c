"""Train the check-worthiness model and write it as JSON (textcore/models/checkworthiness.json).

    python scripts/train_checkworthiness.py DATA_DIR [--dev-dir EVAL_DIR ...]
        [--output FILE] [--check] [--no-lodo]

DATA_DIR holds `claimbuster-train.jsonl` and `ct19-train.jsonl` (one sentence a line:
`{"id", "text", "label", "group"}`); each `--dev-dir` is an evaluation folder whose
`gold.json` lists news claims (positives) and not-check-worthy sentences (negatives).

Everything is chosen by grouped cross-validation on these data alone: ClaimBuster sentences
are grouped by blocks of 1,000 sentence ids (ids run in debate order, so a block is about one
debate), CheckThat! 2019 sentences by debate, news sentences by article; the groups of each
corpus are dealt to `FOLDS` folds, and a fold's training data never holds a sentence whose
text is also in the fold (the corpora share three 2016 debates). The grid below is searched
on the criterion ClaimBuster F1 + CheckThat! MAP + news F1 (out-of-fold); then a sigmoid is
fitted to the chosen model's out-of-fold margins with classes weighted equally, so a score of
0.5 means "as likely check-worthy as not"; the reported figures use that calibration. The
ranking MAP on CheckThat! 2019 is also measured leave-one-debate-out (one model per debate).

Features come from `textcore.checkworthiness_model.extract_features`, the same function the
runtime uses; scikit-learn fits the logistic regression (liblinear, fixed seed), the weights
are rounded and written with sorted keys, so the same data give the same bytes. `--check`
rebuilds and compares with the file instead of writing it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from scripts.checkworthiness_cv import (  # noqa: E402
    CB_BLOCK,
    FOLDS,
    MIN_DF,
    SEED,
    Data,
    Features,
    assign_folds,
    fit,
    load_data,
    out_of_fold,
    sample_weights,
    training_rows,
)
from textcore import checkworthiness_model as runtime  # noqa: E402

WEIGHT_DIGITS = 5
# The search grid, at C = 1: word parts or not, the share of CheckThat! 2019 (its labels mark
# what fact-checkers chose to check, a narrower notion than ClaimBuster's) and of news; then
# the regularisation of the best of these.
GRID = [
    {"C": 1.0, "char_ngrams": char, "weights": {"claimbuster": 1.0, "ct19": ct, "news": news}}
    for char in ((3, 5), None)
    for ct in (0.0, 0.3)
    for news in (1.0, 3.0)
]
C_STEPS = (0.5, 2.0)


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


def evaluate(data: Data, scores: np.ndarray, threshold: float) -> dict:
    """ClaimBuster and news P/R/F1 at the threshold, CheckThat! 2019 MAP per debate."""
    labels = np.array(data.labels)
    corpus = np.array(data.corpus)
    figures = {}
    for name in ("claimbuster", "news"):
        members = corpus == name
        if members.any():
            figures[name] = f1_figures(labels[members], scores[members] >= threshold)
    members = corpus == "ct19"
    groups = [g for g, m in zip(data.groups, members, strict=True) if m]
    figures["ct19"] = {"map": mean_average_precision(labels[members], scores[members], groups)}
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


def has_number_scores(data: Data) -> np.ndarray:
    """The "has a number" rule: 1 when the sentence has a digit."""
    return np.array([1.0 if any(c.isdigit() for c in t) else 0.0 for t in data.texts])


def baseline_scores(data: Data, folds: np.ndarray, corpus: str, by: str = "fold") -> np.ndarray:
    """A word (1-2) + character (2-5) n-gram TF-IDF logistic regression, classes weighted
    equally, trained on the corpus's own training folds only (`by="group"`: leave one group
    out)."""
    labels = np.array(data.labels)
    members = np.array([c == corpus for c in data.corpus])
    scores = np.full(len(labels), np.nan)
    units = (
        sorted({g for g, m in zip(data.groups, members, strict=True) if m})
        if by == "group"
        else list(range(FOLDS))
    )
    for unit in units:
        if by == "group":
            test = members & np.array([g == unit for g in data.groups])
        else:
            test = members & (folds == unit)
        train = members & ~test
        words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
        train_texts = [data.texts[i] for i in np.flatnonzero(train)]
        test_texts = [data.texts[i] for i in np.flatnonzero(test)]
        x_train = sparse.hstack(
            [words.fit_transform(train_texts), chars.fit_transform(train_texts)]
        )
        x_test = sparse.hstack([words.transform(test_texts), chars.transform(test_texts)])
        model = LogisticRegression(
            C=1.0, solver="liblinear", class_weight="balanced", random_state=SEED
        )
        model.fit(x_train.tocsr(), labels[train])
        scores[test] = model.predict_proba(x_test.tocsr())[:, 1]
    return scores


def leave_one_debate_out(features: Features, setting: dict) -> float:
    """CheckThat! 2019 MAP with one model per debate, trained on everything else."""
    data = features.data
    labels = np.array(data.labels)
    corpus = np.array(data.corpus)
    debates = sorted({g for g, c in zip(data.groups, data.corpus, strict=True) if c == "ct19"})
    scores = np.zeros(len(labels))
    for debate in debates:
        test = (corpus == "ct19") & np.array([g == debate for g in data.groups])
        train = training_rows(features, test)
        x, _ = features.matrix(setting["char_ngrams"], train)
        weights = sample_weights(data, train, setting["weights"])
        used = train & (weights > 0)
        model = fit(x[used], labels[used], weights[used], setting["C"])
        scores[test] = model.decision_function(x[test])
    members = corpus == "ct19"
    groups = [g for g, m in zip(data.groups, members, strict=True) if m]
    return mean_average_precision(labels[members], scores[members], groups)


def build(data_dir: Path, dev_dirs: list[Path], *, lodo: bool = True, log=print) -> dict:
    """Search the grid, fit the chosen setting on all data and return the model as a dict."""
    started = time.perf_counter()
    data = load_data(data_dir, dev_dirs)
    features = Features(data)
    folds = assign_folds(data)
    labels = np.array(data.labels)
    log(f"{len(labels)} sentences ({labels.sum()} check-worthy) from {len(data.provenance)} files")
    results = []

    def search(settings: list[dict]) -> tuple[dict, np.ndarray]:
        for setting in settings:
            margins = out_of_fold(features, folds, setting)
            figures = evaluate(data, margins, 0.0)
            results.append((criterion(figures), setting, margins))
            log(
                f"  {json.dumps(setting)}  criterion {criterion(figures):.4f}  {json.dumps(figures)}"
            )
        # the best criterion; a tie goes to the setting tried first
        best_value = max(r[0] for r in results)
        _, best, margins = next(r for r in results if r[0] == best_value)
        return best, margins

    setting, margins = search(GRID)
    setting, margins = search([{**setting, "C": c} for c in C_STEPS])
    slope, offset = calibrate(data, margins)
    scores = calibrated(margins, slope, offset)
    model_cv = evaluate(data, scores, 0.5)
    log(f"chosen {json.dumps(setting)}; calibrated out-of-fold figures {json.dumps(model_cv)}")

    baseline = {
        "claimbuster": f1_figures(
            labels[np.array(data.corpus) == "claimbuster"],
            baseline_scores(data, folds, "claimbuster")[np.array(data.corpus) == "claimbuster"]
            >= 0.5,
        ),
    }
    rule = evaluate(data, has_number_scores(data), 0.5)
    cv = {
        "protocol": (
            f"{FOLDS} folds grouped by ClaimBuster id block of {CB_BLOCK} / CheckThat! debate / "
            "news article; F1 of the check-worthy class at 0.5; f1_balanced weights negatives "
            "to the number of positives; CheckThat! 2019 MAP averaged over debates"
        ),
        "model": model_cv,
        "has_a_number": rule,
        "ngram_baseline": baseline,
    }
    if lodo:
        ct_members = np.array(data.corpus) == "ct19"
        ct_groups = [g for g, m in zip(data.groups, ct_members, strict=True) if m]
        base_scores = baseline_scores(data, folds, "ct19", by="group")
        cv["ct19_leave_one_debate_out_map"] = {
            "model": leave_one_debate_out(features, setting),
            "ngram_baseline": mean_average_precision(
                labels[ct_members], base_scores[ct_members], ct_groups
            ),
            "has_a_number": rule["ct19"]["map"],
        }
        log(
            f"CheckThat! 2019 leave-one-debate-out MAP {json.dumps(cv['ct19_leave_one_debate_out_map'])}"
        )
    cv["grid"] = [{"setting": s, "criterion": round(v, 4)} for v, s, _ in results]

    everything = np.ones(len(labels), dtype=bool)
    x, vocabulary = features.matrix(setting["char_ngrams"], everything)
    weights = sample_weights(data, everything, setting["weights"])
    used = weights > 0
    model = fit(x[used], labels[used], weights[used], setting["C"])
    coefficients = model.coef_[0]
    log(f"{len(vocabulary)} features; trained in {time.perf_counter() - started:.0f} s")
    return {
        "format": runtime.FORMAT,
        "format_version": runtime.FORMAT_VERSION,
        "version": "1",
        "description": (
            "Logistic regression over words, word pairs, word parts and linguistic features; "
            "score = sigmoid(slope * (intercept + sum of weights / sqrt(number of features)) "
            "+ offset); 0.5 and above is check-worthy."
        ),
        "features": {
            "bigrams": True,
            "char_ngrams": list(setting["char_ngrams"]) if setting["char_ngrams"] else None,
            "scale": "l2",
            "min_df": MIN_DF,
        },
        "training": {
            "C": setting["C"],
            "corpus_weights": setting["weights"],
            "class_weight": "balanced within each corpus",
            "solver": "liblinear",
            "seed": SEED,
            "data": data.provenance,
        },
        "cross_validation": cv,
        "calibration": {"slope": round(slope, 6), "offset": round(offset, 6)},
        "intercept": round(float(model.intercept_[0]), WEIGHT_DIGITS),
        "weights": {
            name: round(float(w), WEIGHT_DIGITS)
            for name, w in zip(vocabulary, coefficients, strict=True)
        },
    }


def dumps(model: dict) -> str:
    return json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None, *, log=print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--dev-dir", type=Path, action="append", default=[])
    parser.add_argument("--output", type=Path, default=runtime.DEFAULT_PATH)
    parser.add_argument("--check", action="store_true", help="rebuild and compare, write nothing")
    parser.add_argument("--no-lodo", action="store_true", help="skip leave-one-debate-out")
    args = parser.parse_args(argv)
    model = build(args.data_dir, args.dev_dir, lodo=not args.no_lodo, log=log)
    text = dumps(model)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        if current != text:
            log(f"{args.output} differs from the rebuilt model")
            return 1
        log(f"{args.output} is rebuilt exactly")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    log(f"wrote {args.output} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
