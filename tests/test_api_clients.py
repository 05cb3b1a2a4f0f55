"""The API as real clients meet it (issue 11): list parameters in both forms, one value where
one is taken, `include` on people, the throttle's address, limits on bodies, JSON errors."""

import json
import time
from http import HTTPStatus

import pytest
from django.utils.http import parse_http_date

from catalog.models import ContentVersion, Person, Revision, Season
from tests.factories import CreditFactory, SeasonFactory
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

SEASON = f"/api/v1/seasons/{SEED_SLUG}/"
PERSON = "/api/v1/people/krysten-ritter/"


def ok(response):
    assert response.status_code == HTTPStatus.OK, response.content
    return response.json()


class TestListParameters:
    def test_include_repeated_embeds_every_list_named_as_commas_do(self, api_client, season):
        repeated = ok(api_client.get(f"{SEASON}?include=credits&include=reviews"))
        commas = ok(api_client.get(f"{SEASON}?include=credits,reviews"))

        assert repeated["credits"]
        assert repeated["reviews"]
        assert repeated == commas

    def test_include_both_forms_at_once(self, api_client, season):
        body = ok(api_client.get(f"{SEASON}?include=credits,reviews&include=events"))

        assert {"credits", "reviews", "events"} <= set(body)

    def test_ordering_repeated_orders_by_each_field_as_commas_do(self, api_client, season):
        path = f"/api/v1/credits/?season={SEED_SLUG}&page_size=100"
        repeated = ok(api_client.get(f"{path}&ordering=-job&ordering=character"))
        commas = ok(api_client.get(f"{path}&ordering=-job,character"))

        jobs = [(credit["job"] or "") for credit in repeated["results"]]
        assert repeated == commas
        assert jobs == sorted(jobs, reverse=True)

    @pytest.mark.parametrize(
        "query",
        [
            f"/api/v1/credits/?season={SEED_SLUG}&season=another-season",
            "/api/v1/people/?page_size=2&page_size=3",
            "/api/v1/people/?search=ritter&search=taylor",
        ],
    )
    def test_a_repeated_single_valued_parameter_is_a_400_naming_it(self, api_client, season, query):
        response = api_client.get(query)

        name = query.split("?")[1].split("&")[-1].split("=")[0]
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert name in response.json()

    def test_the_schema_declares_list_parameters_as_repeated_arrays(self, api_client):
        schema = ok(api_client.get("/api/v1/schema/?format=json"))
        parameters = {
            (path, parameter["name"]): parameter
            for path, item in schema["paths"].items()
            for parameter in item["get"].get("parameters", [])
        }

        for key in [
            ("/api/v1/seasons/{slug}/", "include"),
            ("/api/v1/people/{slug}/", "include"),
            ("/api/v1/credits/", "ordering"),
        ]:
            assert parameters[key]["schema"]["type"] == "array"
            assert parameters[key]["style"] == "form"
            assert parameters[key]["explode"] is True


class TestPersonInclude:
    def test_a_person_embeds_their_credits_reviews_as_critic_and_events(self, api_client, season):
        ritter = ok(api_client.get("/api/v1/people/krysten-ritter/?include=credits"))
        critic = ok(api_client.get("/api/v1/people/allison-keene/?include=reviews"))
        showrunner = ok(
            api_client.get("/api/v1/people/melissa-rosenberg/?include=events&include=credits")
        )

        plain = ok(api_client.get("/api/v1/credits/?person=krysten-ritter"))["results"]
        assert ritter["credits"] == plain
        assert {review["critic"]["slug"] for review in critic["reviews"]} == {"allison-keene"}
        assert (
            showrunner["events"]
            == ok(api_client.get("/api/v1/events/?person=melissa-rosenberg&page_size=100"))[
                "results"
            ]
        )
        assert "reviews" not in showrunner

    def test_without_include_a_person_has_only_their_own_fields(self, api_client, season):
        body = ok(api_client.get("/api/v1/people/krysten-ritter/"))

        assert not {"credits", "reviews", "events"} & set(body)

    def test_an_unknown_list_is_a_400(self, api_client, season):
        response = api_client.get("/api/v1/people/krysten-ritter/?include=episodes")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "include" in response.json()

    def test_drafts_are_left_out_for_visitors(self, api_client, season, editor_client):
        draft = CreditFactory(
            person=Person.objects.get(slug="krysten-ritter"), season=SeasonFactory(status="draft")
        )

        visitor = ok(api_client.get("/api/v1/people/krysten-ritter/?include=credits"))
        editor = ok(editor_client.get("/api/v1/people/krysten-ritter/?include=credits"))

        assert draft.pk not in {credit["id"] for credit in visitor["credits"]}
        assert draft.pk in {credit["id"] for credit in editor["credits"]}


