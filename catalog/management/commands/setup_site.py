"""What `make run` needs after migrating: the seed content once, and a way into the admin."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalog.management.commands.build_fixtures import FIXTURE_NAME
from catalog.models import Season


class Command(BaseCommand):
    help = (
        "Load the seed fixtures into an empty database and create an admin account "
        "(with a random password, printed once) when there is none. Safe to run again."
    )

    def handle(self, *args, **options):
        if Season.objects.exists():
            self.stdout.write("Content is already loaded; the seed fixtures were not reloaded.")
        else:
            call_command("loaddata", str(Path(settings.BASE_DIR) / "fixtures" / FIXTURE_NAME))
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An admin account exists. Forgot its password? "
                "`.venv/bin/python manage.py changepassword admin`"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "\nCreated the admin account. It is shown only this once:\n"
                f"  http://127.0.0.1:8000/admin/   user: admin   password: {password}\n"
            )
        )
