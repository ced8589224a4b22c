"""What changed since an editor asked for changes, field by field, for the editor's eyes."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db.models import Q

from claims.models import Claim, TransitionLog
from desk.workflow.pattern import snapshot
from desk.workflow.table import open_verdict
from sources.models import Passage


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
