"""Every claim action goes through the one pattern: checked against the table, recorded."""

import pytest
from django.contrib.auth.models import Permission

from claims.models import Claim, ClaimState, Match, Notification, Rating, TransitionLog
from desk import review, workflow
from desk.actions.articles import process_again, revise_text
from desk.actions.claims import add_claim, merge_claims, split_claim
from desk.actions.evidence import attach_passage
from tests.factories import ClaimFactory, FactCheckerFactory, PassageFactory, UserFactory

pytestmark = pytest.mark.django_db

S = ClaimState


def _match(claim):
    return claim.matches.get()


def _cited_passages(claim):
    return [m.passage_id for m in claim.matches.all()]


# Each action of the table: the state its claim starts in, and how to take it with valid
# input (as `user`, with `other` a claim of the same article); returns the claim whose
# history gets the entry.
DRIVERS = {
    "start_review": (S.EXTRACTED, lambda c, u, o: workflow.start_review(claim=c, user=u)),
    "propose_verdict": (
        S.IN_REVIEW,
        lambda c, u, o: (
            workflow.propose_verdict(
                claim=c, author=u, rating=Rating.TRUE, summary="Right, per the bulletin."
            )
            and c
        ),
    ),
    "request_changes": (
        S.AWAITING_APPROVAL,
        lambda c, u, o: workflow.request_changes(claim=c, editor=u, comment="Cite the table."),
    ),
    "approve_verdict": (
        S.AWAITING_APPROVAL,
        lambda c, u, o: workflow.approve_verdict(claim=c, editor=u) and c,
    ),
    "publish": (S.APPROVED, lambda c, u, o: workflow.publish(claim=c, editor=u) and c),
    "dismiss": (S.IN_REVIEW, lambda c, u, o: workflow.dismiss(claim=c, user=u, reason="Opinion.")),
    "correct_verdict": (
        S.PUBLISHED,
        lambda c, u, o: workflow.correct_verdict(claim=c, user=u, note="The bulletin changed."),
    ),
    "queue_rereview": (
        S.APPROVED,
        lambda c, u, o: workflow.queue_rereview_for_passages(passage_ids=_cited_passages(c)) and c,
    ),
    "flag_rereview": (
        S.PUBLISHED,
        lambda c, u, o: workflow.queue_rereview_for_passages(passage_ids=_cited_passages(c)) and c,
    ),
    "split": (
        S.IN_REVIEW,
        lambda c, u, o: (
            split_claim(claim=c, user=u, texts=["The harbour grew.", "Cargo rose."]) and c
        ),
    ),
    "split_off": (
        S.IN_REVIEW,
        lambda c, u, o: split_claim(claim=c, user=u, texts=["The harbour grew.", "Cargo rose."])[0],
    ),
    "merge": (
        S.IN_REVIEW,
        lambda c, u, o: merge_claims(claim=o, user=u, duplicates=[c]).merged_claims.get(),
    ),
    "merge_duplicates": (
        S.IN_REVIEW,
        lambda c, u, o: merge_claims(claim=c, user=u, duplicates=[o]),
    ),
    "edit_claim_text": (
        S.IN_REVIEW,
        lambda c, u, o: review.edit_claim_text(claim=c, user=u, text="The harbour grew."),
    ),
    "evidence_accepted": (
        S.IN_REVIEW,
        lambda c, u, o: review.accept_evidence(match=_match(c), user=u).claim,
    ),
    "evidence_rejected": (
        S.IN_REVIEW,
        lambda c, u, o: review.reject_evidence(match=_match(c), user=u).claim,
    ),
    "evidence_none": (
        S.IN_REVIEW,
        lambda c, u, o: review.reset_evidence(match=_match(c), user=u).claim,
    ),
    "attach_evidence": (
        S.IN_REVIEW,
        lambda c, u, o: attach_passage(claim=c, user=u, passage=PassageFactory()).claim,
    ),
    "assign": (
        S.EXTRACTED,
        lambda c, u, o: review.assign_claim(claim=c, editor=u, assignee=FactCheckerFactory()),
    ),
    "confirm_after_source_change": (
        S.PUBLISHED,
        lambda c, u, o: review.confirm_after_source_change(claim=c, user=u, note="Same figure."),
    ),
    "add_claim": (
        S.EXTRACTED,
        lambda c, u, o: add_claim(article=c.article, user=u, start=0, end=10),
    ),
}
SYSTEM = {"queue_rereview", "flag_rereview"}


