"""The one table of claim actions: what each is called, who may take it, from which states.

Every action on a claim (the transitions, the edits, evidence, hand-made claims) has
one row here. The workflow's pattern checks a person against the row before it writes
anything; the admin's buttons and messages, the API's refusals and the claim's history
read their labels from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.models import Claim, ClaimState, Verdict
from desk.roles import APPROVE, REVIEW

S = ClaimState
OPEN = (S.EXTRACTED, S.IN_REVIEW)


class TransitionError(Exception):
    """A workflow action that cannot be taken; the message is shown to the user as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(TransitionError):
    """The user's role (or relation to the claim) does not allow the action."""


class ConcurrentUpdate(TransitionError):
    """Someone else changed the claim between the page load and the action."""


# Refusals shared by the actions that edit a claim in review (text, evidence).
EDIT_ROLE = "Only a fact-checker or editor can edit claims and evidence."
EDIT_STATE = "The claim can only be edited while it is in review (it is {state})."
EDIT_ASSIGNEE = "This claim is assigned to {owner}; only the assignee can edit it."
HAND_ROLE = "Only a fact-checker or editor can add, split or merge claims."


@dataclass(frozen=True)
class Action:
    """One thing a person (or the system) does to a claim."""

    name: str
    # Buttons, refusals and the change reason in the claim's field history.
    label: str
    # States it is taken from (None: any) and the state it moves the claim to (None: stays).
    sources: tuple[str, ...] | None = None
    target: str | None = None
    # None: only the system takes it (e.g. after a cited source changed).
    permission: str | None = REVIEW
    # In review, only the claim's assignee acts on it (one owner per claim).
    assignee_only: bool = False
    # Four eyes: nobody who wrote a version of the open verdict may take it.
    not_author: bool = False
    # The role is checked before anything else (edits say first who may edit).
    role_first: bool = False
    # What a finished action sounds like to the person who lost a race.
    past: str = ""
    # What the admin says once it is done.
    done: str = ""
    # An action on an article, not a claim: checked here, recorded with the article.
    on_article: bool = False
    # The button's words, when they differ from the label.
    button: str = ""
    # Refusals in the newsroom's words where the generic ones do not fit; {state}, {owner}.
    role_refusal: str = ""
    state_refusal: str = ""
    assignee_refusal: str = ""

    @property
    def is_transition(self) -> bool:
        return self.target is not None

    @property
    def history_label(self) -> str:
        """How the claim's history names an entry of this action."""
        return history_label(self.name)

    @property
    def button_label(self) -> str:
        return self.button or self.label


def history_label(name: str) -> str:
    """The history's words for an action name (also for names no longer in the table)."""
    return name.replace("_", " ").capitalize()


