"""Editors get their API token in the admin, at /admin/api-token/."""

from http import HTTPStatus

import pytest
from rest_framework.authtoken.models import Token

from catalog.models import Person, Revision

pytestmark = pytest.mark.django_db

URL = "/admin/api-token/"


def test_the_admin_links_to_the_token_page(client, editor):
    client.force_login(editor)

    assert f'href="{URL}"' in client.get("/admin/").content.decode()


def test_an_editor_creates_sees_and_regenerates_their_own_token(client, editor):
    client.force_login(editor)

    assert "no API token yet" in client.get(URL).content.decode()
    created = client.post(URL)
    first = Token.objects.get(user=editor).key
    page = client.get(URL).content.decode()
    client.post(URL)
    second = Token.objects.get(user=editor).key

    assert created.status_code == HTTPStatus.FOUND
    assert created.headers["Location"] == URL
    assert first in page
    assert "Your new API token is shown below." in page
    assert second != first
    assert Token.objects.filter(user=editor).count() == 1
    # The page shows the key now stored, and no longer the replaced one.
    regenerated = client.get(URL).content.decode()
    assert second in regenerated
    assert first not in regenerated


def test_the_page_shows_no_one_elses_token(client, editor, reader):
    others = Token.objects.create(user=reader)
    client.force_login(editor)

    assert others.key not in client.get(URL).content.decode()


def test_the_new_token_writes_through_the_api(client, editor, season):
    client.force_login(editor)
    client.post(URL)
    key = Token.objects.get(user=editor).key
    client.logout()  # the token alone authenticates the write
    person = Person.objects.get(slug="krysten-ritter")
    assert person.sort_name != "Ritter"
    revisions = Revision.objects.count()

    response = client.patch(
        "/api/v1/people/krysten-ritter/",
        {"sort_name": "Ritter"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )

    assert response.status_code == HTTPStatus.OK
    stored = Person.objects.get(pk=person.pk)
    assert stored.sort_name == "Ritter"
    assert stored.version == person.version + 1
    assert Revision.objects.count() == revisions + 1
    assert Revision.objects.latest("pk").user == editor


def test_a_regenerated_token_replaces_the_old_one_for_the_api(client, editor, season):
    # What the page promises: "Regenerating replaces the key; the old one stops working."
    client.force_login(editor)
    client.post(URL)
    old = Token.objects.get(user=editor).key
    client.post(URL)
    new = Token.objects.get(user=editor).key
    client.logout()
    before = Person.objects.get(slug="krysten-ritter").sort_name

    def patch(key, sort_name):
        return client.patch(
            "/api/v1/people/krysten-ritter/",
            {"sort_name": sort_name},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {key}",
        )

    refused = patch(old, "Old key")
    assert refused.status_code == HTTPStatus.UNAUTHORIZED
    assert Person.objects.get(slug="krysten-ritter").sort_name == before
    assert patch(new, "New key").status_code == HTTPStatus.OK
    assert Person.objects.get(slug="krysten-ritter").sort_name == "New key"


def test_only_staff_reach_the_page(client, reader):
    client.force_login(reader)

    response = client.get(URL)

    assert response.status_code == HTTPStatus.FOUND
    assert response.headers["Location"].startswith("/admin/login/")
    assert client.post(URL).status_code == HTTPStatus.FOUND
    assert not Token.objects.filter(user=reader).exists()


def test_regenerating_needs_the_csrf_token(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    assert client.post(URL).status_code == HTTPStatus.FORBIDDEN
    assert not Token.objects.filter(user=editor).exists()
