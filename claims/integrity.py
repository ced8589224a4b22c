"""The rule that workflow fields (claim state and assignee, verdict approval and
publication) change only inside a workflow action, whatever the entry point: admin
forms, history reverts, save() from a shell, queryset.update() or bulk_update().

Workflow actions (desk.workflow, desk.review) run their writes inside
`workflow_action()`; anything else that tries to change such a field is refused with
StateChangeForbidden. A published verdict is frozen outright.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, models

_inside = contextvars.ContextVar("claims_workflow_action", default=False)


class StateChangeForbidden(Exception):
    """Raised when code writes a workflow field outside a workflow action."""


def _database_flag(value: str) -> None:
    # PostgreSQL triggers (migration 0010) refuse workflow writes without this flag; it
    # lasts for the current transaction only (workflow actions always run in one).
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('factcheck.workflow_action', %s, true)", [value])


@contextmanager
def workflow_action() -> Iterator[None]:
    """Mark the writes of one workflow action as allowed to change workflow fields."""
    outermost = not _inside.get()
    token = _inside.set(True)
    if outermost:
        _database_flag("on")
    try:
        yield
    finally:
        _inside.reset(token)
    if outermost:
        _database_flag("off")


def inside_workflow_action() -> bool:
    return _inside.get()


def _guarded(model, names: Iterable[str]) -> list[str]:
    wanted = set()
    for name in names:
        try:
            wanted.add(model._meta.get_field(name).name)
        except Exception:  # noqa: BLE001 - an unknown name fails later in Django itself
            continue
    return [f for f in getattr(model, "WORKFLOW_FIELDS", ()) if f in wanted]


def _refusal(model, fields: Iterable[str]) -> StateChangeForbidden:
    return StateChangeForbidden(
        f"{model._meta.verbose_name.capitalize()}: {', '.join(fields)} change only "
        "through a workflow action."
    )


def refuse_silent_workflow_change(instance: models.Model, update_fields) -> None:
    """Raise StateChangeForbidden if saving `instance` would change a workflow field
    outside a workflow action, or change a published verdict at all.

    Compares with the stored row, not with what was loaded, so an instance built from
    a history record or loaded before a transition cannot write an old state back.
    """
    model = type(instance)
    names = [f.name for f in model._meta.concrete_fields]
    if update_fields is not None:
        names = [n for n in names if n in set(update_fields) or f"{n}_id" in set(update_fields)]
    frozen = getattr(model, "FROZEN_ONCE_PUBLISHED", False)
    guarded = [] if inside_workflow_action() else _guarded(model, names)
    if not guarded and not frozen:
        return
    attnames = {name: model._meta.get_field(name).attname for name in guarded}
    columns = [*attnames.values(), *(["published_at"] if frozen else [])]
    stored = model._base_manager.filter(pk=instance.pk).values(*columns).first()
    if stored is None:
        return
    if frozen and stored["published_at"] is not None:
        raise StateChangeForbidden(
            f"Verdict {instance.pk} is published and never changes; publish a correction."
        )
    changed = [name for name, att in attnames.items() if stored[att] != getattr(instance, att)]
    if changed:
        raise _refusal(model, changed)


class WorkflowGuardedQuerySet(models.QuerySet):
    """Refuses update()/bulk_update() of workflow fields outside a workflow action."""

    def update(self, **kwargs):
        if not inside_workflow_action():
            guarded = _guarded(self.model, kwargs)
            if guarded:
                raise _refusal(self.model, guarded)
        if (
            getattr(self.model, "FROZEN_ONCE_PUBLISHED", False)
            and self.filter(published_at__isnull=False).exists()
        ):
            raise StateChangeForbidden("A published verdict never changes; publish a correction.")
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, batch_size=None):
        if not inside_workflow_action():
            guarded = _guarded(self.model, fields)
            if guarded:
                raise _refusal(self.model, guarded)
        return super().bulk_update(objs, fields, batch_size=batch_size)


# --- A published verdict's evidence ------------------------------------------------------
#
# What a published verdict cites is stored with it (Verdict.published_evidence) and its
# rows in the verdict<->match relation never change: these receivers refuse it for the
# ORM (add/remove/set/clear from either side, deleting a cited match or a published
# verdict); the trigger of migration 0011 refuses it for everything else, raw SQL included.


def _published(verdict_model, pks) -> list[int]:
    return list(
        verdict_model._base_manager.filter(pk__in=pks, published_at__isnull=False).values_list(
            "pk", flat=True
        )
    )


def _evidence_refusal(pks) -> StateChangeForbidden:
    ids = ", ".join(str(pk) for pk in sorted(pks))
    return StateChangeForbidden(
        f"Verdict {ids} is published: the evidence it cites never changes; publish a correction."
    )


def refuse_published_evidence_change(sender, instance, action, reverse, pk_set, **kwargs):
    """m2m_changed receiver for Verdict.evidence (both directions)."""
    if action not in ("pre_add", "pre_remove", "pre_clear"):
        return
    verdict_model = sender._meta.get_field("verdict").related_model
    if not reverse:
        verdict_ids = [instance.pk]
    elif pk_set is not None:
        verdict_ids = list(pk_set)
    else:  # match.cited_by.clear()
        verdict_ids = list(
            sender._default_manager.filter(match_id=instance.pk).values_list(
                "verdict_id", flat=True
            )
        )
    published = _published(verdict_model, verdict_ids)
    if published:
        raise _evidence_refusal(published)


def refuse_deleting_published_verdict(sender, instance, **kwargs):
    """pre_delete receiver for Verdict: a published verdict is never deleted."""
    if _published(sender, [instance.pk]):
        raise StateChangeForbidden(
            f"Verdict {instance.pk} is published and is never deleted; publish a correction."
        )


def refuse_deleting_cited_match(sender, instance, **kwargs):
    """pre_delete receiver for Match: evidence cited by a published verdict stays."""
    through = sender._meta.get_field("cited_by").through
    published = list(
        through._default_manager.filter(
            match_id=instance.pk, verdict__published_at__isnull=False
        ).values_list("verdict_id", flat=True)
    )
    if published:
        raise _evidence_refusal(published)
