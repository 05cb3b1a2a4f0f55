"""Credits: cast and crew, in billing order."""

from django.contrib import admin

from catalog.admin.base import CREDIT_ORDERING, TIMESTAMPS, ContentAdmin
from catalog.models import Credit, Episode


@admin.register(Credit)
class CreditAdmin(ContentAdmin):
    list_display = [
        "person_name",
        "role",
        "department",
        "billing",
        "order",
        "episode_number",
        "season",
    ]
    list_filter = ["department", "billing", "season", "job"]
    search_fields = ["person__name", "person__sort_name", "character", "job", "note"]
    autocomplete_fields = ["season", "person", "episode"]
    readonly_fields = ["source", *TIMESTAMPS]
    ordering = ["season", *CREDIT_ORDERING]

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
