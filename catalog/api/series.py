"""Series, each with its seasons, and a season found by its series and number.

A series' seasons are the ones its reader may see (the models' one published rule,
`visible_to`): published ones for visitors, drafts too for editors. A series is shown to
visitors when it has a published season (SeriesQuerySet.published).

`/api/v1/series/<slug>/seasons/<number>/` answers exactly as the season's own detail: the
same view (SeasonViewSet's retrieve, `?include=` and the validators included), with the
season looked up by series and number. It is read-only; a season is written at its own
address. A number that is not a whole number of at most five digits is the API's JSON 404.
"""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers

from catalog.api.fields import DetailUrlField
from catalog.api.params import include_parameter
from catalog.api.serializers import ContentSerializer, SeasonSerializer
from catalog.api.views import ContentViewSet, SeasonViewSet
from catalog.models import Season, Series


class SeasonSummarySerializer(serializers.ModelSerializer):
    """A season as a series lists it; its full representation is at `url`."""

    url = DetailUrlField(view_name="api:season-detail", lookup_field="slug")

    class Meta:
        model = Season
        fields = ["slug", "url", "title", "number", "release_date"]
        read_only_fields = fields


class SeriesSerializer(ContentSerializer):
    url = DetailUrlField(view_name="api:series-detail", lookup_field="slug")
    seasons = SeasonSummarySerializer(
        many=True, read_only=True, help_text="Its seasons, by number (drafts for editors)."
    )

    class Meta(ContentSerializer.Meta):
        model = Series
        fields = ["url", "slug", "name", "seasons", "version"]


class SeriesViewSet(ContentViewSet):
    """Series, by slug, each with its seasons in number order."""

    queryset = Series.objects.all()
    serializer_class = SeriesSerializer
    lookup_field = "slug"
    lookup_example = "jessica-jones"
    search_fields = ["name"]
    ordering_fields = ["name", "updated_at"]
    extra_delete_errors = (409,)  # its seasons protect it
    # A season published, made a draft, added or deleted can show or hide a series.
    list_keys = ("series-list", "season-list")

    def get_queryset(self):
        seasons = Season.objects.visible_to(self.request.user).order_by("number")
        return super().get_queryset().prefetch_related(Prefetch("seasons", seasons))

    # The seasons listed are shown too: their changes date the answer (Last-Modified).

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.shown = [*self.shown, *(s for series in self.shown for s in series.seasons.all())]
        return page

    def get_object(self):
        series = super().get_object()
        self.shown = [series, *series.seasons.all()]
        return series


SERIES_SLUG_PARAMETER = OpenApiParameter(
    "series_slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=r"^[-a-zA-Z0-9_]+$",
    examples=[OpenApiExample("From the seed content", value="jessica-jones")],
)


@extend_schema_view(
    retrieve=extend_schema(
        operation_id="series_seasons_retrieve",
        parameters=[SERIES_SLUG_PARAMETER, include_parameter(SeasonSerializer.INCLUDABLE)],
        description="The season of this series with this number, exactly as its own detail "
        "(`/api/v1/seasons/<slug>/`) answers.",
    )
)
class SeriesSeasonViewSet(SeasonViewSet):
    """Route it with `as_view({"get": "retrieve"})`: the season's detail, by series and number."""

    lookup_field = "number"
    lookup_example = 2

    def get_queryset(self):
        seasons = super().get_queryset()
        if getattr(self, "swagger_fake_view", False):
            return seasons
        return seasons.filter(series__slug=self.kwargs["series_slug"])
