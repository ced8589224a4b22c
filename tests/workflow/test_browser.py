"""A fact-checker and an editor take a claim from the queue to publication in a real browser."""

import pytest

from claims.models import Claim, ClaimState, Match
from tests.browser import admin_log_in
from tests.conftest import needs_chromium
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EditorFactory,
    FactCheckerFactory,
    MatchFactory,
)

pytestmark = needs_chromium


@pytest.fixture
def browser_page(chromium):
    return chromium.new_context(viewport={"width": 1400, "height": 1000}).new_page()


def log_in(page, base, username):
    admin_log_in(page, base, username, next_url="/admin/claims/claim/")


def test_a_claim_goes_from_the_queue_to_publication(live_server, browser_page, screenshots):
    FactCheckerFactory(username="fiona", first_name="Fiona", last_name="Checker")
    EditorFactory(username="ed", first_name="Ed", last_name="Itor")
    body = (
        "The port authority had a record year. The harbour handled 12 million tonnes of "
        "cargo in 2022, its busiest year. Officials expect growth to continue."
    )
    article = ArticleFactory(title="Harbour has record year", outlet="Coast Daily", body=body)
    sentence = "The harbour handled 12 million tonnes of cargo in 2022, its busiest year."
    start = body.index(sentence)
    claim = ClaimFactory(
        article=article,
        text="The harbour handled 12 million tonnes of cargo in 2022.",
        sentence=sentence,
        sentence_start=start,
        sentence_end=start + len(sentence),
        start=start,
        end=start + len(sentence),
        quantities=[{"text": "12 million tonnes", "value": 12e6, "unit": "t"}],
    )
    good = MatchFactory(
        claim=claim,
        score=91.0,
        numeric=Match.Numeric.AGREES,
        passage__text="In 2022 the harbour handled 12.0 million tonnes of cargo (table 3).",
        passage__source__title="Port statistics 2022",
    )
    MatchFactory(
        claim=claim,
        score=64.0,
        rank=1,
        numeric=Match.Numeric.CONFLICTS,
        numeric_detail={
            "numeric": {
                "pairs": [
                    {
                        "claim": {"text": "12 million tonnes"},
                        "passage": {"text": "9.1 million tonnes"},
                        "relation": "conflicts",
                    }
                ]
            }
        },
        passage__text="Cargo volumes fell to 9.1 million tonnes in 2020.",
        passage__source__title="Port statistics 2020",
    )
    ClaimFactory(article=article, text="Officials expect growth to continue.", checkworthiness=0.3)
    page, base = browser_page, live_server.url

    # The fact-checker finds the claim in the queue, takes it and weighs the evidence.
    log_in(page, base, "fiona")
    page.wait_for_selector("#result_list")
    page.screenshot(path=str(screenshots / "queue.png"), full_page=True)
    page.click(f"a[href='/admin/claims/claim/{claim.pk}/change/']")
    page.click("#start-review")
    page.wait_for_selector("text=You are now reviewing this claim.")
    page.click(f"#match-{good.pk} button.accept")
    page.wait_for_selector("text=Evidence accepted.")
    page.select_option("#id_rating", "true")
    page.fill("#id_summary", "Correct: the port's statistics give 12.0 million tonnes for 2022.")
    page.fill("#id_explanation", "Table 3 of the 2022 port statistics; 2020 was lower.")
    page.screenshot(path=str(screenshots / "claim.png"), full_page=True)
    page.click("#propose")
    page.wait_for_selector("text=Verdict proposed")
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.AWAITING_APPROVAL

    # The editor approves and publishes it.
    log_in(page, base, "ed")
    page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
    page.screenshot(path=str(screenshots / "claim-editor.png"), full_page=True)
    page.click("#approve")
    page.wait_for_selector("text=Verdict approved.")
    page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
    page.click("#publish")
    page.wait_for_selector("text=Verdict published.")
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.PUBLISHED
    page.goto(f"{base}/admin/claims/claim/dashboard/")
    page.screenshot(path=str(screenshots / "dashboard.png"), full_page=True)


def test_a_claim_with_only_a_stray_word_in_the_library_says_so_and_offers_the_search(
    live_server, chromium, screenshots
):
    from claims import services
    from tests.factories import PassageFactory

    FactCheckerFactory(username="fiona")
    stray = PassageFactory(text="Westhaven docks shipped freight for a century.")
    article = services.ingest_article(
        title="Harbour traffic hits a record",
        body="The port of Westhaven handled 12.4 million tonnes of cargo in 2022.",
    )
    services.process_article(article.pk)
    claim = Claim.objects.get(article=article, text__contains="tonnes")
    assert not claim.matches.exists()
    for name, width in (("desktop", 1280), ("phone", 390)):
        page = chromium.new_context(viewport={"width": width, "height": 900}).new_page()
        base = live_server.url
        log_in(page, base, "fiona")
        page.wait_for_selector("#result_list")
        page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
        assert page.is_visible("#no-matches")
        assert "Nothing in the library matches this claim" in page.inner_text("#no-matches")
        page.screenshot(path=str(screenshots / f"no-match-{name}.png"), full_page=True)
        # the search by hand still reaches the passage the floor held back
        page.click("#library-search-form button[type=submit]")
        page.wait_for_selector(f"#hit-{stray.pk}")
        page.screenshot(path=str(screenshots / f"no-match-search-{name}.png"), full_page=True)
        page.context.close()
