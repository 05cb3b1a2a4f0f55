"""Series and seasons, and a season's infobox lines, sections and episodes.

The season page holds most of the article: every other part of it is an inline there.
"""

from django.contrib import admin
from django.db.models import Count

from catalog.admin.base import TIMESTAMPS, ContentAdmin
from catalog.admin.inlines import (
    AccoladeInline,
    CastCreditInline,
    CrewCreditInline,
    EpisodeInline,
    EventInline,
    InfoboxFieldInline,
    ReferenceInline,
    ReviewInline,
    SectionInline,
)
from catalog.models import Episode, InfoboxField, Season, Section, Series


@admin.register(Series)
class SeriesAdmin(ContentAdmin):
    list_display = ["name", "slug", "season_count"]
    ordering = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(season_count=Count("seasons"))

    @admin.display(description="seasons", ordering="season_count")
    def season_count(self, obj):
        return obj.season_count


@admin.register(Season)
class SeasonAdmin(ContentAdmin):
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
    inlines = [
        InfoboxFieldInline,
        SectionInline,
        EpisodeInline,
        CastCreditInline,
        CrewCreditInline,
        ReviewInline,
        EventInline,
        AccoladeInline,
        ReferenceInline,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_series().annotate(credit_count=Count("credits"))

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, obj):
        return obj.credit_count


@admin.register(InfoboxField)
class InfoboxFieldAdmin(ContentAdmin):
    list_display = ["key", "value", "position", "season"]
    list_filter = ["season"]
    list_select_related = ["season"]
    search_fields = ["key", "value"]
    autocomplete_fields = ["season"]
    readonly_fields = ["source", *TIMESTAMPS]


@admin.register(Section)
class SectionAdmin(ContentAdmin):
    list_display = ["title", "season", "position", "level", "anchor"]
    list_filter = ["season", "level"]
    list_select_related = ["season"]
    search_fields = ["title", "anchor", "body"]
    prepopulated_fields = {"anchor": ["title"]}
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS


@admin.register(Episode)
class EpisodeAdmin(ContentAdmin):
    list_display = ["number", "title", "season"]
    list_display_links = ["number", "title"]
    list_filter = ["season"]
    search_fields = ["title", "number__exact", "season__title"]
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS

    def get_queryset(self, request):
        # The autocomplete results use this queryset too, and an episode's label names its season.
        return super().get_queryset(request).select_related("season")
