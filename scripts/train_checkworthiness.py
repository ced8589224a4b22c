"""Train the check-worthiness model and write it as JSON (textcore/models/checkworthiness.json).

    python scripts/train_checkworthiness.py DATA_DIR [--dev-dir EVAL_DIR ...]
        [--output FILE] [--check] [--no-lodo] [--jobs N]

DATA_DIR holds `claimbuster-train.jsonl` and `ct19-train.jsonl` (one sentence a line:
`{"id", "text", "label", "group"}`); each `--dev-dir` is an evaluation folder whose
`gold.json` lists news claims (positives) and not-check-worthy sentences (negatives).

Everything is chosen by grouped cross-validation on these data alone: ClaimBuster sentences
are grouped by blocks of 1,000 sentence ids (ids run in debate order, so a block is about one
debate), CheckThat! 2019 sentences by debate, news sentences by article; the groups of each
corpus are dealt to `FOLDS` folds, and a fold's training data never holds a sentence whose
text is also in the fold (the corpora share three 2016 debates). The grid below is searched
in stages on the criterion ClaimBuster F1 + CheckThat! MAP + news F1 (out-of-fold, at 0.5 after
the calibration below), each stage starting from the best setting so far; then a sigmoid is
fitted to the chosen model's out-of-fold margins with classes weighted equally, so a score of
0.5 means "as likely check-worthy as not"; the reported figures use that calibration. The
ranking MAP on CheckThat! 2019 is also measured leave-one-debate-out (one model per debate).

Features come from `textcore.checkworthiness_model.extract_features`, the same function the
runtime uses; scikit-learn fits the logistic regression (liblinear, fixed seed), the weights
are rounded and written with sorted keys, so the same data give the same bytes. `--check`
rebuilds and compares with the file instead of writing it; `--jobs N` fits the folds in N
processes (same result).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bench.checkworthiness_baseline import baseline_scores, has_number_scores  # noqa: E402
from scripts.checkworthiness_cv import (  # noqa: E402
    CB_BLOCK,
    FOLDS,
    MIN_DF,
    SEED,
    Features,
    assign_folds,
    calibrate,
    calibrated,
    criterion,
    ct19_map,
    evaluate,
    f1_figures,
    fit,
    held_out,
    load_data,
    out_of_fold,
    sample_weights,
)
from textcore import checkworthiness_model as runtime  # noqa: E402
from textcore.supersenses import SUPERSENSES_PATH  # noqa: E402

WEIGHT_DIGITS = 5
# The search, in stages, each from the best setting so far (a tie keeps the earlier one).
# The start: word parts of 2 to 5 letters, every feature group at the same length,
# capitalised "May" kept apart, all linguistic features, C = 0.5.
START = {
    "C": 0.5,
    "capitalised_may": True,
    "char_ngrams": (2, 5),
    "drop": (),
    "supersenses": False,
    "part_of_speech_pairs": False,
    "group_scale": {"w": 1.0, "b": 1.0, "c": 1.0, "f": 1.0},
    "weights": {"claimbuster": 1.0, "ct19": 0.3, "news": 3.0},
}
# 1. word parts or not; the share of CheckThat! 2019 (its labels mark what fact-checkers
# chose to check, a narrower notion than ClaimBuster's) and of news
STAGE_CORPORA = [
    {"char_ngrams": char, "weights": {"claimbuster": 1.0, "ct19": ct, "news": news}}
    for char in ((2, 5), None)
    for ct in (0.0, 0.3)
    for news in (1.0, 3.0)
]
# (every group weighs the same: word parts at 0.7 or 0.5 of the other groups, or linguistic
# features at 1.5, scored lower in this search when it included them)
# 2. each newer feature left out in turn, and the capitalised "May" read as "may"
STAGE_FEATURES = [
    {"drop": ("evaluative_predicate",)},
    {"drop": ("promise",)},
    {"capitalised_may": False},
]
# 3. the words' WordNet supersenses ("s:verb.communication" for "said") as a fifth group, alone
# or with the parts of speech of word pairs ("p:noun verb") as a sixth, each at two factors
# (a class of words carries from one debate to the next where the word does not)
_GROUPS = {"w": 1.0, "b": 1.0, "c": 1.0, "f": 1.0}
STAGE_SENSES = [
    {"supersenses": True, "group_scale": {**_GROUPS, "s": scale}} for scale in (0.5, 0.7)
] + [
    {
        "supersenses": True,
        "part_of_speech_pairs": True,
        "group_scale": {**_GROUPS, "s": scale, "p": scale},
    }
    for scale in (0.5, 0.7)
]
# 4. the regularisation
STAGE_C = [{"C": 0.25}, {"C": 1.0}]


def _json(setting: dict) -> dict:
    """A setting as it is written to the model file."""
    out = dict(setting)
    out["char_ngrams"] = list(setting["char_ngrams"]) if setting["char_ngrams"] else None
    out["drop"] = list(setting["drop"])
    return out


def leave_one_debate_out(features: Features, setting: dict, jobs: int = 1) -> float:
    """CheckThat! 2019 MAP with one model per debate, trained on everything else."""
    data = features.data
    corpus = np.array(data.corpus)
    groups = np.array(data.groups)
    debates = sorted({g for g, c in zip(data.groups, data.corpus, strict=True) if c == "ct19"})
    tests = [(corpus == "ct19") & (groups == debate) for debate in debates]
    scores = np.zeros(len(data.labels))
    for test, values in zip(tests, held_out(features, tests, setting, jobs), strict=True):
        scores[test] = values
    return ct19_map(data, scores)


def build(
    data_dir: Path, dev_dirs: list[Path], *, lodo: bool = True, jobs: int = 1, log=print
) -> dict:
    """Search the grid, fit the chosen setting on all data and return the model as a dict."""
    started = time.perf_counter()
    data = load_data(data_dir, dev_dirs)
    features = Features(data)
    folds = assign_folds(data)
    labels = np.array(data.labels)
    corpus = np.array(data.corpus)
    log(f"{len(labels)} sentences ({labels.sum()} check-worthy) from {len(data.provenance)} files")
    results = []

    def search(best: dict, changes: list[dict]) -> dict:
        for change in changes:
            setting = {**best, **change}
            if any(setting == tried for _, tried, _ in results):
                continue
            margins = out_of_fold(features, folds, setting, jobs)
            # judged as shipped: the out-of-fold margins calibrated, check-worthy at 0.5
            figures = evaluate(data, calibrated(margins, *calibrate(data, margins)), 0.5)
            results.append((criterion(figures), setting, margins))
            log(
                f"  {json.dumps(_json(setting))}  criterion {criterion(figures):.4f}  "
                f"{json.dumps(figures)}"
            )
        # the best criterion; a tie goes to the setting tried first
        best_value = max(r[0] for r in results)
        return next(r[1] for r in results if r[0] == best_value)

    setting = START
    for stage in ([{}], STAGE_CORPORA, STAGE_FEATURES, STAGE_SENSES, STAGE_C):
        setting = search(setting, stage)
    margins = next(m for _, s, m in results if s == setting)
    slope, offset = calibrate(data, margins)
    model_cv = evaluate(data, calibrated(margins, slope, offset), 0.5)
    log(
        f"chosen {json.dumps(_json(setting))}; calibrated out-of-fold figures {json.dumps(model_cv)}"
    )

    cb = corpus == "claimbuster"
    baseline = {
        "claimbuster": f1_figures(
            labels[cb], baseline_scores(data, folds, "claimbuster")[cb] >= 0.5
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
        base_scores = baseline_scores(data, folds, "ct19", by="group")
        cv["ct19_leave_one_debate_out_map"] = {
            "model": leave_one_debate_out(features, setting, jobs),
            "ngram_baseline": ct19_map(data, np.nan_to_num(base_scores)),
            "has_a_number": rule["ct19"]["map"],
        }
        log(
            f"CheckThat! 2019 leave-one-debate-out MAP {json.dumps(cv['ct19_leave_one_debate_out_map'])}"
        )
    cv["grid"] = [{"setting": _json(s), "criterion": round(v, 4)} for v, s, _ in results]

    everything = np.ones(len(labels), dtype=bool)
    x, vocabulary = features.matrix(setting, everything)
    weights = sample_weights(data, everything, setting["weights"])
    used = weights > 0
    model = fit(x[used], labels[used], weights[used], setting["C"])
    coefficients = model.coef_[0]
    log(f"{len(vocabulary)} features; trained in {time.perf_counter() - started:.0f} s")
    model_features = {
        "bigrams": True,
        "char_ngrams": _json(setting)["char_ngrams"],
        "capitalised_may": setting["capitalised_may"],
        "supersenses": setting["supersenses"],
        "part_of_speech_pairs": setting["part_of_speech_pairs"],
        "linguistic_left_out": list(setting["drop"]),
        "scale": "group_l2",
        "group_scale": setting["group_scale"],
        "min_df": MIN_DF,
    }
    if setting["supersenses"] or setting["part_of_speech_pairs"]:
        # the word classes the `s:` and `p:` weights were learned over
        model_features["supersenses_sha256"] = hashlib.sha256(
            SUPERSENSES_PATH.read_bytes()
        ).hexdigest()
    return {
        "format": runtime.FORMAT,
        "format_version": runtime.FORMAT_VERSION,
        "version": "3",
        "description": (
            "Logistic regression over words, word pairs, word parts, linguistic features "
            "and (when asked in features) the words' WordNet supersenses and the parts of speech "
            "of word pairs; "
            "score = sigmoid(slope * (intercept + sum over feature groups of group_scale / "
            "sqrt(number of the group's features) * sum of their weights) + offset); "
            "0.5 and above is check-worthy."
        ),
        "features": model_features,
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
    parser.add_argument("--jobs", type=int, default=1, help="processes fitting folds at once")
    args = parser.parse_args(argv)
    model = build(args.data_dir, args.dev_dir, lodo=not args.no_lodo, jobs=args.jobs, log=log)
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
