"""Benchmark of claim matching on synthetic libraries of 10k, 100k and 1M passages.

Generates sentence-sized passages (a Zipf vocabulary, named entities, years and
quantities) straight into PostgreSQL with COPY, and claims that paraphrase one passage
each (words reordered, synonyms, dropped words, numbers in other units). For every size
it prints milliseconds per claim (median, p95) and recall@10 of

* the lookup the application runs (sources.search.lookup: exhaustive BM25 from the
  in-memory index, then the learned ranker), and
* a brute-force scan: rapidfuzz.process.extract with token_set_ratio over the whole
  library held in memory, one thread per core (what workers=-1 would do),

plus the lookup's recall relative to brute force (of the claims whose source brute force
puts in its top 10, the share the lookup also does), the same relative to an exhaustive
Okapi BM25 written independently here, and the time of the alternative first stage:
PostgreSQL's GIN index asked for an OR of all the claim's lexemes, ranked in SQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_bench \\
        .venv/bin/python bench/matching.py [--sizes 10000,100000,1000000]

The database (default factcheck_bench, created if missing) is migrated and its library
replaced; a library already generated with the same seed is reused and only grown.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench")

GENERATOR_VERSION = 3
PASSAGES_PER_SOURCE = 1000
FUNCTION_WORDS = "the of in and to a was for on with by from at as that its has had".split()
SYLLABLES = (
    "ka ri to mu sel van dor pe li ran tes mor bi qua zen lo fa nit gra col ser pon de"
    " mi tal ver cu sto bra le no fin har ga bel vi rop sun del ta mel cor"
).split()


# --------------------------------------------------------------------------- generator


@dataclass
class Vocabulary:
    words: list[str]
    cum_weights: list[float]
    synonyms: list[int]
    entities: list[str]
    entity_cum_weights: list[float]


def build_vocabulary(seed: int, size: int = 40000, n_entities: int = 8000) -> Vocabulary:
    """Pseudo-words with Zipf frequencies, a synonym for each, and capitalised names."""
    rng = random.Random(seed)
    words: list[str] = []
    seen: set[str] = set(FUNCTION_WORDS)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    total = 0.0
    cum: list[float] = []
    for rank in range(size):
        total += 1.0 / (rank + 3) ** 1.05
        cum.append(total)
    # a synonym has a similar frequency: swapping words keeps the text's statistics
    synonyms = [min(size - 1, max(0, r + rng.randint(-50, 50) or 1)) for r in range(size)]
    entities = []
    while len(entities) < n_entities:
        parts = rng.choice((1, 2, 2))
        name = " ".join(
            "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
            for _ in range(parts)
        )
        if name.lower() not in seen:
            seen.add(name.lower())
            entities.append(name)
    ecum, total = [], 0.0
    for rank in range(n_entities):
        total += 1.0 / (rank + 10) ** 0.9
        ecum.append(total)
    return Vocabulary(words, cum, synonyms, entities, ecum)


def _fmt(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def make_quantity(rng: random.Random) -> tuple[str, dict, str, dict]:
    """A quantity as the passage states it and as a claim restates it (other units)."""
    kind = rng.choice(("percent", "usd", "usd_bn", "tonne", "lb", "count", "mw"))
    if kind == "percent":
        v = round(rng.uniform(0.5, 95), 1)
        p = f"{v} percent"
        c = rng.choice((f"{v}%", f"{v} per cent"))
        return p, _q(p, v, "percent"), c, _q(c, v, "percent")
    if kind == "usd":
        v = rng.randint(11, 950)
        p = f"${v} million"
        c = f"${v / 1000:g} billion"
        return p, _q(p, v * 1e6, "USD"), c, _q(c, v * 1e6, "USD")
    if kind == "usd_bn":
        v = round(rng.uniform(1.1, 9.9), 1)
        p = f"${v} billion"
        c = rng.choice((f"${v}bn", f"${_fmt(v * 1000, 0)} million"))
        return p, _q(p, v * 1e9, "USD"), c, _q(c, v * 1e9, "USD")
    if kind == "tonne":
        v = rng.randint(120, 9800)
        p = f"{_fmt(v, 0)} tonnes"
        c = f"{_fmt(v * 1000, 0)} kg"
        return p, _q(p, v, "tonne"), c, _q(c, v * 1000, "kg")
    if kind == "lb":
        v = rng.randint(12, 900)
        p = f"{v} pounds"
        kg = round(v * 0.45359237, 1)
        c = f"{kg} kilograms"
        return p, _q(p, v, "lb"), c, _q(c, kg, "kg")
    if kind == "mw":
        v = rng.randint(11, 99) * 100
        p = f"{_fmt(v, 0)} MW"
        c = f"{v / 1000:g} GW"
        return p, _q(p, v, "MW"), c, _q(c, v / 1000, "GW")
    v = rng.randint(12, 4000)
    noun = rng.choice(("workers", "plants", "mines", "vessels", "schools", "stations"))
    p = f"{_fmt(v, 0)} {noun}"
    return p, _q(p, v, "count", noun), p, _q(p, v, "count", noun)


def _q(text: str, value: float, unit: str, noun: str = "") -> dict:
    return {"text": text, "value": float(value), "unit": unit, "qualifier": "exact", "noun": noun}


def _content_words(rng: random.Random, vocab: Vocabulary, k: int) -> list[int]:
    return rng.choices(range(len(vocab.words)), cum_weights=vocab.cum_weights, k=k)


def generate_passage(index: int, seed: int, vocab: Vocabulary) -> tuple[str, list[dict], list]:
    """Passage `index` of the library (deterministic): text, quantity dicts, its pieces.

    Pieces are (kind, item): "w" a word index, "e" a name, "q" a quantity (see
    make_quantity), "y" a year; a claim paraphrases a passage from its pieces.
    """
    rng = random.Random(seed * 1_000_003 + index)
    content = rng.choices(
        range(len(vocab.words)), cum_weights=vocab.cum_weights, k=rng.randint(9, 16)
    )
    pieces: list[tuple[str, object]] = [("w", w) for w in content]
    names = rng.choices(
        vocab.entities, cum_weights=vocab.entity_cum_weights, k=rng.choice((1, 1, 2))
    )
    for name in names:
        pieces.insert(rng.randint(0, len(pieces)), ("e", name))
    quantities = []
    for _ in range(rng.choice((0, 1, 1, 1, 2))):
        quantity = make_quantity(rng)
        quantities.append(quantity)
        pieces.insert(rng.randint(1, len(pieces)), ("q", quantity))
    if rng.random() < 0.4:
        pieces.insert(rng.randint(1, len(pieces)), ("y", str(rng.randint(1990, 2025))))
    text, spans = _render(rng, pieces, vocab, passage=True)
    passage_quantities = [
        dict(q[1], start=start, end=end) for q, (start, end) in zip(quantities, spans, strict=True)
    ]
    return text, passage_quantities, pieces


def _render(
    rng: random.Random, pieces: list, vocab: Vocabulary, *, passage: bool
) -> tuple[str, list[tuple[int, int]]]:
    """A sentence from pieces, with function words sprinkled in; spans of the quantities."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for i, (kind, item) in enumerate(pieces):
        if i and rng.random() < 0.35:
            out.append(rng.choice(FUNCTION_WORDS))
            length += len(out[-1]) + 1
        if kind == "w":
            word = vocab.words[item]
        elif kind == "q":
            word = item[0] if passage else item[2]
            spans.append((length, length + len(word)))
        elif kind == "y":
            word = "in " + item
        else:
            word = item
        out.append(word)
        length += len(word) + 1
    text = " ".join(out)
    return text[0].upper() + text[1:] + ".", spans


