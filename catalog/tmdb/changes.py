"""TMDb's change lists, read from the revisions: the series changed in a window (`tv/changes`)
and one series' changes (`tv/{id}/changes`, also appended to `tv/{id}`).
"""

from datetime import UTC

from django.db.models import Q

from catalog.content.selectors import published_series
from catalog.history import visibility
from catalog.history.labels import TMDB_ACTIONS
from catalog.models import Revision, Season, Series
from catalog.tmdb.errors import tmdb_view
from catalog.tmdb.params import CHANGES_PER_PAGE, found, page_number, paged, window


def revisions_between(start, end):
    return Revision.objects.filter(created_at__gte=start, created_at__lt=end)


@tmdb_view
def tv_changes(request):
    """The series whose published content a revision in the window wrote."""
    page = page_number(request)
    start, end = window(request)
    revisions = revisions_between(start, end)
    changed = published_series().filter(
        Q(pk__in=visibility.public_rows(Series).filter(revision__in=revisions).values("id"))
        | Q(
            pk__in=Season.objects.published()
            .filter(pk__in=revisions.values("season"))
            .values("series")
        )
        | Q(pk__in=visibility.season_rows_shown_then(revisions).values("series_id"))
    )
    total = changed.count()
    first = (page - 1) * CHANGES_PER_PAGE
    ids = changed.order_by("pk").values_list("pk", flat=True)[first : first + CHANGES_PER_PAGE]
    results = [{"id": pk, "adult": False} for pk in ids]
    return paged(page, total, results, per_page=CHANGES_PER_PAGE)


SERIES_FIELDS = {"name": "name"}  # the series' fields TMDb has, by TMDb's key


def _item(item_id, action, revision, value, original=None):
    item = {
        "id": item_id,
        "action": action,
        "time": revision.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "iso_639_1": "",
        "iso_3166_1": "",
        "value": value,
    }
    if action == "updated" and original is not None:
        item["original_value"] = original
    return item


def tv_changes_of(request, series):
    """TMDb's changes of one series: its name, and its seasons added, changed (the season or
    anything in it) or deleted, oldest first."""
    start, end = window(request)
    revisions = revisions_between(start, end)
    items = []  # (time, history order, key, item)
    series_rows = visibility.public_rows(Series).filter(id=series.pk, revision__in=revisions)
    for row in series_rows.select_related("revision"):
        for field, key in SERIES_FIELDS.items():
            if row.history_type == "+":
                item = _item(f"series-{row.history_id}", "added", row.revision, row.name)
            elif field in row.changes:
                old, new = row.changes[field]
                item = _item(f"series-{row.history_id}", "updated", row.revision, new, old)
            else:
                continue
            items.append((row.revision.created_at, row.revision_id, key, item))
    seen = set()
    season_rows = visibility.season_rows_shown_then(revisions).filter(series_id=series.pk)
    for row in season_rows.select_related("revision"):
        seen.add((row.revision_id, row.id))
        # Publishing a season adds it to the series, withdrawing it deletes it.
        shown_as = visibility.season_shown_as(row)
        if shown_as:
            action = TMDB_ACTIONS[shown_as]
            value = {"season_id": row.id, "season_number": row.number}
            item = _item(f"season-{row.history_id}", action, row.revision, value)
            items.append((row.revision.created_at, row.revision_id, "season", item))
    # Revisions of what is in a published season (its episodes, credits ...), by the season.
    within = revisions.filter(season__in=Season.objects.published().filter(series=series))
    for revision in within.select_related("season"):
        if (revision.pk, revision.season_id) not in seen:
            value = {"season_id": revision.season_id, "season_number": revision.season.number}
            item = _item(f"revision-{revision.pk}", "updated", revision, value)
            items.append((revision.created_at, revision.pk, "season", item))
    grouped = {}
    for _, _, key, item in sorted(items, key=lambda entry: entry[:2]):
        grouped.setdefault(key, []).append(item)
    return {"changes": [{"key": key, "items": key_items} for key, key_items in grouped.items()]}


@tmdb_view
def tv_series_changes(request, tv_id):
    return tv_changes_of(request, found(published_series(), pk=tv_id))
