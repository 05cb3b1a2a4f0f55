"""Read shapes across models, one place each, shared by the pages, the API and the admin.

A shape bundles the joins and prefetches a reader needs, so that its query count does not
grow with the amount of data. Single-model shapes (`with_related`, `in_billing_order`,
`published`) are queryset methods beside their models; the shapes here span several.

The season's lists have one prefetch builder each (`SEASON_LISTS`): the article page and the
API's `?include=` use the same ones.
"""

from django.db.models import CharField as TextColumn
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce

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
)
from catalog.vocabulary import billing_rank

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


# Pages ---------------------------------------------------------------------------------------


def seasons_for_article():
    """Everything the season article shows, in nine queries whatever the season's size."""
    return (
        Season.objects.published()
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


def seasons_for_timeline():
    """The season and its events with their people: three queries."""
    return (
        Season.objects.published()
        .with_series()
        .prefetch_related(Prefetch("events", events_list(with_people=True)))
    )


def _count(model, **filters):
    counted = (
        model.objects.filter(season=OuterRef("pk"), **filters)
        .order_by()
        .values("season")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def seasons_for_home():
    """The published seasons with how much each holds, counted in subqueries: one query."""
    return (
        Season.objects.published()
        .with_series()
        .annotate(
            episodes_total=_count(Episode),
            cast_total=_count(Credit, department=Credit.Department.CAST),
            crew_total=_count(Credit, department=Credit.Department.CREW),
            reviews_total=_count(Review, kind=Review.Kind.CRITIC),
            events_total=_count(Event),
        )
    )


def recent_changes(seasons, limit=10):
    """The latest edits to `seasons` and their content, newest first: one UNION query.

    Rows are dicts: season_ref (the season's pk), changed, item_kind, label, detail and target
    (a person's slug or a section's anchor, else blank).
    """
    text = TextColumn()
    season_pks = seasons.order_by().values("pk")

    def rows(queryset, kind, label, detail=None, target=None, season_ref="season_id"):
        # The same annotations in the same order, so that the UNION's columns line up.
        return (
            queryset.order_by()
            .annotate(
                season_ref=F(season_ref),
                changed=F("updated_at"),
                item_kind=Value(kind, text),
                label=Cast(label, text),
                detail=Cast(detail or Value(""), text),
                target=Cast(target or Value(""), text),
            )
            .values("season_ref", "changed", "item_kind", "label", "detail", "target")
        )

    in_seasons = Q(season__in=season_pks)
    parts = [
        rows(Season.objects.filter(pk__in=season_pks), "season", "title", season_ref="pk"),
        rows(Section.objects.filter(in_seasons), "section", "title", target="anchor"),
        rows(
            Credit.objects.filter(in_seasons),
            "credit",
            "person__name",
            detail=Coalesce(F("character"), Value("")),
            target="person__slug",
        ),
        rows(Episode.objects.filter(in_seasons), "episode", "number", detail="title"),
        rows(Review.objects.filter(in_seasons), "review", "outlet__name"),
        rows(Event.objects.filter(in_seasons), "event", "text"),
        rows(Accolade.objects.filter(in_seasons), "accolade", "award", detail="category"),
    ]
    return list(parts[0].union(*parts[1:], all=True).order_by("-changed")[:limit])


def people_for_profile():
    """Published people with their work in published seasons, as lists: five queries."""
    by_season = ("season__series__name", "season__number")
    return Person.objects.published().prefetch_related(
        Prefetch(
            "credits",
            Credit.objects.published()
            .select_related("season__series", "episode")
            .order_by(*by_season, "department", billing_rank(), "order", "episode__number"),
            to_attr="public_credits",
        ),
        Prefetch(
            "reviews",
            Review.objects.published()
            .select_related("season__series", "outlet")
            .order_by(*by_season, "order", "id"),
            to_attr="public_reviews",
        ),
        Prefetch(
            "events",
            Event.objects.published().select_related("season__series").order_by("date", "id"),
            to_attr="public_events",
        ),
        Prefetch(
            "accolades",
            Accolade.objects.published()
            .select_related("season__series")
            .order_by("year", "award", "category"),
            to_attr="public_accolades",
        ),
    )
