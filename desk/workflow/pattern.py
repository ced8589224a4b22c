"""The one way an action changes a claim: lock, check, apply, record, sync.

    with claim_action("approve_verdict", claim=claim, user=editor,
                      expected_version=version) as act:
        ...                      # the action's own checks and writes (the "do" part)
        act.move(verdict=verdict)

`claim_action` opens a transaction, locks the claim's row (select_for_update) and
refuses a page older than `expected_version`, so of two people acting on the same claim
at once exactly one wins and the other reads who did what meanwhile; it checks the
person against the action's row in the table (desk.workflow.table); the block applies
the action and records it (`move` for a transition, `edit` or `record` otherwise: a
TransitionLog entry, plus a field-history record with the user and the action's label as
reason); on the way out the caller's object is brought up to date with the saved row.
A block that neither records nor says `act.unchanged()` is a programming error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from claims.integrity import workflow_action
from claims.models import Claim, TransitionLog, Verdict
from desk.workflow.table import ACTIONS, Action, ConcurrentUpdate, check_action, check_role, person


def lock_claim(claim: Claim, *, expected_version: int | None) -> Claim:
    """Lock the claim's row (caller holds the transaction) and refuse a stale page."""
    locked = (
        Claim.objects.select_for_update(of=("self",)).select_related("assignee").get(pk=claim.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ConcurrentUpdate(lost_race_message(locked))
    return locked


def lost_race_message(locked: Claim) -> str:
    last = locked.transitions.select_related("user").order_by("-created_at", "-pk").first()
    if last is None:
        return "Someone else changed this claim meanwhile. Reload the page; nothing was saved."
    action = ACTIONS.get(last.action)
    did = action.past if action and action.past else last.action.replace("_", " ")
    when = timezone.localtime(last.created_at).strftime("%H:%M:%S")
    who = "The system" if last.user is None else person(last.user)
    return (
        f"{who} {did} at {when} while you were looking at it. Nothing of yours was saved; "
        "reload the page to see the claim as it is now."
    )


def sync_claim(claim: Claim, locked: Claim) -> None:
    """Bring the caller's object up to date with the row as saved."""
    for field_ in Claim._meta.concrete_fields:
        setattr(claim, field_.attname, getattr(locked, field_.attname))


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
    """Write the workflow log entry for an action of the table (transitions and edits)."""
    if action not in ACTIONS:
        raise KeyError(f"{action} is not in the table of claim actions")
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


def save_verdict(verdict: Verdict, *, user, reason: str) -> None:
    """Save a verdict inside a workflow action, with its history user and reason."""
    verdict._history_user = user
    verdict._change_reason = reason[:100]
    with workflow_action():
        verdict.save()


@dataclass
class Act:
    """One action under way on a locked claim: the block's way to write and record."""

    action: Action
    claim: Claim
    user: object
    # Other claims locked with this one (merging), by id.
    others: dict[int, Claim] = field(default_factory=dict)
    entries: list[TransitionLog] = field(default_factory=list)
    nothing_to_do: bool = False

    def move(
        self,
        *,
        name: str | None = None,
        claim: Claim | None = None,
        comment: str = "",
        verdict: Verdict | None = None,
        with_snapshot: bool = False,
        fields: Iterable[str] = (),
    ) -> TransitionLog:
        """Take transition `name` (this action's by default) on the claim (or another
        locked one): its target state is saved with `fields`, and recorded."""
        transition = ACTIONS[name or self.action.name]
        claim = self.claim if claim is None else claim
        from_state = claim.state
        claim.state = transition.target
        reason = f"{transition.label}: {comment}" if comment else transition.label
        save_claim(claim, user=self.user, reason=reason, fields=["state", *fields])
        return self.record(
            name=transition.name,
            claim=claim,
            from_state=from_state,
            comment=comment,
            verdict=verdict,
            with_snapshot=with_snapshot,
        )

    def edit(
        self, *, reason: str, comment: str = "", fields: Iterable[str] = (), name: str = ""
    ) -> TransitionLog:
        """Save the claim's changed `fields` with `reason` and record the action."""
        save_claim(self.claim, user=self.user, reason=reason, fields=fields)
        return self.record(name=name, comment=comment)

    def record(
        self,
        *,
        name: str = "",
        claim: Claim | None = None,
        from_state: str | None = None,
        comment: str = "",
        verdict: Verdict | None = None,
        with_snapshot: bool = False,
    ) -> TransitionLog:
        """Write the history entry of this action (or of `name`) for a claim it touched."""
        claim = self.claim if claim is None else claim
        entry = record(
            claim=claim,
            user=self.user,
            action=name or self.action.name,
            from_state=claim.state if from_state is None else from_state,
            comment=comment,
            verdict=verdict,
            with_snapshot=with_snapshot,
        )
        self.entries.append(entry)
        return entry

    def unchanged(self) -> None:
        """Nothing to write (e.g. the text is the same): the action records nothing."""
        self.nothing_to_do = True


@contextmanager
def claim_action(
    name: str,
    *,
    claim: Claim,
    user,
    expected_version: int | None = None,
    precheck=None,
    also_lock: Iterable[int] = (),
) -> Iterator[Act]:
    """Lock `claim`, check `user` against action `name`'s row, yield the Act that applies
    and records it, and sync the caller's `claim` once the transaction is committed.

    `precheck(locked)` is the action's own refusal that comes before the state check;
    `also_lock` are ids of other claims locked in the same query, in id order (merging).
    """
    action = ACTIONS[name]
    with transaction.atomic():
        others: dict[int, Claim] = {}
        if also_lock:
            rows = {
                c.pk: c
                for c in Claim.objects.select_for_update(of=("self",))
                .select_related("assignee")
                .filter(pk__in=[claim.pk, *also_lock])
                .order_by("pk")
            }
            locked = rows.pop(claim.pk)
            others = rows
            if expected_version is not None and locked.version != expected_version:
                raise ConcurrentUpdate(lost_race_message(locked))
        else:
            locked = lock_claim(claim, expected_version=expected_version)
        if (
            action.is_transition
            and locked.state not in action.sources
            and claim.state != locked.state
        ):
            # A state that moved since the caller loaded the claim is a lost race.
            raise ConcurrentUpdate(lost_race_message(locked))
        check_action(claim=locked, user=user, name=name, precheck=precheck)
        act = Act(action=action, claim=locked, user=user, others=others)
        yield act
        if not act.entries and not act.nothing_to_do:
            raise RuntimeError(f"The action {name} wrote no history entry.")
    sync_claim(claim, locked)


def new_claim_action(name: str, *, claim: Claim, user, comment: str) -> TransitionLog:
    """Record the action that made `claim` (added by hand, split off): the role is checked
    against the table before the claim was made, and the entry opens its history."""
    check_role(name, user)
    return record(claim=claim, user=user, action=name, from_state=claim.state, comment=comment)
