"""Which fields a history row changed, as readers know them (catalog/history/fields.py): the
admin's history, the API's history and changes feed, reverts and the importer all name a
changed field by its verbose name and list them in the model's field order."""

import pytest

from catalog.history.fields import (
    changed_fields,
    field_label,
    field_names,
    field_of,
    is_long,
    ordered,
    snapshot_pairs,
)
from catalog.models import Credit, Event
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


class TestAChangesKey:
    def test_names_a_foreign_key_by_its_column_or_its_name(self):
        assert field_of(Credit, "person_id") is Credit._meta.get_field("person")
        assert field_of(Credit, "person") is Credit._meta.get_field("person")

    def test_names_a_many_to_many_by_its_name(self):
        assert field_of(Event, "people") is Event._meta.get_field("people")

    def test_that_the_model_no_longer_has_names_no_field(self):
        assert field_of(Event, "venue") is None

    def test_is_shown_by_the_fields_verbose_name(self):
        assert field_label(Credit, "person_id") == "person"
        assert field_label(Event, "date_precision") == "date precision"

    def test_that_the_model_no_longer_has_is_shown_as_written(self):
        assert field_label(Event, "venue") == "venue"


def test_only_text_fields_are_prose():
    assert is_long(Event._meta.get_field("text"))
    assert not is_long(Event._meta.get_field("kind"))
    assert not is_long(None)


def test_the_keys_a_row_may_hold_are_the_tracked_fields_then_the_many_to_many():
    # Not the primary key, the creation time, the version or the update time.
    assert field_names(Event) == [
        "season_id", "date", "date_precision", "kind", "text", "source", "people",
    ]


def test_keys_are_put_in_the_models_field_order_and_unknown_ones_last():
    assert ordered(Event, ["people", "venue", "text", "date", "season_id"]) == [
        "season_id", "date", "text", "people", "venue",
    ]


def event_row(**changes):
    event = EventFactory(text="Filming began.", source="")
    row = event.history.get()
    row.changes = changes
    return event, row


def test_an_edits_changed_fields_are_labelled_in_the_models_order():
    _, row = event_row(people=[[], [1]], text=["a", "b"], date_precision=["day", "month"])

    assert changed_fields(Event, row) == ["date precision", "text", "people"]


class TestASnapshot:
    def test_of_a_created_row_has_each_value_as_new_leaving_empty_ones_out(self):
        person = PersonFactory()
        event, row = event_row(people=[[], [person.pk]])

        assert snapshot_pairs(Event, row) == {
            "season_id": (None, event.season_id),
            "date": (None, "2017-04-03"),
            "date_precision": (None, "day"),
            "kind": (None, "filming"),
            "text": (None, "Filming began."),
            "people": (None, [person.pk]),
        }

    def test_of_a_deleted_row_has_each_value_as_old(self):
        person = PersonFactory()
        event, created = event_row()
        season_id, pk = event.season_id, event.pk
        event.delete()
        row = Event.history.get(id=pk, history_type="-")
        row.changes = {"people": [[person.pk], []]}

        assert created.history_type == "+"
        assert snapshot_pairs(Event, row) == {
            "season_id": (season_id, None),
            "date": ("2017-04-03", None),
            "date_precision": ("day", None),
            "kind": ("filming", None),
            "text": ("Filming began.", None),
            "people": ([person.pk], None),
        }

    @pytest.mark.parametrize("empty", [[], ""])
    def test_leaves_out_empty_many_to_many_and_text(self, empty):
        _, row = event_row(people=[[], empty])

        assert "people" not in snapshot_pairs(Event, row)
        assert "source" not in snapshot_pairs(Event, row)
