"""Every write of content is one revision, recording who changed what (each changed field's
old and new value); a stale save keeps what others changed, and refuses to overwrite a field
both changed."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import User

from catalog.content import services
from catalog.history import revisions
from catalog.importer import article_import
from catalog.models import (
    Credit,
    Episode,
    Event,
    InfoboxField,
    Person,
    Reference,
    Revision,
    Section,
)
from tests.admin_forms import admin_url, browser_form_data, crlf
from tests.factories import EventFactory, PersonFactory, SeasonFactory
from tests.seed import ARTICLE, CITATIONS

pytestmark = pytest.mark.django_db


def history_rows(model, pk):
    return list(model.history.filter(id=pk).order_by("history_id"))


def as_editor(user, via="admin"):
    return services.Actor.editor(user, via=via)


class TestTheWriteService:
    def test_a_save_is_a_revision_with_each_changed_fields_old_and_new_value(self, editor):
        person = PersonFactory(name="Kristen Ritter", sort_name="Ritter")

        services.content_save(
            instance=person,
            actor=as_editor(editor),
            fields={"name": "Krysten Ritter"},
            comment="Spelling",
        )

        revision = Revision.objects.get()
        assert (revision.user, revision.via, revision.comment) == (editor, "admin", "Spelling")
        [row] = [r for r in history_rows(Person, person.pk) if r.revision_id]
        assert (row.history_type, row.changes) == (
            "~",
            {"name": ["Kristen Ritter", "Krysten Ritter"]},
        )
        assert row.history_user == editor
        person.refresh_from_db()
        assert (person.name, person.version) == ("Krysten Ritter", 2)

    def test_a_save_that_changes_nothing_records_nothing(self, editor):
        person = PersonFactory(name="Same")

        services.content_save(instance=person, actor=as_editor(editor), fields={"name": "Same"})

        assert not Revision.objects.exists()
        person.refresh_from_db()
        assert person.version == 1

    def test_writes_inside_one_recording_are_one_revision(self, editor):
        season = SeasonFactory()
        actor = as_editor(editor)

        with revisions.recording(actor, "Two rows"):
            services.content_save(instance=season, actor=actor, fields={"network": "Netflix"})
            services.content_save(
                instance=InfoboxField(season=season, position=1, key="Format"),
                actor=actor,
                fields={"value": "Streaming"},
            )

        revision = Revision.objects.get()
        assert (revision.comment, revision.season_id) == ("Two rows", season.pk)
        assert InfoboxField.history.get(revision=revision).history_type == "+"

    def test_a_deletion_records_every_row_it_cascades_to_in_one_revision(self, editor):
        season = SeasonFactory()
        reference = Reference.objects.create(season=season, number=3, title="A source")
        person = PersonFactory()
        event = EventFactory(season=season)
        event.people.set([person])

        services.content_delete(instance=season, actor=as_editor(editor))

        revision = Revision.objects.get()
        deleted_reference = Reference.history.get(id=reference.pk, history_type="-")
        deleted_event = Event.history.get(id=event.pk, history_type="-")
        assert deleted_reference.revision == revision == deleted_event.revision
        assert deleted_reference.title == "A source"
        assert deleted_event.changes == {"people": [[person.pk], []]}

    def test_a_many_to_many_change_is_recorded(self, editor):
        event, person = EventFactory(), PersonFactory()

        services.content_save(instance=event, actor=as_editor(editor), many={"people": [person]})

        [row] = Event.history.filter(id=event.pk, revision__isnull=False)
        assert row.changes == {"people": [[], [person.pk]]}


class TestEditConflicts:
    def test_a_stale_save_of_another_field_keeps_both_changes(self, editor):
        other = User.objects.create_user("other")
        person = PersonFactory(name="Krysten Ritter", sort_name="Ritter")
        opened = Person.objects.get(pk=person.pk)  # B opens the form at version 1
        services.content_save(
            instance=Person.objects.get(pk=person.pk),
            actor=as_editor(other),
            fields={"sort_name": "Ritter, Krysten"},
        )

        # B's form posts every field: the sort name as B opened it, and B's new name.
        services.content_save(
            instance=Person.objects.get(pk=person.pk),
            actor=as_editor(editor),
            fields={"name": "Krysten Ritter (actress)", "sort_name": opened.sort_name},
            base_version=opened.version,
        )

        person.refresh_from_db()
        assert (person.name, person.sort_name) == ("Krysten Ritter (actress)", "Ritter, Krysten")
        assert person.version == 3

    def test_a_stale_save_of_the_same_field_is_refused_with_both_values(self, editor):
        other = User.objects.create_user("other")
        person = PersonFactory(sort_name="Ritter")
        services.content_save(
            instance=Person.objects.get(pk=person.pk),
            actor=as_editor(other),
            fields={"sort_name": "Ritter, K."},
        )

        with pytest.raises(services.EditConflict) as conflict:
            services.content_save(
                instance=Person.objects.get(pk=person.pk),
                actor=as_editor(editor),
                fields={"sort_name": "Ritter, Krysten"},
                base_version=1,
            )

        assert conflict.value.fields == {"sort_name": ("Ritter, K.", "Ritter, Krysten")}
        assert conflict.value.by == {"other"}
        assert "Ritter, K." in str(conflict.value.message_dict["sort_name"])
        person.refresh_from_db()
        assert (person.sort_name, person.version) == ("Ritter, K.", 2)

    def test_two_edits_of_a_sections_prose_in_different_paragraphs_are_both_kept(self, editor):
        other = User.objects.create_user("other")
        section = Section.objects.create(
            season=SeasonFactory(), position=1, title="Music", anchor="music", body="A.\n\nB."
        )
        services.content_save(
            instance=Section.objects.get(pk=section.pk),
            actor=as_editor(other),
            fields={"body": "A, theirs.\n\nB."},
        )

        services.content_save(
            instance=Section.objects.get(pk=section.pk),
            actor=as_editor(editor),
            fields={"body": "A.\r\n\r\nB, mine."},
            base_version=1,
        )

        section.refresh_from_db()
        assert section.body == "A, theirs.\n\nB, mine."

    def test_two_edits_of_the_same_paragraph_are_a_conflict(self, editor):
        other = User.objects.create_user("other")
        section = Section.objects.create(
            season=SeasonFactory(), position=1, title="Music", anchor="music", body="A.\n\nB."
        )
        services.content_save(
            instance=Section.objects.get(pk=section.pk),
            actor=as_editor(other),
            fields={"body": "A, theirs.\n\nB."},
        )

        with pytest.raises(services.EditConflict):
            services.content_save(
                instance=Section.objects.get(pk=section.pk),
                actor=as_editor(editor),
                fields={"body": "A, mine.\n\nB."},
                base_version=1,
            )

    def test_a_stale_save_of_a_row_deleted_meanwhile_is_refused(self, editor):
        person = PersonFactory()
        stale = Person.objects.get(pk=person.pk)
        services.content_delete(instance=person, actor=as_editor(editor))

        with pytest.raises(services.ValidationError, match="deleted meanwhile"):
            services.content_save(
                instance=stale, actor=as_editor(editor), fields={"name": "X"}, base_version=1
            )


@pytest.fixture
def other_admin(db):
    """A second editor, signed in to the admin in a client of their own."""
    from django.contrib.auth.models import Group
    from django.test import Client

    other = User.objects.create_user("other", is_staff=True)
    other.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(other)
    return client


def open_form(client, url):
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    return browser_form_data(page)


class TestTheAdmin:
    def test_a_saved_page_with_its_rows_is_one_revision_with_the_edit_summary(
        self, editor_admin, editor
    ):
        season = SeasonFactory()
        InfoboxField.objects.create(season=season, position=1, key="Format", value="Streaming")
        url = admin_url(type(season), "change", season.pk)
        data = open_form(editor_admin, url)
        data["network"] = "Netflix (US)"
        data["revision_comment"] = "Network as the press release names it"
        row = next(k for k in data if k.startswith("infobox_fields-") and k.endswith("-value"))
        data[row] = data[row] + " (edited)"

        response = editor_admin.post(url, data)

        assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
        revision = Revision.objects.get()
        assert (revision.user, revision.via) == (editor, "admin")
        assert revision.comment == "Network as the press release names it"
        assert season.history.get(revision=revision).changes["network"][1] == "Netflix (US)"
        assert InfoboxField.history.filter(revision=revision).count() == 1

    def test_a_page_saved_unchanged_records_nothing(self, editor_admin, season):
        url = admin_url(Section, "change", season.sections.first().pk)

        response = editor_admin.post(url, open_form(editor_admin, url))

        assert response.status_code == HTTPStatus.FOUND
        assert not Revision.objects.exists()

    def test_a_prose_edit_with_browser_line_endings_records_the_old_and_new_text(
        self, editor_admin, season
    ):
        section = season.sections.get(anchor="filming")
        url = admin_url(Section, "change", section.pk)
        data = open_form(editor_admin, url)
        data["body"] = crlf(section.body.replace("Filming", "Principal photography", 1))

        editor_admin.post(url, data)

        [row] = Section.history.filter(id=section.pk, revision__isnull=False)
        old, new = row.changes["body"]
        assert old == section.body
        assert "\r" not in new
        assert new.startswith("Principal photography")
        assert Section.objects.get(pk=section.pk).body == new

    def test_the_delete_page_and_the_delete_action_each_record_one_revision(
        self, editor_admin, season
    ):
        first, second, third = season.episodes.all()[:3]
        editor_admin.post(admin_url(Episode, "delete", first.pk), {"post": "yes"})
        editor_admin.post(
            admin_url(Episode, "changelist"),
            {"action": "delete_selected", "_selected_action": [second.pk, third.pk], "post": "yes"},
        )

        one, two = Revision.objects.order_by("id")
        assert Episode.history.filter(revision=one, history_type="-").count() == 1
        assert Episode.history.filter(revision=two, history_type="-").count() == 2

    def test_rows_saved_together_in_a_list_are_one_revision(self, editor_admin, editor, season):
        url = f"{admin_url(Credit, 'changelist')}?season__id__exact={season.pk}&billing__exact=main"
        data = browser_form_data(editor_admin.get(url), form_selector="#changelist-form")
        data["form-0-order"], data["form-1-order"] = "2", "1"

        editor_admin.post(url, data)

        revision = Revision.objects.get()
        assert (revision.user, revision.via) == (editor, "admin")
        changes = [row.changes for row in Credit.history.filter(revision=revision)]
        assert sorted(changes, key=str) == [{"order": [1, 2]}, {"order": [2, 1]}]


class TestConflictsInTheAdmin:
    """Two editors open Krysten Ritter's page; the other saves first."""

    @pytest.fixture
    def ritter(self, seed_content):
        return Person.objects.get(slug="krysten-ritter")

    def test_changes_to_different_fields_are_merged_and_said_so(
        self, editor_admin, other_admin, ritter
    ):
        url = admin_url(Person, "change", ritter.pk)
        mine, theirs = open_form(editor_admin, url), open_form(other_admin, url)
        theirs["sort_name"] = "Ritter, K."
        assert other_admin.post(url, theirs).status_code == HTTPStatus.FOUND

        mine["name"] = "Krysten Ritter (actress)"
        response = editor_admin.post(url, mine, follow=True)

        ritter.refresh_from_db()
        assert (ritter.name, ritter.sort_name) == ("Krysten Ritter (actress)", "Ritter, K.")
        assert "Someone else saved this page since you opened it" in response.text

    def test_a_change_to_the_same_field_shows_both_values_and_keeps_the_editors_input(
        self, editor_admin, other_admin, ritter
    ):
        url = admin_url(Person, "change", ritter.pk)
        mine, theirs = open_form(editor_admin, url), open_form(other_admin, url)
        theirs["sort_name"] = "Ritter, K."
        other_admin.post(url, theirs)

        mine["sort_name"] = "Ritter, Kristen"
        response = editor_admin.post(url, mine)

        assert response.status_code == HTTPStatus.OK  # the form again, nothing saved
        assert "other changed this field since you opened the page" in response.text
        assert "Saved now: “Ritter, K.”. Yours: “Ritter, Kristen”." in response.text
        again = browser_form_data(response)
        assert again["sort_name"] == "Ritter, Kristen"
        ritter.refresh_from_db()
        assert ritter.sort_name == "Ritter, K."

        # Having seen both, the editor saves again: now their value is the one kept.
        assert editor_admin.post(url, again).status_code == HTTPStatus.FOUND
        ritter.refresh_from_db()
        assert ritter.sort_name == "Ritter, Kristen"


