"""Awards and nominations."""

from django.db import models

from catalog.models.base import SeasonContentQuerySet, TimeStampedModel, surrogate_key


class Accolade(TimeStampedModel):
    class Result(models.TextChoices):
        WON = "won", "Won"
        NOMINATED = "nominated", "Nominated"
        UNKNOWN = "unknown", "Unknown"

    season = models.ForeignKey("catalog.Season", on_delete=models.CASCADE, related_name="accolades")
    year = models.PositiveSmallIntegerField()
    award = models.CharField(max_length=200)
    category = models.CharField(max_length=300)
    nominee = models.ForeignKey(
        "catalog.Person",
        on_delete=models.PROTECT,
        related_name="accolades",
        null=True,
        blank=True,
    )
    nominee_text = models.CharField(max_length=300, blank=True, help_text="As the table gives it.")
    result = models.CharField(max_length=10, choices=Result, default=Result.UNKNOWN)
    source = models.TextField(blank=True)

    objects = SeasonContentQuerySet.as_manager()

    class Meta:
        ordering = ["season", "year", "award", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "year", "award", "category", "nominee_text"],
                name="accolade_unique_nomination",
            ),
        ]

    def surrogate_keys(self):
        keys = {surrogate_key("season", self.season_id)}
        if self.nominee_id:
            keys.add(surrogate_key("person", self.nominee_id))
        return keys

    def __str__(self):
        return f"{self.year} {self.award}: {self.category}"
