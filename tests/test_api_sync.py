"""Incremental sync: timestamps and `updated_since` on lists, the changes feed and its cursor,
tombstones, the drafts rule, each object's history, and a client mirroring the API by following
the feed around edits made in the admin (over real HTTP)."""

import itertools
import threading
from datetime import timedelta, timezone
from http import HTTPStatus

import pytest
import requests
from django.db import connection, transaction
from rest_framework.authtoken.models import Token

from catalog.content import services
from catalog.models import Credit, Person, Review, Revision, Season
from tests.admin_forms import admin_url, browser_form_data
from tests.factories import CreditFactory, SeasonFactory
from tests.factories import editors_group as make_editors_group
from tests.seed import SEED_SLUG

CHANGES = "/api/v1/changes/"
RITTER = "krysten-ritter"


@pytest.fixture
def delete(commit, editor):
    def remove(instance):
        commit(
            services.content_delete, instance=instance, actor=services.Actor.editor(editor, "api")
        )

    return remove


def read_feed(client, since=None, page_size=None):
    """Every entry after `since`, following `next`; returns (entries, cursor)."""
    params = {k: v for k, v in {"since": since, "page_size": page_size}.items() if v}
    answer = client.get(CHANGES, params)
    entries = []
    while True:
        assert answer.status_code == HTTPStatus.OK, answer.content
        body = answer.json()
        entries += body["results"]
        if body["next"] is None:
            return entries, body["cursor"]
        answer = client.get(body["next"])


def about(entries):
    return [(e["kind"], e["key"], e["action"]) for e in entries]


@pytest.fixture
def editors_group(transactional_db):
    """The Editors group, for tests that commit: the flush ending an earlier transactional
    test empties what the data migration made."""
    make_editors_group()


# Timestamps and updated_since -------------------------------------------------------------


@pytest.mark.django_db
class TestTimestamps:
    @pytest.mark.parametrize(
        "path",
        [
            f"/api/v1/seasons/{SEED_SLUG}/",
            f"/api/v1/people/{RITTER}/",
            "/api/v1/credits/",
            "/api/v1/reviews/",
            "/api/v1/events/",
            "/api/v1/episodes/",
            "/api/v1/outlets/",
            "/api/v1/accolades/",
        ],
    )
    def test_every_object_shows_when_it_was_created_and_last_updated(
        self, api_client, season, path
    ):
        body = api_client.get(path).json()
        obj = body["results"][0] if "results" in body else body

        assert {"created_at", "updated_at"} <= obj.keys()

    def test_the_timestamps_are_read_only(self, editor_client, season):
        answer = editor_client.patch(
            f"/api/v1/people/{RITTER}/", {"updated_at": "2000-01-01T00:00:00Z"}
        )

        assert answer.status_code == HTTPStatus.OK
        assert not answer.json()["updated_at"].startswith("2000")
        assert Person.objects.get(slug=RITTER).updated_at.year != 2000

    def test_updated_since_lists_only_what_was_saved_at_or_after_it(self, api_client, season, save):
        ritter = save(Person.objects.get(slug=RITTER), sort_name="Ritter")
        since = ritter.updated_at.isoformat()

        answer = api_client.get("/api/v1/people/", {"updated_since": since})

        assert [p["slug"] for p in answer.json()["results"]] == [RITTER]

    def test_a_time_without_an_offset_is_utc(self, api_client, season, save):
        ritter = save(Person.objects.get(slug=RITTER), sort_name="Ritter")
        naive = ritter.updated_at.replace(tzinfo=None).isoformat()  # stored in UTC

        answer = api_client.get("/api/v1/people/", {"updated_since": naive})

        assert [p["slug"] for p in answer.json()["results"]] == [RITTER]

    def test_any_offset_iso_8601_allows_is_read(self, api_client, season, save):
        # PostgreSQL refuses offsets past ±15:59 (schemathesis found the 500 on PostgreSQL).
        ritter = save(Person.objects.get(slug=RITTER), sort_name="Ritter")
        far_west = ritter.updated_at.astimezone(timezone(-timedelta(hours=21, minutes=2)))

        answer = api_client.get("/api/v1/people/", {"updated_since": far_west.isoformat()})

        assert answer.status_code == HTTPStatus.OK
        assert [p["slug"] for p in answer.json()["results"]] == [RITTER]

    @pytest.mark.parametrize(
        "value",
        ["yesterday", "2026-13-01T00:00:00", "2026-02-30", "0001-01-01T00:00:00+05:00"],
    )
    def test_a_bad_time_is_a_400_naming_the_parameter(self, api_client, season, value):
        answer = api_client.get("/api/v1/credits/", {"updated_since": value})

        assert answer.status_code == HTTPStatus.BAD_REQUEST
        assert list(answer.json()) == ["updated_since"]

    def test_lists_order_by_updated_at(self, api_client, season, save):
        save(Person.objects.get(slug=RITTER), sort_name="Ritter")

        newest = api_client.get("/api/v1/people/", {"ordering": "-updated_at"}).json()

        assert newest["results"][0]["slug"] == RITTER


