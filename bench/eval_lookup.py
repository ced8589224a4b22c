"""Claim lookup on a claim-retrieval dataset, through `match_claims`, against plain BM25.

DATA_DIR holds `verified-claims.jsonl` (a library in the import format) and query files
of `{"id", "claim", "gold": [{"source_key", "passage_key"}]}` lines. The library is
imported into the database of DATABASE_URL (a scratch database: its library is replaced
unless it already holds exactly these sources), the queries run through the real
`match_claims` command, and the same run scores exhaustive Okapi BM25 (rank_bm25's
BM25Okapi formula, k1=1.5, b=0.75, lowercase word tokens) on passage text and on text
with the source title, plus the share of queries whose gold passage BM25 ranks in its
top 5 but the first stage drops from its candidates.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/SCRATCH \\
        .venv/bin/python bench/eval_lookup.py DATA_DIR [--queries tweets-dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

_WORD = re.compile(r"\w+")


class OkapiBM25:
    """Exhaustive BM25Okapi as rank_bm25 computes it (idf floor 0.25 x average idf)."""

    def __init__(self, docs: list[list[str]], k1: float = 1.5, b: float = 0.75):
        self.k1, self.b = k1, b
        self.tfs = [Counter(d) for d in docs]
        self.lengths = [len(d) for d in docs]
        self.avg = sum(self.lengths) / max(len(docs), 1)
        df: Counter[str] = Counter()
        for tf in self.tfs:
            df.update(tf.keys())
        n = len(docs)
        idf = {w: math.log(n - f + 0.5) - math.log(f + 0.5) for w, f in df.items()}
        floor = 0.25 * sum(idf.values()) / max(len(idf), 1)
        self.idf = {w: (v if v >= 0 else floor) for w, v in idf.items()}
        self.postings: dict[str, list[int]] = {}
        for i, tf in enumerate(self.tfs):
            for w in tf:
                self.postings.setdefault(w, []).append(i)

    def top(self, query: list[str], k: int) -> list[int]:
        scores: Counter[int] = Counter()
        for w in set(query):
            for i in self.postings.get(w, ()):
                tf = self.tfs[i][w]
                norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg)
                scores[i] += self.idf[w] * tf * (self.k1 + 1) / (tf + norm)
        return [i for i, _ in sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:k]]


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _metrics(ranked: list[list[tuple]], golds: list[set[tuple]]) -> dict[str, float]:
    n = len(golds)
    r1 = sum(bool(set(r[:1]) & g) for r, g in zip(ranked, golds, strict=True)) / n
    r5 = sum(bool(set(r[:5]) & g) for r, g in zip(ranked, golds, strict=True)) / n
    ap = 0.0
    for r, g in zip(ranked, golds, strict=True):
        hits, total = 0, 0.0
        for i, ref in enumerate(r[:5], start=1):
            if ref in g:
                hits += 1
                total += hits / i
        ap += total / min(len(g), 5) if g else 0.0
    return {"recall@1": r1, "recall@5": r5, "MAP@5": ap / n}


def _load_library(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _ensure_library(path: Path, sources: list[dict]) -> None:
    from django.core.management import call_command

    from sources.models import Source
    from sources.services import delete_source

    keys = {s["key"] for s in sources}
    if set(Source.objects.values_list("key", flat=True)) == keys:
        return
    # through the service: it keeps the term statistics in step and refuses (with the
    # passages named) to delete accepted evidence, where a bare delete() would stop on the
    # matches of claims an earlier run left in this database
    for source in Source.objects.exclude(key__in=keys):
        delete_source(source)
    call_command("import_sources", str(path), "--no-progress")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--queries", default="tweets-dev.jsonl")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    import django

    django.setup()
    from django.core.management import call_command

    from sources import search, search_index

    call_command("migrate", verbosity=0)
    library_path = args.data_dir / "verified-claims.jsonl"
    sources = _load_library(library_path)
    _ensure_library(library_path, sources)
    queries = [
        json.loads(line)
        for line in (args.data_dir / args.queries).read_text(encoding="utf-8").splitlines()
        if line
    ]
    golds = [{(g["source_key"], g["passage_key"]) for g in q["gold"]} for q in queries]

    with tempfile.TemporaryDirectory() as work:
        infile, outfile = Path(work, "in.jsonl"), Path(work, "out.jsonl")
        infile.write_text(
            "".join(json.dumps({"id": q["id"], "text": q["claim"]}) + "\n" for q in queries),
            encoding="utf-8",
        )
        search_index.library_index()  # built once, outside the timing
        started = time.perf_counter()
        call_command("match_claims", str(infile), top=args.top, output=str(outfile))
        elapsed = time.perf_counter() - started
        answers = [json.loads(line) for line in outfile.read_text(encoding="utf-8").splitlines()]
    tool = [[(m["source_key"], m["passage_key"]) for m in a["matches"]] for a in answers]

    refs, texts, titled = [], [], []
    for s in sources:
        for p in s.get("passages", []):
            refs.append((s["key"], p["key"]))
            texts.append(_tokens(p["text"]))
            titled.append(_tokens(s.get("title", "") + " " + p["text"]))
    bm25_text, bm25_titled = OkapiBM25(texts), OkapiBM25(titled)
    plain = [[refs[i] for i in bm25_text.top(_tokens(q["claim"]), 10)] for q in queries]
    with_title = [[refs[i] for i in bm25_titled.top(_tokens(q["claim"]), 10)] for q in queries]

    in_bm25_top5 = lost = 0
    for q, g, b1, b2 in zip(queries, golds, plain, with_title, strict=True):
        if set(b1[:5]) & g or set(b2[:5]) & g:
            in_bm25_top5 += 1
            found = {(c.source_key, c.passage_key) for c in search.find_candidates(q["claim"])}
            lost += not (found & g)

    def show(name: str, ranked: list[list[tuple]]) -> None:
        m = _metrics(ranked, golds)
        print(f"{name:28s} " + " ".join(f"{k}={v:.3f}" for k, v in m.items()))

    print(f"{len(queries)} queries, {len(refs)} passages ({args.queries})")
    show("match_claims", tool)
    show("BM25 text", plain)
    show("BM25 text+title", with_title)
    print(
        f"first stage lost {lost}/{in_bm25_top5} gold passages that BM25 ranks in its top 5 "
        f"({lost / max(in_bm25_top5, 1):.3%}); match_claims {elapsed:.1f} s, "
        f"{1000 * elapsed / len(queries):.1f} ms per query"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
