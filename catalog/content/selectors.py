"""Read shapes across models, one place each, shared by the pages, the API and the admin.

A shape bundles the joins and prefetches a reader needs, so that its query count does not
grow with the amount of data. Single-model shapes (`with_related`, `in_billing_order`,
`published`) are queryset methods beside their models; the shapes here span several.

The season's lists have one prefetch builder each (`SEASON_LISTS`): the article page and the
API's `?include=` use the same ones.

The pages that show one season or one person take the `viewer` (the request's user): editors,
who may view drafts, get drafts too (`visible_to`); a visitor, or no viewer, only what is
published. The listings (home, search, sitemap) are the same for everyone: published only.
"""

from django.db.models import Count, F, Max, Min, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from catalog.content.search import ranked
from catalog.domain.vocabulary import billing_rank
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Person,
    Reference,
    Review,
    Season,
    Section,
    Series,
)
from catalog.models.base import published_q

# A season's lists --------------------------------------------------------------------------

PEOPLE_ORDER = ("sort_name", "name")


def credits_list():
    return Credit.objects.select_related("person", "episode").in_billing_order()


def reviews_list():
    return Review.objects.select_related("outlet", "critic").order_by("kind", "order", "id")


def events_list(*, with_people):
    events = Event.objects.order_by("date", "id")
    if with_people:
        # In name order, one more query whatever the number of events.
        events = events.prefetch_related(Prefetch("people", Person.objects.order_by(*PEOPLE_ORDER)))
    return events


def episodes_list():
    return Episode.objects.order_by("number")


def accolades_list():
    return Accolade.objects.select_related("nominee")


# The lists the API can embed in a season, by name: one query each (events two, their people).
SEASON_LISTS = {
    "credits": credits_list,
    "reviews": reviews_list,
    "events": lambda: events_list(with_people=True),
    "episodes": episodes_list,
    "accolades": accolades_list,
}


def with_season_lists(seasons, names):
    """`seasons` with the named lists of SEASON_LISTS prefetched."""
    return seasons.prefetch_related(*(Prefetch(name, SEASON_LISTS[name]()) for name in names))


# The lists the API can embed in a person, by name: their credits, their reviews as a critic,
# the events they are in; each across seasons, so with its season (one query each, events two).
PERSON_LISTS = {
    "credits": lambda: credits_list().select_related("season"),
    "reviews": lambda: reviews_list().select_related("season"),
    "events": lambda: events_list(with_people=True).select_related("season"),
}


def with_person_lists(people, names, viewer):
    """`people` with the named lists of PERSON_LISTS prefetched, of what `viewer` may see."""
    return people.prefetch_related(
        *(Prefetch(name, PERSON_LISTS[name]().visible_to(viewer)) for name in names)
    )


# TMDb reads ----------------------------------------------------------------------------------
#
# What the TMDb-compatible reads (catalog.tmdb) show: published content only, for everyone.


def published_series():
    """The series visitors see: those with a published season."""
    return Series.objects.published()


def with_air_dates(series):
    """`series` with `first_air_date` and `last_air_date`, over their published seasons."""
    published = published_q("seasons")
    return series.annotate(
        first_air_date=Min("seasons__release_date", filter=published),
        last_air_date=Max("seasons__release_date", filter=published),
    )


def published_seasons_of(series):
    """A series' published seasons in number order, each with `episode_rows`."""
    return (
        Season.objects.published()
        .filter(series=series)
        .annotate(episode_rows=Count("episodes"))
        .order_by("number")
    )


def season_credits(**lookup):
    """Published credits in the article's billing order, season by season, with their people."""
    return (
        Credit.objects.published()
        .filter(**lookup)
        .select_related("person")
        .order_by("season__number", *Credit.BILLING_ORDERING)
    )


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
    """The series of `credits`' seasons, by pk, with their air dates."""
    ids = {credit.season.series_id for credit in credits}
    return {series.pk: series for series in with_air_dates(Series.objects.filter(pk__in=ids))}


def series_matching(query):
    """Published series whose name holds `query`, ranked as the site's search ranks."""
    return ranked(with_air_dates(published_series()), "name", query)


def people_matching(query):
    """Published people whose name holds `query`, ranked as the site's search ranks."""
    return ranked(Person.objects.published(), "name", query)


# Pages ---------------------------------------------------------------------------------------


def _shown(queryset, viewer):
    """What `viewer` may see of `queryset`; with no viewer, what visitors see."""
    return queryset.published() if viewer is None else queryset.visible_to(viewer)


def seasons_for_article(viewer=None):
    """Everything the season article shows, in nine queries whatever the season's size."""
    return (
        _shown(Season.objects, viewer)
        .with_series()
        .prefetch_related(
            Prefetch("sections", Section.objects.order_by("position")),
            Prefetch("infobox_fields", InfoboxField.objects.order_by("position")),
            Prefetch("references", Reference.objects.order_by("number")),
            Prefetch("credits", credits_list()),
            Prefetch("episodes", episodes_list()),
            Prefetch("reviews", reviews_list()),
            Prefetch("events", events_list(with_people=False)),
            Prefetch("accolades", accolades_list()),
        )
    )


def seasons_for_timeline(viewer=None):
    """The season and its events with their people: three queries."""
    return (
        _shown(Season.objects, viewer)
        .with_series()
        .prefetch_related(Prefetch("events", events_list(with_people=True)))
    )


def related_count(model, field, **filters):
    """How many rows of `model` name the outer row through `field`, as a subquery per row: a
    list that shows a page of rows counts for those rows only, and the list's own COUNT(*)
    leaves it out (a Count() annotation would GROUP BY the whole table first)."""
    counted = (
        model.objects.filter(**{field: OuterRef("pk")}, **filters)
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def _count(model, **filters):
    return related_count(model, "season", **filters)


def seasons_for_home():
    """The published seasons with how much each holds, counted in subqueries: one query (a
    page of them: the order is total, so that pages neither repeat nor skip a season)."""
    return (
        Season.objects.published()
        .with_series()
        .order_by("series__name", "number", "pk")
        .annotate(
            episodes_total=_count(Episode),
            cast_total=_count(Credit, department=Credit.Department.CAST),
            crew_total=_count(Credit, department=Credit.Department.CREW),
            reviews_total=_count(Review, kind=Review.Kind.CRITIC),
            events_total=_count(Event),
        )
    )


def people_for_profile(viewer=None):
    """People with their work in the seasons `viewer` may see, as lists (`shown_credits`,
    `shown_reviews`, `shown_events`, `shown_accolades`, each with its season): five queries."""
    by_season = ("season__series__name", "season__number")
    return _shown(Person.objects, viewer).prefetch_related(
        Prefetch(
            "credits",
            _shown(Credit.objects, viewer)
            .select_related("season__series", "episode")
            .order_by(*by_season, "department", billing_rank(), "order", "episode__number"),
            to_attr="shown_credits",
        ),
        Prefetch(
            "reviews",
            _shown(Review.objects, viewer)
            .select_related("season__series", "outlet")
            .order_by(*by_season, "order", "id"),
            to_attr="shown_reviews",
        ),
        Prefetch(
            "events",
            _shown(Event.objects, viewer).select_related("season__series").order_by("date", "id"),
            to_attr="shown_events",
        ),
        Prefetch(
            "accolades",
            _shown(Accolade.objects, viewer)
            .select_related("season__series")
            .order_by("year", "award", "category"),
            to_attr="shown_accolades",
        ),
    )
