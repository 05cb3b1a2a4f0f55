"""The answer cache when its parts fail, against real processes: the site served by
`manage.py runserver` on a free port with a SQLite file in the test's tmp, Redis by Debian's
`redis-server` started here (`make test` installs it), stopped mid-test and started again
with its old data or without it; and, with the embedded default (no Redis: each process's own
memory), an article imported by `manage.py import_article` in another process.

What they show: Redis is a cache, not a dependency (pages, API and TMDb reads answer 200
while it is down, a PATCH answers 200 and a POST 201, both saved), and no stored answer is
served stale after an outage or across processes: the edit shows on the next request.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from bench.servers import (
    ROOT,
    RedisServer,
    build_site_database,
    free_port,
    manage,
    port_open,
    stop_process,
    wait_for,
)
from tests.seed import SEED_SLUG

ARTICLE = ROOT / "tests" / "articles" / "import-harbor-lights-season-1.txt"
SEASON_PAGE = f"/seasons/{SEED_SLUG}/"
PERSON_PAGE = "/people/krysten-ritter/"
READS = [
    "/",
    SEASON_PAGE,
    PERSON_PAGE,
    "/api/v1/seasons/",
    f"/api/v1/seasons/{SEED_SLUG}/?include=credits",
    "/api/v1/credits/?page_size=5",
    "/tmdb/3/search/tv?query=jessica",
]


class Site:
    """`manage.py runserver` on a free port, over its own SQLite file."""

    def __init__(self, env, log):
        self.env = env
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_for(lambda: port_open(self.port), 60, "runserver", self.process)

    def request(self, path, method="GET", body=None, headers=None):
        """(status, headers, body text) of one request."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={**({"Content-Type": "application/json"} if body else {}), **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def get(self, path, **headers):
        status, _headers, text = self.request(path, headers=headers)
        assert status == 200, (path, status, text[:2000])
        return text


def site_env(tmp, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "PYTEST"))
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "jjsite.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A migrated SQLite file with the seed content and an editor's API token."""
    tmp = tmp_path_factory.mktemp("outage-db")
    token = build_site_database(site_env(tmp))
    return tmp / "db.sqlite3", token


def copy_database(database, tmp):
    shutil.copy(database[0], tmp / "db.sqlite3")


@pytest.fixture(scope="module")
def redis_site(database, tmp_path_factory):
    """The site with REDIS_URL, its local tier off (each hit goes through Redis), backing off
    for one second after a failure; and the port its Redis is to listen on."""
    tmp = tmp_path_factory.mktemp("outage-redis-site")
    copy_database(database, tmp)
    redis_port = free_port()
    env = site_env(
        tmp,
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        DJANGO_REDIS_BACKOFF="1",
        DJANGO_PAGE_CACHE_LOCAL_BYTES="0",
    )
    with open(tmp / "runserver.log", "w") as log:
        site = Site(env, log)
        site.redis_port = redis_port
        site.log = tmp / "runserver.log"
        yield site
        stop_process(site.process)


def jessica_credit(site):
    credits = json.loads(site.get(f"/api/v1/credits/?season={SEED_SLUG}&page_size=100"))
    [credit] = [c for c in credits["results"] if "krysten-ritter" in json.dumps(c["person"])]
    return credit


@pytest.mark.parametrize("persistent", [False, True], ids=["redis-empty", "redis-keeps-data"])
def test_the_site_serves_and_writes_while_redis_is_down_and_is_fresh_after(
    redis_site, database, tmp_path, persistent
):
    _path, token = database
    auth = {"Authorization": f"Token {token}"}
    redis = RedisServer(tmp_path, redis_site.redis_port, persistent)
    redis.start()
    try:
        time.sleep(1.1)  # past a back-off the previous test's outage may have left
        for path in READS:  # stored, each in Redis
            redis_site.get(path)
            redis_site.get(path)
        credit = jessica_credit(redis_site)
        detail = f"/api/v1/credits/{credit['id']}/"
        redis_site.get(detail)
        assert redis.keys() > len(READS)

        redis.stop()

        for path in [*READS, detail]:
            started = time.monotonic()
            redis_site.get(path)
            assert time.monotonic() - started < 5
        character = f"Jessica Jones ({'kept' if persistent else 'empty'} Redis)"
        status, headers, _text = redis_site.request(detail, headers=auth)
        assert status == 200
        status, _headers, text = redis_site.request(
            detail,
            "PATCH",
            {"character": character},
            {**auth, "If-Match": headers["ETag"]},
        )
        assert status == 200, text
        status, _headers, text = redis_site.request(detail, headers=auth)
        assert json.loads(text)["character"] == character  # saved
        slug = f"outage-person-{'kept' if persistent else 'empty'}"
        status, _headers, text = redis_site.request(
            "/api/v1/people/", "POST", {"name": "Outage Person", "slug": slug}, auth
        )
        assert status == 201, text
        assert redis_site.request(f"/api/v1/people/{slug}/", headers=auth)[0] == 200  # saved

        redis.start()  # with its old data, stored before the edit, when persistent
        if persistent:
            assert redis.keys() > len(READS)
        time.sleep(1.1)  # the site's back-off ends: it asks Redis again

        assert character in redis_site.get(SEASON_PAGE)
        assert character in redis_site.get(PERSON_PAGE)
        assert json.loads(redis_site.get(detail))["character"] == character
        assert character in redis_site.get(f"/api/v1/seasons/{SEED_SLUG}/?include=credits")
    finally:
        redis.stop()
    log = redis_site.log.read_text()
    assert "cannot be reached" in log  # the warning each back-off logs
    assert "Traceback" not in log


@pytest.fixture(scope="module")
def embedded_site(database, tmp_path_factory):
    """The site as `make run` serves it: no Redis, each process's own memory."""
    tmp = tmp_path_factory.mktemp("outage-embedded-site")
    copy_database(database, tmp)
    with open(tmp / "runserver.log", "w") as log:
        site = Site(site_env(tmp), log)
        yield site
        stop_process(site.process)


def test_an_article_imported_by_another_process_shows_on_the_next_request(embedded_site):
    for path in ("/", "/api/v1/seasons/"):  # stored in the server's memory
        assert "Harbor Lights" not in embedded_site.get(path)
        embedded_site.get(path)

    manage(embedded_site.env, "import_article", str(ARTICLE))

    assert "Harbor Lights" in embedded_site.get("/")
    assert "Harbor Lights" in embedded_site.get("/api/v1/seasons/")
