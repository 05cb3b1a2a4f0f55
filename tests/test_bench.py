"""The benchmark's minimal view (bench/urls.py) is served by its own settings, never by the site."""

from http import HTTPStatus

import pytest
from django.urls import Resolver404, resolve

from bench.urls import MINIMAL_VIEW_PATH, minimal_view

pytestmark = pytest.mark.django_db


def test_the_site_does_not_serve_the_minimal_view(client):
    with pytest.raises(Resolver404):
        resolve(MINIMAL_VIEW_PATH)
    assert client.get(MINIMAL_VIEW_PATH).status_code == HTTPStatus.NOT_FOUND


def test_the_bench_settings_serve_it_beside_the_site(client, settings):
    import bench.settings

    assert bench.settings.ROOT_URLCONF == "bench.urls"
    # The site's apps, plus the bench app only for its generate_catalogue command.
    assert [*settings.INSTALLED_APPS, "bench"] == bench.settings.INSTALLED_APPS
    settings.ROOT_URLCONF = bench.settings.ROOT_URLCONF
    assert resolve(MINIMAL_VIEW_PATH).func is minimal_view
    response = client.get(MINIMAL_VIEW_PATH)
    assert response.status_code == HTTPStatus.OK
    assert response.content == b"ok"
    assert client.get("/robots.txt").status_code == HTTPStatus.OK
