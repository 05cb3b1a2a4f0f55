"""The TMDb-compatible read endpoints (urls.py lists them). Each reads a fixed number of
queries whatever the amount of content, answers TMDb's JSON, and names what it shows for the
answer cache (catalog.caching), so that an edit shows on the next request.

Errors are TMDb's body, `{"success": false, "status_code": N, "status_message": ...}`:
34 (404) for anything not found or not published, 22 (400) for a bad page, 5 (400) for any
other bad parameter, 2 (405) for a method other than GET. `api_key` and `language` are
accepted and ignored (reads are public; the wiki is in English).
"""

import math
import re
from datetime import UTC, datetime, time, timedelta
from functools import wraps
from http import HTTPStatus

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from catalog.caching import CHANGES, about, keys_of, shows, tag
from catalog.models import Credit, Person, Revision, Season, Series
from catalog.models.base import PUBLISHED, published_q, surrogate_key
from catalog.search import clean_query, ranked
from catalog.tmdb import shapes

PER_PAGE = 20  # TMDb's search pages
CHANGES_PER_PAGE = 100  # TMDb's change lists
MAX_PAGE = 500  # TMDb refuses pages past 500
MAX_ID = 2**63 - 1  # the largest id the database holds; a larger one names nothing
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class TmdbError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def response(self):
        body = {"success": False, "status_code": self.code, "status_message": self.message}
        return JsonResponse(body, status=self.status)


NOT_FOUND = TmdbError(HTTPStatus.NOT_FOUND, 34, "The resource you requested could not be found.")
BAD_PAGE = TmdbError(
    HTTPStatus.BAD_REQUEST,
    22,
    "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.",
)
BAD_METHOD = TmdbError(
    HTTPStatus.METHOD_NOT_ALLOWED, 2, "Invalid service: this service does not exist."
)


def bad_parameter(detail):
    return TmdbError(
        HTTPStatus.BAD_REQUEST,
        5,
        f"Invalid parameters: Your request parameters are incorrect. {detail}",
    )


def tmdb_view(view):
    """A read answering TMDb's JSON: the view returns the body, or raises TmdbError."""

    @csrf_exempt  # read-only: any other method is refused below, with TMDb's body
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            if request.method not in ("GET", "HEAD"):
                raise BAD_METHOD
            response = JsonResponse(view(request, *args, **kwargs))
            if getattr(request, "moving_window", False):
                # Changes "in the last 24 hours" change with the clock, not only with edits.
                response["Cache-Control"] = "no-cache"
            return response
        except Http404:
            return NOT_FOUND.response()
        except TmdbError as error:
            response = error.response()
            if error is BAD_METHOD:
                response["Allow"] = "GET, HEAD"
            return response

    return wrapped


# Parameters ----------------------------------------------------------------------------------


def found(queryset, **lookup):
    """The one object of `queryset` matching `lookup` (integers from the path), or TMDb's 404."""
    if any(value > MAX_ID for value in lookup.values()):
        raise NOT_FOUND
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise NOT_FOUND
    return obj


def page_number(request):
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
        raise BAD_PAGE
    return int(raw)


def paged(page, total, results, per_page=PER_PAGE):
    return {
        "page": page,
        "results": results,
        "total_pages": max(1, math.ceil(total / per_page)),
        "total_results": total,
    }


def appended(request, parts):
    """TMDb's append_to_response: the named parts (comma list) the endpoint offers, each under
    its name; names it doesn't offer are left out, as TMDb does."""
    names = request.GET.get("append_to_response", "").split(",")
    return {
        name: parts[name]() for name in dict.fromkeys(n.strip() for n in names) if name in parts
    }


def _date_param(request, name):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return None
    try:
        if not DATE_RE.match(raw):
            raise ValueError
        return datetime.combine(datetime.strptime(raw, "%Y-%m-%d").date(), time.min, tzinfo=UTC)
    except ValueError:
        raise bad_parameter(f"{name} must be a date, YYYY-MM-DD.") from None


def window(request):
    """The changes' time window, [start, end): `start_date` and `end_date` are days (UTC), both
    included; by default the last 24 hours, as TMDb's. With both dates the answer changes only
    with the changes (cached until the next one); otherwise it moves with the clock."""
    start, end = _date_param(request, "start_date"), _date_param(request, "end_date")
    if start is not None and end is not None:
        tag(request, CHANGES)
    else:
        request.moving_window = True
    try:
        end = end + timedelta(days=1) if end is not None else timezone.now()
        start = start if start is not None else end - timedelta(days=1)
    except OverflowError:  # the day after 9999-12-31
        raise bad_parameter("end_date must be before 9999-12-31.") from None
    if start >= end:
        raise bad_parameter("start_date must not be after end_date.")
    return start, end


# Queries ---------------------------------------------------------------------------------------


def published_series():
    """A series is public when one of its seasons is published."""
    return Series.objects.filter(Exists(Season.objects.published().filter(series=OuterRef("pk"))))


