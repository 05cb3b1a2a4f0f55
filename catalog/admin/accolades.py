"""Award nominations and wins."""

from django.contrib import admin

from catalog.admin.base import TIMESTAMPS
from catalog.admin.parts import SEASON_FILTER, PartAdmin
from catalog.models import Accolade


@admin.register(Accolade)
class AccoladeAdmin(PartAdmin):
    list_display = ["year", "award", "category", "nominee_display", "result", "season"]
    list_filter = [SEASON_FILTER, "result", "year", "award"]
    list_select_related = ["season", "nominee"]
    ordering = ["season_id", "year", "award", "category"]  # the accolades table's order
    search_fields = ["award", "category", "nominee_text", "nominee__name"]
    autocomplete_fields = ["season", "nominee"]
    readonly_fields = ["source", *TIMESTAMPS]

    @admin.display(description="nominee", ordering="nominee_text")
    def nominee_display(self, obj):
        return obj.nominee.name if obj.nominee else obj.nominee_text
