"""Four eyes: nobody approves a verdict whose text they wrote, in any of its versions."""

import pytest

from claims import selectors
from claims.models import ClaimState, Rating
from desk import review, workflow
from desk.workflow import NotAllowed

pytestmark = pytest.mark.django_db
S = ClaimState


@pytest.fixture
def reworded_by_editor(make_claim, fact_checker, editor, second_editor):
    """The editor proposes a wording; it is sent back and the fact-checker re-proposes it."""
    claim = make_claim(S.EXTRACTED)
    workflow.start_review(claim=claim, user=editor)
    review.accept_evidence(match=claim.matches.get(), user=editor)
    workflow.propose_verdict(
        claim=claim, author=editor, rating=Rating.FALSE, summary="The editor's wording."
    )
    workflow.request_changes(claim=claim, editor=second_editor, comment="Over to Fiona.")
    review.assign_claim(claim=claim, editor=second_editor, assignee=fact_checker)
    workflow.propose_verdict(
        claim=claim, author=fact_checker, rating=Rating.FALSE, summary="The editor's wording."
    )
    return claim


def test_an_editor_cannot_approve_a_verdict_they_wrote_an_earlier_version_of(
    reworded_by_editor, editor
):
    with pytest.raises(NotAllowed, match="Four eyes"):
        workflow.approve_verdict(claim=reworded_by_editor, editor=editor)

    reworded_by_editor.refresh_from_db()
    assert reworded_by_editor.state == S.AWAITING_APPROVAL


def test_an_editor_cannot_approve_through_the_api_what_they_once_wrote(
    client, reworded_by_editor, editor
):
    client.force_login(editor)

    response = client.post(f"/api/claims/{reworded_by_editor.pk}/approve/")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_another_editor_who_wrote_no_version_can_approve(reworded_by_editor, second_editor):
    # second_editor only sent it back; sending back is not writing.
    verdict = workflow.approve_verdict(claim=reworded_by_editor, editor=second_editor)

    assert verdict.approver == second_editor


def test_the_approval_queue_leaves_out_verdicts_the_editor_once_wrote(reworded_by_editor, editor):
    assert reworded_by_editor not in selectors.awaiting_approval(user=editor)
