"""What no view sees (jjsite/middleware.py): NUL in an address, chunked bodies a server did not
decode; and a database out of reach, which is a 503 with Retry-After, never a 500.

The NUL tests walk every URL pattern of the site (the pages, the API, TMDb, the admin); run
them with DATABASE_URL=postgres://... to see them on PostgreSQL, which refuses NUL in text
(a 500 before the guard, wherever a view looked the address up).
"""

import re
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.admindocs.views import extract_views_from_urlpatterns, simplify_regex
from django.db import InterfaceError, OperationalError
from django.urls import get_resolver

from catalog.models import Credit, Event, Person, Review, Revision
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

NUL = "a%00b"
PARAMETER = re.compile(r"<[^>]+>")


def url_patterns():
    """Every URL pattern of the site, as a path with its parameters marked (<slug>, ...)."""
    patterns = extract_views_from_urlpatterns(get_resolver().url_patterns)
    return sorted({simplify_regex(pattern).replace("\\.", ".") for _view, pattern, *_ in patterns})


PATTERNS = url_patterns()
FORMAT = re.compile(r"<drf_format_suffix:format>|<format>")


def addresses(pattern):
    """The pattern's parameters other than a format suffix (.json, which stays a real one)."""
    return PARAMETER.findall(FORMAT.sub("", pattern))


WITH_PARAMETERS = [pattern for pattern in PATTERNS if addresses(pattern)]
FIXED = [pattern for pattern in PATTERNS if not addresses(pattern)]


def with_nul_in_each_parameter(pattern):
    """The pattern's path, each parameter "a\\0b"; a format suffix keeps a real format."""
    path = pattern.replace("<drf_format_suffix:format>", ".json").replace("<format>", "json")
    return PARAMETER.sub(NUL, path)


def fixed_path(pattern):
    return pattern.replace("<drf_format_suffix:format>", ".json").replace("<format>", "json")


def client_for(path, client, editor):
    """The admin's addresses as a signed-in editor (anonymous ones only redirect to sign in)."""
    if path.startswith("/admin/"):
        client.force_login(editor)
    return client


def test_the_walk_finds_every_kind_of_address():
    prefixes = {pattern.split("/")[1] for pattern in WITH_PARAMETERS}
    assert {"admin", "api", "tmdb", "seasons", "people"} <= prefixes
    assert len(WITH_PARAMETERS) > 150


@pytest.mark.parametrize("pattern", WITH_PARAMETERS)
def test_nul_in_a_path_parameter_is_a_404(pattern, client, editor, seed_content):
    path = with_nul_in_each_parameter(pattern)

    response = client_for(path, client, editor).get(path)

    assert response.status_code == HTTPStatus.NOT_FOUND, path


@pytest.mark.parametrize("pattern", FIXED)
def test_nul_in_a_query_parameter_is_a_400(pattern, client, editor, seed_content):
    queries = [f"?page=1&{NUL}=1", f"?search=x&query={NUL}"]
    if pattern != "/search/":  # the search page cleans what a reader types (below)
        queries.append(f"?q={NUL}")
    for query in queries:
        path = fixed_path(pattern) + query

        response = client_for(path, client, editor).get(path)

        assert response.status_code == HTTPStatus.BAD_REQUEST, path


def test_the_search_page_cleans_a_nul_a_reader_typed_and_searches(client, seed_content):
    # Free text, cleaned by the view before any query (catalog.content.search.clean_query).
    response = client.get("/search/?q=Rit%00ter")

    assert response.status_code == HTTPStatus.OK
    found = BeautifulSoup(response.content, "html.parser").find(id="found-people")
    assert "Krysten Ritter" in found.parent.get_text(" ", strip=True)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/people/%00/",
        "/api/v1/seasons/%00/",
        "/api/v1/series/%00/",
        "/api/v1/people/a%00b/history/",
        "/api/v1/peo%00ple/",
        f"/seasons/{SEED_SLUG}%00/",
        "/tmdb/3/tv/1%00",
        "/admin/catalog/season/%00/change/",
    ],
)
def test_nul_in_any_segment_is_a_404_for_anonymous_clients_too(client, seed_content, path):
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND


def test_the_answer_speaks_the_clients_language(client, seed_content):
    api = client.get("/api/v1/people/%00/")
    api_query = client.get("/api/v1/people/?search=a%00b&ordering=name")
    tmdb = client.get("/tmdb/3/search/tv?query=%00")
    tmdb_path = client.get("/tmdb/3/tv/1%00/credits")
    page = client.get("/people/%00/")

    assert api.json() == {"detail": "Not found."}
    assert api_query.json() == {"search": ["Null characters are not allowed."]}
    assert tmdb.json()["success"] is False
    assert tmdb.json()["status_code"] == 5
    assert tmdb_path.json()["status_code"] == 34
    assert page.headers["Content-Type"].startswith("text/html")
    assert b"Page not found" in page.content


@pytest.mark.parametrize(
    ("path", "body", "field", "model"),
    [
        (
            "/api/v1/reviews/",
            {"season": "jj\x00", "outlet": "polygon", "excerpt": "x"},
            "season",
            Review,
        ),
        (
            "/api/v1/reviews/",
            {"season": SEED_SLUG, "outlet": {"slug": "p\x00"}, "excerpt": "x"},
            "outlet",
            Review,
        ),
        (
            "/api/v1/credits/",
            {"season": SEED_SLUG, "person": "a\x00b", "department": "cast"},
            "person",
            Credit,
        ),
        (
            "/api/v1/events/",
            {"season": SEED_SLUG, "people": ["a\x00b"], "text": "x"},
            "people",
            Event,
        ),
    ],
)
def test_nul_in_a_relation_written_is_a_400(editor_client, seed_content, path, body, field, model):
    rows, revisions = model.objects.count(), Revision.objects.count()

    response = editor_client.post(path, body, format="json")

    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
    assert field in response.json()
    assert (model.objects.count(), Revision.objects.count()) == (rows, revisions)


