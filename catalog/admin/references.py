"""References. Their citations are the markers `[N]` in the season's lead and section bodies,
edited there; a reference nothing cites is marked so."""

from django.contrib import admin

from catalog.admin.base import HTTPS_URLS, TIMESTAMPS
from catalog.admin.parts import SEASON_FILTER, PartAdmin
from catalog.models import Reference


@admin.register(Reference)
class ReferenceAdmin(PartAdmin):
    list_display = ["number", "title", "publisher", "published", "cited", "season"]
    list_display_links = ["number", "title"]
    list_filter = [SEASON_FILTER, "publisher"]
    ordering = ["season_id", "number"]
    search_fields = ["title", "number__exact", "publisher", "url"]
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS
    formfield_overrides = HTTPS_URLS

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("season").with_cited()

    @admin.display(description="cited in the text", boolean=True, ordering="cited")
    def cited(self, obj):
        return obj.cited
