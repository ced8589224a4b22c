"""The hostile corpus against the app on PostgreSQL: every request's time and status, every
task's time against its Celery limit.

Runs in-process with Django's test client against a PostgreSQL bench database (created
and migrated if missing), tasks queued by requests are not run inside the request: each
is run afterwards on its own and timed against its soft time limit. The corpus: JSON
nested 50,000 deep on every JSON endpoint of the API (from its OpenAPI schema), huge
numbers in ids, filters and pages, regular-expression lookups in the admin, a small PDF
of one repeated sentence, a 2 MB article without punctuation, 1.9M-character claims in
the lists and pages that show them, and 1.9M-character texts sent to the text endpoints.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_hostile \\
        .venv/bin/python bench/hostile.py

Prints one line per request (seconds, status, what) and per task (seconds, limit,
outcome), then the slowest request and whether everything stayed under 2 s and under
its limit without a 500. Exits 1 if not.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "security")]

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_hostile"
).replace("postgresql://", "postgres://")
REQUEST_BUDGET = 2.0
DEEP = "[" * 50_000 + "]" * 50_000
HUGE = "99999999999999999999"
LONG = 1_900_000
REPEATED = "The turbines produce power "


def ensure_database() -> None:
    import psycopg

    parts = urlsplit(DATABASE_URL)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"refusing to run against {parts.hostname}: 127.0.0.1 only")
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup() -> None:
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    # The API's per-address throttle would answer 429 to a run from one address.
    os.environ["API_THROTTLE_ANON"] = "100000000/minute"
    os.environ["API_THROTTLE_USER"] = "100000000/minute"
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    settings.DEBUG = False  # no query log growing over the run
    # Tasks the requests queue are collected, then run and timed one by one.
    from factcheck.celery import app

    app.conf.task_always_eager = False
    app.conf.broker_url = "memory://"


class Recorder:
    def __init__(self):
        self.requests: list[tuple[float, int, str]] = []
        self.tasks: list[tuple[float, int, str, str]] = []

    def request(self, client, method: str, path: str, what: str, **kwargs):
        start = time.perf_counter()
        response = getattr(client, method)(path, **kwargs)
        elapsed = time.perf_counter() - start
        size = len(getattr(response, "content", b"") or b"")
        self.requests.append((elapsed, response.status_code, what))
        print(f"{elapsed:7.3f} s  {response.status_code}  {size:>9,} B  {what}", flush=True)
        return response

    def task(self, task, args, limit: int, what: str):
        start = time.perf_counter()
        result = task.apply(args=args)
        elapsed = time.perf_counter() - start
        outcome = str(result.result)[:120] if result.successful() else f"error {result.result!r}"
        self.tasks.append((elapsed, limit, what, outcome))
        print(f"{elapsed:7.3f} s  limit {limit} s  task {what}: {outcome}", flush=True)
        return result


def users():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from desk.roles import EDITORS, FACT_CHECKERS, ensure_roles

    ensure_roles()
    User = get_user_model()
    editor, _ = User.objects.get_or_create(username="hostile-editor", defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name=EDITORS))
    checker, _ = User.objects.get_or_create(username="hostile-checker", defaults={"is_staff": True})
    checker.groups.add(Group.objects.get(name=FACT_CHECKERS))
    root, _ = User.objects.get_or_create(
        username="hostile-root", defaults={"is_staff": True, "is_superuser": True}
    )
    return editor, checker, root


def long_claims(count: int = 7):
    """Claims of 1.9M characters, as a 1.9 MB unpunctuated article once made (stored
    directly: processing now refuses such an article)."""
    from claims.models import Article, Claim

    text = ("word " * (LONG // 5))[:LONG]
    article, _ = Article.objects.get_or_create(
        title="Hostile: 1.9M-character claims",
        defaults={"body": text, "status": Article.Status.DONE},
    )
    for position in range(count):
        Claim.objects.get_or_create(
            article=article,
            position=position,
            defaults={
                "text": text,
                "extracted_text": text,
                "sentence": text,
                "sentence_start": 0,
                "sentence_end": LONG,
                "start": 0,
                "end": LONG,
                "checkworthiness": 0.99,
            },
        )
    return article.claims.order_by("position").first()


def json_post_paths(claim_id: int, match_id: int) -> list[str]:
    """Every POST operation of the API that takes JSON, from its OpenAPI schema."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = []
    for path, operations in sorted(schema["paths"].items()):
        post = operations.get("post")
        if not post:
            continue
        content = (post.get("requestBody") or {}).get("content", {})
        if "application/json" not in content:
            continue
        concrete = re.sub(r"\{id\}", str(match_id if "/matches/" in path else claim_id), path)
        paths.append(concrete)
    return paths


