"""PostgreSQL stopped under the production server, and started again: uncached pages and API
writes answer 503 with Retry-After (never 500), stored answers keep serving, the health checks
say so, and service resumes by itself once PostgreSQL is back.

The PostgreSQL here is a cluster of this test's own (initdb in a temporary directory, on a
free port), so stopping it touches nothing else on the machine. One gunicorn worker, so that
its in-process answer cache is the one every request reads (production shares Redis instead).
"""

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from http import HTTPStatus
from pathlib import Path

import pytest

from tests.production_server import (
    SEASON_PAGE,
    Gunicorn,
    build_site_database,
    free_port,
    server_env,
)

PG_BIN = Path("/usr/lib/postgresql/15/bin")
TIMELINE = "/seasons/jessica-jones-season-2/timeline/"

pytestmark = pytest.mark.skipif(
    not (PG_BIN / "initdb").exists(), reason="needs PostgreSQL 15's server binaries (initdb)"
)


class Cluster:
    """A PostgreSQL cluster in `directory`, run as the `postgres` user when this is root."""

    def __init__(self, directory):
        self.directory, self.port = directory, free_port()
        self.data = directory / "data"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(directory, "postgres")
        self.run(PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8")

    def run(self, *command):
        done = subprocess.run(
            [*self.as_postgres, *map(str, command)], capture_output=True, text=True, timeout=120
        )
        if done.returncode:
            raise subprocess.CalledProcessError(
                done.returncode, command, done.stdout, done.stderr
            ) from RuntimeError(done.stderr[-2000:])

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        # Its log in a file: the server must not hold this process's pipes open.
        log = self.directory / "postgresql.log"
        self.run(PG_BIN / "pg_ctl", "-D", self.data, "-l", log, "-o", options, "-w", "start")

    def stop(self):
        self.run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


@pytest.fixture(scope="module")
def cluster():
    # Not under pytest's temporary directory, which only its owner may enter.
    directory = Path(tempfile.mkdtemp(prefix="seasonwiki-postgresql-"))
    try:
        cluster = Cluster(directory)
        cluster.start()
        try:
            cluster.run(
                PG_BIN / "createdb", "-h", "127.0.0.1", "-p", cluster.port, "-U", "postgres", "site"
            )
            yield cluster
        finally:
            with contextlib.suppress(subprocess.CalledProcessError):
                cluster.stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="module")
def server(cluster, tmp_path_factory):
    env = server_env(cluster.url("site"), WEB_CONCURRENCY="1")
    token = build_site_database(env)
    gunicorn = Gunicorn(env, tmp_path_factory.mktemp("gunicorn") / "gunicorn.log")
    gunicorn.token = token
    yield gunicorn
    gunicorn.stop()


def get(server, path, accept="text/html"):
    return server.request("GET", path, headers={"Accept": accept})


def write(server):
    return server.request(
        "PATCH",
        "/api/v1/credits/1/",
        body=json.dumps({"note": "while down"}),
        headers={"Authorization": f"Token {server.token}", "Content-Type": "application/json"},
    )


def test_postgresql_stopped_is_503_with_retry_after_and_service_resumes_by_itself(server, cluster):
    assert get(server, SEASON_PAGE).status == HTTPStatus.OK  # stored now

    cluster.stop()
    try:
        page = get(server, TIMELINE)
        page_json = get(server, TIMELINE, accept="application/json")
        api_write = write(server)
        api_read = get(server, "/api/v1/people/?search=ritter", accept="application/json")
        stored = get(server, SEASON_PAGE)
        ready = get(server, "/readyz")
        healthy = get(server, "/healthz")
    finally:
        cluster.start()

    assert page.status == HTTPStatus.SERVICE_UNAVAILABLE
    assert page.getheader("Retry-After") == "30"
    assert page.getheader("Content-Type").startswith("text/html")
    assert b"Temporarily unavailable" in page.body
    assert page_json.status == HTTPStatus.SERVICE_UNAVAILABLE
    assert "retry" in json.loads(page_json.body)["detail"]
    assert api_write.status == HTTPStatus.SERVICE_UNAVAILABLE
    assert api_write.getheader("Retry-After") == "30"
    assert "detail" in json.loads(api_write.body)
    assert api_read.status == HTTPStatus.SERVICE_UNAVAILABLE
    assert stored.status == HTTPStatus.OK
    assert ready.status == HTTPStatus.SERVICE_UNAVAILABLE
    assert json.loads(ready.body)["database"] == "down"
    assert healthy.status == HTTPStatus.OK

    # Back: the next requests are served, nothing restarted.
    deadline = time.monotonic() + 30
    while get(server, "/readyz").status != HTTPStatus.OK and time.monotonic() < deadline:
        time.sleep(0.2)
    assert get(server, TIMELINE).status == HTTPStatus.OK
    saved = write(server)
    assert saved.status == HTTPStatus.OK
    assert json.loads(saved.body)["note"] == "while down"