def test_the_drivers_cover_every_claim_action_of_the_table():
    assert set(DRIVERS) == {n for n, a in workflow.ACTIONS.items() if not a.on_article}


@pytest.mark.parametrize("name", sorted(DRIVERS))
def test_every_action_records_its_history_entry_with_the_tables_label(make_claim, superuser, name):
    state, take = DRIVERS[name]
    claim = make_claim(state, assignee=superuser, needs_rereview=name.startswith("confirm"))
    other = ClaimFactory(article=claim.article, state=S.EXTRACTED)
    user = None if name in SYSTEM else superuser
    touched = take(claim, user, other)
    entry = TransitionLog.objects.filter(claim=touched, action=name).get()
    assert entry.user == user
    assert workflow.history_label(entry.action) == workflow.ACTIONS[name].history_label


@pytest.mark.parametrize("name", sorted(set(DRIVERS) - SYSTEM))
def test_an_action_the_table_refuses_records_nothing(make_claim, nobody, name):
    state, take = DRIVERS[name]
    claim = make_claim(state, assignee=nobody, needs_rereview=name.startswith("confirm"))
    other = ClaimFactory(article=claim.article, state=S.EXTRACTED)
    before = (
        TransitionLog.objects.count(),
        Notification.objects.count(),
        Claim.objects.count(),
        Match.objects.filter(decision=Match.Decision.NONE).count(),
    )
    with pytest.raises(workflow.NotAllowed):
        take(claim, nobody, other)
    after = (
        TransitionLog.objects.count(),
        Notification.objects.count(),
        Claim.objects.count(),
        Match.objects.filter(decision=Match.Decision.NONE).count(),
    )
    assert after == before
    fresh = Claim.objects.get(pk=claim.pk)
    assert (fresh.state, fresh.version) == (state, claim.version)


@pytest.mark.parametrize("name", sorted(SYSTEM))
def test_a_person_cannot_take_a_system_action(make_claim, superuser, name):
    with pytest.raises(workflow.NotAllowed, match="system only"):
        workflow.check_role(name, superuser)


def test_an_action_that_records_nothing_is_a_programming_error(make_claim, superuser):
    claim = make_claim(S.IN_REVIEW, assignee=superuser)
    with pytest.raises(RuntimeError, match="no history entry"):
        with workflow.claim_action("edit_claim_text", claim=claim, user=superuser) as act:
            act.claim.text = "Changed without a record."
            workflow.save_claim(act.claim, user=superuser, reason="x", fields=["text"])
    # The transaction was rolled back with the refusal.
    assert Claim.objects.get(pk=claim.pk).text == claim.text


def test_a_permission_granted_directly_lets_a_person_approve_and_be_notified(
    make_claim, fact_checker
):
    approver = UserFactory(username="direct", first_name="Dee")
    approver.user_permissions.add(
        Permission.objects.get(content_type__app_label="claims", codename="approve_verdict")
    )
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)

    workflow.propose_verdict(
        claim=claim, author=fact_checker, rating=Rating.TRUE, summary="Right, per the bulletin."
    )
    assert Notification.objects.filter(
        recipient=approver, claim=claim, kind=Notification.Kind.AWAITING_APPROVAL
    ).exists()

    approver = type(approver).objects.get(pk=approver.pk)  # fresh permission cache
    workflow.approve_verdict(claim=claim, editor=approver)
    claim.refresh_from_db()
    assert claim.state == S.APPROVED


@pytest.mark.parametrize(
    ("name", "take"),
    [
        ("process_again", lambda article, user: process_again(article=article, user=user)),
        (
            "revise_article_text",
            lambda article, user: revise_text(
                article=article, user=user, body="The harbour grew.", reason="Outlet fix."
            ),
        ),
    ],
)
def test_article_actions_are_checked_against_the_same_table(nobody, name, take):
    article = ClaimFactory().article
    article.status = article.Status.FAILED
    article.save(update_fields=["status"])
    with pytest.raises(workflow.NotAllowed) as refused:
        take(article, nobody)
    assert refused.value.message == workflow.ACTIONS[name].role_refusal
    article.refresh_from_db()
    assert article.status == article.Status.FAILED
