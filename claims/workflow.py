"""The editorial workflow: claim states, the transition table, who may take each
transition, and the transition actions (services) themselves.

Every action locks the claim row (select_for_update inside transaction.atomic), checks
the state it expects and, when the caller passes one, the version the person saw, so of
two people acting on the same claim at once exactly one wins and the other gets a
TransitionError with a message they can read. Every action leaves a TransitionLog entry
and a django-simple-history record with the user and a change reason.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sources.models import Passage

from . import notifications
from .integrity import workflow_action
from .models import Article, Claim, ClaimState, Match, Rating, TransitionLog, Verdict

S = ClaimState
REVIEW = "claims.review_claim"
APPROVE = "claims.approve_verdict"


class TransitionError(Exception):
    """A workflow action that cannot be taken; the message is shown to the user as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(TransitionError):
    """The user's role (or relation to the claim) does not allow the action."""


class ConcurrentUpdate(TransitionError):
    """Someone else changed the claim between the page load and the action."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    # None: only the system takes it (e.g. after a cited source changed).
    permission: str | None
    # In review, only the claim's assignee acts on it (one owner per claim).
    assignee_only: bool = False
    # Four eyes: the author of the open verdict may not take it.
    not_author: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("start_review", "Start review", (S.EXTRACTED,), S.IN_REVIEW, REVIEW),
        Transition(
            "propose_verdict",
            "Propose verdict",
            (S.IN_REVIEW,),
            S.AWAITING_APPROVAL,
            REVIEW,
            assignee_only=True,
        ),
        Transition(
            "request_changes",
            "Request changes",
            (S.AWAITING_APPROVAL,),
            S.IN_REVIEW,
            APPROVE,
            not_author=True,
        ),
        Transition(
            "approve_verdict",
            "Approve",
            (S.AWAITING_APPROVAL,),
            S.APPROVED,
            APPROVE,
            not_author=True,
        ),
        Transition("publish", "Publish", (S.APPROVED,), S.PUBLISHED, APPROVE, not_author=True),
        Transition(
            "dismiss",
            "Dismiss",
            (S.EXTRACTED, S.IN_REVIEW),
            S.DISMISSED,
            REVIEW,
            assignee_only=True,
        ),
        Transition("correct_verdict", "Start a correction", (S.PUBLISHED,), S.IN_REVIEW, REVIEW),
        Transition(
            "queue_rereview", "Re-review (source changed)", (S.APPROVED,), S.IN_REVIEW, None
        ),
        # Taken by claims.actions.claims: the parts or the kept claim carry the work on.
        Transition(
            "split",
            "Split",
            (S.EXTRACTED, S.IN_REVIEW),
            S.SPLIT,
            REVIEW,
            assignee_only=True,
        ),
        Transition(
            "merge",
            "Merge into another claim",
            (S.EXTRACTED, S.IN_REVIEW),
            S.MERGED,
            REVIEW,
            assignee_only=True,
        ),
    ]
}

# What a finished action sounds like in a message to the person who lost a race.
PAST_TENSE = {
    "start_review": "took this claim for review",
    "propose_verdict": "proposed a verdict",
    "request_changes": "sent the verdict back",
    "approve_verdict": "approved the verdict",
    "publish": "published the verdict",
    "dismiss": "dismissed the claim",
    "correct_verdict": "started a correction",
    "queue_rereview": "reopened the claim because a source changed",
    "split": "split the claim",
    "merge": "merged the claim into another",
}


# --- Who may do what -------------------------------------------------------------------


def _name(user) -> str:
    if user is None:
        return "the system"
    return user.get_full_name() or user.get_username()


def open_verdict(claim: Claim) -> Verdict | None:
    """The claim's verdict on its way to publication (not yet published), if any."""
    return claim.verdicts.filter(published_at__isnull=True).first()


def verdict_writers(verdict: Verdict) -> set[int]:
    """Everyone who wrote any version of the verdict (its history keeps each author)."""
    return {verdict.author_id, *verdict.history.values_list("author_id", flat=True)}


