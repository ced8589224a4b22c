"""Every write endpoint of the API refuses anonymous users and users without a role."""

import re

import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from claims.models import ClaimState, Match
from tests.factories import ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db

WRITE_METHODS = ("post", "put", "patch", "delete")


def write_endpoints():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in WRITE_METHODS
    )


def fill(path: str, ids: dict[str, int]) -> str:
    """Put an existing object's id into each path parameter."""
    resource = path.strip("/").split("/")[1]
    return re.sub(r"\{[^}]+\}", str(ids.get(resource, ids["claims"])), path)


@pytest.fixture
def ids(claim_with_match):
    match = Match.objects.get(claim=claim_with_match)
    return {"claims": claim_with_match.pk, "matches": match.pk}


def test_the_api_has_write_endpoints_for_every_transition():
    paths = {path for _, path in write_endpoints()}
    for name in (
        "start-review",
        "propose-verdict",
        "approve",
        "request-changes",
        "publish",
        "dismiss",
        "correct",
    ):
        assert f"/api/claims/{{id}}/{name}/" in paths
    assert "/api/articles/" in paths
    assert "/api/matches/{id}/accept/" in paths


@pytest.mark.parametrize(("method", "path"), write_endpoints())
def test_write_endpoint_refuses_anonymous_users(client_for, ids, method, path):
    response = client_for(None).generic(method, fill(path, ids), "{}", "application/json")
    assert response.status_code in (401, 403)
    assert response.json()["code"] in ("not_authenticated", "permission_denied")


@pytest.mark.parametrize(("method", "path"), write_endpoints())
def test_write_endpoint_refuses_users_without_a_role(client_for, nobody, ids, method, path):
    response = client_for(nobody).generic(method, fill(path, ids), "{}", "application/json")
    assert response.status_code == 403


def test_fact_checker_cannot_approve_a_verdict(client_for, fact_checker, editor):
    claim = ClaimFactory(state=ClaimState.AWAITING_APPROVAL)
    VerdictFactory(claim=claim, author=editor, proposed_at=timezone.now())
    response = client_for(fact_checker).post(f"/api/claims/{claim.pk}/approve/", {}, format="json")
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_APPROVAL


def test_editor_cannot_approve_their_own_verdict(client_for, editor):
    claim = ClaimFactory(state=ClaimState.AWAITING_APPROVAL)
    VerdictFactory(claim=claim, author=editor, proposed_at=timezone.now())
    response = client_for(editor).post(f"/api/claims/{claim.pk}/approve/", {}, format="json")
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_APPROVAL


def test_anonymous_users_read_published_fact_checks_only(client_for, claim_with_match):
    assert client_for(None).get("/api/claims/").status_code in (401, 403)
    assert client_for(None).get("/api/public/fact-checks/").status_code == 200
