"""Purging the shared HTTP caches (catalog/delivery/purging.py), against a real HTTP server started
here
that records what it is sent and answers as a cache would, or fails as one can."""

import http.server
import logging
import os
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog.delivery import purging
from catalog.models import PendingPurge

pytestmark = pytest.mark.django_db


class CacheServer(http.server.ThreadingHTTPServer):
    """Records each request as (method, path, xkey-purge header); answers the next of
    `statuses` (200 once they run out), or nothing at all for `silent_seconds`."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), CacheHandler)
        self.requests = []
        self.statuses = []
        self.silent_seconds = 0

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class CacheHandler(http.server.BaseHTTPRequestHandler):
    def answer(self):
        server = self.server
        server.requests.append((self.command, self.path, self.headers.get("xkey-purge")))
        time.sleep(server.silent_seconds)
        status = server.statuses.pop(0) if server.statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def cache():
    server = CacheServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def xkey_purger(settings, cache):
    settings.CACHE_PURGER = "xkey"
    settings.CACHE_PURGE_URLS = [cache.url]
    return cache


@pytest.fixture(autouse=True)
def _no_background_retries(monkeypatch):
    """A failed purge's retry thread gives up at once, unless a test waits for it."""
    monkeypatch.setattr(purging, "RETRY_DELAYS", ())
    yield
    wait_for_retries()


def wait_for_retries():
    for thread in threading.enumerate():
        if thread.name == "catalog-purge-retry":
            thread.join(timeout=10)


def pending():
    return list(PendingPurge.objects.values_list("url", "keys", "attempts"))


# What is sent ---------------------------------------------------------------------------------


def test_the_xkey_purger_sends_a_purge_naming_the_keys(xkey_purger):
    purging.purge(["season-3", "person-17", "credit-list"])

    assert xkey_purger.requests == [("PURGE", "/", "season-3 person-17 credit-list")]
    assert pending() == []


def test_the_ban_purger_sends_a_ban_naming_the_keys(settings, cache):
    settings.CACHE_PURGER = "ban"
    settings.CACHE_PURGE_URLS = [cache.url]

    purging.purge(["season-3", "person-17"])

    assert cache.requests == [("BAN", "/", "season-3 person-17")]


def test_every_cache_is_purged(settings, cache):
    other = CacheServer()
    threading.Thread(target=other.serve_forever, daemon=True).start()
    settings.CACHE_PURGER = "xkey"
    settings.CACHE_PURGE_URLS = [cache.url, other.url]
    try:
        purging.purge(["season-3"])
    finally:
        other.shutdown()
        other.server_close()

    assert cache.requests == other.requests == [("PURGE", "/", "season-3")]


def test_no_purger_by_default_sends_nothing(settings, cache):
    assert django_settings.CACHE_PURGER == ""
    settings.CACHE_PURGE_URLS = [cache.url]

    purging.purge(["season-3"])

    assert cache.requests == []


def test_keys_go_once_and_a_malformed_key_is_dropped_and_logged(xkey_purger, caplog):
    purging.purge(["season-3", "season-3", "person-17\r\nX-Injected: 1", "site"])

    assert xkey_purger.requests == [("PURGE", "/", "season-3 site")]
    assert "Not a surrogate key" in caplog.text


def test_keys_that_are_no_list_of_keys_are_logged_not_raised(xkey_purger, caplog):
    purging.purge(None)

    assert xkey_purger.requests == []
    assert "Purging None failed" in caplog.text


def test_a_backlog_too_long_for_one_header_purges_everything(xkey_purger):
    purging.purge([f"person-{n}" for n in range(purging.MAX_KEYS + 1)])

    assert xkey_purger.requests == [("PURGE", "/", "site")]


# When the cache fails -------------------------------------------------------------------------


def test_a_refused_purge_is_logged_kept_and_never_raised(xkey_purger, caplog):
    xkey_purger.statuses = [403]

    with caplog.at_level(logging.WARNING, logger="catalog.delivery.purging"):
        purging.purge(["season-3", "person-17"])

    assert "Purging season-3 person-17 at " in caplog.text
    assert "403 Forbidden" in caplog.text
    assert pending() == [(xkey_purger.url, "season-3 person-17", 1)]


def test_an_unreachable_cache_is_logged_and_kept(settings, caplog):
    settings.CACHE_PURGER = "xkey"
    settings.CACHE_PURGE_URLS = ["http://127.0.0.1:9"]  # discard: nothing listens

    purging.purge(["season-3"])

    assert "ConnectionRefusedError" in caplog.text
    assert pending() == [("http://127.0.0.1:9", "season-3", 1)]


