"""Outlets and the reviews they published (on their own pages)."""

from django.contrib import admin

from catalog.admin.base import TIMESTAMPS
from catalog.admin.large import SubquerySearchMixin
from catalog.admin.parts import SEASON_FILTER, Part, PartAdmin, PartsPanelAdmin
from catalog.content.selectors import related_count
from catalog.models import Outlet, Review


@admin.register(Outlet)
class OutletAdmin(PartsPanelAdmin):
    list_display = ["name", "slug", "is_aggregator", "review_count"]
    list_filter = ["is_aggregator"]
    ordering = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS
    parts = [Part("Reviews", Review, "outlet")]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(review_count=related_count(Review, "outlet"))

    @admin.display(description="reviews", ordering="review_count")
    def review_count(self, obj):
        return obj.review_count


@admin.register(Review)
class ReviewAdmin(SubquerySearchMixin, PartAdmin):
    list_display = [
        "outlet",
        "critic",
        "kind",
        "rating_text",
        "score",
        "sentiment",
        "scope",
        "season",
    ]
    list_filter = [SEASON_FILTER, "kind", "sentiment", "outlet"]
    ordering = ["season_id", "kind", "order", "id"]  # Reception's order: aggregates, then critics
    search_fields = ["outlet__name", "critic__name", "excerpt", "consensus", "scope"]
    autocomplete_fields = ["season", "outlet", "critic"]
    readonly_fields = ["source", *TIMESTAMPS]

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()
