"""What a verdict needs, corrections, and its ClaimReview rating."""

import pytest
from django.db import IntegrityError

from claims import selectors
from claims.integrity import workflow_action
from claims.models import ClaimState, Match, Rating, Verdict
from desk import review, workflow
from desk.workflow import TransitionError
from public import selectors as public_selectors
from public.claim_review import claim_review
from tests.factories import MatchFactory

pytestmark = pytest.mark.django_db
S = ClaimState


def propose(claim, user, **kwargs):
    values = {"rating": Rating.FALSE, "summary": "The bulletin says 9 million tonnes."}
    return workflow.propose_verdict(claim=claim, author=user, **{**values, **kwargs})


def test_a_verdict_needs_a_rating(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    with pytest.raises(TransitionError, match="rating"):
        propose(claim, fact_checker, rating="")


def test_a_verdict_needs_a_summary(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    with pytest.raises(TransitionError, match="summary"):
        propose(claim, fact_checker, summary=" ")


def test_a_verdict_needs_accepted_evidence(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    claim.matches.update(decision=Match.Decision.REJECTED)
    with pytest.raises(TransitionError, match="at least one piece of evidence"):
        propose(claim, fact_checker)
    claim.refresh_from_db()
    assert claim.state == S.IN_REVIEW


def test_an_unverifiable_verdict_without_evidence_needs_an_explanation(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    claim.matches.update(decision=Match.Decision.NONE)
    with pytest.raises(TransitionError, match="no source found"):
        propose(claim, fact_checker, rating=Rating.UNVERIFIABLE)


def test_an_unverifiable_verdict_with_a_no_source_explanation_is_proposed(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    claim.matches.update(decision=Match.Decision.NONE)
    verdict = propose(
        claim,
        fact_checker,
        rating=Rating.UNVERIFIABLE,
        no_source_explanation="The port publishes no tonnage figures.",
    )
    assert verdict.evidence.count() == 0
    assert claim.state == S.AWAITING_APPROVAL


def test_only_accepted_matches_of_the_claim_can_be_cited(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    stranger = MatchFactory(decision=Match.Decision.ACCEPTED)
    with pytest.raises(TransitionError, match="Only matches accepted"):
        propose(claim, fact_checker, evidence=[stranger])


def test_proposing_cites_the_accepted_matches(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    verdict = propose(claim, fact_checker)
    assert list(verdict.evidence.all()) == list(claim.matches.filter(decision="accepted"))


def test_reproposing_after_changes_revises_the_same_verdict(make_claim, fact_checker, editor):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    first = propose(claim, fact_checker)
    workflow.request_changes(claim=claim, editor=editor, comment="Softer rating?")
    second = propose(claim, fact_checker, rating=Rating.MOSTLY_FALSE)
    assert second.pk == first.pk
    assert Verdict.objects.get(pk=first.pk).rating == Rating.MOSTLY_FALSE


def test_a_correction_is_a_new_verdict_and_the_old_one_stays(make_claim, fact_checker, editor):
    claim = make_claim(S.PUBLISHED)
    old = claim.published_verdict
    workflow.correct_verdict(claim=claim, user=fact_checker, note="Revised bulletin: 11 Mt.")
    new = propose(claim, fact_checker, rating=Rating.MOSTLY_TRUE)
    workflow.approve_verdict(claim=claim, editor=editor)
    workflow.publish(claim=claim, editor=editor)
    assert new.corrects == old
    assert new.correction_note == "Revised bulletin: 11 Mt."
    assert claim.current_verdict == new
    assert [v.pk for v in selectors.verdicts_of(claim)] == [new.pk, old.pk]


def test_the_database_refuses_an_approver_who_is_the_author(make_claim, fact_checker):
    claim = make_claim(S.AWAITING_APPROVAL, author=fact_checker)
    verdict = claim.current_verdict
    verdict.approver = fact_checker
    verdict.approved_at = verdict.proposed_at
    # Inside a workflow action the model layer lets it through; the constraint does not.
    with pytest.raises(IntegrityError), workflow_action():
        verdict.save()


def test_the_state_cannot_be_written_outside_a_transition(make_claim):
    from claims.models import StateChangeForbidden

    claim = make_claim(S.EXTRACTED)
    claim.state = S.PUBLISHED
    with pytest.raises(StateChangeForbidden):
        claim.save()


@pytest.mark.parametrize(
    "rating,value", [(Rating.TRUE, 7), (Rating.HALF_TRUE, 4), (Rating.FALSE, 1)]
)
def test_ratings_map_to_claimreview_values(rating, value):
    verdict = Verdict(rating=rating)
    assert verdict.review_rating() == {
        "@type": "Rating",
        "name": verdict.get_rating_display(),
        "alternateName": verdict.get_rating_display(),
        "ratingValue": value,
        "bestRating": 7,
        "worstRating": 1,
    }


def test_unverifiable_has_no_rating_value():
    rating = Verdict(rating=Rating.UNVERIFIABLE).review_rating()
    assert "ratingValue" not in rating
    assert rating["alternateName"] == "Unverifiable"


def test_claim_review_data_describes_the_published_verdict(make_claim):
    claim = make_claim(S.PUBLISHED)
    data = claim_review(public_selectors.fact_check(claim.pk), url="https://factcheck.example/")
    assert data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == claim.text
    assert data["reviewRating"]["ratingValue"] == 6


def test_editing_the_claim_text_keeps_the_extracted_text(make_claim, fact_checker):
    claim = make_claim(S.IN_REVIEW, assignee=fact_checker)
    review.edit_claim_text(claim=claim, user=fact_checker, text="The port handled 12 Mt in 2022.")
    claim.refresh_from_db()
    assert claim.text == "The port handled 12 Mt in 2022."
    assert claim.extracted_text != claim.text


def test_someone_else_cannot_accept_evidence_on_an_assigned_claim(make_claim, fact_checker):
    from tests.factories import FactCheckerFactory

    claim = make_claim(S.IN_REVIEW, assignee=FactCheckerFactory(username="owner"))
    with pytest.raises(TransitionError, match="assigned to owner"):
        review.accept_evidence(match=claim.matches.first(), user=fact_checker)