def paraphrase(index: int, seed: int, vocab: Vocabulary, pieces: list) -> tuple[str, list[dict]]:
    """A claim restating a passage: clauses swapped, 10-40% synonyms, 5-25% words dropped,
    quantities in other units."""
    rng = random.Random(seed * 7919 + index)
    # how freely a writer rewords varies from claim to claim
    dropped = rng.uniform(0.05, 0.25)
    replaced = rng.uniform(0.10, 0.40)
    out: list[tuple[str, object]] = []
    for kind, item in pieces:
        if kind == "w":
            roll = rng.random()
            if roll < dropped:
                continue
            if roll < dropped + replaced:
                item = vocab.synonyms[item]
        out.append((kind, item))
    cut = rng.randint(1, max(1, len(out) - 1))
    out = out[cut:] + out[:cut]
    i, j = rng.randrange(len(out)), rng.randrange(len(out))
    out[i], out[j] = out[j], out[i]
    text, _ = _render(rng, out, vocab, passage=False)
    return text, [item[3] for kind, item in out if kind == "q"]


# --------------------------------------------------------------------------- database


def setup_django() -> None:
    """Configure Django on the benchmark database, creating and migrating it if needed."""
    import dj_database_url
    import psycopg

    url = os.environ["DATABASE_URL"]
    config = dj_database_url.parse(url)
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError:
        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{config["NAME"]}"')
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


