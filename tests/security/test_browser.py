"""In Chromium: a script injected through every text field runs on no page; the admin works
under the Content-Security-Policy without a single violation."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import Article, ClaimState, Match
from sources.importers import PassageRecord, SourceRecord
from sources.models import Passage
from sources.services import import_records
from tests.browser import admin_log_in
from tests.conftest import needs_chromium
from tests.factories import (
    ClaimFactory,
    EditorFactory,
    FactCheckerFactory,
    MatchFactory,
    UserFactory,
    VerdictFactory,
    publish_as_stored,
)

pytestmark = [*needs_chromium, pytest.mark.django_db(transaction=True)]


def payload(field: str) -> str:
    """Markup that would set window.__xss to `field` if a page ever ran it (< 200 chars)."""
    mark = f"window.__xss='{field}'"
    return (
        f'{field} <script>{mark}</script><img src=x onerror="{mark}">'
        f'"><svg onload="{mark}"></svg></script><script>{mark}</script>'
    )


@pytest.fixture
def browser(chromium):
    """A page that records CSP violations and any dialog a script would open."""
    page = chromium.new_context().new_page()
    page.csp_violations = []
    page.dialogs = []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and page.csp_violations.append(m.text),
    )
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page


def log_in(page, base, username):
    admin_log_in(page, base, username, wait_for="#user-tools")


def assert_nothing_ran(page, url):
    assert page.evaluate("window.__xss") is None, url
    injected = page.evaluate(
        """() => [
            ...document.querySelectorAll('img[src="x"], [onerror], [onload], svg[onload]'),
            ...[...document.scripts].filter(
                s => s.type !== 'application/ld+json' && s.text.includes('__xss')),
        ].length"""
    )
    assert injected == 0, url
    for data in page.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => s.text)"
    ):
        json.loads(data)  # the payload did not break out of the JSON-LD block
    assert page.dialogs == [], url
    assert page.csp_violations == [], url


@pytest.fixture
def hostile_fact_check(db):
    """A published fact-check whose every text field holds a script payload."""
    article = services.ingest_article(
        title=payload("article.title"),
        outlet=payload("article.outlet"),
        body=payload("article.body") + " The harbour handled 12 million tonnes in 2022.",
        url="https://example.org/harbour",
        queue=False,
    )
    import_records(
        [
            SourceRecord(
                key="ons-harbour",
                title=payload("source.title"),
                publisher=payload("source.publisher"),
                url="https://example.org/ons",
                passages=[
                    PassageRecord(
                        key="p1", text=payload("passage.text"), locator=payload("locator")
                    )
                ],
            )
        ]
    )
    claim = ClaimFactory(
        article=article,
        text=payload("claim.text"),
        sentence=payload("claim.sentence"),
        state=ClaimState.PUBLISHED,
    )
    match = MatchFactory(
        claim=claim, passage=Passage.objects.get(), decision=Match.Decision.ACCEPTED
    )
    editor = EditorFactory(username="ed")
    now = timezone.now()
    verdict = VerdictFactory(
        claim=claim,
        author=FactCheckerFactory(username="fiona"),
        summary=payload("verdict.summary"),
        explanation=payload("verdict.explanation"),
        proposed_at=now,
        approver=editor,
        approved_at=now,
    )
    publish_as_stored(verdict, publisher=editor, evidence=[match], at=now)
    return claim


def test_a_script_in_every_text_field_runs_on_no_page(live_server, browser, hostile_fact_check):
    claim, page, base = hostile_fact_check, browser, live_server.url
    UserFactory(username="root", is_superuser=True)
    public = [
        "/",
        reverse("public:claim-short", args=[claim.pk]),
        reverse("public:article", args=[claim.article_id]),
        "/corrections/",
        "/api/public/fact-checks/",
    ]
    admin = [
        "/admin/claims/claim/",
        f"/admin/claims/claim/{claim.pk}/change/",
        f"/admin/claims/article/{claim.article_id}/change/",
        f"/admin/sources/source/{claim.matches.get().passage.source_id}/change/",
        "/admin/claims/verdict/",
        "/api/claims/",
    ]
    for url in public:
        page.goto(base + url)
        assert "claim.text" in page.content() or url in ("/corrections/",), url
        assert_nothing_ran(page, url)
    log_in(page, base, "root")
    for url in admin:
        response = page.goto(base + url)
        if response.status == 404:
            continue  # a page another part of the admin does not register
        assert_nothing_ran(page, url)


def test_a_javascript_link_that_slipped_into_the_database_does_not_run(
    live_server, browser, hostile_fact_check
):
    # The services refuse such URLs; this is the case of data written around them.
    Article.objects.update(url="javascript:window.__xss=['href']")
    page = browser
    page.goto(live_server.url + reverse("public:claim-short", args=[hostile_fact_check.pk]))
    links = page.locator("a[href^='javascript:']")
    if links.count():
        links.first.click()
        page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None


def test_the_admin_works_under_the_csp(live_server, browser):
    ClaimFactory.create_batch(3)
    UserFactory(username="root", is_superuser=True)
    page, base = browser, live_server.url
    response = page.goto(f"{base}/admin/login/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    log_in(page, base, "root")
    for url in ("/admin/", "/admin/claims/claim/", "/admin/claims/article/add/"):
        response = page.goto(base + url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"]
    # The change list's own JavaScript runs: "select all" ticks every row.
    page.goto(f"{base}/admin/claims/claim/")
    page.check("#action-toggle")
    assert page.locator("input.action-select:checked").count() == 3
    assert page.csp_violations == []