# The changes feed -------------------------------------------------------------------------


@pytest.mark.django_db
class TestChangesFeed:
    def test_an_entry_says_what_changed_by_whom_with_old_and_new_values_by_api_name(
        self, api_client, season, save, editor
    ):
        credit = Credit.objects.filter(season=season, person__slug=RITTER).first()
        other = Person.objects.exclude(pk=credit.person_id).first()
        save(credit, person=other, character="J. J.")

        entries, _cursor = read_feed(api_client)

        revision = Revision.objects.get()
        assert entries == [
            {
                "kind": "credit",
                "key": credit.pk,
                "url": f"http://testserver/api/v1/credits/{credit.pk}/",
                "action": "changed",
                "changes": {
                    "person": [RITTER, other.slug],
                    "character": ["Jessica Jones", "J. J."],
                },
                "time": revision.created_at.isoformat().replace("+00:00", "Z"),
                "author": editor.username,
                "revision": revision.pk,
            }
        ]

    def test_a_created_object_lists_its_values_and_a_deleted_one_is_a_tombstone(
        self, api_client, season, save, delete
    ):
        ritter = Person.objects.get(slug=RITTER)
        credit = save(
            Credit(season=season, person=ritter, department="crew", job="director", order=99)
        )
        key = credit.pk
        delete(credit)

        entries, _cursor = read_feed(api_client)

        created, deleted = entries
        assert (created["action"], created["key"]) == ("created", key)
        assert created["url"].endswith(f"/api/v1/credits/{key}/")
        assert created["changes"]["season"] == [None, SEED_SLUG]
        assert created["changes"]["person"] == [None, RITTER]
        assert created["changes"]["job"] == [None, "director"]
        assert (deleted["kind"], deleted["key"], deleted["action"]) == ("credit", key, "deleted")
        assert deleted["url"] is None
        assert deleted["changes"]["job"] == ["director", None]

    def test_a_cursor_resumes_after_what_was_read_and_repeats_nothing(
        self, api_client, season, save
    ):
        people = list(Person.objects.published().order_by("pk")[:5])
        for person in people[:3]:
            save(person, sort_name=f"First {person.pk}")
        first, cursor = read_feed(api_client, page_size=2)  # two pages and one more
        for person in people[2:]:
            save(person, sort_name=f"Second {person.pk}")

        second, again = read_feed(api_client, since=cursor)
        nothing, same = read_feed(api_client, since=again)

        assert about(first) == [("person", p.slug, "changed") for p in people[:3]]
        assert about(second) == [("person", p.slug, "changed") for p in people[2:]]
        assert nothing == []
        assert same == again

    def test_the_entries_of_one_revision_come_together_in_order(
        self, api_client, season, editor, django_capture_on_commit_callbacks
    ):
        actor = services.Actor.editor(editor, "api")
        credits = list(Credit.objects.filter(season=season).order_by("pk")[:3])
        with (
            django_capture_on_commit_callbacks(execute=True),
            transaction.atomic(),
            services.revisions.recording(actor),
        ):
            for credit in reversed(credits):
                services.content_save(instance=credit, fields={"note": "x"}, actor=actor)

        entries, _cursor = read_feed(api_client, page_size=1)

        assert [e["key"] for e in entries] == [c.pk for c in reversed(credits)]
        assert {e["revision"] for e in entries} == {Revision.objects.get().pk}

    def test_a_draft_seasons_changes_are_not_in_the_feed(
        self, api_client, editor_client, season, save
    ):
        draft = SeasonFactory(status=Season.Status.DRAFT)
        credit = CreditFactory(season=draft, person=Person.objects.get(slug=RITTER))
        save(draft, title="Still secret")
        save(credit, character="Secret character")

        for client in (api_client, editor_client):
            entries, _cursor = read_feed(client)
            assert entries == []

    def test_a_season_deleted_while_published_leaves_a_tombstone(self, api_client, season, delete):
        delete(Review.objects.filter(season=season).first())  # a published season's content
        delete(season)

        entries, _cursor = read_feed(api_client)

        assert ("season", SEED_SLUG, "deleted") in about(entries)
        assert entries[-1]["kind"] == "season"

    def test_a_season_set_back_to_draft_is_a_tombstone_saying_only_that(
        self, api_client, season, save
    ):
        save(season, status=Season.Status.DRAFT, title="A secret new title")

        entries, cursor = read_feed(api_client)

        assert entries[-1] | {"time": None, "revision": None} == {
            "kind": "season",
            "key": SEED_SLUG,
            "url": None,
            "action": "deleted",
            "changes": {"status": ["published", "draft"]},
            "time": None,
            "author": "editor",
            "revision": None,
        }
        assert "A secret new title" not in str(entries)

        save(season, status=Season.Status.PUBLISHED)
        again, _cursor = read_feed(api_client, since=cursor)

        assert about(again) == [("season", SEED_SLUG, "changed")]
        assert again[0]["changes"] == {"status": ["draft", "published"]}

    @pytest.mark.parametrize(
        "since", ["abc", "1.2", "-1.0.0", "1.9.0", "1.10.0", "1.0.0.0", "9" * 30 + ".0.0"]
    )
    def test_a_bad_cursor_is_a_400(self, api_client, season, since):
        answer = api_client.get(CHANGES, {"since": since})

        assert answer.status_code == HTTPStatus.BAD_REQUEST
        assert list(answer.json()) == ["since"]

    @pytest.mark.parametrize("page_size", ["0", "501", "x"])
    def test_a_bad_page_size_is_a_400(self, api_client, season, page_size):
        answer = api_client.get(CHANGES, {"page_size": page_size})

        assert answer.status_code == HTTPStatus.BAD_REQUEST
        assert list(answer.json()) == ["page_size"]

    def test_a_page_costs_the_same_queries_whatever_the_history(
        self, api_client, season, save, delete, settings, django_assert_max_num_queries
    ):
        settings.PAGE_CACHE = False
        credits = list(Credit.objects.filter(season=season).order_by("pk"))
        reviews = list(Review.objects.filter(season=season).order_by("pk"))

        def edits(n):  # of each kind: changed fields, a changed relation, a tombstone
            for credit, other in itertools.pairwise(credits[: n + 1]):
                save(credit, note="edited", person=other.person)
                save(credit.person, sort_name=f"{credit.person.name} again")
            for review in reviews[:n]:
                delete(review)

        edits(1)
        with django_assert_max_num_queries(30) as one_of_each:
            small = api_client.get(CHANGES)
        del credits[:1], reviews[:1]
        edits(12)

        with django_assert_max_num_queries(len(one_of_each.captured_queries)):
            large = api_client.get(CHANGES)

        assert len(small.json()["results"]) == 3
        assert len(large.json()["results"]) > 10 * 3  # some edits change nothing


