"""The desk dashboard's figures come from the workflow log."""

import datetime as dt

import pytest
from django.utils import timezone

from claims.models import ClaimState, TransitionLog
from desk import dashboard, workflow

pytestmark = pytest.mark.django_db
S = ClaimState


def test_time_in_review_is_measured_from_the_log(make_claim, fact_checker, editor):
    claim = make_claim(S.EXTRACTED)
    workflow.start_review(claim=claim, user=fact_checker)
    workflow.dismiss(claim=claim, user=fact_checker, reason="Opinion.")
    start = timezone.now() - dt.timedelta(hours=10)
    TransitionLog.objects.filter(action="start_review").update(created_at=start)
    TransitionLog.objects.filter(action="dismiss").update(created_at=start + dt.timedelta(hours=3))
    waits = {row["state"]: row for row in dashboard.waits_by_state()["table"]}
    assert waits["In review"]["finished"] == 1
    assert waits["In review"]["median"] == pytest.approx(3.0)


def test_load_counts_claims_in_review_per_fact_checker(make_claim, fact_checker):
    make_claim(S.IN_REVIEW, assignee=fact_checker)
    make_claim(S.IN_REVIEW, assignee=fact_checker)
    rows = {row["name"]: row for row in dashboard.load_by_fact_checker()["table"]}
    assert rows["Fiona Checker"]["in_review"] == 2


def test_published_verdicts_are_counted_by_rating(make_claim):
    make_claim(S.PUBLISHED)
    ratings = dashboard.verdicts_by_rating()
    assert ratings["table"][-1]["total"] == 1
