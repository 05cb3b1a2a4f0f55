"""Dated events, with the people they involve."""

from django.contrib import admin
from django.utils.text import Truncator

from catalog.admin.base import TIMESTAMPS
from catalog.admin.large import SubquerySearchMixin
from catalog.admin.parts import SEASON_FILTER, PartAdmin
from catalog.models import Event


@admin.register(Event)
class EventAdmin(SubquerySearchMixin, PartAdmin):
    list_display = ["date_display", "kind", "short_text", "people_names", "season"]
    list_filter = [SEASON_FILTER, "kind", "date_precision"]
    ordering = ["season_id", "date", "id"]  # the timeline's order
    search_fields = ["text", "people__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["season", "people"]
    readonly_fields = ["source", *TIMESTAMPS]

    def get_queryset(self, request):
        return super().get_queryset(request).with_people()

    @admin.display(description="date", ordering="date")
    def date_display(self, obj):
        return obj.date_display

    @admin.display(description="text")
    def short_text(self, obj):
        return Truncator(obj.text).chars(80)

    @admin.display(description="people")
    def people_names(self, obj):
        return ", ".join(person.name for person in obj.people.all())
