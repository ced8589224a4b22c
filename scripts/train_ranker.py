"""Train the claim lookup's second-stage ranker and write it as JSON.

    .venv/bin/python scripts/train_ranker.py RETRIEVAL_DIR EVAL_DIR [--output FILE]

RETRIEVAL_DIR holds `verified-claims.jsonl` (a library in the import format) and
`tweets-train.jsonl` (`{"id", "claim", "gold": [{"source_key", "passage_key"}]}`);
EVAL_DIR is an evaluation set with `sources.jsonl` and `gold.json` (claims with their
evidence; claims without evidence and not-check-worthy sentences serve as queries that
nothing should match). Other query files in RETRIEVAL_DIR (e.g. a dev split kept for
reporting) are never read.

The pipeline is the lookup's own, without a database: the same query cleaning, index
(`textcore.retrieval.index`), first stage, second-stage scorer and features. A pairwise
logistic regression (L2, Newton's method, deterministic) learns to score each gold
passage above the other candidates of its query; a logistic regression on that score
calibrates it into a probability (`fit`). The regularisation and the source-title weight of the first
stage are chosen by 5-fold cross-validation on the training tweets, grouped by the
fact-check they point to (MAP@5 of the held-out folds). The relevance floor is the
highest score that keeps every gold passage ranked in the top 5, on the evaluation set
and on the out-of-fold training tweets, less a margin. The output records the data
files (with SHA-256), the settings tried and the CV figures; the same data gives the
same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textcore.quantities import parse_quantities  # noqa: E402
from textcore.retrieval.index import LibraryIndex  # noqa: E402
from textcore.retrieval.query import clean_query, index_terms, query_terms  # noqa: E402
from textcore.retrieval.rank import (  # noqa: E402
    CLAIM_LEVEL_FEATURES,
    FEATURES,
    CandidatePassage,
    Ranker,
    second_stage,
)
from textcore.retrieval.related import RELATED_PATH  # noqa: E402

CANDIDATES = 50
TITLE_WEIGHTS = (0.25, 0.5, 1.0)
REGULARISATION = (0.1, 1.0, 10.0, 100.0, 1000.0)  # L2 penalty on standardised weights
FOLDS = 5
FLOOR_MARGIN = 0.8  # the floor is this share of the lowest gold top-5 score


@dataclass
class Library:
    refs: list[tuple[str, str]]
    texts: list[str]
    titles: list[str]
    quantities: list[list[dict]]
    text_terms: list[list[str]]
    title_terms: list[list[str]]


@dataclass
class Query:
    group: str
    text: str
    gold: set[tuple[str, str]]
    library: str


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def first_stage(lib: Library, index: LibraryIndex, cleaned: str, limit: int) -> list:
    """The lookup's first stage on an in-memory library: its candidate passages."""
    return [
        CandidatePassage(
            id=hit.doc,
            text=lib.texts[hit.doc],
            title=lib.titles[hit.doc],
            quantities=lib.quantities[hit.doc],
            text_score=hit.text_score,
            title_score=hit.title_score,
            score=hit.score,
        )
        for hit in index.search(query_terms(cleaned), limit=limit)
    ]


def load_library(path: Path) -> Library:
    lib = Library([], [], [], [], [], [])
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        source = json.loads(line)
        title = f"{source.get('title') or ''} {source.get('publisher') or ''}".strip()
        for passage in source.get("passages", []):
            lib.refs.append((source["key"], passage["key"]))
            lib.texts.append(passage["text"])
            lib.titles.append(source.get("title") or "")
            lib.quantities.append([q.to_dict() for q in parse_quantities(passage["text"])])
            lib.text_terms.append(index_terms(passage["text"]))
            lib.title_terms.append(index_terms(title))
    return lib


def load_tweets(path: Path) -> list[Query]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold = {(g["source_key"], g["passage_key"]) for g in item["gold"]}
            queries.append(Query("t:" + min(k for k, _ in gold), item["claim"], gold, "tweets"))
    return queries


