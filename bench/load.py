"""Production-like load run: gunicorn (ops/gunicorn.conf.py) with production settings.

Creates (if missing) and migrates a PostgreSQL bench database, publishes fact-checks
through the workflow services, starts gunicorn exactly as in production (DEBUG off,
HTTPS-only settings behind a proxy, Redis cache and broker, JSON access log) and drives
it with 20 concurrent keep-alive clients for 60 seconds over a mix of public pages, the
public API and /healthz. Traffic goes to 127.0.0.1 only; the run is bounded in time and
in requests. Prints requests/s, p50/p95/p99 latency and the count of error responses.

    .venv/bin/python bench/load.py [--duration 60] [--concurrency 20] [--workers N]

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/factcheck_load),
CELERY_BROKER_URL (default redis://127.0.0.1:6379/15), LOAD_CACHE_URL (default
redis://127.0.0.1:6379/12).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import socket
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
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_load"
).replace("postgresql://", "postgres://")
BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/15"
CACHE_URL = os.environ.get("LOAD_CACHE_URL", "redis://127.0.0.1:6379/12")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# However fast the server, a run stops after this many requests.
MAX_REQUESTS = 2_000_000
REQUEST_TIMEOUT = 10.0


def loopback_only(url: str) -> None:
    host = urlsplit(url).hostname
    if host not in LOOPBACK:
        raise SystemExit(f"refusing to run against {host}: the load run uses 127.0.0.1 only")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(port: int, static_root: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": static_root,
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": DATABASE_URL,
        "DATABASE_CONN_MAX_AGE": "60",
        "CACHE_URL": CACHE_URL,
        "CACHE_KEY_PREFIX": f"load-{port}",
        "CELERY_BROKER_URL": BROKER_URL,
        # Every client comes from 127.0.0.1; the API's per-address throttle would refuse
        # the run by design (120/minute), so it is lifted for the benchmark only.
        "API_THROTTLE_ANON": "100000000/minute",
        "API_THROTTLE_USER": "100000000/minute",  # DRF applies it to anonymous callers too
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }


def prepare(fact_checks: int, static_root: str) -> list[tuple[str, int]]:
    """Database, static files and published fact-checks; returns the weighted URL mix."""
    import public_load
    from public_load import ensure_database, publish_fact_checks

    public_load.DATABASE_URL = DATABASE_URL
    ensure_database()
    os.environ.update(server_env(0, static_root))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    publish_fact_checks(fact_checks)
    LOAD_HEADERS["Authorization"] = f"Token {newsroom_claims(EXTRA_CLAIMS)}"

    from public.fact_checks import fact_check_path
    from public.selectors import current_verdicts

    verdicts = list(current_verdicts()[:50])
    claims = [fact_check_path(v.claim_id, v.checked_text) for v in verdicts]
    articles = [f"/articles/{v.claim.article_id}/" for v in verdicts[:20]]
    mix = [("/", 25), ("/corrections/", 5), ("/api/public/fact-checks/", 10), ("/healthz", 15)]
    # The newsroom's claim list (a token of a fact-checker), summaries of every claim.
    mix += [("/api/claims/", 10), ("/api/claims/?state=extracted", 5)]
    mix += [(path, 35 / len(claims)) for path in claims]
    mix += [(path, 10 / len(articles)) for path in articles]
    return mix


# Claims waiting for review beside the published ones; a few are enormous (a text
# without punctuation), which the claim list answers as summaries.
EXTRA_CLAIMS = 3000
ENORMOUS_CLAIMS = 7


def newsroom_claims(count: int) -> str:
    """Extracted claims up to `count` (a few of 200,000 characters); a fact-checker's token."""
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from claims.models import Article, Claim

    article, _ = Article.objects.get_or_create(
        title="Bench: claims waiting for review",
        defaults={"body": "Waiting claims.", "status": Article.Status.DONE},
    )
    have = article.claims.count()
    rows = []
    for n in range(have, count):
        text = (
            "the council approved turbines for the coast " * 4500
            if n < ENORMOUS_CLAIMS
            else f"The port handled {n % 90 + 3} million tonnes of cargo in {2000 + n % 25}."
        )
        rows.append(
            Claim(
                article=article,
                position=n,
                text=text,
                extracted_text=text,
                sentence=text[:300],
                sentence_start=0,
                sentence_end=0,
                start=0,
                end=0,
                checkworthiness=(n % 100) / 100,
            )
        )
    Claim.objects.bulk_create(rows, batch_size=500)
    checker = get_user_model().objects.get(username="bench-checker")
    return Token.objects.get_or_create(user=checker)[0].key


