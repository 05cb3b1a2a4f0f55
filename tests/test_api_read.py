"""Reading the API: resources, their fields, include, filters, search, ordering, pages."""

from http import HTTPStatus

import pytest

from catalog.models import Season
from tests.factories import CreditFactory, SeasonFactory
from tests.seed import MAIN_CAST, SEED_SLUG

pytestmark = pytest.mark.django_db

RESOURCES = [
    "seasons", "people", "credits", "reviews", "events", "episodes", "outlets", "accolades",
    "citations", "series",
]  # fmt: skip

MINIMUM_FIELDS = {
    "seasons": {
        "url", "html_url", "slug", "title", "series", "number", "background_color", "network",
        "release_date", "episode_count", "episode_list_title", "lead", "status",
    },
    "people": {"url", "html_url", "slug", "name", "sort_name"},
    "credits": {
        "url", "id", "season", "person", "department", "billing", "character", "job", "order",
        "episode", "source",
    },
    "reviews": {
        "url", "id", "season", "kind", "outlet", "critic", "rating_text", "score",
        "average_rating", "sample_size", "consensus", "excerpt", "sentiment", "scope", "source",
    },
    "events": {
        "url", "id", "season", "date", "date_precision", "date_display", "kind", "text",
        "people", "source",
    },
    "episodes": {"url", "season", "number", "title"},
    "outlets": {"url", "slug", "name"},
    "accolades": {"url", "year", "award", "category", "nominee", "result"},
    "citations": {"url", "season", "number", "sentence"},
    "series": {"url", "slug", "name", "seasons"},
}  # fmt: skip

MAIN_CAST_NAMES = [name for name, _character in MAIN_CAST]


def results(response):
    assert response.status_code == HTTPStatus.OK, response.content
    return response.json()["results"]


def test_the_root_lists_every_resource(api_client):
    response = api_client.get("/api/v1/")

    assert response.status_code == HTTPStatus.OK
    assert set(response.json()) == set(RESOURCES)
    assert response.json()["credits"] == "http://testserver/api/v1/credits/"


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_item_has_the_guide_fields_and_its_url_leads_to_its_detail(
    api_client, season, resource
):
    listing = api_client.get(f"/api/v1/{resource}/").json()
    assert set(listing) == {"count", "next", "previous", "results"}
    first = listing["results"][0]
    assert MINIMUM_FIELDS[resource] <= set(first)

    detail = api_client.get(first["url"])

    assert detail.status_code == HTTPStatus.OK
    assert detail.json() == first


@pytest.mark.parametrize(
    ("path", "ending"),
    [
        ("/api/v1/credits/?page_size=100", "/"),
        ("/api/v1/credits.json?page_size=100", ".json"),
        ("/api/v1/credits/?page_size=100&format=json", "/?format=json"),
        ("/api/v1/citations/?page_size=100", "/"),
    ],
)
def test_each_url_of_a_page_is_its_own_detail_address_as_the_request_asked(
    api_client, season, path, ending
):
    results = api_client.get(path).json()["results"]
    first = results[0]

    assert all(item["url"].endswith(ending) for item in results)
    assert len({item["url"] for item in results}) == len(results)
    assert api_client.get(first["url"]).json() == first


def test_seasons_and_people_are_addressed_by_slug_with_their_page_addresses(api_client, season):
    season_json = api_client.get(f"/api/v1/seasons/{SEED_SLUG}/").json()
    person = api_client.get("/api/v1/people/krysten-ritter/").json()

    assert season_json["url"] == f"http://testserver/api/v1/seasons/{SEED_SLUG}/"
    assert season_json["html_url"] == f"http://testserver/seasons/{SEED_SLUG}/"
    assert season_json["series"] == {"slug": "jessica-jones", "name": "Jessica Jones"}
    assert season_json["release_date"] == "2018-03-08"
    assert person["html_url"] == "http://testserver/people/krysten-ritter/"
    assert person["name"] == "Krysten Ritter"


