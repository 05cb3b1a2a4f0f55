"""Writing through the API: who may, validation as in the admin, no half-written objects.
(Versions and If-Match against lost updates: test_api_versions.py; revisions:
test_api_revisions.py.)"""

from http import HTTPStatus

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from catalog.models import Credit, Event, Person, Review, Revision, Season
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

NEW_CREDIT = {
    "season": SEED_SLUG,
    "person": "krysten-ritter",
    "department": "cast",
    "billing": "guest",
    "character": "Jessica's double",
    "episode": 3,
}


@pytest.fixture
def reader_client(reader):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reader).key}")
    return client


class TestWhoMayWrite:
    def test_anonymous_writes_are_401_with_the_token_scheme(self, api_client, season):
        credits = Credit.objects.count()

        response = api_client.post("/api/v1/credits/", NEW_CREDIT)

        assert response.status_code == HTTPStatus.UNAUTHORIZED
        assert response.headers["WWW-Authenticate"] == "Token"
        assert "detail" in response.json()
        assert Credit.objects.count() == credits
        assert not Credit.objects.filter(character=NEW_CREDIT["character"]).exists()

    def test_a_bad_token_is_401(self, season):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION="Token not-a-token")

        assert client.get("/api/v1/credits/").status_code == HTTPStatus.UNAUTHORIZED

    def test_a_user_without_permission_may_read_but_not_write(self, reader_client, season):
        assert reader_client.get("/api/v1/credits/").status_code == HTTPStatus.OK
        response = reader_client.post("/api/v1/credits/", NEW_CREDIT)
        deleted = reader_client.delete("/api/v1/people/krysten-ritter/")

        assert response.status_code == HTTPStatus.FORBIDDEN
        assert deleted.status_code == HTTPStatus.FORBIDDEN
        assert Person.objects.filter(slug="krysten-ritter").exists()

    def test_an_editor_token_creates_with_relations_by_slug(self, editor_client, season):
        response = editor_client.post("/api/v1/credits/", NEW_CREDIT)

        assert response.status_code == HTTPStatus.CREATED, response.content
        body = response.json()
        assert body["person"] == {"slug": "krysten-ritter", "name": "Krysten Ritter"}
        assert body["episode"] == 3
        credit = Credit.objects.get(pk=body["id"])
        assert (credit.season, credit.episode.number) == (season, 3)

    def test_an_editor_updates_and_deletes(self, editor_client, season):
        person = editor_client.post(
            "/api/v1/people/", {"name": "Ann Editor", "slug": "ann-editor"}
        ).json()

        renamed = editor_client.patch(person["url"], {"name": "Ann Editrix"})
        deleted = editor_client.delete(person["url"])

        assert renamed.status_code == HTTPStatus.OK
        assert renamed.json()["name"] == "Ann Editrix"
        assert deleted.status_code == HTTPStatus.NO_CONTENT
        assert not Person.objects.filter(slug="ann-editor").exists()

    def test_an_editor_sets_an_events_people_by_slug(self, editor_client, season):
        response = editor_client.post(
            "/api/v1/events/",
            {
                "season": SEED_SLUG,
                "date": "2017-04-01",
                "date_precision": "month",
                "kind": "filming",
                "text": "Filming went on.",
                "people": ["krysten-ritter", "janet-mcteer"],
            },
        )

        assert response.status_code == HTTPStatus.CREATED, response.content
        assert response.json()["date_display"] == "April 2017"
        event = Event.objects.get(pk=response.json()["id"])
        assert {p.slug for p in event.people.all()} == {"krysten-ritter", "janet-mcteer"}


class TestValidation:
    def test_field_messages_for_a_bad_body(self, editor_client, season):
        credits, revisions = Credit.objects.count(), Revision.objects.count()

        response = editor_client.post(
            "/api/v1/credits/", {**NEW_CREDIT, "person": "nobody", "department": "extras"}
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert set(response.json()) == {"person", "department"}
        assert (Credit.objects.count(), Revision.objects.count()) == (credits, revisions)

    def test_model_constraints_are_checked_as_in_the_admin(self, editor_client, season):
        before = (Credit.objects.count(), Event.objects.count(), Revision.objects.count())
        crew_with_billing = editor_client.post(
            "/api/v1/credits/", {**NEW_CREDIT, "department": "crew", "job": "grip"}
        )
        duplicate = editor_client.post(
            "/api/v1/credits/",
            {**NEW_CREDIT, "character": "Jessica Jones", "billing": "main", "episode": None},
        )
        month_not_on_the_first = editor_client.post(
            "/api/v1/events/",
            {"season": SEED_SLUG, "date": "2017-04-03", "date_precision": "month", "text": "x"},
        )
        bad_colour = editor_client.patch(
            f"/api/v1/seasons/{SEED_SLUG}/", {"background_color": "brown"}
        )

        for response, message in (
            (crew_with_billing, "crew credits have none"),
            (duplicate, "already has this role in this season"),
            (month_not_on_the_first, "month-precision date is the 1st of its month"),
        ):
            assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
            assert message in " ".join(response.json()["non_field_errors"])
        assert bad_colour.status_code == HTTPStatus.BAD_REQUEST
        assert bad_colour.json() == {"background_color": ["Enter a colour as #RRGGBB."]}
        # None of the four was written.
        assert (Credit.objects.count(), Event.objects.count(), Revision.objects.count()) == before
        stored = Season.objects.get(pk=season.pk)
        assert (stored.background_color, stored.version) == (
            season.background_color,
            season.version,
        )

    def test_an_episode_the_season_does_not_have_is_a_field_error(self, editor_client, season):
        credits = Credit.objects.count()

        response = editor_client.post("/api/v1/credits/", {**NEW_CREDIT, "episode": 14})

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "no episode 14" in response.json()["episode"][0]
        assert Credit.objects.count() == credits

    def test_a_rejected_write_leaves_nothing_behind(self, editor_client, season):
        lead = season.lead

        response = editor_client.patch(
            f"/api/v1/seasons/{SEED_SLUG}/",
            {"title": "Not saved", "lead": "A fact no reference backs.[99]"},
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        season.refresh_from_db()
        assert (season.title, season.lead) == ("Jessica Jones season 2", lead)

    def test_null_for_unknown_review_text_fields(self, editor_client, season):
        response = editor_client.post(
            "/api/v1/reviews/",
            {
                "season": SEED_SLUG,
                "outlet": "polygon",
                "critic": None,
                "rating_text": None,
                "sentiment": None,
                "excerpt": "Fine.",
            },
        )

        assert response.status_code == HTTPStatus.CREATED, response.content
        assert response.json()["rating_text"] is None
        assert response.json()["sentiment"] is None
        review = Review.objects.get(pk=response.json()["id"])
        assert (review.season, review.outlet.slug, review.critic) == (season, "polygon", None)
        assert (review.rating_text, review.sentiment, review.excerpt) == ("", "", "Fine.")

    def test_deleting_a_person_still_credited_is_a_409_and_keeps_them(self, editor_client, season):
        response = editor_client.delete("/api/v1/people/krysten-ritter/")

        assert response.status_code == HTTPStatus.CONFLICT
        assert "detail" in response.json()
        assert Person.objects.filter(slug="krysten-ritter").exists()

    def test_a_malformed_body_is_a_json_400(self, editor_client, season):
        people, revisions = Person.objects.count(), Revision.objects.count()

        response = editor_client.generic(
            "POST", "/api/v1/people/", "{not json", content_type="application/json"
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "detail" in response.json()
        assert (Person.objects.count(), Revision.objects.count()) == (people, revisions)
