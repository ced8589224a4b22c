"""The API tokens page in a real browser: create, copy the key, revoke; desktop and phone."""

import pytest
from rest_framework.test import APIClient

from tests.conftest import needs_chromium
from tests.factories import FactCheckerFactory

PASSWORD = "correct horse battery"

SCREENSHOTS_ENV = "TOKENS_SCREENSHOTS"

pytestmark = [*needs_chromium, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("label", "width", "height"), [("desktop", 1280, 900), ("phone", 390, 844)]
)
def test_a_fact_checker_makes_uses_and_revokes_a_token(
    live_server, chromium, screenshots, label, width, height
):
    user = FactCheckerFactory(username="fiona", first_name="Fiona")
    user.set_password(PASSWORD)
    user.save()
    page = chromium.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "fiona")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.click("#api-tokens-link")
    page.fill("#id_name", "Newsletter import script")
    page.click("#create-token input[type=submit]")
    key = page.inner_text("#new-token-key").strip()
    assert key.startswith("fc_")
    page.screenshot(path=str(screenshots / f"tokens-created-{label}.png"), full_page=True)
    # The page fits the screen: nothing wider than the viewport.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/verdicts/").status_code == 200

    page.goto(f"{live_server.url}/admin/api-tokens/")
    assert key not in page.content()
    row = page.locator("#token-list tbody tr").first
    assert "never" not in row.inner_text()
    page.click("input[aria-label='Revoke Newsletter import script']")
    assert "revoked" in page.inner_text("#token-list")
    page.screenshot(path=str(screenshots / f"tokens-revoked-{label}.png"), full_page=True)
    assert client.get("/api/verdicts/").status_code == 401
