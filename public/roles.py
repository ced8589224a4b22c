"""What the newsroom roles may do with the public site's own data."""

from desk.roles import EDITORS, FACT_CHECKERS

PUBLIC_PERMISSIONS = {
    FACT_CHECKERS: [
        ("public", "view_suggestion"),
        ("public", "change_suggestion"),
        ("public", "view_page"),
    ],
    EDITORS: [
        ("public", "view_suggestion"),
        ("public", "change_suggestion"),
        ("public", "view_page"),
        ("public", "change_page"),
    ],
}


def ensure_public_roles() -> None:
    """Give the role groups their public-site permissions (as migration 0003 does)."""
    from django.contrib.auth.models import Group, Permission

    for name, pairs in PUBLIC_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in pairs:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
