"""The benchmark's settings: the site's own, with the bench's URLs (bench/urls.py) and the bench
app, whose `generate_catalogue` command writes the large catalogue (bench/catalogue.py)."""

from jjsite.settings import *  # noqa: F403
from jjsite.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