def _edit(name: str, label: str, done: str = "", **extra) -> Action:
    return Action(
        name,
        label,
        sources=(S.IN_REVIEW,),
        assignee_only=True,
        role_first=True,
        done=done,
        role_refusal=EDIT_ROLE,
        state_refusal=EDIT_STATE,
        assignee_refusal=EDIT_ASSIGNEE,
        **extra,
    )


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in [
        # --- Transitions: they move the claim from one state to another.
        Action(
            "start_review",
            "Start review",
            (S.EXTRACTED,),
            S.IN_REVIEW,
            past="took this claim for review",
            done="You are now reviewing this claim.",
        ),
        Action(
            "propose_verdict",
            "Propose verdict",
            (S.IN_REVIEW,),
            S.AWAITING_APPROVAL,
            assignee_only=True,
            past="proposed a verdict",
            done="Verdict proposed; the editors have been notified.",
            button="Propose verdict for approval",
        ),
        Action(
            "request_changes",
            "Request changes",
            (S.AWAITING_APPROVAL,),
            S.IN_REVIEW,
            APPROVE,
            not_author=True,
            past="sent the verdict back",
            done="The verdict went back to its fact-checker with your comment.",
        ),
        Action(
            "approve_verdict",
            "Approve",
            (S.AWAITING_APPROVAL,),
            S.APPROVED,
            APPROVE,
            not_author=True,
            past="approved the verdict",
            done="Verdict approved.",
        ),
        Action(
            "publish",
            "Publish",
            (S.APPROVED,),
            S.PUBLISHED,
            APPROVE,
            not_author=True,
            past="published the verdict",
            done="Verdict published.",
        ),
        Action(
            "dismiss",
            "Dismiss",
            OPEN,
            S.DISMISSED,
            assignee_only=True,
            past="dismissed the claim",
            done="The claim was dismissed.",
        ),
        Action(
            "correct_verdict",
            "Start a correction",
            (S.PUBLISHED,),
            S.IN_REVIEW,
            past="started a correction",
            done="Correction started: revise the verdict and propose it again.",
            button="Start correction",
        ),
        Action(
            "queue_rereview",
            "Re-review (source changed)",
            (S.APPROVED,),
            S.IN_REVIEW,
            None,
            past="reopened the claim because a source changed",
        ),
        # The parts or the kept claim carry the work on.
        Action(
            "split",
            "Split",
            OPEN,
            S.SPLIT,
            assignee_only=True,
            past="split the claim",
            role_refusal=HAND_ROLE,
        ),
        Action(
            "merge",
            "Merge into another claim",
            OPEN,
            S.MERGED,
            assignee_only=True,
            past="merged the claim into another",
            role_refusal=HAND_ROLE,
        ),
        # --- Actions that leave the state as it is.
        Action(
            "flag_rereview",
            "Flag for re-review (source changed)",
            (S.APPROVED, S.PUBLISHED),
            permission=None,
            past="flagged the claim for re-review because a source changed",
        ),
        _edit("edit_claim_text", "Edit claim text", "Claim text saved.", past="edited the text"),
        _edit(
            "evidence_accepted",
            "Accept as evidence",
            "Evidence accepted.",
            past="accepted evidence",
        ),
        _edit("evidence_rejected", "Reject", "Evidence rejected.", past="rejected evidence"),
        _edit(
            "evidence_none",
            "Undo",
            "Decision on the evidence taken back.",
            past="took back a decision on evidence",
        ),
        _edit("attach_evidence", "Cite as evidence", past="cited evidence"),
        Action(
            "assign",
            "Assign",
            OPEN,
            permission=APPROVE,
            role_first=True,
            past="reassigned the claim",
            done="Claim reassigned.",
            role_refusal="Only an editor can assign claims.",
            state_refusal="Only claims not yet proposed for approval can be reassigned.",
        ),
        Action(
            "confirm_after_source_change",
            "Confirm the verdict",
            (S.PUBLISHED,),
            role_first=True,
            past="confirmed the verdict after a source changed",
            done="Verdict confirmed; the re-review flag is cleared.",
            role_refusal="Only a fact-checker or editor can confirm a verdict.",
            state_refusal="Re-review this claim by proposing its verdict again; it is {state}.",
        ),
        Action("add_claim", "Add a claim", role_refusal=HAND_ROLE, past="added the claim"),
        Action("split_off", "Split off", role_refusal=HAND_ROLE, past="split the claim off"),
        Action(
            "merge_duplicates",
            "Merge duplicates",
            OPEN,
            assignee_only=True,
            past="merged duplicates into the claim",
            role_refusal=HAND_ROLE,
            state_refusal=(
                "Claims can be merged only into a claim not yet proposed for approval "
                "(this one is {state})."
            ),
            assignee_refusal="Only the claim's assignee can merge duplicates into it.",
        ),
        # --- Actions on an article (its revisions and processing keep their own record).
        Action(
            "process_again",
            "Process again",
            permission="claims.add_article",
            on_article=True,
            role_refusal="Only a fact-checker or editor can process an article again.",
        ),
        Action(
            "revise_article_text",
            "Revise the text",
            on_article=True,
            role_refusal="Only a fact-checker or editor can revise an article's text.",
        ),
    ]
}

# The transitions: the actions that move a claim from one state to another.
TRANSITIONS: dict[str, Action] = {n: a for n, a in ACTIONS.items() if a.is_transition}


