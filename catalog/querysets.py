"""Query shapes, one place each, shared by the pages, the API and the admin."""

from django.db import models
from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce

# Billing is stored as text, so its alphabetical order (guest, main, recurring) is not the
# article's: main, then recurring, then guest cast.
BILLING_ORDER = Case(
    When(billing="main", then=Value(0)),
    When(billing="recurring", then=Value(1)),
    When(billing="guest", then=Value(2)),
    default=Value(3),
)


class SeasonQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status="published")

    def with_series(self):
        return self.select_related("series")

    def for_article(self):
        """Everything the season article shows, in ten queries whatever the season's size."""
        from catalog.models import (
            Accolade,
            Citation,
            Credit,
            Episode,
            Event,
            InfoboxField,
            Reference,
            Review,
            Section,
        )

        return self.select_related("series").prefetch_related(
            Prefetch("sections", Section.objects.order_by("position")),
            Prefetch("infobox_fields", InfoboxField.objects.order_by("position")),
            Prefetch(
                "references",
                Reference.objects.order_by("number").prefetch_related(
                    Prefetch("citations", Citation.objects.order_by("id"))
                ),
            ),
            Prefetch(
                "credits",
                Credit.objects.select_related("person", "episode").in_billing_order(),
            ),
            Prefetch("episodes", Episode.objects.order_by("number")),
            Prefetch(
                "reviews",
                Review.objects.select_related("outlet", "critic").order_by("kind", "order", "id"),
            ),
            Prefetch("events", Event.objects.order_by("date", "id")),
            Prefetch("accolades", Accolade.objects.select_related("nominee")),
        )

    def for_timeline(self):
        """The season and its events with their people: three queries."""
        from catalog.models import Event

        return self.select_related("series").prefetch_related(
            Prefetch("events", Event.objects.for_timeline())
        )

    def for_home(self):
        """The seasons with how much each holds, counted in subqueries: one query."""
        from catalog.models import Credit, Episode, Event, Review

        def count(model, **filters):
            counted = (
                model.objects.filter(season=OuterRef("pk"), **filters)
                .order_by()
                .values("season")
                .annotate(n=Count("pk"))
                .values("n")
            )
            return Coalesce(Subquery(counted), 0)

        return self.select_related("series").annotate(
            episodes_total=count(Episode),
            cast_total=count(Credit, department="cast"),
            crew_total=count(Credit, department="crew"),
            reviews_total=count(Review, kind="critic"),
            events_total=count(Event),
        )

    def recent_changes(self, limit=10):
        """The latest edits to these seasons and their content, newest first: one UNION query.

        Rows are dicts: season_ref (the season's pk), changed, item_kind, label, detail and target
        (a person's slug or a section's anchor, else blank).
        """
        from catalog.models import Accolade, Credit, Episode, Event, Review, Section

        text = models.CharField()
        seasons = self.order_by().values("pk")

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

        in_seasons = Q(season__in=seasons)
        parts = [
            rows(self.model.objects.filter(pk__in=seasons), "season", "title", season_ref="pk"),
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

    def with_lists(self, names):
        """Prefetch the named related lists (credits, reviews, events, episodes, accolades):
        one query per list (two for events and their people), whatever their length."""
        shapes = {
            "credits": lambda credits: credits.with_related().in_billing_order(),
            "reviews": lambda reviews: reviews.with_related(),
            "events": lambda events: events.with_people(),
            "episodes": lambda episodes: episodes,
            "accolades": lambda accolades: accolades.select_related("nominee"),
        }
        return self.prefetch_related(
            *(Prefetch(name, queryset=shapes[name](self._related_objects(name))) for name in names)
        )

    def _related_objects(self, name):
        return self.model._meta.get_field(name).related_model._default_manager.all()


class CreditQuerySet(models.QuerySet):
    def cast(self):
        return self.filter(department="cast")

    def crew(self):
        return self.filter(department="crew")

    def billed(self, billing):
        return self.cast().filter(billing=billing).order_by("order", "id")

    def with_related(self):
        return self.select_related("season", "person", "episode")

    def in_billing_order(self):
        """Season by season: cast before crew, main before recurring before guest, then order."""
        return self.order_by("season", "department", BILLING_ORDER, "order", "id")


class ReviewQuerySet(models.QuerySet):
    def aggregates(self):
        return self.filter(kind="aggregate")

    def critics(self):
        return self.filter(kind="critic")

    def with_related(self):
        return self.select_related("season", "outlet", "critic")


class EventQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("season").prefetch_related("people")

    def for_timeline(self):
        """In date order, with the people involved in name order (one more query)."""
        from catalog.models import Person

        return self.order_by("date", "id").prefetch_related(
            Prefetch("people", Person.objects.order_by("sort_name", "name"))
        )

    def overlapping(self, after=None, before=None):
        """Events whose period (a day, a month or a year, stored as its first day) overlaps
        the range: "August 2016" is in a range that ends on August 20, 2016."""
        events = self
        if after is not None:
            events = events.filter(
                Q(date_precision="day", date__gte=after)
                | Q(date_precision="month", date__gte=after.replace(day=1))
                | Q(date_precision="year", date__gte=after.replace(month=1, day=1))
            )
        if before is not None:
            events = events.filter(date__lte=before)
        return events


class PersonQuerySet(models.QuerySet):
    def with_public_content(self):
        """People with anything in a published season: only they have a public page."""
        return self.filter(
            Q(credits__season__status="published")
            | Q(reviews__season__status="published")
            | Q(events__season__status="published")
            | Q(accolades__season__status="published")
        ).distinct()

    def for_profile(self):
        """A person's work in published seasons, as lists on the person: five queries."""
        from catalog.models import Accolade, Credit, Event, Review

        published = Q(season__status="published")
        by_season = ("season__series__name", "season__number")
        return self.prefetch_related(
            Prefetch(
                "credits",
                Credit.objects.filter(published)
                .select_related("season__series", "episode")
                .order_by(*by_season, "department", BILLING_ORDER, "order", "episode__number"),
                to_attr="public_credits",
            ),
            Prefetch(
                "reviews",
                Review.objects.filter(published)
                .select_related("season__series", "outlet")
                .order_by(*by_season, "order", "id"),
                to_attr="public_reviews",
            ),
            Prefetch(
                "events",
                Event.objects.filter(published)
                .select_related("season__series")
                .order_by("date", "id"),
                to_attr="public_events",
            ),
            Prefetch(
                "accolades",
                Accolade.objects.filter(published)
                .select_related("season__series")
                .order_by("year", "award", "category"),
                to_attr="public_accolades",
            ),
        )
