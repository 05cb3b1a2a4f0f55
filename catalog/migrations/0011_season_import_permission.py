"""The permission to import a season article from the admin, given to the Editors group (who
may already add and change every row an import writes)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def give_editors_the_import(apps, schema_editor):
    # Permissions are made after migrations run; make this one now so the group can hold it.
    app_config = apps.get_app_config("catalog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="catalog", codename="import_season")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.add(permission)


def take_it_back(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="catalog", codename="import_season").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0010_revision_feed_positions"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="season",
            options={
                "ordering": ["series__name", "number"],
                "permissions": [("import_season", "Can import a season article")],
            },
        ),
        migrations.RunPython(give_editors_the_import, take_it_back),
    ]
