"""The benchmark's server: the site's own settings, with the bench's URLs (bench/urls.py)."""

from jjsite.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
