"""The admin's history pages: each object's History (a season's with every row that belongs
to it), two versions compared side by side (prose word by word), one revision's changes, the
deleted rows, Recent changes (each at a fixed number of queries however long the history),
and the confirmation pages that revert, undo and restore (POST only, with permissions).

History is made the way editors make it: writes through the write service, each its own
revision.
"""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.content import reverts, services
from catalog.models import Episode, Event, Person, Review, Revision, Section
from tests.admin_forms import admin_url, browser_form_data
from tests.factories import EpisodeFactory, ReviewFactory, SeasonFactory, SectionFactory, grow
from tests.pages import get_page, text, texts

pytestmark = pytest.mark.django_db

RECENT_CHANGES = "/admin/catalog/recent-changes/"
AQUARIUM = "Filming occurred at the Long Island Aquarium."


@pytest.fixture
def filming(season):
    return season.sections.get(anchor="filming")


@pytest.fixture
def edit(editor):
    """Save fields on an object as the editor in the admin would; returns the revision."""

    def save(obj, comment="", by=None, many=None, **fields):
        actor = services.Actor.editor(by or editor, via="admin")
        services.content_save(instance=obj, actor=actor, fields=fields, many=many, comment=comment)
        return latest_revision()

    return save


def delete(obj, user):
    services.content_delete(instance=obj, actor=services.Actor.editor(user, via="admin"))
    return latest_revision()


def latest_revision():
    return Revision.objects.order_by("-id").first()


def deleted_by(obj, user):
    """Delete through the service; the object's "-" history row."""
    return type(obj).history.get(revision=delete(obj, user))


def assert_one_revert_revision(before, user, comment):
    """Exactly one revision more: by `user`, via revert, with `comment`; returns it."""
    [revision] = Revision.objects.filter(pk__gt=before.pk)
    assert (revision.user, revision.via, revision.comment) == (user, "revert", comment)
    return revision


def history_rows(soup):
    """The History table's revisions: {"revision-<id>": the row's text}."""
    rows = soup.select("#revision-history tbody tr[id]")
    return {row["id"]: text(row) for row in rows if row["id"] != "revision-original"}


# One object's History ---------------------------------------------------------------------


def test_a_sections_history_lists_who_when_via_comment_and_what_changed(
    editor_admin, filming, edit
):
    revision = edit(
        filming,
        comment="Say where",
        title="Filming locations",
        body=filming.body.replace(AQUARIUM, "Filming took place in Riverhead."),
    )

    page = get_page(editor_admin, admin_url(Section, "history", filming.pk))

    row = page.select_one(f"#revision-{revision.pk}")
    assert "editor" in text(row)
    assert "admin" in text(row)
    assert "Say where" in text(row)
    assert "title: Filming → Filming locations" in text(row)
    # Prose is named, with a link to its word diff, not shown whole.
    [body_link] = row.select("a.diff-link")
    assert text(body_link) == "body"
    compare = admin_url(Section, "compare", filming.pk)
    assert body_link["href"] == f"{compare}?to={revision.pk}"
    assert "Riverhead" not in text(row)
    # Its newest version is the one it has: it can be undone, not reverted to.
    assert texts(row.select("td.actions a")) == ["Undo"]
    # It was loaded before any revision: its original version can be compared and reverted to.
    original = page.select_one("#revision-original")
    assert f"The original version, as loaded before revision {revision.pk}." in text(original)
    assert original.select_one("a")["href"] == admin_url(Section, "revert", filming.pk, 0)


def test_the_edit_summary_typed_in_the_change_form_is_the_revisions_comment(editor_admin, filming):
    url = admin_url(Section, "change", filming.pk)
    page = editor_admin.get(url)
    assert len(get_page(editor_admin, url).select('[name="revision_comment"]')) == 1
    data = browser_form_data(page)
    data.update(title="Shooting", revision_comment="Shorter heading")

    assert editor_admin.post(url, data).status_code == HTTPStatus.FOUND

    assert latest_revision().comment == "Shorter heading"
    assert Section.objects.get(pk=filming.pk).title == "Shooting"
    history = get_page(editor_admin, admin_url(Section, "history", filming.pk))
    assert "Shorter heading" in text(history.select_one("#revision-history tbody tr"))


