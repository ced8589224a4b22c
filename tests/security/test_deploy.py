"""Production settings pass Django's deployment checks; no secret lives in the repository."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "factcheck.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://factcheck.example.org",
    "CACHE_URL": "redis://127.0.0.1:6379/15",
}


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_fails_with_a_per_process_cache():
    result = manage("check", "--deploy", **{**PRODUCTION, "CACHE_URL": ""})
    assert result.returncode != 0
    assert "factcheck.E001" in result.stderr + result.stdout
    assert "CACHE_URL" in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": ""}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_turn_on_https_only_behaviour():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.DEBUG)"
    )
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.stdout.strip().splitlines()[-1] == (
        "True True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') False"
    )


SECRET_PATTERNS = [
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    re.compile(r"SECRET_KEY\s*=\s*['\"](?!insecure-local-development-key)[^'\"]{16,}['\"]"),
    re.compile(r"postgres(?:ql)?://[^:/@\s]+:[^@\s]+@"),
    re.compile(r"AKIA[0-9A-Z]{16}"),
]
SKIP_DIRS = {".git", ".venv", "node_modules", "staticfiles", ".hypothesis", ".ruff_cache"}


def test_no_secret_is_committed_to_the_repository():
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith("__pycache__")]
        for name in files:
            path = Path(folder, name)
            if path.suffix in {".pyc", ".png", ".jpg", ".pdf", ".sqlite3"}:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for pattern in SECRET_PATTERNS:
                if pattern.search(text) and path.name != Path(__file__).name:
                    found.append(f"{path.relative_to(ROOT)}: {pattern.pattern}")
    assert found == []
