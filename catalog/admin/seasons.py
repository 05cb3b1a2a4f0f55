"""Series and seasons, and a season's infobox lines, sections and episodes.

The season page holds the season's own fields and its infobox lines; every other part of the
article is edited on its own pages, which the season page lists (see parts.py).
"""

from django.contrib import admin

from catalog.admin.base import TIMESTAMPS, ContentAdmin
from catalog.admin.inlines import InfoboxFieldInline
from catalog.admin.parts import SEASON_FILTER, Part, PartAdmin, PartsPanelAdmin
from catalog.content.selectors import related_count
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Reference,
    Review,
    Season,
    Section,
    Series,
)


@admin.register(Series)
class SeriesAdmin(ContentAdmin):
    list_display = ["name", "slug", "season_count"]
    ordering = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(season_count=related_count(Season, "series"))

    @admin.display(description="seasons", ordering="season_count")
    def season_count(self, obj):
        return obj.season_count


@admin.register(Season)
class SeasonAdmin(PartsPanelAdmin):
    list_display = [
        "title",
        "series",
        "number",
        "status",
        "network",
        "release_date",
        "credit_count",
    ]
    list_filter = ["status", "series", "network"]
    ordering = ["series__name", "number"]
    search_fields = ["title", "slug", "series__name"]
    date_hierarchy = "release_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series"]
    readonly_fields = TIMESTAMPS
    save_on_top = True
    inlines = [InfoboxFieldInline]
    # In the article's order.
    parts = [
        Part("Sections", Section, "season"),
        Part("Episodes", Episode, "season"),
        Part("Cast", Credit, "season", {"department": Credit.Department.CAST}),
        Part("Crew", Credit, "season", {"department": Credit.Department.CREW}),
        Part("Reviews", Review, "season"),
        Part("Events", Event, "season"),
        Part("Accolades", Accolade, "season"),
        Part("References", Reference, "season"),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).with_series()
        return queryset.annotate(credit_count=related_count(Credit, "season"))

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, obj):
        return obj.credit_count


@admin.register(InfoboxField)
class InfoboxFieldAdmin(PartAdmin):
    list_display = ["key", "value", "position", "season"]
    list_filter = [SEASON_FILTER]
    list_select_related = ["season"]
    ordering = ["season_id", "position"]
    search_fields = ["key", "value"]
    autocomplete_fields = ["season"]
    readonly_fields = ["source", *TIMESTAMPS]


@admin.register(Section)
class SectionAdmin(PartAdmin):
    list_display = ["title", "position", "level", "anchor", "season"]
    list_filter = [SEASON_FILTER, "level"]
    list_select_related = ["season"]
    ordering = ["season_id", "position"]
    search_fields = ["title", "anchor", "body"]
    prepopulated_fields = {"anchor": ["title"]}
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS


@admin.register(Episode)
class EpisodeAdmin(PartAdmin):
    list_display = ["number", "title", "season"]
    list_display_links = ["number"]
    # Titles are not in the articles: editors fill them in, a season at a time.
    list_editable = ["title"]
    list_editable_help = "Type the episodes' titles and press Save at the bottom."
    list_filter = [SEASON_FILTER]
    ordering = ["season_id", "number"]
    search_fields = ["title", "number__exact", "season__title"]
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS

    def get_queryset(self, request):
        # The autocomplete results use this queryset too, and an episode's label names its season.
        return super().get_queryset(request).select_related("season")
