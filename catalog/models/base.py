"""What every content model shares: timestamps, and the one rule for what visitors may see."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

PUBLISHED = "published"
# Editors hold this permission; it lets them see drafts wherever content is read.
VIEW_DRAFTS_PERMISSION = "catalog.view_season"


def published_q(season_path=""):
    """The published rule, as a filter on a season reached through `season_path`."""
    prefix = f"{season_path}__" if season_path else ""
    return Q(**{f"{prefix}status": PUBLISHED})


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
