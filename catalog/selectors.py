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

import operator
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property, reduce
from urllib.parse import urlencode

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import Truncator

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
    Revision,
    Season,
    Section,
    Series,
)
from catalog.models.base import PUBLISHED, published_q
from catalog.search import ranked
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


# Recent changes ------------------------------------------------------------------------------
#
# What visitors see of the revisions (catalog.revisions). A history row is public while what it
# belongs to is public now, by the published rule: season content while its season is
# published, a person or an outlet while published work names them, a series while it has a
# published season, a season while it is published (and its deletion, if it was published
# then). So nothing of a draft season shows, not even that it changed. A revision is listed
# when it wrote at least one public row, and shows only those; never its comment, which may
# speak of drafts. A row is labelled with its own values (the object as that write left it);
# its link goes to where the object shows now, and a deleted object is named but not linked.

CHANGES_PER_PAGE = 50


@dataclass(frozen=True)
class ChangedObject:
    kind: str  # the model's name: "section", "credit", "infobox field"
    label: str
    url: str  # where it shows on the site; blank once it is deleted
    summary: str  # "added", "deleted", "changed body, title"
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


def _live(queryset, field):
    """`field` of the object a history row is about, as `queryset` holds it now (None when the
    object is gone or the queryset leaves it out)."""
    return Subquery(queryset.filter(pk=OuterRef("id")).order_by().values(field))


def _season_url(season, fragment=""):
    return season.get_absolute_url() + (f"#{fragment}" if fragment else "")


def _season_path(slug):
    return reverse("catalog:season-detail", args=[slug]) if slug else ""


@dataclass(frozen=True)
class _PublicHistory:
    """One content model's history as visitors see it: `rows` are the public history rows,
    each annotated with `live` (a value of the object now, None once it is deleted) and
    joined to the live objects `describe` names; `describe(row)` gives its label, its link
    and its season."""

    model: type
    rows: object
    describe: object

    @property
    def flag(self):
        return f"touches_{self.model._meta.model_name}"

    def public_rows(self):
        return self._public_rows.all()

    @cached_property
    def _public_rows(self):
        # Built once (see _public_revisions), cloned for each use.
        return self.rows(self.model)

    def changed_object(self, row):
        label, url, season = self.describe(row)
        return ChangedObject(
            kind=str(self.model._meta.verbose_name),
            label=Truncator(" ".join(label.split())).words(14),
            url=url,
            summary=_summary(self.model, row),
            season=season,
        )


@cache
def _field_names(model):
    # `changes` is keyed by attname ("person_id"); readers know the field as "person".
    return {f.attname: str(f.verbose_name) for f in model._meta.get_fields() if f.concrete}


def _summary(model, row):
    if row.history_type == "+":
        return "added"
    if row.history_type == "-":
        return "deleted"
    names = _field_names(model)
    changed = ", ".join(names.get(name, name) for name in row.changes)
    return f"changed {changed}" if changed else "changed"


def _season_rows(model):
    return model.history.annotate(live=_live(Season.objects.published(), "slug")).filter(
        Q(live__isnull=False) | Q(history_type="-", status=PUBLISHED)
    )


def _series_rows(model):
    first_season = Season.objects.published().filter(series=OuterRef("id")).order_by("number")
    return model.history.annotate(live=Subquery(first_season.values("slug")[:1])).filter(
        live__isnull=False
    )


def _public_object_rows(model):
    # People and outlets: public while published work names them (their own published()).
    field = "slug" if model is Person else "name"
    return model.history.annotate(live=_live(model.objects.published(), field)).filter(
        live__isnull=False
    )


def _season_content(path="season", related=(), live="pk"):
    """Rows of content reached through a season at `path`: public while it is published."""

    def rows(model):
        return (
            model.history.filter(published_q(path))
            .annotate(live=_live(model._base_manager, live))
            .select_related(path, *related)
        )

    return rows


def _season_link(row, fragment=""):
    return (_season_url(row.season, fragment) if row.live else ""), row.season