def test_a_cache_that_does_not_answer_holds_the_save_no_longer_than_the_timeout(
    xkey_purger, monkeypatch
):
    monkeypatch.setattr(purging, "TIMEOUT", 0.3)
    xkey_purger.silent_seconds = 2
    started = time.monotonic()

    purging.purge(["season-3"])

    assert time.monotonic() - started < 1.5
    assert [keys for _url, keys, _attempts in pending()] == ["season-3"]


def test_the_next_purge_sends_the_pending_keys_again(xkey_purger):
    xkey_purger.statuses = [503]
    purging.purge(["season-3"])

    purging.purge(["person-17"])

    assert xkey_purger.requests[-1] == ("PURGE", "/", "person-17 season-3")
    assert pending() == []


def test_retry_purges_sends_the_pending_keys_and_says_when_a_cache_still_fails(xkey_purger):
    xkey_purger.statuses = [503, 503]
    purging.purge(["season-3"])

    with pytest.raises(CommandError, match="1 cache"):
        call_command("retry_purges")
    assert pending() == [(xkey_purger.url, "season-3", 2)]

    call_command("retry_purges")
    assert xkey_purger.requests[-1] == ("PURGE", "/", "season-3")
    assert pending() == []


def test_retry_purges_without_a_purger_sends_nothing(settings, cache):
    settings.CACHE_PURGE_URLS = [cache.url]
    PendingPurge.objects.create(url=cache.url, keys="season-3")

    out = StringIO()
    call_command("retry_purges", stdout=out)

    assert cache.requests == []
    assert "No purger is configured" in out.getvalue()


@pytest.mark.django_db(transaction=True)  # the retry thread reads the committed row
def test_a_failed_purge_is_retried_in_the_background(xkey_purger, monkeypatch, caplog):
    monkeypatch.setattr(purging, "RETRY_DELAYS", (0.1, 0.1))
    xkey_purger.statuses = [503, 503]  # the purge and the first retry fail

    with caplog.at_level(logging.INFO, logger="catalog.delivery.purging"):
        purging.purge(["season-3"])
        wait_for_retries()

    assert xkey_purger.requests == [("PURGE", "/", "season-3")] * 3
    assert pending() == []
    assert "Purged the pending keys" in caplog.text


# Settings ---------------------------------------------------------------------------------


def settings_in_a_fresh_process(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env, DJANGO_SETTINGS_MODULE="jjsite.settings")
    code = "from django.conf import settings as s; print(s.CACHE_PURGER, s.CACHE_PURGE_URLS)"
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        cwd=Path(django_settings.BASE_DIR),
    )


def test_the_purger_settings_are_read_from_the_environment():
    done = settings_in_a_fresh_process(
        DJANGO_CACHE_PURGER="ban",
        DJANGO_CACHE_PURGE_URLS="http://10.0.0.7:6081, http://10.0.0.8:6081",
    )
    assert done.stdout.strip() == "ban ['http://10.0.0.7:6081', 'http://10.0.0.8:6081']"


def test_an_unknown_purger_is_refused_at_start():
    done = settings_in_a_fresh_process(
        DJANGO_CACHE_PURGER="fastly", DJANGO_CACHE_PURGE_URLS="http://10.0.0.7:6081"
    )
    assert done.returncode != 0
    assert "DJANGO_CACHE_PURGER must be one of xkey, ban or empty, not 'fastly'" in done.stderr


def test_a_purger_without_caches_to_purge_is_refused_at_start():
    done = settings_in_a_fresh_process(DJANGO_CACHE_PURGER="xkey")
    assert done.returncode != 0
    assert "needs DJANGO_CACHE_PURGE_URLS" in done.stderr


def test_a_purge_url_that_is_no_url_is_refused_at_start():
    done = settings_in_a_fresh_process(
        DJANGO_CACHE_PURGER="xkey", DJANGO_CACHE_PURGE_URLS="10.0.0.7:6081"
    )
    assert done.returncode != 0
    assert "'10.0.0.7:6081' is no http(s):// URL" in done.stderr


def test_the_deployment_runs_retry_purges_every_minute():
    # Purges that gave up wait for `retry_purges` (docs/caching.md, "When a purge fails"):
    # deploy/ has the systemd service and timer that run it every minute.
    deploy = Path(django_settings.BASE_DIR) / "deploy"
    service = (deploy / "retry-purges.service").read_text()
    timer = (deploy / "retry-purges.timer").read_text()

    assert "manage.py retry_purges" in service
    assert "Type=oneshot" in service
    assert "OnUnitActiveSec=1min" in timer
    assert "WantedBy=timers.target" in timer
