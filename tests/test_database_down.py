"""PostgreSQL stopped under the production server, and started again: uncached pages and API
writes answer 503 with Retry-After (never 500), stored answers keep serving, the health checks
say so, and service resumes by itself once PostgreSQL is back.

The PostgreSQL here is a cluster of this test's own (initdb in a temporary directory, on a
free port), so stopping it touches nothing else on the machine. One gunicorn worker, so that
its in-process answer cache is the one every request reads (production shares Redis instead).
"""

import contextlib
import json
import shutil
import tempfile
import time
from http import HTTPStatus
from pathlib import Path

import pytest

from bench.servers import PG_BIN, Gunicorn, PostgresCluster, build_site_database, server_env
from tests.pages import SEASON_URL

TIMELINE = "/seasons/jessica-jones-season-2/timeline/"

pytestmark = pytest.mark.skipif(
    not (PG_BIN / "initdb").exists(), reason="needs PostgreSQL 15's server binaries (initdb)"
)


@pytest.fixture(scope="module")
def cluster():
    # Not under pytest's temporary directory, which only its owner may enter.
    directory = Path(tempfile.mkdtemp(prefix="seasonwiki-postgresql-"))
    cluster = PostgresCluster(directory, "site")
    try:
        cluster.create()
        yield cluster
    finally:
        with contextlib.suppress(RuntimeError):
            cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="module")
def server(cluster, tmp_path_factory):
    env = server_env(cluster.url, WEB_CONCURRENCY="1")
    token = build_site_database(env)
    with open(tmp_path_factory.mktemp("gunicorn") / "gunicorn.log", "w") as log:
        gunicorn = Gunicorn(env, log)
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
    assert get(server, SEASON_URL).status == HTTPStatus.OK  # stored now

    cluster.stop()
    try:
        page = get(server, TIMELINE)
        page_json = get(server, TIMELINE, accept="application/json")
        api_write = write(server)
        api_read = get(server, "/api/v1/people/?search=ritter", accept="application/json")
        stored = get(server, SEASON_URL)
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
