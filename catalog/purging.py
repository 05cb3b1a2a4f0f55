"""Purging the shared HTTP caches in front of the site (placeholder until the purger lands)."""


def purge(keys):
    """Nothing to purge: no shared cache is configured."""
