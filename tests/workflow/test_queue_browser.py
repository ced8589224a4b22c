"""The review queue and the claim page in a real browser: tabs and their counts for each
role, a bulk action with a refusal, and the keyboard path from the queue to a proposed
verdict without the mouse."""

import re

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
    PassageFactory,
    SourceFactory,
)

S = ClaimState
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

SCREENSHOTS_ENV = "QUEUE_SCREENSHOTS"

pytestmark = needs_chromium


def new_page(chromium, viewport=DESKTOP):
    return chromium.new_context(viewport=viewport).new_page()


def log_in(page, base, username):
    admin_log_in(page, base, username, next_url="/admin/claims/claim/", wait_for="#queue-tabs")
    # The queue's keyboard shortcuts are bound by its script: wait for it before typing.
    page.wait_for_load_state("load")


@pytest.fixture
def people(db):
    return {
        "fiona": FactCheckerFactory(username="fiona", first_name="Fiona", last_name="Checker"),
        "ed": EditorFactory(username="ed", first_name="Ed", last_name="Itor"),
        "erin": EditorFactory(username="erin", first_name="Erin", last_name="Desk"),
    }


@pytest.fixture
def desk(people, make_claim):
    fiona, ed, erin = people["fiona"], people["ed"], people["erin"]

    def claim_in(state, text, **kwargs):
        return make_claim(state, text=text, **kwargs)

    article = ArticleFactory(title="Rare earths and the F-35", outlet="Wire")
    return {
        "free": claim_in(
            S.EXTRACTED, "China refines over 99% of heavy rare earths.", article=article
        ),
        "free2": claim_in(S.EXTRACTED, "An F-35 holds about 50 lb of samarium.", article=article),
        "erins": claim_in(S.IN_REVIEW, "Erin's claim about magnets.", assignee=erin),
        "fionas": claim_in(S.IN_REVIEW, "Fiona's claim about mines.", assignee=fiona),
        "fiona_waits": claim_in(
            S.AWAITING_APPROVAL, "Fiona's verdict waits.", assignee=fiona, author=fiona
        ),
        "ed_waits": claim_in(S.AWAITING_APPROVAL, "Ed's own verdict.", assignee=ed, author=ed),
        "ready": claim_in(
            S.APPROVED, "Approved, ready.", assignee=fiona, author=fiona, approver=erin
        ),
        "published": claim_in(S.PUBLISHED, "Published long ago.", author=fiona, approver=erin),
        "dismissed": claim_in(S.DISMISSED, "Dismissed as opinion."),
    }


def tab_counts(page) -> dict[str, int]:
    counts = {}
    for tab in page.query_selector_all("#queue-tabs a[id^=tab-]"):
        counts[tab.get_attribute("id")[4:]] = int(tab.query_selector(".count").inner_text())
    return counts


def rows(page) -> list[str]:
    return [cell.inner_text() for cell in page.query_selector_all("#result_list tbody th")]


@pytest.mark.parametrize(
    "username,expected",
    [
        (
            "fiona",
            {"open": 7, "mine": 3, "unassigned": 2, "approval": 2, "ready": 1, "rereview": 0},
        ),
        ("ed", {"open": 7, "mine": 1, "unassigned": 2, "approval": 1, "ready": 1, "rereview": 0}),
    ],
)
def test_each_queue_tab_lists_as_many_claims_as_its_count(
    live_server, chromium, desk, screenshots, username, expected
):
    page, base = new_page(chromium), live_server.url
    log_in(page, base, username)
    counts = tab_counts(page)
    assert {k: counts[k] for k in expected} == expected
    # Open work by default: nothing published or dismissed.
    assert page.get_attribute("#tab-open", "aria-current") == "page"
    assert "Published long ago." not in rows(page) and "Dismissed as opinion." not in rows(page)
    page.screenshot(path=str(screenshots / f"queue-{username}-1280.png"), full_page=True)
    for key, count in counts.items():
        page.click(f"#tab-{key}")
        page.wait_for_selector(f"#tab-{key}[aria-current=page]")
        assert len(rows(page)) == count, key
    if username == "fiona":
        # The header said "Awaiting approval (0)" while the list showed her own claim.
        page.click("#tab-approval")
        page.wait_for_selector("#tab-approval[aria-current=page]")
        assert "Fiona's verdict waits." in rows(page)
    phone = new_page(chromium, PHONE)
    log_in(phone, base, username)
    phone.screenshot(path=str(screenshots / f"queue-{username}-390.png"), full_page=True)


