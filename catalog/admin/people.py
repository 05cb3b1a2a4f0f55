"""People, with their credits inline."""

from django.contrib import admin
from django.db.models import Count

from catalog.admin.base import TIMESTAMPS, ContentAdmin
from catalog.admin.inlines import PersonCreditInline
from catalog.models import Person


@admin.register(Person)
class PersonAdmin(ContentAdmin):
    list_display = ["name", "sort_name", "slug", "credit_count"]
    ordering = ["sort_name", "name"]
    search_fields = ["name", "sort_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS
    inlines = [PersonCreditInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(credit_count=Count("credits"))

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, obj):
        return obj.credit_count
