"""Series and seasons, and what belongs to a season's article: infobox lines, sections,
episodes."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from catalog.domain.vocabulary import (
    INFOBOX_CAST,
    INFOBOX_JOBS,
    INFOBOX_SEASON_FIELDS,
    infobox_key,
    is_reserved_anchor,
    marker,
    marker_numbers,
    split_paragraphs,
)
from catalog.models.base import PUBLISHED as PUBLISHED_STATUS
from catalog.models.base import (
    ContentQuerySet,
    SeasonContentQuerySet,
    TimeStampedModel,
    published_q,
    surrogate_key,
)

HEX_COLOR_RE = r"^#[0-9A-Fa-f]{6}$"
# The largest number a reference can have (its PositiveSmallIntegerField).
REFERENCE_NUMBER_MAX = 32767
PROSE_HELP = (
    "Paragraphs separated by a blank line. A reference's number in brackets, [24], cites it "
    "where the cited words end; the reference must exist."
)


class SeriesQuerySet(ContentQuerySet):
    def published(self):
        """Series with a published season: only they are shown to visitors."""
        return self.filter(Exists(Season.objects.published().filter(series=OuterRef("pk"))))


class Series(TimeStampedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "series"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="series_unique_slug")]

    def surrogate_keys(self):
        return {surrogate_key("series", self.pk)}

    def __str__(self):
        return self.name


class SeasonQuerySet(ContentQuerySet):
    def published(self):
        return self.filter(published_q())

    def with_series(self):
        return self.select_related("series")


class Season(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = PUBLISHED_STATUS, "Published"

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="seasons")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    status = models.CharField(max_length=10, choices=Status, default=Status.PUBLISHED)
    lead = models.TextField(blank=True, help_text=PROSE_HELP)
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
        # The admin's "Import an article" page (catalog/admin/importing.py).
        permissions = [("import_season", "Can import a season article")]
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

    @property
    def is_published(self):
        """The published rule (models.base.published_q) asked of one season already loaded."""
        return self.status == PUBLISHED_STATUS

    def surrogate_keys(self):
        return {surrogate_key("season", self.pk), surrogate_key("series", self.series_id)}

    def named_person_outlet_keys(self):
        """The keys of the people and outlets this season names: publishing or withdrawing it
        shows or hides them (their pages and API answers), so a status change makes them
        stale too (catalog.content.services)."""
        people = (
            self.credits.order_by().values("person")
            .union(self.reviews.exclude(critic=None).order_by().values("critic"))
            .union(self.events.order_by().values("people").exclude(people=None))
            .union(self.accolades.exclude(nominee=None).order_by().values("nominee"))
        )  # fmt: skip
        outlets = self.reviews.order_by().values_list("outlet", flat=True).distinct()
        return {surrogate_key("person", row["person"]) for row in people} | {
            surrogate_key("outlet", pk) for pk in outlets
        }

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalog:season-detail", kwargs={"slug": self.slug})

    def get_timeline_url(self):
        return reverse("catalog:season-timeline", kwargs={"slug": self.slug})

    def clean(self):
        refuse_unknown_markers(self.pk, "lead", self.lead)

    @property
    def lead_paragraphs(self):
        return split_paragraphs(self.lead)


class InfoboxField(TimeStampedModel):
    """An infobox line kept as written, in order: one whose key the site keeps nowhere else
    (a season's own field, or its credits, is edited there and shown from there)."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="infobox_fields")
    position = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=100)
    value = models.TextField(blank=True)
    source = models.TextField(blank=True)

    objects = SeasonContentQuerySet.as_manager()

    class Meta:
        ordering = ["season", "position"]
        constraints = [
            models.UniqueConstraint(fields=["season", "key"], name="infobox_field_unique_key"),
        ]

    def surrogate_keys(self):
        return {surrogate_key("season", self.season_id)}

    def __str__(self):
        return f"{self.key}: {self.value}"

    def clean(self):
        # One place to edit each fact the page shows: a second one would change nothing.
        name = infobox_key(self.key)
        if name in INFOBOX_SEASON_FIELDS:
            field = Season._meta.get_field(INFOBOX_SEASON_FIELDS[name]).verbose_name
            where = f"the season's own “{field}” field"
        elif name in INFOBOX_JOBS:
            where = f"the season's crew credits with the job “{INFOBOX_JOBS[name]}”"
        elif name in INFOBOX_CAST:
            where = "the season's main cast credits"
        else:
            return
        raise ValidationError(
            {"key": f"The infobox shows “{self.key}” from {where}: edit it there."}
        )


class Section(TimeStampedModel):
    """A heading of the article and the prose paragraphs under it."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    level = models.PositiveSmallIntegerField(default=2)
    title = models.CharField(max_length=200)
    anchor = models.SlugField(max_length=200)
    body = models.TextField(blank=True, help_text=PROSE_HELP)

    objects = SeasonContentQuerySet.as_manager()

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

    def surrogate_keys(self):
        return {surrogate_key("season", self.season_id)}

    def __str__(self):
        return self.title

    def clean(self):
        # The page keeps some ids for its own parts; a section there would link to them.
        if self.anchor and is_reserved_anchor(self.anchor):
            raise ValidationError(
                {
                    "anchor": f"“{self.anchor}” names a part of the season page itself; "
                    f"choose another, e.g. “{self.anchor}-2”."
                }
            )
        refuse_unknown_markers(self.season_id, "body", self.body)

    def get_absolute_url(self):
        return f"{self.season.get_absolute_url()}#{self.anchor}"

    @property
    def paragraphs(self):
        return split_paragraphs(self.body)


class Episode(TimeStampedModel):
    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="episodes")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, blank=True, help_text="Blank until an editor adds it.")

    objects = SeasonContentQuerySet.as_manager()

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

    def surrogate_keys(self):
        return {surrogate_key("season", self.season_id)}

    def __str__(self):
        return f"{self.season} episode {self.number}" + (f": {self.title}" if self.title else "")


def refuse_unknown_markers(season_id, field, text):
    """A marker in `text` must name a reference of the season (a new season has none yet)."""
    # Looked up by name: the references module imports this one, not the other way round.
    Reference = apps.get_model("catalog", "Reference")

    numbers = list(dict.fromkeys(marker_numbers(text)))
    if not numbers:
        return
    known = set(
        Reference.objects.filter(
            season_id=season_id, number__in=[n for n in numbers if n <= REFERENCE_NUMBER_MAX]
        ).values_list("number", flat=True)
        if season_id
        else ()
    )
    unknown = [number for number in numbers if number not in known]
    if len(unknown) == 1:
        (number,) = unknown
        message = (
            f"{marker(number)} cites no reference of this season: add reference {number} "
            "first, or remove the marker."
        )
    elif unknown:
        message = (
            f"{listed(marker(n) for n in unknown)} cite no reference of this season: add "
            f"references {listed(unknown)} first, or remove the markers."
        )
    else:
        return
    raise ValidationError({field: message})


def listed(items):
    """`a`, `a and b`, `a, b and c`."""
    items = [str(item) for item in items]
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else items[0]