class TestThrottleAddress:
    @pytest.fixture
    def two_per_minute(self, settings):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
        }

    def statuses(self, api_client, forwarded):
        # Each a new answer to make (an answer already made comes from the cache, unthrottled).
        return [
            api_client.get(
                f"/api/v1/people/?page_size={n}", HTTP_X_FORWARDED_FOR=address
            ).status_code
            for n, address in enumerate(forwarded, start=1)
        ]

    def test_a_new_x_forwarded_for_each_time_does_not_reset_the_count(
        self, api_client, db, two_per_minute
    ):
        statuses = self.statuses(api_client, ["10.0.0.1", "10.0.0.2", "10.0.0.3"])

        assert statuses == [HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]

    def test_behind_one_proxy_the_address_it_saw_counts(
        self, api_client, db, two_per_minute, settings
    ):
        settings.PROXY_COUNT = 1
        # The client made up the left part; the proxy appended the address it saw.
        spoofed = [f"10.9.9.{n}, 198.51.100.7" for n in range(3)]
        other_client = "198.51.100.8"

        statuses = self.statuses(api_client, spoofed)
        other = api_client.get("/api/v1/people/?page_size=9", HTTP_X_FORWARDED_FOR=other_client)

        assert statuses == [HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]
        assert other.status_code == HTTPStatus.OK


class TestPutBackWhatWasRead:
    @pytest.mark.parametrize(
        "resource",
        ["seasons", "credits", "reviews", "events", "accolades", "episodes", "people", "outlets"],
    )
    def test_a_detail_read_put_back_unchanged_is_accepted(self, editor_client, season, resource):
        first = ok(editor_client.get(f"/api/v1/{resource}/?page_size=100"))["results"]
        # A review with a critic and an event with people, when there are some.
        item = max(first, key=lambda obj: bool(obj.get("critic")) + bool(obj.get("people")))
        body = ok(editor_client.get(item["url"]))

        response = editor_client.put(item["url"], body, format="json")

        assert ok(response) == {**body, "version": body["version"]}
        assert ok(editor_client.get(item["url"])) == body

    @pytest.mark.parametrize(
        ("resource", "field", "value"),
        [
            ("reviews/", "outlet", {"slug": "collider", "name": "Collider"}),
            ("reviews/", "outlet", "collider"),
            ("reviews/?kind=critic", "critic", {"slug": "allison-keene"}),
            ("events/", "people", [{"slug": "krysten-ritter", "name": "ignored"}]),
        ],
    )
    def test_a_relation_is_written_as_read_or_as_the_slug(
        self, editor_client, season, resource, field, value
    ):
        url = ok(editor_client.get(f"/api/v1/{resource}"))["results"][0]["url"]

        written = ok(editor_client.patch(url, {field: value}, format="json"))

        slugs = [value] if not isinstance(value, list) else value
        read = written[field] if isinstance(written[field], list) else [written[field]]
        assert [obj["slug"] for obj in read] == [
            slug if isinstance(slug, str) else slug["slug"] for slug in slugs
        ]
        # Stored, not only answered: a fresh read gives the relation written.
        assert ok(editor_client.get(url))[field] == written[field]

    @pytest.mark.parametrize("value", [{"name": "Collider"}, {"slug": 7}, ["collider"], ""])
    def test_a_relation_without_a_slug_is_a_400(self, editor_client, season, value):
        url = ok(editor_client.get("/api/v1/reviews/"))["results"][0]["url"]
        before = ok(editor_client.get(url))
        revisions = Revision.objects.count()

        response = editor_client.patch(url, {"outlet": value}, format="json")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "outlet" in response.json()
        assert ok(editor_client.get(url)) == before
        assert Revision.objects.count() == revisions

    def test_an_empty_nominee_slug_is_a_400_not_none(self, editor_client, season):
        url = ok(editor_client.get("/api/v1/accolades/"))["results"][0]["url"]
        before = ok(editor_client.get(url))
        revisions = Revision.objects.count()

        response = editor_client.patch(url, {"nominee_slug": ""}, format="json")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "nominee_slug" in response.json()
        assert ok(editor_client.get(url)) == before
        assert Revision.objects.count() == revisions


