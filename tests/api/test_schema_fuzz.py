"""Schemathesis fuzzes every operation of /api/schema/ in-process (bounded examples).

It checks that no generated request causes a server error and that every response
matches the schema (status codes, content types and bodies).
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from factcheck.wsgi import application
from tests.factories import ClaimFactory, EditorFactory, MatchFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# The schema is read from the app itself, in-process, when the tests are collected.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def api_data(db):
    """Rows to read, so detail operations reach real objects too."""
    MatchFactory(claim=ClaimFactory())
    # As Django's test client does: requests must not close the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def editor_token(db):
    return Token.objects.create(user=EditorFactory(username="fuzz-editor")).key


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_every_generated_request_within_its_schema(case, api_data, editor_token):
    case.call_and_validate(headers={"Authorization": f"Token {editor_token}"}, checks=CHECKS)
