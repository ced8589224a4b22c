"""The verdict panel in a real browser: the warning about conflicting numbers nobody
reviewed, and a correction that starts from the published verdict."""

from django.utils import timezone

from claims.models import Claim, ClaimState, Match, Verdict
from tests.browser import admin_log_in
from tests.conftest import needs_chromium
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EditorFactory,
    FactCheckerFactory,
    MatchFactory,
    VerdictFactory,
    publish_as_stored,
)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = needs_chromium


def log_in(page, base, username):
    admin_log_in(page, base, username)


def harbour_claim(**kwargs):
    body = (
        "The port authority had a record year. The harbour handled 12 million tonnes of "
        "cargo in 2022, its busiest year, more than any other port on the coast and twice "
        "as much as ten years before. Officials expect growth to continue."
    )
    article = ArticleFactory(title="Harbour has record year", outlet="Coast Daily", body=body)
    sentence = body.split(". ")[1] + "."
    start = body.index(sentence)
    return ClaimFactory(
        article=article,
        text=(
            "The harbour handled 12 million tonnes of cargo in 2022, more than any other "
            "port on the coast and twice as much as ten years before."
        ),
        sentence=sentence,
        sentence_start=start,
        sentence_end=start + len(sentence),
        start=start,
        end=start + len(sentence),
        quantities=[{"text": "12 million tonnes", "value": 12e6, "unit": "t"}],
        **kwargs,
    )


def test_proposing_past_a_conflict_shows_the_figures_first(live_server, chromium, screenshots):
    fiona = FactCheckerFactory(username="fiona", first_name="Fiona", last_name="Checker")
    claim = harbour_claim(state=ClaimState.IN_REVIEW, assignee=fiona)
    MatchFactory(
        claim=claim,
        score=91.0,
        numeric=Match.Numeric.AGREES,
        decision=Match.Decision.ACCEPTED,
        passage__text="In 2022 the harbour handled 12.0 million tonnes of cargo (table 3).",
        passage__source__title="Port statistics 2022",
    )
    conflict = MatchFactory(
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
        passage__text="Cargo volumes fell to 9.1 million tonnes in 2022, the harbour said.",
        passage__source__title="Harbour press release",
    )
    base = live_server.url
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = chromium.new_context(viewport=viewport).new_page()
        log_in(page, base, "fiona")
        page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
        warning = page.locator("#conflict-warning")
        warning.wait_for()
        assert "1 match with conflicting numbers not yet reviewed" in warning.inner_text()
        item = page.locator(f"#conflict-{conflict.pk}").inner_text()
        assert "Harbour press release" in item
        assert "12 million tonnes" in item and "9.1 million tonnes" in item
        # The heading is the whole claim, wrapped within the page, never cut.
        heading = page.locator("#claim-text")
        assert heading.inner_text() == claim.text
        box = heading.bounding_box()
        assert box["x"] + box["width"] <= viewport["width"]
        warning.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / f"conflict-warning-{name}.png"), full_page=True)
        page.context.close()

    page = chromium.new_context(viewport=DESKTOP).new_page()
    log_in(page, base, "fiona")
    page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
    page.select_option("#id_rating", "true")
    page.fill("#id_summary", "The port's statistics give 12.0 million tonnes for 2022.")
    page.click("#propose")
    page.wait_for_selector("text=Verdict proposed")
    # Not a block: proposed, and told again what was left unreviewed.
    page.wait_for_selector("li.warning >> text=claim 12 million tonnes vs passage 9.1 million")
    page.screenshot(path=str(screenshots / "conflict-warning-after.png"), full_page=True)
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.AWAITING_APPROVAL


def test_a_correction_starts_filled_in_from_the_published_verdict(
    live_server, chromium, screenshots
):
    fiona = FactCheckerFactory(username="fiona", first_name="Fiona", last_name="Checker")
    ed = EditorFactory(username="ed", first_name="Ed", last_name="Itor")
    claim = harbour_claim(state=ClaimState.PUBLISHED)
    evidence = MatchFactory(
        claim=claim,
        score=91.0,
        numeric=Match.Numeric.AGREES,
        decision=Match.Decision.ACCEPTED,
        passage__text="In 2022 the harbour handled 12.0 million tonnes of cargo (table 3).",
        passage__source__title="Port statistics 2022",
        passage__locator="table 3",
    )
    now = timezone.now()
    published = VerdictFactory(
        claim=claim,
        rating="mostly_true",
        summary="About right: the port's statistics give 12.0 million tonnes for 2022.",
        explanation="Table 3 of the port statistics.",
        author=fiona,
        proposed_at=now,
        approver=ed,
        approved_at=now,
    )
    published = publish_as_stored(published, publisher=ed, evidence=[evidence], at=now)
    base = live_server.url
    page = chromium.new_context(viewport=DESKTOP).new_page()
    log_in(page, base, "fiona")
    page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
    # Published: nothing stale, no request-for-changes panel, nothing struck through.
    assert page.locator("#changes-requested, del").count() == 0
    assert published.summary in page.inner_text("#published-verdict")
    page.screenshot(path=str(screenshots / "published-desktop.png"), full_page=True)
    page.click("text=Correct the published verdict")
    page.fill("input[name=note]", "The comparison with ten years before was not checked.")
    page.click("text=Start correction")
    page.wait_for_selector("text=Correction started")
    page.wait_for_selector("#correction-start")
    assert page.input_value("#id_rating") == "mostly_true"
    assert page.input_value("#id_summary") == published.summary
    assert page.input_value("#id_explanation") == published.explanation
    assert page.input_value("#id_correction_note") == (
        "The comparison with ten years before was not checked."
    )
    assert "Port statistics 2022 · table 3" in page.inner_text("#evidence-cited")
    page.screenshot(path=str(screenshots / "correction-prefilled-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(screenshots / "correction-prefilled-phone.png"), full_page=True)

    page.select_option("#id_rating", "half_true")
    page.click("#propose")
    page.wait_for_selector("text=Verdict proposed")
    correction = Verdict.objects.get(claim=claim, published_at__isnull=True)
    assert correction.corrects == published
    assert correction.rating == "half_true"
    assert correction.summary == published.summary
    assert list(correction.evidence.all()) == [evidence]
