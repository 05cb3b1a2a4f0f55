"""The revisions as visitors read them: /changes/, its Atom feed and the home page's list.

A revision is listed when it wrote at least one public row (catalog.history.visibility), and
shows only those; never its comment, which may speak of drafts. A row is labelled with its own
values (the object as that write left it, catalog.history.labels); its link goes to where the
object shows now, and a deleted object is named but not linked.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import Truncator

from catalog.history import labels, visibility
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Outlet,
    Person,
    Reference,
    Review,
    Season,
    Section,
    Series,
)

CHANGES_PER_PAGE = 50


@dataclass(frozen=True)
class ChangedObject:
    kind: str  # the model's name: "section", "credit", "infobox field"
    label: str
    url: str  # where it shows on the site; blank once it is deleted
    summary: str  # "created", "deleted", "changed body, title"
    season: Season | None  # the published season it belongs to, for season content


@dataclass(frozen=True)
class Change:
    """One revision as visitors see it."""

    pk: int
    when: datetime
    who: str  # a username, never an email; "importer" for imports
    objects: tuple  # ChangedObject, in the order they were written

    SHOWN = 10  # a whole import is hundreds of objects: pages list the first few

    @property
    def shown(self):
        return self.objects[: self.SHOWN]

    @property
    def more(self):
        return max(len(self.objects) - self.SHOWN, 0)


# Where a public row's object shows: (url, the season it belongs to) ---------------------------


def _season_path(slug):
    return reverse("catalog:season-detail", args=[slug]) if slug else ""


def _in_season(row, fragment=""):
    """A link into the row's season article (none once the object is gone), and the season."""
    if not row.live:
        return "", row.season
    return row.season.get_absolute_url() + (f"#{fragment}" if fragment else ""), row.season


def _credit(row):
    url = row.person.get_absolute_url() if row.live and row.person else ""
    return url, row.season


def _event(row):
    url = row.season.get_timeline_url() + f"#year-{row.date.year}" if row.live else ""
    return url, row.season


def _outlet(row):
    return f"{reverse('catalog:search')}?{urlencode({'q': row.live})}", None


LINKS = {
    Season: lambda row: (_season_path(row.live), None),
    Series: lambda row: (_season_path(row.live), None),
    Section: lambda row: _in_season(row, row.live),
    InfoboxField: _in_season,
    Episode: _in_season,
    Credit: _credit,
    Review: _in_season,
    Event: _event,
    Accolade: _in_season,
    Reference: lambda row: _in_season(row, f"cite-note-{row.number}"),
    Person: lambda row: (reverse("catalog:person-detail", args=[row.live]), None),
    Outlet: _outlet,
}

# The people and outlets a row's label names, joined to the public rows (see visibility).
JOINED = {
    Credit: lambda row: [row.person],
    Review: lambda row: [row.critic, row.outlet],
}


def changed_object(model, row):
    joined = JOINED.get(model, lambda row: [])(row)
    label = labels.row_label(model, row, labels.Names.for_visitors(joined))
    url, season = LINKS[model](row)
    return ChangedObject(
        kind=str(model._meta.verbose_name),
        label=Truncator(" ".join(label.split())).words(14),
        url=url,
        summary=labels.summary(model, row),
        season=season,
    )


def recent_changes(revisions):
    """`revisions` (a slice of visibility.public_revisions()) as `Change`s, newest first: one
    query for the revisions, then one per model whose public rows they wrote, whatever the
    number of rows."""
    revisions = list(revisions)
    written = defaultdict(list)
    for order, model in enumerate(visibility.PUBLIC_ROWS):
        flag = visibility.flag(model)
        pks = [revision.pk for revision in revisions if getattr(revision, flag)]
        if not pks:
            continue
        for row in visibility.public_rows(model).filter(revision__in=pks).order_by():
            key = (row.history_date, order, row.history_id)
            written[row.revision_id].append((key, changed_object(model, row)))
    return [
        Change(
            pk=revision.pk,
            when=revision.created_at,
            who=labels.public_author(revision),
            objects=tuple(obj for _, obj in sorted(written[revision.pk], key=lambda w: w[0])),
        )
        for revision in revisions
    ]
