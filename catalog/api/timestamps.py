"""Every object's `created_at` and `updated_at`, and `?updated_since=` on every list (a
default filter backend; kept apart from catalog.api.sync, which imports DRF's views)."""

from datetime import UTC

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend

TIMESTAMPS = ("created_at", "updated_at")


def datetime_param(request, name):
    """An ISO 8601 date and time from the query (UTC when it names no offset), or None."""
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:  # well formed but impossible: month 13
        value = None
    if value is None:
        raise ValidationError(
            {name: ["Enter an ISO 8601 date and time, e.g. 2026-03-08T12:00:00Z."]}
        )
    if not timezone.is_aware(value):
        return value.replace(tzinfo=UTC)
    try:
        # In UTC: PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows up to ±23:59.
        return value.astimezone(UTC)
    except OverflowError:  # before year 1 or after 9999 once in UTC
        raise ValidationError({name: ["That date and time is out of range."]}) from None


class UpdatedSinceFilter(BaseFilterBackend):
    """`?updated_since=`: the objects saved at or after that time (`updated_at`). Deletions
    do not show in a list: to sync, follow the changes feed, which has them."""

    param = "updated_since"

    def filter_queryset(self, request, queryset, view):
        since = datetime_param(request, self.param)
        return queryset if since is None else queryset.filter(updated_at__gte=since)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": "Only objects saved at or after this time (ISO 8601; UTC "
                "without an offset). Deletions are not listed: see /api/v1/changes/.",
                "schema": {"type": "string", "format": "date-time"},
            }
        ]
