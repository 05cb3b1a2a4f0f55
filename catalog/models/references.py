"""The article's numbered references, and its citations: the markers `[N]` in its prose.

A citation is no row of its own: it is a marker written in a season's lead or a section's body
where the cited words end (`vocabulary.MARKER_RE`). The text is the one source, so rewording a
sentence keeps its markers, moving a marker moves the citation and deleting it removes the
citation. `citations_in()` reads them for the page's superscripts and the API's read-only
citations. Every marker names a reference of its season: the lead and the bodies refuse any
other (`seasons.refuse_unknown_markers`), and a reference still cited is neither deleted nor
renumbered.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat

from catalog.domain.vocabulary import marker, sentence_at, split_markers, split_paragraphs
from catalog.models.base import SeasonContentQuerySet, TimeStampedModel, surrogate_key
from catalog.models.seasons import Season, Section


class ReferenceQuerySet(SeasonContentQuerySet):
    def with_cited(self):
        """Each reference with `cited`: whether its season's lead or a section's body holds
        its marker (a `[N]` in a text is exactly a marker of reference N)."""
        own_marker = Concat(Value("["), Cast("number", models.CharField()), Value("]"))
        in_a_body = Section.objects.filter(
            season=OuterRef("season"), body__contains=OuterRef("marker")
        )
        return self.alias(marker=own_marker).annotate(
            cited=Q(season__lead__contains=models.F("marker")) | Exists(in_a_body)
        )


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

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["season", "number"]
        constraints = [
            models.UniqueConstraint(fields=["season", "number"], name="reference_unique_number"),
        ]

    def surrogate_keys(self):
        return {surrogate_key("season", self.season_id)}

    @property
    def has_details(self):
        """Whether an editor has filled in anything about the source (the seeds give none)."""
        return bool(self.title or self.url or self.publisher or self.published)

    def __str__(self):
        return f"[{self.number}] {self.title}".strip()

    def clean(self):
        # Renumbered, or moved to another season, it would leave its markers citing nothing.
        stored = Reference.objects.filter(pk=self.pk).values("season", "number").first()
        if stored and (stored["season"], stored["number"]) != (self.season_id, self.number):
            citing = texts_citing(stored["season"], stored["number"])
            if citing:
                raise ValidationError(
                    {
                        "number": f"{marker(stored['number'])} is still cited in "
                        f"{names_of(citing)}: change those markers first."
                    }
                )

    def delete(self, *args, **kwargs):
        # As a foreign key's PROTECT would: the admin and the API refuse it with the texts.
        citing = texts_citing(self.season_id, self.number)
        if citing:
            raise models.ProtectedError(
                f"{marker(self.number)} is still cited in {names_of(citing)}.", citing
            )
        return super().delete(*args, **kwargs)


def texts_citing(season_id, number):
    """The season (for its lead) and its sections whose text holds reference `number`'s
    marker."""
    text = marker(number)
    return [
        *Season.objects.filter(pk=season_id, lead__contains=text),
        *Section.objects.filter(season_id=season_id, body__contains=text).order_by("position"),
    ]


def names_of(texts):
    return ", ".join(
        f"the lead of {text}" if isinstance(text, Season) else f"“{text}”" for text in texts
    )


# Citations: read from the text ---------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """A marker as the page shows it: `ref_id` is cite-ref-N-K, reference N's K-th marker."""

    number: int
    ref_id: str


def marked_paragraphs(texts):
    """Each of `texts` (the lead, then the section bodies, in page order) as its paragraphs,
    each a list of words (str) and `Marker`s. K counts reference N's markers down the page."""
    counts = Counter()
    result = []
    for text in texts:
        paragraphs = []
        for paragraph in split_paragraphs(text):
            parts = []
            for part in split_markers(paragraph):
                if isinstance(part, int):
                    counts[part] += 1
                    part = Marker(part, f"cite-ref-{part}-{counts[part]}")
                parts.append(part)
            paragraphs.append(parts)
        result.append(paragraphs)
    return result


@dataclass(frozen=True)
class Citation:
    """One marker of a season's prose, with the sentence it stands in (or right after)."""

    season: Season
    section: Section | None  # None: the lead
    number: int
    ref_id: str
    sentence: str

    @property
    def id(self):
        return f"{self.season.slug}:{self.ref_id}"

    @property
    def section_anchor(self):
        return self.section.anchor if self.section else None

    @property
    def updated_at(self):
        return (self.section or self.season).updated_at

    def get_absolute_url(self):
        return f"{self.season.get_absolute_url()}#{self.ref_id}"

    def surrogate_keys(self):
        return self.season.surrogate_keys()


def citations_in(season, sections):
    """The season's citations in page order: its lead, then `sections` (in position order)."""
    citations = []
    texts = [season.lead, *(section.body for section in sections)]
    for section, paragraphs in zip([None, *sections], marked_paragraphs(texts), strict=True):
        for parts in paragraphs:
            words = "".join(part for part in parts if isinstance(part, str))
            position = 0
            for part in parts:
                if isinstance(part, str):
                    position += len(part)
                else:
                    sentence = sentence_at(words, position)
                    citations.append(Citation(season, section, part.number, part.ref_id, sentence))
    return citations
