"""Quality of the numeric comparison on labelled (claim, passage) pairs.

Reads a JSON Lines file of `{"id", "claim", "passage", "label", "kind"}` (label one of
agrees / conflicts / none, kind the phenomenon), compares every pair with the code that
serves `compare_quantities` and `/api/compare/`, and prints macro-F1, precision/recall/F1
per label (precision of `conflicts` first: a false alarm costs most) and accuracy per kind.
With --predictions it scores a file written by `manage.py compare_quantities` instead.
With --cv it cross-validates the two hedge settings (how wide "about" and "nearly" are):
folds are blocks of neighbouring ids (pairs built from one article sit together), each
fold is scored with the setting that does best on the other folds.

    .venv/bin/python bench/eval_numeric.py PAIRS.jsonl [--predictions OUT.jsonl] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LABELS = ("agrees", "conflicts", "none")


def load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{number}: not JSON ({exc.msg})") from None
    return rows


def metrics(gold: list[str], predicted: list[str]) -> dict:
    """Per-label precision, recall, F1 and their macro average."""
    out: dict = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label != p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": precision, "recall": recall, "f1": f1, "n": tp + fn}
    out["macro_f1"] = sum(out[label]["f1"] for label in LABELS) / len(LABELS)
    out["accuracy"] = sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(gold), 1)
    return out


def predict(rows: list[dict]) -> dict[str, dict]:
    from textcore.alignment import compare_texts

    return {row["id"]: compare_texts(row["claim"], row["passage"]).to_dict() for row in rows}


GRID = [(width, digits) for width in (0.05, 0.10, 0.15) for digits in (1.0, 1.5, 2.0)]


def cross_validate(rows: list[dict], gold: list[str], folds: int) -> None:
    """Held-out figures with the hedge setting chosen on the other folds."""
    from textcore.figures import hedges

    saved = hedges.HEDGE_WIDTH, hedges.HEDGE_DIGITS
    by_setting = {}
    for width, digits in GRID:
        hedges.HEDGE_WIDTH, hedges.HEDGE_DIGITS = width, digits
        answers = predict(rows)
        by_setting[(width, digits)] = [answers[row["id"]]["numeric"] for row in rows]
    hedges.HEDGE_WIDTH, hedges.HEDGE_DIGITS = saved
    size = -(-len(rows) // folds)
    held_gold: list[str] = []
    held_pred: list[str] = []
    print(f"cross-validation ({folds} folds of neighbouring ids):")
    for fold in range(folds):
        part = set(range(fold * size, min(len(rows), (fold + 1) * size)))
        rest = [i for i in range(len(rows)) if i not in part]

        def train_score(setting, rest=rest):
            m = metrics([gold[i] for i in rest], [by_setting[setting][i] for i in rest])
            return (m["macro_f1"], m["conflicts"]["precision"])

        best = max(GRID, key=train_score)
        idx = sorted(part)
        m = metrics([gold[i] for i in idx], [by_setting[best][i] for i in idx])
        held_gold += [gold[i] for i in idx]
        held_pred += [by_setting[best][i] for i in idx]
        print(
            f"  fold {fold + 1}: chosen width={best[0]} digits={best[1]} "
            f"held-out macro_f1={m['macro_f1']:.3f} "
            f"conflicts precision={m['conflicts']['precision']:.3f} "
            f"recall={m['conflicts']['recall']:.3f}"
        )
    m = metrics(held_gold, held_pred)
    print(
        f"  pooled held-out macro_f1={m['macro_f1']:.3f} "
        f"conflicts precision={m['conflicts']['precision']:.3f} "
        f"recall={m['conflicts']['recall']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--predictions", type=Path, help="output of compare_quantities")
    parser.add_argument("--folds", type=int, default=5, help="folds shown with --cv")
    parser.add_argument("--cv", action="store_true", help="figures per grouped fold")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    rows = load(args.pairs)
    if args.predictions:
        answers = {row["id"]: row for row in load(args.predictions)}
    else:
        answers = predict(rows)
    gold = [row["label"] for row in rows]
    predicted = [answers.get(row["id"], {}).get("numeric", "none") for row in rows]
    result = metrics(gold, predicted)
    print(f"pairs={len(rows)} macro_f1={result['macro_f1']:.3f} accuracy={result['accuracy']:.3f}")
    for label in ("conflicts", "agrees", "none"):
        m = result[label]
        print(
            f"  {label:<9} precision={m['precision']:.3f} recall={m['recall']:.3f} "
            f"f1={m['f1']:.3f} (n={m['n']})"
        )
    by_kind: dict[str, list[bool]] = defaultdict(list)
    confusion: Counter = Counter()
    for row, p in zip(rows, predicted, strict=True):
        by_kind[row.get("kind", "?")].append(row["label"] == p)
        confusion[(row["label"], p)] += 1
    print("accuracy per kind:")
    for kind, hits in sorted(by_kind.items()):
        print(f"  {kind:<20} {sum(hits):>3}/{len(hits):<3} {sum(hits) / len(hits):.2f}")
    print("confusion (gold -> predicted):")
    for g in LABELS:
        print("  " + g.ljust(10) + " ".join(f"{p}={confusion[(g, p)]:<3}" for p in LABELS))
    if args.cv:
        cross_validate(rows, gold, args.folds)
    if args.verbose:
        for row, p in zip(rows, predicted, strict=True):
            if p != row["label"]:
                answer = answers.get(row["id"], {})
                print(f"\n{row['id']} {row.get('kind')} gold={row['label']} got={p}")
                print(f"  C: {row['claim']}\n  P: {row['passage']}")
                print(f"  why: {answer.get('reason', '')}")
                for pair in answer.get("pairs", []):
                    print(f"   - {pair}")


if __name__ == "__main__":
    main()