# Commit order -----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite runs one writer at a time: no overlap"
)
def test_a_revision_committing_after_a_later_one_is_not_passed_by_the_cursor(
    seed_content, editors_group, editor, api_client
):
    """Writer A takes its position, then is slow to commit; writer B writes meanwhile. B
    waits for A's commit to take its position, so a client reading meanwhile sees neither,
    and its cursor cannot pass A's entry."""
    actor = services.Actor.editor(editor, "api")
    first, second = Person.objects.published().order_by("pk")[:2]
    a_wrote, a_may_commit = threading.Event(), threading.Event()

    def writer_a():
        try:
            with transaction.atomic():
                with services.revisions.recording(actor):
                    services.content_save(instance=first, fields={"sort_name": "A"}, actor=actor)
                # Its position is taken; the commit is still to come.
                a_wrote.set()
                a_may_commit.wait(10)
        finally:
            connection.close()

    def writer_b():
        try:
            services.content_save(instance=second, fields={"sort_name": "B"}, actor=actor)
        finally:
            connection.close()

    a = threading.Thread(target=writer_a)
    a.start()
    assert a_wrote.wait(10)
    b = threading.Thread(target=writer_b)
    b.start()
    b.join(1)
    assert b.is_alive()  # B has written and waits to take its position until A commits

    during, cursor = read_feed(api_client)
    a_may_commit.set()
    a.join(10)
    b.join(10)
    after, _cursor = read_feed(api_client, since=cursor)

    assert during == []
    assert about(after) == [("person", first.slug, "changed"), ("person", second.slug, "changed")]
    a_revision, b_revision = (e["revision"] for e in after)
    assert a_revision < b_revision  # A started first, and its position is first too


