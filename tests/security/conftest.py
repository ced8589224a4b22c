"""Fixtures for the security tests: a logged-in superuser and PDF files made on the spot."""

import pytest

from tests.factories import UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client
