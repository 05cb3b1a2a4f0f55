"""`prune_revisions` bounds the history: old rows go, the latest N of each object stay, and
revisions left empty go with them."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from catalog.content import services
from catalog.models import Person, Revision
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=400)


def edit(person, user, name):
    services.content_save(
        instance=person, actor=services.Actor.editor(user, via="admin"), fields={"name": name}
    )


@pytest.fixture
def person_with_history(editor):
    person = PersonFactory(name="v0")
    for number in range(1, 6):
        edit(person, editor, f"v{number}")
    # The first four edits are old; the last is recent.
    old_rows = Person.history.filter(id=person.pk, revision__isnull=False).order_by("history_id")[
        :4
    ]
    Person.history.filter(history_id__in=[r.history_id for r in old_rows]).update(
        history_date=LONG_AGO
    )
    Revision.objects.filter(pk__in=[r.revision_id for r in old_rows]).update(created_at=LONG_AGO)
    return person


def names_kept(person):
    return list(
        Person.history.filter(id=person.pk, revision__isnull=False)
        .order_by("history_id")
        .values_list("name", flat=True)
    )


def test_it_keeps_the_latest_rows_of_each_object_and_everything_recent(person_with_history, capsys):
    call_command("prune_revisions", "--keep", "2", "--before", (timezone.now().date()).isoformat())

    assert names_kept(person_with_history) == ["v4", "v5"]
    assert Revision.objects.count() == 2
    assert "Deleted 3 history rows and 3 revisions." in capsys.readouterr().out


def test_rows_newer_than_the_date_stay_whatever_keep_says(person_with_history):
    # v1 to v4 are 400 days old, v5 is today's: a cutoff a year ago spares v5 alone, but
    # one ten years ago spares them all.
    ten_years_ago = (timezone.now() - datetime.timedelta(days=3650)).date().isoformat()

    call_command("prune_revisions", "--keep", "1", "--before", ten_years_ago)

    assert names_kept(person_with_history) == ["v1", "v2", "v3", "v4", "v5"]


def test_a_dry_run_deletes_nothing(person_with_history, capsys):
    call_command("prune_revisions", "--keep", "1", "--before", "2999-01-01", "--dry-run")

    assert len(names_kept(person_with_history)) == 5
    assert "Would delete" in capsys.readouterr().out


def test_a_bad_date_is_refused_with_a_clear_message(db):
    with pytest.raises(CommandError, match="--before wants a date as YYYY-MM-DD"):
        call_command("prune_revisions", "--before", "last tuesday")
