"""Fixtures for the editorial workflow: people in each role and claims in each state."""

import pytest
from django.utils import timezone

from claims.models import ClaimState, Match
from tests.factories import (
    ClaimFactory,
    EditorFactory,
    FactCheckerFactory,
    MatchFactory,
    UserFactory,
    VerdictFactory,
    publish_as_stored,
)


@pytest.fixture
def fact_checker(db):
    return FactCheckerFactory(username="fiona", first_name="Fiona", last_name="Checker")


@pytest.fixture
def editor(db):
    return EditorFactory(username="ed", first_name="Ed", last_name="Itor")


@pytest.fixture
def second_editor(db):
    return EditorFactory(username="erin", first_name="Erin", last_name="Desk")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def nobody(db):
    """A staff user in no newsroom role."""
    return UserFactory(username="intern")


@pytest.fixture
def make_claim(db):
    """A claim in `state`, built with factories (the way data arrives, not via transitions).

    In review it is assigned to `assignee`; from awaiting approval on it has a verdict by
    `author` citing one accepted match.
    """

    def make(state=ClaimState.EXTRACTED, *, assignee=None, author=None, approver=None, **kwargs):
        claim = ClaimFactory(state=state, assignee=assignee, **kwargs)
        match = MatchFactory(claim=claim, decision=Match.Decision.ACCEPTED)
        if state in (ClaimState.AWAITING_APPROVAL, ClaimState.APPROVED, ClaimState.PUBLISHED):
            author = author or FactCheckerFactory()
            now = timezone.now()
            approved = state in (ClaimState.APPROVED, ClaimState.PUBLISHED)
            approver = approver or (EditorFactory() if approved else None)
            verdict = VerdictFactory(
                claim=claim,
                author=author,
                proposed_at=now,
                approver=approver,
                approved_at=now if approved else None,
            )
            if state == ClaimState.PUBLISHED:
                publish_as_stored(verdict, publisher=approver, evidence=[match], at=now)
            else:
                verdict.evidence.set([match])
        return claim

    return make
