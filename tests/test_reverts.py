"""Going back: revert to a revision, undo one revision, restore deleted rows
(catalog.content.reverts).

Each is one revision of its own, by the editor, via "revert", written through the write
service; a refusal writes nothing and says why.
"""

import re

import pytest
from django.core.exceptions import ValidationError

from catalog.content import reverts, services
from catalog.history.revisions import recording
from catalog.models import Event, Person, Reference, Review, Revision, Section

pytestmark = pytest.mark.django_db

AQUARIUM = "Filming occurred at the Long Island Aquarium."


@pytest.fixture
def filming(season):
    return season.sections.get(anchor="filming")


@pytest.fixture
def edit(editor):
    """Save fields as the editor in the admin would; returns the revision it recorded."""

    def save(obj, many=None, **fields):
        services.content_save(
            instance=obj,
            actor=services.Actor.editor(editor, via="admin"),
            fields=fields,
            many=many,
        )
        return latest_revision()

    return save


def latest_revision():
    return Revision.objects.order_by("-id").first()


def deleted_by(obj, user):
    """Delete through the service; the object's "-" history row."""
    model, pk = type(obj), obj.pk
    services.content_delete(instance=obj, actor=services.Actor.editor(user, via="admin"))
    return model.history.get(id=pk, history_type="-")


def assert_one_revert_revision(before, user, comment):
    """Exactly one revision more: by `user`, via revert, with `comment`; returns it."""
    [revision] = Revision.objects.filter(pk__gt=before.pk)
    assert (revision.user, revision.via, revision.comment) == (user, "revert", comment)
    return revision


# Revert -----------------------------------------------------------------------------------


def test_revert_sets_every_field_back_to_its_value_as_of_the_revision(filming, edit, editor):
    first = edit(filming, title="One", level=4)
    last = edit(filming, title="Two", body="Rewritten.")

    reverts.revert(user=editor, instance=filming, revision=first)

    filming.refresh_from_db()
    assert (filming.title, filming.level) == ("One", 4)
    assert filming.body.startswith("Filming began the week of April 3, 2017")
    revision = assert_one_revert_revision(last, editor, f"Reverted to revision {first.pk}")
    [row] = Section.history.filter(revision=revision)
    assert row.history_type == "~"
    assert row.changes["title"] == ["Two", "One"]
    assert row.changes["body"][0] == "Rewritten."
    assert set(row.changes) == {"title", "body"}


def test_revert_to_the_original_version_undoes_every_edit_since_the_seed(filming, edit, editor):
    original = Section.objects.get(pk=filming.pk)
    edit(filming, title="One")
    last = edit(filming, body="Rewritten.")

    reverts.revert(user=editor, instance=filming, revision=None)

    filming.refresh_from_db()
    assert (filming.title, filming.body) == (original.title, original.body)
    assert_one_revert_revision(last, editor, "Reverted to the original version")


def test_revert_sets_many_to_many_back_too(season, edit, editor):
    event = Event.objects.filter(season=season, people__isnull=False).first()
    people_before = list(event.people.all())
    first = edit(event, text="Renamed.", many={"people": list(Person.objects.all()[:3])})
    edit(event, many={"people": []})

    reverts.revert(user=editor, instance=event, revision=first)
    assert list(event.people.order_by("pk")) == list(Person.objects.all()[:3])
    reverts.revert(user=editor, instance=event, revision=None)
    assert list(event.people.all()) == people_before


def test_revert_to_the_values_it_has_is_refused(filming, edit, editor):
    revision = edit(filming, title="One")

    with pytest.raises(ValidationError) as refused:
        reverts.revert(user=editor, instance=filming, revision=revision)

    assert refused.value.messages == [
        f"This section already has its values of revision {revision.pk}."
    ]
    assert latest_revision() == revision


def test_a_revert_writes_through_the_write_service(filming, edit, editor, service_calls):
    revision = edit(filming, title="One")
    edit(filming, title="Two")
    service_calls.clear()

    reverts.revert(user=editor, instance=filming, revision=revision)

    [call] = service_calls
    assert (call.function, call.model, call.pk) == ("content_save", Section, filming.pk)
    assert call.actor == services.Actor.revert(editor)
    assert call.fields == {"title": "One"}


# Undo -------------------------------------------------------------------------------------


