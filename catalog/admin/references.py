"""References and the article sentences citing them."""

from django.contrib import admin
from django.db.models import Count
from django.utils.text import Truncator

from catalog.admin.base import HTTPS_URLS, TIMESTAMPS, ContentAdmin
from catalog.admin.inlines import CitationInline
from catalog.admin.parts import SEASON_FILTER, PartAdmin
from catalog.models import Citation, Reference


@admin.register(Reference)
class ReferenceAdmin(PartAdmin):
    list_display = ["number", "title", "publisher", "published", "citation_count", "season"]
    list_display_links = ["number", "title"]
    list_filter = [SEASON_FILTER, "publisher"]
    ordering = ["season", "number"]
    search_fields = ["title", "number__exact", "publisher", "url"]
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS
    formfield_overrides = HTTPS_URLS
    inlines = [CitationInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("season")
        return queryset.annotate(citation_count=Count("citations"))

    @admin.display(description="citations", ordering="citation_count")
    def citation_count(self, obj):
        return obj.citation_count


@admin.register(Citation)
class CitationAdmin(ContentAdmin):
    list_display = ["reference", "short_sentence", "offset", "section"]
    list_filter = ["reference__season"]
    list_select_related = ["reference", "section"]
    search_fields = ["sentence", "reference__title", "reference__number__exact"]
    autocomplete_fields = ["reference", "section"]
    readonly_fields = ["source", *TIMESTAMPS]

    @admin.display(description="sentence")
    def short_sentence(self, obj):
        return Truncator(obj.sentence).chars(80)
