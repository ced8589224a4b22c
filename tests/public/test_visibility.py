"""Nothing unpublished reaches the public: no draft claim, verdict, comment or reviewer."""

import pytest

from claims.models import Article, Claim
from tests.public.conftest import MARK, claim_in, publish_claim

pytestmark = pytest.mark.django_db


def public_urls(client):
    urls = [
        "/",
        "/?q=zebra",
        "/?q=unpublished",
        "/?rating=true",
        "/?page=2",
        "/corrections/",
        "/methodology/",
        "/corrections-policy/",
        "/suggest/",
        "/feed.atom",
        "/sitemap.xml",
    ]
    for claim in Claim.objects.all():
        urls += [f"/claims/{claim.pk}/", f"/claims/{claim.pk}/zebra/"]
    for article in Article.objects.all():
        urls.append(f"/articles/{article.pk}/")
    return urls


def test_no_draft_text_comment_or_reviewer_appears_on_any_public_url(client, every_state):
    statuses = {}
    for url in public_urls(client):
        response = client.get(url, follow=True)
        statuses[url] = response.status_code
        text = response.content.decode().lower()
        assert MARK not in text, url
        for name in ("zz-checker-kowalczyk", "zz-editor-okonkwo", "kasia", "ngozi"):
            assert name not in text, (url, name)
    assert statuses["/feed.atom"] == 200
    assert statuses["/sitemap.xml"] == 200
    # The same pages do show what is published (the check above is not vacuous).
    found = client.get("/?q=zebra").content.decode()
    assert "The zebra crossing count rose to 40 in 2024." in found
    assert "The zebra park has 300 zebras." in found


def test_unpublished_claims_and_their_articles_are_not_found(client, every_state):
    _, corrected = every_state
    for claim in Claim.objects.filter(text__contains=MARK).exclude(pk=corrected.pk):
        assert client.get(f"/claims/{claim.pk}/", follow=True).status_code == 404
        assert client.get(f"/articles/{claim.article_id}/").status_code == 404


def test_a_claim_being_corrected_keeps_its_published_verdict_and_text(client, every_state):
    _, corrected = every_state
    page = client.get(f"/claims/{corrected.pk}/", follow=True).content.decode()
    assert "The zebra park has 300 zebras." in page
    assert "Public zebra park." in page


def test_the_search_does_not_find_claims_by_their_draft_text(client, every_state):
    page = client.get("/?q=reworded").content.decode()
    assert "0 fact-checks" in page


def test_publishing_a_claim_makes_it_public(client, newsroom):
    checker, editor = newsroom
    claim = claim_in(sentence="The zebra crossing count rose to 40 in 2024.")
    assert client.get(f"/claims/{claim.pk}/").status_code == 404
    publish_claim(claim, checker, editor)
    assert client.get(f"/claims/{claim.pk}/", follow=True).status_code == 200
