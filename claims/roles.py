"""Newsroom roles and the model permissions each one holds."""

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


def is_editor(user) -> bool:
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


def is_fact_checker(user) -> bool:
    return user.is_superuser or user.groups.filter(name__in=[FACT_CHECKERS, EDITORS]).exists()
