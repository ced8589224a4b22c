"""A real HTTP server receiving webhooks, and the newsroom acting through the workflow."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims.models import ClaimState, Rating
from desk import review, workflow
from tests.factories import ClaimFactory, EditorFactory, FactCheckerFactory, MatchFactory


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes
    at: float

    def json(self):
        return json.loads(self.body)


@dataclass
class Receiver:
    """What the local server was sent; `answers` holds the status codes to give, in order."""

    url: str
    answers: list[int] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_for(self, count: int, timeout: float = 60.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.requests) >= count:
                    return list(self.requests)
            time.sleep(0.05)
        raise AssertionError(f"the endpoint got {len(self.requests)} requests, not {count}")


@pytest.fixture
def receiver():
    """An http.server in a thread, answering POSTs with the queued status codes (then 200)."""
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with state.lock:
                state.requests.append(
                    Received(self.path, dict(self.headers.items()), body, time.monotonic())
                )
                status = state.answers.pop(0) if state.answers else 200
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def newsroom(db):
    checker = FactCheckerFactory(username="fiona", first_name="Fiona", last_name="Checker")
    editor = EditorFactory(username="ed", first_name="Ed", last_name="Itor")
    return checker, editor


def publish_a_verdict(checker, editor, text="The harbour handled 12 million tonnes in 2022."):
    """A claim taken, evidenced, proposed, approved and published through the workflow."""
    claim = ClaimFactory(state=ClaimState.EXTRACTED, text=text)
    workflow.start_review(claim=claim, user=checker)
    review.accept_evidence(match=MatchFactory(claim=claim), user=checker)
    workflow.propose_verdict(
        claim=claim, author=checker, rating=Rating.FALSE, summary="It handled 9 million."
    )
    workflow.approve_verdict(claim=claim, editor=editor)
    workflow.publish(claim=claim, editor=editor)
    return claim
