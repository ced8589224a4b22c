"""A reader on a phone and on a desktop: the list, a search, a claim page (real browser)."""

import pytest

from claims.models import Rating
from tests.conftest import needs_chromium
from tests.factories import PassageFactory, SourceFactory
from tests.public.conftest import conflicting_match

SCREENSHOTS_ENV = "PUBLIC_SCREENSHOTS"

pytestmark = needs_chromium


@pytest.fixture
def fact_checks(published):
    source = SourceFactory(
        title="Offshore wind statistics 2024",
        publisher="Energy Agency",
        url="https://energy.example/wind-2024",
    )
    passage = PassageFactory(
        source=source,
        locator="Table 2.1",
        text="Offshore wind farms generated 17.4% of the country's electricity in 2024.",
    )
    published(
        "The harbour handled 12 million tonnes of cargo in 2022, its busiest year.",
        rating=Rating.TRUE,
        summary="Correct: the port's statistics give 12.0 million tonnes for 2022.",
    )
    published(
        "Unemployment fell to 3 percent last year, the minister said.",
        claim_span="Unemployment fell to 3 percent last year",
        rating=Rating.FALSE,
        summary="Unemployment was 4.1% last year; it has not been 3% since 2001.",
        outlet="Bay Herald",
    )
    return published(
        "Wind farms now supply a quarter of our electricity, the minister told parliament.",
        claim_span="Wind farms now supply a quarter of our electricity",
        rating=Rating.MOSTLY_FALSE,
        summary="Offshore wind supplied 17.4% of electricity in 2024, not a quarter.",
        explanation="The Energy Agency's 2024 statistics (table 2.1) give 17.4% for offshore wind.",
        title="Minister hails wind power",
        outlet="Capital Times",
        match_fields=conflicting_match(passage, claim="a quarter", passage_text="17.4%"),
    )


@pytest.mark.parametrize(
    ("label", "width", "height"), [("phone", 390, 844), ("desktop", 1280, 900)]
)
def test_a_reader_searches_and_reads_a_fact_check(
    live_server, chromium, screenshots, fact_checks, label, width, height
):
    page = chromium.new_page(viewport={"width": width, "height": height})
    base = live_server.url

    page.goto(f"{base}/")
    assert page.locator("h1").inner_text() == "Latest fact-checks"
    assert page.locator("article.card").count() == 3
    # Styled by the static stylesheet, and nothing wider than the screen.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(screenshots / f"list-{label}.png"), full_page=True)
    # The first Tab stop is the skip link; following it moves focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Search with the keyboard: type and press Enter.
    page.get_by_label("Search fact-checks").fill("wind")
    page.get_by_label("Search fact-checks").press("Enter")
    page.wait_for_url("**/?q=wind*")
    assert page.locator("article.card").count() == 1
    assert "1 fact-check matching “wind”" in page.locator(".result-count").inner_text()
    page.screenshot(path=str(screenshots / f"search-{label}.png"), full_page=True)

    page.get_by_role("link", name="“Wind farms now supply a quarter of our electricity”").click()
    page.wait_for_url(
        f"**/claims/{fact_checks.pk}/wind-farms-now-supply-a-quarter-of-our-electricity/"
    )
    assert page.locator("h1").inner_text() == "“Wind farms now supply a quarter of our electricity”"
    rating = page.locator(".rating__label")
    assert rating.inner_text() == "Rating: Mostly false"
    assert page.locator(".scale__step--current").inner_text().strip().endswith("Mostly false")
    assert "17.4% of electricity in 2024, not a quarter" in page.locator(".summary").inner_text()
    mark = page.locator("mark").first
    assert mark.is_visible()
    assert "Wind farms now supply a quarter of our electricity" in mark.inner_text()
    evidence = page.get_by_role("link", name="Offshore wind statistics 2024")
    assert evidence.get_attribute("href") == "https://energy.example/wind-2024"
    assert "Numbers conflict" in page.locator(".numbers").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(screenshots / f"claim-{label}.png"), full_page=True)
    page.close()
