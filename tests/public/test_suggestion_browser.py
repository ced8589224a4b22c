"""A reader's suggestion becomes a claim in a real browser: the reader sends it, a
fact-checker sees the claims it may repeat, makes it a new claim and lands on it."""

import time

from claims.models import ClaimState
from public.models import Suggestion
from public.roles import ensure_public_roles
from tests.conftest import needs_chromium
from tests.factories import ClaimFactory, FactCheckerFactory

pytestmark = needs_chromium

PASSWORD = "correct horse battery"
TIP = "The new bridge over the Wensum cost 2 billion euros to build."
SEEN = "https://news.example/bridge"


def test_a_reader_suggestion_turned_into_a_claim(live_server, chromium, screenshots, settings):
    # The newsroom roles first: a flushed database has no groups, and the factory makes them.
    FactCheckerFactory(username="fiona", first_name="Fiona", last_name="Checker")
    ensure_public_roles()
    related = ClaimFactory(text="The Wensum bridge cost 1.2 billion euros, the council said.")
    base = live_server.url

    reader = chromium.new_context(viewport={"width": 390, "height": 844}).new_page()
    reader.goto(f"{base}/suggest/")
    reader.fill("#id_claim_text", TIP)
    reader.fill("#id_seen_at", SEEN)
    time.sleep(settings.PUBLIC_SUGGESTION_MIN_SECONDS + 0.5)
    reader.click("form button[type=submit]")
    reader.wait_for_url("**/thanks/**")
    suggestion = Suggestion.objects.get()

    for name, viewport in (("phone", None), ("desktop", {"width": 1280, "height": 900})):
        page = chromium.new_context(viewport=viewport or {"width": 390, "height": 844}).new_page()
        page.goto(f"{base}/admin/login/?next=/admin/public/suggestion/{suggestion.pk}/change/")
        page.fill("#id_username", "fiona")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_selector("#accept-suggestion")
        assert related.text in page.inner_text(f"#candidate-{related.pk}")
        page.screenshot(path=str(screenshots / f"suggestion-{name}.png"), full_page=True)
        if name == "desktop":
            page.click("#accept-as-new")
            note = page.locator("ul.messagelist li").first
            note.wait_for()
            assert "Suggestion accepted and turned into claim" in note.inner_text()
            suggestion.refresh_from_db()
            assert page.inner_text("#claim-text") == TIP
            assert "1 reader tip" in page.inner_text("#reader-tips")
            assert suggestion.claim.state == ClaimState.IN_REVIEW
            assert suggestion.claim.article.url == SEEN
            page.screenshot(path=str(screenshots / "suggestion-claim-desktop.png"), full_page=True)
        page.context.close()
