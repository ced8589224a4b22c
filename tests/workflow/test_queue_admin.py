"""The review queue: open work by default, tabs whose counts match their lists for each
role, and bulk actions that run the single-claim workflow action on every chosen claim."""

import re

import pytest
from django.contrib.messages import get_messages

from claims.models import Claim, ClaimState, TransitionLog
from desk import queue

pytestmark = pytest.mark.django_db
S = ClaimState
QUEUE = "/admin/claims/claim/"


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def listed(response) -> set[int]:
    return {claim.pk for claim in response.context["cl"].result_list}


def header_counts(html: str) -> dict[str, int]:
    return {
        key: int(count)
        for key, count in re.findall(
            r'id="tab-(\w+)"[^>]*>[^<]*<span class="count" data-count="(\d+)"', html
        )
    }


@pytest.fixture
def desk(make_claim, fact_checker, editor, second_editor):
    """One claim in each state, some of them the fact-checker's or the editor's own."""
    return {
        "free": make_claim(S.EXTRACTED, text="Free claim."),
        "fionas": make_claim(S.IN_REVIEW, assignee=fact_checker, text="Fiona's claim."),
        "erins": make_claim(S.IN_REVIEW, assignee=second_editor, text="Erin's claim."),
        "fiona_proposed": make_claim(
            S.AWAITING_APPROVAL, assignee=fact_checker, author=fact_checker, text="Fiona waits."
        ),
        "ed_proposed": make_claim(
            S.AWAITING_APPROVAL, assignee=editor, author=editor, text="Ed's own verdict."
        ),
        "approved": make_claim(
            S.APPROVED, assignee=fact_checker, author=fact_checker, text="Ready claim."
        ),
        "ed_approved": make_claim(
            S.APPROVED, assignee=editor, author=editor, approver=second_editor, text="Ed wrote it."
        ),
        "published": make_claim(S.PUBLISHED, text="Published claim."),
        "flagged": make_claim(S.PUBLISHED, text="Flagged claim.", needs_rereview=True),
        "dismissed": make_claim(S.DISMISSED, text="Dismissed claim."),
    }


def test_the_queue_shows_open_work_by_default(client, fact_checker, desk):
    client.force_login(fact_checker)
    response = client.get(QUEUE)
    closed = {desk[k].pk for k in ("published", "flagged", "dismissed")}
    assert listed(response) == {c.pk for c in desk.values()} - closed
    assert (
        'id="tab-open" title="Extracted, in review, awaiting approval or approved" aria-current="page"'
        in response.content.decode()
    )


def test_a_state_filter_reaches_closed_claims(client, fact_checker, desk):
    client.force_login(fact_checker)
    response = client.get(f"{QUEUE}?state__exact=published")
    assert listed(response) == {desk["published"].pk, desk["flagged"].pk}