def with_air_dates(series):
    published = published_q("seasons")
    return series.annotate(
        first_air_date=Min("seasons__release_date", filter=published),
        last_air_date=Max("seasons__release_date", filter=published),
    )


def season_credits(**lookup):
    """Published credits in the article's billing order, season by season, with their people."""
    return (
        Credit.objects.published()
        .filter(**lookup)
        .select_related("person")
        .order_by("season__number", *Credit.BILLING_ORDERING)
    )


def tag_people(request, credits):
    tag(request, *(surrogate_key("person", credit.person_id) for credit in credits))


# tv ------------------------------------------------------------------------------------------


@tmdb_view
def tv(request, tv_id):
    series = found(published_series(), pk=tv_id)
    seasons = list(
        Season.objects.published()
        .filter(series=series)
        .annotate(episode_rows=Count("episodes"))
        .order_by("number")
    )
    creators = list(season_credits(season__in=seasons, department="crew", job__iexact="creator"))
    tag(request, *keys_of([series, *seasons]))
    tag_people(request, creators)
    body = shapes.tv(series, seasons, creators)
    return body | appended(
        request,
        {
            "credits": lambda: tv_credits_body(request, series.pk),
            "aggregate_credits": lambda: tv_aggregate_credits_of(request, series),
            "changes": lambda: tv_changes_of(request, series),
        },
    )


def tv_aggregate_credits_of(request, series):
    credits = list(season_credits(season__series=series))
    tag(request, *keys_of([series]), *(surrogate_key("season", c.season_id) for c in credits))
    tag_people(request, credits)
    return shapes.aggregate_credits(credits) | {"id": series.pk}


def tv_credits_body(request, tv_id):
    return SeasonRead(request, tv_id).credits_body() | {"id": tv_id}


@tmdb_view
def tv_credits(request, tv_id):
    """TMDb's tv credits: its latest season's."""
    return tv_credits_body(request, tv_id)


@tmdb_view
def tv_aggregate_credits(request, tv_id):
    return tv_aggregate_credits_of(request, found(published_series(), pk=tv_id))


class SeasonRead:
    """A published season by series and number, and its credits, read once for every part
    of the answer (details, credits, aggregate credits)."""

    def __init__(self, request, tv_id, season_number=None):
        # Without a number, the latest season (a tv's credits are its latest season's).
        seasons = Season.objects.published().order_by("-number")
        number = {} if season_number is None else {"number": season_number}
        self.season = found(seasons, series_id=tv_id, **number)
        self.credits = list(season_credits(season=self.season))
        tag(request, *keys_of([self.season]))
        tag_people(request, self.credits)

    def details(self):
        episodes = list(self.season.episodes.order_by("number"))
        return shapes.season(self.season, episodes, self.credits)

    def credits_body(self):
        # The season's own credits; those for one episode are its episodes' (and aggregate).
        whole = [credit for credit in self.credits if credit.episode_id is None]
        return shapes.credits_of(whole) | {"id": self.season.pk}

    def aggregate_body(self):
        return shapes.aggregate_credits(self.credits) | {"id": self.season.pk}

    def with_appended(self, request, body):
        return body | appended(
            request, {"credits": self.credits_body, "aggregate_credits": self.aggregate_body}
        )


@tmdb_view
def tv_season(request, tv_id, season_number):
    read = SeasonRead(request, tv_id, season_number)
    return read.with_appended(request, read.details())


@tmdb_view
def tv_season_credits(request, tv_id, season_number):
    read = SeasonRead(request, tv_id, season_number)
    return read.with_appended(request, read.credits_body())


@tmdb_view
def tv_season_aggregate_credits(request, tv_id, season_number):
    read = SeasonRead(request, tv_id, season_number)
    return read.with_appended(request, read.aggregate_body())


# person --------------------------------------------------------------------------------------


def person_credits(**lookup):
    """People's published credits, oldest season first, with their seasons."""
    return list(
        Credit.objects.published()
        .filter(**lookup)
        .select_related("season")
        .order_by(
            F("season__release_date").asc(nulls_last=True),
            "season__series_id",
            "season__number",
            *Credit.BILLING_ORDERING,
        )
    )


def series_of(credits):
    ids = {credit.season.series_id for credit in credits}
    return {series.pk: series for series in with_air_dates(Series.objects.filter(pk__in=ids))}


def tv_credits_of(request, person, credits):
    series = series_of(credits)
    tag(request, *(surrogate_key("series", pk) for pk in series))
    return shapes.tv_credits(credits, series) | {"id": person.pk}


class PersonRead:
    def __init__(self, request, person_id):
        self.person = found(Person.objects.published(), pk=person_id)
        self.credits = person_credits(person=self.person)
        about(request, *self.person.surrogate_keys())
        tag(request, *(surrogate_key("season", credit.season_id) for credit in self.credits))


