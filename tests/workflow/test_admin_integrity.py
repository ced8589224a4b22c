"""No admin page changes a workflow field: history pages are read-only, and state,
assignee, approval and publication change only through workflow actions."""

import datetime as dt

import pytest
from django import forms
from django.contrib import admin
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, ClaimState, Rating, Verdict
from desk import review, workflow
from desk.admin import queue as queue_admin
from public import selectors as public_selectors
from tests.factories import ArticleFactory, ClaimFactory, FactCheckerFactory, MatchFactory

pytestmark = pytest.mark.django_db
S = ClaimState


def form_data(model, obj, user, **overrides):
    """What the admin's own form for `obj` would post, with `overrides` applied."""
    request = RequestFactory().get("/")
    request.user = user
    model_admin = admin.site._registry[model]
    form = model_admin.get_form(request, obj)(instance=obj)
    data = {}
    for bound in form:
        if bound.field.disabled:
            continue
        value = overrides.get(bound.name, bound.value())
        widget = getattr(bound.field.widget, "widget", bound.field.widget)
        if isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(value) if not isinstance(value, list) else value
            for i, part in enumerate(parts):
                data[f"{bound.html_name}_{i}"] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        elif value is None:
            data[bound.html_name] = ""
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        else:
            data[bound.html_name] = str(getattr(value, "pk", value))
    for name, value in overrides.items():
        if name not in form.fields:
            data[name] = value
    return data


def history_form_url(obj, record):
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, record.pk]
    )


def test_a_fact_checker_cannot_approve_and_publish_their_own_draft_through_history(
    client, make_claim, fact_checker, editor
):
    claim = make_claim(S.AWAITING_APPROVAL, author=fact_checker)
    verdict = claim.verdicts.get()
    record = verdict.history.latest()
    now = timezone.localtime()
    data = form_data(
        Verdict,
        verdict,
        fact_checker,
        approver=editor.pk,
        publisher=editor.pk,
        approved_at=[now.date().isoformat(), now.time().strftime("%H:%M:%S")],
        published_at=[now.date().isoformat(), now.time().strftime("%H:%M:%S")],
    )
    client.force_login(fact_checker)

    response = client.post(history_form_url(verdict, record), data)

    assert response.status_code in (403, 405)
    verdict.refresh_from_db()
    assert (verdict.approver, verdict.published_at) == (None, None)
    assert not public_selectors.published_verdicts().filter(claim=claim).exists()
    claim.refresh_from_db()
    assert claim.state == S.AWAITING_APPROVAL


def test_a_fact_checker_cannot_take_another_checkers_claim_through_history(
    client, make_claim, fact_checker
):
    other = FactCheckerFactory()
    claim = make_claim(S.IN_REVIEW, assignee=other)
    record = claim.history.latest()
    client.force_login(fact_checker)

    response = client.post(
        history_form_url(claim, record),
        form_data(Claim, claim, fact_checker, assignee=fact_checker.pk),
    )

    assert response.status_code in (403, 405)
    claim.refresh_from_db()
    assert claim.assignee == other


def approved_through_the_workflow(checker, editor):
    claim = ClaimFactory()
    workflow.start_review(claim=claim, user=checker)
    review.accept_evidence(match=MatchFactory(claim=claim), user=checker)
    workflow.propose_verdict(claim=claim, author=checker, rating=Rating.FALSE, summary="No.")
    workflow.approve_verdict(claim=claim, editor=editor)
    return claim


def test_history_cannot_move_an_approved_claim_back_to_extracted(client, fact_checker, editor):
    claim = approved_through_the_workflow(fact_checker, editor)
    extracted = claim.history.earliest()
    assert extracted.state == S.EXTRACTED
    client.force_login(editor)

    response = client.post(history_form_url(claim, extracted), form_data(Claim, claim, editor))

    assert response.status_code in (403, 405)
    claim.refresh_from_db()
    assert (claim.state, claim.version) == (S.APPROVED, 4)


