"""Award nominations and wins."""

from django.contrib import admin

from catalog.admin.base import TIMESTAMPS, ContentAdmin
from catalog.models import Accolade


@admin.register(Accolade)
class AccoladeAdmin(ContentAdmin):
    list_display = ["year", "award", "category", "nominee_display", "result", "season"]
    list_filter = ["result", "year", "award", "season"]
    list_select_related = ["season", "nominee"]
    search_fields = ["award", "category", "nominee_text", "nominee__name"]
    autocomplete_fields = ["season", "nominee"]
    readonly_fields = ["source", *TIMESTAMPS]

    @admin.display(description="nominee", ordering="nominee_text")
    def nominee_display(self, obj):
        return obj.nominee.name if obj.nominee else obj.nominee_text
