"""Re-importing an article over a season editors changed since its last import.

The import merges as a stale save does (catalog.content.services.merge_from_base), from the
base the last import of the season kept (ImportBase): a value changes only where the article
changed it since that import and editors did not; what editors changed stays, and is listed
field by field (the editors' value, the article's, the value at the last import) by
`import_article` (with `--dry-run` too) and by the admin's import preview; a value both changed
is a conflict, and the editors' value stays. Nothing editors did is silently reverted: a
season field edited in the admin, an outlet renamed through the API, a credit deleted, prose
edited, the cast reordered.

The article is made up (tests/articles/import-harbor-lights-season-1.txt).
"""

import datetime
from http import HTTPStatus
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from catalog.content import services
from catalog.importer import import_text
from catalog.models import (
    Credit,
    ImportBase,
    Outlet,
    Person,
    Review,
    Revision,
    Season,
    Section,
)
from tests.admin_forms import admin_url, browser_form_data
from tests.factories import SeasonFactory
from tests.seed import ARTICLE as SEED_ARTICLE
from tests.seed import CITATIONS as SEED_CITATIONS

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).parent / "articles"
HARBOR = (ARTICLES / "import-harbor-lights-season-1.txt").read_text(encoding="utf-8")
IMPORT_URL = reverse("admin-import-article")

# The article as its authors changed it since the first import: a new release date (a field
# no editor touched) and a new network (a field an editor changed too: a conflict).
NEW_RELEASE = HARBOR.replace("- Released: 2021-10-14", "- Released: 2021-10-21")
BOTH_CHANGED = NEW_RELEASE.replace("- Network: Tidewater\n", "- Network: Tidewater Plus\n")
MUSIC = "The score was composed by Agnes Whitlow."


def every_row():
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("catalog").get_models(include_auto_created=True)
    }


def run(path, *options):
    out = StringIO()
    call_command("import_article", str(path), *options, stdout=out)
    return out.getvalue()


def article_file(tmp_path, text):
    path = tmp_path / "harbor-lights.txt"
    path.write_text(text, encoding="utf-8")
    return path


def season():
    return Season.objects.get(slug="harbor-lights-season-1")


def credit(name):
    return Credit.objects.get(person__name=name)


@pytest.fixture
def first_import(tmp_path):
    """The article imported once, from the command line."""
    run(article_file(tmp_path, HARBOR))
    return season()


@pytest.fixture
def editors_changes(first_import, editor, editor_admin, editor_client, commit):
    """After the import, editors change the season: its network in the admin, an outlet's name
    through the API, a credit deleted through the API, a section's prose and the order of two
    cast members through the write service."""
    url = admin_url(Season, "change", first_import.pk)
    data = browser_form_data(editor_admin.get(url))
    data["network"] = "Tidewater+"
    assert editor_admin.post(url, data).status_code == HTTPStatus.FOUND

    outlet = Outlet.objects.get(name="Coastal Screen")
    renamed = editor_client.patch(
        f"/api/v1/outlets/{outlet.pk}/", {"name": "Coastal Screen Weekly"}
    )
    assert renamed.status_code == HTTPStatus.OK, renamed.content
    person = editor_client.patch("/api/v1/people/agnes-whitlow/", {"name": "Agnes Whitlow-Reyes"})
    assert person.status_code == HTTPStatus.OK, person.content
    deleted = editor_client.delete(f"/api/v1/credits/{credit('Colm Verity').pk}/")
    assert deleted.status_code == HTTPStatus.NO_CONTENT, deleted.content

    actor = services.Actor.editor(editor, Revision.Via.ADMIN)
    music = Section.objects.get(season=first_import, title="Music")
    edited = f"{MUSIC} A choir sings over the finale."
    commit(services.content_save, instance=music, actor=actor, fields={"body": edited})
    starling, quill = credit("Imogen Starling"), credit("Tobias Quill")
    for row, order in ((starling, quill.order), (quill, starling.order)):
        commit(services.content_save, instance=row, actor=actor, fields={"order": order})
    return first_import


