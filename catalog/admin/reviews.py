"""Outlets and the reviews they published."""

from django.contrib import admin
from django.db.models import Count

from catalog.admin.base import TIMESTAMPS, ContentAdmin
from catalog.models import Outlet, Review


@admin.register(Outlet)
class OutletAdmin(ContentAdmin):
    list_display = ["name", "slug", "is_aggregator", "review_count"]
    list_filter = ["is_aggregator"]
    ordering = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(review_count=Count("reviews"))

    @admin.display(description="reviews", ordering="review_count")
    def review_count(self, obj):
        return obj.review_count


@admin.register(Review)
class ReviewAdmin(ContentAdmin):
    list_display = [
        "outlet",
        "critic",
        "kind",
        "rating_text",
        "score",
        "sentiment",
        "season",
    ]
    list_filter = ["kind", "sentiment", "season", "outlet"]
    search_fields = ["outlet__name", "critic__name", "excerpt", "consensus", "scope"]
    autocomplete_fields = ["season", "outlet", "critic"]
    readonly_fields = ["source", *TIMESTAMPS]

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()
