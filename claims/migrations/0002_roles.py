"""Create the newsroom roles as groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles as this migration first created them (frozen: later changes are new migrations).
ROLE_PERMISSIONS = {
    "Fact-checkers": [
        ("claims", "view_article"),
        ("claims", "add_article"),
        ("claims", "view_claim"),
        ("claims", "change_claim"),
        ("claims", "view_match"),
        ("claims", "change_match"),
        ("sources", "view_source"),
        ("sources", "view_passage"),
    ],
    "Editors": [
        ("claims", "view_article"),
        ("claims", "add_article"),
        ("claims", "view_claim"),
        ("claims", "change_claim"),
        ("claims", "view_match"),
        ("claims", "change_match"),
        ("sources", "view_source"),
        ("sources", "view_passage"),
        ("claims", "change_article"),
        ("sources", "add_source"),
        ("sources", "change_source"),
        ("sources", "add_passage"),
        ("sources", "change_passage"),
        ("sources", "delete_passage"),
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in pairs:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("sources", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
