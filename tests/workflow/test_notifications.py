"""Fact-checkers hear about requested changes, editors about verdicts awaiting approval."""

import pytest
from django.core import mail

from claims.models import ClaimState, Notification, Rating
from desk import workflow

pytestmark = pytest.mark.django_db
S = ClaimState


def test_editors_are_told_of_a_verdict_awaiting_approval(
    make_claim, fact_checker, editor, django_capture_on_commit_callbacks
):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.propose_verdict(
            claim=claim, author=fact_checker, rating=Rating.TRUE, summary="Ok."
        )
    assert Notification.objects.get(recipient=editor).kind == Notification.Kind.AWAITING_APPROVAL
    assert mail.outbox[0].to == [editor.email]


def test_the_fact_checker_is_told_of_requested_changes(
    make_claim, fact_checker, editor, django_capture_on_commit_callbacks
):
    claim = make_claim(S.AWAITING_APPROVAL, author=fact_checker)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(claim=claim, editor=editor, comment="Name the table.")
    note = Notification.objects.get(recipient=fact_checker)
    assert note.kind == Notification.Kind.CHANGES_REQUESTED
    assert "Name the table." in note.message
    assert mail.outbox[0].to == [fact_checker.email]
    assert "Name the table." in mail.outbox[0].body


def test_no_email_is_sent_when_the_action_fails(
    make_claim, editor, django_capture_on_commit_callbacks
):
    claim = make_claim(S.AWAITING_APPROVAL, author=editor)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(workflow.TransitionError):
        workflow.request_changes(claim=claim, editor=editor, comment="Mine.")
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_emails_link_to_the_claim_with_the_sites_address(
    make_claim, fact_checker, editor, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = "https://factcheck.example.org"
    claim = make_claim(S.AWAITING_APPROVAL, author=fact_checker)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(claim=claim, editor=editor, comment="Name the table.")
    expected = f"https://factcheck.example.org/admin/claims/claim/{claim.pk}/change/"
    assert expected in mail.outbox[0].body


def test_notifications_name_the_action_in_the_workflow_tables_words(
    make_claim, fact_checker, editor, django_capture_on_commit_callbacks
):
    claim = make_claim(S.AWAITING_APPROVAL, author=fact_checker)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(claim=claim, editor=editor, comment="Name the table.")
    note = Notification.objects.get(recipient=fact_checker)
    said = f"{workflow.person(editor)} {workflow.ACTIONS['request_changes'].past} — "
    assert note.message.startswith(said)