def test_undo_reverses_one_revision_and_keeps_later_edits_of_other_fields(filming, edit, editor):
    retitled = edit(filming, title="Shooting")
    rewritten = edit(
        filming, body=filming.body.replace(AQUARIUM, "Filming took place in Riverhead.")
    )

    reverts.undo(user=editor, instance=filming, revision=retitled)

    filming.refresh_from_db()
    assert filming.title == "Filming"
    assert "Riverhead" in filming.body, "the later edit of another field is kept"
    revision = assert_one_revert_revision(rewritten, editor, f"Undid revision {retitled.pk}")
    [row] = Section.history.filter(revision=revision)
    assert row.changes == {"title": ["Shooting", "Filming"]}


def test_undo_is_refused_when_a_later_edit_changed_the_same_field(filming, edit, editor):
    retitled = edit(filming, title="Shooting", level=4)
    later = edit(filming, title="Shooting locations")

    with pytest.raises(ValidationError) as refused:
        reverts.undo(user=editor, instance=filming, revision=retitled)

    assert refused.value.messages == [
        f"Revision {retitled.pk} cannot be undone: later edits changed title since. Revert to "
        "a revision instead, or edit by hand."
    ]
    filming.refresh_from_db()
    assert (filming.title, filming.level) == ("Shooting locations", 4)
    assert latest_revision() == later


def test_undo_of_a_revision_that_did_not_change_it_is_refused(filming, season, edit, editor):
    other = edit(season, title="Another title")

    with pytest.raises(ValidationError, match=f"Revision {other.pk} did not change this section"):
        reverts.undo(user=editor, instance=filming, revision=other)


# Restore ----------------------------------------------------------------------------------


def test_restore_brings_back_an_event_with_its_people(season, editor):
    event = Event.objects.filter(season=season, people__isnull=False).first()
    people, pk = list(event.people.all()), event.pk
    row = deleted_by(event, editor)

    reverts.restore(user=editor, row=row)

    assert list(Event.objects.get(pk=pk).people.all()) == people
    assert Event.history.get(revision=latest_revision()).changes == {
        "people": [[], [p.pk for p in people]]
    }


def test_only_the_rows_deleted_with_it_come_back(season, editor):
    first, second = Review.objects.filter(season=season, critic__isnull=False)[:2]
    first_pk, second_pk = first.pk, second.pk
    # One revision deleting both, as "delete selected" does.
    actor = services.Actor.editor(editor, via="admin")
    with recording(actor):
        services.content_delete(instance=first, actor=actor)
        services.content_delete(instance=second, actor=actor)

    reverts.restore(user=editor, row=Review.history.get(id=first_pk, history_type="-"))

    assert Review.objects.filter(pk=first_pk).exists()
    assert not Review.objects.filter(pk=second_pk).exists()


def test_restore_is_refused_once_restored_and_while_what_it_points_to_is_gone(season, editor):
    event_row = deleted_by(Event.objects.filter(season=season).first(), editor)
    season_row = deleted_by(season, editor)

    with pytest.raises(ValidationError) as refused:
        reverts.restore(user=editor, row=event_row)
    assert refused.value.messages == [
        f"It cannot be restored: its season (#{season_row.id}) no longer exists. Restore "
        "that first."
    ]

    reverts.restore(user=editor, row=season_row)
    with pytest.raises(ValidationError, match="it has been restored already"):
        reverts.restore(user=editor, row=season_row)
    reverts.restore(user=editor, row=event_row)


def test_a_restore_writes_through_the_write_service(season, editor, service_calls):
    row = deleted_by(season, editor)
    service_calls.clear()

    reverts.restore(user=editor, row=row)

    assert service_calls[0].function == "content_save"
    assert service_calls[0].model is type(season)
    assert {c.function for c in service_calls} == {"content_save"}
    assert len(service_calls) > 100  # the season and every row deleted with it
    assert {c.actor for c in service_calls} == {services.Actor.revert(editor)}


def readable(response):
    """The page without what differs between two renders: the time of the last change (a
    restore is a change)."""
    html = response.content.decode()
    return re.sub(r'<p class="last-changed">.*?</p>', "", html)


def test_a_deleted_season_comes_back_whole_and_its_page_reads_the_same(
    season, editor, client, django_capture_on_commit_callbacks
):
    page_before = readable(client.get(season.get_absolute_url()))
    counts = {model: model.objects.count() for model in (Section, Reference, Review, Event)}
    with django_capture_on_commit_callbacks(execute=True):
        row = deleted_by(season, editor)
    assert client.get(season.get_absolute_url()).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        reverts.restore(user=editor, row=row)

    assert {model: model.objects.count() for model in counts} == counts
    assert readable(client.get(season.get_absolute_url())) == page_before
