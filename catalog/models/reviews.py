"""Outlets, and the reviews and aggregate scores they gave a season."""

import re

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q

from catalog.models.base import (
    ContentQuerySet,
    SeasonContentQuerySet,
    TimeStampedModel,
    surrogate_key,
)


class OutletQuerySet(ContentQuerySet):
    def published(self):
        """Outlets with a review of a published season: only they are shown to visitors."""
        return self.filter(Exists(Review.objects.published().filter(outlet=OuterRef("pk"))))


class Outlet(TimeStampedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    is_aggregator = models.BooleanField(default=False)

    objects = OutletQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="outlet_unique_slug")]

    def surrogate_keys(self):
        return {surrogate_key("outlet", self.pk)}

    def naming_season_keys(self):
        seasons = self.reviews.values_list("season", flat=True).distinct()
        return {surrogate_key("season", pk) for pk in seasons}

    def __str__(self):
        return self.name


# A sentence ends so, perhaps inside a closing quotation mark.
SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s*$")


class ReviewQuerySet(SeasonContentQuerySet):
    def with_related(self):
        return self.select_related("season", "outlet", "critic")


class Review(TimeStampedModel):
    class Kind(models.TextChoices):
        CRITIC = "critic", "Critic review"
        AGGREGATE = "aggregate", "Aggregate score"

    class Sentiment(models.TextChoices):
        POSITIVE = "positive", "Positive"
        MIXED = "mixed", "Mixed"
        NEGATIVE = "negative", "Negative"

    season = models.ForeignKey("catalog.Season", on_delete=models.CASCADE, related_name="reviews")
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="reviews")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.CRITIC)
    critic = models.ForeignKey(
        "catalog.Person", on_delete=models.PROTECT, related_name="reviews", null=True, blank=True
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

    def surrogate_keys(self):
        keys = {surrogate_key("season", self.season_id), surrogate_key("outlet", self.outlet_id)}
        if self.critic_id:
            keys.add(surrogate_key("person", self.critic_id))
        return keys

    @property
    def consensus_label(self):
        """What an aggregator's `consensus` is, for its label. A sentence is a critics
        consensus (Rotten Tomatoes writes one); a phrase is the verdict the score indicates
        (Metacritic's "generally favorable"), which the importer keeps in the same field."""
        return "Critics consensus" if SENTENCE_END.search(self.consensus) else "Verdict"

    def __str__(self):
        by = f"{self.critic}, {self.outlet}" if self.critic_id else str(self.outlet)
        return f"{by} on {self.season}"
