import pytest
from rest_framework.test import APIClient

from claims.models import ClaimState
from tests.factories import (
    ClaimFactory,
    EditorFactory,
    FactCheckerFactory,
    MatchFactory,
    UserFactory,
)


@pytest.fixture
def client_for():
    """An API client authenticated as `user` (anonymous when None)."""

    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def fact_checker(db):
    return FactCheckerFactory(username="fiona")


@pytest.fixture
def editor(db):
    return EditorFactory(username="ed")


@pytest.fixture
def nobody(db):
    """Logged in, but in no newsroom role."""
    return UserFactory(username="visitor", is_staff=False)


@pytest.fixture
def claim_with_match(db):
    claim = ClaimFactory(state=ClaimState.EXTRACTED)
    MatchFactory(claim=claim, score=88.0)
    return claim