def run() -> bool:
    from django.conf import settings
    from django.test import Client

    from claims.models import Match
    from claims.tasks import process_article_task
    from sources.models import ImportJob, Passage, Source
    from sources.tasks import run_import_task

    editor, checker, root = users()
    record = Recorder()
    api = Client()
    api.force_login(editor)
    admin = Client()
    admin.force_login(root)
    public = Client()

    source, _ = Source.objects.get_or_create(key="hostile-source", defaults={"title": "S"})
    passage = Passage.objects.filter(source=source).first() or Passage.objects.create(
        source=source, key="p1", text="The harbour handled 12 million tonnes in 2022."
    )
    claim = long_claims()
    match, _ = Match.objects.get_or_create(claim=claim, passage=passage, defaults={"score": 50})

    print("-- deep JSON on every JSON endpoint", flush=True)
    for path in json_post_paths(claim.pk, match.pk):
        record.request(
            api, "post", path, f"POST {path} deep JSON", data=DEEP, content_type="application/json"
        )

    print("-- huge numbers", flush=True)
    for path in [
        f"/api/claims/{HUGE}/",
        f"/api/articles/{HUGE}/",
        f"/api/public/fact-checks/{HUGE}/",
        "/api/claims/?assignee=-1.9e204",
        f"/api/claims/?article={HUGE}",
        "/api/claims/?min_checkworthiness=1e999",
        f"/api/claims/?page={HUGE}",
        "/api/claims/?page_size=1e308",
        f"/api/passages/?search=tonnes&claim={HUGE}",
        f"/api/public/fact-checks/?page={HUGE}",
    ]:
        record.request(api, "get", path, f"GET {path}")
    for path in [
        f"/admin/sources/source/?year={HUGE}",
        f"/admin/claims/claim/?article__id__exact={HUGE}",
        f"/admin/claims/claim/?p={HUGE}",
        f"/admin/claims/transitionlog/?created_at__year={HUGE}",
        f"/admin/claims/claim/{HUGE}/change/",
    ]:
        record.request(admin, "get", path, f"GET {path}")
    record.request(
        api,
        "post",
        f"/api/claims/{claim.pk}/start-review/",
        "POST start-review expected_version huge",
        data=json.dumps({"expected_version": int(HUGE)}),
        content_type="application/json",
    )
    record.request(public, "get", f"/?page={HUGE}", "GET public list page huge")

    print("-- regular-expression lookups", flush=True)
    for path in [
        "/admin/claims/claim/?text__regex=%5C",
        "/admin/claims/claim/?text__regex=(a%2B)%2B%24",
        "/admin/claims/article/?body__iregex=%5B",
        "/admin/sources/source/?passages__text__regex=(x%2B)%2By",
    ]:
        record.request(admin, "get", path, f"GET {path}")
    record.request(api, "get", "/api/claims/?search=(a%2B)%2B%24", "GET /api/claims/?search=regex")

    print("-- a repetitive PDF", flush=True)
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pdfs import make_pdf

    pdf = make_pdf([REPEATED * 2000])
    before = ImportJob.objects.count()
    record.request(
        api,
        "post",
        "/api/imports/",
        f"POST /api/imports/ repetitive PDF ({len(pdf):,} bytes)",
        data={"file": SimpleUploadedFile("turbines.pdf", pdf, "application/pdf")},
    )
    for job in ImportJob.objects.order_by("pk")[before:]:
        record.task(
            run_import_task,
            [job.pk],
            settings.FACTCHECK_IMPORT_TIME_LIMIT,
            f"import {job.original_name}",
        )
        job.refresh_from_db()
        print(f"           import {job.pk}: {job.status}: {job.error[:160]}", flush=True)

    print("-- a 2 MB article without punctuation", flush=True)
    body = ("word " * 400_000)[: settings.FACTCHECK_MAX_ARTICLE_CHARS - 10]
    response = record.request(
        api,
        "post",
        "/api/articles/",
        f"POST /api/articles/ {len(body):,} characters unpunctuated",
        data=json.dumps({"title": "Unpunctuated", "body": body}),
        content_type="application/json",
    )
    if response.status_code == 202:
        article_id = response.json()["id"]
        record.task(
            process_article_task,
            [article_id],
            settings.FACTCHECK_ARTICLE_TIME_LIMIT,
            f"process article {article_id}",
        )
        from claims.models import Article

        article = Article.objects.get(pk=article_id)
        print(
            f"           article {article_id}: {article.status}: {article.error[:160]} "
            f"({article.claims.count()} claims)",
            flush=True,
        )
    too_long = "word " * (settings.FACTCHECK_MAX_ARTICLE_CHARS // 5 + 10)
    record.request(
        api,
        "post",
        "/api/articles/",
        f"POST /api/articles/ {len(too_long):,} chars",
        data=json.dumps({"title": "Too long", "body": too_long}),
        content_type="application/json",
    )

    print("-- 1.9M-character texts", flush=True)
    text = ("word " * (LONG // 5))[:LONG]
    for path, payload in [
        ("/api/checkworthiness/", {"text": text}),
        ("/api/match/", {"text": text, "top_k": 10}),
        ("/api/compare/", {"claim": text, "passage": "12 million tonnes"}),
        (f"/api/claims/{claim.pk}/edit-text/", {"text": text}),
        (f"/api/claims/{claim.pk}/propose-verdict/", {"rating": "false", "summary": text}),
    ]:
        record.request(
            api,
            "post",
            path,
            f"POST {path} 1.9M-character text",
            data=json.dumps(payload),
            content_type="application/json",
        )
    for path in [
        "/api/claims/",
        f"/api/claims/{claim.pk}/",
        f"/api/claims/?article={claim.article_id}",
    ]:
        record.request(api, "get", path, f"GET {path} (7 claims of 1.9M characters)")
    for path in [
        "/admin/claims/claim/",
        f"/admin/claims/claim/{claim.pk}/change/",
        f"/admin/claims/article/{claim.article_id}/change/",
        f"/admin/claims/article/{claim.article_id}/read/",
        f"/admin/claims/article/{claim.article_id}/revise/",
    ]:
        record.request(admin, "get", path, f"GET {path} (1.9M-character claims)")

    slowest = max(record.requests)
    over = [r for r in record.requests if r[0] > REQUEST_BUDGET]
    errors = [r for r in record.requests if r[1] >= 500]
    late = [t for t in record.tasks if t[0] > t[1]]
    print()
    print(
        f"requests: {len(record.requests)}, slowest {slowest[0]:.3f} s ({slowest[2]}), "
        f"over {REQUEST_BUDGET} s: {len(over)}, 5xx: {len(errors)}"
    )
    print(f"tasks: {len(record.tasks)}, over their limit: {len(late)}")
    for elapsed, status, what in [*over, *errors]:
        print(f"  PROBLEM {elapsed:.3f} s {status} {what}")
    return not (over or errors or late)


def main() -> None:
    ensure_database()
    setup()
    sys.exit(0 if run() else 1)


if __name__ == "__main__":
    main()
