"""Published fact-checks built the way the newsroom builds them: through the workflow."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from claims.models import Claim, Match, Rating
from desk import review, workflow
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EditorFactory,
    FactCheckerFactory,
    MatchFactory,
)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (pages, generation, rate-limit counters)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def newsroom(db):
    """A fact-checker and an editor with distinctive usernames (they must never show)."""
    checker = FactCheckerFactory(username="zz-checker-kowalczyk", first_name="Kasia")
    editor = EditorFactory(username="zz-editor-okonkwo", first_name="Ngozi")
    return checker, editor


def claim_in(
    *,
    sentence: str,
    claim_span: str | None = None,
    text: str | None = None,
    article=None,
    before: str = "Officials spoke on Monday. ",
    after: str = " More figures are due next year.",
    **article_fields,
):
    """An extracted claim whose offsets point into its article's body."""
    if article is None:
        body = before + sentence + after
        article = ArticleFactory(body=body, **article_fields)
    body = article.body
    sentence_start = body.index(sentence)
    span = claim_span or sentence
    start = sentence_start + sentence.index(span)
    return ClaimFactory(
        article=article,
        text=text or span,
        sentence=sentence,
        sentence_start=sentence_start,
        sentence_end=sentence_start + len(sentence),
        start=start,
        end=start + len(span),
    )


def accept_match(claim, checker, **match_fields):
    match = MatchFactory(claim=claim, **match_fields)
    review.accept_evidence(match=match, user=checker)
    return match


def propose(claim, checker, *, rating=Rating.FALSE, summary="", explanation="", **kwargs):
    return workflow.propose_verdict(
        claim=claim,
        author=checker,
        rating=rating,
        summary=summary or f"Summary of {claim.text}",
        explanation=explanation,
        **kwargs,
    )


def publish_claim(claim, checker, editor, *, rating=Rating.FALSE, summary="", **kwargs):
    """Take an extracted claim through review, approval and publication."""
    workflow.start_review(claim=claim, user=checker)
    if not claim.matches.filter(decision=Match.Decision.ACCEPTED).exists():
        accept_match(claim, checker)
    propose(claim, checker, rating=rating, summary=summary, **kwargs)
    workflow.approve_verdict(claim=claim, editor=editor)
    return workflow.publish(claim=claim, editor=editor)


def correct_claim(claim, checker, editor, *, note, rating, summary, text=None):
    """Correct a published claim's verdict through the same approval."""
    workflow.correct_verdict(claim=claim, user=checker, note=note)
    if text:
        review.edit_claim_text(claim=claim, user=checker, text=text)
    propose(claim, checker, rating=rating, summary=summary, correction_note=note)
    workflow.approve_verdict(claim=claim, editor=editor)
    return workflow.publish(claim=claim, editor=editor)


@pytest.fixture
def published(newsroom):
    """A function publishing a fact-check of a new claim; returns the claim."""
    checker, editor = newsroom

    def make(
        sentence="The harbour handled 12 million tonnes of cargo in 2022, its busiest year.",
        *,
        claim_span=None,
        rating=Rating.FALSE,
        summary="",
        explanation="",
        match_fields=None,
        **article_fields,
    ):
        article_fields.setdefault("outlet", "Coast Daily")
        article_fields.setdefault("published", dt.date(2025, 3, 14))
        article_fields.setdefault("url", "https://coastdaily.example/harbour")
        claim = claim_in(sentence=sentence, claim_span=claim_span, **article_fields)
        if match_fields is not None:
            workflow.start_review(claim=claim, user=checker)
            accept_match(claim, checker, **match_fields)
            propose(claim, checker, rating=rating, summary=summary, explanation=explanation)
            workflow.approve_verdict(claim=claim, editor=editor)
            workflow.publish(claim=claim, editor=editor)
        else:
            publish_claim(
                claim, checker, editor, rating=rating, summary=summary, explanation=explanation
            )
        claim.refresh_from_db()
        return claim

    return make


MARK = "zzleak"


@pytest.fixture
def every_state(newsroom, published):
    """One claim in each state but published, one correction in progress, two public claims."""
    checker, editor = newsroom
    public = published("The zebra crossing count rose to 40 in 2024.", summary="Public zebra.")
    published("The harbour handled 12 million tonnes in 2022.")

    def draft(state_label):
        return claim_in(
            sentence=f"Unpublished zebra claim {MARK}-{state_label}-text.",
            title=f"Zebra article {MARK}-{state_label}-title",
        )

    draft("extracted")
    repeat = draft("extracted-repeat")
    repeat.repeats = public
    repeat.save(update_fields=["repeats"])

    in_review = draft("in-review")
    workflow.start_review(claim=in_review, user=checker)
    accept_match(in_review, checker)

    awaiting = draft("awaiting")
    workflow.start_review(claim=awaiting, user=checker)
    accept_match(awaiting, checker)
    propose(awaiting, checker, summary=f"Zebra draft summary {MARK}-awaiting-summary")

    approved = draft("approved")
    workflow.start_review(claim=approved, user=checker)
    accept_match(approved, checker)
    propose(
        approved,
        checker,
        summary=f"Zebra summary {MARK}-approved-summary",
        explanation=f"Zebra explanation {MARK}-approved-explanation",
    )
    workflow.approve_verdict(claim=approved, editor=editor)

    sent_back = draft("sent-back")
    workflow.start_review(claim=sent_back, user=checker)
    accept_match(sent_back, checker)
    propose(sent_back, checker, summary=f"Zebra summary {MARK}-sent-back-summary")
    workflow.request_changes(
        claim=sent_back, editor=editor, comment=f"Zebra comment {MARK}-editor-comment"
    )

    dismissed = draft("dismissed")
    workflow.start_review(claim=dismissed, user=checker)
    workflow.dismiss(claim=dismissed, user=checker, reason=f"Zebra reason {MARK}-dismissed")

    # A published claim being corrected: reworded, with a draft verdict awaiting approval.
    corrected = published("The zebra park has 300 zebras.", summary="Public zebra park.")
    workflow.correct_verdict(
        claim=corrected, user=checker, note=f"Zebra note {MARK}-correction-note"
    )
    review.edit_claim_text(
        claim=corrected, user=checker, text=f"The zebra park has {MARK}-reworded zebras."
    )
    MatchFactory(claim=corrected, passage__text=f"Zebra passage {MARK}-unaccepted-passage")
    propose(
        corrected,
        checker,
        rating=Rating.TRUE,
        summary=f"Zebra summary {MARK}-correction-summary",
        correction_note=f"Zebra note {MARK}-correction-note",
    )
    assert Claim.objects.filter(text__contains=MARK).count() == 8
    return public, corrected


def conflicting_match(passage, *, claim: str, passage_text: str) -> dict:
    """Fields of a match whose numbers conflict (the claim's figure against the passage's)."""
    pair = {"claim": {"text": claim}, "passage": {"text": passage_text}, "relation": "conflicts"}
    return {
        "passage": passage,
        "numeric": Match.Numeric.CONFLICTS,
        "numeric_detail": {"numeric": {"pairs": [pair]}},
    }


SENTENCE = "The council approved 180 turbines for the coast last year."


@pytest.fixture
def rated_false(newsroom):
    """A published claim rated false, cut from SENTENCE."""
    checker, editor = newsroom
    claim = claim_in(sentence=SENTENCE, claim_span="The council approved 180 turbines")
    publish_claim(claim, checker, editor, rating=Rating.FALSE)
    return claim
