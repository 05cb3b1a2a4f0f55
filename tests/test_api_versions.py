"""Versions through the API, against lost updates: every object reads its `version`; a detail's
ETag names it; If-Match refuses a write begun from another version (412, nothing changed);
`version` sent in the body keeps what others saved since and applies this client's changes,
or, where both changed a field, answers 409 with both values and saves nothing."""

import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from catalog.content import services
from catalog.models import Credit, Person, Revision
from tests.factories import CreditFactory, EpisodeFactory, PersonFactory
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db

URL = "/api/v1/people/ann-editor/"


@pytest.fixture
def ann(db):
    """A person at version 1."""
    return PersonFactory(name="Ann Editor", slug="ann-editor", sort_name="Editor, Ann")


@pytest.fixture
def other_editor(db):
    user = User.objects.create_user("other-editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def other_client(other_editor):
    """A second editor's API client."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=other_editor).key}")
    return client


def saved_meanwhile(obj, by, **fields):
    """Another editor's change, saved through the write service (as the admin saves)."""
    fresh = type(obj).objects.get(pk=obj.pk)
    return services.content_save(
        instance=fresh, actor=services.Actor.editor(by, via="admin"), fields=fields
    )


def stored(slug="ann-editor"):
    person = Person.objects.get(slug=slug)
    return person.name, person.sort_name, person.version


class TestTheVersionIsRead:
    RESOURCES = "seasons people credits reviews events episodes outlets accolades"

    @pytest.mark.parametrize("resource", RESOURCES.split())
    def test_every_object_reads_its_version(self, api_client, season, resource):
        results = api_client.get(f"/api/v1/{resource}/").json()["results"]

        assert results
        assert all(isinstance(obj["version"], int) and obj["version"] >= 1 for obj in results)

    def test_a_seasons_embedded_lists_read_theirs(self, api_client, season):
        body = api_client.get(f"/api/v1/seasons/{SEED_SLUG}/?include=credits,episodes").json()

        assert body["version"] == season.version
        assert {type(item["version"]) for item in body["credits"] + body["episodes"]} == {int}

    def test_each_change_bumps_the_version_and_a_write_changing_nothing_does_not(
        self, editor_client, ann
    ):
        changed = editor_client.patch(URL, {"sort_name": "Ann"})
        unchanged = editor_client.patch(URL, {"sort_name": "Ann"})

        assert (changed.json()["version"], unchanged.json()["version"]) == (2, 2)
        assert stored()[2] == 2

    def test_a_version_not_reached_yet_is_a_400(self, editor_client, ann):
        response = editor_client.patch(URL, {"version": 5, "sort_name": "Ann"})

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json() == {"version": ["There is no version 5 yet; the current one is 1."]}
        assert stored() == ("Ann Editor", "Editor, Ann", 1)


class TestETag:
    def test_a_details_etag_is_its_version_then_a_hash_of_the_representation(
        self, editor_client, ann
    ):
        etag = editor_client.get(URL).headers["ETag"]

        assert re.fullmatch(r'"1-[0-9a-f]{40}"', etag)

    @pytest.mark.parametrize(
        "path", ["/api/v1/people/", f"/api/v1/seasons/{SEED_SLUG}/?include=credits"]
    )
    def test_a_lists_etag_and_an_includes_are_the_hash_alone(self, api_client, season, path):
        etag = api_client.get(path).headers["ETag"]

        assert re.fullmatch(r'"[0-9a-f]{40}"', etag)

    def test_renaming_a_credited_person_changes_the_credits_etag_but_not_its_version(
        self, editor, editor_client
    ):
        credit = CreditFactory()
        url = f"/api/v1/credits/{credit.pk}/"
        before = editor_client.get(url)

        saved_meanwhile(credit.person, editor, name="Renamed Person")
        cached = editor_client.get(url, HTTP_IF_NONE_MATCH=before.headers["ETag"])
        edited = editor_client.patch(
            url, {"character": "Someone else"}, HTTP_IF_MATCH=before.headers["ETag"]
        )

        # A cache is told of the new name (no 304); an edit of the credit is not stale.
        assert cached.status_code == HTTPStatus.OK
        assert cached.json()["person"]["name"] == "Renamed Person"
        assert cached.json()["version"] == before.json()["version"]
        assert edited.status_code == HTTPStatus.OK, edited.content
        assert Credit.objects.get(pk=credit.pk).character == "Someone else"


class TestIfMatch:
    def test_a_patch_with_the_etag_read_is_200_and_bumps_the_version(self, editor_client, ann):
        etag = editor_client.get(URL).headers["ETag"]

        response = editor_client.patch(URL, {"sort_name": "Ann"}, HTTP_IF_MATCH=etag)

        assert response.status_code == HTTPStatus.OK
        assert response.json()["version"] == 2
        assert stored() == ("Ann Editor", "Ann", 2)

    def test_the_same_etag_again_is_412_and_changes_nothing(self, editor_client, ann):
        etag = editor_client.get(URL).headers["ETag"]
        editor_client.patch(URL, {"sort_name": "Ann"}, HTTP_IF_MATCH=etag)

        again = editor_client.patch(URL, {"sort_name": "A. Editor"}, HTTP_IF_MATCH=etag)

        assert again.status_code == HTTPStatus.PRECONDITION_FAILED
        assert again.json() == {
            "detail": "It has changed since you read it: If-Match names version 1, the current "
            "version is 2. Nothing was changed; read it again and redo your change."
        }
        assert stored() == ("Ann Editor", "Ann", 2)

    def test_of_two_clients_holding_the_same_etag_the_second_gets_412(
        self, editor_client, other_client, ann
    ):
        first_etag = editor_client.get(URL).headers["ETag"]
        second_etag = other_client.get(URL).headers["ETag"]

        first = editor_client.patch(URL, {"sort_name": "First"}, HTTP_IF_MATCH=first_etag)
        second = other_client.patch(URL, {"sort_name": "Second"}, HTTP_IF_MATCH=second_etag)

        assert first_etag == second_etag
        assert (first.status_code, second.status_code) == (
            HTTPStatus.OK,
            HTTPStatus.PRECONDITION_FAILED,
        )
        assert stored() == ("Ann Editor", "First", 2)

    @pytest.mark.parametrize("method", ["put", "patch", "delete"])
    def test_a_stale_etag_is_412_and_changes_nothing(self, editor, editor_client, ann, method):
        stale = editor_client.get(URL).headers["ETag"]
        saved_meanwhile(ann, editor, sort_name="Someone else's edit")

        response = getattr(editor_client, method)(
            URL, {"name": "Mine", "slug": "ann-editor"}, HTTP_IF_MATCH=stale
        )

        assert response.status_code == HTTPStatus.PRECONDITION_FAILED
        assert "current version is 2" in response.json()["detail"]
        assert stored() == ("Ann Editor", "Someone else's edit", 2)

    def test_a_delete_with_the_current_etag_deletes(self, editor_client, ann):
        etag = editor_client.get(URL).headers["ETag"]

        response = editor_client.delete(URL, HTTP_IF_MATCH=etag)

        assert response.status_code == HTTPStatus.NO_CONTENT
        assert not Person.objects.filter(slug="ann-editor").exists()

    def test_the_version_in_quotes_will_do_for_an_object_read_in_a_list(self, editor_client, ann):
        (listed,) = editor_client.get("/api/v1/people/?name=ann").json()["results"]

        current = editor_client.patch(
            URL, {"sort_name": "Ann"}, HTTP_IF_MATCH=f'"{listed["version"]}"'
        )
        stale = editor_client.patch(URL, {"sort_name": "A."}, HTTP_IF_MATCH='"1"')

        assert current.status_code == HTTPStatus.OK
        assert stale.status_code == HTTPStatus.PRECONDITION_FAILED
        assert stored() == ("Ann Editor", "Ann", 2)

    def test_an_etag_naming_no_version_is_412(self, editor_client, ann):
        list_etag = editor_client.get("/api/v1/people/").headers["ETag"]

        response = editor_client.patch(URL, {"sort_name": "Ann"}, HTTP_IF_MATCH=list_etag)

        assert response.status_code == HTTPStatus.PRECONDITION_FAILED
        assert response.json()["detail"].startswith("If-Match names no version")
        assert stored()[1:] == ("Editor, Ann", 1)

    def test_a_star_matches_any_version(self, editor, editor_client, ann):
        saved_meanwhile(ann, editor, sort_name="Someone else's edit")
        revisions = Revision.objects.count()

        response = editor_client.patch(URL, {"sort_name": "Ann"}, HTTP_IF_MATCH="*")

        assert response.status_code == HTTPStatus.OK
        assert response.json()["version"] == 3
        assert response.json()["sort_name"] == "Ann"
        assert stored() == ("Ann Editor", "Ann", 3)
        assert Revision.objects.count() == revisions + 1

    def test_the_version_if_match_names_is_the_writes_base_version(
        self, editor_client, ann, service_calls
    ):
        # So that a write slipping in between the check and the save is still caught.
        etag = editor_client.get(URL).headers["ETag"]

        editor_client.patch(URL, {"sort_name": "Ann"}, HTTP_IF_MATCH=etag)

        assert [call.base_version for call in service_calls] == [1]

    def test_without_if_match_the_write_goes_ahead(self, editor, editor_client, ann):
        saved_meanwhile(ann, editor, sort_name="Someone else's edit")

        response = editor_client.patch(URL, {"sort_name": "Ann"})

        assert response.status_code == HTTPStatus.OK
        assert stored() == ("Ann Editor", "Ann", 3)

    def test_an_invalid_body_is_a_400_whatever_its_precondition(self, editor_client, ann):
        revisions = Revision.objects.count()

        response = editor_client.patch(
            URL, {"slug": "not a slug", "sort_name": "Ann"}, HTTP_IF_MATCH='"stale"'
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        # The error names the field refused, and only that one; nothing was written.
        assert list(response.json()) == ["slug"]
        assert response.json()["slug"]
        assert stored() == ("Ann Editor", "Editor, Ann", 1)
        assert not Person.objects.filter(slug="not a slug").exists()
        assert Revision.objects.count() == revisions


class TestVersionInTheBody:
    """A client that read version 1 writes after another editor saved version 2."""

    def test_others_change_to_another_field_is_kept_and_yours_applied(
        self, editor, editor_client, ann
    ):
        saved_meanwhile(ann, editor, name="Ann Other")

        response = editor_client.patch(URL, {"version": 1, "sort_name": "Mine"})

        assert response.status_code == HTTPStatus.OK, response.content
        assert (response.json()["name"], response.json()["sort_name"]) == ("Ann Other", "Mine")
        assert stored() == ("Ann Other", "Mine", 3)

    def test_a_put_of_what_was_read_keeps_others_changes(self, editor, editor_client, ann):
        read = editor_client.get(URL).json()
        saved_meanwhile(ann, editor, name="Ann Other")

        response = editor_client.put(URL, {**read, "sort_name": "Mine"})

        assert response.status_code == HTTPStatus.OK, response.content
        assert stored() == ("Ann Other", "Mine", 3)

    def test_a_field_both_changed_is_409_with_both_values_and_nothing_saved(
        self, other_editor, editor_client, ann
    ):
        saved_meanwhile(ann, other_editor, sort_name="Theirs")

        response = editor_client.patch(URL, {"version": 1, "name": "Ann E.", "sort_name": "Mine"})

        assert response.status_code == HTTPStatus.CONFLICT
        assert response.json() == {
            "detail": "Since version 1, which you started from, other-editor changed sort_name "
            "too; nothing was saved. Choose the values and send them with version 2.",
            "version": 2,
            "conflicts": {"sort_name": {"current": "Theirs", "yours": "Mine"}},
        }
        assert stored() == ("Ann Editor", "Theirs", 2)
        assert Revision.objects.count() == 1  # theirs

    def test_a_conflict_shows_values_as_the_api_reads_and_writes_them(self, editor, editor_client):
        credit = CreditFactory()
        first, second = (EpisodeFactory(season=credit.season, number=n) for n in (1, 2))
        saved_meanwhile(credit, editor, episode=first)

        response = editor_client.patch(
            f"/api/v1/credits/{credit.pk}/", {"version": 1, "episode": second.number}
        )

        assert response.status_code == HTTPStatus.CONFLICT
        assert response.json()["conflicts"] == {"episode": {"current": 1, "yours": 2}}
        assert Credit.objects.get(pk=credit.pk).episode == first