def test_an_imports_revision_names_the_importer_and_its_file(admin_client, filming):
    services.content_save(
        instance=filming,
        actor=services.Actor.importer("seeds/jessica-jones-season-2.txt"),
        fields={"title": "Filming (imported)"},
    )

    page = get_page(admin_client, admin_url(Section, "history", filming.pk))

    [row] = history_rows(page).values()
    assert "importer (seeds/jessica-jones-season-2.txt)" in row
    assert "import" in row


def test_the_history_is_the_revisions_not_djangos_log_entries(admin_client, editor, filming):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Section),
        object_id=str(filming.pk),
        object_repr=str(filming),
        action_flag=CHANGE,
        change_message="A log entry with no revision behind it",
    )

    page = get_page(admin_client, admin_url(Section, "history", filming.pk))

    assert "A log entry" not in text(page)
    assert "No revisions yet" in text(page)


def test_a_seasons_history_lists_the_revisions_of_every_row_that_belongs_to_it(
    editor_admin, season, filming, edit, editor
):
    lead = edit(season, lead=season.lead + "\n\nA new paragraph.")
    section = edit(filming, title="Shooting")
    episode = EpisodeFactory(season=season, number=99)
    episode_pk = episode.pk
    deleted = delete(episode, editor)
    episode_row = Episode.history.get(revision=deleted, id=episode_pk)
    elsewhere = edit(SectionFactory(season=SeasonFactory()), title="Another season's")

    page = get_page(editor_admin, admin_url(type(season), "history", season.pk))

    rows = history_rows(page)
    assert set(rows) == {f"revision-{r.pk}" for r in (lead, section, deleted)}
    assert "Season “Jessica Jones season 2”: lead" in rows[f"revision-{lead.pk}"]
    assert "Section “Shooting”: title: Filming → Shooting" in rows[f"revision-{section.pk}"]
    assert f"Episode “Episode {episode_row.number}" in rows[f"revision-{deleted.pk}"]
    assert "deleted" in rows[f"revision-{deleted.pk}"]
    restore = page.select_one(f"#revision-{deleted.pk} a[href$='/restore/']")["href"]
    assert restore == admin_url(Episode, "restore", episode_row.history_id)
    assert f"revision-{elsewhere.pk}" not in rows


def test_a_refused_viewer_gets_403(client, filming):
    nobody = User.objects.create_user("staff-only", password="x-password-1", is_staff=True)
    client.force_login(nobody)

    assert client.get(admin_url(Section, "history", filming.pk)).status_code == 403
    assert client.get(admin_url(Section, "compare", filming.pk)).status_code == 403
    assert client.get(admin_url(Section, "deleted")).status_code == 403
    assert client.get(RECENT_CHANGES).status_code == 403


def test_an_editor_with_only_the_view_permission_sees_history_but_no_revert(
    client, viewer, filming, edit
):
    edit(filming, title="Shooting")
    client.force_login(viewer)

    page = get_page(client, admin_url(Section, "history", filming.pk))

    assert "title: Filming → Shooting" in text(page)
    assert page.select("td.actions a") == []


def test_created_rows_show_as_created(editor_admin, season, editor):
    review = ReviewFactory.build(season=season, outlet=Review.objects.first().outlet)
    review.critic = None
    review.kind = "critic"
    services.content_save(instance=review, actor=services.Actor.editor(editor, "admin"))

    page = get_page(editor_admin, admin_url(Review, "history", review.pk))

    [row] = history_rows(page).values()
    assert "created" in row
    assert "original version" not in text(page), "it did not exist before its first revision"


# Comparing two versions -------------------------------------------------------------------


def test_a_revisions_diff_marks_prose_word_by_word_and_escapes_it(editor_admin, filming, edit):
    revision = edit(filming, body=filming.body.replace(AQUARIUM, "Filming used <b>a zoo</b>."))

    page = get_page(editor_admin, f"{admin_url(Section, 'compare', filming.pk)}?to={revision.pk}")

    [body] = [row for row in page.select("table.history-diff tbody tr") if text(row.th) == "body"]
    old, new = body.select("td")
    assert texts(old.select("del")) == ["occurred at the Long Island Aquarium."]
    assert texts(new.select("ins")) == ["used <b>a zoo</b>."]
    assert new.select("b") == [], "the editor's text is escaped, never markup"
    assert "Filming began the week of April 3, 2017" in text(old)
    assert text(page.select_one(".old-version")) == f"Before revision {revision.pk}"


