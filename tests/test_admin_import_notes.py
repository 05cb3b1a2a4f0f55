"""Notes an editor can act on, in the admin's import preview (catalog/admin/importing.py,
catalog/admin/import_notes.py), with the Django client:

- the notes stand in line order, each by its sentence with a form prefilled from what the
  importer understood (a credit's person and job, an aggregator, a critic, an event's kind);
- a valid form adds its row to this import: the preview comes back with the row in the plan
  and without its note, and nothing is written; confirming writes the rows added with the
  article's, in the import's one revision, through the write service; a row taken out again
  brings its note back, and a preview made again (the season changed meanwhile) keeps them;
- a value the admin's forms refuse, or a row the import holds already, is an error by its note,
  and nothing is added or written;
- the confirmation's token covers the rows added: a confirmation with rows changed, dropped
  or added is refused; CSRF and the import permission hold as for the rest of the page.

The article is tests/articles/notes-saltmarsh-season-1.txt, made up for these tests: four
notes (a relative date, a composer credited "for Saltmarsh", an aggregator without a score,
a critic without an outlet).
"""

import json
from http import HTTPStatus
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse

from catalog.content import services
from catalog.models import Credit, Event, Person, Review, Revision, Season

pytestmark = pytest.mark.django_db

URL = reverse("admin-import-article")
ARTICLE = (Path(__file__).parent / "articles" / "notes-saltmarsh-season-1.txt").read_text(
    encoding="utf-8"
)
SLUG = "saltmarsh-season-1"
COMPOSER_SENTENCE = "Odile Marchetti composed the score for Saltmarsh over the winter."


def line_of(starting):
    for number, line in enumerate(ARTICLE.split("\n"), start=1):
        if line.startswith(starting):
            return number
    raise AssertionError(starting)


def preview(client, article=ARTICLE):
    return client.post(URL, {"article": article, "citations": "", "preview": "1"})


def note_of(response, kind):
    """(key, note, form) of the preview's first note of `kind`."""
    return next(entry for entry in response.context["notes"] if entry[1].kind == kind)


def add(client, previewed, kind, **values):
    """Post the form of the preview's `kind` note, its prefilled values changed by `values`."""
    key, _note, form = note_of(previewed, kind)
    fields = {
        form.add_prefix(name): "" if value is None else value
        for name, value in {**form.initial, **values}.items()
    }
    return client.post(URL, {**previewed.context["confirm"].initial, **fields, "add": key})


def confirm(client, previewed, **changes):
    return client.post(URL, {**previewed.context["confirm"].initial, **changes, "confirm": "1"})


def created(response, kind):
    return [row.key for row in dict(response.context["kinds"])[kind]["created"]]


def kept_rows(response):
    return json.loads(response.context["confirm"].initial["added"])


# --- The notes in the preview --------------------------------------------------------------


def test_the_notes_stand_in_line_order_each_with_a_form_prefilled_from_what_was_understood(
    editor_admin,
):
    response = preview(editor_admin)

    notes = [(note.line, note.kind) for _key, note, _form in response.context["notes"]]
    assert notes == [
        (line_of("Filming began"), "date"),
        (line_of("Odile Marchetti"), "job"),
        (line_of("On review aggregator"), "aggregate"),
        (line_of("Jonas Reyes"), "review"),
    ]
    forms = {note.kind: form for _key, note, form in response.context["notes"]}
    assert forms["job"].initial == {"person": "Odile Marchetti", "job": "composer", "episode": None}
    assert forms["aggregate"].initial["outlet"] == "Metacritic"
    assert forms["review"].initial["critic"] == "Jonas Reyes"
    assert forms["date"].initial["kind"] == "filming"
    assert forms["date"].initial["text"].startswith("The crew returned to the coast")
    # Each form stands by its sentence, with its add button.
    text = response.text
    assert text.index(COMPOSER_SENTENCE) < text.index('value="Odile Marchetti"')
    assert "Add this credit to the import" in text
    assert "Add this event to the import" in text


# --- Adding a row from a note ---------------------------------------------------------------


