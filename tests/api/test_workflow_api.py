"""The editorial workflow through the API: the same services and rules as the admin."""

import pytest

from claims.models import ClaimState, Match
from tests.factories import ClaimFactory, MatchFactory

pytestmark = pytest.mark.django_db


def post(client, url, data=None):
    return client.post(url, data or {}, format="json")


def test_a_claim_goes_from_review_to_publication_through_the_api(
    client_for, fact_checker, editor, claim_with_match
):
    checker, desk, anonymous = client_for(fact_checker), client_for(editor), client_for(None)
    claim_url = f"/api/claims/{claim_with_match.pk}"
    match = Match.objects.get(claim=claim_with_match)

    assert post(checker, f"{claim_url}/start-review/").status_code == 200
    assert post(checker, f"/api/matches/{match.pk}/accept/").json()["decision"] == "accepted"
    proposed = post(
        checker,
        f"{claim_url}/propose-verdict/",
        {"rating": "mostly_true", "summary": "The figure is right but rounded."},
    )
    assert proposed.status_code == 200, proposed.json()
    assert proposed.json()["state"] == ClaimState.AWAITING_APPROVAL
    assert post(desk, f"{claim_url}/approve/").json()["state"] == ClaimState.APPROVED
    assert post(desk, f"{claim_url}/publish/").json()["state"] == ClaimState.PUBLISHED

    public = anonymous.get(f"/api/public/fact-checks/{claim_with_match.pk}/").json()
    assert public["rating"] == "mostly_true"
    assert public["claim_review"]["reviewRating"]["ratingValue"] == 6
    assert public["claim_review"]["claimReviewed"] == claim_with_match.text


def test_stale_version_gets_409_and_changes_nothing(client_for, fact_checker, claim_with_match):
    checker = client_for(fact_checker)
    url = f"/api/claims/{claim_with_match.pk}/start-review/"
    stale = claim_with_match.version
    assert post(checker, url, {"expected_version": stale}).status_code == 200
    other = post(
        checker,
        f"/api/claims/{claim_with_match.pk}/dismiss/",
        {"reason": "Duplicate", "expected_version": stale},
    )
    assert other.status_code == 409
    assert other.json()["code"] == "conflict"
    claim_with_match.refresh_from_db()
    assert claim_with_match.state == ClaimState.IN_REVIEW


def test_verdict_without_evidence_is_refused_with_the_reason(
    client_for, fact_checker, claim_with_match
):
    checker = client_for(fact_checker)
    post(checker, f"/api/claims/{claim_with_match.pk}/start-review/")
    response = post(
        checker,
        f"/api/claims/{claim_with_match.pk}/propose-verdict/",
        {"rating": "false", "summary": "Wrong."},
    )
    assert response.status_code == 400
    assert "evidence" in " ".join(response.json()["fields"]["non_field_errors"])


def test_missing_fields_are_named_in_the_error_body(client_for, fact_checker, claim_with_match):
    checker = client_for(fact_checker)
    response = post(checker, f"/api/claims/{claim_with_match.pk}/dismiss/", {})
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "code", "fields"}
    assert "reason" in response.json()["fields"]


def test_claim_list_filters_by_conflict_and_checkworthiness(client_for, fact_checker):
    conflicting = ClaimFactory(checkworthiness=0.9)
    MatchFactory(claim=conflicting, numeric=Match.Numeric.CONFLICTS)
    ClaimFactory(checkworthiness=0.2)
    checker = client_for(fact_checker)
    ids = [c["id"] for c in checker.get("/api/claims/?has_conflict=true").json()["results"]]
    assert ids == [conflicting.pk]
    ids = [c["id"] for c in checker.get("/api/claims/?min_checkworthiness=0.5").json()["results"]]
    assert ids == [conflicting.pk]