def _credit(row):
    name = row.person.name if row.person else "Someone"
    role = f" as {row.character}" if row.character else (f", {row.job}" if row.job else "")
    url = row.person.get_absolute_url() if row.live and row.person else ""
    return f"{name}{role}", url, row.season


def _review(row):
    outlet = row.outlet.name if row.outlet else "An outlet"
    return (f"{row.critic.name}, {outlet}" if row.critic else outlet), *_season_link(row)


def _event(row):
    url = row.season.get_timeline_url() + f"#year-{row.date.year}" if row.live else ""
    return f"{row.instance.date_display}: {row.text}", url, row.season


PUBLIC_HISTORY = [
    _PublicHistory(
        Season,
        _season_rows,
        lambda row: (row.title, _season_path(row.live), None),
    ),
    _PublicHistory(Series, _series_rows, lambda row: (row.name, _season_path(row.live), None)),
    _PublicHistory(
        Section,
        _season_content(live="anchor"),
        lambda row: (row.title, *_season_link(row, row.live)),
    ),
    _PublicHistory(
        InfoboxField,
        _season_content(),
        lambda row: (row.key, *_season_link(row)),
    ),
    _PublicHistory(
        Episode,
        _season_content(),
        lambda row: (
            f"Episode {row.number}" + (f": {row.title}" if row.title else ""),
            *_season_link(row),
        ),
    ),
    _PublicHistory(Credit, _season_content(related=["person"]), _credit),
    _PublicHistory(Review, _season_content(related=["outlet", "critic"]), _review),
    _PublicHistory(Event, _season_content(), _event),
    _PublicHistory(
        Accolade,
        _season_content(),
        lambda row: (f"{row.year} {row.award}: {row.category}", *_season_link(row)),
    ),
    _PublicHistory(
        Reference,
        _season_content(),
        lambda row: (f"Reference {row.number}", *_season_link(row, f"cite-note-{row.number}")),
    ),
    _PublicHistory(
        Person,
        _public_object_rows,
        lambda row: (row.name, reverse("catalog:person-detail", args=[row.live]), None),
    ),
    _PublicHistory(
        Outlet,
        _public_object_rows,
        lambda row: (
            row.name,
            f"{reverse('catalog:search')}?{urlencode({'q': row.live})}",
            None,
        ),
    ),
]


def public_revisions():
    """The revisions that wrote something visitors may see, newest first, each flagged with
    the models whose public history it touched (so that recent_changes asks only those)."""
    return _public_revisions().all()


@cache
def _public_revisions():
    # A dozen nested subqueries take longer to build than the database takes to run them, and
    # nothing in them changes: built once per process, and cloned with .all() for each use, as
    # a class-based view's `queryset` is (a clone never shares the results).
    touched = {
        history.flag: Exists(history.public_rows().filter(revision=OuterRef("pk")))
        for history in PUBLIC_HISTORY
    }
    return (
        Revision.objects.filter(reduce(operator.or_, touched.values()))
        .annotate(**touched)
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def recent_changes(revisions):
    """`revisions` (a slice of public_revisions()) as `Change`s, newest first: one query for
    the revisions, then one per model whose public history they touched, whatever the number
    of rows."""
    revisions = list(revisions)
    written = defaultdict(list)
    for order, history in enumerate(PUBLIC_HISTORY):
        pks = [revision.pk for revision in revisions if getattr(revision, history.flag)]
        if not pks:
            continue
        for row in history.public_rows().filter(revision__in=pks).order_by():
            key = (row.history_date, order, row.history_id)
            written[row.revision_id].append((key, history.changed_object(row)))
    return [
        Change(
            pk=revision.pk,
            when=revision.created_at,
            who=_public_name(revision),
            objects=tuple(obj for _, obj in sorted(written[revision.pk], key=lambda w: w[0])),
        )
        for revision in revisions
    ]


def _public_name(revision):
    if revision.via == Revision.Via.IMPORT:
        return "importer"
    # A username, never more of the account; one written as an address shows its first part.
    return revision.author.partition("@")[0] or "an editor"
