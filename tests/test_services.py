"""The write service: every content change validates, saves atomically and is announced once,
after its transaction commits, with the actor who made it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from catalog.content import services
from catalog.content.services import Actor, content_changed
from catalog.models import Event, Person, Section
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
