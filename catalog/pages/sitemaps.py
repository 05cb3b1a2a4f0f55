"""The sitemap: the home page and every public season, timeline and person page.

/sitemap.xml is an index of the sections (/sitemap-seasons.xml, ...), each split into pages of
SITEMAP_LIMIT addresses (?p=2): a large catalogue has tens of thousands of people, and a
crawler reads one page at a time.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from catalog.models import Person, Season

SITEMAP_LIMIT = 5000


class HomeSitemap(Sitemap):
    limit = SITEMAP_LIMIT
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["catalog:home"]

    def location(self, item):
        return reverse(item)


class SeasonSitemap(Sitemap):
    limit = SITEMAP_LIMIT
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return Season.objects.published().order_by("pk")

    def lastmod(self, season):
        return season.updated_at


class TimelineSitemap(SeasonSitemap):
    priority = 0.6

    def location(self, season):
        return season.get_timeline_url()


class PersonSitemap(Sitemap):
    limit = SITEMAP_LIMIT
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Person.objects.published().order_by("pk")

    def lastmod(self, person):
        return person.updated_at


SITEMAPS = {
    "home": HomeSitemap,
    "seasons": SeasonSitemap,
    "timelines": TimelineSitemap,
    "people": PersonSitemap,
}
