"""ops/backup.sh and ops/restore.sh round-trip the database with every row."""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.db import connection

from claims.models import ClaimState
from tests.factories import ClaimFactory, MatchFactory, PassageFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="PostgreSQL client tools missing"),
]


def url_for(name: str) -> str:
    db = connection.settings_dict
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgresql://{db['USER']}{password}@{host}:{port}/{name}"


def row_counts(url: str) -> dict[str, int]:
    query = (
        "SELECT string_agg(format('SELECT %L, count(*) FROM %I', tablename, tablename), "
        "' UNION ALL ') FROM pg_tables WHERE schemaname = 'public'"
    )
    union = subprocess.run(
        ["psql", url, "-XAtc", query], capture_output=True, text=True, check=True
    ).stdout.strip()
    rows = subprocess.run(
        ["psql", url, "-XAt", "-F", "\t", "-c", union], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return {name: int(count) for name, count in (line.split("\t") for line in rows)}


def run(script: str, *args: str, url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(ROOT / "ops" / script), *args],
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def empty_database():
    if connection.vendor != "postgresql":
        pytest.skip("backup and restore are for PostgreSQL")
    name = f"factcheck_restore_{uuid.uuid4().hex[:8]}"
    admin_url = url_for("postgres")
    subprocess.run(["psql", admin_url, "-Xqc", f'CREATE DATABASE "{name}"'], check=True)
    yield url_for(name)
    subprocess.run(["psql", admin_url, "-Xqc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'])


def test_backup_and_restore_round_trip_keeps_every_row(tmp_path, empty_database):
    for n in range(5):
        claim = ClaimFactory(text=f"The harbour handled {n} million tonnes.")
        MatchFactory(claim=claim, passage=PassageFactory())
    ClaimFactory(state=ClaimState.PUBLISHED)
    source_url = url_for(connection.settings_dict["NAME"])
    dump = tmp_path / "factcheck.dump"

    backup = run("backup.sh", str(dump), url=source_url)
    assert backup.returncode == 0, backup.stderr
    assert dump.stat().st_size > 0 and not dump.with_suffix(".dump.partial").exists()
    restore = run("restore.sh", str(dump), url=empty_database)
    assert restore.returncode == 0, restore.stderr

    before, after = row_counts(source_url), row_counts(empty_database)
    assert after == before
    assert before["claims_claim"] == 6 and before["claims_match"] == 5


def test_restore_refuses_a_file_that_is_not_a_dump(tmp_path, empty_database):
    bogus = tmp_path / "notes.dump"
    bogus.write_text("not a dump")
    result = run("restore.sh", str(bogus), url=empty_database)
    assert result.returncode != 0
    assert row_counts(empty_database) == {}
