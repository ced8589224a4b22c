"""Fact-checkers work the suggestion queue; editors also edit the public pages."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The public-site permissions of each role as this migration granted them (frozen).
PUBLIC_PERMISSIONS = {
    "Fact-checkers": [
        ("public", "view_suggestion"),
        ("public", "change_suggestion"),
        ("public", "view_page"),
    ],
    "Editors": [
        ("public", "view_suggestion"),
        ("public", "change_suggestion"),
        ("public", "view_page"),
        ("public", "change_page"),
    ],
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; make sure this app's exist now.
    app_config = apps.get_app_config("public")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in PUBLIC_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in pairs:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in PUBLIC_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for app_label, codename in pairs:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0002_default_pages"),
        ("claims", "0004_workflow_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
