"""Query shapes, one place each, shared by the pages, the API and the admin."""

from django.db import models
from django.db.models import Case, Value, When

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


class CreditQuerySet(models.QuerySet):
    def cast(self):
        return self.filter(department="cast")

    def crew(self):
        return self.filter(department="crew")

    def billed(self, billing):
        return self.cast().filter(billing=billing).order_by("order", "id")

    def with_related(self):
        return self.select_related("season", "person", "episode")


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
