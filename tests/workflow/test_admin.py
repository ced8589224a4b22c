"""The admin workbench calls the services and shows their messages; text is escaped."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import ClaimState, Match, Notification
from tests.factories import ArticleFactory, MatchFactory

pytestmark = pytest.mark.django_db
S = ClaimState
QUEUE = "/admin/claims/claim/"


def page(claim):
    return f"/admin/claims/claim/{claim.pk}/change/"


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_queue_lists_claims_for_a_fact_checker(client, fact_checker, make_claim):
    make_claim(S.EXTRACTED, text="The bridge is 1,200 metres long.")
    client.force_login(fact_checker)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert "The bridge is 1,200 metres long." in response.content.decode()


@pytest.mark.parametrize(
    "query,shown",
    [("queue=mine", "mine"), ("queue=unassigned", "free"), ("conflict=yes", "conflicting")],
)
def test_the_queue_filters(client, fact_checker, make_claim, query, shown):
    make_claim(S.IN_REVIEW, assignee=fact_checker, text="Claim mine.")
    make_claim(S.EXTRACTED, text="Claim free.")
    conflicting = make_claim(S.EXTRACTED, text="Claim conflicting.")
    Match.objects.filter(claim=conflicting).update(numeric=Match.Numeric.CONFLICTS)
    client.force_login(fact_checker)
    html = client.get(f"{QUEUE}?{query}").content.decode()
    assert f"Claim {shown}." in html
    # The conflicting claim is unassigned too, so the unassigned queue leaves out only "mine".
    hidden = {"mine"} if query == "queue=unassigned" else {"mine", "free", "conflicting"} - {shown}
    assert all(f"Claim {o}." not in html for o in hidden)


def test_the_claim_page_escapes_article_and_passage_text(client, fact_checker, make_claim):
    article = ArticleFactory(body="Intro <script>alert(1)</script> the harbour grew.")
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker, article=article, start=6, end=31)
    MatchFactory(claim=claim, passage__text="<img src=x onerror=alert(2)>")
    client.force_login(fact_checker)
    html = client.get(page(claim)).content.decode()
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html


def test_accepting_evidence_from_the_claim_page(client, fact_checker, make_claim):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    match = MatchFactory(claim=claim)
    client.force_login(fact_checker)
    response = client.post(
        page(claim), {"action": "accept", "match": match.pk, "version": claim.version}
    )
    match.refresh_from_db()
    assert match.decision == Match.Decision.ACCEPTED
    assert messages_of(response) == ["Evidence accepted."]


def test_a_refused_action_shows_a_message_not_an_error_page(client, fact_checker, make_claim):
    claim = make_claim(S.AWAITING_APPROVAL)
    client.force_login(fact_checker)
    response = client.post(page(claim), {"action": "approve_verdict", "version": claim.version})
    assert response.status_code == 302
    assert messages_of(response) == ["Only an editor can “approve”."]


def test_a_stale_page_gets_a_clear_message(client, editor, second_editor, make_claim):
    claim = make_claim(S.AWAITING_APPROVAL)
    seen = claim.version
    client.force_login(second_editor)
    client.post(page(claim), {"action": "approve_verdict", "version": seen})
    client.force_login(editor)
    response = client.post(page(claim), {"action": "approve_verdict", "version": seen})
    assert "approved the verdict" in messages_of(response)[-1]
    assert "Nothing of yours was saved" in messages_of(response)[-1]


def test_a_verdict_missing_its_summary_keeps_the_draft(client, fact_checker, make_claim):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    client.force_login(fact_checker)
    response = client.post(
        page(claim),
        {"action": "propose_verdict", "version": claim.version, "rating": "false", "summary": ""},
    )
    assert "Summary: This field is required." in messages_of(response)
    claim.refresh_from_db()
    assert claim.state == S.IN_REVIEW


def test_the_editor_sees_the_diff_since_changes_were_requested(
    client, fact_checker, editor, make_claim
):
    from desk import workflow

    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    workflow.propose_verdict(claim=claim, author=fact_checker, rating="false", summary="Was <9>.")
    workflow.request_changes(claim=claim, editor=editor, comment="Unit?")
    workflow.propose_verdict(claim=claim, author=fact_checker, rating="false", summary="Was <10>.")
    client.force_login(editor)
    html = client.get(page(claim)).content.decode()
    assert '<del class="diff">&lt;9&gt;.</del>' in html
    assert '<ins class="diff">&lt;10&gt;.</ins>' in html


def test_the_header_counts_unread_notifications(client, fact_checker, make_claim):
    Notification.objects.create(recipient=fact_checker, kind="changes_requested", message="Fix")
    client.force_login(fact_checker)
    html = client.get(QUEUE).content.decode()
    assert '<span class="wf-count" id="wf-unread">1</span>' in html


def test_notifications_list_only_the_users_own(client, fact_checker, editor):
    Notification.objects.create(recipient=fact_checker, kind="approved", message="For Fiona")
    Notification.objects.create(recipient=editor, kind="approved", message="For Ed")
    client.force_login(fact_checker)
    html = client.get("/admin/claims/notification/").content.decode()
    assert "For Fiona" in html and "For Ed" not in html


def test_the_dashboard_draws_charts_with_their_numbers(client, editor, make_claim):
    make_claim(S.PUBLISHED)
    make_claim(S.IN_REVIEW)
    client.force_login(editor)
    response = client.get("/admin/claims/claim/dashboard/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<svg role="img"') == 4
    assert "Claims by state" in html and "Load per fact-checker" in html


def test_the_dashboard_is_for_editors(client, fact_checker):
    client.force_login(fact_checker)
    assert client.get("/admin/claims/claim/dashboard/").status_code == 403


def test_the_claim_page_shows_the_conflicting_quantities(client, fact_checker, make_claim):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    pair = {"claim": {"text": "12 Mt"}, "passage": {"text": "9.1 Mt"}, "relation": "conflicts"}
    MatchFactory(
        claim=claim, numeric=Match.Numeric.CONFLICTS, numeric_detail={"numeric": {"pairs": [pair]}}
    )
    client.force_login(fact_checker)
    html = client.get(page(claim)).content.decode()
    assert '<span class="qty">12 Mt</span> vs passage <span class="qty">9.1 Mt</span>' in html


def test_the_claim_page_explains_a_numeric_answer_with_converted_values(
    client, fact_checker, make_claim
):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    pair = {
        "claim": {"text": "$6.4bn", "converted": 6.4e9, "converted_unit": "USD"},
        "passage": {"text": "$640m", "converted": 6.4e8, "converted_unit": "USD"},
        "relation": "conflicts",
    }
    detail = {"numeric": {"pairs": [pair], "reason": "same measure; $6.4bn vs $640m"}}
    MatchFactory(claim=claim, numeric=Match.Numeric.CONFLICTS, numeric_detail=detail)
    client.force_login(fact_checker)
    html = client.get(page(claim)).content.decode()
    assert "= 6.4bn USD" in html and "= 640m USD" in html
    assert "Why: same measure; $6.4bn vs $640m" in html


def test_awaiting_approval_leaves_out_the_editors_own_verdicts(editor, make_claim):
    from claims import selectors

    mine = make_claim(S.AWAITING_APPROVAL, author=editor)
    theirs = make_claim(S.AWAITING_APPROVAL)
    assert list(selectors.awaiting_approval(user=editor)) == [theirs]
    assert mine not in selectors.awaiting_approval(user=editor)


def test_the_field_history_page_opens(client, fact_checker, make_claim):
    from desk import workflow

    claim = make_claim(S.EXTRACTED)
    workflow.start_review(claim=claim, user=fact_checker)
    client.force_login(fact_checker)
    response = client.get(f"/admin/claims/claim/{claim.pk}/history/")
    assert response.status_code == 200
    assert "Start review" in response.content.decode()


def test_an_editor_reassigns_a_claim_in_review(client, editor, fact_checker, make_claim):
    claim = make_claim(S.IN_REVIEW, assignee=editor)
    client.force_login(editor)
    response = client.post(
        page(claim), {"action": "assign", "assignee": fact_checker.pk, "version": claim.version}
    )
    claim.refresh_from_db()
    assert claim.assignee == fact_checker
    assert messages_of(response) == ["Claim reassigned."]


def test_a_fact_checker_cannot_reassign(client, fact_checker, editor, make_claim):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    client.force_login(fact_checker)
    response = client.post(
        page(claim), {"action": "assign", "assignee": editor.pk, "version": claim.version}
    )
    assert messages_of(response) == ["Only an editor can assign claims."]


def test_the_claim_page_does_not_query_per_cited_passage(client, editor, make_claim):
    claim = make_claim(S.AWAITING_APPROVAL)
    client.force_login(editor)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(page(claim)).status_code == 200
        return len(ctx.captured_queries)

    one = queries()
    verdict = claim.verdicts.get()
    verdict.evidence.add(
        *[MatchFactory(claim=claim, decision=Match.Decision.ACCEPTED) for _ in range(4)]
    )
    assert queries() == one


def test_the_claim_page_offers_the_articles_claims_under_the_threshold(
    client, fact_checker, make_claim
):
    claim = make_claim(S.EXTRACTED, text="The ferry carried 2 million people in 2023.")
    unsure = make_claim(
        S.EXTRACTED, article=claim.article, text="The port opened a cafe.", checkworthiness=0.3
    )
    make_claim(S.EXTRACTED, text="Another article's unsure claim.", checkworthiness=0.3)
    client.force_login(fact_checker)
    html = client.get(page(claim)).content.decode()
    assert 'id="more-claims"' in html
    assert unsure.text in html
    assert "Another article's unsure claim." not in html


def test_a_claim_under_the_threshold_is_promoted_into_review_in_one_click(
    client, fact_checker, make_claim
):
    claim = make_claim(S.EXTRACTED)
    unsure = make_claim(S.EXTRACTED, article=claim.article, checkworthiness=0.3)
    client.force_login(fact_checker)
    response = client.post(page(unsure), {"action": "start_review", "version": unsure.version})
    unsure.refresh_from_db()
    assert unsure.state == S.IN_REVIEW and unsure.assignee == fact_checker
    assert messages_of(response) == ["You are now reviewing this claim."]
    html = client.get(page(claim)).content.decode()
    assert 'id="more-claims"' not in html