def assert_the_editors_changes_stayed():
    now = season()
    assert now.network == "Tidewater+"
    assert Outlet.objects.filter(name="Coastal Screen Weekly").count() == 1
    assert not Outlet.objects.filter(name="Coastal Screen").exists()
    assert not Person.objects.filter(name="Agnes Whitlow").exists()
    assert credit("Agnes Whitlow-Reyes").job == "composer"
    assert not Credit.objects.filter(person__name="Colm Verity").exists()
    music = Section.objects.get(season=now, title="Music")
    assert music.body == f"{MUSIC} A choir sings over the finale."
    assert credit("Tobias Quill").order < credit("Imogen Starling").order


# --- The command line ----------------------------------------------------------------------


def test_a_reimport_keeps_the_editors_changes_and_applies_the_articles_own(
    tmp_path, editors_changes
):
    output = run(article_file(tmp_path, NEW_RELEASE))

    assert season().release_date == datetime.date(2021, 10, 21)  # the article's change
    assert_the_editors_changes_stayed()
    assert output.splitlines()[:17] == [
        "Imported Harbor Lights season 1 (harbor-lights-season-1): "
        "0 created, 1 updated, 51 unchanged.",
        "Kept 7 values editors changed since the last import (0 conflicts: the article "
        "changed them too); the article's value was not written:",
        "  Seasons › Harbor Lights season 1",
        "      network: editors 'Tidewater+', article 'Tidewater', at last import 'Tidewater'",
        "  Sections › Music (line 37)",
        f"      body: editors '{MUSIC} A choir sings over the finale.', article '{MUSIC}', "
        f"at last import '{MUSIC}'",
        "  People › Agnes Whitlow-Reyes",
        "      name: editors 'Agnes Whitlow-Reyes', article 'Agnes Whitlow', "
        "at last import 'Agnes Whitlow'",
        "  Credits › Imogen Starling – Nell Ward (Harbor Lights season 1) (line 22)",
        "      order: editors 3, article 2, at last import 2",
        "  Credits › Tobias Quill – Captain Amos Reed (Harbor Lights season 1) (line 23)",
        "      order: editors 2, article 3, at last import 3",
        "  Credits › Colm Verity – Father Brennan (Harbor Lights season 1) (line 27)",
        "      deleted by editors: not re-created",
        "  Outlets › Coastal Screen Weekly (line 48)",
        "      name: editors 'Coastal Screen Weekly', article 'Coastal Screen', "
        "at last import 'Coastal Screen'",
        "1 note (not imported):",
    ]


def test_a_value_both_changed_is_a_conflict_and_the_editors_value_stays(tmp_path, editors_changes):
    output = run(article_file(tmp_path, BOTH_CHANGED))

    assert season().network == "Tidewater+"
    assert season().release_date == datetime.date(2021, 10, 21)
    assert "(1 conflict: the article changed them too)" in output
    assert (
        "      network [conflict]: editors 'Tidewater+', article 'Tidewater Plus', "
        "at last import 'Tidewater'"
    ) in output.splitlines()


def test_a_dry_run_lists_what_it_would_keep_and_writes_nothing(tmp_path, editors_changes):
    before, revisions = every_row(), Revision.objects.count()

    output = run(article_file(tmp_path, BOTH_CHANGED), "--dry-run")

    assert every_row() == before
    assert Revision.objects.count() == revisions
    lines = output.splitlines()
    assert "  ~ Harbor Lights season 1" in lines
    assert "      release date: '2021-10-14' -> '2021-10-21'" in lines
    assert not any(line.startswith("      network:") for line in lines)
    assert (
        "      network [conflict]: editors 'Tidewater+', article 'Tidewater Plus', "
        "at last import 'Tidewater'"
    ) in lines


def test_the_same_reimport_twice_changes_nothing_the_second_time(tmp_path, editors_changes):
    path = article_file(tmp_path, BOTH_CHANGED)
    run(path)
    before = every_row()

    output = run(path)

    assert every_row() == before
    assert "0 created, 0 updated" in output.splitlines()[0]
    assert_the_editors_changes_stayed()


