"""The admin's "Import an article" page (catalog/admin/importing.py), with the Django client.

- only editors with `catalog.import_season` open it (the Editors group has it); other staff
  get a 403, and the links to it show only to those who may;
- the preview is a dry run: per kind of content, what would be created, changed (old → new)
  and left as it is, the notes, and an error by line; it writes nothing (no row, no revision);
- confirming writes one revision by the editor, via import, and its season's history shows it;
- an article posted with CRLF line endings imports exactly as with LF;
- a confirmation whose texts or token are not the previewed ones is refused, and one whose
  season changed since the preview writes nothing and shows the new preview.
"""

from http import HTTPStatus
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.content import services
from catalog.importer import import_text
from catalog.models import Credit, Revision, Season
from tests.admin_forms import admin_url
from tests.seed import ARTICLE_TEXT, CITATIONS, SEED_SLUG

pytestmark = pytest.mark.django_db

URL = reverse("admin-import-article")
ARTICLES = Path(__file__).parent / "articles"
HARBOR = (ARTICLES / "import-harbor-lights-season-1.txt").read_text(encoding="utf-8")
HARBOR_CITATIONS = (ARTICLES / "import-harbor-lights-season-1.citations.txt").read_text(
    encoding="utf-8"
)
SEED_CITATIONS = CITATIONS.read_text(encoding="utf-8")
DROPPED_NOTE = "5 painters are listed for 4 episodes; the extra or missing ones were not credited"


def every_row():
    """Every row of every catalog model (join tables too) and every revision, as values."""
    rows = {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("catalog").get_models(include_auto_created=True)
    }
    return rows


def line_of(text, starting):
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(starting):
            return number
    raise AssertionError(starting)


def preview(client, article, citations="", **extra):
    return client.post(URL, {"article": article, "citations": citations, "preview": "1", **extra})


def confirm(client, previewed, **changes):
    """Post the preview's confirmation form back, with `changes` to its hidden fields."""
    data = {**previewed.context["confirm"].initial, **changes, "confirm": "1"}
    return client.post(URL, data)


def kind_rows(response, kind):
    return dict(response.context["kinds"])[kind]


@pytest.fixture
def staff_without_import(db):
    """Staff allowed to change every content model, but not to import."""
    user = User.objects.create_user("staff", password="a-staff-password", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="catalog").exclude(
            codename="import_season"
        )
    )
    return user


# --- Who may import ------------------------------------------------------------------------


def test_the_editors_group_may_import(editor_admin):
    response = editor_admin.get(URL)
    assert response.status_code == HTTPStatus.OK
    assert "Preview the import" in response.text


def test_staff_without_the_import_permission_get_a_403_and_no_link(client, staff_without_import):
    client.force_login(staff_without_import)
    assert client.get(URL).status_code == HTTPStatus.FORBIDDEN
    assert preview(client, HARBOR).status_code == HTTPStatus.FORBIDDEN
    assert not Season.objects.exists()
    assert URL not in client.get(reverse("admin:index")).text
    assert URL not in client.get(admin_url(Season, "changelist")).text


def test_the_admin_home_and_the_seasons_list_link_the_page_for_editors(editor_admin):
    assert URL in editor_admin.get(reverse("admin:index")).text
    assert URL in editor_admin.get(admin_url(Season, "changelist")).text


def test_a_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("admin:login"))


# --- The preview ---------------------------------------------------------------------------


def test_the_preview_of_a_new_article_lists_what_it_would_create_and_its_notes(editor_admin):
    response = preview(editor_admin, HARBOR, HARBOR_CITATIONS)

    assert response.status_code == HTTPStatus.OK
    credits = kind_rows(response, "credits")
    assert [row.key for row in credits["created"]][:2] == [
        "Daniel Ferreira – Elias Ward (Harbor Lights season 1)",
        "Imogen Starling – Nell Ward (Harbor Lights season 1)",
    ]
    assert credits["updated"] == credits["unchanged"] == []
    assert [row.key for row in kind_rows(response, "references")["created"]] == [
        "[3]",
        "[4]",
        "[5]",
    ]
    assert "Nothing is written until you confirm" in response.text.replace("nothing", "Nothing")
    assert "Daniel Ferreira – Elias Ward" in response.text
    notes = response.context["result"].notes
    assert [(note.line, note.kind) for note in notes] == [
        (line_of(HARBOR, "The season premiered"), "dropped")
    ]
    assert DROPPED_NOTE in response.text


def test_the_preview_writes_nothing(editor_admin):
    before, revisions = every_row(), Revision.objects.count()

    preview(editor_admin, HARBOR, HARBOR_CITATIONS)

    assert every_row() == before
    assert Revision.objects.count() == revisions