@tmdb_view
def person(request, person_id):
    read = PersonRead(request, person_id)
    body = shapes.person(read.person, shapes.known_for_department(read.credits))
    return body | appended(
        request, {"tv_credits": lambda: tv_credits_of(request, read.person, read.credits)}
    )


@tmdb_view
def person_tv_credits(request, person_id):
    read = PersonRead(request, person_id)
    return tv_credits_of(request, read.person, read.credits)


# search --------------------------------------------------------------------------------------

SEARCHED = ("series-list", "season-list", "person-list", "credit-list")


def search_query(request):
    return clean_query(request.GET.get("query", ""))


def found_series(query):
    return ranked(with_air_dates(published_series()), "name", query)


def found_people(query):
    return ranked(Person.objects.published(), "name", query)


def tv_results(series, media_type=False):
    return [shapes.tv_summary(s) | ({"media_type": "tv"} if media_type else {}) for s in series]


def person_results(people, media_type=False):
    """People as TMDb's search lists them, with the series they are known for (up to three)."""
    credits = person_credits(person__in=people) if people else []
    series = series_of(credits)
    results = []
    for found_person in people:
        theirs = [c for c in credits if c.person_id == found_person.pk]
        known_for = list(dict.fromkeys(c.season.series_id for c in theirs))[:3]
        results.append(
            shapes.person_fields(found_person, shapes.known_for_department(theirs))
            | {"known_for": tv_results([series[pk] for pk in known_for], media_type=True)}
            | ({"media_type": "person"} if media_type else {})
        )
    return results


def _search(request, querysets):
    """A page of the matches of each queryset in turn (series, then people): a count and at
    most one slice each."""
    page, query = page_number(request), search_query(request)
    if not query:
        return paged(page, 0, [])
    counts = [queryset(query).count() for queryset, _ in querysets]
    results, offset, wanted = [], (page - 1) * PER_PAGE, PER_PAGE
    for (queryset, shape), count in zip(querysets, counts, strict=True):
        if wanted and offset < count:
            rows = list(queryset(query)[offset : offset + wanted])
            results += shape(rows)
            wanted -= len(rows)
        offset = max(0, offset - count)
    return paged(page, sum(counts), results)


@tmdb_view
@shows(*SEARCHED)
def search_tv(request):
    return _search(request, [(found_series, tv_results)])


@tmdb_view
@shows(*SEARCHED)
def search_person(request):
    return _search(request, [(found_people, person_results)])


@tmdb_view
@shows(*SEARCHED)
def search_multi(request):
    return _search(
        request,
        [
            (found_series, lambda s: tv_results(s, media_type=True)),
            (found_people, lambda p: person_results(p, media_type=True)),
        ],
    )


# changes -------------------------------------------------------------------------------------


def revisions_between(start, end):
    return Revision.objects.filter(created_at__gte=start, created_at__lt=end)


@tmdb_view
def tv_changes(request):
    """The series whose published content a revision in the window wrote."""
    page = page_number(request)
    start, end = window(request)
    revisions = revisions_between(start, end)
    changed = published_series().filter(
        Q(pk__in=Series.history.filter(revision__in=revisions).values("id"))
        | Q(
            pk__in=Season.objects.published()
            .filter(pk__in=revisions.values("season"))
            .values("series")
        )
        | Q(pk__in=season_rows(revisions).values("series_id"))
    )
    total = changed.count()
    first = (page - 1) * CHANGES_PER_PAGE
    ids = changed.order_by("pk").values_list("pk", flat=True)[first : first + CHANGES_PER_PAGE]
    results = [{"id": pk, "adult": False} for pk in ids]
    return paged(page, total, results, per_page=CHANGES_PER_PAGE)


def season_rows(revisions):
    """Seasons' history rows that show: a published season's, or a change of publication."""
    return Season.history.filter(
        Q(status=PUBLISHED) | Q(changes__has_key="status"), revision__in=revisions
    )


ACTIONS = {"+": "added", "~": "updated", "-": "deleted"}
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


def _season_action(row):
    """A season's row as TMDb's action on the series: publishing it adds it, unpublishing it
    deletes it; None for a row that never showed (a draft's)."""
    published = row.status == PUBLISHED
    if row.history_type == "~" and "status" in row.changes:
        return "added" if published else "deleted"
    return ACTIONS[row.history_type] if published else None


def tv_changes_of(request, series):
    """TMDb's changes of one series: its name, and its seasons added, changed (the season or
    anything in it) or deleted, oldest first."""
    start, end = window(request)
    revisions = revisions_between(start, end)
    items = []  # (time, history order, key, item)
    for row in Series.history.filter(id=series.pk, revision__in=revisions).select_related(
        "revision"
    ):
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
    for row in season_rows(revisions).filter(series_id=series.pk).select_related("revision"):
        seen.add((row.revision_id, row.id))
        action = _season_action(row)
        if action:
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


@tmdb_view
def not_found(request, *args, **kwargs):
    raise NOT_FOUND
