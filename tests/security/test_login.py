"""Login guessing is locked out, logins are audited, sessions rotate and end."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.test import Client

from factcheck.security import client_ip
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOGIN = "/admin/login/?next=/admin/"


def attempt(client, username, password, ip="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT="pytest-browser/1.0",
    )


def test_the_account_is_locked_after_five_failures_even_for_the_right_password(client, settings):
    UserFactory(username="ed")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "ed", "guess").status_code == 200
    locked = attempt(client, "ed", "guess")
    assert locked.status_code == 429
    right_password = attempt(client, "ed", PASSWORD)
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_address_so_the_newsroom_can_still_log_in(client, settings):
    UserFactory(username="ed")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ed", "guess", ip="198.51.100.9")
    assert attempt(Client(), "ed", PASSWORD, ip="203.0.113.7").status_code == 302


def test_a_successful_login_clears_earlier_failures(client):
    UserFactory(username="ed")
    attempt(client, "ed", "guess")
    attempt(client, "ed", PASSWORD)
    assert AccessAttempt.objects.count() == 0


def test_logins_are_audited_with_who_when_where_and_outcome(client):
    UserFactory(username="ed")
    attempt(client, "ed", "guess")
    attempt(client, "ed", PASSWORD)
    failure = AccessFailureLog.objects.get()
    assert (failure.username, failure.ip_address, failure.locked_out) == (
        "ed",
        "203.0.113.7",
        False,
    )
    assert failure.attempt_time is not None
    success = AccessLog.objects.get()
    assert (success.username, success.ip_address) == ("ed", "203.0.113.7")
    assert success.user_agent == "pytest-browser/1.0"


def test_the_login_audit_is_visible_in_the_admin(client, superuser):
    UserFactory(username="ed")
    attempt(Client(), "ed", "guess")
    attempt(Client(), "ed", PASSWORD)
    client.force_login(superuser)
    failures = client.get("/admin/axes/accessfailurelog/").content.decode()
    logins = client.get("/admin/axes/accesslog/").content.decode()
    assert "ed" in failures and "203.0.113.7" in failures
    assert "ed" in logins and "203.0.113.7" in logins


def test_the_session_key_changes_at_login(client):
    UserFactory(username="ed")
    session = client.session
    session["visited"] = True
    session.save()
    before = session.session_key
    attempt(client, "ed", PASSWORD)
    assert client.cookies["sessionid"].value != before
    assert not Session.objects.filter(session_key=before).exists()


def test_logout_ends_the_session(client):
    UserFactory(username="ed")
    attempt(client, "ed", PASSWORD)
    key = client.cookies["sessionid"].value
    client.post("/admin/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/admin/").status_code == 302


def test_deactivating_a_user_ends_their_sessions_at_once(client):
    user = UserFactory(username="ed")
    attempt(client, "ed", PASSWORD)
    other_browser = Client()
    attempt(other_browser, "ed", PASSWORD, ip="198.51.100.9")
    assert Session.objects.count() == 2
    user.is_active = False
    user.save()
    assert Session.objects.count() == 0
    response = client.get("/admin/claims/claim/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_saving_an_active_user_keeps_their_sessions(client):
    user = UserFactory(username="ed")
    attempt(client, "ed", PASSWORD)
    user.first_name = "Ed"
    user.save()
    assert Session.objects.count() == 1


def test_the_client_address_comes_from_the_proxy_header_only_when_configured(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="203.0.113.7")
    assert client_ip(request) == "10.0.0.2"
    settings.PUBLIC_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_ip(request) == "203.0.113.7"
    assert client_ip(rf.get("/", REMOTE_ADDR="", HTTP_X_REAL_IP="not an address")) is None