_INDEXES = {
    "passage_search_vector_gin": "CREATE INDEX passage_search_vector_gin ON sources_passage "
    "USING gin (search_vector)",
    "passage_normalized_trgm_gin": "CREATE INDEX passage_normalized_trgm_gin ON sources_passage "
    "USING gin (normalized_text gin_trgm_ops)",
}


def _copy_escape(value: str) -> str:
    """Escape for COPY's text format (generated texts hold no tab, newline or backslash)."""
    return value.replace("\\", "\\\\")


def library_state(cursor) -> tuple[int, int | None]:
    """(passages in the library, seed it was generated with or None if not by this bench)."""
    cursor.execute(
        "CREATE TABLE IF NOT EXISTS bench_library (seed int, version int, size int NOT NULL)"
    )
    cursor.execute("SELECT seed, version, size FROM bench_library")
    row = cursor.fetchone()
    cursor.execute("SELECT count(*) FROM sources_passage")
    count = cursor.fetchone()[0]
    if row and row[1] == GENERATOR_VERSION and row[2] == count:
        return count, row[0]
    return count, None


def grow_library(size: int, seed: int, vocab: Vocabulary) -> dict[str, float]:
    """Make the library passages 0..size-1 of this seed; returns seconds per step."""
    from django.db import connection, transaction

    from sources.search import normalize_for_search, refresh_term_statistics

    timings: dict[str, float] = {}
    with connection.cursor() as cursor:
        count, existing_seed = library_state(cursor)
        if existing_seed != seed or count > size:
            cursor.execute("TRUNCATE sources_passage, sources_source RESTART IDENTITY CASCADE")
            count = 0
        if count == size:
            return timings
        start = time.perf_counter()
        for name in _INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
        cursor.execute("SET maintenance_work_mem = '512MB'")
        n_sources = (size + PASSAGES_PER_SOURCE - 1) // PASSAGES_PER_SOURCE
        first_source = (count + PASSAGES_PER_SOURCE - 1) // PASSAGES_PER_SOURCE
        with cursor.cursor.copy(
            "COPY sources_source (id, key, title, publisher, url, kind, reliability_note,"
            " created_at, updated_at) FROM STDIN"
        ) as copy:
            for s in range(first_source, n_sources):
                copy.write(f"{s + 1}\tbench-{s}\tBench source {s}\tBench\t\tother\t\tnow\tnow\n")
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('sources_source', 'id'), %s)", [n_sources]
        )
        generate_seconds = 0.0
        with cursor.cursor.copy(
            "COPY sources_passage (source_id, key, position, locator, text, normalized_text,"
            " quantities, updated_at) FROM STDIN"
        ) as copy:
            buffer: list[str] = []
            for index in range(count, size):
                t0 = time.perf_counter()
                text, quantities, _ = generate_passage(index, seed, vocab)
                line = (
                    f"{index // PASSAGES_PER_SOURCE + 1}\tp{index}\t{index % PASSAGES_PER_SOURCE}"
                    f"\t\t{text}\t{normalize_for_search(text)}\t{_copy_escape(json.dumps(quantities))}\tnow\n"
                )
                buffer.append(line)
                generate_seconds += time.perf_counter() - t0
                if len(buffer) >= 20000:
                    copy.write("".join(buffer))
                    buffer.clear()
            copy.write("".join(buffer))
        timings["generate"] = generate_seconds
        timings["copy"] = time.perf_counter() - start - generate_seconds
        t0 = time.perf_counter()
        for statement in _INDEXES.values():
            cursor.execute(statement)
        timings["indexes"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with transaction.atomic():
            refresh_term_statistics()
        timings["term statistics"] = time.perf_counter() - t0
        cursor.execute("ANALYZE sources_passage")
        cursor.execute("DELETE FROM bench_library")
        cursor.execute(
            "INSERT INTO bench_library (seed, version, size) VALUES (%s, %s, %s)",
            [seed, GENERATOR_VERSION, size],
        )
    return timings


# --------------------------------------------------------------------------- measuring


@dataclass
class Claim:
    text: str
    quantities: list[dict]
    passage_id: int


def make_claims(size: int, n: int, seed: int, vocab: Vocabulary) -> list[Claim]:
    """Paraphrases of `n` passages picked at random among the first `size`."""
    rng = random.Random(seed + size)
    claims = []
    for index in rng.sample(range(size), n):
        _, _, pieces = generate_passage(index, seed, vocab)
        text, quantities = paraphrase(index, seed, vocab, pieces)
        # ids follow generation order: the library is loaded by COPY into a fresh sequence
        claims.append(Claim(text, quantities, index + 1))
    return claims


def two_stage(claim: Claim) -> list[int]:
    """The application's lookup: exhaustive BM25 from the in-memory index, learned ranker."""
    from sources.search import lookup

    return [m.passage_id for m in lookup(text=claim.text, top_k=10, quantities=claim.quantities)]


def load_reference_matching(rev: str):
    """`textcore.matching` as it was at git revision `rev`, imported as another package.

    The older scorer and the modules it imports (all relative) are written to a temporary
    package, so both versions run in this process on the same candidates.
    """
    import importlib
    import subprocess
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="textcore_reference_"))
    package = folder / "textcore_reference"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("matching", "numeric", "analysis", "lexicon", "units"):
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:textcore/{name}.py"],
            capture_output=True,
            text=True,
        )
        if shown.returncode == 0:
            (package / f"{name}.py").write_text(shown.stdout)
    sys.path.insert(0, str(folder))
    return importlib.import_module("textcore_reference.matching")


