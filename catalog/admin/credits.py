"""Credits: cast and crew, in billing order.

A season's cast is reordered in its changelist (`?season__id__exact=<pk>&department__exact=cast`,
linked from the season's page): billing and order are editable columns there, and Django saves
each changed row through `save_model`, so through the write service. Plain order fields rather
than a drag-and-drop library: those save the new order with their own queryset updates, around
the write service.
"""

from django.contrib import admin

from catalog.admin.base import CREDIT_ORDERING, TIMESTAMPS
from catalog.admin.large import SubquerySearchMixin
from catalog.admin.parts import SEASON_FILTER, PartAdmin
from catalog.models import Credit, Episode


@admin.register(Credit)
class CreditAdmin(SubquerySearchMixin, PartAdmin):
    list_display = [
        "person_name",
        "role",
        "billing",
        "order",
        "episode_number",
        "department",
        "season",
    ]
    list_editable = ["billing", "order"]
    list_editable_help = (
        "Change the billing or order of any rows and press Save at the bottom: within a "
        "billing, lower order numbers come first, here and on the season's page."
    )
    # No filter by job: its choices would be a DISTINCT over every credit (`?job=director`
    # still filters).
    list_filter = [SEASON_FILTER, "department", "billing"]
    search_fields = ["person__name", "person__sort_name", "character", "job", "note"]
    autocomplete_fields = ["season", "person", "episode"]
    readonly_fields = ["source", *TIMESTAMPS]
    # The article's order: a season's cast by billing and order, then its crew.
    ordering = ["season_id", *CREDIT_ORDERING]

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "episode":
            kwargs["queryset"] = Episode.objects.select_related("season")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="person", ordering="person__sort_name")
    def person_name(self, obj):
        return obj.person.name

    @admin.display(description="character or job")
    def role(self, obj):
        return obj.character if obj.department == Credit.Department.CAST else obj.job

    @admin.display(description="episode", ordering="episode__number")
    def episode_number(self, obj):
        return obj.episode.number if obj.episode else None