# One object's history ---------------------------------------------------------------------


@pytest.mark.django_db
class TestHistory:
    @pytest.mark.parametrize(
        ("model", "path"),
        [
            (Season, "seasons/{obj.slug}"),
            (Person, "people/{obj.slug}"),
            (Credit, "credits/{obj.pk}"),
            (Review, "reviews/{obj.pk}"),
        ],
    )
    def test_an_objects_history_lists_its_revisions_newest_first(
        self, api_client, season, save, model, path
    ):
        obj = model.objects.published().order_by("pk").first()
        save(obj, version=obj.version)  # nothing changed: no revision
        field = {Season: "network", Person: "sort_name", Credit: "note", Review: "scope"}[model]
        save(obj, **{field: "First"})
        save(obj, **{field: "Second"})

        body = api_client.get(f"/api/v1/{path.format(obj=obj)}/history/").json()

        api_field = field
        assert body["count"] == 2
        assert [e["changes"][api_field][1] for e in body["results"]] == ["Second", "First"]
        assert all(e["action"] == "changed" for e in body["results"])

    def test_history_pages_like_lists(self, api_client, season, save):
        ritter = Person.objects.get(slug=RITTER)
        for n in range(3):
            save(ritter, sort_name=f"Ritter {n}")

        body = api_client.get(f"/api/v1/people/{RITTER}/history/", {"page_size": 2}).json()

        assert body["count"] == 3
        assert len(body["results"]) == 2
        assert body["next"]

    def test_a_drafts_history_is_for_editors_only(self, api_client, editor_client, save):
        draft = SeasonFactory(status=Season.Status.DRAFT)
        save(draft, title="Secret title")
        path = f"/api/v1/seasons/{draft.slug}/history/"

        assert api_client.get(path).status_code == HTTPStatus.NOT_FOUND
        answer = editor_client.get(path)
        assert answer.status_code == HTTPStatus.OK
        assert answer.json()["results"][0]["changes"]["title"][1] == "Secret title"

    def test_the_history_of_nothing_is_a_404(self, api_client, season):
        assert api_client.get("/api/v1/people/nobody/history/").status_code == 404


# A client mirroring the API ----------------------------------------------------------------
#
# The client below is what the README's "Sync" section tells a client to do: load the lists,
# then follow the feed from the cursor it held before loading; apply each entry (fetch the
# object for created and changed, drop it for a tombstone, and with a season its content);
# after a rename refresh what names the renamed; keep the people and outlets its content
# names (they are listed while published work names them).

RESOURCES = {
    "season": "seasons",
    "person": "people",
    "outlet": "outlets",
    "episode": "episodes",
    "credit": "credits",
    "review": "reviews",
    "event": "events",
    "accolade": "accolades",
}
KEYS = {"season": "slug", "person": "slug"}  # the others by id


def api_content(session, base, kinds=RESOURCES):
    """What the list endpoints return: {kind: {key: object}}."""
    content = {}
    for kind in kinds:
        resource = RESOURCES[kind]
        content[kind] = {}
        url = f"{base}/api/v1/{resource}/?page_size=100"
        while url:
            answer = session.get(url)
            assert answer.status_code == HTTPStatus.OK, answer.text
            for obj in answer.json()["results"]:
                content[kind][obj[KEYS.get(kind, "id")]] = obj
            url = answer.json()["next"]
    return content


def mentions(value, words):
    """Whether a representation names one of `words` (a slug or a name) anywhere."""
    if isinstance(value, dict):
        return any(mentions(v, words) for v in value.values())
    if isinstance(value, list):
        return any(mentions(v, words) for v in value)
    return isinstance(value, str) and value in words


def names_in(value):
    """The slugs or names a relation field holds: "x", {slug, name} or a list of them."""
    values = value if isinstance(value, list) else [value]
    found = set()
    for item in values:
        if isinstance(item, dict):
            found |= {item.get("slug"), item.get("name")}
        elif item:
            found.add(item)
    return found


