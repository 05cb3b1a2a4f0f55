"""System checks for deployments (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Several workers must share the cache: the stored answers' versions (an edit must show
    on the next request from any worker) and the API's throttle counts live in it."""
    if "LocMemCache" in settings.CACHES["default"]["BACKEND"]:
        return [
            Warning(
                "The cache is each process's own memory: with more than one worker, an edit "
                "would not reach the answers the other workers stored, and each would "
                "throttle on its own count.",
                hint="Set REDIS_URL (redis://host:6379/0) to share one Redis.",
                id="catalog.W001",
            )
        ]
    return []
