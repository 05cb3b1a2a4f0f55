"""Query shapes, one place each, shared by the pages, the API and the admin."""

from django.db import models
from django.db.models import Case, Prefetch, Q, Value, When

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
