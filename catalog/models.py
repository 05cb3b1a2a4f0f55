"""The season wiki's content.

Imported facts keep their provenance in `source`: the sentence or line of the article they
were read from. Unknown stays unknown: blank text or NULL numbers, never a guessed value.
"""

from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import MD5
from django.urls import reverse
from django.utils import timezone

from catalog.querysets import (
    CreditQuerySet,
    EventQuerySet,
    PersonQuerySet,
    ReviewQuerySet,
    SeasonQuerySet,
)

HEX_COLOR_RE = r"^#[0-9A-Fa-f]{6}$"


def split_paragraphs(text):
    """Stored prose keeps paragraphs apart with a blank line."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


class TimeStampedModel(models.Model):
    # Defaults rather than auto_now, so that fixtures can leave them out and stay deterministic.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)


class Series(TimeStampedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)

    class Meta:
        verbose_name_plural = "series"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="series_unique_slug")]

    def __str__(self):
        return self.name


class Season(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="seasons")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    status = models.CharField(max_length=10, choices=Status, default=Status.PUBLISHED)
    lead = models.TextField(blank=True)
    background_color = models.CharField(
        max_length=7,
        blank=True,
        validators=[RegexValidator(HEX_COLOR_RE, "Enter a colour as #RRGGBB.")],
        help_text="Infobox header colour as #RRGGBB.",
    )
    network = models.CharField(max_length=100, blank=True)
    release_date = models.DateField(null=True, blank=True)
    episode_count = models.PositiveSmallIntegerField(null=True, blank=True)
    episode_list_title = models.CharField(max_length=200, blank=True)

    objects = SeasonQuerySet.as_manager()

    class Meta:
        ordering = ["series__name", "number"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="season_unique_slug"),
            models.UniqueConstraint(
                fields=["series", "number"], name="season_unique_series_number"
            ),
            models.CheckConstraint(
                condition=Q(background_color="") | Q(background_color__regex=HEX_COLOR_RE),
                name="season_background_color_hex",
                violation_error_message=(
                    "The background colour must be written #RRGGBB, e.g. #412304."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "release_date"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalog:season-detail", kwargs={"slug": self.slug})

    def get_timeline_url(self):
        return reverse("catalog:season-timeline", kwargs={"slug": self.slug})

    @property
    def lead_paragraphs(self):
        return split_paragraphs(self.lead)


class InfoboxField(TimeStampedModel):
    """Every `- Key: Value` line of the infobox, as written, in order."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="infobox_fields")
    position = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=100)
    value = models.TextField(blank=True)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["season", "position"]
        constraints = [
            models.UniqueConstraint(fields=["season", "key"], name="infobox_field_unique_key"),
        ]

    def __str__(self):
        return f"{self.key}: {self.value}"


