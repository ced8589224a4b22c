"""The public claim page in a real browser: a long reworded claim wraps (never cut or
spilling sideways), under the article's own words quoted, on a desktop and a phone."""

from tests.conftest import needs_chromium
from tests.public.conftest import claim_in, publish_claim

pytestmark = needs_chromium

SENTENCE = (
    "Speaking at the quay on Monday, the mayor said it handled 12m tonnes last year, "
    "more than any port on the coast, and that the new rail link would cut lorry traffic."
)
SPAN = "it handled 12m tonnes last year, more than any port on the coast"
CHECKED = (
    "The harbour of Porthaven handled 12 million tonnes of cargo in 2024, more than any "
    "other port on the Atlantic coast of the country, according to the mayor of Porthaven."
)


def test_a_long_reworded_claim_wraps_under_the_articles_words(
    live_server, chromium, newsroom, screenshots
):
    claim = claim_in(sentence=SENTENCE, claim_span=SPAN, text=CHECKED)
    publish_claim(claim, *newsroom)
    for name, width in (("desktop", 1280), ("phone", 390)):
        page = chromium.new_context(viewport={"width": width, "height": 900}).new_page()
        page.goto(f"{live_server.url}/claims/{claim.pk}/")
        heading = page.locator("h1")
        assert heading.inner_text() == CHECKED
        assert page.locator("#as-stated q").inner_text() == SPAN
        # Wrapped onto several lines inside the page, none of it cut or hidden.
        box = heading.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert box["height"] > 1.5 * float(
            heading.evaluate("h => parseFloat(getComputedStyle(h).lineHeight)")
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(screenshots / f"public-claim-{name}.png"), full_page=True)
        page.context.close()
