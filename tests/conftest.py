"""Shared fixtures: the seed content, users and clients, the live site, the write-service spy."""

import copy
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models.signals import post_migrate

from catalog.content import services
from catalog.models import Season
from tests.seed import FIXTURE, SEED_SLUG


@pytest.fixture(autouse=True)
def _static_files_without_collectstatic(settings):
    # Tests link static files by their plain names and find them in the apps, as debug does
    # (production's storage hashes the names `collectstatic` wrote:
    # catalog/plumbing/staticfiles.py).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Django's default hasher takes most of a second on purpose, and the suite makes and signs
    # in hundreds of users: Django's testing docs advise a fast one ("Speeding up the tests").
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, whose Editors group (made by data migrations 0002 and 0011) is made
    again after each flush that ends a transactional test.

    Tests run in parallel and in any order, so a test that counts on the group may follow a
    browser test whose flush emptied it. A flush re-creates the permissions (post_migrate);
    the group is given back the same ones, by name."""
    from django.contrib.auth.models import Group, Permission

    with django_db_blocker.unblock():
        granted = list(
            Group.objects.get(name="Editors").permissions.values_list(
                "content_type__app_label", "codename"
            )
        )

    def give_back_the_editors_group(using, **kwargs):
        editors, _created = Group.objects.using(using).get_or_create(name="Editors")
        permissions = Permission.objects.using(using).filter(
            content_type__app_label__in={label for label, _codename in granted},
            codename__in={codename for _label, codename in granted},
        )
        editors.permissions.set(permissions)

    # Sent for each app after a flush; the catalog's comes after its permissions are made.
    post_migrate.connect(
        give_back_the_editors_group, sender=apps.get_app_config("catalog"), weak=False
    )
    yield
    post_migrate.disconnect(give_back_the_editors_group, sender=apps.get_app_config("catalog"))


@pytest.fixture(scope="session")
def seed_rows(django_db_setup, django_db_blocker):
    """The rows that loading the committed seed fixtures writes, read once per test process.

    `loaddata` runs once, as `make run` runs it, inside a transaction that is rolled back;
    every table it wrote to is read back. Each test that wants the seed then inserts those
    rows itself (`insert_rows`), so that hundreds of tests do not each parse and save the
    fixture object by object (the `setUpTestData` idea, for pytest functions)."""
    with django_db_blocker.unblock():
        models = apps.get_models(include_auto_created=True)
        with transaction.atomic():
            before = {model: model._base_manager.count() for model in models}
            call_command("loaddata", str(FIXTURE), verbosity=0)
            written = [model for model in models if model._base_manager.count() != before[model]]
            assert not any(before[model] for model in written), "the seed loads into empty tables"
            rows = {model: list(model._base_manager.order_by("pk")) for model in written}
            transaction.set_rollback(True)
    return rows


def insert_rows(rows):
    """Write `seed_rows` into the test's database: every row as loaded, with its own keys,
    and the key sequences moved past them (PostgreSQL), as `loaddata` leaves them."""
    # Foreign keys are checked at commit (deferred on both databases), so in one transaction
    # the order of the tables does not matter (a transactional test has none of its own).
    with transaction.atomic():
        for model, objects in rows.items():
            model._base_manager.bulk_create(copy.deepcopy(objects))
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(rows)):
                cursor.execute(sql)


@pytest.fixture
def seed_content(db, seed_rows):
    """The committed seed fixtures, loaded as `make run` loads them."""
    insert_rows(seed_rows)


@pytest.fixture
def site(transactional_db, live_server, seed_rows):
    """The live server (for the browser tests), with the seed content loaded as `make run`
    loads it."""
    insert_rows(seed_rows)
    return live_server.url


@pytest.fixture(scope="session")
def chromium_browser():
    """One Chromium per test process, started by the first browser test that runs in it."""
    from tests.browser import chromium

    with chromium() as browser:
        yield browser


@pytest.fixture
def browser(site, chromium_browser):
    """The shared Chromium, for a test against the live `site`: each page a test opens is in
    a context of its own (`browser.new_context()`), and every context is closed after it, so
    no cookie, storage or open page reaches the next test."""
    yield chromium_browser
    for context in chromium_browser.contexts:
        context.close()


@pytest.fixture
def season(seed_content):
    """Jessica Jones season 2, from the seed fixtures."""
    return Season.objects.get(slug=SEED_SLUG)


@pytest.fixture
def editor(db):
    """A staff user in the Editors group (made by the data migration), as editors are set up."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("editor", password="an-editor-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_admin(client, editor):
    """The test client, signed in to the admin as the editor."""
    client.force_login(editor)
    return client


@pytest.fixture
def reader(db):
    """A signed-up user with no permissions at all."""
    from django.contrib.auth.models import User

    return User.objects.create_user("reader", password="a-reader-password")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so the API's throttle counts only its requests and
    no answer is stored yet (the process's own copies included)."""
    from django.core.cache import cache

    from catalog.delivery.caching import local_answers

    cache.clear()
    local_answers.forget()


@pytest.fixture
def api_client():
    """An anonymous API client."""
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def editor_client(editor):
    """An API client sending the editor's token, as an editor's script would."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


@dataclass
class ServiceCall:
    function: str
    model: type
    pk: object
    actor: services.Actor
    fields: dict
    many: dict
    base_version: int | None


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a write as it runs in production: its after-commit announcements happen."""

    def run(write, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return write(*args, **kwargs)

    return run


@pytest.fixture
def save(commit, editor):
    """An editor's save through the write service, committed (as the admin saves)."""

    def save(instance, **fields):
        actor = services.Actor.editor(editor, "admin")
        return commit(services.content_save, instance=instance, actor=actor, fields=fields)

    return save


@pytest.fixture
def service_calls(monkeypatch):
    """Every call of the write service, recorded; each still does its real work (so a test
    sees which path called it, as whom, with what)."""
    calls = []

    def spy(name):
        real = getattr(services, name)

        def recording(*, instance, actor, **kwargs):
            calls.append(
                ServiceCall(
                    name,
                    type(instance),
                    instance.pk,
                    actor,
                    dict(kwargs.get("fields") or {}),
                    dict(kwargs.get("many") or {}),
                    kwargs.get("base_version"),
                )
            )
            return real(instance=instance, actor=actor, **kwargs)

        monkeypatch.setattr(services, name, recording)

    spy("content_save")
    spy("content_delete")
    return calls
