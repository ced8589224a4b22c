"""Reads about a claim's verdicts that the actions and the desk share: who could still
approve it, what a correction starts from, what publication stores with it."""

from __future__ import annotations

from claims.models import Article, Claim, ClaimState, Match, Verdict
from claims.numbers import figure_pairs
from desk.roles import APPROVE, people_with
from desk.workflow.table import TransitionError, open_verdict, person, verdict_writers

S = ClaimState


def possible_approvers(*, exclude=()):
    """Active people who hold the approve permission (superusers too), except `exclude`."""
    return people_with(APPROVE, exclude=exclude).order_by("pk")


def four_eyes_problem(*, claim: Claim, user, verdict: Verdict | None = None) -> str:
    """Why nobody can approve the claim's verdict under four eyes, and what to do; "" if someone can.

    Approval needs an editor who wrote no version of the verdict. Awaiting approval that
    is about its writers so far; in review (a correction, or changes requested) it also
    counts `user`, who is about to propose it.
    """
    verdict = verdict or open_verdict(claim)
    writers = verdict_writers(verdict) if verdict is not None else set()
    if claim.state == S.IN_REVIEW:
        if user is None or claim.assignee_id != user.pk:
            return ""
        writers.add(user.pk)
        when = "Once you propose this verdict, nobody will be able to approve it"
    elif claim.state in (S.AWAITING_APPROVAL, S.APPROVED) and verdict is not None:
        when = "Nobody can approve this verdict now"
    else:
        return ""
    if possible_approvers(exclude=writers).exists():
        return ""
    editors = [person(u) for u in possible_approvers()]
    if not editors:
        return (
            f"{when}: nobody active holds the approve permission. Ask an administrator "
            "to give it (the Editors group) to an editor."
        )
    return (
        f"{when}: approval needs an editor who wrote no version of it, and every editor "
        f"with the approve permission ({', '.join(editors)}) wrote it. Ask another editor "
        "to approve it, or ask an administrator to give the approve permission (the "
        "Editors group) to someone who did not write it."
    )


def last_correction_reason(claim: Claim) -> str:
    last = claim.transitions.filter(action="correct_verdict").order_by("-created_at", "-pk").first()
    return last.comment if last else ""


def correction_start(claim: Claim) -> dict | None:
    """What a correction starts from: the published verdict's text and evidence.

    Only while a correction is under way (in review, published verdict, nothing proposed
    yet). `evidence` are the published verdict's matches still accepted on the claim,
    which is what propose_verdict cites by default; `correction_note` is the note given
    when the correction was started.
    """
    if claim.state != S.IN_REVIEW or open_verdict(claim) is not None:
        return None
    published = claim.published_verdict
    if published is None:
        return None
    return {
        "rating": published.rating,
        "summary": published.summary,
        "explanation": published.explanation,
        "no_source_explanation": published.no_source_explanation,
        "correction_note": last_correction_reason(claim),
        "evidence": list(
            published.evidence.filter(decision=Match.Decision.ACCEPTED)
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    }


def quote_of(claim: Claim) -> tuple[str, int, int]:
    """The claim's sentence as the article reads now, and the claim's span within it."""
    body = Article.objects.filter(pk=claim.article_id).values_list("body", flat=True).first()
    sentence = (body or "")[claim.sentence_start : claim.sentence_end]
    start, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    if sentence and 0 <= start <= end <= len(sentence):
        return sentence, start, end
    # Offsets that no longer fit the body: the sentence as extracted, all of it quoted.
    return claim.sentence, 0, len(claim.sentence)


def _number_checks(detail) -> list[dict]:
    """The figures that agree or conflict, as the published verdict keeps them."""
    return [
        {"claim": pair.claim, "passage": pair.passage, "relation": pair.relation}
        for pair in figure_pairs(detail, relations=("agrees", "conflicts"))
    ]


def cited_evidence(verdict: Verdict) -> list[dict]:
    """What the verdict cites, as the library reads now, best match first: stored with the
    verdict at publication so a later change to a source never changes what was published."""
    matches = verdict.evidence.select_related("passage__source").order_by("-score", "rank", "pk")
    return [
        {
            "source_key": m.passage.source.key,
            "passage_key": m.passage.key,
            "source_title": m.passage.source.title,
            "publisher": m.passage.source.publisher,
            "published": m.passage.source.published.isoformat()
            if m.passage.source.published
            else None,
            "url": m.passage.source.url,
            "kind": m.passage.source.kind,
            "locator": m.passage.locator,
            "passage": m.passage.text,
            "numeric": m.numeric,
            "numbers": _number_checks(m.numeric_detail),
        }
        for m in matches
    ]


def open_verdict_or_refuse(claim: Claim) -> Verdict:
    verdict = open_verdict(claim)
    if verdict is None:
        raise TransitionError(
            "This claim has no proposed verdict; a fact-checker must propose one."
        )
    return verdict


def required_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise TransitionError(message)
    return value