def test_the_preview_of_a_changed_article_shows_old_and_new_values_and_what_stays(
    editor_admin, season
):
    edited = ARTICLE_TEXT.replace("- Network: Netflix", "- Network: Tidewater")
    before, revisions = every_row(), Revision.objects.count()

    response = preview(editor_admin, edited, SEED_CITATIONS)

    seasons = kind_rows(response, "seasons")
    assert [(row.key, row.changes) for row in seasons["updated"]] == [
        ("Jessica Jones season 2", {"network": ("Netflix", "Tidewater")})
    ]
    assert len(kind_rows(response, "credits")["unchanged"]) == season.credits.count()
    assert kind_rows(response, "credits")["created"] == []
    assert 'Netflix</span> → <span class="new">Tidewater' in response.text
    assert every_row() == before
    assert Revision.objects.count() == revisions


def test_a_changed_prose_section_is_shown_word_by_word(editor_admin, season):
    old = "Filming occurred at the Long Island Aquarium."
    edited = ARTICLE_TEXT.replace(old, "Filming also took place at the Long Island Aquarium.")

    response = preview(editor_admin, edited, SEED_CITATIONS)

    (filming,) = kind_rows(response, "sections")["updated"]
    assert filming.key == "Filming"
    assert "<ins>also took place</ins>" in response.text
    assert "<del>occurred</del>" in response.text


