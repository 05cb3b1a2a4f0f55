"""The TMDb-compatible read endpoints (urls.py lists them). Each reads a fixed number of
queries whatever the amount of content (through catalog.content.selectors), answers TMDb's JSON
(shapes.py), and names what it shows for the answer cache (catalog.delivery.caching), so that an
edit shows on the next request. Parameters are read by params.py, errors answered by errors.py; the
change lists are changes.py's.
"""

from catalog.content.search import clean_query
from catalog.content.selectors import (
    people_matching,
    person_credits,
    published_seasons_of,
    published_series,
    season_credits,
    series_matching,
    series_of,
)
from catalog.delivery.caching import add_keys, add_subject_keys, keys_of, with_keys
from catalog.models import Person, Season
from catalog.models.base import surrogate_key
from catalog.tmdb import shapes
from catalog.tmdb.changes import tv_changes_of
from catalog.tmdb.errors import NOT_FOUND, tmdb_view
from catalog.tmdb.params import PER_PAGE, appended, found, page_number, paged


def tag_people(request, credits):
    add_keys(request, *(surrogate_key("person", credit.person_id) for credit in credits))


# tv ------------------------------------------------------------------------------------------


@tmdb_view
def tv(request, tv_id):
    series = found(published_series(), pk=tv_id)
    seasons = list(published_seasons_of(series))
    creators = list(season_credits(season__in=seasons, department="crew", job__iexact="creator"))
    add_keys(request, *keys_of([series, *seasons]))
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
    add_keys(request, *keys_of([series]), *(surrogate_key("season", c.season_id) for c in credits))
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
        add_keys(request, *keys_of([self.season]))
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


def tv_credits_of(request, person, credits):
    series = series_of(credits)
    add_keys(request, *(surrogate_key("series", pk) for pk in series))
    return shapes.tv_credits(credits, series) | {"id": person.pk}


class PersonRead:
    def __init__(self, request, person_id):
        self.person = found(Person.objects.published(), pk=person_id)
        self.credits = person_credits(person=self.person)
        add_subject_keys(request, *self.person.surrogate_keys())
        add_keys(request, *(surrogate_key("season", credit.season_id) for credit in self.credits))


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
@with_keys(*SEARCHED)
def search_tv(request):
    return _search(request, [(series_matching, tv_results)])


@tmdb_view
@with_keys(*SEARCHED)
def search_person(request):
    return _search(request, [(people_matching, person_results)])


@tmdb_view
@with_keys(*SEARCHED)
def search_multi(request):
    return _search(
        request,
        [
            (series_matching, lambda s: tv_results(s, media_type=True)),
            (people_matching, lambda p: person_results(p, media_type=True)),
        ],
    )


@tmdb_view
def not_found(request, *args, **kwargs):
    raise NOT_FOUND
