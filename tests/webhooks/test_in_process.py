"""Without a broker (the embedded default) webhooks go out in-process, once, after commit."""

import pytest
from django.db import transaction
from django.test import Client

from claims.models import ClaimState
from desk import review, workflow
from tests.factories import ClaimFactory, UserFactory
from webhooks.models import Delivery, Endpoint, Event

pytestmark = pytest.mark.django_db(transaction=True)


def endpoint(url, events):
    return Endpoint.objects.create(
        name="Desk chat", url=url, secret="x" * 32, events=events, format=Endpoint.Format.SLACK
    )


def test_an_editor_assigning_a_claim_sends_claim_assigned(receiver, newsroom):
    checker, editor = newsroom
    endpoint(receiver.url, [Event.CLAIM_ASSIGNED])
    claim = ClaimFactory(state=ClaimState.EXTRACTED, text="Exports rose by 8 percent.")
    review.assign_claim(claim=claim, editor=editor, assignee=checker)
    [request] = receiver.requests
    assert request.json()["text"].startswith(
        "Ed Itor reassigned the claim — “Exports rose by 8 percent.”. Now with Fiona Checker."
    )
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED


def test_an_action_rolled_back_sends_nothing(receiver, newsroom):
    checker, _editor = newsroom
    endpoint(receiver.url, [Event.CLAIM_ASSIGNED])
    claim = ClaimFactory(state=ClaimState.EXTRACTED)
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.start_review(claim=claim, user=checker)
        raise RuntimeError("something later in the same request failed")
    assert receiver.requests == []
    assert not Delivery.objects.exists()


def test_a_failing_endpoint_does_not_fail_the_action_and_is_tried_once(receiver, newsroom):
    checker, _editor = newsroom
    endpoint(receiver.url, [Event.CLAIM_ASSIGNED])
    receiver.answers = [500]
    claim = ClaimFactory(state=ClaimState.EXTRACTED)
    workflow.start_review(claim=claim, user=checker)
    claim.refresh_from_db()
    assert claim.state == ClaimState.IN_REVIEW
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED
    assert list(delivery.log.values_list("status_code", "retry_in")) == [(500, None)]


def test_an_inactive_or_unsubscribed_endpoint_gets_nothing(receiver, newsroom):
    checker, _editor = newsroom
    endpoint(receiver.url, [Event.VERDICT_PUBLISHED])
    Endpoint.objects.create(
        name="Paused", url=receiver.url, secret="y" * 32, events=Event.values, is_active=False
    )
    workflow.start_review(claim=ClaimFactory(state=ClaimState.EXTRACTED), user=checker)
    assert receiver.requests == []
    assert not Delivery.objects.exists()


def test_an_administrator_sends_a_test_event_to_an_endpoint(receiver, newsroom):
    hook = endpoint(receiver.url, [Event.VERDICT_PUBLISHED])
    client = Client()
    client.force_login(UserFactory(username="root", first_name="Ada", is_superuser=True))
    response = client.post(
        "/admin/webhooks/endpoint/",
        {"action": "send_test_event", "_selected_action": [hook.pk]},
        follow=True,
    )
    assert "1 test event(s) sent" in response.content.decode()
    [request] = receiver.requests
    assert request.headers["X-Factcheck-Event"] == "ping"
    assert request.json()["text"].startswith("Test event from ")
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