def test_history_cannot_rewrite_a_published_claims_text(client, make_claim, editor):
    claim = make_claim(S.PUBLISHED)
    record = claim.history.latest()
    client.force_login(editor)

    response = client.post(
        history_form_url(claim, record), form_data(Claim, claim, editor, text="Something else.")
    )

    assert response.status_code in (403, 405)
    claim.refresh_from_db()
    assert claim.text != "Something else."


def test_the_history_form_page_shows_every_field_read_only(client, make_claim, editor):
    claim = make_claim(S.IN_REVIEW, assignee=editor)
    verdict_claim = make_claim(S.AWAITING_APPROVAL)
    client.force_login(editor)

    for obj in (claim, verdict_claim.verdicts.get()):
        response = client.get(history_form_url(obj, obj.history.latest()))
        assert response.status_code == 200
        form = response.context["adminform"].form
        editable = [
            name
            for name in form.fields
            if name not in response.context["adminform"].readonly_fields
        ]
        assert editable == []
        assert b'name="_save"' not in response.content


def test_saving_a_history_instance_cannot_change_the_state(fact_checker, editor):
    claim = approved_through_the_workflow(fact_checker, editor)
    old = claim.history.earliest().instance
    old._state.adding = False

    with pytest.raises(Exception, match="workflow"):
        old.save()

    claim.refresh_from_db()
    assert claim.state == S.APPROVED


@pytest.mark.parametrize(
    "values",
    [{"state": S.PUBLISHED}, {"assignee": None}, {"version": 0}],
    ids=["state", "assignee", "version"],
)
def test_queryset_update_of_claim_workflow_fields_is_refused(make_claim, fact_checker, values):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)

    with pytest.raises(Exception, match="workflow"):
        Claim.objects.filter(pk=claim.pk).update(**values)

    claim.refresh_from_db()
    assert (claim.state, claim.assignee) == (S.IN_REVIEW, fact_checker)


def test_queryset_update_cannot_approve_a_verdict(make_claim, editor):
    claim = make_claim(S.AWAITING_APPROVAL)

    with pytest.raises(Exception, match="workflow"):
        Verdict.objects.filter(claim=claim).update(approver=editor, approved_at=timezone.now())

    assert Verdict.objects.get(claim=claim).approver is None


def test_bulk_update_of_verdict_publication_is_refused(make_claim, editor):
    claim = make_claim(S.APPROVED)
    verdict = claim.verdicts.get()
    verdict.publisher = editor
    verdict.published_at = timezone.now()

    with pytest.raises(Exception, match="workflow"):
        Verdict.objects.bulk_update([verdict], ["publisher", "published_at"])

    assert Verdict.objects.get(pk=verdict.pk).published_at is None


def test_a_published_verdict_cannot_be_changed_by_save(make_claim):
    claim = make_claim(S.PUBLISHED)
    verdict = claim.verdicts.get()
    verdict.summary = "Quietly different."

    with pytest.raises(Exception, match="published"):
        verdict.save()

    assert Verdict.objects.get(pk=verdict.pk).summary != "Quietly different."


def test_the_database_refuses_a_publication_without_a_publisher(make_claim):
    claim = make_claim(S.APPROVED)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_verdict SET published_at = %s WHERE claim_id = %s",
            [timezone.now(), claim.pk],
        )


def test_the_database_refuses_an_approval_without_an_approver(make_claim):
    claim = make_claim(S.AWAITING_APPROVAL)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_verdict SET approved_at = %s WHERE claim_id = %s",
            [timezone.now(), claim.pk],
        )


def test_approving_a_claim_without_a_verdict_is_a_clear_refusal(make_claim, client, editor):
    claim = make_claim(S.AWAITING_APPROVAL)
    # A claim left awaiting approval with no open verdict (e.g. by an earlier bypass).
    Verdict.objects.filter(claim=claim).delete()
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]), {"action": "approve_verdict"}
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.state == S.AWAITING_APPROVAL