def time_second_stage(claims: list[Claim], reference) -> dict:
    """Milliseconds per claim of the wording and numeric scorer over the lookup's candidates,
    the current code against `reference` (alternating which runs first), cold caches."""
    from django.conf import settings

    from sources.search import clean_query, find_candidates, library_index
    from textcore import figures, matching
    from textcore.analysis import claim_terms, term_key

    idf = library_index().index.text.idf
    current_ms, reference_ms = [], []
    for number, claim in enumerate(claims):
        cleaned = clean_query(claim.text)
        candidates = find_candidates(cleaned, limit=settings.FACTCHECK_CANDIDATES_PER_CLAIM)
        weights = {word: idf(term_key(word)) for word in claim_terms(cleaned)}
        runs = [(matching, current_ms), (reference, reference_ms)]
        for module, sink in runs if number % 2 == 0 else runs[::-1]:
            figures.read_passage.cache_clear()
            passages = [module.PassageText(c.passage_id, c.text, c.quantities) for c in candidates]
            t0 = time.perf_counter()
            module.score_candidates(
                cleaned, claim.quantities, passages, term_weights=weights, limit=len(passages)
            )
            sink.append((time.perf_counter() - t0) * 1000)
    return {
        "numeric_claims": len(claims),
        "stage2_p50": statistics.median(current_ms),
        "stage2_ref_p50": statistics.median(reference_ms),
        "stage2_ratio": sum(current_ms) / max(sum(reference_ms), 1e-9),
    }


