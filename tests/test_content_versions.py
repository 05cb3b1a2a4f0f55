"""The content versions the answer cache checks its stored answers against
(catalog/models/versions.py): each surrogate key's time of last change, in the database."""

import pytest

from catalog.models import ContentVersion
from catalog.models.versions import (
    GENERATION,
    add_versions,
    give_site_a_version,
    move_versions,
    read_versions,
)

pytestmark = pytest.mark.django_db


def test_moving_versions_sets_the_keys_and_the_generation_to_one_new_time():
    before = read_versions(["site"])["site"]

    move_versions(["season-1", "credit-list"])

    versions = read_versions(["season-1", "credit-list", GENERATION, "site"])
    assert versions["season-1"] == versions["credit-list"] == versions[GENERATION] > before
    assert versions["site"] == before  # a key not named keeps its version


def test_moving_them_again_moves_them_forward():
    move_versions(["season-1"])
    first = read_versions(["season-1"])["season-1"]

    move_versions(["season-1"])

    assert read_versions(["season-1"])["season-1"] > first


def test_reading_versions_answers_only_for_keys_that_have_one():
    move_versions(["season-1"])

    assert set(read_versions(["season-1", "season-2"])) == {"season-1"}


def test_adding_versions_gives_one_to_new_keys_and_keeps_those_already_set():
    move_versions(["season-1"])
    kept = read_versions(["season-1"])["season-1"]

    versions = add_versions(["season-1", "season-2"])

    assert versions["season-1"] == kept
    assert versions["season-2"] > kept
    assert read_versions(["season-1", "season-2"]) == versions


def test_the_site_has_a_version_after_migrate_and_keeps_it_when_given_one_again():
    site = read_versions(["site"])["site"]

    give_site_a_version()

    assert read_versions(["site"]) == {"site": site}


def test_the_site_is_given_a_version_again_after_a_flush():
    ContentVersion.objects.all().delete()

    give_site_a_version()

    assert set(read_versions(["site"])) == {"site"}


def test_a_version_reads_as_its_key_and_time():
    assert str(ContentVersion(key="season-3", version=1234)) == "season-3 at 1234"
