"""Check-worthiness: grouped cross-validation of the shipped model's setting against the
"has a number" rule and a word+char n-gram logistic regression, and scoring speed.

    python bench/checkworthiness.py DATA_DIR [--dev-dir EVAL_DIR ...] [--lodo] [--jobs N]

DATA_DIR is the folder the model is trained from (claimbuster-train.jsonl, ct19-train.jsonl).
The folds and metrics are those of scripts/train_checkworthiness.py (needs scikit-learn):
ClaimBuster P/R/F1 of the check-worthy class at 0.5 (and F1 with the classes balanced, the
shape of the held-out test), CheckThat! 2019 MAP averaged over debates (`--lodo`: also
leave one debate out), news P/R/F1 when gold sets are given. Speed: sentences per second of
the pure-Python scorer on one core, beside the hand-weighted feature sum on the same
sentences.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bench.checkworthiness_baseline import baseline_scores, has_number_scores  # noqa: E402
from scripts import checkworthiness_cv as cv  # noqa: E402
from textcore import checkworthiness_model as runtime  # noqa: E402


def _row(name: str, figures: dict) -> str:
    cb = figures.get("claimbuster", {})
    news = figures.get("news", {})
    cells = [
        f"{name:<16}",
        f"{cb.get('precision', 0):.3f} {cb.get('recall', 0):.3f} {cb.get('f1', 0):.3f} "
        f"{cb.get('f1_balanced', 0):.3f}",
        f"{figures['ct19']['map']:.3f}",
    ]
    if news:
        cells.append(f"{news['precision']:.3f} {news['recall']:.3f} {news['f1']:.3f}")
    return "  ".join(cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--dev-dir", type=Path, action="append", default=[])
    parser.add_argument("--lodo", action="store_true", help="CheckThat! leave-one-debate-out")
    parser.add_argument("--jobs", type=int, default=1, help="processes fitting folds at once")
    args = parser.parse_args()
    shipped = runtime.load_model()
    training = shipped.data["training"]
    setting = {
        "C": training["C"],
        "char_ngrams": shipped.char_ngrams,
        "capitalised_may": shipped.capitalised_may,
        "supersenses": shipped.supersenses,
        "part_of_speech_pairs": shipped.part_of_speech_pairs,
        "drop": tuple(shipped.data["features"]["linguistic_left_out"]),
        "group_scale": shipped.group_scale,
        "weights": training["corpus_weights"],
    }
    data = cv.load_data(args.data_dir, args.dev_dir)
    features = cv.Features(data)
    folds = cv.assign_folds(data)
    labels = np.array(data.labels)
    corpus = np.array(data.corpus)
    print(f"{len(labels)} sentences, {cv.FOLDS} grouped folds; setting {setting}")

    margins = cv.out_of_fold(features, folds, setting, args.jobs)
    slope, offset = cv.calibrate(data, margins)
    model = cv.evaluate(data, cv.calibrated(margins, slope, offset), 0.5)
    rule = cv.evaluate(data, has_number_scores(data), 0.5)
    base = np.full(len(labels), 0.0)
    for name in ("claimbuster", "ct19", "news"):
        if (corpus == name).any():
            scores = baseline_scores(data, folds, name)
            base[corpus == name] = scores[corpus == name]
    baseline = cv.evaluate(data, base, 0.5)

    header = "                  ClaimBuster P R F1 F1(bal)   CT19 MAP"
    print(header + ("   news P R F1" if args.dev_dir else ""))
    print(_row("model", model))
    print(_row("has a number", rule))
    print(_row("n-gram LR", baseline))
    if args.lodo:
        debates = sorted({g for g, c in zip(data.groups, data.corpus, strict=True) if c == "ct19"})
        tests = [(corpus == "ct19") & (np.array(data.groups) == debate) for debate in debates]
        lodo = np.zeros(len(labels))
        for test, values in zip(
            tests, cv.held_out(features, tests, setting, args.jobs), strict=True
        ):
            lodo[test] = values
        lodo_base = baseline_scores(data, folds, "ct19", by="group")
        print(
            f"CT19 leave-one-debate-out MAP: model {cv.ct19_map(data, lodo):.3f}, n-gram LR "
            f"{cv.ct19_map(data, np.nan_to_num(lodo_base)):.3f}"
        )

    from textcore import checkworthiness as hand_weighted

    sentences = data.texts[:5000]
    shipped.score(sentences[0])
    started = time.perf_counter()
    for sentence in sentences:
        shipped.score(sentence)
    learned = len(sentences) / (time.perf_counter() - started)
    started = time.perf_counter()
    for sentence in sentences:
        hand_weighted.score(sentence)
    hand = len(sentences) / (time.perf_counter() - started)
    print(
        f"speed: learned model {learned:,.0f} sentences/s ({learned * 60:,.0f}/min), "
        f"hand-weighted sum {hand:,.0f} sentences/s (ratio {learned / hand:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
