"""Accepting a reader's suggestion makes a claim of it (its text, and where the reader saw
it as its origin) or links it to the claim already in the newsroom; the claim shows how
many readers sent it in."""

import pytest
from django.contrib.messages import get_messages

from claims.models import Article, ClaimState
from public.models import Suggestion
from public.roles import ensure_public_roles
from public.services import (
    SuggestionRefused,
    accept_suggestion,
    accept_suggestion_as_best,
    claim_candidates,
    reject_suggestion,
    suggest_claim,
)
from tests.factories import ClaimFactory, FactCheckerFactory

pytestmark = pytest.mark.django_db

TIP = "The new bridge over the Wensum cost 2 billion euros to build."
SEEN = "https://news.example/bridge"


@pytest.fixture
def checker(db):
    checker = FactCheckerFactory(username="fiona")
    ensure_public_roles()
    return checker


def tip(text=TIP, seen_at=SEEN, ip="203.0.113.7"):
    return suggest_claim(claim_text=text, seen_at=seen_at, ip=ip)


def test_accepting_a_suggestion_makes_a_claim_with_its_text_and_origin(checker):
    suggestion = accept_suggestion(suggestion=tip(), user=checker)
    claim = suggestion.claim
    assert suggestion.status == Suggestion.Status.ACCEPTED
    assert claim.text == TIP
    assert (claim.state, claim.assignee, claim.added_by) == (ClaimState.IN_REVIEW, checker, checker)
    assert claim.article.url == SEEN
    assert claim.article.outlet == "Reader suggestion"
    assert claim.article.status == Article.Status.DONE
    assert claim.article.body[claim.start : claim.end] == TIP
    assert claim.quantities  # "2 billion euros", compared with sources like any claim
    assert list(claim.suggestions.all()) == [suggestion]
    log = claim.transitions.get(action="add_claim")
    assert log.comment == f"From a reader suggestion, seen at {SEEN}"


def test_a_suggestion_is_linked_to_the_claim_the_lookup_offers(checker):
    existing = ClaimFactory(text="The Wensum bridge cost 2 billion euros to build.")
    ClaimFactory(text="Tram fares rose by 10 percent in March.")
    suggestion = tip()
    [found] = claim_candidates(suggestion)
    assert found.claim == existing
    accepted = accept_suggestion(suggestion=suggestion, user=checker, claim=found.claim)
    assert accepted.claim == existing
    accept_suggestion(suggestion=tip(ip="198.51.100.1"), user=checker, claim=existing)
    assert existing.suggestions.count() == 2
    assert Article.objects.filter(outlet="Reader suggestion").count() == 0


def test_accepting_twice_keeps_the_first_claim(checker):
    suggestion = accept_suggestion(suggestion=tip(), user=checker)
    with pytest.raises(SuggestionRefused, match=f"already accepted as claim {suggestion.claim_id}"):
        accept_suggestion(suggestion=suggestion, user=checker)


def test_a_closed_claim_cannot_take_a_suggestion(checker):
    kept = ClaimFactory()
    merged = ClaimFactory(state=ClaimState.MERGED, merged_into=kept)
    with pytest.raises(SuggestionRefused, match=f"link the suggestion to claim {kept.pk}"):
        accept_suggestion(suggestion=tip(), user=checker, claim=merged)


def test_an_address_that_is_not_a_web_page_stays_on_the_suggestion_only(checker):
    suggestion = accept_suggestion(suggestion=tip(seen_at="ftp://files.example/x"), user=checker)
    assert suggestion.claim.article.url == ""
    assert suggestion.seen_at == "ftp://files.example/x"


def test_rejecting_an_unaccepted_suggestion_links_nothing(checker):
    suggestion = reject_suggestion(suggestion=tip(), user=checker, note="Not checkable.")
    assert (suggestion.status, suggestion.claim) == (Suggestion.Status.REJECTED, None)


def test_bulk_acceptance_links_only_the_same_claim(checker):
    same = ClaimFactory(text=TIP)
    linked = accept_suggestion_as_best(suggestion=tip(), user=checker)
    fresh = accept_suggestion_as_best(
        suggestion=tip("Tram fares rose by 10 percent in March.", ip="1.1.1.1"), user=checker
    )
    assert linked.claim == same
    assert fresh.claim != same and fresh.claim.text == "Tram fares rose by 10 percent in March."


def test_the_admin_offers_the_candidates_and_accepts_as_new(client, checker):
    existing = ClaimFactory(text="The Wensum bridge cost 2 billion euros to build.")
    suggestion = tip()
    client.force_login(checker)
    page = client.get(f"/admin/public/suggestion/{suggestion.pk}/change/").content.decode()
    assert f'id="candidate-{existing.pk}"' in page and 'id="accept-as-new"' in page
    response = client.post(f"/admin/public/suggestion/{suggestion.pk}/accept/", {"claim": "new"})
    suggestion.refresh_from_db()
    assert response["Location"] == f"/admin/claims/claim/{suggestion.claim_id}/change/"
    assert suggestion.claim != existing


def test_the_admin_links_and_the_workbench_counts_the_tips(client, checker):
    existing = ClaimFactory(text="The Wensum bridge cost 2 billion euros to build.")
    client.force_login(checker)
    for ip in ("1.1.1.1", "2.2.2.2"):
        suggestion = tip(ip=ip)
        response = client.post(
            f"/admin/public/suggestion/{suggestion.pk}/accept/", {"claim": existing.pk}
        )
        assert f"linked to claim {existing.pk}" in " ".join(
            str(m) for m in get_messages(response.wsgi_request)
        )
    html = client.get(f"/admin/claims/claim/{existing.pk}/change/").content.decode()
    assert "<strong>2 reader tips</strong>" in html
    assert SEEN in html


def test_the_admin_refuses_an_unknown_claim_and_keeps_the_suggestion(client, checker):
    suggestion = tip()
    client.force_login(checker)
    response = client.post(f"/admin/public/suggestion/{suggestion.pk}/accept/", {"claim": 999999})
    assert "That claim no longer exists." in [str(m) for m in get_messages(response.wsgi_request)]
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.claim) == (Suggestion.Status.NEW, None)


def test_bulk_accept_reports_each_refusal_and_goes_on(client, checker):
    done = accept_suggestion(suggestion=tip(), user=checker)
    other = tip("Tram fares rose by 10 percent in March.", ip="9.9.9.9")
    client.force_login(checker)
    response = client.post(
        "/admin/public/suggestion/",
        {"action": "accept", "_selected_action": [done.pk, other.pk]},
        follow=True,
    )
    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("already accepted" in n for n in notes)
    assert "1 suggestion(s) accepted." in notes
    other.refresh_from_db()
    assert other.claim is not None
