"""The content versions: for each surrogate key (`season-3`, `credit-list`, `site`, ...) the
time of its latest change, which the answer cache checks stored answers against
(catalog/delivery/caching.py).

They live in the database, not in the cache, so that every process sees every edit (whatever
the cache backend: each process's own memory, or a Redis that lost writes or came back from
an outage with old data), and so that an edit moves them in its own transaction: committed
together with the edit, or not at all. Not content: no history, no revision.
"""

import time

from django.db import models

# Moved by every write, at its start, before any version: an answer is stored only if it did
# not move while the answer was made (catalog.delivery.caching, "A race"). A colon is in no
# surrogate key, so it names nothing else.
GENERATION = ":generation"


class ContentVersion(models.Model):
    key = models.CharField(max_length=200, primary_key=True)
    version = models.BigIntegerField(help_text="Nanoseconds since the epoch of its last change.")

    def __str__(self):
        return f"{self.key} at {self.version}"


def move_versions(keys):
    """Set the version of each of `keys`, and the generation, to now: one query."""
    now = time.time_ns()
    ContentVersion.objects.bulk_create(
        [ContentVersion(key=key, version=now) for key in sorted({GENERATION, *keys})],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["version"],
    )


def read_versions(keys):
    """{key: version} for those of `keys` that have one: one indexed query."""
    return dict(ContentVersion.objects.filter(key__in=set(keys)).values_list("key", "version"))


def add_versions(keys):
    """Give each of `keys` a version now, unless one has one already. Returns what was set."""
    now = time.time_ns()
    ContentVersion.objects.bulk_create(
        [ContentVersion(key=key, version=now) for key in sorted(keys)], ignore_conflicts=True
    )
    return read_versions(keys)


def give_site_a_version(using="default", **kwargs):
    """After `migrate` and after a flush (post_migrate): `site`, which every answer names, has
    a version, so that reading it never needs to write it (catalog.delivery.caching)."""
    ContentVersion.objects.using(using).bulk_create(
        [ContentVersion(key="site", version=time.time_ns())], ignore_conflicts=True
    )
