"""Recent changes: /changes/, its Atom feed and the home page's "Recently changed" list the
revisions of published content (what, when, by whom), and nothing of a draft season."""

import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest
from django.contrib.auth.models import User

from catalog.content import services
from catalog.history import revisions
from catalog.models import Person, Season, Section
from tests.factories import CreditFactory, PersonFactory, SeasonFactory, SectionFactory
from tests.pages import SEASON_URL, get_page, text, texts

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
EDITOR_EMAIL = "jess.editor@example.org"


@pytest.fixture
def as_editor(editor):
    """The editor, with an email address that must never be shown, editing in the admin."""
    editor.email = EDITOR_EMAIL
    editor.save()
    return services.Actor.editor(editor, via="admin")


@pytest.fixture
def filming(season):
    return Section.objects.get(season=season, anchor="filming")


def edit(instance, actor, **fields):
    return services.content_save(instance=instance, actor=actor, fields=fields)


def changes_on(page):
    """Each listed change as a reader sees it: its head, then one line per object."""
    return [
        [text(change.select_one(".change-head")), *texts(change.select(".changed-objects > li"))]
        for change in page.select("ol.changes > li")
    ]


def feed_response(client):
    response = client.get("/changes/feed/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return response


def feed(client):
    """The feed, parsed as XML (a feed that is not well-formed fails here)."""
    return ET.fromstring(feed_response(client).content)


def entries(root):
    return root.findall(f"{ATOM}entry")


def test_an_edit_through_the_service_is_listed_with_the_editors_username(
    client, as_editor, filming
):
    edit(filming, as_editor, body="Filming took place in New York City.")

    [[head, line]] = changes_on(get_page(client, "/changes/"))

    assert head.endswith("by editor")
    assert line == "section Filming in Jessica Jones season 2 – changed body"
    link = get_page(client, "/changes/").select_one(".changed-objects a")
    assert link["href"] == f"{SEASON_URL}#filming"


def test_the_home_page_lists_the_same_changes_and_links_to_all_of_them(client, as_editor, filming):
    edit(filming, as_editor, body="Filming took place in New York City.")

    page = get_page(client, "/")

    assert changes_on(page) == changes_on(get_page(client, "/changes/"))
    recent = page.find(id="recent").parent
    assert "/changes/" in [a["href"] for a in recent.select("a")]
    assert page.select_one(".site-footer a[href='/changes/']")


def test_the_home_page_shows_the_ten_latest_changes_newest_first(client, as_editor, season):
    sections = list(Section.objects.filter(season=season).order_by("position")[:12])
    for number, section in enumerate(sections):
        edit(section, as_editor, body=f"Edited body {number}.")

    listed = changes_on(get_page(client, "/"))

    assert len(listed) == 10
    newest_first = [s.title for s in reversed(sections)][:10]
    assert [lines[1].split(" in ")[0] for lines in listed] == [
        f"section {title}" for title in newest_first
    ]


def test_the_feed_is_atom_with_one_entry_per_revision_newest_first(client, as_editor, filming):
    edit(filming, as_editor, body="First edit.")
    edit(filming, as_editor, title="Filming and locations")

    root = feed(client)

    assert root.tag == f"{ATOM}feed"
    first, second = entries(root)
    assert first.findtext(f"{ATOM}title") == (
        "Section “Filming and locations” in Jessica Jones season 2: changed title"
    )
    assert second.findtext(f"{ATOM}title").endswith(": changed body")
    assert first.findtext(f"{ATOM}updated") > second.findtext(f"{ATOM}updated")
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver{SEASON_URL}#filming"
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "editor"
    assert first.findtext(f"{ATOM}summary") == (
        "Section “Filming and locations” in Jessica Jones season 2: changed title"
    )
    # Two edits of one section are two entries, not one entry updated.
    assert first.findtext(f"{ATOM}id") != second.findtext(f"{ATOM}id")


def test_no_email_address_is_shown_anywhere(client, as_editor, filming):
    edit(filming, as_editor, body="Filming took place in New York City.")

    for path in ["/", "/changes/", "/changes/feed/"]:
        body = client.get(path).content.decode()
        assert "by editor" in body or "<name>editor</name>" in body, path
        assert EDITOR_EMAIL not in body, path


def test_a_username_written_as_an_address_shows_only_its_first_part(client, filming):
    user = User.objects.create_user("sam@example.org", password="a-password", is_staff=True)

    edit(filming, services.Actor.editor(user, via="api"), body="Edited.")

    [[head, _]] = changes_on(get_page(client, "/changes/"))
    assert head.endswith("by sam")
    assert "example.org" not in client.get("/changes/feed/").content.decode()


def test_imports_are_by_the_importer(client, filming):
    importer = services.Actor.importer("seeds/jessica-jones-season-2.txt")

    edit(filming, importer, body="As the article now says.")

    [[head, _]] = changes_on(get_page(client, "/changes/"))
    assert head.endswith("by importer")
    root = feed(client)
    assert entries(root)[0].findtext(f"{ATOM}author/{ATOM}name") == "importer"


def test_nothing_of_a_draft_season_is_shown(client, as_editor, season):
    draft = SeasonFactory(title="Secret season", status=Season.Status.DRAFT)
    section = SectionFactory(season=draft, title="Secret plot")
    person = CreditFactory(season=draft, person=PersonFactory(name="Secret Person")).person

    edit(section, as_editor, body="The secret plot twist.")
    edit(draft, as_editor, title="Secret season, renamed")
    edit(person, as_editor, name="Secret Person Renamed")

    for path in ["/", "/changes/", "/changes/feed/"]:
        body = client.get(path).content.decode()
        assert "Secret" not in body, path
    assert changes_on(get_page(client, "/changes/")) == []
    assert entries(feed(client)) == []


def test_a_revision_that_touched_a_draft_and_a_published_season_shows_only_the_published_part(
    client, as_editor, filming
):
    secret = SectionFactory(
        season=SeasonFactory(status=Season.Status.DRAFT), title="Secret section"
    )

    with revisions.recording(as_editor):
        edit(secret, as_editor, body="Secret words.")
        edit(filming, as_editor, body="Public words.")

    [[_, line]] = changes_on(get_page(client, "/changes/"))
    assert line == "section Filming in Jessica Jones season 2 – changed body"
    assert "Secret" not in client.get("/changes/feed/").content.decode()


def test_a_seasons_changes_show_once_it_is_published(client, as_editor):
    draft = SeasonFactory(title="Coming season", status=Season.Status.DRAFT)
    section = SectionFactory(season=draft, title="Premise")
    edit(section, as_editor, body="What it is about.")

    edit(draft, as_editor, status=Season.Status.PUBLISHED)

    assert [lines[1:] for lines in changes_on(get_page(client, "/changes/"))] == [
        ["season Coming season – changed status"],
        ["section Premise in Coming season – changed body"],
    ]


def test_a_deleted_object_is_named_but_not_linked(client, as_editor, filming):
    edit(filming, as_editor, body="Edited first.")

    services.content_delete(instance=filming, actor=as_editor)

    page = get_page(client, "/changes/")
    deleted, edited = page.select("ol.changes > li")
    assert texts(deleted.select(".changed-objects > li")) == [
        "section Filming in Jessica Jones season 2 – deleted"
    ]
    # Neither the deletion nor the earlier edit links to a section that is gone; the season is
    # still linked.
    for change in (deleted, edited):
        assert [a["href"] for a in change.select(".changed-objects a")] == [SEASON_URL]


def test_a_public_person_links_to_their_page_and_one_known_only_from_drafts_is_left_out(
    client, as_editor, season
):
    ritter = Person.objects.get(slug="krysten-ritter")
    hidden = CreditFactory(season=SeasonFactory(status=Season.Status.DRAFT)).person

    edit(ritter, as_editor, sort_name="Ritter, K.")
    edit(hidden, as_editor, sort_name="Hidden")

    page = get_page(client, "/changes/")
    [[_, line]] = changes_on(page)
    assert line == "person Krysten Ritter – changed sort name"
    assert page.select_one(".changed-objects a")["href"] == "/people/krysten-ritter/"


def test_changes_are_paged_fifty_at_a_time(client, as_editor, filming):
    for number in range(51):
        edit(filming, as_editor, body=f"Edit number {number}.")

    first = get_page(client, "/changes/")
    second = get_page(client, "/changes/?page=2")

    assert len(first.select("ol.changes > li")) == 50
    assert len(second.select("ol.changes > li")) == 1
    assert first.select_one("a[rel=next]")["href"] == "?page=2"
    assert second.select_one("a[rel=prev]")["href"] == "/changes/"
    assert text(second.select_one(".pagination")) == "Newer changes Page 2 of 2"
    canonical = second.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver/changes/?page=2"


def test_a_large_revision_lists_its_first_ten_objects_and_counts_the_rest(
    client, as_editor, season
):
    with revisions.recording(as_editor):
        for section in season.sections.order_by("position"):
            edit(section, as_editor, body=f"Rewritten {section.pk}.")

    [change] = get_page(client, "/changes/").select("ol.changes > li")
    lines = texts(change.select(".changed-objects > li"))
    assert len(lines) == 11
    assert lines[-1] == "and 7 more changes"
    [entry] = entries(feed(client))
    assert entry.findtext(f"{ATOM}summary").endswith("; and 7 more changes")
    assert entry.findtext(f"{ATOM}title").endswith("(and 16 more)")


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "1.5", "99999999999999999999999"])
def test_a_page_that_does_not_exist_is_a_404(client, as_editor, filming, page):
    edit(filming, as_editor, body="Edited.")
    assert client.get(f"/changes/?page={page}").status_code == HTTPStatus.NOT_FOUND


def test_with_no_changes_yet_the_pages_say_so(client, season):
    assert text(get_page(client, "/changes/").select_one(".empty")) == "Nothing has changed yet."
    assert text(get_page(client, "/").select_one("#recent ~ .empty")) == (
        "Nothing has changed yet."
    )
    assert entries(feed(client)) == []


def test_a_new_revision_shows_at_once(
    client, as_editor, filming, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        edit(filming, as_editor, body="First.")
    assert len(entries(feed(client))) == 1
    assert len(get_page(client, "/changes/").select("ol.changes > li")) == 1

    # Cached, until the next edit commits: then the next request sees the new revision.
    with django_capture_on_commit_callbacks(execute=True):
        edit(filming, as_editor, title="Filming and locations")

    assert len(entries(feed(client))) == 2
    assert len(get_page(client, "/changes/").select("ol.changes > li")) == 2


@pytest.mark.parametrize("path", ["/", "/changes/"])
def test_the_pages_announce_the_feed(client, season, path):
    link = get_page(client, path).find("link", rel="alternate", type="application/atom+xml")
    assert link["href"] == "/changes/feed/"
