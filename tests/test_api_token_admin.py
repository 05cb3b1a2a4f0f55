"""Editors get their API token in the admin, at /admin/api-token/."""

from http import HTTPStatus

import pytest
from rest_framework.authtoken.models import Token

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
    assert first in page
    assert second != first
    assert Token.objects.filter(user=editor).count() == 1


def test_the_page_shows_no_one_elses_token(client, editor, reader):
    others = Token.objects.create(user=reader)
    client.force_login(editor)

    assert others.key not in client.get(URL).content.decode()


def test_the_new_token_writes_through_the_api(client, editor, season):
    client.force_login(editor)
    client.post(URL)
    key = Token.objects.get(user=editor).key

    response = client.patch(
        "/api/v1/people/krysten-ritter/",
        {"sort_name": "Ritter"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )

    assert response.status_code == HTTPStatus.OK


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
