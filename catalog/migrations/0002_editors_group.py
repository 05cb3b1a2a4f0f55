"""The Editors group: may add, change, delete and view every content model, nothing else."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = [
    "series", "season", "infoboxfield", "section", "person", "episode", "credit",
    "outlet", "review", "event", "accolade", "reference", "citation",
]  # fmt: skip
ACTIONS = ["add", "change", "delete", "view"]


def create_editors_group(apps, schema_editor):
    # Permissions are made after migrations run; make them now so the group can hold them.
    app_config = apps.get_app_config("catalog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model in CONTENT_MODELS for action in ACTIONS]
    permissions = Permission.objects.filter(
        content_type__app_label="catalog", codename__in=codenames
    )
    editors.permissions.add(*permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
