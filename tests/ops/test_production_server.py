"""gunicorn with ops/gunicorn.conf.py and production settings, end to end over HTTP.

Behind the TLS proxy (X-Forwarded-Proto: https): HSTS, CSP and the other headers, Secure +
HttpOnly + SameSite cookies at login, static files, /healthz, and JSON-lines logs.
"""

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from claims.models import ClaimState
from tests.factories import ClaimFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    return f"postgresql://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture(scope="module")
def server(tmp_path_factory, django_db_setup):
    """One gunicorn for the module, on the test database (each test's rows are its own)."""
    if connection.vendor != "postgresql":
        pytest.skip("the production server test runs on PostgreSQL")
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": django_settings.CELERY_BROKER_URL,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    log = tmp_path / "gunicorn.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "ops/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if request(port, "GET", "/healthz")[0].status in (200, 503):
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("gunicorn did not start:\n" + log.read_text())
            time.sleep(0.2)
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def request(port, method, path, *, https=True, headers=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    all_headers = {"Host": "127.0.0.1", **(headers or {})}
    if https:
        all_headers["X-Forwarded-Proto"] = "https"
    conn.request(method, path, body=body, headers=all_headers)
    response = conn.getresponse()
    content = response.read()
    conn.close()
    return response, content


def cookie(response, name: str) -> str:
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith(f"{name}="):
            return value
    raise AssertionError(f"no {name} cookie in {response.getheaders()}")


def test_plain_http_is_redirected_to_https(server):
    port, _ = server
    response, _ = request(port, "GET", "/", https=False)
    assert response.status == 301
    assert response.getheader("Location") == "https://127.0.0.1/"


def test_pages_carry_hsts_csp_and_the_other_security_headers(server):
    port, _ = server
    ClaimFactory(state=ClaimState.PUBLISHED)
    for path in ("/", "/admin/login/", "/api/public/fact-checks/", "/healthz", "/missing/"):
        response, _ = request(port, "GET", path)
        assert response.status in (200, 404), path
        assert response.getheader("Strict-Transport-Security") == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert "script-src 'self'" in response.getheader("Content-Security-Policy")
        assert response.getheader("X-Frame-Options") == "DENY"
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"


def test_login_sets_secure_httponly_samesite_cookies(server, settings):
    port, _ = server
    # the server checks passwords with the production hashers
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    UserFactory(username="ed")
    page, content = request(port, "GET", "/admin/login/")
    csrf_cookie = cookie(page, "csrftoken")
    for flag in ("Secure", "HttpOnly", "SameSite=Lax"):
        assert flag in csrf_cookie
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    body = f"username=ed&password=correct+horse+battery&csrfmiddlewaretoken={token}&next=/admin/"
    response, _ = request(
        port,
        "POST",
        "/admin/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": csrf_cookie.split(";")[0],
            "Referer": f"https://127.0.0.1:{port}/admin/login/",
            "Origin": f"https://127.0.0.1:{port}",
        },
    )
    assert response.status == 302
    session = cookie(response, "sessionid")
    for flag in ("Secure", "HttpOnly", "SameSite=Lax"):
        assert flag in session


def test_static_files_and_health_are_served(server):
    port, _ = server
    health, content = request(port, "GET", "/healthz", https=False)
    body = json.loads(content)
    # No worker runs beside this server: the queue check says so, the server is fine.
    assert health.status == 200 and body["status"] in ("ok", "degraded")
    assert body["checks"]["database"]["ok"]
    css, _ = request(port, "GET", "/static/admin/css/base.css")
    assert css.status == 200


def test_logs_are_json_lines_with_the_access_log(server):
    port, log = server
    request(port, "GET", "/healthz")
    time.sleep(0.5)
    entries = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    assert all({"time", "level", "logger", "message"} <= set(e) for e in entries)
    access = [e for e in entries if e["logger"] == "gunicorn.access"]
    assert any(e["path"] == "/healthz" and e["status"] == 200 for e in access)
