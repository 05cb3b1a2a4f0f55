"""What the data migrations make of an existing database.

- 0005: citations stored as rows before markers became the text are written into the text
  where the page showed them; the rows the page could no longer place are dropped.
- 0006: the infobox lines of keys the season keeps as fields or credits are dropped.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("catalog", "0003_constraint_messages")]
AFTER = [("catalog", "0005_citation_markers_in_text")]
INFOBOX_AFTER = [("catalog", "0006_infobox_lines_only_for_untyped_keys")]

# Migrating back and forth changes the schema: transactional tests (whose flush at the end
# empties the tables; test_browser_admin.py says how the tests after them cope).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def migrate():
    """Migrate to `targets`, giving back the models as they are there; all the way up after."""

    def to(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield to
    call_command("migrate", verbosity=0)


def test_stored_citations_become_markers_where_the_page_showed_them(migrate):
    apps = migrate(BEFORE)
    Season, Section = apps.get_model("catalog", "Season"), apps.get_model("catalog", "Section")
    Reference, Citation = (apps.get_model("catalog", m) for m in ("Reference", "Citation"))
    series = apps.get_model("catalog", "Series").objects.create(name="Old", slug="old")
    season = Season.objects.create(
        series=series, number=1, title="Old season 1", slug="old-season-1", lead="Lead words."
    )
    section = Section.objects.create(
        season=season,
        position=1,
        title="Production",
        anchor="production",
        body="It began. Filming began in May, in Oslo.\r\n\r\nIt ended in June.",
    )
    one, two, three = (Reference.objects.create(season=season, number=n) for n in (1, 2, 3))
    for reference, sentence, offset in (
        (two, "Filming began in May, in Oslo.", 30),
        (one, "Filming began in May, in Oslo.", 30),
        (one, "Filming began in May, in Oslo.", 21),
        (three, "It ended in June.", 17),
        (three, "A sentence an edit reworded.", 5),
    ):
        Citation.objects.create(
            reference=reference, section=section, sentence=sentence, offset=offset
        )
    Citation.objects.create(reference=two, sentence="Lead words.", offset=4)

    apps = migrate(AFTER)

    Section, Season = apps.get_model("catalog", "Section"), apps.get_model("catalog", "Season")
    assert Section.objects.get(pk=section.pk).body == (
        "It began. Filming began in May,[1] in Oslo.[2][1]\n\nIt ended in June.[3]"
    )
    assert Season.objects.get(pk=season.pk).lead == "Lead[2] words."


def test_only_the_infobox_lines_of_untyped_keys_are_kept(migrate):
    apps = migrate(AFTER)
    series = apps.get_model("catalog", "Series").objects.create(name="Old", slug="old")
    season = apps.get_model("catalog", "Season").objects.create(
        series=series, number=1, title="Old season 1", slug="old-season-1"
    )
    InfoboxField = apps.get_model("catalog", "InfoboxField")
    for position, key in enumerate(
        ["Bg Color", "Created by", "Country", "num_episodes", "Starring", "Location"], start=1
    ):
        InfoboxField.objects.create(season=season, position=position, key=key, value="A")

    apps = migrate(INFOBOX_AFTER)

    kept = apps.get_model("catalog", "InfoboxField").objects.order_by("position")
    assert [line.key for line in kept] == ["Country", "Location"]