def test_nul_in_a_sign_in_is_refused_not_a_500(client, seed_content):
    response = client.post("/admin/login/", {"username": "a\x00", "password": "x"})

    assert response.status_code == HTTPStatus.OK  # the form again, with its error
    assert "_auth_user_id" not in client.session
    assert 'name="username"' in response.content.decode()


def test_a_write_with_nul_in_the_address_is_a_404(editor_client, seed_content):
    revisions = Revision.objects.count()

    response = editor_client.patch("/api/v1/people/a%00b/", {"name": "x"}, format="json")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Revision.objects.count() == revisions
    assert not Person.objects.filter(name="x").exists()


class TestChunkedBodiesTheServerDidNotDecode:
    """A server that does not mark its input terminated (runserver) leaves a chunked body
    unread: a 411 says to send a Content-Length, rather than a 200 that saved nothing."""

    def test_a_chunked_patch_is_411(self, editor_client, seed_content):
        before = Credit.objects.get(pk=1)
        revisions = Revision.objects.count()

        response = editor_client.generic(
            "PATCH", "/api/v1/credits/1/", "", HTTP_TRANSFER_ENCODING="chunked"
        )

        assert response.status_code == HTTPStatus.LENGTH_REQUIRED
        assert "Content-Length" in response.json()["detail"]
        assert Credit.objects.get(pk=1).version == before.version
        assert Revision.objects.count() == revisions

    def test_a_body_with_its_length_is_read_as_before(self, editor_client, seed_content):
        response = editor_client.patch("/api/v1/credits/1/", {"note": "sized"}, format="json")

        assert response.status_code == HTTPStatus.OK
        assert response.json()["note"] == "sized"
        assert Credit.objects.get(pk=1).note == "sized"


def database_down(monkeypatch, error=OperationalError):
    """Every use of the database fails, as when PostgreSQL is stopped. (The test's connection
    stays open under it, inside the test's transaction.)"""
    from django.db import connection

    def refuse(*args, **kwargs):
        raise error("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)


class TestDatabaseUnavailable:
    """The database out of reach: a 503 with Retry-After, in the client's terms. (The same
    through gunicorn with a PostgreSQL stopped and started again: tests/test_database_down.py.)"""

    @pytest.fixture(autouse=True)
    def _no_raise(self, client, api_client):
        client.raise_request_exception = False
        api_client.raise_request_exception = False

    def test_an_uncached_page_is_a_503_page(self, client, monkeypatch):
        database_down(monkeypatch)

        response = client.get(f"/seasons/{SEED_SLUG}/", HTTP_ACCEPT="text/html")

        assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
        assert response.headers["Retry-After"] == "30"
        assert response.headers["Content-Type"].startswith("text/html")
        assert b"Temporarily unavailable" in response.content
        assert "no-store" in response.headers["Cache-Control"]

    def test_a_page_asked_as_json_is_a_503_in_json(self, client, monkeypatch):
        database_down(monkeypatch, InterfaceError)

        response = client.get("/changes/", HTTP_ACCEPT="application/json")

        assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
        assert "retry" in response.json()["detail"]

    def test_an_api_write_is_a_503_in_json(self, api_client, monkeypatch):
        database_down(monkeypatch)

        response = api_client.post(
            "/api/v1/people/",
            {"name": "X"},
            format="json",
            HTTP_AUTHORIZATION="Token 0123456789abcdef",
        )

        assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
        assert response.headers["Retry-After"] == "30"
        assert "detail" in response.json()

    def test_a_tmdb_read_is_tmdbs_error_body(self, client, monkeypatch):
        database_down(monkeypatch)

        response = client.get("/tmdb/3/tv/1")

        assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
        assert response.json()["success"] is False

    def test_a_failure_in_a_middleware_is_a_503_too(self, client, monkeypatch):
        # The session middleware reads the database before any view runs.
        database_down(monkeypatch)
        client.cookies["sessionid"] = "x" * 32

        response = client.get("/admin/")

        assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE

    def test_other_errors_are_still_500(self, client, season, monkeypatch):
        from catalog.pages import views

        def broken(*args, **kwargs):
            raise RuntimeError("a bug")

        monkeypatch.setattr(views, "render_with_style", broken)

        response = client.get(f"/seasons/{SEED_SLUG}/")

        assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR

    def test_a_cached_page_keeps_serving(self, client, season, monkeypatch):
        assert client.get(f"/seasons/{SEED_SLUG}/").status_code == HTTPStatus.OK
        database_down(monkeypatch)

        response = client.get(f"/seasons/{SEED_SLUG}/")

        assert response.status_code == HTTPStatus.OK

    def test_readyz_says_the_database_is_down_and_healthz_still_answers(self, client, monkeypatch):
        database_down(monkeypatch)

        ready = client.get("/readyz")
        healthy = client.get("/healthz")

        assert ready.status_code == HTTPStatus.SERVICE_UNAVAILABLE
        assert ready.json() == {
            "status": "unavailable",
            "database": "down",
            "redis": "not configured",
        }
        assert ready.headers["Retry-After"] == "30"
        assert healthy.status_code == HTTPStatus.OK