def test_any_two_revisions_compare_field_by_field(editor_admin, filming, edit):
    first = edit(filming, title="One", level=4)
    edit(filming, title="Two")
    third = edit(filming, title="Three")

    url = f"{admin_url(Section, 'compare', filming.pk)}?from={first.pk}&to={third.pk}"
    page = get_page(editor_admin, url)

    rows = {text(row.th): texts(row.select("td")) for row in page.select(".history-diff tbody tr")}
    assert rows == {"title": ["One", "Three"]}, "the level, unchanged between them, is left out"
    assert "by editor" in text(page.select_one(".new-version"))
    # The two ends in either order, and the original version against now.
    swapped = f"{admin_url(Section, 'compare', filming.pk)}?from={third.pk}&to={first.pk}"
    assert texts(get_page(editor_admin, swapped).select(".history-diff td"))[:2] == ["One", "Three"]
    original = get_page(editor_admin, f"{admin_url(Section, 'compare', filming.pk)}?from=0")
    rows = {text(r.th): texts(r.select("td")) for r in original.select(".history-diff tbody tr")}
    assert rows == {"title": ["Filming", "Three"], "level": ["3", "4"]}


def test_a_seasons_compare_lists_its_rows_added_removed_and_changed(
    editor_admin, season, filming, edit, editor
):
    start = edit(season, title="Jessica Jones (season 2)")
    review = services.content_save(
        instance=Review(season=season, outlet=Review.objects.first().outlet, kind="critic"),
        actor=services.Actor.editor(editor, "admin"),
        fields={"critic": Person.objects.get(name="Krysten Ritter"), "excerpt": "Sharp."},
    )
    event = Event.objects.filter(season=season).first()
    delete(event, editor)
    end = edit(filming, title="Shooting")

    url = f"{admin_url(type(season), 'compare', season.pk)}?from={start.pk}&to={end.pk}"
    page = get_page(editor_admin, url)

    assert texts(page.select(".rows-added li")) == [f"Review “Krysten Ritter, {review.outlet}”"]
    [removed] = texts(page.select(".rows-removed li"))
    assert removed.startswith(f"Event “{event.date.isoformat()}:")
    assert texts(page.select(".rows-changed li")) == ["Section “Shooting”: title"]
    # The season's own fields: unchanged after `start`.
    assert texts(page.select(".history-diff tbody td")) == ["No differences."]


def test_one_revisions_page_shows_each_rows_changes(editor_admin, season, filming, edit):
    revision = edit(filming, title="Shooting", body=filming.body.replace("Aquarium", "Zoo"))

    page = get_page(editor_admin, reverse("admin-revision", args=[revision.pk]))

    assert "editor · via admin" in text(page.select_one(".revision-meta"))
    [entry] = page.select(".revision-entry")
    assert text(entry.h2) == "Section “Shooting”: changed"
    assert texts(entry.select("del")) == ["Filming", "Aquarium."]
    assert texts(entry.select("ins")) == ["Shooting", "Zoo."]


# Deleted rows -----------------------------------------------------------------------------


def test_the_deleted_list_shows_what_is_still_deleted_with_a_restore_link(
    editor_admin, season, editor
):
    gone, back = Review.objects.filter(season=season, critic__isnull=False)[:2]
    gone_row = Review.history.get(revision=delete(gone, editor))
    reverts.restore(user=editor, row=Review.history.get(revision=delete(back, editor)))

    changelist = get_page(editor_admin, admin_url(Review, "changelist"))
    assert changelist.select_one("a.deletedlink")["href"] == admin_url(Review, "deleted")
    page = get_page(editor_admin, admin_url(Review, "deleted"))

    [row] = page.select("#deleted-rows tbody tr")
    assert text(row).startswith(f"{gone.critic.name}, {gone.outlet.name}")
    assert row.select_one("a.button")["href"] == admin_url(Review, "restore", gone_row.history_id)


# Recent changes ---------------------------------------------------------------------------


