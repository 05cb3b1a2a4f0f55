"""Through the production server itself (gunicorn with deploy/gunicorn.conf.py, debug off), not
the test client: chunked request bodies, idle and slow clients, the health checks.

One gunicorn for the module (bench/servers.py), on a SQLite file of its own: what is tested here
is the server and the request handling around the views, the same on any database.
"""

import http.client
import json
import re
import select
import socket
import threading
import time
from http import HTTPStatus

import pytest

from bench.servers import ROOT, Gunicorn, build_site_database, server_env
from tests.pages import SEASON_URL

API_MAX_BODY_BYTES = 2 * 1024 * 1024  # settings.API_MAX_BODY_BYTES, its default


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("gunicorn")
    env = server_env(f"sqlite:///{workdir / 'site.sqlite3'}")
    token = build_site_database(env)
    with open(workdir / "gunicorn.log", "w") as log:
        gunicorn = Gunicorn(env, log)
        gunicorn.token = token
        yield gunicorn
        gunicorn.stop()


def chunked(server, method, path, chunks, headers=None):
    """A request whose body is sent with Transfer-Encoding: chunked, no Content-Length.

    As clients such as curl do, it stops sending once the server has answered: a server
    that refuses a body partway (413) answers and closes without reading the rest, and a
    client that kept writing would meet a broken pipe instead of the answer."""
    head = [
        f"{method} {path} HTTP/1.1",
        f"Host: 127.0.0.1:{server.port}",
        "Transfer-Encoding: chunked",
        "Connection: close",
        *(f"{name}: {value}" for name, value in (headers or {}).items()),
    ]
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        for chunk in [*chunks, b""]:  # the empty chunk ends the body
            if select.select([sock], [], [], 0)[0]:
                break  # answered already
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                break  # closed after answering: the answer waits in the socket
        response = http.client.HTTPResponse(sock)
        response.begin()
        response.body = response.read()
        return response


def editor_headers(server):
    return {"Authorization": f"Token {server.token}", "Content-Type": "application/json"}


def in_pieces(text, size=7):
    data = text.encode()
    return [data[start : start + size] for start in range(0, len(data), size)]


class TestChunkedBodies:
    """A chunked body (no Content-Length) is read in full and saved, or refused: never a 200 that
    saved nothing."""

    def test_a_chunked_patch_is_saved(self, server):
        body = json.dumps({"note": "sent in chunks"})

        response = chunked(
            server, "PATCH", "/api/v1/credits/1/", in_pieces(body), editor_headers(server)
        )

        assert response.status == HTTPStatus.OK, response.body
        assert json.loads(response.body)["note"] == "sent in chunks"
        saved = json.loads(server.request("GET", "/api/v1/credits/1/").body)
        assert saved["note"] == "sent in chunks"

    def test_a_chunked_post_of_a_valid_review_creates_it(self, server):
        review = {
            "season": "jessica-jones-season-2",
            "outlet": "polygon",
            "critic": None,
            "rating_text": None,
            "sentiment": None,
            "excerpt": "Chunked, and fine.",
        }

        response = chunked(
            server,
            "POST",
            "/api/v1/reviews/",
            in_pieces(json.dumps(review)),
            editor_headers(server),
        )

        assert response.status == HTTPStatus.CREATED, response.body
        created = json.loads(server.request("GET", json.loads(response.body)["url"]).body)
        assert created["excerpt"] == "Chunked, and fine."

    def test_a_chunked_body_over_the_apis_limit_is_413_and_saves_nothing(self, server):
        padding = " " * (API_MAX_BODY_BYTES + 400_000)  # 2.5 MB, as measured in the issue
        body = '{"note": "too large"}' + padding
        chunks = [body[start : start + 65536].encode() for start in range(0, len(body), 65536)]

        response = chunked(server, "PATCH", "/api/v1/credits/2/", chunks, editor_headers(server))

        assert response.status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE, response.body
        assert "detail" in json.loads(response.body)
        assert json.loads(server.request("GET", "/api/v1/credits/2/").body)["note"] != "too large"

    def test_a_chunked_body_over_every_limit_is_413_read_no_further(self, server):
        chunks = [b" " * 65536] * 80  # 5 MiB: past any reader's limit

        response = chunked(server, "PATCH", "/api/v1/credits/2/", chunks, editor_headers(server))

        assert response.status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE

    def test_a_chunked_body_with_a_content_length_too_is_refused(self, server):
        # Both framings at once is request smuggling's shape: the server refuses it outright.
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(
                b"PATCH /api/v1/credits/1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
            )
            status_line = sock.recv(200).split(b"\r\n")[0]

        assert status_line.split()[1] == b"400"


def season_page_seconds(server):
    started = time.monotonic()
    response = server.request("GET", SEASON_URL, timeout=40)
    assert response.status == HTTPStatus.OK
    return time.monotonic() - started


class TestIdleAndSlowClients:
    def test_with_50_idle_sockets_and_5_slow_clients_a_season_page_answers_within_a_second(
        self, server
    ):
        """50 connections that send nothing and 5 that drip a request a byte at a time, for
        the whole measurement: the season page keeps answering in under a second."""
        address = ("127.0.0.1", server.port)
        idle = [socket.create_connection(address) for _ in range(50)]
        stop = threading.Event()

        def drip():
            request = (
                b"GET " + SEASON_URL.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"X-Slow: " + b"x" * 1000
            )
            with socket.create_connection(address) as sock:
                for byte in request:
                    if stop.wait(0.1):
                        return
                    sock.sendall(bytes([byte]))

        drippers = [threading.Thread(target=drip, daemon=True) for _ in range(5)]
        try:
            for dripper in drippers:
                dripper.start()
            time.sleep(0.5)  # all of them connected, the first bytes dripped
            # Past gunicorn's default 5 s wait for a silent connection's first bytes.
            seconds = []
            for _ in range(40):
                seconds.append(season_page_seconds(server))
                time.sleep(0.15)
        finally:
            stop.set()
            for sock in idle:
                sock.close()
            for dripper in drippers:
                dripper.join(timeout=5)

        assert max(seconds) < 1.0, seconds

    def test_idle_sockets_are_closed_after_the_keepalive_not_answered_500(self, server):
        with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
            started = time.monotonic()
            answer = sock.recv(200)  # gunicorn closes it: b"" (the sync worker sent a 500)

        assert answer == b""
        assert time.monotonic() - started < 15


class TestHealthChecks:
    def test_healthz_answers_ok_uncached(self, server):
        response = server.request("GET", "/healthz")

        assert response.status == HTTPStatus.OK
        assert response.body == b"ok\n"
        assert "no-store" in response.getheader("Cache-Control")

    def test_readyz_reports_the_database_and_redis(self, server):
        response = server.request("GET", "/readyz")

        assert response.status == HTTPStatus.OK
        assert json.loads(response.body) == {
            "status": "ready",
            "database": "ok",
            "redis": "not configured",
        }
        assert "no-store" in response.getheader("Cache-Control")


def test_the_docs_and_the_bench_start_gunicorn_with_the_same_file():
    docs = (ROOT / "docs" / "caching.md").read_text()
    bench = (ROOT / "bench" / "http_bench.py").read_text()

    assert "gunicorn -c deploy/gunicorn.conf.py jjsite.wsgi --bind" in docs
    assert 'ROOT / "deploy" / "gunicorn.conf.py"' in bench
    assert re.search(r'"-c",\s*config,', bench)