def check_transition(*, claim: Claim, user, name: str, verdict: Verdict | None = None) -> None:
    """Raise TransitionError (NotAllowed for role rules) unless `user` may take `name` now."""
    transition = TRANSITIONS[name]
    if claim.state not in transition.sources:
        raise TransitionError(
            f"“{transition.label}” is not possible: the claim is "
            f"{claim.get_state_display().lower()}."
        )
    if transition.permission is None:
        if user is not None:
            raise NotAllowed(f"“{transition.label}” is taken by the system only.")
        return
    if user is None or not user.is_active or not user.has_perm(transition.permission):
        role = "an editor" if transition.permission == APPROVE else "a fact-checker or editor"
        raise NotAllowed(f"Only {role} can “{transition.label.lower()}”.")
    if (
        transition.assignee_only
        and claim.state == S.IN_REVIEW
        and claim.assignee_id != user.pk
        and not user.is_superuser
    ):
        owner = _name(claim.assignee) if claim.assignee_id else "nobody"
        raise NotAllowed(f"This claim is assigned to {owner}; only the assignee can act on it.")
    if transition.not_author:
        verdict = verdict or open_verdict(claim)
        if verdict is not None and user.pk in verdict_writers(verdict):
            raise NotAllowed(
                "Four eyes: you wrote this verdict or an earlier version of it, "
                "so another editor must do this."
            )


def allowed_transitions(*, claim: Claim, user) -> list[Transition]:
    """The transitions `user` may take on `claim` now (for buttons; services re-check)."""
    verdict = open_verdict(claim)
    allowed = []
    for transition in TRANSITIONS.values():
        try:
            check_transition(claim=claim, user=user, name=transition.name, verdict=verdict)
        except TransitionError:
            continue
        allowed.append(transition)
    return allowed


def can_work_on(*, claim: Claim, user) -> bool:
    """Whether `user` may edit the claim and its evidence now (the assignee in review)."""
    try:
        check_can_work_on(claim, user)
    except TransitionError:
        return False
    return True


def check_can_work_on(claim: Claim, user) -> None:
    if user is None or not user.is_active or not user.has_perm(REVIEW):
        raise NotAllowed("Only a fact-checker or editor can edit claims and evidence.")
    if claim.state != S.IN_REVIEW:
        raise TransitionError(
            "The claim can only be edited while it is in review "
            f"(it is {claim.get_state_display().lower()})."
        )
    if claim.assignee_id != user.pk and not user.is_superuser:
        owner = _name(claim.assignee) if claim.assignee_id else "nobody"
        raise NotAllowed(f"This claim is assigned to {owner}; only the assignee can edit it.")


