import pytest
from django.core.management import call_command

from catalog.models import Credit, Season


def test_committed_fixtures_are_exactly_what_the_importer_builds_from_the_seeds():
    # Runs the importer on seeds/ in a fresh database and compares byte for byte.
    call_command("build_fixtures", "--check")


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
