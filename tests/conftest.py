import fcntl
import os
import uuid
from pathlib import Path

import pytest

from factcheck.celery import app as celery_app
from tests.real_worker import Workers


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "real_worker: the test talks to a real Celery worker over the broker"
    )
    config.addinivalue_line("markers", "broker: the test talks to the message broker")
    config.addinivalue_line(
        "markers",
        "postgresql(why): the test is about PostgreSQL's own behaviour (triggers, row locks, "
        "its refusals); skipped, with why, on another database",
    )
    config.addinivalue_line(
        "markers", "browser: drives Debian's headless Chromium with Playwright (live server)"
    )


def pytest_collection_modifyitems(config, items):
    """Tests that need what the run lacks skip, saying why: a broker when CELERY_BROKER_URL is
    not set (`make test` sets one), PostgreSQL when the database is another (DATABASE_URL)."""
    from django.db import connection

    no_broker = pytest.mark.skip(
        reason="CELERY_BROKER_URL is not set: this test needs a real broker (make test sets one)"
    )
    for item in items:
        if not os.environ.get("CELERY_BROKER_URL") and (
            item.get_closest_marker("real_worker") or item.get_closest_marker("broker")
        ):
            item.add_marker(no_broker)
        postgresql = item.get_closest_marker("postgresql")
        if postgresql is not None and connection.vendor != "postgresql":
            why = postgresql.args[0] if postgresql.args else "PostgreSQL's own behaviour"
            item.add_marker(
                pytest.mark.skip(
                    reason=f"needs PostgreSQL (DATABASE_URL), the database is "
                    f"{connection.vendor}: {why}"
                )
            )


@pytest.fixture(autouse=True)
def _one_real_worker_test_at_a_time(request, tmp_path_factory):
    """Under pytest-xdist, real-worker tests take turns across the processes of the run.

    Their Celery workers share the broker's record of unacknowledged messages, and a worker
    started with a short visibility timeout (the killed-worker test) would restore another
    test's message from under its worker. The lock file lives in the run's own temporary
    folder, shared by its xdist processes only.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER") or not request.node.get_closest_marker(
        "real_worker"
    ):
        yield
        return
    lock_path = tmp_path_factory.getbasetemp().parent / "real-worker.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture
def workers(tmp_path):
    """Start real Celery workers (`workers.start()`) on a queue of this test's own; they are
    stopped and the queue deleted after it."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    pool = Workers(queue, tmp_path)
    try:
        yield pool
    finally:
        celery_app.conf.task_default_queue = previous
        pool.stop_all()
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Users in tests get MD5 password hashes: PBKDF2 costs half a second per user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Tasks run in-process (the embedded default) unless a test uses a real worker."""
    eager = request.node.get_closest_marker("real_worker") is None
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def write_file(tmp_path):
    """Write text (or bytes) to a file in a temporary folder and return its path."""

    def write(name: str, content: str | bytes):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


CHROMIUM = "/usr/bin/chromium"
# Marks for tests that drive Debian's headless Chromium (scripts/ensure-browser.sh).
needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason=f"{CHROMIUM} is missing: run scripts/ensure-browser.sh (Debian's chromium)",
    ),
]


@pytest.fixture(scope="module")
def _chromium_browser():
    """One headless Chromium per test module, launched by Playwright (never a downloaded build).

    Starting Playwright's driver and the browser costs seconds; each test still gets fresh
    browser contexts (cookies, storage), closed after it by `chromium`.
    """
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        # Playwright's sync API keeps an event loop in this thread while it runs; the tests'
        # own ORM calls are still synchronous, so Django's async guard must not refuse them.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--headless", "--no-sandbox", "--disable-background-networking"],
            )
            yield browser
            browser.close()


@pytest.fixture
def chromium(_chromium_browser):
    """The module's Chromium; the contexts and pages a test opens are closed after it."""
    yield _chromium_browser
    for context in list(_chromium_browser.contexts):
        context.close()


@pytest.fixture
def screenshots(request, tmp_path_factory):
    """Where browser tests save screenshots: the folder in the environment variable the test
    module names as SCREENSHOTS_ENV (WORKFLOW_SCREENSHOTS if none), else a temporary folder."""
    folder = os.environ.get(getattr(request.module, "SCREENSHOTS_ENV", "WORKFLOW_SCREENSHOTS"))
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
