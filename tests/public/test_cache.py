"""Public pages are cached, and publishing or correcting shows at once."""

import pytest
from django.core.cache import cache

from claims.models import Rating
from public.cache import GENERATION_KEY
from public.models import Page
from tests.factories import PassageFactory
from tests.public.conftest import claim_in, correct_claim, publish_claim

pytestmark = pytest.mark.django_db


def test_a_public_page_is_served_from_the_cache_the_second_time(client, published):
    claim = published()
    url = client.get(f"/claims/{claim.pk}/")["Location"]
    assert client.get(url)["X-Public-Cache"] == "miss"
    again = client.get(url)
    assert again["X-Public-Cache"] == "hit"
    assert again["Content-Type"] == "text/html; charset=utf-8"
    assert "The harbour handled 12 million tonnes" in again.content.decode()


def test_a_correction_shows_at_once_on_the_claim_page_and_the_list(client, newsroom, published):
    checker, editor = newsroom
    claim = published(rating=Rating.TRUE, summary="Right: 12 million tonnes.")
    url = client.get(f"/claims/{claim.pk}/")["Location"]
    assert "Right: 12 million tonnes." in client.get(url).content.decode()
    assert "Right: 12 million tonnes." in client.get("/").content.decode()
    assert client.get(url)["X-Public-Cache"] == "hit"

    correct_claim(
        claim,
        checker,
        editor,
        note="Revised statistics.",
        rating=Rating.FALSE,
        summary="Wrong: 9.1 million tonnes.",
    )
    page = client.get(url).content.decode()
    assert "Wrong: 9.1 million tonnes." in page
    assert "Revised statistics." in page
    assert "Wrong: 9.1 million tonnes." in client.get("/").content.decode()
    assert "Revised statistics." in client.get("/corrections/").content.decode()


def test_a_new_publication_shows_at_once_in_the_list_and_feed(client, newsroom, published):
    checker, editor = newsroom
    published()
    client.get("/")
    client.get("/feed.atom")
    claim = claim_in(sentence="The tunnel cost 4 billion dollars.")
    publish_claim(claim, checker, editor)
    assert "The tunnel cost 4 billion dollars." in client.get("/").content.decode()
    assert "The tunnel cost 4 billion dollars." in client.get("/feed.atom").content.decode()


def test_steps_before_publication_leave_the_cache_alone(client, newsroom, published):
    checker, editor = newsroom
    published()
    client.get("/")
    generation = cache.get(GENERATION_KEY)
    claim = claim_in(sentence="The tunnel cost 4 billion dollars.")
    from desk import workflow

    workflow.start_review(claim=claim, user=checker)
    assert cache.get(GENERATION_KEY) == generation
    assert client.get("/")["X-Public-Cache"] == "hit"


def test_an_edited_editorial_page_shows_at_once(client):
    assert "We break each article" in client.get("/methodology/").content.decode()
    page = Page.objects.get(slug="methodology")
    page.body = "We now explain our method differently."
    page.save()
    assert "We now explain our method differently." in client.get("/methodology/").content.decode()


def test_an_evicted_generation_never_revives_old_pages(client, published):
    published()
    assert client.get("/")["X-Public-Cache"] == "miss"
    assert client.get("/")["X-Public-Cache"] == "hit"
    cache.delete(GENERATION_KEY)
    assert client.get("/")["X-Public-Cache"] == "miss"


def test_editing_what_a_published_page_shows_beside_its_verdict_empties_the_cache(published):
    claim = published(match_fields={})
    passage = claim.verdicts.get().evidence.get().passage
    for row in (claim.article, passage.source, passage):
        generation = cache.get(GENERATION_KEY)
        row.save()
        assert cache.get(GENERATION_KEY) != generation, type(row).__name__


def test_editing_a_source_no_published_verdict_cites_leaves_the_cache_alone(published):
    published(match_fields={})
    unrelated = PassageFactory()
    generation = cache.get(GENERATION_KEY)
    for row in (unrelated.source, unrelated):
        row.save()
    assert cache.get(GENERATION_KEY) == generation
