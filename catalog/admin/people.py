"""People, and the credits, reviews, events and accolades naming them (on their own pages)."""

from django.contrib import admin

from catalog.admin.base import TIMESTAMPS
from catalog.admin.parts import Part, PartsPanelAdmin
from catalog.content.selectors import related_count
from catalog.models import Accolade, Credit, Event, Person, Review


@admin.register(Person)
class PersonAdmin(PartsPanelAdmin):
    list_display = ["name", "sort_name", "slug", "credit_count"]
    ordering = ["sort_name", "name"]
    search_fields = ["name", "sort_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS
    # A prolific person's credits inline would post more fields than Django accepts.
    parts = [
        Part("Credits", Credit, "person"),
        Part("Reviews written", Review, "critic"),
        Part("Events", Event, "people"),
        Part("Accolades", Accolade, "nominee"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(credit_count=related_count(Credit, "person"))

    # Not sortable: sorting 20,000 people by a count of 500,000 credits takes seconds.
    @admin.display(description="credits")
    def credit_count(self, obj):
        return obj.credit_count
