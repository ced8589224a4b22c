"""Every transition and edit is recorded: who, when, what changed, and why."""

import pytest

from claims.models import ClaimState, Rating, TransitionLog
from desk import review, workflow

pytestmark = pytest.mark.django_db
S = ClaimState


def test_a_transition_is_logged_with_user_states_and_comment(make_claim, editor):
    claim = make_claim(S.AWAITING_APPROVAL)
    workflow.request_changes(claim=claim, editor=editor, comment="Which year?")
    log = TransitionLog.objects.get(claim=claim)
    assert (log.user, log.from_state, log.to_state, log.comment) == (
        editor,
        S.AWAITING_APPROVAL,
        S.IN_REVIEW,
        "Which year?",
    )


def test_a_transition_leaves_a_history_record_with_user_and_reason(make_claim, fact_checker):
    claim = make_claim(S.EXTRACTED)
    workflow.start_review(claim=claim, user=fact_checker)
    record = claim.history.latest()
    assert (record.state, record.history_user, record.history_change_reason) == (
        S.IN_REVIEW,
        fact_checker,
        "Start review",
    )


def test_an_evidence_decision_is_recorded_on_the_match(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    match = claim.matches.first()
    review.reject_evidence(match=match, user=fact_checker)
    record = match.history.latest()
    assert (record.decision, record.history_user) == ("rejected", fact_checker)


def test_the_diff_shows_what_changed_since_changes_were_requested(make_claim, fact_checker, editor):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    workflow.propose_verdict(
        claim=claim, author=fact_checker, rating=Rating.FALSE, summary="It was 9 Mt."
    )
    workflow.request_changes(claim=claim, editor=editor, comment="Check the unit.")
    workflow.propose_verdict(
        claim=claim, author=fact_checker, rating=Rating.MOSTLY_FALSE, summary="It was 9.5 Mt."
    )
    request, diffs = workflow.changes_since_last_request(claim)
    assert request.comment == "Check the unit."
    assert {d.label for d in diffs} == {"Rating", "Summary"}
    summary = next(d for d in diffs if d.label == "Summary")
    assert ("delete", "9") in summary.pieces and ("insert", "9.5") in summary.pieces