def test_a_malformed_article_is_a_form_error_naming_its_line_and_writes_nothing(
    editor_admin, season
):
    broken = ARTICLE_TEXT.replace("- Bg Color: #412304", "- Bg Color: dark brown")
    before = every_row()

    response = preview(editor_admin, broken)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    line = line_of(broken, "- Bg Color")
    assert f"pasted article, line {line}: &#x27;dark brown&#x27; is not a colour" in response.text
    assert "Nothing was imported." in response.text
    assert every_row() == before


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"= Made Up season 1 =\n\xff\xfe bad bytes\n", "is not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is binary"),
        (b"", "The submitted file is empty"),
    ],
)
def test_an_upload_that_is_not_text_is_refused_with_a_clear_message(editor_admin, data, problem):
    upload = SimpleUploadedFile("season.txt", data, content_type="text/plain")

    response = editor_admin.post(URL, {"article_file": upload, "preview": "1"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert problem in response.text
    assert not Season.objects.exists()


def test_an_uploaded_file_imports_as_the_pasted_text(editor_admin):
    upload = SimpleUploadedFile("harbor.txt", HARBOR.encode(), content_type="text/plain")

    response = editor_admin.post(URL, {"article_file": upload, "preview": "1"})

    assert response.context["result"].plan.fingerprint() == (
        preview(editor_admin, HARBOR).context["result"].plan.fingerprint()
    )
    assert response.context["confirm"].initial["article_source"] == "harbor.txt"


def test_an_article_over_the_admins_limit_is_refused(editor_admin, settings):
    settings.SEASON_ADMIN_IMPORT_MAX_BYTES = 1000

    response = preview(editor_admin, HARBOR)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert f"the file is {len(HARBOR.encode())} bytes, over the limit of 1000 bytes" in (
        response.text
    )


def test_a_paste_over_what_a_form_may_carry_gets_a_page_that_says_why(editor_admin, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    seasons = Season.objects.count()

    response = preview(editor_admin, HARBOR * 20)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "nothing was changed" in response.text
    assert "Upload a long article as a file instead" in response.text
    assert Season.objects.count() == seasons


def test_an_article_of_more_rows_than_the_admins_limit_is_refused_before_writing(
    editor_admin, settings
):
    # A short article can list hundreds of cast members: the rows bound the import's time.
    settings.SEASON_ADMIN_IMPORT_MAX_ROWS = 50

    response = preview(editor_admin, HARBOR, HARBOR_CITATIONS)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert (
        "pasted article: the article holds 56 rows of content, over the limit of 50 of an "
        "import from the admin (import it with `manage.py import_article`). Nothing was "
        "imported."
    ) in response.text
    assert not Season.objects.exists()


def test_an_article_both_uploaded_and_pasted_is_refused(editor_admin):
    upload = SimpleUploadedFile("harbor.txt", HARBOR.encode())
    seasons, revisions = Season.objects.count(), Revision.objects.count()

    response = editor_admin.post(URL, {"article_file": upload, "article": HARBOR})

    assert "Upload a file or paste the text, not both." in response.text
    assert (Season.objects.count(), Revision.objects.count()) == (seasons, revisions)


def test_no_article_at_all_asks_for_one(editor_admin):
    response = preview(editor_admin, "")
    assert "Upload the article&#x27;s file or paste its text." in response.text


# --- Confirming ----------------------------------------------------------------------------


def test_confirming_writes_one_revision_by_the_editor(editor_admin, editor):
    previewed = preview(editor_admin, HARBOR, HARBOR_CITATIONS)
    planned = previewed.context["result"].summary

    response = confirm(editor_admin, previewed)

    season = Season.objects.get(slug="harbor-lights-season-1")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == admin_url(Season, "change", season.pk)
    (revision,) = Revision.objects.all()
    assert (revision.user, revision.via, revision.source, revision.season_id) == (
        editor,
        "import",
        "pasted article",
        season.pk,
    )
    assert revision.comment == "Imported from the admin"
    assert Credit.objects.filter(season=season).count() == planned["created", "Credit"] == 11
    history = editor_admin.get(admin_url(Season, "history", season.pk)).text
    assert f'id="revision-{revision.pk}"' in history
    assert '<span class="who">editor</span> <span class="quiet source">(pasted article)' in (
        history
    )


def test_after_the_import_the_same_article_changes_nothing(editor_admin):
    confirm(editor_admin, preview(editor_admin, HARBOR, HARBOR_CITATIONS))

    again = preview(editor_admin, HARBOR, HARBOR_CITATIONS).context["result"]

    assert again.summary.line() == "0 created, 0 updated, 56 unchanged"


def test_an_article_posted_with_crlf_imports_exactly_as_with_lf(editor_admin):
    crlf = HARBOR.replace("\n", "\r\n")
    lf_plan = preview(editor_admin, HARBOR, HARBOR_CITATIONS).context["result"].plan

    previewed = preview(editor_admin, crlf, HARBOR_CITATIONS.replace("\n", "\r\n"))
    assert previewed.context["result"].plan.fingerprint() == lf_plan.fingerprint()
    # A browser posts the hidden fields back with CRLF too.
    initial = previewed.context["confirm"].initial
    confirm(
        editor_admin,
        previewed,
        article=initial["article"].replace("\n", "\r\n"),
        citations=initial["citations"].replace("\n", "\r\n"),
    )

    assert Season.objects.filter(slug="harbor-lights-season-1").exists()
    again = import_text(text=HARBOR, source="lf", citations=HARBOR_CITATIONS, dry_run=True)
    assert again.summary.line() == "0 created, 0 updated, 56 unchanged"
    assert "\r" not in Season.objects.get().lead


@pytest.mark.parametrize(
    "tamper",
    [
        {"article": HARBOR.replace("Halifax, Nova Scotia", "Lunenburg")},
        {"citations": ""},
        {"article_source": "someone-else.txt"},
        {"token": "forged"},
    ],
    ids=["article", "citations", "source", "token"],
)
def test_a_tampered_confirmation_is_refused_and_writes_nothing(editor_admin, tamper):
    previewed = preview(editor_admin, HARBOR, HARBOR_CITATIONS)

    response = confirm(editor_admin, previewed, **tamper)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "does not match the preview it came from" in response.text
    assert not Season.objects.exists()
    assert not Revision.objects.exists()


def test_another_editors_confirmation_is_refused(editor_admin, client, editor):
    previewed = preview(editor_admin, HARBOR)
    other = User.objects.create_user("other", is_staff=True)
    other.groups.set(editor.groups.all())
    client.force_login(other)

    response = confirm(client, previewed)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Season.objects.exists()


def test_a_season_changed_since_the_preview_is_not_written_and_previewed_again(
    editor_admin, editor, season
):
    edited = ARTICLE_TEXT.replace("- Network: Netflix", "- Network: Tidewater")
    previewed = preview(editor_admin, edited, SEED_CITATIONS)
    # Meanwhile another editor changes the colour the article also gives.
    services.content_save(
        instance=season,
        actor=services.Actor.editor(editor, "admin"),
        fields={"background_color": "#000000"},
    )
    before, revisions = every_row(), Revision.objects.count()

    response = confirm(editor_admin, previewed)

    assert response.status_code == HTTPStatus.OK
    assert "The content changed since your preview, so nothing was imported." in response.text
    assert every_row() == before
    assert Revision.objects.count() == revisions
    (row,) = kind_rows(response, "seasons")["updated"]
    assert row.changes == {
        "network": ("Netflix", "Tidewater"),
        "background color": ("#000000", "#412304"),
    }
    # Confirming the new preview imports it.
    confirm(editor_admin, response)
    assert Season.objects.get(slug=SEED_SLUG).network == "Tidewater"
