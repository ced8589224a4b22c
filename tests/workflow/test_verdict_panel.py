"""The verdict panel tells what matters before acting: numeric conflicts nobody reviewed,
a correction's starting point, four eyes that cannot be met, and nothing stale."""

import pytest
from django.contrib.messages import get_messages

from claims.models import ClaimState, Match, Rating
from desk import action_warnings as desk_warnings
from desk import review, workflow
from tests.factories import MatchFactory, UserFactory

pytestmark = pytest.mark.django_db
S = ClaimState

CONFLICT_DETAIL = {
    "numeric": {
        "pairs": [
            {
                "claim": {"text": "12 million tonnes"},
                "passage": {"text": "9.1 million tonnes"},
                "relation": "conflicts",
            },
            {
                "claim": {"text": "2022"},
                "passage": {"text": "2022"},
                "relation": "agrees",
            },
        ]
    }
}


def page(claim):
    return f"/admin/claims/claim/{claim.pk}/change/"


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def conflicted(make_claim, fact_checker):
    """A claim in review with its evidence accepted and one conflicting match unreviewed."""
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    conflict = MatchFactory(
        claim=claim,
        score=64.0,
        numeric=Match.Numeric.CONFLICTS,
        numeric_detail=CONFLICT_DETAIL,
        passage__text="Cargo volumes fell to 9.1 million tonnes in 2022.",
        passage__source__title="Port statistics 2022",
    )
    return claim, conflict


# --- Unreviewed numeric conflicts ----------------------------------------------------------


def test_unreviewed_conflicts_list_the_conflicting_figures_only(conflicted):
    claim, conflict = conflicted
    [warning] = desk_warnings.unreviewed_conflicts(claim)
    assert warning.match_id == conflict.pk
    assert warning.source_title == "Port statistics 2022"
    assert [(f.claim, f.passage) for f in warning.figures] == [
        ("12 million tonnes", "9.1 million tonnes")
    ]
    assert "claim 12 million tonnes vs passage 9.1 million tonnes" in warning.message


@pytest.mark.parametrize("decide", [review.accept_evidence, review.reject_evidence])
def test_a_reviewed_conflict_is_no_longer_a_warning(conflicted, fact_checker, decide):
    claim, conflict = conflicted
    decide(match=conflict, user=fact_checker)
    assert desk_warnings.unreviewed_conflicts(claim) == []


def test_proposing_past_an_unreviewed_conflict_is_allowed(conflicted, fact_checker):
    claim, _ = conflicted
    workflow.propose_verdict(claim=claim, author=fact_checker, rating=Rating.TRUE, summary="Ok.")
    claim.refresh_from_db()
    assert claim.state == S.AWAITING_APPROVAL


def test_the_api_returns_the_warnings_with_propose_and_approve(
    conflicted, fact_checker, editor, client
):
    from rest_framework.test import APIClient

    claim, conflict = conflicted
    checker, desk = APIClient(), APIClient()
    checker.force_authenticate(fact_checker)
    desk.force_authenticate(editor)
    proposed = checker.post(
        f"/api/claims/{claim.pk}/propose-verdict/",
        {"rating": "true", "summary": "The port's figure."},
        format="json",
    )
    assert proposed.status_code == 200, proposed.json()
    assert proposed.json()["state"] == S.AWAITING_APPROVAL
    [warning] = proposed.json()["warnings"]
    assert warning["kind"] == "unreviewed_numeric_conflict"
    assert warning["match"] == conflict.pk
    assert warning["figures"] == [{"claim": "12 million tonnes", "passage": "9.1 million tonnes"}]

    approved = desk.post(f"/api/claims/{claim.pk}/approve/", {}, format="json")
    assert approved.status_code == 200
    assert approved.json()["state"] == S.APPROVED
    assert [w["match"] for w in approved.json()["warnings"]] == [conflict.pk]


def test_the_api_warns_of_nothing_when_every_conflict_was_reviewed(
    conflicted, fact_checker, editor
):
    from rest_framework.test import APIClient

    claim, conflict = conflicted
    review.reject_evidence(match=conflict, user=fact_checker)
    api = APIClient()
    api.force_authenticate(fact_checker)
    proposed = api.post(
        f"/api/claims/{claim.pk}/propose-verdict/",
        {"rating": "true", "summary": "The port's figure."},
        format="json",
    )
    assert proposed.status_code == 200
    assert proposed.json()["warnings"] == []


