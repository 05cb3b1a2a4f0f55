"""The write service: every content change validates, saves atomically and is announced once,
after its transaction commits, with the actor who made it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from catalog.content import services
from catalog.content.services import Actor, content_changed
from catalog.models import Event, Person, Revision, Section
from tests.factories import EventFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

ACTOR = Actor(via="test")


@pytest.fixture
def announced():
    """The changes announced while a test runs."""
    changes = []

    def receive(sender, change, **kwargs):
        changes.append(change)

    content_changed.connect(receive)
    yield changes
    content_changed.disconnect(receive)


def test_a_save_sets_the_fields_validates_and_announces(
    django_capture_on_commit_callbacks, announced
):
    person = PersonFactory(name="Old Name")

    with django_capture_on_commit_callbacks(execute=True):
        services.content_save(instance=person, fields={"name": "New Name"}, actor=ACTOR)

    person.refresh_from_db()
    assert person.name == "New Name"
    [change] = announced
    assert (change.action, change.model, change.pk, change.actor) == (
        "saved",
        Person,
        person.pk,
        ACTOR,
    )
    assert change.fields == ("name",)
    assert not change.created


def test_a_new_object_is_announced_as_created(django_capture_on_commit_callbacks, announced):
    with django_capture_on_commit_callbacks(execute=True):
        person = services.content_save(
            instance=Person(name="New Person", slug="new-person"), actor=ACTOR
        )

    assert Person.objects.get(pk=person.pk).version == 1
    assert [(c.action, c.model, c.pk, c.created) for c in announced] == [
        ("saved", Person, person.pk, True)
    ]


def test_nothing_is_announced_before_the_transaction_commits(announced):
    with transaction.atomic():
        services.content_save(instance=Person(name="A", slug="a"), actor=ACTOR)
        assert announced == []


def test_an_invalid_value_raises_the_models_message_and_changes_nothing(announced):
    section = SectionFactory()

    with pytest.raises(ValidationError) as error:
        services.content_save(instance=section, fields={"level": 9}, actor=ACTOR)

    assert "A section heading level is from 2 to 6." in str(error.value)
    section.refresh_from_db()
    assert section.level == 2
    assert announced == []


def test_a_reserved_anchor_is_refused_with_a_message_naming_another():
    with pytest.raises(ValidationError) as error:
        services.content_save(
            instance=Section(
                season=SectionFactory().season, position=9, title="References", anchor="references"
            ),
            actor=ACTOR,
        )
    assert error.value.message_dict["anchor"] == [
        "“references” names a part of the season page itself; choose another, e.g. “references-2”."
    ]


def test_prose_is_stored_with_line_feeds_whatever_the_browser_sent():
    section = SectionFactory()

    services.content_save(
        instance=section, fields={"body": "First.\r\n\r\nSecond.\rThird."}, actor=ACTOR
    )

    section.refresh_from_db()
    assert section.body == "First.\n\nSecond.\nThird."
    assert section.paragraphs == ["First.", "Second.\nThird."]


def test_many_to_many_values_are_set_in_the_same_write():
    event, person = EventFactory(), PersonFactory()

    services.content_save(instance=event, many={"people": [person]}, actor=ACTOR)

    assert list(Event.objects.get(pk=event.pk).people.all()) == [person]


def test_a_database_conflict_is_a_validation_error_not_an_integrity_error():
    taken = PersonFactory(slug="taken")
    other = PersonFactory()
    # full_clean() would catch the duplicate slug; skip it to play a race between two writers.
    other.full_clean = lambda: None

    with pytest.raises(ValidationError) as error:
        services.content_save(instance=other, fields={"slug": taken.slug}, actor=ACTOR)

    assert services.CONFLICT_MESSAGE in str(error.value)


def test_a_delete_is_announced_with_the_deleted_key(django_capture_on_commit_callbacks, announced):
    person = PersonFactory()
    pk = person.pk

    with django_capture_on_commit_callbacks(execute=True):
        services.content_delete(instance=person, actor=ACTOR)

    assert not Person.objects.filter(pk=pk).exists()
    assert [(c.action, c.model, c.pk) for c in announced] == [("deleted", Person, pk)]


def test_a_write_conflicts_when_history_cannot_tell_what_changed_and_writes_nothing(announced):
    section = SectionFactory(title="Filming")
    # Two versions went by that history has no row for (written around the service).
    Section.objects.filter(pk=section.pk).update(version=3)
    revisions = Revision.objects.count()

    with pytest.raises(services.EditConflict) as error:
        services.content_save(
            instance=Section.objects.get(pk=section.pk),
            fields={"title": "Locations"},
            base_version=1,
            actor=ACTOR,
        )

    assert set(error.value.fields) == {"title"}
    stored = Section.objects.get(pk=section.pk)
    assert (stored.title, stored.version) == ("Filming", 3)
    assert Revision.objects.count() == revisions
    assert announced == []


def test_an_editor_who_left_the_people_of_an_event_alone_keeps_anothers_change_to_them():
    first, second = PersonFactory(), PersonFactory()
    event = EventFactory(text="Filming began.")
    event.people.set([first])
    # Both editors open the event at version 1; one adds a person to it and saves.
    opened = Event.objects.get(pk=event.pk)
    services.content_save(
        instance=Event.objects.get(pk=event.pk), many={"people": [first, second]}, actor=ACTOR
    )

    # The other saves their form, which posts the people as they were when it was opened.
    services.content_save(
        instance=opened,
        fields={"text": "Filming began in New York."},
        many={"people": [first]},
        base_version=1,
        actor=ACTOR,
    )

    stored = Event.objects.get(pk=event.pk)
    assert stored.text == "Filming began in New York."
    assert set(stored.people.all()) == {first, second}
    assert stored.version == 3


def test_two_editors_setting_a_one_line_field_to_the_same_value_do_not_conflict():
    section = SectionFactory(title="Filming", body="A paragraph.")
    opened = Section.objects.get(pk=section.pk)
    services.content_save(
        instance=Section.objects.get(pk=section.pk), fields={"title": "Locations"}, actor=ACTOR
    )

    services.content_save(
        instance=opened,
        fields={"title": "Locations", "body": "Another paragraph."},
        base_version=1,
        actor=ACTOR,
    )

    stored = Section.objects.get(pk=section.pk)
    assert (stored.title, stored.body, stored.version) == ("Locations", "Another paragraph.", 3)
