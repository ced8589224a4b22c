"""Benchmark of claim matching on synthetic libraries of 10k, 100k and 1M passages.

The library and its claims come from `synthetic_library.py` (each claim paraphrases one
passage). For every size it prints milliseconds per claim (median, p95) and recall@10 of

* the lookup the application runs (sources.search.lookup: exhaustive BM25 from the
  library index, then the learned ranker), with its first stage timed alone, and
* a brute-force scan: rapidfuzz.process.extract with token_set_ratio over the whole
  library held in memory, one thread per core (what workers=-1 would do),

plus the lookup's recall relative to brute force (of the claims whose source brute force
puts in its top 10, the share the lookup also does), the same relative to an exhaustive
Okapi BM25 written independently (`matching_references.py`), and the time of the
alternative first stage: PostgreSQL's GIN index asked for an OR of all the claim's
lexemes, ranked in SQL. `--compare-candidates N` also runs the lookup with N first-stage
candidates, claim by claim in turn with the default, so the two are timed under the same
load. The load average is printed with the figures: the brute-force scan's time is the
yardstick of how loaded the machine was, and the lookup's CPU time per claim (this
process's) is what its wall-clock time would be on an idle core. `--match-claims N` also
times `manage.py match_claims` on N claims in a process of its own.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_bench \\
        .venv/bin/python bench/matching.py [--sizes 10000,100000,1000000]

The database (default factcheck_bench, created if missing) is migrated and its library
replaced; a library already generated with the same seed is reused and only grown.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench")

# bench/ is on the path (this script's folder)
from matching_references import (  # noqa: E402
    ExhaustiveBM25,
    brute_force,
    load_reference_matching,
    postgres_exhaustive,
    time_second_stage,
)
from synthetic_library import (  # noqa: E402
    Claim,
    Vocabulary,
    build_vocabulary,
    grow_library,
    make_claims,
    setup_django,
)


@contextmanager
def candidates(count: int | None) -> Iterator[None]:
    """The lookup with `count` first-stage candidates (None: the application's own)."""
    from sources import search

    if count is None:
        yield
        return
    original = search.candidates_per_claim
    search.candidates_per_claim = lambda: count
    try:
        yield
    finally:
        search.candidates_per_claim = original


def two_stage(claim: Claim) -> list[int]:
    """The application's lookup: exhaustive BM25 from the library index, learned ranker."""
    from sources.search import lookup

    return [m.passage_id for m in lookup(text=claim.text, top_k=10, quantities=claim.quantities)]


def first_stage(claim: Claim) -> None:
    """The lookup's first stage alone: query cleaning, index search, candidates read."""
    from sources.search import candidates_per_claim, clean_query, find_candidates

    find_candidates(clean_query(claim.text), limit=candidates_per_claim())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _ms(function, *args) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - t0) * 1000, result


def _cpu_ms(function, *args) -> tuple[float, float, object]:
    """(wall ms, this process's CPU ms, result): CPU time is what a loaded machine's
    wall-clock time hides."""
    c0 = time.process_time()
    elapsed, result = _ms(function, *args)
    return elapsed, (time.process_time() - c0) * 1000, result


def time_lookups(claims: list[Claim], variants: list[int | None]) -> dict:
    """Per variant (candidate count): times and top 10s of every claim, variants in turn."""
    runs = {v: {"times": [], "cpu": [], "tops": []} for v in variants}
    first = []
    for number, claim in enumerate(claims):
        order = variants if number % 2 == 0 else variants[::-1]
        for variant in order:
            with candidates(variant):
                elapsed, cpu, top = _cpu_ms(two_stage, claim)
            runs[variant]["times"].append(elapsed)
            runs[variant]["cpu"].append(cpu)
            runs[variant]["tops"].append(top)
        first.append(_ms(first_stage, claim)[0])
    runs["first"] = first
    return runs


def time_match_claims(size: int, args, vocab: Vocabulary) -> dict:
    """`manage.py match_claims` on a file of synthetic claims, in a process of its own (it
    opens the saved index as any new process would): wall and CPU seconds."""
    claims = make_claims(size, args.match_claims, args.seed + 1, vocab)
    with tempfile.TemporaryDirectory() as folder:
        queries = Path(folder) / "claims.jsonl"
        queries.write_text(
            "".join(json.dumps({"id": i, "text": c.text}) + "\n" for i, c in enumerate(claims)),
            encoding="utf-8",
        )
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed, _ = _ms(
            subprocess.run,
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "match_claims",
                str(queries),
                "--output",
                str(Path(folder) / "matches.jsonl"),
                *args.match_claims_args.split(),
            ],
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "match_claims_n": len(claims),
        "match_claims_s": elapsed / 1000,
        "match_claims_cpu_s": cpu,
    }


