"""What every content model shares (catalog/models/base.py): timestamps and a version that no
form or client sets, a version to start from, and a history row for every write, with or
without a revision."""

import pytest
from django.apps import apps
from django.forms import modelform_factory

from catalog.content.services import Actor, content_save
from catalog.models import Event, Season
from catalog.models.base import TimeStampedModel
from tests.factories import EventFactory, SeasonFactory

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    model
    for model in apps.get_app_config("catalog").get_models()
    if issubclass(model, TimeStampedModel)
]


def test_there_are_content_models():
    assert Season in CONTENT_MODELS
    assert Event in CONTENT_MODELS


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_no_form_offers_the_timestamps_or_the_version(model):
    form = modelform_factory(model, fields="__all__")

    assert not {"created_at", "updated_at", "version"} & set(form.base_fields)


def test_a_row_saved_outside_the_write_path_starts_at_version_one():
    # A fixture, a data migration or the shell leave the version out.
    season = SeasonFactory()
    assert season.version == 1

    # and an editor who read it at that version saves without a conflict
    content_save(
        instance=season, actor=Actor(via="test"), fields={"title": "Renamed"}, base_version=1
    )

    season.refresh_from_db()
    assert (season.title, season.version) == ("Renamed", 2)


def test_every_save_of_every_content_model_is_in_its_history():
    event = EventFactory(text="Filming began.")
    event.text = "Filming ended."
    event.save()

    assert [row.history_type for row in Event.history.filter(id=event.pk)] == ["~", "+"]
    assert Season.history.filter(id=event.season_id, history_type="+").exists()


class TestAHistoryRowWrittenOutsideTheWritePath:
    @pytest.fixture
    def row(self):
        return SeasonFactory().history.get()

    def test_has_no_revision_and_no_changes(self, row):
        assert row.revision is None
        assert row.changes == {}
