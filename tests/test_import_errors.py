"""Bad input stops `import_article` with a message naming the file, the line and the problem.

Every test loads the seed content first and checks that the database is exactly as it was
afterwards: nothing of a failed import is written, not even the parts read before the error.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from catalog.models import Season
from tests.seed import ARTICLE, CITATIONS, SEED_SLUG

pytestmark = pytest.mark.django_db

SEED_TEXT = ARTICLE.read_text(encoding="utf-8")
SEED_CITATIONS = CITATIONS.read_text(encoding="utf-8")

NEW_ARTICLE = """\
= Dark Matter season 2 =

Infobox
- Num Episodes: 2
- Network: Syfy

The second season of Dark Matter follows the crew of the Raza.

== Cast and characters ==

=== Main ===
- Marc Bendavid as Marcus Boone
- Melissa O'Neil as Portia Lin

== Reception ==

=== Accolades ===

|-
! scope="row" | 2016
| Saturn Awards
| Best Television Series
| Dark Matter
| Maybe
|
|}
"""


def line_of(text, starting):
    """The 1-based number of the first line of `text` that starts with `starting`."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(starting):
            return number
    raise AssertionError(f"no line starts with {starting!r}")


def seed_with(old, new):
    """The seed article with one line changed; the change must apply exactly once."""
    assert SEED_TEXT.count(old) == 1, old
    return SEED_TEXT.replace(old, new)


