"""The claim workbench as one read (a selector): everything the claim page shows about a
claim for one person, as a dataclass the admin renders.

The page's panels read from here: the claim in its article, the matches with their
figures, the verdicts (the open one and the published one, as the workflow and the
public site define them), what the person may do now (from the table of actions), the
verdict panel (conflicts not reviewed, four eyes, a correction's starting point), the
hand-work panels and the history. Reads only; the actions live in desk.workflow and
desk.actions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from django.db.models.functions import Left
from django.utils.text import Truncator

from claims import checkworthiness, selectors
from claims.library_search import search_library
from claims.models import Claim, ClaimState, Match, TransitionLog, Verdict
from claims.numbers import FigurePair, figure_pairs, numeric_part
from sources.models import SourceKind

from . import action_warnings, notifications, workflow

S = ClaimState
OPEN_STATES = (S.EXTRACTED, S.IN_REVIEW)
# How much of the article to show on each side of the claim's span.
CONTEXT_CHARS = 400
# The longest span the claim page marks (an over-long span, from data stored before the
# limits, shows its two ends), and how much of another claim a list to pick from shows.
SPAN_CHARS = 5000
PREVIEW_CHARS = 300


def _capped(text: str) -> str:
    if len(text) <= SPAN_CHARS:
        return text
    half = SPAN_CHARS // 2
    return f"{text[:half]} … [{len(text) - 2 * half:,} characters not shown] … {text[-half:]}"


def numeric_pairs(detail: dict) -> tuple[list[FigurePair], str]:
    """The quantity pairs (claim vs passage) of a match's numeric detail, as text (the
    figures as written and their values in one unit), and what was not compared."""
    return figure_pairs(detail), str(numeric_part(detail).get("ignored", ""))


def numeric_reason(detail: dict) -> str:
    """Why the numbers of a match agree, conflict or were not compared."""
    return str(numeric_part(detail).get("reason", ""))


def initial_verdict(*, claim: Claim, verdict: Verdict | None, draft: dict | None) -> dict:
    """What the verdict form starts from: the unsent draft, the open verdict, or for a
    correction the published verdict (its note from the correction's start)."""
    if draft:
        return draft
    if verdict is not None:
        return {
            "rating": verdict.rating,
            "summary": verdict.summary,
            "explanation": verdict.explanation,
            "no_source_explanation": verdict.no_source_explanation,
            "correction_note": verdict.correction_note,
        }
    return workflow.correction_start(claim) or {}


@dataclass
class Workbench:
    """What the claim page shows to one person (field names are the template's)."""

    claim: Claim
    # The claim in its article: the span marked, some context on each side.
    context_before: str
    span: str
    context_after: str
    checkworthiness: object
    # Matches best first, each with `pairs`, `ignored` and `numeric_reason` for its figures.
    matches: list[Match]
    # Every verdict newest first; the open one (on its way to publication) and the one the
    # public sees.
    verdicts: list[Verdict]
    verdict: Verdict | None
    published: Verdict | None
    # What the person may do now: transitions by name, editing, assigning to whom.
    allowed: set[str]
    can_work: bool
    reviewers: list
    initial_verdict: dict
    # The verdict panel.
    conflict_warnings: list
    four_eyes: str
    correcting: bool
    cited: list[Match]
    # The editor's last request for changes and what changed since.
    last_request: TransitionLog | None
    diffs: list
    # The history, newest first, each entry with its `label` from the table of actions.
    log: list[TransitionLog]
    more_claims: list[Claim]
    # Hand-work panels: split, merge, search the library, cite.
    can_split: bool
    can_merge: bool
    merge_candidates: list[Claim]
    library_query: str
    library_hits: list
    split_parts: list[Claim]
    merged_claims: list[Claim]
    threshold: float = selectors.CHECKWORTHY_THRESHOLD
    source_kinds: list = field(default_factory=lambda: list(SourceKind.choices))
    # The table of actions: labels for buttons and messages.
    actions: dict = field(default_factory=lambda: workflow.ACTIONS)

    @property
    def article(self):
        return self.claim.article

    @property
    def original(self) -> Claim:
        # The admin's change-form templates call the object `original`.
        return self.claim

    def as_context(self) -> dict:
        """The fields as template variables (shallow: the objects themselves)."""
        context = {f.name: getattr(self, f.name) for f in fields(self)}
        return {**context, "article": self.article, "original": self.original}


def _verdicts(claim: Claim) -> tuple[list[Verdict], Verdict | None, Verdict | None]:
    """Every verdict (one query, evidence prefetched); the open one as the workflow finds
    it and the published one as the public site does (Verdict.objects.current())."""
    verdicts = selectors.verdicts_of(claim)
    current = set(claim.verdicts.current().values_list("pk", flat=True))
    open_ = next((v for v in verdicts if v.published_at is None), None)
    published = next((v for v in verdicts if v.pk in current), None)
    return verdicts, open_, published


def _matches(claim: Claim) -> list[Match]:
    matches = list(
        claim.matches.select_related("passage__source", "decided_by").order_by("-score", "rank")
    )
    for match in matches:
        match.pairs, match.ignored = numeric_pairs(match.numeric_detail)
        match.numeric_reason = numeric_reason(match.numeric_detail)
    return matches


def _log(claim: Claim) -> list[TransitionLog]:
    entries = list(claim.transitions.select_related("user").order_by("-created_at", "-pk"))
    for entry in entries:
        entry.label = workflow.history_label(entry.action)
    return entries


def _merge_candidates(claim: Claim, *, user, allowed: set[str]) -> list[Claim]:
    if not ("merge" in allowed or (claim.state in OPEN_STATES and user.has_perm(workflow.REVIEW))):
        return []
    candidates = list(
        claim.article.claims.filter(state__in=OPEN_STATES)
        .exclude(pk=claim.pk)
        .defer("text", "extracted_text", "sentence")
        .annotate(preview=Left("text", PREVIEW_CHARS + 1))
        .order_by("start", "position")
    )
    # Shown as a list to pick from (merging posts ids): the start of each is enough.
    for other in candidates:
        other.text = Truncator(other.preview).chars(PREVIEW_CHARS)
    return candidates


def workbench(*, claim: Claim, user, query: str = "", draft: dict | None = None) -> Workbench:
    """The claim page for `user`: `query` searches the library, `draft` is a verdict form
    sent back with errors."""
    body = claim.article.body
    start, end = sorted((max(0, claim.start), min(len(body), claim.end)))
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(body), end + CONTEXT_CHARS)
    verdicts, verdict, published = _verdicts(claim)
    allowed = {t.name for t in workflow.allowed_transitions(claim=claim, user=user)}
    last_request, diffs = workflow.changes_since_last_request(claim)
    acting = bool({"propose_verdict", "approve_verdict"} & allowed)
    query = (query or "").strip()
    return Workbench(
        claim=claim,
        context_before=("…" if lo > 0 else "") + body[lo:start],
        span=_capped(body[start:end]),
        context_after=body[end:hi] + ("…" if hi < len(body) else ""),
        checkworthiness=checkworthiness.assess_sentence(text=claim.extracted_text, top=5),
        matches=_matches(claim),
        verdicts=verdicts,
        verdict=verdict,
        published=published,
        allowed=allowed,
        can_work=workflow.can_work_on(claim=claim, user=user),
        reviewers=(
            list(notifications.reviewers())
            if workflow.may(claim=claim, user=user, name="assign")
            else []
        ),
        initial_verdict=initial_verdict(claim=claim, verdict=verdict, draft=draft),
        conflict_warnings=action_warnings.unreviewed_conflicts(claim) if acting else [],
        four_eyes=workflow.four_eyes_problem(claim=claim, user=user, verdict=verdict),
        correcting=claim.state == S.IN_REVIEW and published is not None and verdict is None,
        cited=list(
            claim.matches.filter(decision=Match.Decision.ACCEPTED)
            .select_related("passage__source")
            .order_by("-score", "rank")
        ),
        last_request=last_request,
        diffs=diffs,
        log=_log(claim),
        more_claims=list(selectors.more_claims(claim=claim)),
        can_split="split" in allowed,
        can_merge=workflow.may(claim=claim, user=user, name="merge_duplicates"),
        merge_candidates=_merge_candidates(claim, user=user, allowed=allowed),
        library_query=query,
        library_hits=search_library(query=query, quantities=claim.quantities) if query else [],
        split_parts=list(claim.split_parts.order_by("position")),
        merged_claims=list(claim.merged_claims.order_by("position")),
    )