class Section(TimeStampedModel):
    """A heading of the article and the prose paragraphs under it."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    level = models.PositiveSmallIntegerField(default=2)
    title = models.CharField(max_length=200)
    anchor = models.SlugField(max_length=200)
    body = models.TextField(blank=True, help_text="Paragraphs separated by a blank line.")

    class Meta:
        ordering = ["season", "position"]
        constraints = [
            models.UniqueConstraint(fields=["season", "position"], name="section_unique_position"),
            models.UniqueConstraint(fields=["season", "anchor"], name="section_unique_anchor"),
            models.CheckConstraint(
                condition=Q(level__gte=2, level__lte=6),
                name="section_level",
                violation_error_message="A section heading level is from 2 to 6.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.season.get_absolute_url()}#{self.anchor}"

    @property
    def paragraphs(self):
        return split_paragraphs(self.body)


class Person(TimeStampedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    sort_name = models.CharField(max_length=200, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "people"
        ordering = ["sort_name", "name"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="person_unique_slug")]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:person-detail", kwargs={"slug": self.slug})


class Episode(TimeStampedModel):
    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="episodes")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, blank=True, help_text="Blank until an editor adds it.")

    class Meta:
        ordering = ["season", "number"]
        constraints = [
            models.UniqueConstraint(fields=["season", "number"], name="episode_unique_number"),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="episode_number_positive",
                violation_error_message="Episode numbers start at 1.",
            ),
        ]

    def __str__(self):
        return f"{self.season} episode {self.number}" + (f": {self.title}" if self.title else "")


class Credit(TimeStampedModel):
    class Department(models.TextChoices):
        CAST = "cast", "Cast"
        CREW = "crew", "Crew"

    class Billing(models.TextChoices):
        MAIN = "main", "Main"
        RECURRING = "recurring", "Recurring"
        GUEST = "guest", "Guest"

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="credits")
    department = models.CharField(max_length=4, choices=Department)
    # NULL, not blank: crew have no billing at all, and the API says so with null.
    billing = models.CharField(max_length=10, choices=Billing, null=True, blank=True)  # noqa: DJ001
    character = models.CharField(max_length=200, blank=True)
    job = models.CharField(max_length=100, blank=True)
    episode = models.ForeignKey(
        Episode, on_delete=models.CASCADE, related_name="credits", null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Billing order within its group.")
    note = models.CharField(max_length=300, blank=True, help_text="What the job was for.")
    source = models.TextField(blank=True)

    objects = CreditQuerySet.as_manager()

    class Meta:
        ordering = ["season", "department", "billing", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "person", "department", "job", "character"],
                condition=Q(episode__isnull=True),
                name="credit_unique_role",
                violation_error_message="This person already has this role in this season.",
            ),
            models.UniqueConstraint(
                fields=["season", "person", "department", "job", "character", "episode"],
                condition=Q(episode__isnull=False),
                name="credit_unique_role_per_episode",
                violation_error_message="This person already has this role in this episode.",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        department="cast",
                        billing__isnull=False,
                        billing__in=["main", "recurring", "guest"],
                    )
                    | Q(department="crew", billing__isnull=True)
                ),
                name="credit_billing_matches_department",
                violation_error_message=(
                    "Cast credits need a billing (main, recurring or guest); "
                    "crew credits have none."
                ),
            ),
            models.CheckConstraint(
                condition=Q(department="cast") | ~Q(job=""),
                name="credit_crew_has_job",
                violation_error_message="A crew credit must name its job.",
            ),
        ]
        indexes = [
            models.Index(fields=["season", "department", "billing", "order"]),
            models.Index(fields=["job"]),
        ]

    def __str__(self):
        role = self.character if self.department == self.Department.CAST else self.job
        return f"{self.person} – {role} ({self.season})"


class Outlet(TimeStampedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    is_aggregator = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="outlet_unique_slug")]

    def __str__(self):
        return self.name


class Review(TimeStampedModel):
    class Kind(models.TextChoices):
        CRITIC = "critic", "Critic review"
        AGGREGATE = "aggregate", "Aggregate score"

    class Sentiment(models.TextChoices):
        POSITIVE = "positive", "Positive"
        MIXED = "mixed", "Mixed"
        NEGATIVE = "negative", "Negative"

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="reviews")
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="reviews")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.CRITIC)
    critic = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="reviews", null=True, blank=True
    )
    rating_text = models.CharField(
        max_length=50, blank=True, help_text="Exactly as the article gives it; blank if none."
    )
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)], help_text="0-100."
    )
    average_rating = models.CharField(max_length=20, blank=True)
    sample_size = models.PositiveIntegerField(null=True, blank=True)
    consensus = models.TextField(blank=True)
    excerpt = models.TextField(blank=True)
    sentiment = models.CharField(max_length=10, choices=Sentiment, blank=True)
    scope = models.CharField(max_length=100, blank=True, help_text="Which episodes were reviewed.")
    order = models.PositiveSmallIntegerField(default=0)
    source = models.TextField(blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["season", "kind", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "outlet", "critic"],
                condition=Q(critic__isnull=False),
                name="review_unique_critic",
                violation_error_message=(
                    "This critic already has a review from this outlet for this season."
                ),
            ),
            models.UniqueConstraint(
                fields=["season", "outlet"],
                condition=Q(kind="aggregate"),
                name="review_unique_aggregate",
                violation_error_message="This aggregator already has a result for this season.",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="review_score_0_100",
                violation_error_message="A score is from 0 to 100.",
            ),
            models.CheckConstraint(
                condition=Q(kind="critic") | Q(critic__isnull=True),
                name="review_aggregate_has_no_critic",
                violation_error_message="An aggregate result has no critic.",
            ),
        ]
        indexes = [models.Index(fields=["season", "kind", "sentiment"])]

    def __str__(self):
        by = f"{self.critic}, {self.outlet}" if self.critic_id else str(self.outlet)
        return f"{by} on {self.season}"


class Event(TimeStampedModel):
    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    class Kind(models.TextChoices):
        DEVELOPMENT = "development", "Development"
        WRITING = "writing", "Writing"
        CASTING = "casting", "Casting"
        FILMING = "filming", "Filming"
        MUSIC = "music", "Music"
        MARKETING = "marketing", "Marketing"
        RELEASE = "release", "Release"
        RECEPTION = "reception", "Reception"
        OTHER = "other", "Other"

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="events")
    date = models.DateField(help_text="The first day of the period the text gives.")
    date_precision = models.CharField(max_length=5, choices=Precision)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    text = models.TextField()
    people = models.ManyToManyField(Person, related_name="events", blank=True)
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

    def __str__(self):
        return f"{self.date_display}: {self.text[:60]}"

    @property
    def date_display(self):
        if self.date_precision == self.Precision.YEAR:
            return str(self.date.year)
        if self.date_precision == self.Precision.MONTH:
            return f"{self.date:%B} {self.date.year}"
        return f"{self.date:%B} {self.date.day}, {self.date.year}"


class Accolade(TimeStampedModel):
    class Result(models.TextChoices):
        WON = "won", "Won"
        NOMINATED = "nominated", "Nominated"
        UNKNOWN = "unknown", "Unknown"

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="accolades")
    year = models.PositiveSmallIntegerField()
    award = models.CharField(max_length=200)
    category = models.CharField(max_length=300)
    nominee = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="accolades", null=True, blank=True
    )
    nominee_text = models.CharField(max_length=300, blank=True, help_text="As the table gives it.")
    result = models.CharField(max_length=10, choices=Result, default=Result.UNKNOWN)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["season", "year", "award", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "year", "award", "category", "nominee_text"],
                name="accolade_unique_nomination",
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.award}: {self.category}"


class Reference(TimeStampedModel):
    """A numbered reference of the article; the seeds give only its number."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="references")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["season", "number"]
        constraints = [
            models.UniqueConstraint(fields=["season", "number"], name="reference_unique_number"),
        ]

    def __str__(self):
        return f"[{self.number}] {self.title}".strip()


class Citation(TimeStampedModel):
    """A sentence of the article that carries a reference marker."""

    reference = models.ForeignKey(Reference, on_delete=models.CASCADE, related_name="citations")
    section = models.ForeignKey(
        Section, on_delete=models.SET_NULL, related_name="citations", null=True, blank=True
    )
    sentence = models.TextField(help_text="The article's sentence, as the article writes it.")
    offset = models.PositiveIntegerField(
        help_text="Where the marker stands in the sentence: the cited words end there."
    )
    source = models.TextField(blank=True, help_text="The line of the citations file.")

    class Meta:
        ordering = ["reference__season", "reference__number", "id"]
        constraints = [
            models.UniqueConstraint(
                "reference",
                MD5("sentence"),
                "offset",
                name="citation_unique_marker",
                violation_error_message="This sentence already cites this reference at this place.",
            ),
        ]

    def __str__(self):
        return f"[{self.reference.number}] {self.sentence[:60]}"