def every_row():
    """Every row of every catalog model (auto-created join tables too), as plain values."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("catalog").get_models(include_auto_created=True)
    }


@pytest.fixture
def database_before(seed_content):
    """The database as the seed content leaves it, to compare with after a failed import."""
    season = Season.objects.get(slug=SEED_SLUG)
    return {"rows": every_row(), "updated_at": season.updated_at}


def assert_unchanged(before):
    assert Season.objects.get(slug=SEED_SLUG).updated_at == before["updated_at"]
    after = every_row()
    for label, rows in before["rows"].items():
        assert len(after[label]) == len(rows), (
            f"{label}: {len(rows)} rows became {len(after[label])}"
        )
    assert after == before["rows"]


def import_error(path, *args):
    """The message of the CommandError that importing `path` raises."""
    with pytest.raises(CommandError) as raised:
        call_command("import_article", str(path), *args)
    return str(raised.value)


def assert_names(message, path, line, problem):
    """The message names the file, the line (when there is one) and the problem.

    `line` may be a tuple of acceptable lines: a table row's error may name the row's first
    line or the line of its bad cell.
    """
    assert str(path) in message, message
    if line is not None:
        lines = "|".join(str(n) for n in (line if isinstance(line, tuple) else (line,)))
        assert re.search(rf"\bline ({lines})\b", message), message
    assert re.search(problem, message, re.IGNORECASE), message
    assert "Nothing was imported" in message, message


def write_text(tmp_path, text, name="article.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def write_bytes(tmp_path, data, name="article.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- The file itself --------------------------------------------------------------------


def test_an_empty_file_is_refused(tmp_path, database_before):
    path = write_bytes(tmp_path, b"")
    assert_names(import_error(path), path, None, r"empty")
    assert_unchanged(database_before)


def test_a_file_that_is_not_utf8_is_refused_naming_the_line_of_the_bad_byte(
    tmp_path, database_before
):
    data = "= Jessica Jones season 2 =\n\nThe café scene.\n".encode("latin-1")
    path = write_bytes(tmp_path, data)
    assert_names(import_error(path), path, 3, r"UTF-8")
    assert_unchanged(database_before)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"= Jessica Jones season 2 =\n\x00\x01\x02\x00\n", id="nul-bytes"),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06",
            id="png-header",
        ),
    ],
)
def test_a_binary_file_is_refused(tmp_path, database_before, data):
    path = write_bytes(tmp_path, data, name="article.png")
    assert_names(import_error(path), path, None, r"binary")
    assert_unchanged(database_before)


def test_a_file_over_the_size_limit_is_refused(tmp_path, settings, database_before):
    settings.SEASON_ARTICLE_MAX_BYTES = 1000
    path = write_text(tmp_path, SEED_TEXT)
    assert_names(import_error(path), path, None, r"limit|too (big|large)|1000 bytes")
    assert_unchanged(database_before)


def test_a_missing_file_is_reported_by_its_path(tmp_path, database_before):
    path = tmp_path / "no-such-article.txt"
    assert_names(import_error(path), path, None, r"no such file|cannot read|not found|exist")
    assert_unchanged(database_before)


# --- The title --------------------------------------------------------------------------


def test_a_file_whose_first_line_is_prose_has_no_title(tmp_path, database_before):
    path = write_text(tmp_path, "Jessica Jones season 2 is a season of television.\n")
    assert_names(import_error(path), path, 1, r"title")
    assert_unchanged(database_before)


def test_an_empty_title_is_refused(tmp_path, database_before):
    path = write_text(tmp_path, "= =\n\nA lead paragraph.\n")
    assert_names(import_error(path), path, 1, r"title")
    assert_unchanged(database_before)


def test_a_title_without_a_season_number_is_refused(tmp_path, database_before):
    path = write_text(tmp_path, seed_with("= Jessica Jones season 2 =", "= Jessica Jones ="))
    assert_names(import_error(path), path, 1, r"season")
    assert_unchanged(database_before)


# --- The infobox ------------------------------------------------------------------------


def test_an_infobox_line_without_a_key_is_refused(tmp_path, database_before):
    text = seed_with("- Network: Netflix", "- : Netflix")
    path = write_text(tmp_path, text)
    assert_names(import_error(path), path, line_of(text, "- : Netflix"), r"key")
    assert_unchanged(database_before)


@pytest.mark.parametrize("value", ["2018-13-45", "someday"])
def test_an_unparseable_release_date_is_refused(tmp_path, database_before, value):
    text = seed_with("- Released: 2018-03-08", f"- Released: {value}")
    path = write_text(tmp_path, text)
    message = import_error(path)
    assert_names(message, path, line_of(text, "- Released:"), r"date")
    assert value in message
    assert_unchanged(database_before)


def test_an_unparseable_number_of_episodes_is_refused(tmp_path, database_before):
    text = seed_with("- Num Episodes: 13", "- Num Episodes: thirteen")
    path = write_text(tmp_path, text)
    message = import_error(path)
    assert_names(message, path, line_of(text, "- Num Episodes:"), r"number")
    assert "thirteen" in message
    assert_unchanged(database_before)


@pytest.mark.parametrize("value", ["#41230G", "brown"])
def test_an_invalid_background_colour_is_refused(tmp_path, database_before, value):
    text = seed_with("- Bg Color: #412304", f"- Bg Color: {value}")
    path = write_text(tmp_path, text)
    message = import_error(path)
    assert_names(message, path, line_of(text, "- Bg Color:"), r"colou?r")
    assert value in message
    assert_unchanged(database_before)


# --- The citations file -----------------------------------------------------------------


def test_a_citations_sentence_that_is_not_in_the_article_is_refused(tmp_path, database_before):
    article = write_text(tmp_path, SEED_TEXT)
    citations = write_text(
        tmp_path,
        SEED_CITATIONS.rstrip("\n") + "\n[99] Jessica Jones was filmed entirely on the Moon.\n",
        name="article.citations.txt",
    )
    bad_line = len(SEED_CITATIONS.rstrip("\n").split("\n")) + 1
    message = import_error(article, "--citations", str(citations))
    assert_names(message, citations, bad_line, r"not in the article")
    assert_unchanged(database_before)


# --- Failing late: nothing read before the error is written ------------------------------


def test_an_edited_article_failing_at_its_last_accolade_row_writes_none_of_its_edits(
    tmp_path, database_before
):
    text = seed_with("- Network: Netflix", "- Network: Disney+").replace(
        '| data-sort-value="Callery, Sean" | Sean Callery\n|\n|\n|}',
        '| data-sort-value="Callery, Sean" | Sean Callery\n| Perhaps\n|\n|}',
    )
    assert "| Perhaps" in text
    path = write_text(tmp_path, text)
    row_lines = (line_of(text, "|-"), line_of(text, "| Perhaps"))
    message = import_error(path)
    assert_names(message, path, row_lines, r"accolade|result")
    assert "Perhaps" in message
    assert_unchanged(database_before)
    assert Season.objects.get(slug=SEED_SLUG).network == "Netflix"


def test_a_new_article_failing_at_an_accolade_row_creates_no_season_and_no_people(
    tmp_path, database_before
):
    path = write_text(tmp_path, NEW_ARTICLE)
    row_lines = (line_of(NEW_ARTICLE, "|-"), line_of(NEW_ARTICLE, "| Maybe"))
    message = import_error(path)
    assert_names(message, path, row_lines, r"accolade|result")
    assert "Maybe" in message
    assert not Season.objects.filter(slug="dark-matter-season-2").exists()
    assert_unchanged(database_before)


def test_an_edited_article_whose_citations_file_fails_on_its_last_line_writes_nothing(
    tmp_path, database_before
):
    text = seed_with("- Network: Netflix", "- Network: Disney+").replace(
        "- Hal Ozsan as Griffin Sinclair",
        "- Hal Ozsan as Griffin Sinclair\n- Jane Newname as Nobody",
    )
    article = write_text(tmp_path, text)
    citations = write_text(
        tmp_path,
        SEED_CITATIONS.rstrip("\n") + "\n[77] This sentence was never written.\n",
        name="c.txt",
    )
    bad_line = len(SEED_CITATIONS.rstrip("\n").split("\n")) + 1
    message = import_error(article, "--citations", str(citations))
    assert_names(message, citations, bad_line, r"not in the article")
    assert_unchanged(database_before)


def test_a_failure_while_writing_rolls_back_everything_written_before_it(tmp_path, database_before):
    # A value longer than its column passes the parser and fails only in the writer, after
    # the series row has been saved: the transaction must take that row back out.
    text = NEW_ARTICLE.replace("- Network: Syfy", "- Network: " + "N" * 150).replace(
        "| Maybe", "| Won"
    )
    path = write_text(tmp_path, text)
    with pytest.raises(CommandError) as error:
        call_command("import_article", str(path))
    message = str(error.value)
    assert f"line {line_of(text, '- Network:')}" in message
    assert "network" in message
    assert "at most 100 characters" in message
    assert_unchanged(database_before)


# --- From the shell ---------------------------------------------------------------------


def test_the_command_exits_non_zero_and_prints_the_message_on_stderr(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    run = {"cwd": settings.BASE_DIR, "env": env, "capture_output": True, "text": True}
    migrated = subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], **run, check=False)
    assert migrated.returncode == 0, migrated.stderr
    bad = write_text(tmp_path, seed_with("- Bg Color: #412304", "- Bg Color: brown"))

    result = subprocess.run([*manage, "import_article", str(bad)], **run, check=False)

    assert result.returncode != 0
    assert str(bad) in result.stderr
    assert f"line {line_of(SEED_TEXT, '- Bg Color:')}" in result.stderr
    assert "brown" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