def load_eval(path: Path) -> list[Query]:
    gold_data = json.loads((path / "gold.json").read_text(encoding="utf-8"))
    queries = []
    for article in gold_data["articles"]:
        group = "e:" + article["file"]
        for claim in article["claims"]:
            gold = {(e["source_key"], e["passage_key"]) for e in claim.get("evidence", [])}
            queries.append(Query(group, claim["text"], gold, "eval"))
        for sentence in article.get("not_checkworthy", []):
            queries.append(Query(group, sentence, set(), "eval"))
    return queries


def candidate_rows(query: Query, lib: Library, index: LibraryIndex):
    """(features, labels, refs) of a query's candidates, as the lookup computes them."""
    cleaned = clean_query(query.text, share=index.share)
    candidates = first_stage(lib, index, cleaned, CANDIDATES)
    if not candidates:
        return np.zeros((0, len(FEATURES))), np.zeros(0), []
    quantities = [q.to_dict() for q in parse_quantities(cleaned)]
    features, _ = second_stage(cleaned, quantities, candidates, idf=index.text.idf)
    refs = [lib.refs[c.id] for c in candidates]
    labels = np.array([1.0 if ref in query.gold else 0.0 for ref in refs])
    return np.array(features, dtype=float), labels, refs


def _newton(loss_parts, w: np.ndarray, penalty: np.ndarray) -> np.ndarray:
    """Minimise a convex loss plus L2 by Newton's method with step halving (deterministic).

    `loss_parts(w)` gives the unpenalised loss, its gradient and its Hessian at w.
    """

    def total(v):
        loss, gradient, hessian = loss_parts(v)
        return (
            loss + 0.5 * float(penalty @ (v * v)),
            gradient + penalty * v,
            hessian + np.diag(penalty + 1e-9),
        )

    current, gradient, hessian = total(w)
    for _ in range(100):
        step = np.linalg.solve(hessian, gradient)
        size = 1.0
        while True:
            candidate = w - size * step
            loss, new_gradient, new_hessian = total(candidate)
            if loss <= current or size < 1e-6:
                break
            size /= 2
        w, improvement = candidate, current - loss
        current, gradient, hessian = loss, new_gradient, new_hessian
        if improvement <= 1e-10 * max(1.0, abs(current)):
            break
    return w


def _logistic_parts(z: np.ndarray, y: np.ndarray, weight: np.ndarray):
    """Weighted logistic loss of labels y for linear scores of the rows of z."""

    def parts(w):
        margin = np.clip(z @ w, -60, 60)
        p = 1.0 / (1.0 + np.exp(-margin))
        loss = float(weight @ (np.logaddexp(0.0, margin) - y * margin))
        gradient = z.T @ (weight * (p - y))
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z
        return loss, gradient, hessian

    return parts


def fit(rows: list[tuple[np.ndarray, np.ndarray]], penalty: float, weights=None) -> Ranker:
    """A pairwise ranking model calibrated into a probability, on standardised features.

    `rows` holds each query's candidate features and labels (1 for a gold passage). The
    weights minimise the logistic loss of "this gold passage scores above that other
    candidate of the same query" over every such pair (L2 `penalty`): what is learned is
    the order within a query, which is what the lookup shows. A logistic regression of
    the labels on that score and on the claim-level features (`CLAIM_LEVEL_FEATURES`, the
    same for every candidate of a query, which pairs cannot weigh), fitted on every
    candidate, then makes it a probability: the order within a query stays the pairwise
    model's, and how sure the score is depends on how well the library answers the claim
    at all (claims with nothing in the library count there). `weights` weigh each query.
    """
    weights = np.ones(len(rows)) if weights is None else np.asarray(weights, dtype=float)
    x = np.vstack([r[0] for r in rows])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    differences, pair_weights = [], []
    for (features, labels), weight in zip(rows, weights, strict=True):
        z = (features - mean) / scale
        others = z[labels == 0]
        for gold in z[labels == 1]:
            differences.append(gold - others)
            pair_weights.append(np.full(len(others), weight))
    d = np.vstack(differences)
    ones = np.concatenate(pair_weights)
    w = _newton(
        _logistic_parts(d, np.ones(len(d)), ones),
        np.zeros(d.shape[1]),
        np.full(d.shape[1], penalty),
    )
    z = (x - mean) / scale
    claim_level = [FEATURES.index(name) for name in CLAIM_LEVEL_FEATURES]
    calibration = _newton(
        _logistic_parts(
            np.hstack([(z @ w)[:, None], z[:, claim_level], np.ones((len(z), 1))]),
            np.concatenate([r[1] for r in rows]),
            np.concatenate(
                [np.full(len(r[1]), weight) for r, weight in zip(rows, weights, strict=True)]
            ),
        ),
        np.array([1.0] + [0.0] * len(claim_level) + [0.0]),
        # a little L2 keeps the weights finite where the data separate perfectly
        np.array([0.01] * (1 + len(claim_level)) + [0.0]),
    )
    slope, bias = float(calibration[0]), float(calibration[-1])
    w = w * slope
    w[claim_level] += calibration[1:-1]
    return Ranker(
        weights=tuple(round(float(v), 6) for v in w),
        bias=round(bias, 6),
        mean=tuple(round(float(v), 6) for v in mean),
        scale=tuple(round(float(v), 6) for v in scale),
    )


