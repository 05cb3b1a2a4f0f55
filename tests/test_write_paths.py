"""Every API and importer write goes through the one write service (the admin's paths are in
test_admin_writes.py): the service is wrapped, and each path is seen calling it."""

from http import HTTPStatus

import pytest

from catalog.content import services
from catalog.importer import article_import
from catalog.models import Credit, Event, ImportBase, Person, Season, Section
from tests.factories import EventFactory, PersonFactory, ReferenceFactory, SeasonFactory
from tests.seed import ARTICLE, CITATIONS, SEED_SLUG

pytestmark = pytest.mark.django_db


def writes_of(service_calls):
    return [(call.function, call.model, call.actor) for call in service_calls]


class TestTheApi:
    def test_a_create_saves_through_the_service_as_the_editor(
        self, editor, editor_client, service_calls
    ):
        response = editor_client.post(
            "/api/v1/people/", {"name": "New Person", "slug": "new-person"}, format="json"
        )

        assert response.status_code == HTTPStatus.CREATED
        assert writes_of(service_calls) == [
            ("content_save", Person, services.Actor.editor(editor, "api"))
        ]

    def test_an_update_saves_through_the_service(self, editor, editor_client, service_calls):
        person = PersonFactory()

        response = editor_client.patch(
            f"/api/v1/people/{person.slug}/", {"sort_name": "Zed"}, format="json"
        )

        assert response.status_code == HTTPStatus.OK
        assert writes_of(service_calls) == [
            ("content_save", Person, services.Actor.editor(editor, "api"))
        ]

    def test_a_many_to_many_update_saves_through_the_service(self, editor_client, service_calls):
        event, person = EventFactory(), PersonFactory()

        response = editor_client.patch(
            f"/api/v1/events/{event.pk}/", {"people": [person.slug]}, format="json"
        )

        assert response.status_code == HTTPStatus.OK
        assert [(name, model) for name, model, _actor in writes_of(service_calls)] == [
            ("content_save", Event)
        ]
        assert list(event.people.all()) == [person]

    def test_a_delete_goes_through_the_service(self, editor, editor_client, service_calls):
        person = PersonFactory()

        response = editor_client.delete(f"/api/v1/people/{person.slug}/")

        assert response.status_code == HTTPStatus.NO_CONTENT
        assert writes_of(service_calls) == [
            ("content_delete", Person, services.Actor.editor(editor, "api"))
        ]

    def test_a_lead_citing_a_reference_saves_through_the_service(
        self, editor, editor_client, service_calls
    ):
        reference = ReferenceFactory(number=7)

        response = editor_client.patch(
            f"/api/v1/seasons/{reference.season.slug}/", {"lead": "A fact.[7]"}, format="json"
        )

        assert response.status_code == HTTPStatus.OK, response.json()
        assert writes_of(service_calls) == [
            ("content_save", Season, services.Actor.editor(editor, "api"))
        ]

    def test_a_refused_write_is_a_400_and_writes_nothing(self, editor_client, service_calls):
        response = editor_client.post(
            "/api/v1/credits/",
            {"season": SeasonFactory().slug, "person": PersonFactory().slug, "department": "crew"},
            format="json",
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json() == {"non_field_errors": ["A crew credit must name its job."]}
        assert not Credit.objects.exists()


class TestTheImporter:
    def test_every_row_is_saved_through_the_service_as_the_importer(self, db, service_calls):
        season, summary = article_import(path=ARTICLE, citations_path=CITATIONS)

        assert season.slug == SEED_SLUG
        created = sum(n for (action, _model), n in summary.items() if action == "created")
        assert len(service_calls) == created
        assert {actor for _name, _model, actor in writes_of(service_calls)} == {
            services.Actor.importer(ARTICLE)
        }

    def test_a_reimport_that_moves_a_section_saves_it_through_the_service(self, db, service_calls):
        season, _summary = article_import(path=ARTICLE, citations_path=CITATIONS)
        # An editor's section standing where the article's first section goes, in a season
        # with no base from its last import (so not reordered by editors since it).
        Section.objects.filter(season=season, position=1).update(anchor="moved-away")
        ImportBase.objects.all().delete()
        service_calls.clear()

        article_import(path=ARTICLE, citations_path=CITATIONS)

        moved = Section.objects.get(season=season, anchor="moved-away")
        assert moved.position == 10_001
        assert ("content_save", Section, services.Actor.importer(ARTICLE)) in writes_of(
            service_calls
        )
