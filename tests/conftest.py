"""Shared fixtures: the seed content, users and clients, the live site, the write-service spy."""

from dataclasses import dataclass

import pytest
from django.core.management import call_command

from catalog import services
from catalog.models import Season
from tests.seed import FIXTURE, SEED_SLUG


@pytest.fixture(autouse=True)
def _static_files_without_collectstatic(settings):
    # Tests link static files by their plain names and find them in the apps, as debug does
    # (production's storage hashes the names `collectstatic` wrote: catalog/staticfiles.py).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Django's default hasher takes most of a second on purpose, and the suite makes and signs
    # in hundreds of users: Django's testing docs advise a fast one ("Speeding up the tests").
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seed_content(db):
    """The committed seed fixtures, loaded as `make run` loads them."""
    call_command("loaddata", str(FIXTURE))


@pytest.fixture
def site(transactional_db, live_server):
    """The live server (for the browser tests), with the seed content loaded as `make run`
    loads it."""
    call_command("loaddata", str(FIXTURE))
    return live_server.url


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

    from catalog.caching import local_answers

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
