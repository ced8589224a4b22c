"""The editorial workflow: the table of claim actions (who may take each, from which
states, its labels), the one pattern every action follows (lock, check, apply, record,
sync) and the transitions themselves.

    table        the actions, their labels and rules; the checks against them
    pattern      claim_action(): lock, check, apply, record, sync
    transitions  start review, propose, request changes, approve, publish, dismiss, correct
    rereview     what a changed source or article does to approved and published verdicts
    verdicts     reads the actions share (four eyes, correction start, what is published)
    diffs        what changed since an editor asked for changes
"""

from desk.roles import APPROVE, REVIEW
from desk.workflow.diffs import DIFF_FIELDS, FieldDiff, changes_since_last_request, word_diff
from desk.workflow.pattern import (
    Act,
    claim_action,
    lock_claim,
    lost_race_message,
    new_claim_action,
    record,
    save_claim,
    save_verdict,
    snapshot,
    sync_claim,
)
from desk.workflow.rereview import (
    queue_rereview_for_article,
    queue_rereview_for_passages,
    queue_rereview_for_source,
)
from desk.workflow.table import (
    ACTIONS,
    TRANSITIONS,
    Action,
    ConcurrentUpdate,
    NotAllowed,
    TransitionError,
    allowed_transitions,
    can_work_on,
    check_action,
    check_can_work_on,
    check_role,
    check_transition,
    history_label,
    may,
    open_verdict,
    person,
    verdict_writers,
)
from desk.workflow.transitions import (
    approve_verdict,
    correct_verdict,
    dismiss,
    propose_verdict,
    publish,
    request_changes,
    start_review,
)
from desk.workflow.verdicts import (
    cited_evidence,
    correction_start,
    four_eyes_problem,
    open_verdict_or_refuse,
    possible_approvers,
    quote_of,
    required_text,
)

__all__ = [
    "ACTIONS",
    "APPROVE",
    "DIFF_FIELDS",
    "REVIEW",
    "TRANSITIONS",
    "Act",
    "Action",
    "ConcurrentUpdate",
    "FieldDiff",
    "NotAllowed",
    "TransitionError",
    "allowed_transitions",
    "approve_verdict",
    "can_work_on",
    "changes_since_last_request",
    "check_action",
    "check_can_work_on",
    "check_role",
    "check_transition",
    "cited_evidence",
    "claim_action",
    "correct_verdict",
    "correction_start",
    "dismiss",
    "four_eyes_problem",
    "history_label",
    "lock_claim",
    "lost_race_message",
    "may",
    "new_claim_action",
    "open_verdict",
    "open_verdict_or_refuse",
    "person",
    "possible_approvers",
    "propose_verdict",
    "publish",
    "queue_rereview_for_article",
    "queue_rereview_for_passages",
    "queue_rereview_for_source",
    "quote_of",
    "record",
    "request_changes",
    "required_text",
    "save_claim",
    "save_verdict",
    "snapshot",
    "start_review",
    "sync_claim",
    "verdict_writers",
    "word_diff",
]