def scores(ranker: Ranker, x: np.ndarray) -> np.ndarray:
    return np.array([100.0 * ranker.probability(row) for row in x])


def ranked_refs(score: np.ndarray, refs: list) -> list:
    order = sorted(range(len(refs)), key=lambda i: (-score[i], i))
    return [refs[i] for i in order]


def average_precision_at_5(ranked: list, gold: set) -> float:
    hits, total = 0, 0.0
    for i, ref in enumerate(ranked[:5], start=1):
        if ref in gold:
            hits += 1
            total += hits / i
    return total / min(len(gold), 5) if gold else 0.0


def arguments(description: str, output: Path) -> argparse.ArgumentParser:
    """The command line the retrieval trainers share: the two data folders and --output."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("retrieval_dir", type=Path)
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--output", type=Path, default=output)
    return parser


def data_files(retrieval_dir: Path, eval_dir: Path) -> dict[str, Path]:
    """The files the retrieval trainers read (and record with their SHA-256)."""
    return {
        "library": retrieval_dir / "verified-claims.jsonl",
        "tweets": retrieval_dir / "tweets-train.jsonl",
        "eval_library": eval_dir / "sources.jsonl",
        "eval_gold": eval_dir / "gold.json",
    }


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__.splitlines()[0], ROOT / "textcore" / "retrieval" / "ranker.json")
    args = parser.parse_args(argv)
    files = data_files(args.retrieval_dir, args.eval_dir)
    libraries = {
        "tweets": load_library(files["library"]),
        "eval": load_library(files["eval_library"]),
    }
    tweets = load_tweets(files["tweets"])
    evals = load_eval(args.eval_dir)
    print(f"{len(tweets)} training tweets, {len(evals)} evaluation-set queries", file=sys.stderr)

    groups = sorted({q.group for q in tweets})
    fold_of_group = {g: int(hashlib.sha256(g.encode()).hexdigest(), 16) % FOLDS for g in groups}
    cv: dict[str, dict] = {}
    prepared: dict[float, tuple[list, list]] = {}
    best = None
    for title_weight in TITLE_WEIGHTS:
        rows_t, rows_e = [], []
        for name, queries, rows in (("tweets", tweets, rows_t), ("eval", evals, rows_e)):
            lib = libraries[name]
            index = LibraryIndex(lib.text_terms, lib.title_terms, title_weight=title_weight)
            for query in queries:
                rows.append((query, *candidate_rows(query, lib, index)))
        prepared[title_weight] = (rows_t, rows_e)
        found = sum(bool(labels.any()) for _, _, labels, _ in rows_t) / len(rows_t)
        for penalty in REGULARISATION:
            maps, first, top5 = [], [], []
            for fold in range(FOLDS):
                train = [(r[1], r[2]) for r in rows_t if fold_of_group[r[0].group] != fold]
                ranker = fit([r for r in train if len(r[0])], penalty)
                for query, x, _, refs in rows_t:
                    if fold_of_group[query.group] != fold:
                        continue
                    ranked = ranked_refs(scores(ranker, x), refs) if len(x) else []
                    maps.append(average_precision_at_5(ranked, query.gold))
                    first.append(bool(set(ranked[:1]) & query.gold))
                    top5.append(bool(set(ranked[:5]) & query.gold))
            key = f"title_weight={title_weight} l2={penalty}"
            cv[key] = {
                "map@5": round(float(np.mean(maps)), 4),
                "recall@1": round(float(np.mean(first)), 4),
                "recall@5": round(float(np.mean(top5)), 4),
                f"recall@{CANDIDATES}": round(found, 4),
            }
            print(key, cv[key], file=sys.stderr)
            if best is None or cv[key]["map@5"] > cv[best[0]]["map@5"]:
                best = (key, title_weight, penalty)

    key, title_weight, penalty = best
    rows_t, rows_e = prepared[title_weight]
    everything = [r for r in rows_t + rows_e if len(r[1])]
    # Each data set weighs the same in total: the evaluation set's article claims, some
    # with nothing in the library, teach what a claim without a source looks like.
    eval_rows = {id(r) for r in rows_e}
    per_query = {
        id(r): len(rows_t) / len(rows_e) if id(r) in eval_rows else 1.0 for r in everything
    }
    ranker = fit(
        [(r[1], r[2]) for r in everything], penalty, [per_query[id(r)] for r in everything]
    )
    # Floor: out-of-fold scores for the tweets, the final model's for the evaluation set.
    gold_top5 = []
    for fold in range(FOLDS):
        train = [(r[1], r[2]) for r in rows_t if fold_of_group[r[0].group] != fold and len(r[1])]
        held = fit(train, penalty)
        for query, x, _, refs in rows_t:
            if fold_of_group[query.group] == fold and len(x):
                s = scores(held, x)
                top = sorted(range(len(refs)), key=lambda i: (-s[i], i))[:5]
                gold_top5 += [s[i] for i in top if refs[i] in query.gold][:1]
    for query, x, _, refs in rows_e:
        if len(x) and query.gold:
            s = scores(ranker, x)
            top = sorted(range(len(refs)), key=lambda i: (-s[i], i))[:5]
            gold_top5 += [s[i] for i in top if refs[i] in query.gold][:1]
    floor = round(FLOOR_MARGIN * min(gold_top5), 2) if gold_top5 else 0.0
    result = Ranker(
        weights=ranker.weights,
        bias=ranker.bias,
        mean=ranker.mean,
        scale=ranker.scale,
        floor=floor,
        meta={
            "first_stage": {"title_weight": title_weight, "candidates": CANDIDATES},
            "training": {
                "script": "scripts/train_ranker.py",
                "model": (
                    "pairwise logistic regression (gold above each other candidate of its"
                    " query), L2 on standardised features, calibrated by a logistic"
                    " regression on its score; Newton's method"
                ),
                "data": {
                    name: {"file": path.name, "sha256": sha256(path)}
                    for name, path in files.items()
                },
                # the feature `claim_related` reads them: retrain when they change
                "related_words": {"file": RELATED_PATH.name, "sha256": sha256(RELATED_PATH)},
                "examples": int(sum(len(r[2]) for r in everything)),
                "positives": int(sum(r[2].sum() for r in everything)),
                "chosen": key,
                "cross_validation": {
                    "folds": FOLDS,
                    "grouped_by": "fact-check the tweet points to",
                    "metric": "MAP@5 of held-out tweets (recall@1 and @5 shown)",
                    "results": cv,
                },
                "floor": {
                    "rule": f"{FLOOR_MARGIN} x lowest score of a gold passage in the top 5",
                    "gold_in_top5": len(gold_top5),
                },
            },
        },
    )
    args.output.write_text(json.dumps(result.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"chose {key}, floor {floor}; wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
