"""One history, five readers: the admin's Recent changes, the public /changes/ and its Atom
feed, the API's changes feed and TMDb's change lists read the same edits by the same rules
(catalog.history). Each shows the same edits (the public ones nothing of a draft season), and
where they name what changed, the same label with the same verb."""

import html
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.content import services
from catalog.models import Credit, Person, Review, Revision, Season
from tests.factories import CreditFactory, SeasonFactory
from tests.pages import get_page, text

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
VERBS = {"created", "changed", "deleted"}
PUBLIC = ["edited", "renamed", "deleted", "created"]


@pytest.fixture
def edits(season, commit, editor):
    """Edits through the write service, committed, by name: their revisions. One of them edits
    a draft season of the same series."""
    actor = services.Actor.editor(editor, "admin")

    def write(function, **kwargs):
        commit(function, actor=actor, **kwargs)
        return Revision.objects.order_by("pk").last().pk

    draft = SeasonFactory(series=season.series, number=3, status=Season.Status.DRAFT)
    kilgrave = Credit.objects.get(season=season, character="Kilgrave")
    newcomer = CreditFactory.build(
        season=season, person=Person.objects.get(slug="krysten-ritter"), character="Herself"
    )
    return {
        "edited": write(
            services.content_save, instance=kilgrave, fields={"character": "Zebediah Kilgrave"}
        ),
        "renamed": write(
            services.content_save, instance=season.series, fields={"name": "Marvel's Jessica Jones"}
        ),
        "deleted": write(
            services.content_delete, instance=Review.objects.filter(season=season).first()
        ),
        "created": write(services.content_save, instance=newcomer),
        "draft": write(services.content_save, instance=draft, fields={"title": "Secret season"}),
    }


# What each reader shows, as {revision id: [(kind, label, verb)]} ----------------------------


def admin_view(admin_client, revision_ids):
    """The admin's revision pages: "Credit “Krysten Ritter as Jessica Jones”: changed"."""
    shown = {}
    for pk in revision_ids:
        page = get_page(admin_client, f"/admin/catalog/recent-changes/{pk}/")
        heads = [text(h) for h in page.select(".revision-entry h2")]
        shown[pk] = [split_head(head) for head in heads]
    return shown


def split_head(head):
    kind, label, verb = re.fullmatch(r"(.+?) “(.*)”(?: in .+)?: (\w+).*", head).groups()
    return kind.lower(), label, verb


def public_view(client):
    """/changes/: one list item per object, "credit Krysten Ritter as … – changed character"."""
    shown = {}
    for change in get_page(client, "/changes/").select("ol.changes > li"):
        pk = int(change["id"].removeprefix("change-"))
        shown[pk] = [
            (
                text(obj.select_one(".kind")),
                text(obj.select_one("a, .gone")),
                text(obj.select_one(".summary")).split()[0],
            )
            for obj in change.select(".changed-objects > li")
        ]
    return shown


def feed_view(client):
    """/changes/feed/: one entry per revision, its summary (HTML, as Atom declares it) the
    objects joined by "; "."""
    root = ET.fromstring(client.get("/changes/feed/").content)
    shown = {}
    for entry in root.findall(f"{ATOM}entry"):
        pk = int(entry.findtext(f"{ATOM}id").rpartition("#change-")[2])
        summary = html.unescape(entry.findtext(f"{ATOM}summary"))
        shown[pk] = [split_head(line) for line in summary.split("; ")]
    return shown


def api_view(api_client):
    """/api/v1/changes/: one entry per history row, (kind, verb) with no label."""
    shown = {}
    for entry in api_client.get("/api/v1/changes/", {"page_size": 100}).json()["results"]:
        shown.setdefault(entry["revision"], []).append((entry["kind"], entry["action"]))
    return shown


def tmdb_changes(client, path):
    today = timezone.now().date()
    window = {"start_date": str(today - timedelta(days=1)), "end_date": str(today)}
    response = client.get(f"/tmdb/3/{path}", window)
    assert response.status_code == 200, response.content
    return response.json()


# The same edits ---------------------------------------------------------------------------


def test_every_public_reader_shows_the_same_edits_and_only_the_admin_shows_the_draft(
    client, admin_client, api_client, edits
):
    public = {edits[name] for name in PUBLIC}

    assert set(admin_view(admin_client, edits.values())) == set(edits.values())
    assert set(public_view(client)) == public
    assert set(feed_view(client)) == public
    assert set(api_view(api_client)) == public
    for path in ["/changes/", "/changes/feed/", "/api/v1/changes/"]:
        assert "Secret season" not in client.get(path).content.decode(), path


def test_an_edit_has_the_same_label_and_verb_in_the_admin_the_page_and_the_feed(
    client, admin_client, edits
):
    admin = admin_view(admin_client, edits.values())
    public = public_view(client)
    feed = feed_view(client)

    for name in PUBLIC:
        pk = edits[name]
        assert public[pk] == admin[pk] == feed[pk], name
    # One verb for each kind of edit, the same words the API says.
    assert [public[edits[name]][0][2] for name in PUBLIC] == [
        "changed",
        "changed",
        "deleted",
        "created",
    ]
    assert public[edits["edited"]][0][:2] == ("credit", "David Tennant as Zebediah Kilgrave")
    assert public[edits["renamed"]][0][:2] == ("series", "Marvel's Jessica Jones")


def test_the_api_feed_says_the_same_verbs_of_the_same_kinds(client, api_client, edits):
    public = public_view(client)

    api = api_view(api_client)

    for name in PUBLIC:
        pk = edits[name]
        assert api[pk] == [(kind, verb) for kind, _label, verb in public[pk]], name
    assert {verb for entries in api.values() for _kind, verb in entries} == VERBS


def test_tmdb_lists_the_series_with_its_rename_and_the_published_seasons_edits_only(
    client, season, edits
):
    series = season.series

    listed = tmdb_changes(client, "tv/changes")
    changes = tmdb_changes(client, f"tv/{series.pk}/changes")["changes"]

    assert listed["results"] == [{"id": series.pk, "adult": False}]
    by_key = {change["key"]: change["items"] for change in changes}
    assert [(i["action"], i["original_value"], i["value"]) for i in by_key["name"]] == [
        ("updated", "Jessica Jones", "Marvel's Jessica Jones")
    ]
    # Each public edit of the season's content, by the season; nothing of the draft season.
    seasons = [(item["id"], item["value"]) for item in by_key["season"]]
    assert seasons == [
        (f"revision-{edits[name]}", {"season_id": season.pk, "season_number": 2})
        for name in ["edited", "deleted", "created"]
    ]
