"""Dated events of a season's production and release, at day, month or year precision."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import MD5

from catalog.domain.vocabulary import EventKind
from catalog.models.base import SeasonContentQuerySet, TimeStampedModel, surrogate_key


class EventQuerySet(SeasonContentQuerySet):
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


class Event(TimeStampedModel):
    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    Kind = EventKind

    season = models.ForeignKey("catalog.Season", on_delete=models.CASCADE, related_name="events")
    date = models.DateField(help_text="The first day of the period the text gives.")
    date_precision = models.CharField(max_length=5, choices=Precision)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    text = models.TextField()
    people = models.ManyToManyField("catalog.Person", related_name="events", blank=True)
    source = models.TextField(blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["season", "date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_precision__in=["day", "month", "year"]),
                name="event_valid_date_precision",
                violation_error_message="Date precision is day, month or year.",
            ),
            # A month or a year is stored as its first day, so equal periods compare equal.
            models.CheckConstraint(
                condition=Q(date_precision="day")
                | Q(date_precision="month", date__day=1)
                | Q(date_precision="year", date__day=1, date__month=1),
                name="event_date_starts_its_period",
                violation_error_message=(
                    "A month-precision date is the 1st of its month; a "
                    "year-precision date is January 1."
                ),
            ),
            models.UniqueConstraint(
                "season",
                "date",
                "date_precision",
                MD5("source"),
                condition=~Q(source=""),
                name="event_unique_sourced_fact",
                violation_error_message=(
                    "This season already has this event, from the same source, on this date."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["season", "date"]),
            models.Index(fields=["kind"]),
        ]

    def surrogate_keys(self):
        # The people it names (prefetched where a page lists events, else one query).
        people = {surrogate_key("person", person.pk) for person in self.people.all()}
        return {surrogate_key("season", self.season_id), *people} if self.pk else people

    def __str__(self):
        return f"{self.date_display}: {self.text[:60]}"

    @property
    def date_display(self):
        if self.date_precision == self.Precision.YEAR:
            return str(self.date.year)
        if self.date_precision == self.Precision.MONTH:
            return f"{self.date:%B} {self.date.year}"
        return f"{self.date:%B} {self.date.day}, {self.date.year}"

    @property
    def date_iso(self):
        """The date at its precision in ISO 8601, as HTML's <time datetime> takes it:
        "2017-04-03", "2016-08", "2018"."""
        length = {self.Precision.YEAR: 4, self.Precision.MONTH: 7}.get(self.date_precision, 10)
        return self.date.isoformat()[:length]
