"""Every API write is one revision: by the token's user, via "api", with the client's
X-Edit-Summary as its comment, its history rows holding each changed field's old and new value.
A write that is refused, or changes nothing, records nothing."""

from http import HTTPStatus

import pytest
from django.apps import apps

from catalog.models import Person, Revision
from tests.factories import (
    AccoladeFactory,
    CreditFactory,
    EpisodeFactory,
    EventFactory,
    OutletFactory,
    PersonFactory,
    ReviewFactory,
    SeasonFactory,
)

pytestmark = pytest.mark.django_db


def rows_of(revision):
    """The history rows a revision holds, of every model, as (model, type, changes)."""
    return [
        (model.__name__, row.history_type, row.changes)
        for model in apps.get_app_config("catalog").get_models()
        if hasattr(model, "history")
        for row in model.history.filter(revision=revision).order_by("history_id")
    ]


def the_revision(editor):
    """The one revision recorded (factories write history without one), checked to be the
    editor's through the API."""
    revision = Revision.objects.get()
    assert (revision.user, revision.via) == (editor, Revision.Via.API)
    return revision


# resource, factory, lookup field, field changed, new value
UPDATES = [
    ("seasons", SeasonFactory, "slug", "network", "Hulu"),
    ("people", PersonFactory, "slug", "sort_name", "Zed"),
    ("credits", CreditFactory, "pk", "character", "Someone else"),
    ("reviews", ReviewFactory, "pk", "excerpt", "Fine."),
    ("events", EventFactory, "pk", "text", "It happened."),
    ("episodes", EpisodeFactory, "pk", "title", "AKA Start"),
    ("outlets", OutletFactory, "pk", "name", "Renamed Outlet"),
    ("accolades", AccoladeFactory, "pk", "category", "Best Actress"),
]


@pytest.mark.parametrize(
    ("resource", "factory", "lookup", "field", "new"), UPDATES, ids=[u[0] for u in UPDATES]
)
def test_an_update_of_any_resource_is_one_revision_with_old_and_new_values(
    editor, editor_client, resource, factory, lookup, field, new
):
    obj = factory()
    old = getattr(obj, field)

    response = editor_client.patch(f"/api/v1/{resource}/{getattr(obj, lookup)}/", {field: new})

    assert response.status_code == HTTPStatus.OK, response.content
    revision = the_revision(editor)
    assert rows_of(revision) == [(type(obj).__name__, "~", {field: [old, new]})]


def test_a_put_is_one_revision_with_the_fields_it_changed(editor, editor_client):
    person = PersonFactory(name="Ann Editor", slug="ann-editor", sort_name="Editor, Ann")

    response = editor_client.put(
        "/api/v1/people/ann-editor/",
        {"name": "Ann Editrix", "slug": "ann-editor", "sort_name": "Editor, Ann"},
    )

    assert response.status_code == HTTPStatus.OK, response.content
    assert rows_of(the_revision(editor)) == [
        ("Person", "~", {"name": [person.name, "Ann Editrix"]})
    ]


def test_a_create_is_one_revision_holding_the_new_row(editor, editor_client):
    response = editor_client.post("/api/v1/people/", {"name": "New Person", "slug": "new-person"})

    assert response.status_code == HTTPStatus.CREATED, response.content
    revision = the_revision(editor)
    assert rows_of(revision) == [("Person", "+", {})]
    assert Person.history.get(revision=revision).name == "New Person"


def test_many_to_many_changes_are_recorded_as_primary_keys(editor, editor_client):
    event, person = EventFactory(), PersonFactory()

    response = editor_client.patch(f"/api/v1/events/{event.pk}/", {"people": [person.slug]})

    assert response.status_code == HTTPStatus.OK, response.content
    assert rows_of(the_revision(editor)) == [("Event", "~", {"people": [[], [person.pk]]})]


def test_a_delete_and_what_it_cascades_to_are_one_revision(editor, editor_client):
    episode = EpisodeFactory()
    CreditFactory(season=episode.season, episode=episode)

    response = editor_client.delete(f"/api/v1/episodes/{episode.pk}/")

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert sorted(rows_of(the_revision(editor))) == [("Credit", "-", {}), ("Episode", "-", {})]


def test_the_deletion_of_a_season_is_a_revision_that_still_names_it(editor_client):
    season = EpisodeFactory().season

    response = editor_client.delete(f"/api/v1/seasons/{season.slug}/")

    assert response.status_code == HTTPStatus.NO_CONTENT
    # No database constraint on Revision.season: its history stays findable by its id.
    revision = Revision.objects.get(season_id=season.pk)
    assert revision.via == "api"
    assert not type(season).objects.filter(pk=season.pk).exists()


class TestEditSummary:
    URL = "/api/v1/people/ann-editor/"

    @pytest.fixture(autouse=True)
    def _ann(self, db):
        PersonFactory(name="Ann Editor", slug="ann-editor")

    def test_x_edit_summary_is_the_revisions_comment(self, editor, editor_client):
        response = editor_client.patch(
            self.URL, {"sort_name": "Editor"}, HTTP_X_EDIT_SUMMARY="Sort by surname"
        )

        assert response.status_code == HTTPStatus.OK
        assert the_revision(editor).comment == "Sort by surname"
        assert Person.objects.get(slug="ann-editor").sort_name == "Editor"

    def test_a_deletion_takes_a_summary_too(self, editor, editor_client):
        response = editor_client.delete(self.URL, HTTP_X_EDIT_SUMMARY="Added by mistake")

        assert response.status_code == HTTPStatus.NO_CONTENT
        assert the_revision(editor).comment == "Added by mistake"
        assert not Person.objects.filter(slug="ann-editor").exists()

    def test_a_summary_sent_as_utf8_is_read_as_utf8(self, editor, editor_client):
        # What WSGI hands over for the UTF-8 bytes curl sends: each byte as one character.
        on_the_wire = "Café — typo".encode().decode("latin-1")

        response = editor_client.patch(
            self.URL, {"sort_name": "Editor"}, HTTP_X_EDIT_SUMMARY=on_the_wire
        )

        assert response.status_code == HTTPStatus.OK
        assert the_revision(editor).comment == "Café — typo"
        assert Person.objects.get(slug="ann-editor").sort_name == "Editor"

    def test_a_summary_longer_than_500_characters_is_a_400_and_writes_nothing(self, editor_client):
        response = editor_client.patch(
            self.URL, {"sort_name": "Editor"}, HTTP_X_EDIT_SUMMARY="x" * 501
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert list(response.json()) == ["X-Edit-Summary"]
        assert Person.objects.get(slug="ann-editor").sort_name != "Editor"
        assert not Revision.objects.exists()


class TestNothingRecorded:
    def test_a_refused_write_records_no_revision(self, editor_client):
        person = PersonFactory()

        response = editor_client.patch(f"/api/v1/people/{person.slug}/", {"slug": "not a slug"})

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert not Revision.objects.exists()

    def test_a_write_that_changes_nothing_records_nothing(self, editor_client):
        person = PersonFactory()

        response = editor_client.patch(f"/api/v1/people/{person.slug}/", {"name": person.name})

        assert response.status_code == HTTPStatus.OK
        assert Person.objects.get(pk=person.pk).version == person.version
        assert not Revision.objects.exists()

    def test_a_deletion_refused_as_still_referred_to_records_no_revision(self, editor_client):
        credit = CreditFactory()

        response = editor_client.delete(f"/api/v1/people/{credit.person.slug}/")

        assert response.status_code == HTTPStatus.CONFLICT
        assert not Revision.objects.exists()