def test_a_persons_lists_cost_six_queries_however_many_seasons_they_are_in(
    api_client, season, settings, django_assert_num_queries
):
    settings.PAGE_CACHE = False  # count the render's queries
    path = "/api/v1/people/krysten-ritter/?include=credits,reviews,events"
    with django_assert_num_queries(6):  # with the validators' content versions
        before = ok(api_client.get(path))
    for _ in range(10):  # each in a season of its own
        CreditFactory(person=Person.objects.get(slug="krysten-ritter"))

    with django_assert_num_queries(6):
        after = ok(api_client.get(path))

    assert len(after["credits"]) == len(before["credits"]) + 10


class TestLimits:
    def post_raw(self, client, body):
        return client.generic("POST", "/api/v1/people/", body, content_type="application/json")

    @pytest.mark.parametrize("depth", [101, 5000])
    def test_json_nested_deeper_than_100_is_a_400_with_a_message(self, editor_client, db, depth):
        response = self.post_raw(editor_client, "[" * depth + "]" * depth)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "nested deeper than 100" in response.json()["detail"]

    def test_json_nested_100_deep_is_read_as_usual(self, editor_client, db):
        body = {"name": "Deep", "slug": "deep", "sort_name": "x"}
        nested = json.dumps([body]).replace("[", "[" * 99).replace("]", "]" * 99)

        response = self.post_raw(editor_client, nested)

        # Read, then refused for its shape (a list), not its depth.
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "nested" not in json.dumps(response.json())
        assert not Person.objects.filter(slug="deep").exists()

    def test_a_body_over_the_limit_is_a_413_and_nothing_is_written(
        self, editor_client, db, settings
    ):
        settings.API_MAX_BODY_BYTES = 1000
        body = json.dumps({"name": "Big", "slug": "big", "sort_name": "x" * 1000})

        response = self.post_raw(editor_client, body)

        assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        assert "1000 bytes" in response.json()["detail"]
        assert not Person.objects.filter(slug="big").exists()

    def test_the_default_limit_refuses_11_mb(self, editor_client, db):
        body = json.dumps({"name": "Big", "slug": "big", "sort_name": "x" * 11_000_000})

        assert self.post_raw(editor_client, body).status_code == 413
        assert not Person.objects.filter(slug="big").exists()

    def test_a_lead_over_the_importers_article_cap_is_a_400(self, editor_client, season):
        revisions = Revision.objects.count()

        response = editor_client.patch(SEASON, {"lead": "x" * (2**20 + 1)}, format="json")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "lead" in response.json()
        stored = Season.objects.get(slug=SEED_SLUG)
        assert (stored.lead, stored.version) == (season.lead, season.version)
        assert Revision.objects.count() == revisions

    def test_a_server_error_under_the_api_is_json(self, api_client, season, monkeypatch):
        from catalog.api import serializers

        def broken(self, obj):
            raise RuntimeError("a bug")

        # A bug stands in for any unexpected failure (nothing here fails on purpose).
        monkeypatch.setattr(serializers.PersonSerializer, "to_representation", broken)
        api_client.raise_request_exception = False

        response = api_client.get("/api/v1/people/krysten-ritter/")

        assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
        assert response.headers["Content-Type"] == "application/json"
        assert "detail" in response.json()

    def test_a_server_error_under_tmdb_is_tmdbs_error_body(self, client, season, monkeypatch):
        from catalog.tmdb import shapes

        def broken(*args, **kwargs):
            raise RuntimeError("a bug")

        monkeypatch.setattr(shapes, "person", broken)
        client.raise_request_exception = False
        person = season.credits.first().person

        response = client.get(f"/tmdb/3/person/{person.pk}")

        assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
        assert response.headers["Content-Type"] == "application/json"
        assert response.json()["success"] is False
        assert response.json()["status_code"] == 11

    def test_a_server_error_elsewhere_is_the_sites_page(self, client, season, monkeypatch):
        from catalog.pages import views

        def broken(*args, **kwargs):
            raise RuntimeError("a bug")

        monkeypatch.setattr(views, "render_with_style", broken)
        client.raise_request_exception = False

        response = client.get(f"/seasons/{SEED_SLUG}/")

        assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
        assert response.headers["Content-Type"].startswith("text/html")


