"""Query shapes, one place each, shared by the pages, the API and the admin."""

from django.db import models


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
    def chronological(self):
        return self.order_by("date", "id")

    def with_people(self):
        return self.select_related("season").prefetch_related("people")