def measure(size: int, args, vocab: Vocabulary) -> dict:
    from django.db import connection
    from rapidfuzz import utils

    from sources.search_index import library_index

    claims = make_claims(size, args.claims, args.seed, vocab)
    build_seconds, _ = _ms(library_index)
    for claim in claims[:5]:  # warm the caches as a running service would have them
        two_stage(claim)
    load_before = os.getloadavg()[0]
    variants: list[int | None] = [None] + (
        [args.compare_candidates] * bool(args.compare_candidates)
    )
    runs = time_lookups(claims, variants)
    times, tops = runs[None]["times"], runs[None]["tops"]
    found = [claim.passage_id in top for claim, top in zip(claims, tops, strict=True)]

    n_brute = min(len(claims), args.brute_claims or (100 if size <= 100_000 else 25))
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, text FROM sources_passage ORDER BY id")
        rows = cursor.fetchall()
    reference = ExhaustiveBM25(rows)
    in_bm25 = [claim.passage_id in reference.top(claim.text, 10) for claim in claims]
    del reference

    def relative(variant_tops: list[list[int]]) -> float:
        kept = sum(
            claim.passage_id in top
            for claim, top, hit in zip(claims, variant_tops, in_bm25, strict=True)
            if hit
        )
        return kept / max(1, sum(in_bm25))

    pg_times = [_ms(postgres_exhaustive, claim)[0] for claim in claims[: args.postgres_claims]]
    ids = [r[0] for r in rows]
    texts = [utils.default_process(r[1]) for r in rows]
    del rows
    # rapidfuzz 3.14's process.extract has no `workers` (only cdist, which needs numpy):
    # one extract per core over a slice of the library gives the same parallel scan
    workers = os.cpu_count() or 1
    step = (len(texts) + workers - 1) // workers
    chunks = [(offset, texts[offset : offset + step]) for offset in range(0, len(texts), step)]
    pool = ThreadPoolExecutor(max_workers=workers)
    brute_times, brute_found = [], []
    for claim in claims[:n_brute]:
        elapsed, hits = _ms(brute_force, utils.default_process(claim.text), chunks, pool)
        brute_times.append(elapsed)
        brute_found.append(claim.passage_id in {ids[index] for index in hits})
    pool.shutdown()
    both = sum(1 for b, t in zip(brute_found, found, strict=False) if b and t)
    numeric = {}
    if args.match_claims:
        numeric.update(time_match_claims(size, args, vocab))
    if args.numeric_reference:
        numeric = time_second_stage(
            claims[: args.numeric_claims], load_reference_matching(args.numeric_reference)
        )
    compared = {}
    if args.compare_candidates:
        other = runs[args.compare_candidates]
        compared = {
            "cmp_p50": statistics.median(other["times"]),
            "cmp_p95": percentile(other["times"], 0.95),
            "cmp_recall": sum(c.passage_id in t for c, t in zip(claims, other["tops"], strict=True))
            / len(claims),
            "cmp_bm25_relative": relative(other["tops"]),
        }
    return {
        **numeric,
        **compared,
        "size": size,
        "claims": len(claims),
        "index_build_s": build_seconds / 1000,
        "load": (load_before, os.getloadavg()[0]),
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "cpu_p50": statistics.median(runs[None]["cpu"]),
        "cpu_p95": percentile(runs[None]["cpu"], 0.95),
        "cpu_mean": statistics.fmean(runs[None]["cpu"]),
        "first_p50": statistics.median(runs["first"]),
        "first_p95": percentile(runs["first"], 0.95),
        "recall": sum(found) / len(found),
        "brute_claims": n_brute,
        "brute_p50": statistics.median(brute_times),
        "brute_p95": percentile(brute_times, 0.95),
        "brute_recall": sum(brute_found) / n_brute,
        "relative": both / max(1, sum(brute_found)),
        "bm25_found": sum(in_bm25),
        "bm25_relative": relative(tops),
        "pg_p50": statistics.median(pg_times) if pg_times else float("nan"),
        "pg_p95": percentile(pg_times, 0.95) if pg_times else float("nan"),
    }


