"""Load benchmark of the public pages under gunicorn on PostgreSQL and Redis.

Creates (if missing) and migrates a bench database, publishes generated fact-checks
through the workflow services, serves the app with gunicorn (DEBUG off, static files
collected, Redis cache) and drives it from a bounded asyncio HTTP/1.1 client on
127.0.0.1 only. For each URL it prints requests per second, p50 and p95 latency:

* a trivial Django view (bench-only URLconf: the full middleware stack, no database),
* the list page and a claim page, served from the cache (the normal case), and
* the same pages on a cache miss (a unique query string per request).

    .venv/bin/python bench/public_load.py [--duration 10] [--concurrency 20]
        [--fact-checks 300] [--workers 3] [--port 8765]

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/
factcheck_public_bench), BENCH_CACHE_URL (default redis://127.0.0.1:6379/13).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from http_client import Connection  # noqa: E402 (bench/ is on the path above)

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_public_bench"
)
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
STATIC_ROOT = Path(tempfile.gettempdir()) / "factcheck-public-bench-static"

# The server runs as in production: DEBUG off, persistent database connections, Redis.
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "public_load_settings",
    "DATABASE_URL": DATABASE_URL,
    "DATABASE_CONN_MAX_AGE": "60",
    "CACHE_URL": CACHE_URL,
    "CACHE_KEY_PREFIX": "public-bench",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(40),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    # Plain HTTP on the loopback; in production TLS ends at the proxy in front.
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_STATIC_ROOT": str(STATIC_ROOT),
    "DJANGO_LOG_LEVEL": "WARNING",
    "CELERY_BROKER_URL": "",
    "CELERY_TASK_ALWAYS_EAGER": "1",
}


def ensure_database() -> None:
    import psycopg

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    os.environ.update(SERVER_ENV)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)


SUBJECTS = [
    ("harbour", "handled", "million tonnes of cargo"),
    ("airport", "served", "million passengers"),
    ("city", "built", "thousand new homes"),
    ("region", "recorded", "thousand new jobs"),
    ("wind farm", "generated", "terawatt hours"),
    ("hospital", "treated", "thousand patients"),
]
OUTLETS = ["Coast Daily", "Bay Herald", "Capital Times", "Valley News"]


def publish_fact_checks(count: int) -> None:
    """Publish fact-checks through the workflow until the bench database holds `count`."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from claims.models import Article, Claim, Match, Rating, Verdict
    from desk import review, workflow
    from desk.roles import EDITORS, FACT_CHECKERS, ensure_roles
    from sources.models import Passage, Source
    from sources.services import save_passage

    have = Verdict.objects.filter(published_at__isnull=False).values("claim").distinct().count()
    if have >= count:
        return
    ensure_roles()
    User = get_user_model()
    checker, _ = User.objects.get_or_create(username="bench-checker")
    editor, _ = User.objects.get_or_create(username="bench-editor")
    checker.groups.add(Group.objects.get(name=FACT_CHECKERS))
    editor.groups.add(Group.objects.get(name=EDITORS))
    ratings = list(Rating.values)
    ratings.remove(Rating.UNVERIFIABLE)
    started = time.perf_counter()
    for n in range(have, count):
        where, verb, unit = SUBJECTS[n % len(SUBJECTS)]
        year = 2015 + n % 10
        amount = 3 + n % 40
        source, _ = Source.objects.get_or_create(
            key=f"bench-{where}-{year}",
            defaults={
                "title": f"Annual {where} statistics {year}",
                "publisher": "National Statistics Office",
                "url": f"https://stats.example/{where.replace(' ', '-')}/{year}",
                "published": dt.date(year + 1, 3, 1),
                "kind": ["statistics", "report", "government"][n % 3],
            },
        )
        passage = save_passage(
            Passage(
                source=source,
                key=f"p{n}",
                locator=f"Table {1 + n % 9}",
                text=f"In {year} the {where} {verb} {amount + n % 3}.{n % 10} {unit}.",
            )
        )
        sentence = f"The {where} {verb} {amount} {unit} in {year}, officials said."
        body = f"A look at the {where} in review. {sentence} More figures are due next year."
        article = Article.objects.create(
            title=f"The {where} in {year}: a record year? ({n})",
            url=f"https://news.example/{n}",
            outlet=OUTLETS[n % len(OUTLETS)],
            published=dt.date(year + 1, 1 + n % 12, 1 + n % 28),
            body=body,
            status=Article.Status.DONE,
        )
        start = body.index(sentence)
        span = sentence.removesuffix(", officials said.")
        claim = Claim.objects.create(
            article=article,
            position=0,
            text=span + ".",
            extracted_text=span + ".",
            sentence=sentence,
            sentence_start=start,
            sentence_end=start + len(sentence),
            start=start,
            end=start + len(span),
            checkworthiness=0.8,
        )
        match = Match.objects.create(
            claim=claim, passage=passage, score=85.0, numeric=Match.Numeric.CONFLICTS
        )
        workflow.start_review(claim=claim, user=checker)
        review.accept_evidence(match=match, user=checker)
        workflow.propose_verdict(
            claim=claim,
            author=checker,
            rating=ratings[n % len(ratings)],
            summary=f"The {year} statistics give a different figure for the {where}.",
            explanation="Generated for the load benchmark.",
        )
        workflow.approve_verdict(claim=claim, editor=editor)
        workflow.publish(claim=claim, editor=editor)
    took = time.perf_counter() - started
    print(f"published {count - have} fact-checks through the workflow in {took:.1f} s")


