"""Credits: who played or did what in a season."""

from django.db import models
from django.db.models import Q

from catalog.domain.vocabulary import Billing, billing_rank
from catalog.models.base import SeasonContentQuerySet, TimeStampedModel, surrogate_key


class CreditQuerySet(SeasonContentQuerySet):
    def cast(self):
        return self.filter(department=Credit.Department.CAST)

    def crew(self):
        return self.filter(department=Credit.Department.CREW)

    def with_related(self):
        return self.select_related("season", "person", "episode")

    def in_billing_order(self):
        """Season by season: cast before crew, main before recurring before guest, then order."""
        return self.order_by("season", *Credit.BILLING_ORDERING)


class Credit(TimeStampedModel):
    class Department(models.TextChoices):
        CAST = "cast", "Cast"
        CREW = "crew", "Crew"

    Billing = Billing

    season = models.ForeignKey("catalog.Season", on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey("catalog.Person", on_delete=models.PROTECT, related_name="credits")
    department = models.CharField(max_length=4, choices=Department)
    # NULL, not blank: crew have no billing at all, and the API says so with null.
    billing = models.CharField(max_length=10, choices=Billing, null=True, blank=True)  # noqa: DJ001
    character = models.CharField(max_length=200, blank=True)
    job = models.CharField(max_length=100, blank=True)
    episode = models.ForeignKey(
        "catalog.Episode", on_delete=models.CASCADE, related_name="credits", null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Billing order within its group.")
    note = models.CharField(max_length=300, blank=True, help_text="What the job was for.")
    source = models.TextField(blank=True)

    objects = CreditQuerySet.as_manager()

    # Within a season, the article's order: the one ordering the pages, the API and the admin use.
    BILLING_ORDERING = ("department", billing_rank(), "order", "id")

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
                        billing__in=Billing.values,
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

    def surrogate_keys(self):
        return {surrogate_key("season", self.season_id), surrogate_key("person", self.person_id)}

    def __str__(self):
        role = self.character if self.department == self.Department.CAST else self.job
        return f"{self.person} – {role} ({self.season})"
