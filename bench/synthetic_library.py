"""The synthetic library of `bench/matching.py`: passages, the claims that paraphrase them,
and loading them into PostgreSQL.

Sentence-sized passages (a Zipf vocabulary, named entities, years and quantities) go
straight into PostgreSQL with COPY; each claim paraphrases one passage (words reordered,
synonyms, dropped words, numbers in other units). Everything is deterministic for a seed,
so a library already generated is reused and only grown.
"""

from __future__ import annotations

import json
import os
import random
import time
from dataclasses import dataclass

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


# --------------------------------------------------------------------------- claims


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