def next_second():
    """Wait for the next whole second: Last-Modified counts seconds."""
    time.sleep(1.05 - time.time() % 1)


class TestValidatorsFromContentVersions:
    def test_renaming_a_person_moves_their_credits_validators(self, api_client, season, save):
        credit = Person.objects.get(slug="krysten-ritter").credits.get()
        path = f"/api/v1/credits/{credit.pk}/"
        before = api_client.get(path)
        next_second()
        save(Person.objects.get(slug="krysten-ritter"), name="K. Ritter")

        after = api_client.get(path, HTTP_IF_MODIFIED_SINCE=before.headers["Last-Modified"])

        assert after.status_code == HTTPStatus.OK
        assert after.json()["person"]["name"] == "K. Ritter"
        assert parse_http_date(after.headers["Last-Modified"]) > parse_http_date(
            before.headers["Last-Modified"]
        )
        # Its own version is unchanged: If-Match still compares that alone.
        assert after.headers["ETag"] != before.headers["ETag"]
        assert after.headers["ETag"].startswith(f'"{credit.version}-')

    def test_deleting_from_a_list_moves_the_lists_validators(
        self, api_client, editor_client, season, commit
    ):
        path = f"/api/v1/episodes/?season={SEED_SLUG}&page_size=100"
        before = api_client.get(path)
        next_second()
        deleted = commit(editor_client.delete, before.json()["results"][-1]["url"])

        after = api_client.get(
            path,
            HTTP_IF_MODIFIED_SINCE=before.headers["Last-Modified"],
            HTTP_IF_NONE_MATCH=before.headers["ETag"],
        )
        since = api_client.get(path, HTTP_IF_MODIFIED_SINCE=before.headers["Last-Modified"])

        assert deleted.status_code == HTTPStatus.NO_CONTENT
        assert after.status_code == since.status_code == HTTPStatus.OK
        assert len(after.json()["results"]) == len(before.json()["results"]) - 1
        assert after.headers["Last-Modified"] != before.headers["Last-Modified"]

    def test_with_the_versions_gone_an_answer_looks_changed_now_never_stale(
        self, api_client, season
    ):
        # The versions are in the database; a flushed table gives `site` a new one.
        before = api_client.get(PERSON)
        next_second()
        ContentVersion.objects.all().delete()

        after = api_client.get(PERSON, HTTP_IF_MODIFIED_SINCE=before.headers["Last-Modified"])

        assert after.status_code == HTTPStatus.OK
        assert after.headers["Last-Modified"] != before.headers["Last-Modified"]

    @pytest.mark.parametrize("method", ["put", "patch"])
    def test_a_write_answers_with_the_new_etag_which_the_next_if_match_takes(
        self, editor_client, season, method
    ):
        body = ok(editor_client.get(PERSON))
        body["sort_name"] = "Ritter, K."

        written = getattr(editor_client, method)(PERSON, body, format="json")
        again = editor_client.patch(
            PERSON, {"sort_name": "Ritter"}, HTTP_IF_MATCH=written.headers["ETag"]
        )

        assert written.headers["ETag"].startswith(f'"{body["version"] + 1}-')
        assert "Last-Modified" in written.headers
        assert again.status_code == HTTPStatus.OK
        assert again.headers["ETag"].startswith(f'"{body["version"] + 2}-')
        stored = Person.objects.get(slug="krysten-ritter")
        assert (stored.sort_name, stored.version) == ("Ritter", body["version"] + 2)

    def test_a_create_answers_with_its_etag(self, editor_client, db):
        response = editor_client.post(
            "/api/v1/people/", {"name": "New", "slug": "new", "sort_name": "New"}
        )

        assert response.status_code == HTTPStatus.CREATED
        assert response.headers["ETag"].startswith('"1-')
        stored = Person.objects.get(slug="new")
        assert (stored.name, stored.sort_name, stored.version) == ("New", "New", 1)

    @pytest.mark.parametrize("method", ["put", "patch", "delete"])
    def test_if_none_match_star_on_an_existing_object_is_a_412(self, editor_client, season, method):
        body = ok(editor_client.get(PERSON))

        response = getattr(editor_client, method)(
            PERSON, body, format="json", HTTP_IF_NONE_MATCH="*"
        )

        assert response.status_code == HTTPStatus.PRECONDITION_FAILED
        assert ok(editor_client.get(PERSON))["version"] == body["version"]


