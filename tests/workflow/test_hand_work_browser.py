"""The fact-checker's hand-work in a real browser: submit an article in the admin, add a
claim from a selection, split a claim, cite an outside source; the editor publishes."""

import pytest

from claims.models import Article, Claim, ClaimState, Match
from sources.models import Source
from tests.browser import admin_log_in
from tests.conftest import needs_chromium
from tests.factories import EditorFactory, FactCheckerFactory, PassageFactory

BODY = (
    "Harbour has record year\n\n"
    "The port authority published its annual figures on Monday. The harbour handled "
    "12 million tonnes of cargo in 2022 and opened a second container terminal in June. "
    "The mayor said a new rail link to the quay would cut lorry traffic by a third."
)
FRAGMENT = "a new rail link to the quay would cut lorry traffic by a third"
OUTSIDE_URL = "https://transport.example/rail-link-appraisal"

pytestmark = needs_chromium


@pytest.fixture
def browser_page(chromium):
    return chromium.new_context(viewport={"width": 1400, "height": 1000}).new_page()


def log_in(page, base, username):
    admin_log_in(page, base, username)


def select_text(page, fragment):
    """Select `fragment` in the article reader the way a mouse would."""
    page.evaluate(
        """(fragment) => {
            for (const line of document.querySelectorAll('#article-text span[data-offset]')) {
                const node = line.firstChild;
                const at = node ? node.textContent.indexOf(fragment) : -1;
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + fragment.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return;
            }
            throw new Error('fragment not in the article');
        }""",
        fragment,
    )


def test_a_fact_checker_works_an_article_by_hand_to_publication(
    live_server, browser_page, screenshots
):
    FactCheckerFactory(username="fiona", first_name="Fiona", last_name="Checker")
    EditorFactory(username="ed", first_name="Ed", last_name="Itor")
    PassageFactory(
        text="The harbour handled 12 million tonnes of cargo in 2022, port statistics show.",
        source__title="Port statistics 2022",
    )
    page, base = browser_page, live_server.url

    # Submit the article in the admin; processing runs and the claims appear.
    log_in(page, base, "fiona")
    page.goto(f"{base}/admin/claims/article/add/")
    page.fill("#id_title", "Harbour has record year")
    page.fill("#id_body", BODY)
    page.fill("#id_outlet", "Coast Daily")
    page.screenshot(path=str(screenshots / "article-submit.png"), full_page=True)
    page.click("#submit-article")
    page.wait_for_selector("#article-status:has-text('Done')")
    article = Article.objects.get(title="Harbour has record year")
    assert article.submitted_by.username == "fiona"
    extracted = list(article.claims.order_by("position"))
    assert extracted
    page.screenshot(path=str(screenshots / "article-processed.png"), full_page=True)

    # Select a fragment in the article: a new claim, span exact, taken for review.
    page.click("#read-article")
    page.wait_for_url("**/read/")
    page.wait_for_load_state("load")
    select_text(page, FRAGMENT)
    page.wait_for_selector("#add-claim:not([disabled])")
    assert page.input_value("#id_claim_text") == FRAGMENT
    page.fill("#id_claim_text", "A new rail link to the quay would cut lorry traffic by a third.")
    page.screenshot(path=str(screenshots / "article-reader.png"), full_page=True)
    page.click("#add-claim")
    page.wait_for_selector("text=Claim added")
    made = Claim.objects.get(added_by__username="fiona", split_from__isnull=True)
    assert BODY[made.start : made.end] == FRAGMENT
    assert made.state == ClaimState.IN_REVIEW

    # Split an extracted claim in two.
    to_split = next(c for c in extracted if "terminal" in c.text)
    page.goto(f"{base}/admin/claims/claim/{to_split.pk}/change/")
    page.click("#split-panel summary")
    page.fill(
        "#id_split_texts",
        "The harbour opened a second container terminal.\nThe terminal opened in June.",
    )
    page.click("#split")
    page.wait_for_selector("text=Claim split into 2 claims.")
    to_split.refresh_from_db()
    assert to_split.state == ClaimState.SPLIT
    assert [p.text for p in to_split.split_parts.order_by("position")] == [
        "The harbour opened a second container terminal.",
        "The terminal opened in June.",
    ]
    page.screenshot(path=str(screenshots / "claim-split.png"), full_page=True)

    # Cite an outside source on the hand-made claim and propose a verdict.
    page.goto(f"{base}/admin/claims/claim/{made.pk}/change/")
    page.fill("#id_cite_url", OUTSIDE_URL)
    page.fill("#id_cite_title", "Rail link appraisal")
    page.fill("#id_cite_publisher", "Regional Transport Board")
    page.fill("#id_cite_locator", "Table 5")
    page.fill(
        "#id_cite_quote",
        "The appraisal expects the rail link to cut lorry traffic to the quay by a third.",
    )
    page.click("#cite")
    page.wait_for_selector("text=Outside source added to the library")
    source = Source.objects.get(url=OUTSIDE_URL)
    assert Match.objects.get(claim=made, passage__source=source).decision == "accepted"
    page.select_option("#id_rating", "true")
    page.fill("#id_summary", "Correct: the board's appraisal expects a cut of a third.")
    page.screenshot(path=str(screenshots / "claim-outside-source.png"), full_page=True)
    page.click("#propose")
    page.wait_for_selector("text=Verdict proposed")

    # The editor approves and publishes.
    log_in(page, base, "ed")
    page.goto(f"{base}/admin/claims/claim/{made.pk}/change/")
    page.click("#approve")
    page.wait_for_selector("text=Verdict approved.")
    page.goto(f"{base}/admin/claims/claim/{made.pk}/change/")
    page.click("#publish")
    page.wait_for_selector("text=Verdict published.")

    # The public page shows the hand-made claim with its outside source.
    page.context.clear_cookies()
    page.goto(f"{base}/claims/{made.pk}/")
    page.wait_for_selector("text=A new rail link to the quay would cut lorry traffic")
    link = page.locator(f"a[href='{OUTSIDE_URL}']")
    assert link.inner_text() == "Rail link appraisal"
    page.screenshot(path=str(screenshots / "public-claim.png"), full_page=True)
