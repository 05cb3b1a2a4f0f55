"""What every content model shares: timestamps, and the one rule for what visitors may see."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

PUBLISHED = "published"
# Editors hold this permission; it lets them see drafts wherever content is read.
VIEW_DRAFTS_PERMISSION = "catalog.view_season"


def surrogate_key(kind, pk):
    """The cache key of one object's pages and answers (catalog.delivery.caching): "season-3"."""
    return f"{kind}-{pk}"


def published_q(season_path=""):
    """The published rule, as a filter on a season reached through `season_path`."""
    prefix = f"{season_path}__" if season_path else ""
    return Q(**{f"{prefix}status": PUBLISHED})


class HistoryRow(models.Model):
    """What every history row adds to django-simple-history's snapshot: the revision it
    belongs to, and the fields that write changed, as {name: [old, new]} (see revisions)."""

    revision = models.ForeignKey(
        "catalog.Revision", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True


class TimeStampedModel(models.Model):
    """Every content model: timestamps, a version, and a history of every write."""

    # Defaults rather than auto_now, so that fixtures can leave them out and stay deterministic.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    # Bumped by every save through the write service; a form or an API write carries the
    # version it started from, so that a stale save is caught (see catalog.content.services).
    version = models.PositiveIntegerField(default=1, editable=False)

    # One history table per model; a row per save and per deletion (cascades included).
    history = HistoricalRecords(inherit=True, bases=[HistoryRow])

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    def surrogate_keys(self):
        """The keys (surrogate_key) of what shows this object: the pages and API answers that
        name one of them are stale once it changes (catalog.delivery.caching). Each model says."""
        raise NotImplementedError

    def naming_season_keys(self):
        """For a person or an outlet: the keys of the seasons that name it, which a change to
        it makes stale too (catalog.delivery.caching, "People and outlets"). Nothing for the
        rest."""
        return set()

    def named_person_outlet_keys(self):
        """For a season: the keys of the people and outlets it names, which its publication
        or deletion shows or hides (catalog.content.services). Nothing for the rest."""
        return set()


class ContentQuerySet(models.QuerySet):
    """Every content queryset: `published()` for visitors, `visible_to(user)` for a request."""

    def published(self):
        raise NotImplementedError

    def visible_to(self, user):
        return self if user.has_perm(VIEW_DRAFTS_PERMISSION) else self.published()


class SeasonContentQuerySet(ContentQuerySet):
    """Content reached through a season: public when its season is published."""

    season_path = "season"

    def published(self):
        return self.filter(published_q(self.season_path))
