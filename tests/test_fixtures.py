import pytest
from django.core.management import call_command

from catalog.management.commands.build_fixtures import CONTENT_MODELS
from catalog.models import Credit, Season, content_models


def test_committed_fixtures_are_exactly_what_the_importer_builds_from_the_seeds():
    # Runs the importer on seeds/ in a fresh database and compares byte for byte.
    call_command("build_fixtures", "--check")


def test_the_fixture_holds_every_content_model_parents_first():
    models = {m._meta.label_lower: m for m in content_models()}
    assert set(CONTENT_MODELS) == set(models)
    for position, label in enumerate(CONTENT_MODELS):
        parents = {
            f.related_model._meta.label_lower
            for f in models[label]._meta.fields
            if f.many_to_one and f.related_model is not models[label]
        }
        assert parents <= set(CONTENT_MODELS[:position]), label


@pytest.mark.django_db
def test_setup_site_loads_the_seed_content_once_and_creates_one_admin(capsys):
    call_command("setup_site")
    first = capsys.readouterr().out
    assert "password:" in first
    call_command("setup_site")
    second = capsys.readouterr().out
    assert "password:" not in second
    assert Season.objects.count() == 1
    assert Credit.objects.cast().count() == 22
