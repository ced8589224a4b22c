"""A changed source sends the verdicts that cite it back for re-review."""

import pytest

from claims.models import ClaimState, TransitionLog
from desk import review
from sources import importers
from sources.services import import_records

pytestmark = pytest.mark.django_db
S = ClaimState


def reimport(passage, text):
    record = importers.SourceRecord(
        key=passage.source.key,
        title=passage.source.title,
        publisher=passage.source.publisher,
        url="",
        published=None,
        kind=passage.source.kind,
        passages=[importers.PassageRecord(key=passage.key, locator="", text=text)],
    )
    return import_records([record])


def cited_passage(claim):
    return claim.matches.get(decision="accepted").passage


def test_an_approved_verdict_goes_back_to_review_when_its_passage_changes(make_claim, fact_checker):
    claim = make_claim(S.APPROVED, author=fact_checker)
    reimport(cited_passage(claim), "The harbour handled 11 million tonnes in 2022.")
    claim.refresh_from_db()
    assert claim.state == S.IN_REVIEW
    assert claim.assignee == fact_checker
    assert claim.needs_rereview
    assert "changed in the source library" in claim.rereview_reason
    assert claim.current_verdict.approved_at is None
    assert TransitionLog.objects.get(claim=claim).user is None


def test_a_published_verdict_is_flagged_and_stays_public(make_claim):
    claim = make_claim(S.PUBLISHED)
    reimport(cited_passage(claim), "The harbour handled 11 million tonnes in 2022.")
    claim.refresh_from_db()
    assert (claim.state, claim.needs_rereview) == (S.PUBLISHED, True)


def test_an_unchanged_passage_queues_nothing(make_claim):
    claim = make_claim(S.PUBLISHED)
    passage = cited_passage(claim)
    reimport(passage, passage.text)
    claim.refresh_from_db()
    assert not claim.needs_rereview


def test_a_fact_checker_confirms_a_published_verdict_after_checking(make_claim, fact_checker):
    claim = make_claim(S.PUBLISHED)
    reimport(cited_passage(claim), "The harbour handled 12.0 million tonnes in 2022.")
    claim.refresh_from_db()
    assert claim.needs_rereview
    review.confirm_after_source_change(claim=claim, user=fact_checker, note="Same figure.")
    claim.refresh_from_db()
    assert not claim.needs_rereview


def test_a_new_edition_of_a_cited_source_queues_its_verdicts(make_claim):
    from desk.workflow import queue_rereview_for_source

    claim = make_claim(S.PUBLISHED)
    source = cited_passage(claim).source
    assert queue_rereview_for_source(source=source) == 1
    claim.refresh_from_db()
    assert "new edition" in claim.rereview_reason


def test_a_new_edition_of_a_cited_source_flags_its_published_verdicts(make_claim):
    import datetime as dt

    claim = make_claim(S.PUBLISHED)
    passage = cited_passage(claim)
    source = passage.source
    source.published = dt.date(2023, 1, 1)
    source.save()
    record = importers.SourceRecord(
        key=source.key,
        title=source.title,
        publisher=source.publisher,
        published=dt.date(2024, 1, 1),
        kind=source.kind,
        passages=[importers.PassageRecord(key=passage.key, text=passage.text)],
    )
    import_records([record])
    claim.refresh_from_db()
    assert claim.needs_rereview
    assert "new edition" in claim.rereview_reason


def test_editing_a_cited_passage_by_hand_flags_its_published_verdicts(make_claim):
    from sources.services import save_passage

    claim = make_claim(S.PUBLISHED)
    passage = cited_passage(claim)
    passage.text = "The harbour handled 9 million tonnes in 2022."
    save_passage(passage)
    claim.refresh_from_db()
    assert claim.needs_rereview