def test_recent_changes_lists_every_revision_newest_first_and_filters_them(
    editor_admin, season, filming, edit, editor
):
    other_editor = User.objects.create_user("other", is_staff=True)
    other_season = SeasonFactory(title="Other season")
    first = edit(filming, title="Shooting", comment="Shorter")
    second = edit(season, lead="A new lead.", by=other_editor)
    third = edit(SectionFactory(season=other_season), title="Elsewhere")
    fourth = edit(Review.objects.filter(season=season).first(), score=90)

    index = get_page(editor_admin, "/admin/")
    assert index.select_one("#history-module a")["href"] == RECENT_CHANGES
    page = get_page(editor_admin, RECENT_CHANGES)

    ids = [row["id"] for row in page.select("#recent-changes tbody tr")]
    assert ids == [f"revision-{r.pk}" for r in (fourth, third, second, first)]
    row = text(page.select_one(f"#revision-{first.pk}"))
    assert "editor admin Shorter Section “Shooting”: title: Filming → Shooting" in row
    link = page.select_one(f"#revision-{first.pk} .summary a")["href"]
    assert link == reverse("admin-revision", args=[first.pk])

    def shown(query):
        found = get_page(editor_admin, f"{RECENT_CHANGES}?{query}")
        return [row["id"] for row in found.select("#recent-changes tbody tr")]

    assert shown(f"user={other_editor.pk}") == [f"revision-{second.pk}"]
    assert shown(f"season={other_season.pk}") == [f"revision-{third.pk}"]
    assert shown("model=section") == [f"revision-{third.pk}", f"revision-{first.pk}"]
    assert shown(f"model=section&season={season.pk}") == [f"revision-{first.pk}"]


# Queries ----------------------------------------------------------------------------------


def make_history(season, editor, times):
    """`times` rounds of edits through the service: a section's prose, a review's score, an
    event's people, an episode deleted: four revisions a round."""
    actor = services.Actor.editor(editor, via="admin")
    section = season.sections.get(anchor="filming")
    review = Review.objects.filter(season=season, critic__isnull=False).first()
    event = Event.objects.filter(season=season, people__isnull=False).first()
    people = list(Person.objects.all()[:3])
    for n in range(times):
        services.content_save(
            instance=section, actor=actor, fields={"body": f"{section.body} Round {n}."}
        )
        services.content_save(instance=review, actor=actor, fields={"score": n})
        services.content_save(instance=event, actor=actor, many={"people": people[: 1 + n % 3]})
        episode = Episode.objects.filter(season=season).order_by("-number").first()
        services.content_delete(instance=episode, actor=actor)
    return section, review


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, response.content[:300]
    return len(captured.captured_queries), response.content.decode()


def test_history_diff_and_recent_changes_cost_the_same_queries_with_ten_times_the_history(
    editor_admin, season, editor
):
    def pages():
        last = Revision.objects.order_by("-id").first().pk
        first = Revision.objects.order_by("id").first().pk
        return {
            "section history": admin_url(Section, "history", section.pk),
            "season history": admin_url(type(season), "history", season.pk),
            "section diff": f"{admin_url(Section, 'compare', section.pk)}?from=0&to={last}",
            "season diff": f"{admin_url(type(season), 'compare', season.pk)}?from={first}",
            "revision": reverse("admin-revision", args=[last]),
            "recent changes": RECENT_CHANGES,
            "recent changes, filtered": f"{RECENT_CHANGES}?season={season.pk}&user={editor.pk}",
            "deleted episodes": admin_url(Episode, "deleted"),
        }

    section, _review = make_history(season, editor, times=3)
    seed = {name: queries(editor_admin, url)[0] for name, url in pages().items()}
    grow(season)
    make_history(season, editor, times=30)
    tenfold = {name: queries(editor_admin, url) for name, url in pages().items()}

    assert {name: count for name, (count, _html) in tenfold.items()} == seed
    # The pages did show the longer history (a full page of 50 revisions; 33 deletions).
    assert tenfold["season history"][1].count('name="to"') == 50
    assert tenfold["recent changes"][1].count('class="summary"') == 50
    assert tenfold["deleted episodes"][1].count('class="button"') == 33
    assert "Round 29." in tenfold["section diff"][1]
    print("queries per page:", seed)


# Revert, undo and restore: a confirmation, then a POST --------------------------------------