def test_the_workbench_warns_before_proposing_and_after(conflicted, fact_checker, client):
    claim, conflict = conflicted
    client.force_login(fact_checker)
    html = client.get(page(claim)).content.decode()
    assert 'id="conflict-warning"' in html
    assert f'id="conflict-{conflict.pk}"' in html
    assert "9.1 million tonnes" in html

    response = client.post(
        page(claim),
        {
            "action": "propose_verdict",
            "version": claim.version,
            "rating": "true",
            "summary": "Right.",
        },
    )
    notes = messages_of(response)
    assert "Verdict proposed; the editors have been notified." in notes
    assert any("claim 12 million tonnes vs passage 9.1 million tonnes" in n for n in notes)


def test_the_editor_sees_the_warning_at_the_approve_button(
    conflicted, fact_checker, editor, client
):
    claim, _ = conflicted
    workflow.propose_verdict(claim=claim, author=fact_checker, rating=Rating.TRUE, summary="Ok.")
    client.force_login(editor)
    html = client.get(page(claim)).content.decode()
    assert 'id="conflict-warning"' in html and 'id="approve"' in html
    assert "You can approve anyway" in html


# --- Corrections start from the published verdict -----------------------------------------


@pytest.fixture
def published(make_claim, fact_checker, editor):
    claim = make_claim(S.PUBLISHED, author=fact_checker, approver=editor)
    return claim


def test_a_correction_starts_from_the_published_verdict(published, fact_checker):
    verdict = published.published_verdict
    workflow.correct_verdict(claim=published, user=fact_checker, note="The year was wrong.")
    start = workflow.correction_start(published)
    assert start["rating"] == verdict.rating
    assert start["summary"] == verdict.summary
    assert start["correction_note"] == "The year was wrong."
    assert start["evidence"] == sorted(verdict.evidence.values_list("pk", flat=True))
    assert start["evidence"]


def test_no_correction_start_outside_a_correction(published, make_claim, fact_checker):
    assert workflow.correction_start(published) is None
    assert workflow.correction_start(make_claim(S.IN_REVIEW, assignee=fact_checker)) is None


def test_the_correction_form_is_filled_in_and_proposes_the_same_evidence(
    published, fact_checker, client
):
    verdict = published.published_verdict
    workflow.correct_verdict(claim=published, user=fact_checker, note="The year was wrong.")
    client.force_login(fact_checker)
    html = client.get(page(published)).content.decode()
    assert 'id="correction-start"' in html
    assert f'<option value="{verdict.rating}" selected>' in html
    assert verdict.summary in html
    assert "The year was wrong." in html
    published.refresh_from_db()
    response = client.post(
        page(published),
        {
            "action": "propose_verdict",
            "version": published.version,
            "rating": verdict.rating,
            "summary": verdict.summary + " Corrected.",
            "correction_note": "The year was wrong.",
        },
    )
    assert "Verdict proposed; the editors have been notified." in messages_of(response)
    correction = workflow.open_verdict(published)
    assert correction.corrects == verdict
    assert set(correction.evidence.all()) == set(verdict.evidence.all())


# --- Four eyes that nobody available can meet ---------------------------------------------


def test_the_only_editor_writing_a_correction_is_told_nobody_could_approve_it(published, editor):
    workflow.correct_verdict(claim=published, user=editor, note="Typo.")
    problem = workflow.four_eyes_problem(claim=published, user=editor)
    assert "Once you propose this verdict, nobody will be able to approve it" in problem
    assert "Ask another editor" in problem and "approve permission" in problem


def test_once_proposed_the_desk_says_nobody_can_approve(published, editor, client):
    workflow.correct_verdict(claim=published, user=editor, note="Typo.")
    workflow.propose_verdict(
        claim=published, author=editor, rating=Rating.FALSE, summary="Corrected."
    )
    assert "Nobody can approve this verdict now" in workflow.four_eyes_problem(
        claim=published, user=editor
    )
    client.force_login(editor)
    html = client.get(page(published)).content.decode()
    assert 'id="four-eyes-warning"' in html
    assert 'id="approve"' not in html


def test_another_editor_or_a_superuser_makes_four_eyes_possible(published, editor):
    workflow.correct_verdict(claim=published, user=editor, note="Typo.")
    assert workflow.four_eyes_problem(claim=published, user=editor)
    UserFactory(username="root", is_superuser=True)
    assert workflow.four_eyes_problem(claim=published, user=editor) == ""