class TestTheImporter:
    def test_an_import_is_one_revision_by_the_importer_and_a_reimport_records_nothing(self, db):
        season, _summary = article_import(path=ARTICLE, citations_path=CITATIONS)

        revision = Revision.objects.get()
        assert (revision.via, revision.user, revision.author) == ("import", None, "importer")
        assert revision.source == str(ARTICLE)
        assert revision.season_id == season.pk
        assert Section.history.filter(revision=revision, history_type="+").count() == (
            season.sections.count()
        )

        article_import(path=ARTICLE, citations_path=CITATIONS)

        assert Revision.objects.count() == 1

    def test_an_import_run_for_an_editor_is_recorded_as_theirs(self, editor):
        from django.core.management import call_command

        call_command(
            "import_article", str(ARTICLE), "--citations", str(CITATIONS), "--user", "editor"
        )

        revision = Revision.objects.get()
        assert (revision.via, revision.author) == ("import", "editor")

    def test_an_import_for_an_unknown_user_is_refused_and_imports_nothing(self, db):
        from django.core.management import CommandError, call_command

        with pytest.raises(CommandError, match="There is no user 'nobody'"):
            call_command("import_article", str(ARTICLE), "--user", "nobody")

        assert not Revision.objects.exists()


class TestConflictsInInlineRows:
    def test_a_stale_inline_row_keeps_what_another_editor_saved_in_it(self, editor_admin, db):
        season = SeasonFactory()
        row = InfoboxField.objects.create(season=season, position=1, key="Format", value="TV")
        url = admin_url(type(season), "change", season.pk)
        mine = open_form(editor_admin, url)
        services.content_save(
            instance=InfoboxField.objects.get(pk=row.pk),
            actor=as_editor(User.objects.create_user("other")),
            fields={"value": "Streaming"},
        )

        prefix = next(k for k in mine if k.endswith("-value")).removesuffix("-value")
        mine[f"{prefix}-value"] = "Web series"
        response = editor_admin.post(url, mine)

        assert response.status_code == HTTPStatus.OK  # refused: both changed the value
        assert "Saved now: “Streaming”. Yours: “Web series”." in response.text
        row.refresh_from_db()
        assert row.value == "Streaming"