class ExhaustiveBM25:
    """Okapi BM25 (k1=1.5, b=0.75, term counts, lowercase word tokens) over every passage,
    written independently of the application's index: the reference its first stage must
    not lose against."""

    def __init__(self, rows: list[tuple[int, str]]):
        import re
        from collections import Counter

        word = re.compile(r"[^\W\d_]+|\d+")
        self.tokens = lambda text: word.findall(text.lower())
        self.ids = [r[0] for r in rows]
        self.postings: dict[str, list[tuple[int, int]]] = {}
        lengths = []
        for i, (_, text) in enumerate(rows):
            counts = Counter(self.tokens(text))
            lengths.append(sum(counts.values()))
            for w, tf in counts.items():
                self.postings.setdefault(w, []).append((i, tf))
        self.lengths = lengths
        self.avg = sum(lengths) / max(len(lengths), 1)
        self.n = len(rows)

    def top(self, text: str, k: int = 10) -> list[int]:
        import math

        scores: dict[int, float] = {}
        for w in set(self.tokens(text)):
            found = self.postings.get(w, [])
            idf = math.log(1 + (self.n - len(found) + 0.5) / (len(found) + 0.5))
            for i, tf in found:
                norm = 1.5 * (0.25 + 0.75 * self.lengths[i] / self.avg)
                scores[i] = scores.get(i, 0.0) + idf * tf * 2.5 / (tf + norm)
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [self.ids[i] for i, _ in best]


def postgres_exhaustive(claim: Claim, limit: int = 100) -> list[int]:
    """The alternative first stage measured against the in-memory index: PostgreSQL's GIN
    index with an OR of every query lexeme, BM25-weighted by lexeme rarity in SQL."""
    from django.db import connection

    from sources.search import term_weights

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', %s)))",
            [claim.text],
        )
        lexemes = [r[0] for r in cursor.fetchall()]
        if not lexemes:
            return []
        weights = term_weights(lexemes)
        rank = " + ".join(
            "CASE WHEN search_vector @@ %s::tsquery THEN %s ELSE 0 END" for _ in lexemes
        )
        params: list[object] = []
        for lexeme in lexemes:
            params += [lexeme, weights.get(lexeme, 0.0)]
        query = " | ".join(lexemes)
        cursor.execute(
            f"SELECT id FROM sources_passage WHERE search_vector @@ %s::tsquery "  # nosec B608
            f"ORDER BY ({rank}) DESC, id LIMIT %s",
            [query, *params, limit],
        )
        return [r[0] for r in cursor.fetchall()]