# --- Every admin URL, as each role ---------------------------------------------------------


# The queue's bulk actions are the workflow's own actions run on each chosen claim.
QUEUE_WORKFLOW_ACTIONS = {action.__name__ for action in queue_admin.ACTIONS}


def workflow_snapshot():
    claims = {
        c.pk: (c.state, c.assignee_id, c.version, c.text) for c in Claim.objects.order_by("pk")
    }
    verdicts = {
        v.pk: (
            v.author_id,
            v.approver_id,
            v.approved_at,
            v.publisher_id,
            v.published_at,
            v.proposed_at,
            v.rating,
            v.summary,
        )
        for v in Verdict.objects.order_by("pk")
    }
    return claims, verdicts


def attack_values(model, user):
    """Values that would move a claim or verdict along without a workflow action."""
    then = timezone.localtime() - dt.timedelta(days=1)
    stamp = [then.date().isoformat(), then.time().strftime("%H:%M:%S")]
    if model is Claim:
        return {"state": S.PUBLISHED, "assignee": user.pk, "version": 0, "text": "Rewritten."}
    if model is Verdict:
        return {
            "approver": user.pk,
            "approved_at": stamp,
            "publisher": user.pk,
            "published_at": stamp,
            "author": user.pk,
            "summary": "Rewritten.",
        }
    return {}


@pytest.fixture
def newsroom_data(make_claim, fact_checker, editor):
    claims = [
        make_claim(S.EXTRACTED),
        make_claim(S.IN_REVIEW, assignee=FactCheckerFactory()),
        make_claim(S.AWAITING_APPROVAL, author=fact_checker),
        make_claim(S.APPROVED),
        make_claim(S.PUBLISHED),
    ]
    ArticleFactory()
    return claims


@pytest.mark.parametrize("role", ["fact_checker", "editor", "superuser"])
def test_no_admin_url_changes_a_workflow_field(client, request, newsroom_data, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    before = workflow_snapshot()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        info = f"admin:{opts.app_label}_{opts.model_name}"
        objects = list(model._default_manager.all()[:20])
        for obj in objects:
            overrides = attack_values(model, user)
            data = form_data(model, obj, user, **overrides)
            change = reverse(f"{info}_change", args=[obj.pk])
            for response in (client.get(change), client.post(change, data)):
                assert response.status_code < 500, (change, response.status_code)
            history = reverse(f"{info}_history", args=[obj.pk])
            assert client.get(history).status_code < 500, history
            for record in getattr(obj, "history", model.objects.none()).all():
                url = history_form_url(obj, record)
                assert client.get(url).status_code < 500, url
                assert client.post(url, data).status_code < 500, url
        changelist = reverse(f"{info}_changelist")
        actions = model_admin.get_actions(client.get(changelist).wsgi_request) or {}
        for action in actions:
            if action == "delete_selected":
                continue  # deletion removes rows; it changes no field of a kept row
            if action in QUEUE_WORKFLOW_ACTIONS:
                continue  # workflow actions, one claim at a time (test_queue_admin.py)
            response = client.post(
                changelist,
                {"action": action, "_selected_action": [o.pk for o in objects], "index": 0},
            )
            assert response.status_code < 500, (changelist, action)
    assert workflow_snapshot() == before


@pytest.mark.postgresql("the guard is a PostgreSQL trigger")
def test_the_database_refuses_a_state_change_outside_a_workflow_action(make_claim):
    claim = make_claim(S.APPROVED)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE claims_claim SET state = 'extracted' WHERE id = %s", [claim.pk])

    claim.refresh_from_db()
    assert claim.state == S.APPROVED


@pytest.mark.postgresql("the guard is a PostgreSQL trigger")
def test_the_database_refuses_any_change_to_a_published_verdict(make_claim):
    claim = make_claim(S.PUBLISHED)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE claims_verdict SET summary = 'x' WHERE claim_id = %s", [claim.pk])