class TestConflictsInAList:
    """Two editors reorder the season's main cast in its list; the other saves first."""

    @pytest.fixture
    def cast_list(self, season):
        query = f"?season__id__exact={season.pk}&billing__exact=main"
        return f"{admin_url(Credit, 'changelist')}{query}"

    def open_list(self, client, url):
        return browser_form_data(client.get(url), form_selector="#changelist-form")

    def save_first_row_order_meanwhile(self, client, url, order):
        """Another editor, who opened the list at the same time, saves the first row's order."""
        theirs = self.open_list(client, url)
        theirs["form-0-order"] = order
        client.post(url, theirs)

    def test_each_row_carries_its_version(self, editor_admin, cast_list, season):
        data = self.open_list(editor_admin, cast_list)

        first = season.credits.cast().in_billing_order().first()
        assert data["form-0-id"] == str(first.pk)
        assert data["form-0-base_version"] == str(first.version)

    def test_different_rows_changed_by_two_editors_both_survive(
        self, editor_admin, other_admin, cast_list, season
    ):
        mine = self.open_list(editor_admin, cast_list)
        self.save_first_row_order_meanwhile(other_admin, cast_list, "10")

        mine["form-1-order"] = "20"
        editor_admin.post(cast_list, mine)

        orders = {c.pk: c.order for c in season.credits.filter(billing="main")}
        assert orders[int(mine["form-0-id"])] == 10
        assert orders[int(mine["form-1-id"])] == 20

    def test_the_same_row_changed_by_two_editors_shows_both_values(
        self, editor_admin, other_admin, cast_list, season
    ):
        mine = self.open_list(editor_admin, cast_list)
        self.save_first_row_order_meanwhile(other_admin, cast_list, "10")

        mine["form-0-order"] = "30"
        response = editor_admin.post(cast_list, mine)

        assert response.status_code == HTTPStatus.OK  # the list again, nothing saved
        assert "Saved now: “10”. Yours: “30”." in response.text
        assert Credit.objects.get(pk=mine["form-0-id"]).order == 10
