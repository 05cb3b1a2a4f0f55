"""Series with their seasons (/api/v1/series/), and a season found by its series and number
(/api/v1/series/<slug>/seasons/<number>/), which answers exactly as the season's own detail."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Season, Series
from tests.factories import SeasonFactory, SeriesFactory, grow
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

SERIES = "/api/v1/series/"
JESSICA_JONES = "/api/v1/series/jessica-jones/"
BY_NUMBER = "/api/v1/series/jessica-jones/seasons/2/"
SEASON = f"/api/v1/seasons/{SEED_SLUG}/"


@pytest.fixture
def draft(season):
    """A draft third season of the seed's series."""
    return SeasonFactory(series=season.series, number=3, status=Season.Status.DRAFT)


def test_a_series_lists_its_published_seasons_as_short_objects_in_number_order(
    api_client, season, draft
):
    first = SeasonFactory(series=season.series, number=1, title="Jessica Jones season 1")

    body = api_client.get(JESSICA_JONES).json()

    assert body["slug"] == "jessica-jones"
    assert body["name"] == "Jessica Jones"
    assert body["url"] == f"http://testserver{JESSICA_JONES}"
    assert body["seasons"] == [
        {
            "slug": first.slug,
            "url": f"http://testserver/api/v1/seasons/{first.slug}/",
            "title": "Jessica Jones season 1",
            "number": 1,
            "release_date": "2018-03-08",
        },
        {
            "slug": SEED_SLUG,
            "url": f"http://testserver{SEASON}",
            "title": "Jessica Jones season 2",
            "number": 2,
            "release_date": "2018-03-08",
        },
    ]


def test_editors_see_draft_seasons_and_series_with_only_drafts(editor_client, api_client, draft):
    only_drafts = SeasonFactory(status=Season.Status.DRAFT).series

    editors = editor_client.get(JESSICA_JONES).json()
    visitors = api_client.get(JESSICA_JONES).json()

    assert [s["number"] for s in editors["seasons"]] == [2, 3]
    assert [s["number"] for s in visitors["seasons"]] == [2]
    assert api_client.get(f"{SERIES}{only_drafts.slug}/").status_code == HTTPStatus.NOT_FOUND
    assert editor_client.get(f"{SERIES}{only_drafts.slug}/").status_code == HTTPStatus.OK
    assert [s["slug"] for s in api_client.get(SERIES).json()["results"]] == ["jessica-jones"]
    assert only_drafts.slug in [s["slug"] for s in editor_client.get(SERIES).json()["results"]]


def test_the_list_searches_and_orders_like_the_other_resources(api_client, season):
    SeasonFactory(series=SeriesFactory(name="Daredevil"))

    names = [s["name"] for s in api_client.get(SERIES, {"ordering": "-name"}).json()["results"]]
    found = api_client.get(SERIES, {"search": "dare"}).json()
    refused = api_client.get(SERIES, {"ordering": "seasons"})

    assert names == ["Jessica Jones", "Daredevil"]
    assert [s["name"] for s in found["results"]] == ["Daredevil"]
    assert refused.status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize(
    ("path", "budget"),
    # Each with its validators' content versions (one query).
    [(SERIES, 4), (JESSICA_JONES, 3), (f"{BY_NUMBER}?include=credits,reviews", 4)],
)
def test_the_query_count_is_fixed_however_many_series_and_seasons(
    api_client, season, settings, django_assert_num_queries, path, budget
):
    settings.PAGE_CACHE = False  # count the renders
    with django_assert_num_queries(budget):
        api_client.get(path)
    for number in range(3, 13):
        SeasonFactory(series=season.series, number=number)
        SeasonFactory()
    grow(season)
    with django_assert_num_queries(budget):
        response = api_client.get(path, {"page_size": 100} if path == SERIES else {})

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("include", ["", "credits,reviews,events,episodes,accolades"])
def test_a_season_by_series_and_number_is_its_own_detail(api_client, season, include):
    query = {"include": include} if include else {}

    by_number = api_client.get(BY_NUMBER, query)
    by_slug = api_client.get(SEASON, query)

    assert by_number.status_code == HTTPStatus.OK
    assert by_number.content == by_slug.content
    assert by_number["ETag"] == by_slug["ETag"]
    assert by_number["Last-Modified"] == by_slug["Last-Modified"]


def test_a_season_by_number_refuses_an_unknown_include_as_the_detail_does(api_client, season):
    response = api_client.get(BY_NUMBER, {"include": "friends"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "include" in response.json()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/series/daredevil/seasons/2/",  # no such series
        "/api/v1/series/jessica-jones/seasons/7/",  # no such number
        "/api/v1/series/jessica-jones/seasons/99999/",  # beyond any season number
        "/api/v1/series/jessica-jones/seasons/123456789012345678901234567890/",
        "/api/v1/series/jessica-jones/seasons/two/",  # not a number: the API's 404
        "/api/v1/series/jessica-jones/seasons/-2/",
        "/api/v1/series/jessica-jones/seasons/2.0/",
    ],
)
def test_an_unknown_series_or_number_is_a_json_404(api_client, season, path):
    response = api_client.get(path)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert set(response.json()) == {"detail"}


def test_a_draft_season_by_number_is_for_editors_only(api_client, editor_client, draft):
    path = "/api/v1/series/jessica-jones/seasons/3/"

    assert api_client.get(path).status_code == HTTPStatus.NOT_FOUND
    assert editor_client.get(path).json()["slug"] == draft.slug


