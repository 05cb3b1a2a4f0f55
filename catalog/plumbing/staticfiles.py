"""The static files with debug off: WhiteNoise's hashed, compressed copies once collected.

`manage.py collectstatic` copies them into STATIC_ROOT with content-hashed names that
browsers may keep for ever, and the manifest that maps each name to its copy; `make run`
collects them when debug is off (setup_site). Before that, a page links a file by its plain
name, which WhiteNoise serves from the apps (DJANGO_STATIC_FINDERS=1), rather than failing
every page for want of the manifest; the system check catalog.W002 says at start-up that
they are not collected and how to collect them.
"""

from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from whitenoise.storage import CompressedManifestStaticFilesStorage

COLLECT_COMMAND = ".venv/bin/python manage.py collectstatic --noinput"


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:  # not collected (yet): neither in the manifest nor in STATIC_ROOT
            return name


def hashed():
    """Whether the static files are served under hashed names (debug off): then they are
    collected first."""
    return isinstance(staticfiles_storage, ManifestFilesMixin)


def collected():
    """Whether `collectstatic` wrote the manifest the hashed names come from."""
    return staticfiles_storage.manifest_storage.exists(staticfiles_storage.manifest_name)
