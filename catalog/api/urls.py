from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from catalog.api import export, series, sync, views

app_name = "api"

router = DefaultRouter()
router.register("seasons", views.SeasonViewSet, basename="season")
router.register("people", views.PersonViewSet, basename="person")
router.register("credits", views.CreditViewSet, basename="credit")
router.register("reviews", views.ReviewViewSet, basename="review")
router.register("events", views.EventViewSet, basename="event")
router.register("episodes", views.EpisodeViewSet, basename="episode")
router.register("outlets", views.OutletViewSet, basename="outlet")
router.register("accolades", views.AccoladeViewSet, basename="accolade")
router.register("citations", views.CitationViewSet, basename="citation")
router.register("series", series.SeriesViewSet, basename="series")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its setup script from docs/?script, not inline, for the CSP.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("changes/", sync.ChangesView.as_view(), name="changes"),
    re_path(
        r"^series/(?P<series_slug>[^/]+)/seasons/(?P<number>[0-9]{1,5})/$",
        series.SeriesSeasonViewSet.as_view({"get": "retrieve"}),
        name="series-season",
    ),
    path("export/", export.ExportView.as_view(), name="export"),
    *router.urls,
    re_path(r"", views.not_found),
]