def test_a_bulk_start_review_reports_the_claim_someone_else_took(
    live_server, chromium, desk, screenshots
):
    page, base = new_page(chromium), live_server.url
    log_in(page, base, "fiona")
    page.click("#tab-all")
    chosen = [desk["free"], desk["free2"], desk["erins"]]
    for claim in chosen:
        page.check(f"input.action-select[value='{claim.pk}']")
    page.select_option("select[name=action]", "start_review_selected")
    assert not page.is_visible("input[name=reason]")
    page.click("button[name=index]")
    message = page.wait_for_selector(".messagelist li").inner_text()
    assert message == (
        f"Start review: 2 done, 1 refused: “Erin's claim about magnets.” "
        f"(claim {desk['erins'].pk}): already taken by Erin Desk."
    )
    page.screenshot(path=str(screenshots / "bulk-refusal-1280.png"), full_page=True)
    states = dict(
        Claim.objects.filter(pk__in=[c.pk for c in chosen]).values_list("pk", "assignee__username")
    )
    assert states == {desk["free"].pk: "fiona", desk["free2"].pk: "fiona", desk["erins"].pk: "erin"}

    # Dismissing asks for its reason, and refuses to go on without one.
    page.check(f"input.action-select[value='{desk['fionas'].pk}']")
    page.select_option("select[name=action]", "dismiss_selected")
    assert page.is_visible("input[name=reason]")
    page.click("button[name=index]")
    assert "nothing was dismissed" in page.wait_for_selector(".messagelist li").inner_text()
    assert Claim.objects.get(pk=desk["fionas"].pk).state == S.IN_REVIEW


def test_from_the_queue_to_a_proposed_verdict_by_keyboard(
    live_server, chromium, people, screenshots
):
    source = SourceFactory(title="Minerals yearbook", publisher="Geological Survey")
    article = ArticleFactory(
        title="Rare earths", body="China refines over 99% of heavy rare earths."
    )
    claim = ClaimFactory(
        article=article, text="China refines over 99% of heavy rare earths.", checkworthiness=0.99
    )
    later = ClaimFactory(article=article, text="A later claim.", checkworthiness=0.5)
    good = MatchFactory(
        claim=claim,
        score=90,
        passage=PassageFactory(
            source=source,
            key="p87",
            locator="p. 87",
            text="China refined 99.9% of heavy rare earths.",
        ),
    )
    weak = MatchFactory(claim=claim, score=40, rank=1)
    page, base = new_page(chromium), live_server.url
    log_in(page, base, "fiona")

    # The queue: j focuses the first claim, Enter opens it.
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_selector("#claim-text")
    assert page.url.endswith(f"/admin/claims/claim/{claim.pk}/change/")
    assert page.inner_text("#queue-position") == "claim 1 of 2"
    page.keyboard.press("?")
    assert page.is_visible("#keyboard-help")
    page.screenshot(path=str(screenshots / "keyboard-help-1280.png"))
    page.keyboard.press("Escape")
    assert not page.is_visible("#keyboard-help")

    # t takes the claim; from then on the page is updated in place, never reloaded.
    page.keyboard.press("t")
    page.wait_for_selector("text=You are now reviewing this claim.")
    page.evaluate("window.notReloaded = true")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == f"match-{good.pk}"
    page.keyboard.press("a")
    page.wait_for_selector("text=Evidence accepted.")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == f"match-{weak.pk}"
    page.keyboard.press("r")
    page.wait_for_selector(f"#match-{weak.pk}.rejected")
    assert page.evaluate("window.notReloaded") is True
    assert Match.objects.get(pk=good.pk).decision == Match.Decision.ACCEPTED
    # Evidence is named by its source, publisher and page, never by its key.
    cited = page.inner_text("#evidence-cited")
    assert "Minerals yearbook" in cited and "p87" not in page.inner_text("#content-main")

    # v opens the verdict form; typing in it fires no shortcut (n, p, j, a, r, t, v ...).
    page.keyboard.press("v")
    assert page.evaluate("document.activeElement.id") == "id_rating"
    page.keyboard.type("True")
    page.keyboard.press("Tab")
    summary = "True: the yearbook puts refining at 99.9 per cent, as the article says."
    page.keyboard.type(summary)
    assert page.url.endswith(f"/admin/claims/claim/{claim.pk}/change/")
    page.screenshot(path=str(screenshots / "workbench-keyboard-1280.png"), full_page=True)
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("text=Verdict proposed")
    claim.refresh_from_db()
    assert claim.state == S.AWAITING_APPROVAL
    assert claim.verdicts.get().summary == summary

    # n goes on to the next claim of the queue.
    page.keyboard.press("n")
    page.wait_for_url(f"**/admin/claims/claim/{later.pk}/change/")
    phone = new_page(chromium, PHONE)
    log_in(phone, base, "fiona")
    phone.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
    phone.screenshot(path=str(screenshots / "workbench-390.png"), full_page=True)


def test_publishing_offers_the_public_page(live_server, chromium, people, make_claim, screenshots):
    claim = make_claim(
        S.AWAITING_APPROVAL, text="The harbour handled 12 million tonnes.", author=people["fiona"]
    )
    page, base = new_page(chromium), live_server.url
    log_in(page, base, "ed")
    page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
    page.click("#approve")
    page.wait_for_selector("text=Verdict approved.")
    page.click("#publish")
    page.wait_for_selector("#view-on-site")
    assert page.get_attribute("#claim-public-page", "href") == f"/claims/{claim.pk}/"
    page.screenshot(path=str(screenshots / "published-1280.png"), full_page=True)
    page.click("#view-on-site")
    page.wait_for_url(re.compile(rf"/claims/{claim.pk}/"))
    assert "The harbour handled 12 million tonnes." in page.inner_text("body")