def test_a_credit_added_from_a_note_is_previewed_then_written_in_the_imports_one_revision(
    editor_admin, editor
):
    previewed = preview(editor_admin)
    assert "Odile Marchetti – composer (Saltmarsh season 1)" not in created(previewed, "credits")

    added = add(editor_admin, previewed, "job", episode="3")

    assert added.status_code == HTTPStatus.OK
    assert "Odile Marchetti – composer (Saltmarsh season 1)" in created(added, "credits")
    assert "Odile Marchetti" in created(added, "people")
    assert [note.kind for _key, note, _form in added.context["notes"]] == [
        "date",
        "aggregate",
        "review",
    ]
    assert "credit: Odile Marchetti, composer, episode 3" in added.text
    assert not Season.objects.filter(slug=SLUG).exists(), "a preview writes nothing"
    assert not Revision.objects.exists()

    response = confirm(editor_admin, added)

    assert response.status_code == HTTPStatus.FOUND
    (revision,) = Revision.objects.all()
    assert (revision.user, revision.via) == (editor, "import")
    credit = Credit.objects.get(season__slug=SLUG, person__name="Odile Marchetti")
    assert (credit.department, credit.job, credit.episode.number) == ("crew", "composer", 3)
    assert credit.source == COMPOSER_SENTENCE
    assert credit.history.get().revision == revision
    assert Person.objects.get(name="Odile Marchetti").history.get().revision == revision


def test_rows_of_every_kind_added_from_notes_are_written_with_the_import(editor_admin):
    response = preview(editor_admin)
    response = add(editor_admin, response, "job")
    response = add(editor_admin, response, "aggregate", score="64", sample_size="17")
    response = add(editor_admin, response, "review", outlet="The Fen Review", rating_text="B+")
    response = add(editor_admin, response, "date", date="2022-11-01", date_precision="month")
    assert response.status_code == HTTPStatus.OK
    assert response.context["notes"] == []
    assert "No notes left: you added a row for each." in response.text
    assert len(kept_rows(response)) == 4

    confirm(editor_admin, response)

    (revision,) = Revision.objects.all()
    season = Season.objects.get(slug=SLUG)
    metacritic = Review.objects.get(season=season, outlet__name="Metacritic")
    assert (metacritic.kind, metacritic.score, metacritic.sample_size) == ("aggregate", 64, 17)
    review = Review.objects.get(season=season, critic__name="Jonas Reyes")
    assert (review.outlet.name, review.rating_text, review.score) == ("The Fen Review", "B+", 83)
    event = Event.objects.get(season=season, date_precision="month", date__month=11)
    assert event.text.startswith("The crew returned to the coast")
    assert event.kind == "filming"
    for row in (metacritic, review, event):
        assert row.history.get().revision == revision


def test_a_row_taken_out_again_brings_its_note_back_and_is_not_written(editor_admin):
    added = add(editor_admin, preview(editor_admin), "job")
    (row,) = kept_rows(added)

    response = editor_admin.post(URL, {**added.context["confirm"].initial, "remove": row["note"]})

    assert response.status_code == HTTPStatus.OK
    assert kept_rows(response) == []
    assert len(response.context["notes"]) == 4
    assert "Odile Marchetti – composer (Saltmarsh season 1)" not in created(response, "credits")
    confirm(editor_admin, response)
    assert Season.objects.filter(slug=SLUG).exists()
    assert not Credit.objects.filter(person__name="Odile Marchetti").exists()


def test_rows_added_stay_in_a_preview_made_again_because_the_season_changed(editor_admin, editor):
    # The season is on the site: an import of the article edited, with a credit added...
    confirm(editor_admin, preview(editor_admin))
    edited = ARTICLE.replace("- Network: Estuary", "- Network: Estuary Plus")
    added = add(editor_admin, preview(editor_admin, edited), "job")
    # ... while another editor changes the colour the article also gives.
    season = Season.objects.get(slug=SLUG)
    services.content_save(
        instance=season,
        actor=services.Actor.editor(editor, "admin"),
        fields={"background_color": "#000000"},
    )

    response = confirm(editor_admin, added)

    assert "The content changed since your preview, so nothing was imported." in response.text
    assert not Credit.objects.filter(person__name="Odile Marchetti").exists()
    assert len(kept_rows(response)) == 1
    assert "Odile Marchetti – composer (Saltmarsh season 1)" in created(response, "credits")
    confirm(editor_admin, response)
    assert Credit.objects.filter(season=season, person__name="Odile Marchetti").exists()
    assert Season.objects.get(slug=SLUG).network == "Estuary Plus"


