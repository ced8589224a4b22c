"""The public page of one fact-check: what a reader sees, and at which address."""

import datetime as dt

import pytest
from django.urls import reverse

from claims.models import Rating
from tests.factories import ClaimFactory, PassageFactory, SourceFactory
from tests.public.conftest import claim_in, conflicting_match, correct_claim, publish_claim

pytestmark = pytest.mark.django_db


def page_of(client, claim):
    response = client.get(f"/claims/{claim.pk}/", follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_short_address_redirects_permanently_to_the_canonical_slug(client, published):
    claim = published("Unemployment fell to 3 percent last year.")
    response = client.get(f"/claims/{claim.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/claims/{claim.pk}/unemployment-fell-to-3-percent-last-year/"


def test_a_wrong_slug_redirects_to_the_canonical_one(client, published):
    claim = published("Unemployment fell to 3 percent last year.")
    response = client.get(f"/claims/{claim.pk}/something-else/")
    assert response.status_code == 301
    assert response["Location"].endswith("/unemployment-fell-to-3-percent-last-year/")


def test_claim_page_shows_the_claim_rating_summary_and_explanation(client, published):
    claim = published(
        "The bridge is 1,200 metres long.",
        rating=Rating.MOSTLY_FALSE,
        summary="The bridge is 870 metres long, not 1,200.",
        explanation="The highway agency's register lists a length of 870 m.",
    )
    page = page_of(client, claim)
    assert "“The bridge is 1,200 metres long.”" in page
    assert "Mostly false" in page
    assert 'aria-current="true"' in page  # the rating's place on the scale, not colour alone
    assert "The bridge is 870 metres long, not 1,200." in page
    assert "The highway agency&#x27;s register lists a length of 870 m." in page


def test_claim_page_cites_every_piece_of_evidence_with_its_source(client, published):
    source = SourceFactory(
        title="Port statistics 2022",
        publisher="Harbour Authority",
        url="https://harbour.example/stats-2022",
        published=dt.date(2023, 2, 1),
    )
    passage = PassageFactory(
        source=source,
        locator="Table 3",
        text="In 2022 the harbour handled 9.1 million tonnes of cargo.",
    )
    claim = published(
        match_fields=conflicting_match(
            passage, claim="12 million tonnes", passage_text="9.1 million tonnes"
        ),
    )
    page = page_of(client, claim)
    assert 'href="https://harbour.example/stats-2022"' in page
    assert "Port statistics 2022" in page
    assert "Harbour Authority" in page
    assert "1 February 2023" in page
    assert "Table 3" in page
    assert "In 2022 the harbour handled 9.1 million tonnes of cargo." in page
    assert "Numbers conflict:" in page
    assert "<strong>12 million tonnes</strong>" in page
    assert "<strong>9.1 million tonnes</strong>" in page


def test_claim_is_highlighted_in_its_sentence_with_everything_escaped(client, published):
    sentence = "Said <b>the mayor</b>: crime fell by 40% since 2020 & more."
    claim = published(sentence, claim_span="crime fell by 40% since 2020")
    page = page_of(client, claim)
    assert (
        'Said &lt;b&gt;the mayor&lt;/b&gt;: <mark><span class="visually-hidden">Claim: </span>'
        "crime fell by 40% since 2020</mark> &amp; more."
    ) in page
    assert "<b>the mayor</b>" not in page


def test_claim_page_says_where_the_claim_appeared(client, published):
    claim = published(
        title="Harbour has record year",
        outlet="Coast Daily",
        url="https://coastdaily.example/harbour-record",
        published=dt.date(2025, 3, 14),
    )
    page = page_of(client, claim)
    assert 'href="https://coastdaily.example/harbour-record"' in page
    assert "Harbour has record year" in page
    assert "Coast Daily" in page
    assert "14 March 2025" in page
    assert reverse("public:article", args=[claim.article_id]) in page


def test_other_appearances_of_the_same_claim_are_listed(client, newsroom, published):
    checker, editor = newsroom
    original = published("The harbour handled 12 million tonnes in 2022.", title="First story")
    repeat = claim_in(
        sentence="Again: the harbour handled 12 million tonnes in 2022.",
        claim_span="the harbour handled 12 million tonnes in 2022",
        title="Second story",
        outlet="Bay Herald",
    )
    repeat.repeats = original
    repeat.save(update_fields=["repeats"])
    publish_claim(repeat, checker, editor)
    original_page = page_of(client, original)
    assert "The same claim elsewhere" in original_page
    assert "Second story" in original_page
    assert "Bay Herald" in original_page
    repeat_page = page_of(client, repeat)
    assert "First story" in repeat_page


def test_correction_history_shows_the_note_and_the_earlier_verdict(client, newsroom, published):
    checker, editor = newsroom
    claim = published(rating=Rating.TRUE, summary="Correct: 12 million tonnes in 2022.")
    correct_claim(
        claim,
        checker,
        editor,
        note="The 2022 figure was revised down to 9.1 million tonnes.",
        rating=Rating.FALSE,
        summary="Wrong: the revised figure is 9.1 million tonnes.",
    )
    page = page_of(client, claim)
    assert "Wrong: the revised figure is 9.1 million tonnes." in page
    assert "The 2022 figure was revised down to 9.1 million tonnes." in page
    assert "Earlier verdicts" in page
    assert "Correct: 12 million tonnes in 2022." in page
    assert "Rating changed from <strong>True</strong> to <strong>False</strong>" in page


def test_claim_page_has_canonical_link_and_open_graph_tags(client, published):
    claim = published("Unemployment fell to 3 percent last year.", summary="It fell to 4.1%.")
    page = page_of(client, claim)
    url = f"http://testserver/claims/{claim.pk}/unemployment-fell-to-3-percent-last-year/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:title" content="False: “Unemployment fell' in page
    assert '<meta property="og:description" content="It fell to 4.1%.">' in page


def test_unpublished_claim_page_is_not_found(client):
    claim = ClaimFactory()
    assert client.get(f"/claims/{claim.pk}/").status_code == 404
    assert client.get(f"/claims/{claim.pk}/any-slug/").status_code == 404
