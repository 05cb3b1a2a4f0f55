"""What `make run` needs before serving: the seed content once, a way into the admin, and,
with debug off, the static files collected (catalog.plumbing.staticfiles)."""

import ipaddress
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalog.importer import article_import
from catalog.management.commands.build_fixtures import FIXTURE_NAME, seed_articles
from catalog.models import Season
from catalog.plumbing import staticfiles

# A server listening on every address is reached on this machine at the loopback one.
LOOPBACK = {"0.0.0.0": "127.0.0.1", "::": "::1"}


def site_address(host, port):
    """The address a browser on this machine opens for a server on `host`:`port`."""
    host = LOOPBACK.get(host, host)
    try:
        if ipaddress.ip_address(host).version == 6:
            host = f"[{host}]"
    except ValueError:
        pass  # a host name
    return f"http://{host}:{port}/"


def keep_seed_import_bases():
    """Import the seeds over the fixture just loaded: the fixture is their import (`build_fixtures
    --check`), so this writes no content, only each season's import base, and a later re-import
    of a seed keeps what editors changed meanwhile (docs/importing.md)."""
    for article, citations in seed_articles(Path(settings.BASE_DIR) / "seeds"):
        article_import(path=article, citations_path=citations)


class Command(BaseCommand):
    # runserver checks right after; checked before this command, the static files it is
    # about to collect would be reported missing.
    requires_system_checks = []
    help = (
        "Load the seed fixtures into an empty database and create an admin account "
        "(with a random password, printed once) when there is none; with debug off, collect "
        "the static files. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default="127.0.0.1", help="The host the site is served on (make's HOST)."
        )
        parser.add_argument(
            "--port", default="8000", help="The port the site is served on (make's PORT)."
        )

    def handle(self, *args, host, port, **options):
        if Season.objects.exists():
            self.stdout.write("Content is already loaded; the seed fixtures were not reloaded.")
        else:
            call_command("loaddata", str(Path(settings.BASE_DIR) / "fixtures" / FIXTURE_NAME))
            keep_seed_import_bases()
        if staticfiles.hashed():
            call_command("collectstatic", interactive=False, verbosity=0)
            self.stdout.write(
                f"Debug is off: the static files are collected in {settings.STATIC_ROOT}."
            )
        admin = f"{site_address(host, port)}admin/"
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"An admin account exists: {admin}  Forgot its password? "
                "`.venv/bin/python manage.py changepassword admin`"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "\nCreated the admin account. It is shown only this once:\n"
                f"  {admin}   user: admin   password: {password}\n"
            )
        )
