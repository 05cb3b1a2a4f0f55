"""HTTP around the API: conditional GETs, throttling, CORS, the schema and its docs page."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.utils.http import http_date

from catalog.content import services
from catalog.delivery.caching import key_versions
from catalog.models import Person
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

PERSON = "/api/v1/people/krysten-ritter/"


class TestConditionalGet:
    @pytest.mark.parametrize(
        "path",
        [PERSON, "/api/v1/credits/", f"/api/v1/seasons/{SEED_SLUG}/?include=credits,events"],
    )
    def test_if_none_match_with_the_etag_is_304_without_a_body(self, api_client, season, path):
        first = api_client.get(path)

        again = api_client.get(path, HTTP_IF_NONE_MATCH=first.headers["ETag"])

        assert first.status_code == HTTPStatus.OK
        assert again.status_code == HTTPStatus.NOT_MODIFIED
        assert again.content == b""
        assert again.headers["ETag"] == first.headers["ETag"]

    def test_the_etag_changes_with_the_representation(
        self, api_client, season, editor, django_capture_on_commit_callbacks
    ):
        before = api_client.get("/api/v1/credits/?person=krysten-ritter").headers["ETag"]
        with django_capture_on_commit_callbacks(execute=True):
            services.content_save(
                instance=Person.objects.get(slug="krysten-ritter"),
                actor=services.Actor.editor(editor, "api"),
                fields={"name": "K. Ritter"},
            )

        after = api_client.get("/api/v1/credits/?person=krysten-ritter", HTTP_IF_NONE_MATCH=before)

        assert after.status_code == HTTPStatus.OK
        assert after.headers["ETag"] != before

    def test_last_modified_is_the_latest_change_shown(self, api_client, season, save):
        # The latest version of what the answer names (catalog.delivery.caching): a saved change.
        person = save(Person.objects.get(slug="krysten-ritter"), sort_name="Ritter, K.")

        detail = api_client.get(PERSON)
        listing = api_client.get("/api/v1/people/?name=ritter")

        def latest(keys):
            return http_date(max(key_versions(keys)[0].values()) // 1_000_000_000)

        assert detail.headers["Last-Modified"] == latest(person.surrogate_keys() | {"site"})
        assert listing.headers["Last-Modified"] == latest(
            person.surrogate_keys() | {"person-list", "site"}
        )

    def test_if_modified_since_is_304_until_a_change(self, api_client, season):
        last_modified = api_client.get(PERSON).headers["Last-Modified"]

        unchanged = api_client.get(PERSON, HTTP_IF_MODIFIED_SINCE=last_modified)
        Person.objects.get(slug="krysten-ritter").save()  # now, a second or more later
        changed = api_client.get(PERSON, HTTP_IF_MODIFIED_SINCE=http_date(0))

        assert unchanged.status_code == HTTPStatus.NOT_MODIFIED
        assert changed.status_code == HTTPStatus.OK


class TestThrottling:
    @pytest.fixture
    def two_per_minute(self, settings):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
        }

    def test_anonymous_clients_get_429_with_retry_after(self, api_client, db, two_per_minute):
        # Three answers to make (an answer already made comes from the cache, unthrottled).
        statuses = [api_client.get(f"/api/v1/people/?page_size={n}").status_code for n in (1, 2, 3)]
        throttled = api_client.get("/api/v1/people/?page_size=4")

        assert statuses == [HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]
        assert int(throttled.headers["Retry-After"]) > 0
        assert "detail" in throttled.json()

    def test_token_clients_are_not_throttled(self, editor_client, db, two_per_minute):
        statuses = {editor_client.get("/api/v1/people/").status_code for _ in range(4)}

        assert statuses == {HTTPStatus.OK}

    def test_the_rate_comes_from_api_anon_throttle_rate(self, monkeypatch):
        import importlib

        from jjsite import settings as settings_module

        monkeypatch.setenv("API_ANON_THROTTLE_RATE", "7/second")
        try:
            rates = importlib.reload(settings_module).REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
        finally:
            monkeypatch.undo()
            importlib.reload(settings_module)

        assert rates == {"anon": "7/second"}


class TestCors:
    ORIGIN = "https://fan-site.example"

    def test_any_origin_may_read(self, api_client, season):
        response = api_client.get("/api/v1/people/", HTTP_ORIGIN=self.ORIGIN)

        assert response.headers["Access-Control-Allow-Origin"] == self.ORIGIN
        assert "ETag" in response.headers["Access-Control-Expose-Headers"]

    def test_a_preflight_offers_reads_only(self, api_client, db):
        response = api_client.options(
            "/api/v1/people/",
            HTTP_ORIGIN=self.ORIGIN,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        )

        assert response.status_code == HTTPStatus.OK
        allowed = {m.strip() for m in response.headers["Access-Control-Allow-Methods"].split(",")}
        assert allowed == {"GET", "HEAD", "OPTIONS"}

    def test_a_cross_origin_write_gets_no_cors_allowance(self, editor_client, db):
        response = editor_client.post(
            "/api/v1/people/", {"name": "X", "slug": "x"}, HTTP_ORIGIN=self.ORIGIN
        )

        assert "Access-Control-Allow-Origin" not in response.headers
        # CORS is the browser's guard, not the server's: the token's write itself is made.
        assert response.status_code == HTTPStatus.CREATED, response.content
        assert Person.objects.get(slug="x").name == "X"

    def test_pages_outside_the_api_get_no_cors_headers(self, client, season):
        response = client.get(f"/seasons/{SEED_SLUG}/", HTTP_ORIGIN=self.ORIGIN)

        assert "Access-Control-Allow-Origin" not in response.headers


class TestSchemaAndDocs:
    def test_the_schema_validates_without_a_warning(self, tmp_path):
        # --fail-on-warn turns every warning (an untyped field, an unresolvable filter) into
        # a non-zero exit, which call_command raises as SystemExit.
        call_command(
            "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml")
        )

        assert "/api/v1/credits/" in (tmp_path / "s.yml").read_text()

    def test_the_schema_is_served(self, api_client, db):
        response = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

        assert response.status_code == HTTPStatus.OK
        assert response.json()["info"]["title"] == "Season wiki API"

    def test_the_docs_page_uses_local_static_files_only(self, client, db):
        response = client.get("/api/v1/docs/")

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
        assert "cdn" not in html.lower()
        assert (
            client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css").status_code
            == HTTPStatus.OK
        )