# Shared by every run, so "cache miss" URLs are never repeated, not even after the warm-up.
REQUEST_NUMBERS = itertools.count()


async def load(port: int, path_of, duration: float, concurrency: int) -> dict:
    """Keep `concurrency` clients busy for `duration` seconds; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    statuses: Counter[int] = Counter()
    deadline = time.perf_counter() + duration

    async def worker():
        nonlocal errors
        client = Connection(port, headers={"User-Agent": "public-load"})
        while time.perf_counter() < deadline:
            path = path_of(next(REQUEST_NUMBERS))
            began = time.perf_counter()
            try:
                status = await client.get(path)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
                await client.close()
                continue
            latencies.append((time.perf_counter() - began) * 1000)
            statuses[status] += 1
            if status != 200:
                errors += 1
        await client.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)] if latencies else float("nan")
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": p95,
        "errors": errors,
        "statuses": statuses,
    }


def wait_for_server(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            status = asyncio.run(Connection(port).get("/bench/trivial/"))
            if status == 200:
                return
            raise RuntimeError(f"the trivial view answered {status}")
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per URL")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--fact-checks", type=int, default=300)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    ensure_database()
    setup_django()
    publish_fact_checks(args.fact_checks)
    from claims.models import Verdict
    from public.fact_checks import fact_check_path
    from public.selectors import current_verdicts

    newest = current_verdicts().first()
    claim_path = fact_check_path(newest.claim_id, newest.checked_text)
    published = Verdict.objects.filter(published_at__isnull=False).count()

    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "factcheck.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--pythonpath",
            f"{ROOT},{ROOT / 'bench'}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **SERVER_ENV},
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_server(args.port)
        targets = [
            ("trivial Django view", lambda n: "/bench/trivial/"),
            ("list /, cached", lambda n: "/"),
            ("claim page, cached", lambda n: claim_path),
            ("list /, cache miss", lambda n: f"/?bench={n}"),
            ("claim page, cache miss", lambda n: f"{claim_path}?bench={n}"),
        ]
        print(
            f"gunicorn {args.workers} sync workers, {os.cpu_count()} CPUs, "
            f"{args.concurrency} concurrent clients, {args.duration:g} s per URL, "
            f"{published} published verdicts; claim page {claim_path}"
        )
        print(f"{'URL':32} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        results = {}
        for label, path_of in targets:
            asyncio.run(load(args.port, path_of, 1.0, args.concurrency))  # warm up, fill cache
            result = asyncio.run(load(args.port, path_of, args.duration, args.concurrency))
            results[label] = result
            print(
                f"{label:32} {result['requests']:>9} {result['rps']:>8.0f} "
                f"{result['p50']:>8.1f} {result['p95']:>8.1f} {result['errors']:>7}"
                + (f"  statuses {dict(result['statuses'])}" if result["errors"] else "")
            )
        trivial = results["trivial Django view"]["rps"]
        cached = results["claim page, cached"]
        share = cached["rps"] / trivial
        print(
            f"cached claim page: {share:.0%} of the trivial view's throughput "
            f"(goal >= 50%), p95 {cached['p95']:.1f} ms (goal < 50 ms): "
            + ("goal met" if share >= 0.5 and cached["p95"] < 50 else "goal NOT met")
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
