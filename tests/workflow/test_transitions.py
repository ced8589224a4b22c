"""Every transition for every role: who may take it and who may not."""

import pytest

from claims.models import ClaimState, Rating, TransitionLog
from desk import workflow
from desk.actions.claims import merge_claims, split_claim
from desk.workflow import NotAllowed, TransitionError
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

S = ClaimState
ROLES = ["fact_checker", "editor", "superuser", "nobody"]


def take(name, claim, user):
    """Take transition `name` as `user` with valid input, through its service."""
    actions = {
        "start_review": lambda: workflow.start_review(claim=claim, user=user),
        "propose_verdict": lambda: workflow.propose_verdict(
            claim=claim, author=user, rating=Rating.TRUE, summary="Correct, per the bulletin."
        ),
        "request_changes": lambda: workflow.request_changes(
            claim=claim, editor=user, comment="Cite the 2022 table."
        ),
        "approve_verdict": lambda: workflow.approve_verdict(claim=claim, editor=user),
        "publish": lambda: workflow.publish(claim=claim, editor=user),
        "dismiss": lambda: workflow.dismiss(claim=claim, user=user, reason="Opinion, not fact."),
        "correct_verdict": lambda: workflow.correct_verdict(
            claim=claim, user=user, note="The bulletin was revised."
        ),
        "queue_rereview": lambda: workflow.check_transition(
            claim=claim, user=user, name="queue_rereview"
        ),
        "split": lambda: split_claim(
            claim=claim, user=user, texts=["The harbour grew.", "Cargo rose in 2022."]
        ),
        "merge": lambda: merge_claims(
            claim=ClaimFactory(article=claim.article), user=user, duplicates=[claim]
        ),
    }
    return actions[name]()


ALLOWED = {
    "start_review": {"fact_checker", "editor", "superuser"},
    "propose_verdict": {"fact_checker", "editor", "superuser"},
    "request_changes": {"editor", "superuser"},
    "approve_verdict": {"editor", "superuser"},
    "publish": {"editor", "superuser"},
    "dismiss": {"fact_checker", "editor", "superuser"},
    "correct_verdict": {"fact_checker", "editor", "superuser"},
    "queue_rereview": set(),
    "split": {"fact_checker", "editor", "superuser"},
    "merge": {"fact_checker", "editor", "superuser"},
}


def test_the_table_covers_every_transition():
    assert set(ALLOWED) == set(workflow.TRANSITIONS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(workflow.TRANSITIONS))
def test_transition_is_allowed_only_for_its_roles(request, make_claim, name, role):
    user = request.getfixturevalue(role)
    transition = workflow.TRANSITIONS[name]
    # The claim is assigned to the actor, and any verdict is someone else's.
    claim = make_claim(transition.sources[0], assignee=user)
    if role in ALLOWED[name]:
        take(name, claim, user)
        claim.refresh_from_db()
        assert claim.state == transition.target
        assert TransitionLog.objects.filter(claim=claim, action=name, user=user).exists()
    else:
        with pytest.raises(NotAllowed):
            take(name, claim, user)
        claim.refresh_from_db()
        assert claim.state == transition.sources[0]


@pytest.mark.parametrize("name", list(workflow.TRANSITIONS))
def test_transition_from_a_wrong_state_is_refused(make_claim, superuser, name):
    transition = workflow.TRANSITIONS[name]
    wrong = next(s for s in S.values if s not in transition.sources)
    claim = make_claim(wrong, assignee=superuser)
    with pytest.raises(TransitionError, match="not possible|system only|already"):
        take(name, claim, superuser)


def test_the_system_takes_rereview_transitions(make_claim):
    claim = make_claim(S.APPROVED)
    workflow.check_transition(claim=claim, user=None, name="queue_rereview")


@pytest.mark.parametrize("name", ["approve_verdict", "request_changes"])
def test_an_editor_cannot_approve_or_send_back_their_own_verdict(make_claim, editor, name):
    claim = make_claim(S.AWAITING_APPROVAL, author=editor)
    with pytest.raises(NotAllowed, match="Four eyes"):
        take(name, claim, editor)


def test_an_editor_cannot_publish_their_own_verdict(make_claim, editor, second_editor):
    claim = make_claim(S.APPROVED, author=editor, approver=second_editor)
    with pytest.raises(NotAllowed, match="Four eyes"):
        take("publish", claim, editor)


def test_not_even_a_superuser_approves_their_own_verdict(make_claim, superuser):
    claim = make_claim(S.AWAITING_APPROVAL, author=superuser)
    with pytest.raises(NotAllowed, match="Four eyes"):
        take("approve_verdict", claim, superuser)


def test_only_the_assignee_proposes_a_verdict(make_claim, fact_checker):
    from tests.factories import FactCheckerFactory

    claim = make_claim(S.IN_REVIEW, assignee=FactCheckerFactory(username="other"))
    with pytest.raises(NotAllowed, match="assigned to other"):
        take("propose_verdict", claim, fact_checker)


def test_starting_review_makes_the_user_the_assignee(make_claim, fact_checker):
    claim = make_claim(S.EXTRACTED)
    workflow.start_review(claim=claim, user=fact_checker)
    claim.refresh_from_db()
    assert claim.assignee == fact_checker


def test_changes_requested_go_back_to_the_author(make_claim, fact_checker, editor):
    claim = make_claim(S.AWAITING_APPROVAL, author=fact_checker, assignee=None)
    workflow.request_changes(claim=claim, editor=editor, comment="Add the source year.")
    claim.refresh_from_db()
    assert (claim.state, claim.assignee) == (S.IN_REVIEW, fact_checker)


def test_request_changes_needs_a_comment(make_claim, editor):
    claim = make_claim(S.AWAITING_APPROVAL)
    with pytest.raises(TransitionError, match="Say what should change"):
        workflow.request_changes(claim=claim, editor=editor, comment="  ")


def test_dismiss_needs_a_reason(make_claim, fact_checker):
    claim = make_claim(S.EXTRACTED)
    with pytest.raises(TransitionError, match="why"):
        workflow.dismiss(claim=claim, user=fact_checker, reason="")
