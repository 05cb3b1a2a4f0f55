"""Purges of the shared HTTP caches that have not gone through yet (catalog/delivery/purging.py).

Not content: no history, no revision, not written through the write service."""

from django.db import models
from django.utils import timezone


class PendingPurge(models.Model):
    """Keys a cache at `url` still holds stale: sent again by the background retries, with the
    next purge to that cache, or by `manage.py retry_purges`; deleted once the cache took them."""

    url = models.CharField(max_length=500, db_index=True)
    keys = models.TextField(help_text="Surrogate keys, separated by spaces.")
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Purge of {self.keys} at {self.url}"