def report(result: dict, args) -> None:
    """The lines printed for one library size as soon as it is measured."""
    r = result
    print(
        f"  index read in {r['index_build_s']:.1f} s; load average {r['load'][0]:.1f} before "
        f"the lookups, {r['load'][1]:.1f} after",
        flush=True,
    )
    print(
        f"  two-stage p50 {r['p50']:.1f} ms p95 {r['p95']:.1f} ms (first stage alone p50 "
        f"{r['first_p50']:.1f} ms p95 {r['first_p95']:.1f} ms); brute force p50 "
        f"{r['brute_p50']:.0f} ms",
        flush=True,
    )
    print(
        f"  two-stage CPU time per claim: p50 {r['cpu_p50']:.1f} ms p95 {r['cpu_p95']:.1f} ms "
        f"mean {r['cpu_mean']:.1f} ms",
        flush=True,
    )
    if "match_claims_s" in r:
        print(
            f"  match_claims on {r['match_claims_n']:,} claims: {r['match_claims_s']:.1f} s "
            f"({r['match_claims_cpu_s']:.1f} s CPU in this process)",
            flush=True,
        )
    if "cmp_p50" in r:
        print(
            f"  with {args.compare_candidates} candidates, same claims in turn: p50 "
            f"{r['cmp_p50']:.1f} ms p95 {r['cmp_p95']:.1f} ms, recall@10 {r['cmp_recall']:.3f}, "
            f"relative to exhaustive BM25 {r['cmp_bm25_relative']:.3f}",
            flush=True,
        )
    if "stage2_ratio" in r:
        print(
            f"  wording and numeric scorer over the candidates ({r['numeric_claims']} "
            f"claims, cold caches): p50 {r['stage2_p50']:.1f} ms against "
            f"{r['stage2_ref_p50']:.1f} ms at {args.numeric_reference}; total time "
            f"ratio {r['stage2_ratio']:.2f}",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--claims", type=int, default=200, help="claims per size (two-stage)")
    parser.add_argument(
        "--brute-claims",
        type=int,
        default=0,
        help="claims scanned by brute force (default 100, 25 at 1M: it takes seconds each)",
    )
    parser.add_argument(
        "--postgres-claims",
        type=int,
        default=50,
        help="claims timed through PostgreSQL's GIN index with an OR of all their lexemes",
    )
    parser.add_argument(
        "--compare-candidates",
        type=int,
        default=0,
        metavar="N",
        help="also run the lookup with N first-stage candidates, in turn with the default",
    )
    parser.add_argument("--seed", type=int, default=20250611)
    parser.add_argument(
        "--numeric-reference",
        metavar="REV",
        help="also time the wording and numeric scorer against textcore.matching at this git "
        "revision, in this process on the same candidates",
    )
    parser.add_argument("--numeric-claims", type=int, default=100)
    parser.add_argument(
        "--match-claims",
        type=int,
        default=0,
        metavar="N",
        help="also time manage.py match_claims on a file of N claims (README: 1,000 at 100k)",
    )
    parser.add_argument(
        "--match-claims-args", default="", help="more arguments for match_claims, e.g. '--jobs 2'"
    )
    args = parser.parse_args(argv)
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())

    setup_django()
    vocab = build_vocabulary(args.seed)
    results = []
    for size in sizes:
        t0 = time.perf_counter()
        timings = grow_library(size, args.seed, vocab)
        if timings:
            steps = ", ".join(f"{k} {v:.1f}s" for k, v in timings.items())
            print(
                f"library {size:,}: built in {time.perf_counter() - t0:.1f}s ({steps})", flush=True
            )
        else:
            print(f"library {size:,}: reused", flush=True)
        result = measure(size, args, vocab)
        results.append(result)
        report(result, args)

    print()
    print(
        "| passages | two-stage p50 ms | p95 ms | first stage p50 / p95 ms "
        "| brute force p50 ms | p95 ms | recall@10 two-stage | brute force "
        "| two-stage relative to brute force | relative to exhaustive BM25 "
        "| PostgreSQL GIN OR-query p50 / p95 ms | load average |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print(
            f"| {r['size']:,} | {r['p50']:.1f} | {r['p95']:.1f} "
            f"| {r['first_p50']:.1f} / {r['first_p95']:.1f} | {r['brute_p50']:.0f} "
            f"| {r['brute_p95']:.0f} | {r['recall']:.3f} ({r['claims']}) "
            f"| {r['brute_recall']:.3f} ({r['brute_claims']}) | {r['relative']:.3f} "
            f"| {r['bm25_relative']:.3f} ({r['bm25_found']}) "
            f"| {r['pg_p50']:.0f} / {r['pg_p95']:.0f} | {r['load'][0]:.1f}-{r['load'][1]:.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
