"""The review queue's tabs: which claims each one lists for a person, and how many.

One definition per tab serves the list, its count in the header and the claim page's
next/previous links, so a count can never disagree with the list it names. Who can act
decides what a tab holds: an editor's "awaiting approval" and "ready to publish" leave
out the verdicts they wrote (four eyes: someone else must act on those); for a
fact-checker they list every claim in that state, as all of them wait on an editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from claims.models import Claim, ClaimState, Verdict
from desk import workflow

S = ClaimState
# Work not finished: the default view of the queue.
OPEN_STATES = (S.EXTRACTED, S.IN_REVIEW, S.AWAITING_APPROVAL, S.APPROVED)
CLOSED_STATES = (S.PUBLISHED, S.DISMISSED, S.SPLIT, S.MERGED)
DEFAULT_TAB = "open"


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    # Shown as the link's title: what the tab holds for this person.
    help: str
    count: int | None = None


def _own_open_verdict(user) -> Exists:
    """The claim's unpublished verdict has a version written by `user` (four eyes)."""
    return Exists(
        Verdict.history.filter(
            claim_id=OuterRef("pk"),
            id__in=Verdict.objects.filter(published_at__isnull=True).values("pk"),
            author_id=getattr(user, "pk", None),
        )
    )


def _approver(user) -> bool:
    return bool(user is not None and user.is_active and user.has_perm(workflow.APPROVE))


def tab_filter(*, user, key: str) -> Q:
    """The condition a claim meets to be listed under tab `key` for `user`."""
    open_work = Q(state__in=OPEN_STATES)
    if key == "open":
        return open_work
    if key == "mine":
        return open_work & Q(assignee_id=getattr(user, "pk", None))
    if key == "unassigned":
        return open_work & Q(assignee__isnull=True)
    if key in ("approval", "ready"):
        state = Q(state=S.AWAITING_APPROVAL if key == "approval" else S.APPROVED)
        return state & ~_own_open_verdict(user) if _approver(user) else state
    if key == "rereview":
        return Q(needs_rereview=True)
    if key == "closed":
        return Q(state__in=CLOSED_STATES)
    if key == "all":
        return Q(pk__isnull=False)
    raise KeyError(key)


def tabs(*, user) -> list[Tab]:
    """The queue's tabs for `user`, in the order the header shows them (without counts)."""
    approver = _approver(user)
    return [
        Tab("open", "Open work", "Extracted, in review, awaiting approval or approved"),
        Tab("mine", "Mine", "Open claims assigned to you"),
        Tab("unassigned", "Unassigned", "Open claims nobody has taken"),
        Tab(
            "approval",
            "Awaiting approval",
            "Verdicts you may approve (not your own)"
            if approver
            else "Verdicts waiting for an editor",
        ),
        Tab(
            "ready",
            "Ready to publish",
            "Approved verdicts you may publish (not your own)"
            if approver
            else "Approved verdicts waiting to be published",
        ),
        Tab("rereview", "Needs re-review", "A cited source or the article changed"),
        Tab("closed", "Closed", "Published, dismissed, split or merged"),
        Tab("all", "All claims", "Every claim, open or closed"),
    ]


def tab_claims(*, user, key: str, claims: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    """The claims of tab `key` for `user` (from `claims`, all claims by default)."""
    claims = Claim.objects.all() if claims is None else claims
    return claims.filter(tab_filter(user=user, key=key))


def tabs_with_counts(*, user) -> list[Tab]:
    """The tabs with how many claims each lists for `user` (one query)."""
    counts = Claim.objects.aggregate(
        **{
            tab.key: Count("pk", filter=tab_filter(user=user, key=tab.key))
            for tab in tabs(user=user)
        }
    )
    return [Tab(tab.key, tab.label, tab.help, counts[tab.key] or 0) for tab in tabs(user=user)]