class TestCorsForConditionalRequests:
    ORIGIN = "https://fan-site.example"

    def test_a_preflight_allows_the_conditional_and_summary_headers(self, api_client, db):
        response = api_client.options(
            "/api/v1/people/",
            HTTP_ORIGIN=self.ORIGIN,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
        )

        allowed = {h.strip().lower() for h in response["Access-Control-Allow-Headers"].split(",")}
        assert {"if-none-match", "if-modified-since", "if-match", "x-edit-summary"} <= allowed

    def test_reads_expose_the_validators(self, api_client, season):
        response = api_client.get(PERSON, HTTP_ORIGIN=self.ORIGIN)

        exposed = {h.strip().lower() for h in response["Access-Control-Expose-Headers"].split(",")}
        assert {"etag", "last-modified"} <= exposed


class TestSmallerFindings:
    def test_an_object_where_a_list_is_expected_is_a_400(self, editor_client, season):
        url = ok(editor_client.get("/api/v1/events/"))["results"][0]["url"]
        before = ok(editor_client.get(url))

        response = editor_client.patch(url, {"people": {"krysten-ritter": 1}}, format="json")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "people" in response.json()
        assert ok(editor_client.get(url)) == before

    @pytest.mark.parametrize("query", ["page=abc", "page=0", "page=1.5", "page_size=abc"])
    def test_a_page_or_page_size_that_is_no_whole_number_is_a_400(self, api_client, db, query):
        response = api_client.get(f"/api/v1/people/?{query}")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert query.split("=")[0] in response.json()

    def test_a_page_past_the_end_is_still_a_404(self, api_client, season):
        assert api_client.get("/api/v1/people/?page=999").status_code == HTTPStatus.NOT_FOUND

    def test_nul_in_a_body_string_is_a_400_as_the_schema_says(self, editor_client, season):
        schema = ok(editor_client.get("/api/v1/schema/?format=json"))
        sort_name = schema["components"]["schemas"]["PersonRequest"]["properties"]["sort_name"]

        before = Person.objects.get(slug="krysten-ritter")

        response = editor_client.patch(PERSON, {"sort_name": "Ritter\x00"}, format="json")

        assert sort_name["pattern"] == "^[^\\x00]*$"
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "sort_name" in response.json()
        after = Person.objects.get(slug="krysten-ritter")
        assert (after.sort_name, after.version) == (before.sort_name, before.version)

    def test_the_schema_declares_validators_and_conditional_headers(self, api_client):
        schema = ok(api_client.get("/api/v1/schema/?format=json"))
        detail = schema["paths"]["/api/v1/people/{slug}/"]

        read_headers = {p["name"] for p in detail["get"]["parameters"] if p["in"] == "header"}
        put_headers = {p["name"] for p in detail["put"]["parameters"] if p["in"] == "header"}
        create = schema["paths"]["/api/v1/people/"]["post"]["responses"]["201"]
        assert {"If-None-Match", "If-Modified-Since"} <= read_headers
        assert {"If-Match", "X-Edit-Summary"} <= put_headers
        assert {"ETag", "Last-Modified"} <= set(detail["put"]["responses"]["200"]["headers"])
        assert {"ETag", "Last-Modified"} <= set(create["headers"])
        assert {"401", "406", "413"} <= set(detail["put"]["responses"])
