"""Benchmark of source library import into PostgreSQL: passages per second.

Generates a JSON Lines library of realistic sentence-sized passages (numbers, names,
units), then imports it with the same code as `manage.py import_sources`
(sources.services.import_records: bulk inserts, quantities, term statistics and the
database's own full-text and trigram index maintenance), once into an empty library and
once again unchanged (the idempotent re-import). Prints passages per second for both.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_import_bench \\
        .venv/bin/python bench/import_speed.py [--passages 50000]

The database (created if missing) is migrated and its library emptied first.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_import_bench")

SUBJECTS = [
    "The port authority",
    "Regional hospitals",
    "The national grid operator",
    "City council",
    "The statistics office",
    "Exporters of copper",
    "The central bank",
    "Wind farms offshore",
    "Rail operators",
    "The water utility",
    "Public universities",
    "The customs agency",
]
VERBS = ["reported", "recorded", "estimated", "handled", "spent", "produced", "counted"]
AMOUNTS = [
    "{n} million tonnes",
    "${n}bn",
    "{n}% more",
    "about {n} MW",
    "{n} people",
    "£{n}m",
    "more than {n} kg",
    "{n} hours",
    "{n} percent",
]
PLACES = ["Westhaven", "Brenmoor", "Orlasco", "Tressilian", "Kaldera", "Northmere", "Vassel"]


def passage_text(rng: random.Random) -> str:
    amount = rng.choice(AMOUNTS).format(n=round(rng.uniform(1, 999), rng.choice([0, 1])))
    return (
        f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} {amount} "
        f"in {rng.randint(1990, 2025)}, according to bulletin {rng.randint(1, 99999)}."
    )


def write_library(path: Path, passages: int, per_source: int = 50) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for s in range(0, passages, per_source):
            source = {
                "key": f"bench-{s // per_source}",
                "title": f"Bulletin {s // per_source}",
                "publisher": rng.choice(PLACES) + " Statistics",
                "published": f"20{rng.randint(10, 25)}-01-15",
                "kind": "statistics",
                "passages": [
                    {"key": f"p{i}", "locator": f"para {i}", "text": passage_text(rng)}
                    for i in range(1, min(per_source, passages - s) + 1)
                ],
            }
            out.write(json.dumps(source) + "\n")


def ensure_database() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=50_000)
    args = parser.parse_args()
    ensure_database()

    import django

    django.setup()
    from django.core.management import call_command

    from claims.models import Match
    from sources.files import parse_library_file
    from sources.models import Source, Term
    from sources.services import import_records

    call_command("migrate", verbosity=0)
    Match.objects.all().delete()
    Source.objects.all().delete()
    Term.objects.all().delete()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.jsonl"
        write_library(path, args.passages)
        started = time.perf_counter()
        records = parse_library_file(path)
        parsed = time.perf_counter() - started
        for label in ("first import", "re-import, unchanged"):
            started = time.perf_counter()
            summary = import_records(records)
            elapsed = time.perf_counter() - started
            print(
                f"{label}: {args.passages:,} passages in {elapsed:.1f} s = "
                f"{args.passages / elapsed:,.0f} passages/s "
                f"(created {summary.passages_created:,}, updated {summary.passages_updated:,})"
            )
        print(f"parsing the file: {parsed:.1f} s ({args.passages / parsed:,.0f} passages/s)")


if __name__ == "__main__":
    main()
