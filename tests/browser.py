"""Helpers for the browser tests (Playwright driving Debian's Chromium)."""

# The password tests.factories gives every user.
PASSWORD = "correct horse battery"


def admin_log_in(page, base, username, *, next_url="/admin/", wait_for="#content"):
    """Log `username` in through the admin's login form (cookies of an earlier user cleared)
    and wait for `wait_for` on the page it lands on."""
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector(wait_for)
