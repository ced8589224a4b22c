"""Readers suggest claims to check; the suggestions land in the fact-checkers' queue."""

import time

import pytest
from django.core import signing

from public.forms import STARTED_SALT
from public.models import Suggestion
from public.roles import ensure_public_roles
from public.services import SuggestionRefused, accept_suggestion, suggest_claim
from tests.factories import FactCheckerFactory, UserFactory

pytestmark = pytest.mark.django_db


def started(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


def post(client, ip="203.0.113.7", **fields):
    data = {
        "claim_text": "The new bridge cost 2 billion euros.",
        "seen_at": "https://news.example/bridge",
        "note": "",
        "email": "",
        "website": "",
        "started": started(),
        **fields,
    }
    return client.post("/suggest/", data, REMOTE_ADDR=ip)


def test_form_has_a_label_for_every_field_and_a_signed_start_time(client):
    page = client.get("/suggest/").content.decode()
    for name in ("claim_text", "seen_at", "note", "email", "website"):
        assert f'<label for="id_{name}">' in page
    assert 'name="started"' in page
    assert 'class="hp" aria-hidden="true"' in page


def test_a_suggestion_lands_in_the_queue(client):
    response = post(client, note="On the evening news.", email="reader@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/suggest/thanks/"
    suggestion = Suggestion.objects.get()
    assert suggestion.claim_text == "The new bridge cost 2 billion euros."
    assert suggestion.seen_at == "https://news.example/bridge"
    assert suggestion.email == "reader@example.org"
    assert suggestion.status == Suggestion.Status.NEW
    assert "203.0.113.7" not in suggestion.client_hash


def test_a_filled_honeypot_is_thanked_but_not_stored(client):
    response = post(client, website="https://spam.example")
    assert response.status_code == 302
    assert not Suggestion.objects.exists()


def test_a_form_sent_too_fast_is_refused_with_a_message(client):
    response = post(client, started=started(seconds_ago=0))
    assert response.status_code == 400
    assert "That was quick!" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_forged_start_time_is_refused(client):
    forged = signing.dumps(time.time() - 30, salt="something-else")
    response = post(client, started=forged)
    assert response.status_code == 400
    assert "This form has expired" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_an_empty_claim_is_refused_with_a_field_error(client):
    response = post(client, claim_text="   ")
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_suggestions_are_rate_limited_per_address(client, settings):
    settings.PUBLIC_SUGGESTIONS_PER_HOUR = 2
    assert post(client).status_code == 302
    assert post(client).status_code == 302
    refused = post(client)
    assert refused.status_code == 429
    assert "Please try again later." in refused.content.decode()
    assert post(client, ip="198.51.100.20").status_code == 302
    assert Suggestion.objects.count() == 3


def test_suggest_claim_refuses_an_empty_claim():
    with pytest.raises(SuggestionRefused):
        suggest_claim(claim_text=" ", ip="203.0.113.7")


def test_fact_checkers_see_the_suggestions_in_the_admin(client):
    ensure_public_roles()
    suggest_claim(claim_text="The new bridge cost 2 billion euros.", ip="203.0.113.7")
    client.force_login(FactCheckerFactory())
    page = client.get("/admin/public/suggestion/")
    assert page.status_code == 200
    assert "The new bridge cost 2 billion euros." in page.content.decode()


def test_a_fact_checker_accepts_a_suggestion_from_the_admin(client):
    ensure_public_roles()
    suggestion = suggest_claim(claim_text="The new bridge cost 2 billion euros.", ip="1.2.3.4")
    checker = FactCheckerFactory()
    client.force_login(checker)
    client.post(
        "/admin/public/suggestion/",
        {"action": "accept", "_selected_action": [suggestion.pk]},
    )
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED
    assert suggestion.decided_by == checker


def test_only_the_newsroom_decides_on_suggestions():
    suggestion = suggest_claim(claim_text="The new bridge cost 2 billion euros.", ip="1.2.3.4")
    with pytest.raises(SuggestionRefused):
        accept_suggestion(suggestion=suggestion, user=UserFactory())