def test_an_unknown_object_is_a_json_404(api_client, season):
    response = api_client.get("/api/v1/seasons/no-such-season/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "detail" in response.json()


def test_the_acceptance_check_main_cast_in_billing_order(api_client, season):
    response = api_client.get(f"/api/v1/credits/?season={SEED_SLUG}&billing=main")

    credits = results(response)
    assert response.json()["count"] == 8
    assert [credit["person"]["name"] for credit in credits] == MAIN_CAST_NAMES
    assert credits[0]["person"] == {"slug": "krysten-ritter", "name": "Krysten Ritter"}
    assert credits[0]["character"] == "Jessica Jones"


def test_credits_default_order_is_main_recurring_guest_cast_then_crew(api_client, season):
    credits = results(api_client.get(f"/api/v1/credits/?season={SEED_SLUG}&page_size=100"))

    groups = [credit["billing"] or credit["department"] for credit in credits]
    assert groups == sorted(groups, key=["main", "recurring", "guest", "crew"].index)


def test_season_detail_includes_the_named_lists_only(api_client, season):
    plain = api_client.get(f"/api/v1/seasons/{SEED_SLUG}/").json()
    full = api_client.get(
        f"/api/v1/seasons/{SEED_SLUG}/?include=credits,reviews,events,episodes,accolades"
    ).json()
    some = api_client.get(f"/api/v1/seasons/{SEED_SLUG}/?include=episodes").json()

    assert not {"credits", "reviews", "events", "episodes", "accolades"} & set(plain)
    assert len(full["credits"]) == season.credits.count()
    assert [c["person"]["name"] for c in full["credits"][:8]] == MAIN_CAST_NAMES
    assert len(full["reviews"]) == 7
    assert len(full["events"]) == season.events.count()
    assert [e["number"] for e in full["episodes"]] == list(range(1, 14))
    assert full["accolades"][0]["nominee"] == {"slug": "sean-callery", "name": "Sean Callery"}
    assert set(some) - set(plain) == {"episodes"}


def test_an_unknown_include_is_a_400_naming_it(api_client, season):
    response = api_client.get(f"/api/v1/seasons/{SEED_SLUG}/?include=credits,cast")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "cast" in response.json()["include"][0]


def test_draft_seasons_and_their_content_are_hidden_from_anonymous_readers(
    api_client, editor_client, season
):
    draft = SeasonFactory(status=Season.Status.DRAFT)
    CreditFactory(season=draft, character="Secret")

    assert api_client.get(f"/api/v1/seasons/{draft.slug}/").status_code == HTTPStatus.NOT_FOUND
    assert results(api_client.get("/api/v1/credits/?character=secret")) == []
    assert len(results(editor_client.get("/api/v1/credits/?character=secret"))) == 1


class TestFilters:
    def test_credits_by_person_department_job_and_character(self, api_client, season):
        def names(query):
            return [
                c["person"]["name"] for c in results(api_client.get(f"/api/v1/credits/?{query}"))
            ]

        assert names("person=krysten-ritter") == ["Krysten Ritter"]
        assert names("department=crew&job=composer") == ["Sean Callery"]
        assert names("character=trish") == ["Rachael Taylor"]
        assert len(names("billing=recurring")) == 8
        assert len(names("billing=guest")) == 6

    def test_reviews_by_outlet_kind_sentiment_and_score(self, api_client, season):
        def outlets(query):
            reviews = results(api_client.get(f"/api/v1/reviews/?{query}"))
            return [review["outlet"]["name"] for review in reviews]

        assert outlets("kind=aggregate") == ["Rotten Tomatoes", "Metacritic"]
        assert outlets("outlet=metacritic") == ["Metacritic"]
        assert outlets("score_min=80&kind=critic") == ["Collider"]
        assert outlets("score_min=75&score_max=80") == ["Collider", "IndieWire"]
        assert "mixed" in {r["sentiment"] for r in results(api_client.get("/api/v1/reviews/"))}
        mixed = results(api_client.get("/api/v1/reviews/?sentiment=mixed"))
        assert mixed
        assert all(r["sentiment"] == "mixed" for r in mixed)

    def test_events_in_a_date_range_count_months_and_years_that_overlap_it(
        self, api_client, season
    ):
        events = results(
            api_client.get("/api/v1/events/?date_after=2016-08-20&date_before=2016-08-31")
        )

        assert [e["date_display"] for e in events] == ["August 2016"]

    def test_events_by_kind_and_person(self, api_client, season):
        events = results(api_client.get("/api/v1/events/?person=melissa-rosenberg&kind=writing"))

        assert events
        assert all(
            "melissa-rosenberg" in {p["slug"] for p in e["people"]} and e["kind"] == "writing"
            for e in events
        )

    def test_people_by_name_and_episodes_by_season(self, api_client, season):
        SeasonFactory()

        people = results(api_client.get("/api/v1/people/?name=ritter"))
        episodes = api_client.get(f"/api/v1/episodes/?season={SEED_SLUG}").json()

        assert [p["slug"] for p in people] == ["krysten-ritter"]
        assert episodes["count"] == 13

    def test_an_unknown_slug_matches_nothing(self, api_client, season):
        assert results(api_client.get("/api/v1/credits/?season=no-such-season")) == []

    @pytest.mark.parametrize(
        "query",
        [
            "credits/?billing=star",
            "credits/?department=extras",
            "reviews/?score_min=lots",
            "reviews/?sentiment=meh",
            "events/?date_after=2016-13-01",
            "events/?kind=party",
        ],
    )
    def test_a_bad_value_is_a_400_naming_the_parameter(self, api_client, season, query):
        response = api_client.get(f"/api/v1/{query}")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        parameter = query.split("?")[1].split("=")[0]
        assert list(response.json()) == [parameter]


class TestSearchAndOrdering:
    def test_search_people_credits_by_character_and_outlets(self, api_client, season):
        assert [p["slug"] for p in results(api_client.get("/api/v1/people/?search=mcteer"))] == [
            "janet-mcteer"
        ]
        credits = results(api_client.get("/api/v1/credits/?search=Kilgrave"))
        assert [c["person"]["name"] for c in credits] == ["David Tennant"]
        assert [o["name"] for o in results(api_client.get("/api/v1/outlets/?search=spy"))] == [
            "Digital Spy"
        ]

    def test_ordering_by_a_listed_field_either_way(self, api_client, season):
        up = results(api_client.get("/api/v1/reviews/?kind=critic&ordering=score"))
        down = results(api_client.get("/api/v1/reviews/?kind=critic&ordering=-score"))

        scores = [r["score"] for r in up if r["score"] is not None]
        assert scores == sorted(scores)
        assert [r["id"] for r in down] != [r["id"] for r in up]

    def test_ordering_by_an_unlisted_field_is_a_400(self, api_client, season):
        response = api_client.get("/api/v1/people/?ordering=created_at")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "created_at" in response.json()["ordering"][0]


class TestPagination:
    def test_pages_of_page_size_with_links(self, api_client, season):
        first = api_client.get("/api/v1/people/?page_size=10").json()
        last = api_client.get("/api/v1/people/?page_size=10&page=5").json()

        assert first["count"] == 44
        assert len(first["results"]) == 10
        assert first["previous"] is None
        assert first["next"] == "http://testserver/api/v1/people/?page=2&page_size=10"
        assert len(last["results"]) == 4
        assert last["next"] is None

    def test_twenty_by_default_and_a_hundred_at_most(self, api_client, db):
        CreditFactory.create_batch(120, season=SeasonFactory())

        assert len(results(api_client.get("/api/v1/people/"))) == 20
        assert len(results(api_client.get("/api/v1/people/?page_size=100"))) == 100

    @pytest.mark.parametrize("size", ["0", "101", "ten", "-5"])
    def test_a_page_size_out_of_range_is_a_400(self, api_client, db, size):
        response = api_client.get(f"/api/v1/people/?page_size={size}")

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "page_size" in response.json()

    def test_a_page_past_the_end_is_a_json_404(self, api_client, season):
        # A page that is no whole number from 1 is a 400 (test_api_clients.py).
        response = api_client.get("/api/v1/people/?page=99")

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert response.json() == {"detail": "Invalid page."}


def test_a_nul_character_in_search_is_a_400_keyed_by_the_parameter(api_client, db):
    response = api_client.get("/api/v1/people/?search=a%00b")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == ["search"]
