"""Two people acting on the same claim at once: exactly one wins, the other is told."""

import threading

import pytest
from django.db import connection

from claims.models import Claim, ClaimState, TransitionLog
from desk import workflow
from desk.workflow import ConcurrentUpdate, TransitionError

S = ClaimState


def race(actions):
    """Run each action in its own thread (own database connection), all released at once."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            claim = Claim.objects.get(pk=action.claim_id)  # each loads the claim as a page would
            barrier.wait(timeout=10)
            action(claim)
            outcomes[index] = "won"
        except TransitionError as exc:
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


class Approve:
    def __init__(self, claim_id, editor):
        self.claim_id, self.editor = claim_id, editor

    def __call__(self, claim):
        workflow.approve_verdict(claim=claim, editor=self.editor)


@pytest.mark.postgresql("two connections wait on each other's row lock (SELECT ... FOR UPDATE)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_leave_exactly_one_winner(make_claim, editor, second_editor):
    claim = make_claim(S.AWAITING_APPROVAL)
    outcomes = race([Approve(claim.pk, editor), Approve(claim.pk, second_editor)])
    assert outcomes.count("won") == 1
    loser = next(o for o in outcomes if o != "won")
    assert isinstance(loser, ConcurrentUpdate)
    assert "approved the verdict" in loser.message
    claim.refresh_from_db()
    assert claim.state == S.APPROVED
    assert TransitionLog.objects.filter(claim=claim, action="approve_verdict").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_form_sent_from_a_stale_page_is_refused(make_claim, editor, second_editor):
    claim = make_claim(S.AWAITING_APPROVAL)
    seen = claim.version
    workflow.request_changes(claim=claim, editor=second_editor, comment="Add a source.")
    stale = Claim.objects.get(pk=claim.pk)
    with pytest.raises(ConcurrentUpdate, match="sent the verdict back"):
        workflow.dismiss(claim=stale, user=editor, reason="dup", expected_version=seen)