def test_a_season_is_written_at_its_own_address_not_by_number(editor_client, season):
    response = editor_client.patch(BY_NUMBER, {"title": "Renamed"})

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert Season.objects.get(pk=season.pk).title == "Jessica Jones season 2"


def test_editors_write_series_through_the_write_service(editor_client, season, service_calls):
    created = editor_client.post(SERIES, {"slug": "daredevil", "name": "Daredevil"})
    renamed = editor_client.patch(f"{SERIES}daredevil/", {"name": "Marvel's Daredevil"})
    protected = editor_client.delete(JESSICA_JONES)
    deleted = editor_client.delete(f"{SERIES}daredevil/")

    assert created.status_code == HTTPStatus.CREATED
    assert created.json()["seasons"] == []
    assert renamed.json()["name"] == "Marvel's Daredevil"
    assert renamed.json()["version"] == 2
    assert protected.status_code == HTTPStatus.CONFLICT
    assert deleted.status_code == HTTPStatus.NO_CONTENT
    assert Series.objects.filter(slug="jessica-jones").exists()
    assert not Series.objects.filter(slug="daredevil").exists()
    assert [(c.function, c.model, c.actor.via) for c in service_calls] == [
        ("content_save", Series, "api"),
        ("content_save", Series, "api"),
        ("content_delete", Series, "api"),  # refused: its season protects it
        ("content_delete", Series, "api"),
    ]


def test_a_series_write_is_validated_like_the_others(editor_client, season):
    series = list(Series.objects.order_by("pk").values_list("pk", "slug", "name"))

    duplicate = editor_client.post(SERIES, {"slug": "jessica-jones", "name": "Again"})
    no_name = editor_client.post(SERIES, {"slug": "nameless"})

    assert duplicate.status_code == HTTPStatus.BAD_REQUEST
    assert "slug" in duplicate.json()
    assert no_name.status_code == HTTPStatus.BAD_REQUEST
    assert "name" in no_name.json()
    assert series
    assert list(Series.objects.order_by("pk").values_list("pk", "slug", "name")) == series


# The answer cache: an edit to a season or its series shows at once on the new routes.


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


@pytest.mark.parametrize("path", [SERIES, JESSICA_JONES, BY_NUMBER])
def test_the_new_answers_are_cached_and_an_edit_to_the_season_shows_at_once(
    client, season, save, path
):
    client.get(path)
    cached, queries = get(client, path)
    assert queries == 1  # the stored answer's versions

    save(season, title="JJ season 2")
    fresh, queries = get(client, path)

    assert queries > 0
    assert b"JJ season 2" in fresh.content
    assert b"JJ season 2" not in cached.content


@pytest.mark.parametrize("path", [SERIES, JESSICA_JONES, BY_NUMBER])
def test_a_renamed_series_shows_at_once(client, season, save, path):
    client.get(path)

    save(season.series, name="JJ")

    assert b'"JJ"' in client.get(path).content


def test_a_season_made_a_draft_leaves_its_series_and_its_number_at_once(client, season, save):
    for path in (JESSICA_JONES, BY_NUMBER):
        assert client.get(path).status_code == HTTPStatus.OK

    save(season, status="draft")

    assert client.get(JESSICA_JONES).status_code == HTTPStatus.NOT_FOUND
    assert client.get(BY_NUMBER).status_code == HTTPStatus.NOT_FOUND


def test_a_series_whose_first_season_is_published_joins_the_list_at_once(client, season, save):
    hidden = SeasonFactory(status=Season.Status.DRAFT)
    before = [s["slug"] for s in client.get(SERIES).json()["results"]]

    save(hidden, status="published")
    after = [s["slug"] for s in client.get(SERIES).json()["results"]]

    assert before == ["jessica-jones"]
    assert after == sorted(["jessica-jones", hidden.series.slug])


# The schema declares both routes.


@pytest.fixture(scope="module")
def schema():
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_declares_series_and_a_season_by_number_as_the_season_detail(schema):
    by_number = schema["paths"]["/api/v1/series/{series_slug}/seasons/{number}/"]
    detail = schema["paths"]["/api/v1/seasons/{slug}/"]["get"]

    assert set(schema["paths"]["/api/v1/series/"]) == {"get", "post"}
    assert set(schema["paths"]["/api/v1/series/{slug}/"]) == {"get", "put", "patch", "delete"}
    assert set(by_number) == {"get"}
    # The same answer; the links from a season's detail to its writes name them by the
    # path's slug, which this route has not (the answer's `url` leads there).
    same = {k: v for k, v in detail["responses"]["200"].items() if k != "links"}
    assert by_number["get"]["responses"]["200"] == same
    parameters = {(p["name"], p["in"]) for p in by_number["get"]["parameters"]}
    assert {("series_slug", "path"), ("number", "path"), ("include", "query")} <= parameters
    assert "404" in by_number["get"]["responses"]


def test_the_schema_declares_the_export_as_streamed_ndjson(schema):
    export = schema["paths"]["/api/v1/export/"]["get"]

    assert export["responses"]["200"]["content"] == {
        "application/x-ndjson": {"schema": {"type": "string", "format": "binary"}}
    }
    assert "Content-Encoding" in export["responses"]["200"]["headers"]
    assert "ETag" not in export["responses"]["200"].get("headers", {})