# As a browser behind the TLS proxy would send them.
LOAD_HEADERS = {
    "User-Agent": "factcheck-load",
    "X-Forwarded-Proto": "https",
    "Accept-Encoding": "gzip",
}


async def run_load(port: int, mix, duration: float, concurrency: int) -> dict:
    paths, weights = zip(*mix, strict=True)
    latencies: list[float] = []
    claim_list: list[float] = []
    statuses: Counter = Counter()
    failures: Counter = Counter()
    deadline = time.perf_counter() + duration
    rng = random.Random(2025)  # the same mix on every run

    async def client():
        connection = Connection(port, headers=LOAD_HEADERS)
        while time.perf_counter() < deadline and len(latencies) < MAX_REQUESTS:
            path = rng.choices(paths, weights)[0]
            began = time.perf_counter()
            try:
                status = await asyncio.wait_for(connection.get(path), REQUEST_TIMEOUT)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                failures[type(exc).__name__] += 1
                await connection.close()
                continue
            latencies.append((time.perf_counter() - began) * 1000)
            if path.startswith("/api/claims/"):
                claim_list.append(latencies[-1])
            statuses[status] += 1
            if status >= 400:
                failures[f"{status} {path}"] += 1
        await connection.close()

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    claim_list.sort()

    def pct(p: float, values=latencies) -> float:
        return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")

    return {
        "elapsed": elapsed,
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "claims_p95": pct(0.95, claim_list),
        "claims_requests": len(claim_list),
        "statuses": statuses,
        "errors": sum(count for status, count in statuses.items() if status >= 400),
        "failures": failures,
    }


def wait_for(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited; see its log")
        try:
            if asyncio.run(Connection(port, headers=LOAD_HEADERS).get("/healthz")) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not become healthy")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--fact-checks", type=int, default=300)
    parser.add_argument("--workers", type=int, default=None, help="default: gunicorn.conf.py")
    args = parser.parse_args()
    for url in (DATABASE_URL, BROKER_URL, CACHE_URL):
        loopback_only(url)

    static_root = tempfile.mkdtemp(prefix="factcheck-load-static-")
    mix = prepare(args.fact_checks, static_root)
    port = free_port()
    env = server_env(port, static_root)
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    log = Path(tempfile.gettempdir()) / f"factcheck-load-{port}.log"
    with log.open("w") as sink:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "ops/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(port, server)
        asyncio.run(run_load(port, mix, 2.0, args.concurrency))  # warm caches and connections
        result = asyncio.run(run_load(port, mix, args.duration, args.concurrency))
    finally:
        server.terminate()
        server.wait(timeout=30)
    workers = env.get("WEB_CONCURRENCY") or f"{os.cpu_count() * 2 + 1} (2 x CPUs + 1)"
    print(
        f"gunicorn ops/gunicorn.conf.py, {workers} sync workers, {os.cpu_count()} CPUs; "
        f"production settings (DEBUG off, HTTPS via X-Forwarded-Proto), PostgreSQL "
        f"{urlsplit(DATABASE_URL).path.lstrip('/')}, Redis cache and broker"
    )
    print(
        f"mix: {len(mix)} URLs: / 25%, claim pages 35%, /healthz 15%, /api/claims/ 15% "
        "(token), /api/public/fact-checks/ 10%, article pages 10%, /corrections/ 5% "
        "(weights relative)"
    )
    print(
        f"{args.concurrency} clients for {result['elapsed']:.1f} s: {result['requests']} "
        f"requests, {result['rps']:.0f} requests/s"
    )
    print(
        f"latency p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
        f"p99 {result['p99']:.1f} ms"
    )
    print(f"/api/claims/: {result['claims_requests']} requests, p95 {result['claims_p95']:.1f} ms")
    print(f"status codes: {dict(sorted(result['statuses'].items()))}")
    print(
        f"error responses: {result['errors']}; connection failures: "
        f"{sum(v for k, v in result['failures'].items() if not k[0].isdigit())}"
    )
    if result["failures"]:
        print(f"failures: {dict(result['failures'].most_common(10))}")
    print(f"server log: {log}")


if __name__ == "__main__":
    main()
