"""Incremental sync: the changes feed (/api/v1/changes/) and one object's history, read from the
revisions' history rows (catalog.history.revisions, catalog.history) as API clients name things.

An entry is one history row: which object (its kind, its key as the API looks it up, its API
address), what happened to it (created, changed, deleted), its changed fields by API name with
old and new values (relations by their key: a slug, an episode's number), and the revision
(its id, time and editor). A deletion is a tombstone: the key, no address. A season set back
from published to draft is one too, its changes only its status (see
visibility.withdrawals).

The feed lists the rows visitors may see, by the rule of the public Recent changes page
(catalog.history.visibility: content of published seasons, the people and outlets their
work names), in feed order: by the revision's position, then by kind, then as written.

Positions (Revision.position) are handed out in commit order (revisions.take_position), and a
page reads only up to the last position committed when it starts: a cursor therefore never
passes a revision that commits later, so a client following the cursor neither misses nor
repeats an entry. Content loaded from the fixtures has no revision until its first edit: a
new client loads the lists first (see the README), then follows the feed.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max, Q
from django.urls import NoReverseMatch, reverse

from catalog.history import fields, labels, visibility
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    FeedCounter,
    Outlet,
    Person,
    Review,
    Revision,
    Season,
    Series,
)


@dataclass(frozen=True)
class Kind:
    """A content model as the API names it: its kind, the field its key is, its detail view."""

    model: type
    name: str
    key: str  # "slug" or "id"
    view_name: str

    def url(self, key):
        lookup = "slug" if self.key == "slug" else "pk"
        try:
            return reverse(self.view_name, kwargs={lookup: key})
        except NoReverseMatch:  # a kind without its own API address (yet)
            return None


# In feed order within a revision: what others point to first.
KINDS = [
    Kind(Series, "series", "slug", "api:series-detail"),
    Kind(Season, "season", "slug", "api:season-detail"),
    Kind(Person, "person", "slug", "api:person-detail"),
    Kind(Outlet, "outlet", "id", "api:outlet-detail"),
    Kind(Episode, "episode", "id", "api:episode-detail"),
    Kind(Credit, "credit", "id", "api:credit-detail"),
    Kind(Review, "review", "id", "api:review-detail"),
    Kind(Event, "event", "id", "api:event-detail"),
    Kind(Accolade, "accolade", "id", "api:accolade-detail"),
]
KIND_OF = {kind.model: kind for kind in KINDS}
# How a relation's value is shown in `changes`: the related object's key in the API.
RELATED_KEYS = {Season: "slug", Person: "slug", Outlet: "slug", Series: "slug", Episode: "number"}


# Cursors ----------------------------------------------------------------------------------


class BadCursor(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Cursor:
    """Just after the entry at (revision position, kind's index, history row id)."""

    position: int = 0
    kind: int = 0
    row: int = 0

    PATTERN = re.compile(rf"^(\d{{1,18}})\.([0-{len(KINDS) - 1}])\.(\d{{1,18}})$")

    def __str__(self):
        return f"{self.position}.{self.kind}.{self.row}"

    @classmethod
    def parse(cls, text):
        match = cls.PATTERN.fullmatch(text or "")
        if match is None:
            raise BadCursor("Not a cursor: send back the `cursor` of an earlier answer.")
        return cls(*map(int, match.groups()))

    def rows_after(self, index):
        """A Q on kind `index`'s history rows: those after this cursor."""
        later = Q(revision__position__gt=self.position)
        if index > self.kind:
            return later | Q(revision__position=self.position)
        if index == self.kind:
            return later | Q(revision__position=self.position, history_id__gt=self.row)
        return later


BEGINNING = Cursor()


def last_committed_position():
    """The highest position whose revision has committed (every lower one has too)."""
    value = FeedCounter.objects.filter(pk=1).values_list("value", flat=True).first()
    if value is None:  # no counter row (a test's flushed tables): the revisions say
        value = Revision.objects.aggregate(last=Max("position"))["last"] or 0
    return value


# The feed ---------------------------------------------------------------------------------


@dataclass
class FeedPage:
    entries: list
    cursor: Cursor  # resume from here
    more: bool  # entries after `cursor` were already there


def feed_page(since=BEGINNING, limit=100):
    """Up to `limit` public entries after `since`, oldest first. Queries: the counter, one per
    kind, and one per kind of related object the changes name (see Keys), whatever the data."""
    until = last_committed_position()
    found = []
    for index, kind in enumerate(KINDS):
        sources = [visibility.public_rows(kind.model)]
        if kind.model is Season:
            sources.append(visibility.withdrawals())
        for source in sources:
            rows = (
                source.filter(since.rows_after(index), revision__position__lte=until)
                .select_related("revision__user")
                .order_by("revision__position", "history_id")[: limit + 1]
            )
            found += [(Cursor(row.revision.position, index, row.history_id), row) for row in rows]
    found.sort(key=lambda pair: pair[0])
    page = found[:limit]
    cursor = page[-1][0] if page else since
    return FeedPage(entries(row for _cursor, row in page), cursor, len(found) > limit)


def object_rows(instance):
    """One object's history rows that belong to a revision, newest first (a queryset)."""
    return (
        type(instance)
        .history.filter(id=instance.pk, revision__isnull=False)
        .select_related("revision__user")
        .order_by("-history_id")
    )


# Entries ----------------------------------------------------------------------------------


def entries(rows):
    """The API's entries for history rows, in their order."""
    rows = list(rows)
    changes = [(row, _changes(row)) for row in rows]
    keys = Keys(changes)
    return [entry(row, keys.api_changes(row.instance_type, pairs)) for row, pairs in changes]


def entry(row, changes):
    kind = KIND_OF[row.instance_type]
    key = getattr(row, kind.key)
    action = "deleted" if getattr(row, "withdrawn", False) else labels.ACTIONS[row.history_type]
    revision = row.revision
    return {
        "kind": kind.name,
        "key": key,
        "url": None if action == "deleted" else kind.url(key),
        "action": action,
        "changes": changes,
        "time": revision.created_at,
        "author": labels.public_author(revision),
        "revision": revision.pk,
    }


def _changes(row):
    """{attname: (old, new)}: what a change changed; every value of a created or deleted
    object (as the admin's revision page shows them). A withdrawal says only that: what else
    the row changed belongs to the draft."""
    if getattr(row, "withdrawn", False):
        return {"status": tuple(row.changes["status"])}
    if row.history_type == "~":
        return {name: tuple(pair) for name, pair in row.changes.items()}
    return fields.snapshot_pairs(row.instance_type, row)


class Keys:
    """The API keys of the objects that changes' relations point to, fetched at once: one
    query per related model (and one more for any deleted since, from its history)."""

    def __init__(self, changes):
        wanted = defaultdict(set)
        for row, pairs in changes:
            for name, pair in pairs.items():
                model_field = fields.field_of(row.instance_type, name)
                if model_field is not None and model_field.is_relation:
                    for value in pair:
                        wanted[model_field.related_model].update(
                            value if isinstance(value, list) else [value]
                        )
        self.keys = {}
        for model, pks in wanted.items():
            pks.discard(None)
            field = RELATED_KEYS.get(model)
            if field is None or not pks:
                continue
            for pk, key in model._base_manager.filter(pk__in=pks).values_list("pk", field):
                self.keys[model, pk] = key
            gone = {pk for pk in pks if (model, pk) not in self.keys}
            if gone:
                rows = model.history.filter(id__in=gone).order_by("id", "-history_id")
                for pk, key in rows.values_list("id", field):
                    self.keys.setdefault((model, pk), key)

    def key(self, model, pk):
        if pk is None:
            return None
        return self.keys.get((model, pk), pk)

    def api_changes(self, model, pairs):
        """{API field name: [old, new]}, relations by their key, in the model's field order."""
        result = {}
        for name in fields.ordered(model, pairs):
            old, new = pairs[name]
            model_field = fields.field_of(model, name)
            if model_field is not None and model_field.is_relation:
                related = model_field.related_model
                if model_field.many_to_many:
                    old = [self.key(related, pk) for pk in old or []]
                    new = [self.key(related, pk) for pk in new or []]
                else:
                    old, new = self.key(related, old), self.key(related, new)
                name = model_field.name
            result[name] = [old, new]
        return result
