"""Give the newsroom roles the workflow permissions (review, approve, history, notifications)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The workflow permissions of each role as this migration granted them (frozen).
WORKFLOW_PERMISSIONS = {
    "Fact-checkers": [
        ("claims", "review_claim"),
        ("claims", "view_verdict"),
        ("claims", "view_transitionlog"),
        ("claims", "view_notification"),
        ("claims", "change_notification"),
        ("claims", "view_historicalclaim"),
        ("claims", "view_historicalmatch"),
        ("claims", "view_historicalverdict"),
    ],
    "Editors": [
        ("claims", "review_claim"),
        ("claims", "view_verdict"),
        ("claims", "view_transitionlog"),
        ("claims", "view_notification"),
        ("claims", "change_notification"),
        ("claims", "view_historicalclaim"),
        ("claims", "view_historicalmatch"),
        ("claims", "view_historicalverdict"),
        ("claims", "approve_verdict"),
    ],
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; make sure the new ones exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in WORKFLOW_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in pairs:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in WORKFLOW_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for app_label, codename in pairs:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