def test_prose_both_changed_in_different_paragraphs_is_merged(tmp_path, first_import, save):
    lead = first_import.lead.split("\n\n")
    save(first_import, lead=f"{lead[0]}\n\n{lead[1]} Editors added this.")
    edited = HARBOR.replace("follows a lighthouse keeper", "follows a reclusive lighthouse keeper")

    output = run(article_file(tmp_path, edited))

    merged = season().lead
    assert "follows a reclusive lighthouse keeper" in merged
    assert merged.endswith("Editors added this.")
    assert "Kept" not in output


def test_a_first_import_over_a_season_without_a_base_writes_as_before(tmp_path, first_import):
    ImportBase.objects.all().delete()  # as a season loaded from fixtures has none
    Season.objects.filter(pk=first_import.pk).update(network="Tidewater+")

    output = run(article_file(tmp_path, HARBOR))

    assert season().network == "Tidewater"
    assert "Kept" not in output
    assert ImportBase.objects.filter(season=first_import).exists()


def test_the_seed_make_run_loads_keeps_an_editors_change_on_a_reimport(db, editor_client):
    call_command("setup_site", stdout=StringIO())  # the fixture, then the seeds' bases
    assert not Revision.objects.exists()  # importing the seeds over it wrote no content
    outlet = Review.objects.filter(kind="critic").order_by("pk").first().outlet
    renamed = editor_client.patch(f"/api/v1/outlets/{outlet.pk}/", {"name": "Renamed Outlet"})
    assert renamed.status_code == HTTPStatus.OK, renamed.content

    output = run(SEED_ARTICLE, "--citations", str(SEED_CITATIONS))

    assert Outlet.objects.get(pk=outlet.pk).name == "Renamed Outlet"
    assert (
        f"      name: editors 'Renamed Outlet', article '{outlet.name}', "
        f"at last import '{outlet.name}'"
    ) in output.splitlines()


def test_an_episode_editors_deleted_stays_deleted_with_the_credits_it_held(
    tmp_path, first_import, editor, commit
):
    episode = first_import.episodes.get(number=4)
    painter = Credit.objects.get(episode=episode)  # deleted with it
    actor = services.Actor.editor(editor, Revision.Via.ADMIN)
    commit(services.content_delete, instance=episode, actor=actor)

    output = run(article_file(tmp_path, HARBOR))

    assert not first_import.episodes.filter(number=4).exists()
    assert not Credit.objects.filter(person=painter.person).exists()
    lines = output.splitlines()
    assert "  Episodes › Harbor Lights season 1 episode 4" in lines
    assert f"  Credits › {painter} (line {painter_line()})" in lines
    assert lines.count("      deleted by editors: not re-created") == 2


def painter_line():
    return next(
        number
        for number, line in enumerate(HARBOR.split("\n"), start=1)
        if line.startswith("The season premiered")
    )


def test_a_section_editors_gave_another_anchor_is_still_the_articles_section(
    tmp_path, first_import, save
):
    save(Section.objects.get(season=first_import, title="Music"), anchor="score")
    before = every_row()

    output = run(article_file(tmp_path, HARBOR))

    assert every_row() == before  # not moved out of its own way, not created again
    assert "0 created, 0 updated" in output.splitlines()[0]


def test_an_article_with_a_new_section_keeps_the_sections_editors_reordered(
    tmp_path, first_import, save
):
    sections = list(Section.objects.filter(season=first_import).order_by("position"))
    last = sections[-1].position
    save(sections[0], position=last + 1)  # editors move the first section to the end
    edited = HARBOR.replace(
        "== Episodes ==\n", "== Overview ==\nA new section.\n\n== Episodes ==\n"
    )

    output = run(article_file(tmp_path, edited))

    now = list(Section.objects.filter(season=first_import).order_by("position"))
    assert [section.pk for section in now[:-1]] == [
        *(section.pk for section in sections[1:]),
        sections[0].pk,
    ]  # the editors' order stays, and the new section goes last
    assert now[-1].title == "Overview"
    lines = output.splitlines()
    episodes = lines.index("  Sections › Episodes (line 19)")
    assert lines[episodes + 1] == (
        f"      position [conflict]: editors {last + 1}, article 2, at last import 1"
    )
    cast = lines.index("  Sections › Cast and characters (line 21)")
    assert lines[cast + 1] == "      position [conflict]: editors 2, article 3, at last import 2"


