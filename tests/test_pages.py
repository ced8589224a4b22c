"""The four entry points answer, and the public sees published claims only."""

import pytest
from django.core.management import call_command

from desk import workflow
from tests.factories import ClaimFactory, EditorFactory, FactCheckerFactory
from tests.public.conftest import accept_match, claim_in, propose, publish_claim

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/api/", "/api/schema/", "/admin/login/"])
def test_entry_points_answer(client, url):
    assert client.get(url).status_code == 200


def test_public_list_shows_published_claims_only(client):
    checker, editor = FactCheckerFactory(), EditorFactory()
    publish_claim(claim_in(sentence="The bridge is 1,200 metres long."), checker, editor)
    workflow.start_review(claim=ClaimFactory(text="The tunnel cost $4bn."), user=checker)
    page = client.get("/").content.decode()
    assert "The bridge is 1,200 metres long." in page
    assert "The tunnel cost $4bn." not in page


def test_published_claim_page_answers_at_its_canonical_address(client):
    claim = claim_in(sentence="The bridge is 1,200 metres long.")
    publish_claim(claim, FactCheckerFactory(), EditorFactory())
    response = client.get(f"/claims/{claim.pk}/", follow=True)
    assert response.redirect_chain == [(f"/claims/{claim.pk}/the-bridge-is-1200-metres-long/", 301)]
    assert response.status_code == 200


def test_unpublished_claim_page_is_not_found(client):
    checker = FactCheckerFactory()
    claim = claim_in(sentence="The tunnel cost $4bn.")
    workflow.start_review(claim=claim, user=checker)
    accept_match(claim, checker)
    propose(claim, checker)
    assert claim.state == "awaiting_approval"
    assert client.get(f"/claims/{claim.pk}/").status_code == 404


def test_demo_data_is_visible_in_the_admin(client):
    call_command("load_demo")
    assert client.login(username="editor", password="demo-password-2025")
    sources = client.get("/admin/sources/source/").content.decode()
    assert "Hornsea 2 project overview" in sources
    claims = client.get("/admin/claims/claim/").content.decode()
    assert "Hornsea" in claims


def test_load_demo_twice_reuses_what_is_there():
    call_command("load_demo")
    from claims.models import Article, Claim
    from sources.models import Passage

    counts = (Article.objects.count(), Claim.objects.count(), Passage.objects.count())
    call_command("load_demo")
    assert (Article.objects.count(), Claim.objects.count(), Passage.objects.count()) == counts