def differences(mirror, content):
    """What differs, readably: [(kind, key, field, mirror's value, the API's)]."""
    found = []
    for kind in RESOURCES:
        for key in mirror[kind].keys() | content[kind].keys():
            ours, theirs = mirror[kind].get(key) or {}, content[kind].get(key) or {}
            for field in ours.keys() | theirs.keys():
                if ours.get(field) != theirs.get(field):
                    found.append((kind, key, field, ours.get(field), theirs.get(field)))
    return found


class Mirror:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.objects = {kind: {} for kind in RESOURCES}
        self.cursor = None
        self.applied = []  # every entry applied, across runs

    def get(self, url):
        answer = self.session.get(url)
        assert answer.status_code in (HTTPStatus.OK, HTTPStatus.NOT_FOUND), answer.text
        return answer.json() if answer.status_code == HTTPStatus.OK else None

    def bootstrap(self):
        """The feed's end first, then the lists: what changes meanwhile is in the feed."""
        self.sync(apply=False)
        self.objects = api_content(self.session, self.base)

    def sync(self, apply=True):
        """One run of the loop: follow `next` from the cursor until it is null."""
        url = f"{self.base}{CHANGES}" + (f"?since={self.cursor}" if self.cursor else "")
        while url:
            page = self.get(url)
            for entry in page["results"]:
                if apply:
                    self.apply(entry)
            self.cursor = page["cursor"]
            url = page["next"]
        if apply:
            self.keep_named()

    def apply(self, entry):
        self.applied.append((entry["revision"], entry["kind"], entry["key"], entry["action"]))
        kind, key, changes = entry["kind"], entry["key"], entry["changes"]
        store = self.objects.get(kind)
        if store is None:  # a kind without its own list here (a series): only its names
            self.refresh_naming(entry)
            return
        if "slug" in changes and changes["slug"][0] is not None:
            store.pop(changes["slug"][0], None)  # it moved to its new key
        if entry["action"] == "deleted":
            store.pop(key, None)
            if kind == "season":  # its content went with it
                for objects in self.objects.values():
                    for k, obj in list(objects.items()):
                        if obj.get("season") == key:
                            del objects[k]
        else:
            obj = self.get(entry["url"])
            if obj is None:  # deleted or renamed since: a later entry says so
                store.pop(key, None)
            else:
                store[key] = obj
            if kind == "season" and changes.get("status", [None])[-1] == "published":
                self.load_season(key)  # (again) in sight: its content, entries of before too
        self.refresh_naming(entry)

    def load_season(self, slug):
        for kind in ("episode", "credit", "review", "event", "accolade"):
            url = f"{self.base}/api/v1/{RESOURCES[kind]}/?season={slug}&page_size=100"
            while url:
                page = self.get(url)
                self.objects[kind] |= {obj["id"]: obj for obj in page["results"]}
                url = page["next"]
        # And whom it names: the people and outlets lists, anew.
        self.objects |= api_content(self.session, self.base, ["person", "outlet"])

    def refresh_naming(self, entry):
        """A person, outlet or series renamed: what shows its old name or slug reads anew."""
        changes = entry["changes"]
        if entry["action"] != "changed" or not {"name", "slug"} & changes.keys():
            return
        old = {changes[field][0] for field in ("name", "slug") if field in changes}
        for kind, objects in self.objects.items():
            for key, obj in list(objects.items()):
                if kind != entry["kind"] and mentions(obj, old):
                    objects[key] = self.get(obj["url"])

    def keep_named(self):
        """People and outlets are listed while published content names them."""
        named = set()
        for kind, field in [
            ("credit", "person"),
            ("review", "critic"),
            ("review", "outlet"),
            ("event", "people"),
            ("accolade", "nominee"),
        ]:
            for obj in self.objects[kind].values():
                named |= names_in(obj[field])
        for kind in ("person", "outlet"):
            store = self.objects[kind]
            for key, obj in list(store.items()):
                if not {obj["slug"], obj["name"]} & named:
                    del store[key]
        for credit in self.objects["credit"].values():  # someone named for the first time
            person = credit["person"]
            slug = person["slug"] if isinstance(person, dict) else person
            if slug not in self.objects["person"]:
                self.objects["person"][slug] = self.get(f"{self.base}/api/v1/people/{slug}/")


def admin_save(client, model, pk, **changes):
    url = admin_url(model, "change", pk)
    data = browser_form_data(client.get(url))
    data.update(changes)
    answer = client.post(url, data)
    assert answer.status_code == HTTPStatus.FOUND, answer.content[:500]


