"""`import_article` on the command line: the notes after the counts, `--dry-run` (the plan,
nothing written) and `--strict` (any note refuses the article, nothing written).

The article is made up (tests/articles/import-harbor-lights-season-1.txt): it lists five
painters, one per episode, for a season of four episodes, so its one note is the dropped one.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from catalog.models import Revision, Season
from tests.seed import ARTICLE_TEXT, CITATIONS

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).parent / "articles"
HARBOR = ARTICLES / "import-harbor-lights-season-1.txt"
HARBOR_CITATIONS = ARTICLES / "import-harbor-lights-season-1.citations.txt"
NOTE = (
    "line 41: 5 painters are listed for 4 episodes; the extra or missing ones were not "
    "credited: 'The painters included, in respective order for each episode: Lena Brask, "
    "Omar Castell, Ines Duarte, Pavel Orlov, and Kit Sandoval.'"
)


def every_row():
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("catalog").get_models(include_auto_created=True)
    }


def run(*args):
    out = StringIO()
    call_command("import_article", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_notes_are_printed_after_the_counts():
    output = run(HARBOR, "--citations", HARBOR_CITATIONS)

    assert output.splitlines() == [
        "Imported Harbor Lights season 1 (harbor-lights-season-1): "
        "56 created, 0 updated, 0 unchanged.",
        "1 note (not imported):",
        f"  {NOTE}",
    ]


@pytest.fixture
def without_notes(tmp_path):
    """The made-up article with as many painters as episodes: nothing to note."""
    path = tmp_path / "harbor-lights.txt"
    text = HARBOR.read_text(encoding="utf-8")
    assert text.count(", and Kit Sandoval.") == 1
    path.write_text(text.replace(", and Kit Sandoval.", "."), encoding="utf-8")
    return path


def test_an_article_without_notes_prints_only_the_counts(without_notes):
    output = run(without_notes, "--citations", HARBOR_CITATIONS)

    assert output.splitlines() == [
        "Imported Harbor Lights season 1 (harbor-lights-season-1): "
        "56 created, 0 updated, 0 unchanged."
    ]


def test_a_dry_run_writes_nothing_and_lists_what_it_would_create():
    output = run(HARBOR, "--citations", HARBOR_CITATIONS, "--dry-run")

    assert not Season.objects.exists()
    assert not Revision.objects.exists()
    lines = output.splitlines()
    assert lines[0] == (
        "Dry run (nothing written): importing Harbor Lights season 1 (harbor-lights-season-1) "
        "would give 56 created, 0 updated, 0 unchanged."
    )
    assert "Credits: 11 created, 0 updated, 0 unchanged" in lines
    assert "  + Agnes Whitlow – composer (Harbor Lights season 1) (line 38)" in lines
    assert "  + Location: Halifax, Nova Scotia (line 10)" in lines
    assert lines[-2:] == ["1 note (not imported):", f"  {NOTE}"]


def test_a_dry_run_of_a_changed_article_shows_old_and_new_values(seed_content, tmp_path):
    edited = tmp_path / "season.txt"
    edited.write_text(ARTICLE_TEXT.replace("- Network: Netflix", "- Network: Tidewater"))
    before = every_row()

    output = run(edited, "--citations", CITATIONS, "--dry-run")

    assert every_row() == before
    assert "would give 0 created, 1 updated, " in output
    assert (
        "Seasons: 0 created, 1 updated, 0 unchanged\n"
        "  ~ Jessica Jones season 2\n"
        "      network: 'Netflix' -> 'Tidewater'\n"
    ) in output


def test_strict_refuses_an_article_with_notes_and_writes_nothing():
    with pytest.raises(CommandError) as refused:
        run(HARBOR, "--citations", HARBOR_CITATIONS, "--strict")

    assert str(refused.value).splitlines() == [
        f"{HARBOR}: 1 note, and the import is strict. Nothing was imported.",
        "1 note (not imported):",
        f"  {NOTE}",
    ]
    assert not Season.objects.exists()
    assert not Revision.objects.exists()


def test_strict_imports_an_article_without_notes(without_notes):
    output = run(without_notes, "--citations", HARBOR_CITATIONS, "--strict")
    assert "56 created" in output
    assert Season.objects.count() == 1


def test_strict_dry_run_also_refuses_on_notes():
    with pytest.raises(CommandError, match="1 note, and the import is strict"):
        run(HARBOR, "--dry-run", "--strict")
