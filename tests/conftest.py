import pytest

from factcheck.celery import app as celery_app


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "real_worker: the test talks to a real Celery worker over the broker"
    )


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
