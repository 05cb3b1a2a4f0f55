"""The editors' admin.

Conventions, the same on every page:
- provenance (`source`, the line of the article a fact was read from) and the timestamps are
  shown read-only, in the change forms and in the inlines alike: the importer writes them;
- every foreign key or many-to-many to a person, and to the larger supporting models, is an
  autocomplete field, so a form never renders a select with every row of a table;
- changelists fetch their related rows with the model's queryset methods (or
  `list_select_related`), so a page of rows costs the same number of queries as a page of one;
- an admin that annotates a count states its `ordering`: a GROUP BY query drops Meta.ordering,
  and the autocomplete results are paginated;
- "View on site" is Django's default: it shows wherever the model has `get_absolute_url`.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin import widgets
from django.db import models
from django.db.models import Count
from django.utils.text import Truncator

from catalog.models import (
    Accolade,
    Citation,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Outlet,
    Person,
    Reference,
    Review,
    Season,
    Section,
    Series,
)
from catalog.querysets import BILLING_ORDER

TIMESTAMPS = ["created_at", "updated_at"]

CREDIT_ORDERING = ["department", BILLING_ORDER, "order", "id"]

SMALL_TEXTAREA = {models.TextField: {"widget": widgets.AdminTextareaWidget(attrs={"rows": 2})}}
# Django 6 changes the default scheme of typed-in addresses to https; choose it now.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


# Inlines ----------------------------------------------------------------------------------


class InfoboxFieldInline(admin.TabularInline):
    model = InfoboxField
    fields = ["position", "key", "value", "source"]
    readonly_fields = ["source"]
    formfield_overrides = SMALL_TEXTAREA
    extra = 0


class SectionInline(admin.StackedInline):
    model = Section
    fields = ["position", "level", "title", "anchor", "body"]
    prepopulated_fields = {"anchor": ["title"]}
    classes = ["collapse"]
    show_change_link = True
    extra = 0


class EpisodeInline(admin.TabularInline):
    model = Episode
    fields = ["number", "title"]
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("season")


class SeasonCreditInline(admin.TabularInline):
    """A season's credits of one department; the department itself is a hidden field.

    The season page shows cast and crew as two tables. Each keeps `department` in its form (hidden,
    preset for new rows) so that the model's constraints are checked against it; moving a credit
    to the other department is done on the credit's own page.
    """

    model = Credit
    department = None
    autocomplete_fields = ["person", "episode"]
    readonly_fields = ["source"]
    ordering = CREDIT_ORDERING
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        queryset = super().get_queryset(request).filter(department=self.department)
        return queryset.with_related()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "department":
            kwargs.update(initial=self.department, widget=forms.HiddenInput)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "episode":
            # An episode's label names its season.
            kwargs["queryset"] = Episode.objects.select_related("season")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CastCreditInline(SeasonCreditInline):
    department = Credit.Department.CAST
    fields = ["person", "character", "billing", "order", "department", "source"]
    verbose_name = "cast credit"
    verbose_name_plural = "cast"


class CrewCreditInline(SeasonCreditInline):
    department = Credit.Department.CREW
    fields = ["person", "job", "episode", "note", "order", "department", "source"]
    verbose_name = "crew credit"
    verbose_name_plural = "crew"


class ReviewInline(admin.StackedInline):
    model = Review
    fields = [
        ("kind", "outlet", "critic"),
        ("rating_text", "score", "sentiment"),
        ("average_rating", "sample_size"),
        "consensus",
        "excerpt",
        ("scope", "order"),
        "source",
    ]
    autocomplete_fields = ["outlet", "critic"]
    readonly_fields = ["source"]
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()


class EventInline(admin.TabularInline):
    model = Event
    fields = ["date", "date_precision", "kind", "text", "people", "source"]
    autocomplete_fields = ["people"]
    readonly_fields = ["source"]
    formfield_overrides = SMALL_TEXTAREA
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("people")


class AccoladeInline(admin.TabularInline):
    model = Accolade
    fields = ["year", "award", "category", "nominee", "nominee_text", "result", "source"]
    autocomplete_fields = ["nominee"]
    readonly_fields = ["source"]
    show_change_link = True
    extra = 0


class ReferenceInline(admin.TabularInline):
    model = Reference
    fields = ["number", "title", "url", "publisher", "published"]
    formfield_overrides = HTTPS_URLS
    classes = ["collapse"]
    show_change_link = True
    extra = 0


class PersonCreditInline(admin.TabularInline):
    model = Credit
    fields = [
        "season",
        "department",
        "billing",
        "character",
        "job",
        "episode",
        "order",
        "note",
        "source",
    ]
    autocomplete_fields = ["season", "episode"]
    readonly_fields = ["source"]
    ordering = ["season", *CREDIT_ORDERING]
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()


class CitationInline(admin.TabularInline):
    model = Citation
    fields = ["sentence", "offset", "section", "source"]
    autocomplete_fields = ["section"]
    readonly_fields = ["source"]
    formfield_overrides = SMALL_TEXTAREA
    extra = 0


# Model admins -------------------------------------------------------------------------------


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "season_count"]
    ordering = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = TIMESTAMPS

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(season_count=Count("seasons"))

    @admin.display(description="seasons", ordering="season_count")
    def season_count(self, obj):
        return obj.season_count


@admin.register(Season)
class SeasonAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "series",
        "number",
        "status",
        "network",
        "release_date",
        "credit_count",
    ]
    list_filter = ["status", "series", "network"]
    ordering = ["series__name", "number"]
    search_fields = ["title", "slug", "series__name"]
    date_hierarchy = "release_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series"]
    readonly_fields = TIMESTAMPS
    save_on_top = True
    inlines = [
        InfoboxFieldInline,
        SectionInline,
        EpisodeInline,
        CastCreditInline,
        CrewCreditInline,
        ReviewInline,
        EventInline,
        AccoladeInline,
        ReferenceInline,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_series().annotate(credit_count=Count("credits"))

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, obj):
        return obj.credit_count


@admin.register(InfoboxField)
class InfoboxFieldAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "position", "season"]
    list_filter = ["season"]
    list_select_related = ["season"]
    search_fields = ["key", "value"]
    autocomplete_fields = ["season"]
    readonly_fields = ["source", *TIMESTAMPS]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "season", "position", "level", "anchor"]
    list_filter = ["season", "level"]
    list_select_related = ["season"]
    search_fields = ["title", "anchor", "body"]
    prepopulated_fields = {"anchor": ["title"]}
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
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


@admin.register(Episode)
class EpisodeAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "season"]
    list_display_links = ["number", "title"]
    list_filter = ["season"]
    search_fields = ["title", "number__exact", "season__title"]
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS

    def get_queryset(self, request):
        # The autocomplete results use this queryset too, and an episode's label names its season.
        return super().get_queryset(request).select_related("season")


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
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


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
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
class ReviewAdmin(admin.ModelAdmin):
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


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["date_display", "kind", "short_text", "people_names", "season"]
    list_filter = ["kind", "date_precision", "season"]
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


@admin.register(Accolade)
class AccoladeAdmin(admin.ModelAdmin):
    list_display = ["year", "award", "category", "nominee_display", "result", "season"]
    list_filter = ["result", "year", "award", "season"]
    list_select_related = ["season", "nominee"]
    search_fields = ["award", "category", "nominee_text", "nominee__name"]
    autocomplete_fields = ["season", "nominee"]
    readonly_fields = ["source", *TIMESTAMPS]

    @admin.display(description="nominee", ordering="nominee_text")
    def nominee_display(self, obj):
        return obj.nominee.name if obj.nominee else obj.nominee_text


@admin.register(Reference)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "publisher", "published", "citation_count", "season"]
    list_display_links = ["number", "title"]
    list_filter = ["season", "publisher"]
    ordering = ["season", "number"]
    search_fields = ["title", "number__exact", "publisher", "url"]
    autocomplete_fields = ["season"]
    readonly_fields = TIMESTAMPS
    formfield_overrides = HTTPS_URLS
    inlines = [CitationInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("season")
        return queryset.annotate(citation_count=Count("citations"))

    @admin.display(description="citations", ordering="citation_count")
    def citation_count(self, obj):
        return obj.citation_count


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["reference", "short_sentence", "offset", "section"]
    list_filter = ["reference__season"]
    list_select_related = ["reference", "section"]
    search_fields = ["sentence", "reference__title", "reference__number__exact"]
    autocomplete_fields = ["reference", "section"]
    readonly_fields = ["source", *TIMESTAMPS]

    @admin.display(description="sentence")
    def short_sentence(self, obj):
        return Truncator(obj.sentence).chars(80)
