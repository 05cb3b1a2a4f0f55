"""People: cast, crew, critics and nominees."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse

from catalog.models.accolades import Accolade
from catalog.models.base import ContentQuerySet, TimeStampedModel, surrogate_key
from catalog.models.credits import Credit
from catalog.models.events import Event
from catalog.models.reviews import Review


class PersonQuerySet(ContentQuerySet):
    def published(self):
        """People named by some work of a published season: only they have a public page."""
        return self.filter(
            Exists(Credit.objects.published().filter(person=OuterRef("pk")))
            | Exists(Review.objects.published().filter(critic=OuterRef("pk")))
            | Exists(Event.objects.published().filter(people=OuterRef("pk")))
            | Exists(Accolade.objects.published().filter(nominee=OuterRef("pk")))
        )


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

    def surrogate_keys(self):
        return {surrogate_key("person", self.pk)}

    def naming_season_keys(self):
        # Every season whose page names them: cast or crew, critic, in an event, nominee.
        seasons = (
            Credit.objects.filter(person=self).order_by().values("season")
            .union(Review.objects.filter(critic=self).order_by().values("season"))
            .union(Event.objects.filter(people=self).order_by().values("season"))
            .union(Accolade.objects.filter(nominee=self).order_by().values("season"))
        )  # fmt: skip
        return {surrogate_key("season", row["season"]) for row in seasons}

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:person-detail", kwargs={"slug": self.slug})
