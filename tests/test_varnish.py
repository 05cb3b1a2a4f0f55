"""The shared HTTP cache: a real varnishd with deploy/varnish.vcl in front of the live server,
purged by key (catalog/delivery/purging.py, the xkey purger) when an editor saves in the admin.

`make test` installs Debian's varnish and varnish-modules (`make varnish`); without them these
tests fail, saying so, rather than skip.
"""

import http.client
import shutil
import socket
import subprocess
import time
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client

from bench.servers import free_port, stop_process
from catalog.models import Credit, Person
from tests.admin_forms import admin_url, browser_form_data
from tests.factories import (
    CreditFactory,
    PersonFactory,
    SeasonFactory,
    SeriesFactory,
    editor_user,
)
from tests.pages import SEASON_URL
from tests.seed import SEED_SLUG

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
PERSON_URL = "/people/krysten-ritter/"
CREDITS_API_URL = f"/api/v1/credits/?season={SEED_SLUG}&page_size=100"


def rendered_vcl(backend_host, backend_port):
    """deploy/varnish.vcl with its backend placeholders filled in, as a deployment does."""
    text = VCL.read_text()
    assert "@BACKEND_HOST@" in text
    assert "@BACKEND_PORT@" in text
    return text.replace("@BACKEND_HOST@", backend_host).replace("@BACKEND_PORT@", backend_port)


class Varnish:
    """A foreground varnishd on a free loopback port, with its own working directory."""

    def __init__(self, workdir, backend_port):
        if not Path(VARNISHD).exists():
            pytest.fail(
                "varnishd is missing: `make varnish` (run by `make test`) installs Debian's "
                "varnish and varnish-modules."
            )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        vcl = workdir / "varnish.vcl"
        vcl.write_text(rendered_vcl("127.0.0.1", str(backend_port)))
        self.log = workdir / "varnishd.log"
        command = [
            VARNISHD,
            "-F",  # in the foreground: this process is varnishd, stopped at teardown
            "-n", str(workdir / "varnish"),
            "-a", f"127.0.0.1:{self.port}",
            "-f", str(vcl),
            "-s", "malloc,32m",
            "-j", "none",  # no privilege separation: the working directory is in our tmp
        ]  # fmt: skip
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        self.wait_until_listening()

    def wait_until_listening(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"varnishd stopped at start:\n{self.log.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        pytest.fail(f"varnishd did not listen within {seconds} s:\n{self.log.read_text()}")

    def stop(self):
        stop_process(self.process, 15)

    def get(self, path, headers=None):
        """GET through Varnish, as a visitor's browser without cookies does."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            connection.close()

    def cache_status(self, path, headers=None):
        status, response_headers, _body = self.get(path, headers)
        assert status == HTTPStatus.OK, (path, status)
        return response_headers["X-Cache"]


@pytest.fixture
def purger():
    return "xkey"


@pytest.fixture
def varnish(site, live_server, tmp_path, settings, purger):
    """Varnish in front of the live site (seed content loaded), purged by `purger`."""
    server = Varnish(tmp_path, live_server.thread.port)
    settings.CACHE_PURGER = purger
    settings.CACHE_PURGE_URLS = [server.url]
    yield server
    server.stop()


@pytest.fixture
def unrelated_season_url(site):
    """A season of another series, with its own cast."""
    season = SeasonFactory(series=SeriesFactory(name="The Expanse"), number=3)
    CreditFactory(season=season, person=PersonFactory(name="Steven Strait"), character="Holden")
    return season.get_absolute_url()


@pytest.fixture
def editor_browser(site):
    """The Django test client, signed in as a staff editor (the Editors group comes from a data
    migration that an earlier transactional test's flush emptied: made again here)."""
    user = editor_user("varnish-editor", "an-editor-password")
    client = Client()
    client.force_login(user)
    return client


def test_a_repeated_get_is_a_cache_hit_and_the_keys_stay_private(varnish):
    assert varnish.cache_status(SEASON_URL) == "MISS"

    status, headers, body = varnish.get(SEASON_URL)

    assert (status, headers["X-Cache"]) == (HTTPStatus.OK, "HIT")
    assert "Jessica Jones" in body
    assert headers["Surrogate-Key"] is None
    assert headers["xkey"] is None


def test_anonymous_cookies_still_hit_while_sessions_tokens_and_the_admin_pass(varnish):
    varnish.get(SEASON_URL)

    assert varnish.cache_status(SEASON_URL, {"Cookie": "csrftoken=abc"}) == "HIT"
    assert varnish.cache_status(SEASON_URL, {"Cookie": "csrftoken=abc; sessionid=x"}) == "PASS"
    assert varnish.cache_status(SEASON_URL, {"Authorization": "Token abc"}) == "PASS"
    assert varnish.cache_status("/admin/login/") == "PASS"


@pytest.mark.parametrize("purger", ["xkey", "ban"])
def test_an_editors_credit_change_is_fresh_through_varnish_and_other_seasons_stay_cached(
    varnish, editor_browser, unrelated_season_url
):
    watched = [SEASON_URL, PERSON_URL, CREDITS_API_URL, unrelated_season_url]
    for url in watched:
        varnish.get(url)
        assert varnish.cache_status(url) == "HIT", url
    ritter = Person.objects.get(slug="krysten-ritter")
    credit = Credit.objects.get(season__slug=SEED_SLUG, person=ritter, department="cast")
    change_url = admin_url(Credit, "change", credit.pk)
    form = browser_form_data(editor_browser.get(change_url))
    assert form["character"] == "Jessica Jones"
    form["character"] = "Jessica Jones, private investigator"

    saved = editor_browser.post(change_url, form)

    assert saved.status_code == HTTPStatus.FOUND
    for url in [SEASON_URL, PERSON_URL, CREDITS_API_URL]:
        status, headers, body = varnish.get(url)
        assert (status, headers["X-Cache"]) == (HTTPStatus.OK, "MISS"), url
        assert "Jessica Jones, private investigator" in body, url
    assert varnish.cache_status(unrelated_season_url) == "HIT"