def admin_add(client, model, **values):
    url = admin_url(model, "add")
    data = browser_form_data(client.get(url))
    data.update(values)
    answer = client.post(url, data)
    assert answer.status_code == HTTPStatus.FOUND, answer.content[:500]


def admin_add_credit(client, season, person, *, billing="", **values):
    """Add `person`'s credit on `season` in the admin (a crew credit has no billing)."""
    admin_add(
        client, Credit, season=str(season.pk), person=str(person.pk), billing=billing, **values
    )


def admin_delete(client, model, pk):
    url = admin_url(model, "delete", pk)
    data = browser_form_data(client.get(url), form_selector="#content form", submit=None)
    answer = client.post(url, data)
    assert answer.status_code == HTTPStatus.FOUND, answer.content[:500]


def test_a_mirror_following_the_feed_around_admin_edits_equals_the_api(
    site, client, editors_group, editor
):
    client.force_login(editor)
    mirror = Mirror(site)
    mirror.bootstrap()
    mirror.sync()
    found = differences(mirror.objects, api_content(mirror.session, site))
    assert found == [], "\n".join(map(str, found))
    season = Season.objects.get(slug=SEED_SLUG)
    credits = Credit.objects.filter(season=season).order_by("pk")

    # Batch 1: a rename, a rename with a new slug, changed fields, an addition, a deletion.
    ritter = Person.objects.get(slug=RITTER)
    admin_save(client, Person, ritter.pk, name="Krysten A. Ritter")
    renamed = credits.exclude(person=ritter).first().person
    admin_save(client, Person, renamed.pk, name=f"{renamed.name} Jr.", slug=f"{renamed.slug}-jr")
    admin_save(client, Credit, credits[3].pk, character="Someone else")
    admin_save(client, Season, season.pk, network="Netflix (worldwide)")
    admin_add_credit(client, season, ritter, department="crew", job="director", order="500")
    admin_delete(client, Review, Review.objects.filter(season=season).first().pk)

    mirror.sync()

    found = differences(mirror.objects, api_content(mirror.session, site))
    assert found == [], "\n".join(map(str, found))
    assert mirror.objects["person"][f"{renamed.slug}-jr"]["name"] == f"{renamed.name} Jr."

    # Batch 2: a new person with a credit, the last credit of someone, a second rename, and
    # an edit through the API among them.
    admin_add(client, Person, name="Ada Newcomer", slug="ada-newcomer", sort_name="Newcomer")
    ada = Person.objects.get(slug="ada-newcomer")
    token = Token.objects.create(user=editor).key
    answer = requests.patch(
        f"{site}/api/v1/credits/{credits[5].pk}/",
        json={"character": "Through the API"},
        headers={"Authorization": f"Token {token}"},
        timeout=10,
    )
    assert answer.status_code == HTTPStatus.OK, answer.text
    admin_add_credit(
        client, season, ada, department="cast", billing="guest", character="A newcomer", order="600"
    )
    lonely = next(
        c
        for c in credits.select_related("person")
        if c.person.credits.count() == 1
        and not c.person.events.exists()
        and c.person.pk not in (ada.pk, renamed.pk)
    )
    admin_delete(client, Credit, lonely.pk)
    admin_save(client, Person, ritter.pk, name="Krysten Ritter")
    admin_delete(client, Credit, credits.filter(person=ritter, job="director").get().pk)

    mirror.sync()

    content = api_content(mirror.session, site)
    assert differences(mirror.objects, content) == []
    assert "ada-newcomer" in content["person"]
    assert lonely.person.slug not in content["person"]
    # Never an entry twice, and every entry there is: the runs read what one read gives.
    everything = Mirror(site)
    everything.sync()
    assert mirror.applied == everything.applied, set(mirror.applied) ^ set(everything.applied)

    # Batch 3: the season set back to draft (with a title not for the public), then published.
    admin_save(client, Season, season.pk, status="draft", title="Not for the public yet")

    mirror.sync()

    assert differences(mirror.objects, api_content(mirror.session, site)) == []
    assert mirror.objects["season"] == {}
    admin_save(client, Season, season.pk, status="published", title="Jessica Jones (season 2)")

    mirror.sync()

    content = api_content(mirror.session, site)
    assert differences(mirror.objects, content) == []
    assert content["credit"]
    assert len(set(mirror.applied)) == len(mirror.applied)
