"""Administrators configure endpoints and read the delivery log; the secret is never shown back."""

import pytest
from django.test import Client

from tests.factories import FactCheckerFactory, UserFactory
from webhooks.models import Delivery, DeliveryAttempt, Endpoint, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(UserFactory(username="root", is_superuser=True))
    return client


def test_a_new_endpoint_without_a_secret_gets_one_shown_once(admin_client):
    response = admin_client.post(
        "/admin/webhooks/endpoint/add/",
        {
            "name": "Desk chat",
            "url": "https://hooks.chat.example/services/T1/B2/xyz",
            "format": "slack",
            "events": ["verdict.published", "claim.assigned"],
            "secret": "",
            "is_active": "on",
        },
        follow=True,
    )
    endpoint = Endpoint.objects.get()
    assert len(endpoint.secret) >= 32
    assert endpoint.events == ["claim.assigned", "verdict.published"]
    assert endpoint.secret in response.content.decode()
    change = admin_client.get(f"/admin/webhooks/endpoint/{endpoint.pk}/change/").content.decode()
    assert endpoint.secret not in change


def test_saving_with_a_blank_secret_keeps_the_old_one(admin_client):
    endpoint = Endpoint.objects.create(
        name="Desk", url="https://example.org/hook", secret="k" * 40, events=[Event.CLAIM_ASSIGNED]
    )
    admin_client.post(
        f"/admin/webhooks/endpoint/{endpoint.pk}/change/",
        {
            "name": "Desk",
            "url": "https://example.org/hook",
            "format": "json",
            "events": ["claim.assigned"],
            "secret": "",
            "is_active": "on",
        },
    )
    endpoint.refresh_from_db()
    assert endpoint.secret == "k" * 40


def test_a_short_secret_or_no_event_is_refused_with_a_message(admin_client):
    response = admin_client.post(
        "/admin/webhooks/endpoint/add/",
        {"name": "Desk", "url": "https://example.org/hook", "format": "json", "secret": "short"},
    )
    page = response.content.decode()
    assert "Use a secret of at least 16 characters." in page
    assert "This field is required." in page
    assert not Endpoint.objects.exists()


def test_the_delivery_log_shows_every_attempt(admin_client):
    endpoint = Endpoint.objects.create(
        name="Desk", url="https://example.org/hook", secret="k" * 40, events=[Event.CLAIM_ASSIGNED]
    )
    delivery = Delivery.objects.create(
        endpoint=endpoint, event=Event.CLAIM_ASSIGNED, payload={"text": "x"}, attempts=2
    )
    DeliveryAttempt.objects.create(
        delivery=delivery,
        number=1,
        at="2026-01-01T10:00Z",
        status_code=503,
        retry_in=30,
        error="The endpoint answered 503",
    )
    DeliveryAttempt.objects.create(
        delivery=delivery, number=2, at="2026-01-01T10:00:31Z", status_code=200
    )
    page = admin_client.get(f"/admin/webhooks/delivery/{delivery.pk}/change/").content.decode()
    assert "The endpoint answered 503" in page and "200" in page
    assert "k" * 40 not in page


def test_desk_users_cannot_open_the_webhook_admin():
    client = Client()
    client.force_login(FactCheckerFactory())
    assert client.get("/admin/webhooks/endpoint/").status_code == 403
