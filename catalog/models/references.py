"""The article's numbered references and the sentences that cite them."""

from django.db import models
from django.db.models.functions import MD5

from catalog.models.base import SeasonContentQuerySet, TimeStampedModel


class CitationQuerySet(SeasonContentQuerySet):
    season_path = "reference__season"


class Reference(TimeStampedModel):
    """A numbered reference of the article; the seeds give only its number."""

    season = models.ForeignKey(
        "catalog.Season", on_delete=models.CASCADE, related_name="references"
    )
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)

    objects = SeasonContentQuerySet.as_manager()

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
        "catalog.Section",
        on_delete=models.SET_NULL,
        related_name="citations",
        null=True,
        blank=True,
    )
    sentence = models.TextField(help_text="The article's sentence, as the article writes it.")
    offset = models.PositiveIntegerField(
        help_text="Where the marker stands in the sentence: the cited words end there."
    )
    source = models.TextField(blank=True, help_text="The line of the citations file.")

    objects = CitationQuerySet.as_manager()

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
