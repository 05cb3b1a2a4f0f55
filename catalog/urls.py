from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from catalog.delivery.caching import CHANGES, with_keys
from catalog.pages import views
from catalog.pages.feeds import ChangesFeed
from catalog.pages.sitemaps import SITEMAPS

app_name = "catalog"

urlpatterns = [
    path("", views.home, name="home"),
    path("seasons/<slug:slug>/", views.season_detail, name="season-detail"),
    path("seasons/<slug:slug>/timeline/", views.season_timeline, name="season-timeline"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("changes/", views.changes, name="changes"),
    path("changes/feed/", with_keys(CHANGES)(ChangesFeed()), name="changes-feed"),
    path("search/", views.search, name="search"),
    # An index of the sections, each a sitemap of at most SITEMAP_LIMIT pages (?p=2, ...).
    # Every change may add, drop or date an entry.
    path(
        "sitemap.xml",
        with_keys(CHANGES)(index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "catalog:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        with_keys(CHANGES)(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
]
