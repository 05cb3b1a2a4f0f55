"""System checks: for deployments (`manage.py check --deploy`), and the static files, which
`runserver` and `check` report at start-up."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from catalog.plumbing import staticfiles


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Several workers must share the cache: the stored answers' versions (an edit must show
    on the next request from any worker) and the API's throttle counts live in it."""
    if "LocMemCache" in settings.CACHES["default"]["BACKEND"]:
        return [
            Warning(
                "The cache is each process's own memory: with more than one worker, each "
                "stores its own answers (edits still show everywhere: stored answers are "
                "checked against the database) and throttles on its own count.",
                hint="Set REDIS_URL (redis://host:6379/0) to share one Redis.",
                id="catalog.W001",
            )
        ]
    return []


@register(Tags.staticfiles)
def check_static_files_collected(app_configs, **kwargs):
    """With debug off, pages link the collected copies of the static files
    (catalog.plumbing.staticfiles):
    say at start-up when there are none, and how to collect them."""
    if staticfiles.hashed() and not staticfiles.collected():
        return [
            Warning(
                f"The static files are not collected into {settings.STATIC_ROOT}: with debug "
                "off, pages link them by their plain names, uncompressed and without the "
                "hashed names browsers may keep (served from the apps only while "
                "DJANGO_STATIC_FINDERS=1).",
                hint=f"Run `{staticfiles.COLLECT_COMMAND}` (`make run` does).",
                id="catalog.W002",
            )
        ]
    return []