def brute_force(query: str, chunks: list[tuple[int, list[str]]], pool) -> list[int]:
    """Indexes of the 10 best texts by token_set_ratio, scanning the slices in parallel."""
    from rapidfuzz import fuzz, process

    def scan(chunk: tuple[int, list[str]]) -> list[tuple[float, int]]:
        offset, texts = chunk
        found = process.extract(query, texts, scorer=fuzz.token_set_ratio, limit=10)
        return [(score, offset + index) for _, score, index in found]

    merged = [hit for hits in pool.map(scan, chunks) for hit in hits]
    merged.sort(key=lambda hit: (-hit[0], hit[1]))
    return [index for _, index in merged[:10]]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(size: int, args, vocab: Vocabulary) -> dict:
    from django.db import connection
    from rapidfuzz import utils

    claims = make_claims(size, args.claims, args.seed, vocab)
    for claim in claims[:5]:  # warm the caches as a running service would have them
        two_stage(claim)
    times, found, tops = [], [], []
    for claim in claims:
        t0 = time.perf_counter()
        top = two_stage(claim)
        times.append((time.perf_counter() - t0) * 1000)
        found.append(claim.passage_id in top)
        tops.append(top)

    n_brute = min(len(claims), args.brute_claims or (100 if size <= 100_000 else 25))
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, text FROM sources_passage ORDER BY id")
        rows = cursor.fetchall()
    reference = ExhaustiveBM25(rows)
    bm25_found = bm25_kept = 0
    for claim, top in zip(claims, tops, strict=True):
        if claim.passage_id in reference.top(claim.text, 10):
            bm25_found += 1
            bm25_kept += claim.passage_id in top
    del reference
    pg_times = []
    for claim in claims[: args.postgres_claims]:
        t0 = time.perf_counter()
        postgres_exhaustive(claim)
        pg_times.append((time.perf_counter() - t0) * 1000)
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
        t0 = time.perf_counter()
        hits = brute_force(utils.default_process(claim.text), chunks, pool)
        brute_times.append((time.perf_counter() - t0) * 1000)
        brute_found.append(claim.passage_id in {ids[index] for index in hits})
    pool.shutdown()
    both = sum(1 for b, t in zip(brute_found, found, strict=False) if b and t)
    numeric = {}
    if args.numeric_reference:
        numeric = time_second_stage(
            claims[: args.numeric_claims], load_reference_matching(args.numeric_reference)
        )
    return {
        **numeric,
        "size": size,
        "claims": len(claims),
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "recall": sum(found) / len(found),
        "brute_claims": n_brute,
        "brute_p50": statistics.median(brute_times),
        "brute_p95": percentile(brute_times, 0.95),
        "brute_recall": sum(brute_found) / n_brute,
        "relative": both / max(1, sum(brute_found)),
        "bm25_found": bm25_found,
        "bm25_relative": bm25_kept / max(1, bm25_found),
        "pg_p50": statistics.median(pg_times) if pg_times else float("nan"),
        "pg_p95": percentile(pg_times, 0.95) if pg_times else float("nan"),
    }


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
    parser.add_argument("--seed", type=int, default=20250611)
    parser.add_argument(
        "--numeric-reference",
        metavar="REV",
        help="also time the wording and numeric scorer against textcore.matching at this git "
        "revision, in this process on the same candidates",
    )
    parser.add_argument("--numeric-claims", type=int, default=100)
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
        print(
            f"  two-stage p50 {result['p50']:.1f} ms p95 {result['p95']:.1f} ms; "
            f"brute force p50 {result['brute_p50']:.0f} ms",
            flush=True,
        )
        if "stage2_ratio" in result:
            print(
                f"  wording and numeric scorer over the candidates ({result['numeric_claims']} "
                f"claims, cold caches): p50 {result['stage2_p50']:.1f} ms against "
                f"{result['stage2_ref_p50']:.1f} ms at {args.numeric_reference}; total time "
                f"ratio {result['stage2_ratio']:.2f}",
                flush=True,
            )

    print()
    print(
        "| passages | two-stage p50 ms | p95 ms | brute force p50 ms | p95 ms "
        "| recall@10 two-stage | brute force | two-stage relative to brute force "
        "| relative to exhaustive BM25 | PostgreSQL GIN OR-query p50 / p95 ms |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print(
            f"| {r['size']:,} | {r['p50']:.1f} | {r['p95']:.1f} | {r['brute_p50']:.0f} "
            f"| {r['brute_p95']:.0f} | {r['recall']:.3f} ({r['claims']}) "
            f"| {r['brute_recall']:.3f} ({r['brute_claims']}) | {r['relative']:.3f} "
            f"| {r['bm25_relative']:.3f} ({r['bm25_found']}) "
            f"| {r['pg_p50']:.0f} / {r['pg_p95']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