# --- Refused values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "values", "message"),
    [
        ("job", {"job": ""}, "This field is required."),
        ("job", {"person": "x" * 201}, "Ensure this value has at most 200 characters"),
        ("job", {"person": "!!"}, "Give a name with letters or digits."),
        ("job", {"episode": "7"}, "The season has 6 episodes: give 1 to 6"),
        ("job", {"episode": "two"}, "Enter a whole number."),
        ("aggregate", {"score": "101"}, "Ensure this value is less than or equal to 100."),
        (
            "review",
            {"outlet": "Fen", "rating_text": "11 out of 10"},
            "cannot be read as one rating",
        ),
        ("review", {"outlet": ""}, "This field is required."),
        ("date", {"date": "2022-11-15", "date_precision": "month"}, "is the 1st of its month"),
        ("date", {"date": "2022-02-30", "date_precision": "day"}, "Enter a valid date."),
        ("date", {"date": "2022-11-01", "date_precision": "fortnight"}, "Select a valid choice"),
    ],
)
def test_a_value_the_admin_refuses_is_an_error_by_its_note_and_adds_nothing(
    editor_admin, kind, values, message
):
    previewed = preview(editor_admin)

    response = add(editor_admin, previewed, kind, **values)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    _key, _note, form = note_of(response, kind)
    assert message in str(form.errors)
    assert message.replace("'", "&#x27;") in response.text
    assert "Nothing was added." in response.text
    assert kept_rows(response) == []
    assert len(response.context["notes"]) == 4  # the note stays, with the values to correct
    assert not Season.objects.exists()
    assert not Revision.objects.exists()


def test_a_row_the_import_holds_already_is_refused_by_its_note(editor_admin):
    previewed = preview(editor_admin)

    response = add(editor_admin, previewed, "job", person="Wren Adeyemi", job="Showrunner")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    _key, _note, form = note_of(response, "job")
    assert form.non_field_errors() == [
        "Wren Adeyemi is already credited as showrunner in this import. Nothing was added."
    ]
    assert "Wren Adeyemi is already credited as showrunner in this import" in response.text
    assert kept_rows(response) == []


# --- The confirmation covers the rows added -------------------------------------------------


def tampered_rows(response):
    rows = kept_rows(response)
    rows[0]["values"]["person"] = "Someone Else"
    return json.dumps(rows)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda response: tampered_rows(response),
        lambda response: "[]",
        lambda response: "not json",
        lambda response: json.dumps([*kept_rows(response), *kept_rows(response)]),
    ],
    ids=["changed", "dropped", "not-json", "repeated"],
)
def test_a_confirmation_whose_rows_differ_from_the_preview_is_refused(editor_admin, tamper):
    added = add(editor_admin, preview(editor_admin), "job")

    response = confirm(editor_admin, added, added=tamper(added))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "does not match the preview it came from" in response.text
    assert not Season.objects.exists()
    assert not Revision.objects.exists()


def test_rows_added_on_a_forged_or_old_token_are_refused(editor_admin):
    previewed = preview(editor_admin)
    key, _note, form = note_of(previewed, "job")
    data = {**previewed.context["confirm"].initial, "token": "forged", "add": key}
    data.update({form.add_prefix(name): value or "" for name, value in form.initial.items()})

    response = editor_admin.post(URL, data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "does not match the preview it came from" in response.text


@pytest.mark.parametrize("action", ["add", "remove"])
def test_a_note_that_is_not_in_the_preview_is_refused(editor_admin, action):
    previewed = preview(editor_admin)
    data = {**previewed.context["confirm"].initial, action: "0000000000001"}

    response = editor_admin.post(URL, data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Season.objects.exists()


# --- Who may add ----------------------------------------------------------------------------


def test_staff_without_the_import_permission_cannot_add_a_row(editor_admin, client):
    previewed = preview(editor_admin)
    staff = User.objects.create_user("staff", is_staff=True)
    staff.user_permissions.set(
        Permission.objects.filter(content_type__app_label="catalog").exclude(
            codename="import_season"
        )
    )
    client.force_login(staff)

    assert add(client, previewed, "job").status_code == HTTPStatus.FORBIDDEN


def test_adding_a_row_needs_the_csrf_token(editor, editor_admin):
    previewed = preview(editor_admin)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)

    assert add(strict, previewed, "job").status_code == HTTPStatus.FORBIDDEN
    assert not Season.objects.exists()


# --- The importer's side: import_text(additions=...) ---------------------------------------


def test_an_added_credit_for_an_episode_the_season_lacks_is_refused_by_the_importer(db):
    from catalog.importer import ArticleError, import_text
    from catalog.importer.credits import crew

    extra = crew("Odile Marchetti", "composer", COMPOSER_SENTENCE, 34, episode=9)

    with pytest.raises(ArticleError, match="line 34: there is no episode 9 in a season of 6"):
        import_text(text=ARTICLE, source="saltmarsh.txt", additions=[extra], dry_run=True)
    assert not Season.objects.exists()