def test_the_confirmation_pages_show_what_would_change_and_write_nothing(
    editor_admin, season, filming, edit, editor
):
    retitled = edit(filming, title="Shooting")
    review = Review.objects.filter(season=season, critic__isnull=False).first()
    label = f"Review “{review.critic.name}, {review.outlet.name}”"
    deleted = deleted_by(review, editor)
    before = latest_revision()

    undo = get_page(editor_admin, admin_url(Section, "undo", filming.pk, retitled.pk))
    revert = get_page(editor_admin, admin_url(Section, "revert", filming.pk, 0))
    restore = get_page(editor_admin, admin_url(Review, "restore", deleted.history_id))

    assert texts(undo.select(".history-diff td")) == ["Shooting", "Filming"]
    assert undo.select_one('input[type="submit"]')["value"] == "Yes, undo"
    assert texts(revert.select(".history-diff td")) == ["Shooting", "Filming"]
    assert revert.select_one('input[type="submit"]')["value"] == "Yes, revert"
    assert texts(restore.select(".restore-rows li")) == [label]
    assert restore.select_one('input[type="submit"]')["value"] == "Yes, restore"
    assert latest_revision() == before
    assert Section.objects.get(pk=filming.pk).title == "Shooting"
    assert not Review.objects.filter(pk=deleted.id).exists()


def test_posting_the_confirmation_reverts_and_goes_back_to_the_history(
    editor_admin, filming, edit, editor
):
    revision = edit(filming, title="Shooting")

    response = editor_admin.post(admin_url(Section, "revert", filming.pk, 0))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == admin_url(Section, "history", filming.pk)
    assert Section.objects.get(pk=filming.pk).title == "Filming"
    assert_one_revert_revision(revision, editor, "Reverted to the original version")
    page = get_page(editor_admin, response["Location"])
    assert "Revert to the original version: done." in text(page.select_one(".messagelist"))


def test_a_refused_undo_is_explained_on_the_page_and_after_a_post(editor_admin, filming, edit):
    revision = edit(filming, title="Shooting")
    edit(filming, title="Shooting locations")
    url = admin_url(Section, "undo", filming.pk, revision.pk)

    page = get_page(editor_admin, url)
    assert "later edits changed title since" in text(page.select_one(".errornote"))
    assert page.select('input[type="submit"]') == []

    revisions = Revision.objects.count()

    response = editor_admin.post(url)
    assert response["Location"] == admin_url(Section, "history", filming.pk)
    page = get_page(editor_admin, response["Location"])
    assert "later edits changed title since" in text(page.select_one(".messagelist .error"))
    # Refused: nothing undone, no revision recorded.
    assert Section.objects.get(pk=filming.pk).title == "Shooting locations"
    assert Revision.objects.count() == revisions


def test_restoring_from_the_deleted_list_opens_the_restored_object(editor_admin, season, editor):
    review = Review.objects.filter(season=season, critic__isnull=False).first()
    pk = review.pk
    row = deleted_by(review, editor)
    url = admin_url(Review, "restore", row.history_id)

    confirm = get_page(editor_admin, url)
    assert "Restore review" in text(confirm.select_one("h1"))
    response = editor_admin.post(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == admin_url(Review, "change", pk)
    assert Review.objects.filter(pk=pk).exists()


@pytest.fixture
def viewer(db):
    """A staff user who may only view sections and reviews."""
    group = Group.objects.create(name="Viewers")
    group.permissions.set(
        Permission.objects.filter(codename__in=["view_section", "view_review", "change_review"])
    )
    user = User.objects.create_user("viewer", is_staff=True)
    user.groups.add(group)
    return user


def test_without_the_change_permission_revert_and_undo_are_403(client, viewer, filming, edit):
    revision = edit(filming, title="Shooting")
    client.force_login(viewer)

    for view in ("revert", "undo"):
        url = admin_url(Section, view, filming.pk, revision.pk)
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN
        assert client.post(url).status_code == HTTPStatus.FORBIDDEN
    assert Section.objects.get(pk=filming.pk).title == "Shooting"
    assert latest_revision() == revision


def test_without_the_add_permission_restore_is_403(client, viewer, season, editor):
    row = deleted_by(Review.objects.filter(season=season).first(), editor)
    client.force_login(viewer)

    url = admin_url(Review, "restore", row.history_id)
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert client.post(url).status_code == HTTPStatus.FORBIDDEN
    assert not Review.objects.filter(pk=row.id).exists()


def test_a_post_without_the_csrf_token_is_refused(editor, filming, edit):
    revision = edit(filming, title="Shooting")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(admin_url(Section, "undo", filming.pk, revision.pk))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Section.objects.get(pk=filming.pk).title == "Shooting"