def possible_approvers(*, exclude: Iterable[int] = ()):
    """Active people who hold the approve permission (superusers too), except `exclude`."""
    users = get_user_model().objects.with_perm(
        APPROVE,
        is_active=True,
        include_superusers=True,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    return users.exclude(pk__in=list(exclude)).order_by("pk")


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
    editors = [_name(u) for u in possible_approvers()]
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
        "correction_note": _last_correction_reason(claim),
        "evidence": list(
            published.evidence.filter(decision=Match.Decision.ACCEPTED)
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    }


# --- Locking, recording ------------------------------------------------------------------


def lock_claim(claim: Claim, *, expected_version: int | None) -> Claim:
    """Lock the claim's row (caller holds the transaction) and refuse a stale page."""
    locked = (
        Claim.objects.select_for_update(of=("self",)).select_related("assignee").get(pk=claim.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ConcurrentUpdate(_lost_race_message(locked))
    return locked


def _lost_race_message(locked: Claim) -> str:
    last = locked.transitions.select_related("user").order_by("-created_at", "-pk").first()
    if last is None:
        return "Someone else changed this claim meanwhile. Reload the page; nothing was saved."
    did = PAST_TENSE.get(last.action, last.action.replace("_", " "))
    when = timezone.localtime(last.created_at).strftime("%H:%M:%S")
    who = "The system" if last.user is None else _name(last.user)
    return (
        f"{who} {did} at {when} while you were looking at it. Nothing of yours was saved; "
        "reload the page to see the claim as it is now."
    )


def _check_state(locked: Claim, seen: Claim, name: str) -> None:
    # A state that moved since the caller loaded the claim is a lost race, not a misuse.
    if locked.state not in TRANSITIONS[name].sources and seen.state != locked.state:
        raise ConcurrentUpdate(_lost_race_message(locked))


def sync_claim(claim: Claim, locked: Claim) -> None:
    """Bring the caller's object up to date with the row as saved."""
    for field in Claim._meta.concrete_fields:
        setattr(claim, field.attname, getattr(locked, field.attname))


def snapshot(claim: Claim, verdict: Verdict | None) -> dict:
    """What the claim and its open verdict say now; the base of request-changes diffs."""
    data = {"claim_text": claim.text}
    if verdict is not None:
        data.update(
            rating=verdict.get_rating_display(),
            summary=verdict.summary,
            explanation=verdict.explanation,
            no_source_explanation=verdict.no_source_explanation,
            evidence=sorted(
                str(m.passage) for m in verdict.evidence.select_related("passage__source")
            ),
        )
    return data


def record(
    *,
    claim: Claim,
    user,
    action: str,
    from_state: str,
    comment: str = "",
    verdict: Verdict | None = None,
    with_snapshot: bool = False,
) -> TransitionLog:
    """Write the workflow log entry for an action (transitions and edits alike)."""
    return TransitionLog.objects.create(
        claim=claim,
        verdict=verdict,
        action=action,
        from_state=from_state,
        to_state=claim.state,
        user=user,
        comment=comment,
        snapshot=snapshot(claim, verdict) if with_snapshot else {},
    )


def save_claim(claim: Claim, *, user, reason: str, fields: Iterable[str] = ()) -> None:
    """Save a locked claim with its history user and reason, bumping its version."""
    claim.version += 1
    claim._history_user = user
    claim._change_reason = reason[:100]
    with workflow_action():
        claim.save(update_fields=[*fields, "version", "updated_at"])


def _move(
    locked: Claim,
    *,
    user,
    name: str,
    comment: str = "",
    verdict: Verdict | None = None,
    with_snapshot: bool = False,
    fields: Iterable[str] = (),
) -> TransitionLog:
    transition = TRANSITIONS[name]
    from_state = locked.state
    locked.state = transition.target
    reason = f"{transition.label}: {comment}" if comment else transition.label
    save_claim(locked, user=user, reason=reason, fields=["state", *fields])
    return record(
        claim=locked,
        user=user,
        action=name,
        from_state=from_state,
        comment=comment,
        verdict=verdict,
        with_snapshot=with_snapshot,
    )


def _save_verdict(verdict: Verdict, *, user, reason: str) -> None:
    verdict._history_user = user
    verdict._change_reason = reason[:100]
    with workflow_action():
        verdict.save()


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
    numeric = detail.get("numeric", detail) if isinstance(detail, dict) else {}
    checks = []
    for pair in numeric.get("pairs", []) if isinstance(numeric, dict) else []:
        if not isinstance(pair, dict) or pair.get("relation") not in ("agrees", "conflicts"):
            continue
        checks.append(
            {
                "claim": _quantity_text(pair.get("claim")),
                "passage": _quantity_text(pair.get("passage")),
                "relation": pair["relation"],
            }
        )
    return checks


def _quantity_text(described) -> str:
    if isinstance(described, dict):
        return str(described.get("text") or described.get("value") or "")
    return str(described or "")


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


def _open_verdict_or_refuse(claim: Claim) -> Verdict:
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


# --- The transitions -----------------------------------------------------------------------


def start_review(*, claim: Claim, user, expected_version: int | None = None) -> Claim:
    """Take an extracted claim for review; the user becomes its one assignee."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        _check_state(locked, claim, "start_review")
        if locked.state == S.IN_REVIEW and locked.assignee_id is not None:
            if user is not None and locked.assignee_id == user.pk:
                raise TransitionError("You are already reviewing this claim.")
            raise TransitionError(f"Already taken by {_name(locked.assignee)}.")
        check_transition(claim=locked, user=user, name="start_review")
        locked.assignee = user
        _move(locked, user=user, name="start_review", fields=["assignee"])
        notifications.claim_assigned(claim=locked, by=user)
    sync_claim(claim, locked)
    return claim


def propose_verdict(
    *,
    claim: Claim,
    author,
    rating: str,
    summary: str,
    explanation: str = "",
    evidence: Iterable[Match] | None = None,
    no_source_explanation: str = "",
    correction_note: str = "",
    expected_version: int | None = None,
) -> Verdict:
    """Propose (or re-propose after changes were requested) the claim's verdict for approval.

    `evidence` defaults to every match accepted on the claim. A verdict needs a rating, a
    summary and at least one accepted piece of evidence, or, for an unverifiable claim,
    an explanation of why no source was found. A verdict on a published claim is a
    correction and needs a correction note.
    """
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        _check_state(locked, claim, "propose_verdict")
        check_transition(claim=locked, user=author, name="propose_verdict")
        if rating not in Rating.values:
            raise TransitionError("Choose a rating for the verdict.")
        summary = required_text(summary, "A verdict needs a summary.")
        accepted = locked.matches.filter(decision=Match.Decision.ACCEPTED)
        if evidence is None:
            chosen = list(accepted)
        else:
            chosen = list(evidence)
            accepted_ids = set(accepted.values_list("pk", flat=True))
            if any(m.pk not in accepted_ids for m in chosen):
                raise TransitionError(
                    "Only matches accepted as evidence on this claim can be cited."
                )
        no_source_explanation = (no_source_explanation or "").strip()
        if not chosen:
            if rating != Rating.UNVERIFIABLE:
                raise TransitionError(
                    "Accept at least one piece of evidence, or rate the claim "
                    "“Unverifiable” and explain why no source was found."
                )
            required_text(
                no_source_explanation,
                "An unverifiable verdict without evidence needs a “no source found” explanation.",
            )
        published = locked.published_verdict
        correction_note = (correction_note or "").strip()
        if published is not None and not correction_note:
            correction_note = _last_correction_reason(locked)
            required_text(
                correction_note, "A correction of a published verdict needs a correction note."
            )

        verdict = open_verdict(locked) or Verdict(claim=locked)
        is_new = verdict.pk is None
        verdict.rating = rating
        verdict.summary = summary
        verdict.explanation = (explanation or "").strip()
        verdict.no_source_explanation = no_source_explanation
        verdict.author = author
        verdict.corrects = published
        verdict.correction_note = correction_note if published is not None else ""
        verdict.proposed_at = timezone.now()
        verdict.checked_text = locked.text
        _save_verdict(verdict, user=author, reason="Proposed" if is_new else "Revised and proposed")
        verdict.evidence.set(chosen)
        _move(locked, user=author, name="propose_verdict", verdict=verdict, with_snapshot=True)
        notifications.verdict_awaiting_approval(claim=locked, verdict=verdict)
    sync_claim(claim, locked)
    return verdict


def _last_correction_reason(claim: Claim) -> str:
    last = claim.transitions.filter(action="correct_verdict").order_by("-created_at", "-pk").first()
    return last.comment if last else ""


def request_changes(
    *, claim: Claim, editor, comment: str, expected_version: int | None = None
) -> Claim:
    """Send the proposed verdict back to its fact-checker with the editor's comment."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        _check_state(locked, claim, "request_changes")
        check_transition(claim=locked, user=editor, name="request_changes")
        comment = required_text(
            comment, "Say what should change: the comment goes to the fact-checker."
        )
        verdict = open_verdict(locked)
        # The author fixes what they wrote, so the claim goes back to them.
        locked.assignee = verdict.author if verdict else locked.assignee
        _move(
            locked,
            user=editor,
            name="request_changes",
            comment=comment,
            verdict=verdict,
            with_snapshot=True,
            fields=["assignee"],
        )
        notifications.changes_requested(
            claim=locked, verdict=verdict, editor=editor, comment=comment
        )
    sync_claim(claim, locked)
    return claim


def approve_verdict(*, claim: Claim, editor, expected_version: int | None = None) -> Verdict:
    """Approve the proposed verdict (four eyes: never the author's own)."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        _check_state(locked, claim, "approve_verdict")
        check_transition(claim=locked, user=editor, name="approve_verdict")
        verdict = _open_verdict_or_refuse(locked)
        verdict.approver = editor
        verdict.approved_at = timezone.now()
        _save_verdict(verdict, user=editor, reason="Approved")
        _move(locked, user=editor, name="approve_verdict", verdict=verdict)
        notifications.verdict_approved(claim=locked, verdict=verdict, editor=editor)
    sync_claim(claim, locked)
    return verdict


def publish(*, claim: Claim, editor, expected_version: int | None = None) -> Verdict:
    """Publish the approved verdict; a correction replaces the earlier one, which stays visible."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        _check_state(locked, claim, "publish")
        check_transition(claim=locked, user=editor, name="publish")
        verdict = _open_verdict_or_refuse(locked)
        verdict.publisher = editor
        verdict.published_at = timezone.now()
        verdict.checked_text = verdict.checked_text or locked.text
        verdict.quote_sentence, verdict.quote_start, verdict.quote_end = quote_of(locked)
        verdict.published_evidence = cited_evidence(verdict)
        _save_verdict(verdict, user=editor, reason="Published")
        # Publishing a fresh verdict settles any pending re-review of the old one.
        locked.needs_rereview = False
        locked.rereview_reason = ""
        _move(
            locked,
            user=editor,
            name="publish",
            verdict=verdict,
            fields=["needs_rereview", "rereview_reason"],
        )
        notifications.verdict_published(claim=locked, verdict=verdict, editor=editor)
    sync_claim(claim, locked)
    return verdict


def dismiss(*, claim: Claim, user, reason: str, expected_version: int | None = None) -> Claim:
    """Dismiss a claim as not worth checking, with the reason."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        _check_state(locked, claim, "dismiss")
        check_transition(claim=locked, user=user, name="dismiss")
        reason = required_text(reason, "Say why the claim is dismissed.")
        if locked.published_verdict is not None:
            raise TransitionError(
                "This claim has a published verdict; correct the verdict instead of dismissing it."
            )
        _move(locked, user=user, name="dismiss", comment=reason)
    sync_claim(claim, locked)
    return claim


def correct_verdict(*, claim: Claim, user, note: str, expected_version: int | None = None) -> Claim:
    """Reopen a published claim to correct its verdict; the published one stays visible."""
    with transaction.atomic():
        locked = lock_claim(claim, expected_version=expected_version)
        _check_state(locked, claim, "correct_verdict")
        check_transition(claim=locked, user=user, name="correct_verdict")
        note = required_text(note, "A correction needs a note saying what is being corrected.")
        locked.assignee = user
        _move(locked, user=user, name="correct_verdict", comment=note, fields=["assignee"])
        notifications.correction_started(claim=locked, user=user, note=note)
    sync_claim(claim, locked)
    return claim


# --- Source supersession ---------------------------------------------------------------------


def queue_rereview_for_passages(*, passage_ids: Iterable[int], reason: str = "") -> int:
    """Queue re-review of every approved or published verdict citing the given passages.

    An approved (not yet published) claim goes back to in review with its approval
    withdrawn; a published claim keeps its public verdict and is flagged, with the reason
    shown to the fact-checker. Returns the number of claims queued.
    """
    passage_ids = list(passage_ids)
    if not passage_ids:
        return 0
    cited = (
        Match.objects.filter(
            passage_id__in=passage_ids,
            decision=Match.Decision.ACCEPTED,
            cited_by__approved_at__isnull=False,
        )
        .select_related("passage__source")
        .distinct()
    )
    reasons: dict[int, list[str]] = {}
    for match in cited:
        why = (
            reason
            or f"The text of the passage {match.passage.citation} changed in the source library."
        )
        reasons.setdefault(match.claim_id, []).append(why)
    queued = 0
    for claim_id, why in sorted(reasons.items()):
        with transaction.atomic():
            # lock_claim loads the row itself; only the id is needed here.
            if _queue_rereview(Claim(pk=claim_id), " ".join(dict.fromkeys(why))):
                queued += 1
    return queued


def queue_rereview_for_source(*, source, reason: str = "") -> int:
    """Queue re-review of verdicts citing any passage of `source` (e.g. a new edition)."""
    why = reason or f"A new edition of the source “{source.title}” was recorded."
    return queue_rereview_for_passages(
        passage_ids=source.passages.values_list("pk", flat=True), reason=why
    )


def queue_rereview_for_article(*, article_id: int, reason: str) -> int:
    """Queue re-review of the approved or published claims of an edited article."""
    claim_ids = Claim.objects.filter(
        article_id=article_id, state__in=(S.APPROVED, S.PUBLISHED)
    ).values_list("pk", flat=True)
    queued = 0
    for claim_id in sorted(claim_ids):
        with transaction.atomic():
            if _queue_rereview(Claim(pk=claim_id), reason):
                queued += 1
    return queued


def _queue_rereview(claim: Claim, reason: str) -> bool:
    locked = lock_claim(claim, expected_version=None)
    if locked.state not in (S.APPROVED, S.PUBLISHED):
        return False
    locked.needs_rereview = True
    locked.rereview_reason = reason[:2000]
    fields = ["needs_rereview", "rereview_reason"]
    if locked.state == S.APPROVED:
        verdict = open_verdict(locked)
        verdict.approver = None
        verdict.approved_at = None
        _save_verdict(verdict, user=None, reason="Approval withdrawn: a cited source changed")
        locked.assignee_id = verdict.author_id
        _move(
            locked,
            user=None,
            name="queue_rereview",
            comment=reason,
            verdict=verdict,
            fields=[*fields, "assignee"],
        )
    else:
        save_claim(
            locked, user=None, reason="Flagged for re-review: a cited source changed", fields=fields
        )
        record(
            claim=locked, user=None, action="flag_rereview", from_state=locked.state, comment=reason
        )
    notifications.rereview_needed(claim=locked, reason=reason)
    return True


# --- Diffs for editors ------------------------------------------------------------------------


@dataclass
class FieldDiff:
    label: str
    # (operation, text) pieces: "equal", "delete" or "insert"; rendered with autoescape.
    pieces: list[tuple[str, str]]


DIFF_FIELDS = [
    ("claim_text", "Claim text"),
    ("rating", "Rating"),
    ("summary", "Summary"),
    ("explanation", "Explanation"),
    ("no_source_explanation", "No source found"),
    ("evidence", "Evidence"),
]


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """Word-level diff pieces between two texts (difflib)."""
    a, b = before.split(" "), after.split(" ")
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("equal", " ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(("delete", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(("insert", " ".join(b[j1:j2])))
    return pieces


def changes_since_last_request(claim: Claim) -> tuple[TransitionLog | None, list[FieldDiff]]:
    """The editor's last request for changes and what changed since, field by field."""
    last = (
        claim.transitions.filter(action="request_changes")
        .select_related("user")
        .order_by("-created_at", "-pk")
        .first()
    )
    if last is None:
        return None, []
    verdict = open_verdict(claim)
    # Settled once that verdict was published (or replaced): the panel would compare the
    # request with nothing and show the published text as struck through.
    if verdict is None or (last.verdict_id is not None and last.verdict_id != verdict.pk):
        return None, []
    now = snapshot(claim, verdict)
    diffs = []
    for key, label in DIFF_FIELDS:
        before, after = last.snapshot.get(key, ""), now.get(key, "")
        if isinstance(before, list) or isinstance(after, list):
            before, after = _evidence_text(before or [], after or [])
        if before != after:
            diffs.append(FieldDiff(label=label, pieces=word_diff(before, after)))
    return last, diffs


def _evidence_text(before: list[str], after: list[str]) -> tuple[str, str]:
    """Two evidence lists as text: snapshots keep passage keys, people read source,
    publisher and locator (the keys stay where two passages would read the same)."""
    raw = "; ".join(before), "; ".join(after)
    if raw[0] == raw[1]:
        return raw
    names = _citations([*before, *after])
    named = "; ".join(names.get(k, k) for k in before), "; ".join(names.get(k, k) for k in after)
    return named if named[0] != named[1] else raw


def _citations(keys: list[str]) -> dict[str, str]:
    """Passage citations by their "source#passage" key, for the keys still in the library."""
    wanted = Q(pk__in=[])  # matches nothing: the start of an OR
    for key in set(keys):
        source_key, _, passage_key = str(key).rpartition("#")
        wanted |= Q(source__key=source_key, key=passage_key)
    passages = Passage.objects.filter(wanted).select_related("source")
    return {str(passage): passage.citation for passage in passages}