def open_verdict(claim: Claim) -> Verdict | None:
    """The claim's verdict on its way to publication (not yet published), if any."""
    return claim.verdicts.filter(published_at__isnull=True).first()


def verdict_writers(verdict: Verdict) -> set[int]:
    """Everyone who wrote any version of the verdict (its history keeps each author)."""
    return {verdict.author_id, *verdict.history.values_list("author_id", flat=True)}


def person(user) -> str:
    if user is None:
        return "the system"
    return user.get_full_name() or user.get_username()


def check_role(name: str, user) -> None:
    """Raise NotAllowed unless `user`'s role allows action `name` (whatever the claim)."""
    action = ACTIONS[name]
    if action.permission is None:
        if user is not None:
            raise NotAllowed(f"“{action.label}” is taken by the system only.")
        return
    if user is None or not user.is_active or not user.has_perm(action.permission):
        if action.role_refusal:
            raise NotAllowed(action.role_refusal)
        role = "an editor" if action.permission == APPROVE else "a fact-checker or editor"
        raise NotAllowed(f"Only {role} can “{action.label.lower()}”.")


def check_action(
    *, claim: Claim, user, name: str, writers: set[int] | None = None, precheck=None
) -> None:
    """Raise TransitionError (NotAllowed for role rules) unless `user` may take `name` now.

    `writers` are the people who wrote the open verdict (four eyes), looked up when
    needed; `precheck(claim)` runs the action's own checks after the role (for edits)
    and before the state.
    """
    action = ACTIONS[name]
    if action.role_first:
        check_role(name, user)
    if precheck is not None:
        precheck(claim)
    if action.sources is not None and claim.state not in action.sources:
        state = claim.get_state_display().lower()
        if action.state_refusal:
            raise TransitionError(action.state_refusal.format(state=state))
        raise TransitionError(f"“{action.label}” is not possible: the claim is {state}.")
    if not action.role_first:
        check_role(name, user)
    if action.permission is None:
        return
    if (
        action.assignee_only
        and claim.state == S.IN_REVIEW
        and claim.assignee_id != user.pk
        and not user.is_superuser
    ):
        owner = person(claim.assignee) if claim.assignee_id else "nobody"
        if action.assignee_refusal:
            raise NotAllowed(action.assignee_refusal.format(owner=owner))
        raise NotAllowed(f"This claim is assigned to {owner}; only the assignee can act on it.")
    if action.not_author:
        if writers is None:
            verdict = open_verdict(claim)
            writers = verdict_writers(verdict) if verdict is not None else set()
        if user.pk in writers:
            raise NotAllowed(
                "Four eyes: you wrote this verdict or an earlier version of it, "
                "so another editor must do this."
            )


def may(*, claim: Claim, user, name: str, writers: set[int] | None = None) -> bool:
    """Whether `user` may take action `name` on `claim` now (for buttons; actions re-check)."""
    try:
        check_action(claim=claim, user=user, name=name, writers=writers)
    except TransitionError:
        return False
    return True


def check_transition(*, claim: Claim, user, name: str, verdict: Verdict | None = None) -> None:
    """Raise TransitionError (NotAllowed for role rules) unless `user` may take `name` now."""
    writers = verdict_writers(verdict) if verdict is not None else None
    check_action(claim=claim, user=user, name=name, writers=writers)


def allowed_transitions(*, claim: Claim, user) -> list[Action]:
    """The transitions `user` may take on `claim` now (for buttons; services re-check)."""
    verdict = open_verdict(claim)
    writers = verdict_writers(verdict) if verdict is not None else set()
    return [
        t for t in TRANSITIONS.values() if may(claim=claim, user=user, name=t.name, writers=writers)
    ]


def check_can_work_on(claim: Claim, user) -> None:
    """Raise unless `user` may edit the claim and its evidence now (the assignee in review)."""
    check_action(claim=claim, user=user, name="edit_claim_text")


def can_work_on(*, claim: Claim, user) -> bool:
    """Whether `user` may edit the claim and its evidence now (the assignee in review)."""
    return may(claim=claim, user=user, name="edit_claim_text")