def test_an_inactive_editor_does_not_count(published, editor, second_editor):
    workflow.correct_verdict(claim=published, user=editor, note="Typo.")
    assert workflow.four_eyes_problem(claim=published, user=editor) == ""
    second_editor.is_active = False
    second_editor.save()
    assert workflow.four_eyes_problem(claim=published, user=editor)


def test_a_fact_checkers_correction_raises_no_four_eyes_notice(published, fact_checker):
    workflow.correct_verdict(claim=published, user=fact_checker, note="Typo.")
    assert workflow.four_eyes_problem(claim=published, user=fact_checker) == ""


# --- Nothing stale after publication -------------------------------------------------------


def test_no_changes_requested_panel_once_the_verdict_is_published(
    make_claim, fact_checker, editor, client
):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    review.accept_evidence(match=claim.matches.get(), user=fact_checker)
    workflow.propose_verdict(claim=claim, author=fact_checker, rating=Rating.TRUE, summary="A.")
    workflow.request_changes(claim=claim, editor=editor, comment="Say where the figure is.")
    client.force_login(fact_checker)
    assert 'id="changes-requested"' in client.get(page(claim)).content.decode()

    workflow.propose_verdict(
        claim=claim, author=fact_checker, rating=Rating.TRUE, summary="A, table 3."
    )
    workflow.approve_verdict(claim=claim, editor=editor)
    workflow.publish(claim=claim, editor=editor)
    assert workflow.changes_since_last_request(claim) == (None, [])
    html = client.get(page(claim)).content.decode()
    assert 'id="changes-requested"' not in html
    assert "<del" not in html
    # The verdict panel shows the verdict as published, not an empty or stale one.
    panel = html[html.index('id="verdict-panel"') :]
    assert 'id="published-verdict"' in panel and "A, table 3." in panel


def test_a_new_correction_does_not_show_the_old_request(make_claim, fact_checker, editor):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    review.accept_evidence(match=claim.matches.get(), user=fact_checker)
    workflow.propose_verdict(claim=claim, author=fact_checker, rating=Rating.TRUE, summary="A.")
    workflow.request_changes(claim=claim, editor=editor, comment="More.")
    workflow.propose_verdict(claim=claim, author=fact_checker, rating=Rating.TRUE, summary="B.")
    workflow.approve_verdict(claim=claim, editor=editor)
    workflow.publish(claim=claim, editor=editor)
    workflow.correct_verdict(claim=claim, user=fact_checker, note="Typo.")
    workflow.propose_verdict(claim=claim, author=fact_checker, rating=Rating.TRUE, summary="C.")
    assert workflow.changes_since_last_request(claim) == (None, [])


def test_the_workbench_heading_is_the_whole_claim(make_claim, fact_checker, client):
    text = (
        "The harbour handled 12 million tonnes of cargo in 2022, more than any other port "
        "on the coast and twice as much as ten years before, according to the authority."
    )
    claim = make_claim(S.EXTRACTED, text=text)
    client.force_login(fact_checker)
    html = client.get(page(claim)).content.decode()
    assert f'<h2 class="wb-claim" id="claim-text">{text}</h2>' in html
    # The browser tab gets a shortened title, cut between words with an ellipsis.
    assert "<title>The harbour handled 12 million tonnes of cargo in 2022,…" in html


def test_the_api_starts_a_correction_from_the_published_verdict_and_warns_of_four_eyes(
    published, editor
):
    from rest_framework.test import APIClient

    verdict = published.published_verdict
    api = APIClient()
    api.force_authenticate(editor)
    started = api.post(f"/api/claims/{published.pk}/correct/", {"note": "Typo."}, format="json")
    assert started.status_code == 200, started.json()
    start = started.json()["correction_start"]
    assert (start["rating"], start["summary"]) == (verdict.rating, verdict.summary)
    assert start["evidence"] == list(verdict.evidence.values_list("pk", flat=True))
    assert start["correction_note"] == "Typo."

    proposed = api.post(
        f"/api/claims/{published.pk}/propose-verdict/",
        {"rating": start["rating"], "summary": start["summary"] + " Corrected."},
        format="json",
    )
    assert proposed.status_code == 200, proposed.json()
    [warning] = proposed.json()["warnings"]
    assert warning["kind"] == "four_eyes_unmet"
    assert "Nobody can approve this verdict now" in warning["message"]
