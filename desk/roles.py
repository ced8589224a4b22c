"""Newsroom roles and the model permissions each one holds.

Who may do something is always read from permissions (`user.has_perm`, and
`people_with` for everyone who may), never from group names: the groups only hand out
the permissions, so a person given a permission directly counts the same.
"""

from collections.abc import Iterable

REVIEW = "claims.review_claim"
APPROVE = "claims.approve_verdict"

FACT_CHECKERS = "Fact-checkers"
EDITORS = "Editors"

# (app_label, codename) pairs; the workflow adds per-transition rules on top.
FACT_CHECKER_PERMISSIONS = [
    ("claims", "view_article"),
    ("claims", "add_article"),
    ("claims", "view_claim"),
    ("claims", "change_claim"),
    ("claims", "view_match"),
    ("claims", "change_match"),
    ("sources", "view_source"),
    ("sources", "view_passage"),
]
# Added by migration 0004 with the workflow (0002 stays as it was applied).
FACT_CHECKER_WORKFLOW_PERMISSIONS = [
    ("claims", "review_claim"),
    ("claims", "view_verdict"),
    ("claims", "view_transitionlog"),
    ("claims", "view_notification"),
    ("claims", "change_notification"),
    ("claims", "view_historicalclaim"),
    ("claims", "view_historicalmatch"),
    ("claims", "view_historicalverdict"),
]
EDITOR_WORKFLOW_PERMISSIONS = [
    *FACT_CHECKER_WORKFLOW_PERMISSIONS,
    ("claims", "approve_verdict"),
]
WORKFLOW_PERMISSIONS = {
    FACT_CHECKERS: FACT_CHECKER_WORKFLOW_PERMISSIONS,
    EDITORS: EDITOR_WORKFLOW_PERMISSIONS,
}
EDITOR_PERMISSIONS = [
    *FACT_CHECKER_PERMISSIONS,
    ("claims", "change_article"),
    ("sources", "add_source"),
    ("sources", "change_source"),
    ("sources", "add_passage"),
    ("sources", "change_passage"),
    ("sources", "delete_passage"),
]
ROLE_PERMISSIONS = {FACT_CHECKERS: FACT_CHECKER_PERMISSIONS, EDITORS: EDITOR_PERMISSIONS}


def people_with(permission: str, *, exclude: Iterable[int] = ()):
    """Active people who hold `permission` (through a group, directly, or as superusers),
    except the ids in `exclude`."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.with_perm(
        permission,
        is_active=True,
        include_superusers=True,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    return users.exclude(pk__in=list(exclude))


def ensure_roles() -> None:
    """Create the role groups with all their permissions (as migrations 0002 and 0004 do).

    For databases emptied after migrating (transactional tests flush the groups).
    """
    from django.contrib.auth.models import Group, Permission

    for name in ROLE_PERMISSIONS:
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in [*ROLE_PERMISSIONS[name], *WORKFLOW_PERMISSIONS[name]]:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