@pytest.mark.parametrize("role", ["fact_checker", "editor"])
def test_every_tab_count_matches_its_list(client, request, desk, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    counts = header_counts(client.get(QUEUE).content.decode())
    assert set(counts) == {tab.key for tab in queue.tabs(user=user)}
    for key, count in counts.items():
        response = client.get(f"{QUEUE}?queue={key}")
        assert response.context["cl"].result_count == count, key
        assert len(listed(response)) == count, key


def test_the_fact_checkers_tabs(client, fact_checker, desk):
    client.force_login(fact_checker)
    expected = {
        "mine": {"fionas", "fiona_proposed", "approved"},
        "unassigned": {"free"},
        # Every verdict waiting for an editor, their own included (the header said 0 here).
        "approval": {"fiona_proposed", "ed_proposed"},
        "ready": {"approved", "ed_approved"},
        "rereview": {"flagged"},
        "closed": {"published", "flagged", "dismissed"},
    }
    for key, names in expected.items():
        response = client.get(f"{QUEUE}?queue={key}")
        assert listed(response) == {desk[n].pk for n in names}, key


def test_the_editors_tabs_leave_out_their_own_verdicts(client, editor, desk):
    client.force_login(editor)
    expected = {
        "mine": {"ed_proposed", "ed_approved"},
        "approval": {"fiona_proposed"},
        "ready": {"approved"},
    }
    for key, names in expected.items():
        response = client.get(f"{QUEUE}?queue={key}")
        assert listed(response) == {desk[n].pk for n in names}, key
    counts = header_counts(client.get(QUEUE).content.decode())
    assert counts["approval"] == 1 and counts["ready"] == 1


def test_an_unknown_tab_shows_open_work(client, fact_checker, desk):
    client.force_login(fact_checker)
    assert listed(client.get(f"{QUEUE}?queue=bogus")) == listed(client.get(QUEUE))


# --- Bulk actions --------------------------------------------------------------------------


def bulk(client, action, claims, **fields):
    # Actions apply to the chosen claims of the list they were chosen in: all claims here.
    return client.post(
        f"{QUEUE}?queue=all",
        {"action": action, "_selected_action": [c.pk for c in claims], "index": 0, **fields},
        follow=True,
    )


def test_bulk_start_review_takes_each_claim_and_reports_the_refused_one(
    client, fact_checker, second_editor, desk, make_claim
):
    others = [make_claim(S.EXTRACTED, text=f"Extra claim {i}.") for i in range(2)]
    taken = desk["erins"]
    before = (taken.version, TransitionLog.objects.filter(claim=taken).count())
    client.force_login(fact_checker)
    response = bulk(client, "start_review_selected", [desk["free"], *others, taken])
    assert messages_of(response) == [
        f"Start review: 3 done, 1 refused: “Erin's claim.” (claim {taken.pk}): "
        "already taken by Erin Desk."
    ]
    for claim in [desk["free"], *others]:
        claim.refresh_from_db()
        assert (claim.state, claim.assignee) == (S.IN_REVIEW, fact_checker)
        assert claim.transitions.get().action == "start_review"
    taken.refresh_from_db()
    assert taken.assignee == second_editor
    assert (taken.version, TransitionLog.objects.filter(claim=taken).count()) == before


def test_bulk_dismiss_needs_a_reason_and_changes_nothing_without_one(client, fact_checker, desk):
    client.force_login(fact_checker)
    response = bulk(client, "dismiss_selected", [desk["free"]], reason="  ")
    assert messages_of(response) == [
        "Give the reason for dismissing the claims; nothing was dismissed."
    ]
    desk["free"].refresh_from_db()
    assert desk["free"].state == S.EXTRACTED


def test_bulk_dismiss_records_the_reason_and_refuses_what_is_not_the_users(
    client, fact_checker, desk
):
    client.force_login(fact_checker)
    chosen = [desk["free"], desk["fionas"], desk["erins"], desk["fiona_proposed"]]
    response = bulk(client, "dismiss_selected", chosen, reason="Opinion, not a fact.")
    (message,) = messages_of(response)
    assert message.startswith("Dismiss: 2 done, 2 refused: ")
    assert message.endswith(
        f"“Erin's claim.” (claim {desk['erins'].pk}): this claim is assigned to Erin Desk; "
        "only the assignee can act on it; "
        f"“Fiona waits.” (claim {desk['fiona_proposed'].pk}): "
        "“Dismiss” is not possible: the claim is awaiting approval."
    )
    states = dict(Claim.objects.filter(pk__in=[c.pk for c in chosen]).values_list("pk", "state"))
    assert states == {
        desk["free"].pk: S.DISMISSED,
        desk["fionas"].pk: S.DISMISSED,
        desk["erins"].pk: S.IN_REVIEW,
        desk["fiona_proposed"].pk: S.AWAITING_APPROVAL,
    }
    assert TransitionLog.objects.get(claim=desk["free"]).comment == "Opinion, not a fact."


def test_an_editor_assigns_claims_in_bulk(client, editor, fact_checker, desk):
    client.force_login(editor)
    chosen = [desk["free"], desk["erins"], desk["published"]]
    response = bulk(client, "assign_selected", chosen, assignee=fact_checker.pk)
    assert messages_of(response) == [
        f"Assign to Fiona Checker: 2 done, 1 refused: “Published claim.” "
        f"(claim {desk['published'].pk}): only claims not yet proposed for approval can be "
        "reassigned."
    ]
    assert set(
        Claim.objects.filter(assignee=fact_checker, pk__in=[c.pk for c in chosen]).values_list(
            "pk", flat=True
        )
    ) == {desk["free"].pk, desk["erins"].pk}


def test_an_editor_assigns_claims_to_themself(client, editor, desk):
    client.force_login(editor)
    response = bulk(client, "assign_to_me_selected", [desk["free"]])
    assert messages_of(response) == ["Assign to me: 1 done."]
    desk["free"].refresh_from_db()
    assert desk["free"].assignee == editor


def test_assigning_without_a_person_assigns_nothing(client, editor, desk):
    client.force_login(editor)
    response = bulk(client, "assign_selected", [desk["free"]], assignee="")
    assert messages_of(response) == ["Choose whom to assign the claims to; nothing was assigned."]
    desk["free"].refresh_from_db()
    assert desk["free"].assignee is None


def test_a_fact_checker_is_offered_no_assign_actions(client, fact_checker, desk):
    client.force_login(fact_checker)
    choices = dict(client.get(QUEUE).context["action_form"].fields["action"].choices)
    assert "start_review_selected" in choices and "dismiss_selected" in choices
    assert "assign_selected" not in choices and "assign_to_me_selected" not in choices
    response = bulk(client, "assign_to_me_selected", [desk["free"]])
    desk["free"].refresh_from_db()
    assert desk["free"].assignee is None
    assert response.status_code == 200


# --- The claim page walks the queue ---------------------------------------------------------


def page(claim):
    return f"/admin/claims/claim/{claim.pk}/change/"


def test_the_claim_page_links_the_neighbours_in_the_queue_last_shown(
    client, fact_checker, make_claim
):
    first, second, third = (
        make_claim(S.EXTRACTED, text=f"Claim {n}.", checkworthiness=w)
        for n, w in ((1, 0.9), (2, 0.8), (3, 0.7))
    )
    client.force_login(fact_checker)
    client.get(f"{QUEUE}?queue=unassigned")
    response = client.get(page(second))
    assert response.context["queue_position"] == (2, 3)
    assert response.context["previous_claim_url"] == page(first)
    assert response.context["next_claim_url"] == page(third)
    # Taken, the claim leaves the unassigned list; its neighbours stay those the person saw.
    client.post(page(second), {"action": "start_review", "version": second.version})
    response = client.get(page(second))
    assert response.context["next_claim_url"] == page(third)
    assert response.context["queue_url"] == f"{QUEUE}?queue=unassigned"


def test_dismissing_goes_back_to_the_queue_last_shown(client, fact_checker, make_claim):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    client.force_login(fact_checker)
    client.get(f"{QUEUE}?queue=mine")
    response = client.post(
        page(claim), {"action": "dismiss", "reason": "Opinion.", "version": claim.version}
    )
    assert response.status_code == 302 and response.url == f"{QUEUE}?queue=mine"


def test_publishing_stays_on_the_claim_and_links_its_public_page(client, editor, make_claim):
    claim = make_claim(S.APPROVED)
    client.force_login(editor)
    response = client.post(
        page(claim), {"action": "publish", "version": claim.version}, follow=True
    )
    assert response.redirect_chain[-1][0] == page(claim)
    public = f"/claims/{claim.pk}/"
    assert messages_of(response) == [
        f'Verdict published. <a href="{public}" id="view-on-site">View on site</a>'
    ]
    assert 'id="claim-public-page" class="wb-on-site" target="_blank" rel="noopener"' in (
        response.content.decode()
    )
    assert client.get(public, follow=True).status_code == 200


def test_evidence_is_named_by_source_publisher_and_locator_never_by_key(client, editor, make_claim):
    claim = make_claim(S.AWAITING_APPROVAL)
    passage = claim.matches.get().passage
    passage.locator = "p. 87"
    passage.save()
    client.force_login(editor)
    html = client.get(page(claim)).content.decode()
    citation = f"{passage.source.title} · {passage.source.publisher} · p. 87"
    assert f'<span class="cited">{citation}</span>' in html
    assert str(passage) not in html


def test_the_diff_since_changes_were_requested_names_evidence_without_keys(
    client, fact_checker, editor, make_claim
):
    from desk import review, workflow
    from tests.factories import MatchFactory

    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    first = claim.matches.get()
    workflow.propose_verdict(claim=claim, author=fact_checker, rating="false", summary="No.")
    workflow.request_changes(claim=claim, editor=editor, comment="Better source?")
    better = MatchFactory(claim=claim, passage__locator="table 3")
    review.accept_evidence(match=better, user=fact_checker)
    review.reset_evidence(match=first, user=fact_checker)
    workflow.propose_verdict(claim=claim, author=fact_checker, rating="false", summary="No.")
    client.force_login(editor)
    html = client.get(page(claim)).content.decode()
    diff = html[html.index('id="diff"') :]
    assert better.passage.citation in diff and first.passage.citation in diff
    assert str(better.passage) not in html and str(first.passage) not in html