# --- The admin's preview -------------------------------------------------------------------


def test_the_admin_preview_shows_what_it_keeps_and_what_it_changes(editors_changes, editor_admin):
    response = editor_admin.post(
        IMPORT_URL, {"article": BOTH_CHANGED, "citations": "", "preview": "1"}
    )

    assert response.status_code == HTTPStatus.OK
    kept = {
        (value.kind, value.label): (value.ours, value.theirs, value.base, value.conflict)
        for value in response.context["result"].plan.kept
    }
    assert kept[("seasons", "network")] == ("Tidewater+", "Tidewater Plus", "Tidewater", True)
    assert kept[("outlets", "name")] == (
        "Coastal Screen Weekly",
        "Coastal Screen",
        "Coastal Screen",
        False,
    )
    assert kept[("credits", "row")] == ("(deleted)", "(in the article)", "(imported)", False)
    assert 'id="import-kept"' in response.text
    assert "Tidewater Plus" in response.text
    updated = dict(response.context["kinds"])["seasons"]["updated"]
    assert updated[0].changes == {"release date": ("2021-10-14", "2021-10-21")}

    data = {**response.context["confirm"].initial, "confirm": "1"}
    assert editor_admin.post(IMPORT_URL, data).status_code == HTTPStatus.FOUND
    assert season().release_date == datetime.date(2021, 10, 21)
    assert_the_editors_changes_stayed()


def test_the_same_import_again_leaves_the_base_as_it_was(first_import):
    base = ImportBase.objects.get(season=first_import)

    import_text(text=HARBOR, source="again.txt")

    again = ImportBase.objects.get(season=first_import)
    assert (again.rows, again.imported_at, again.source) == (
        base.rows,
        base.imported_at,
        base.source,
    )


def test_an_import_that_writes_nothing_still_keeps_what_it_read(first_import, save):
    save(first_import, network="Tidewater+")
    agreeing = HARBOR.replace("- Network: Tidewater\n", "- Network: Tidewater+\n")
    import_text(text=agreeing, source="agreeing.txt")  # the article now says what editors did
    assert ImportBase.objects.get(season=first_import).revision is None
    save(season(), network="Tidewater Now")

    result = import_text(text=agreeing, source="agreeing.txt", dry_run=True)

    [kept] = result.plan.kept  # the editors' change since, not a conflict with the article's
    assert (kept.ours, kept.theirs, kept.base, kept.conflict) == (
        "Tidewater Now",
        "Tidewater+",
        "Tidewater+",
        False,
    )


# --- The merge, one field at a time (services.merge_from_base) -----------------------------


@pytest.mark.parametrize(
    ("stored", "incoming", "written", "kept"),
    [
        ("Netflix", "Netflix", {}, []),  # nobody changed it
        ("Netflix", "Hulu", {"network": "Hulu"}, []),  # only the article changed it
        ("Tidewater+", "Netflix", {}, [("Tidewater+", "Netflix", False)]),  # only editors
        ("Tidewater+", "Hulu", {}, [("Tidewater+", "Hulu", True)]),  # both: a conflict
        ("Hulu", "Hulu", {}, []),  # both, alike
    ],
)
def test_a_field_changes_only_where_the_incoming_side_alone_changed_it(
    stored, incoming, written, kept
):
    season = SeasonFactory(network=stored)

    fields, many, kept_values = services.merge_from_base(
        instance=season, base={"network": "Netflix"}, fields={"network": incoming}
    )

    assert (fields, many) == (written, {})
    assert [(k.ours, k.theirs, k.conflict) for k in kept_values] == kept
    assert all(k.base == "Netflix" for k in kept_values)


def test_a_field_the_base_does_not_hold_is_written_as_given():
    season = SeasonFactory(network="Tidewater+")

    fields, _many, kept = services.merge_from_base(
        instance=season, base={}, fields={"network": "Netflix"}
    )

    assert (fields, kept) == ({"network": "Netflix"}, [])
