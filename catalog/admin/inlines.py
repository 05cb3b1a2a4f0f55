"""The inlines: a season's infobox, sections, episodes, cast, crew, reviews, events, accolades
and references, and a person's credits.

Inlines write nothing themselves: their parent's admin saves and deletes their rows through
the write service (`ContentAdmin.save_formset`).
"""

from django import forms
from django.contrib import admin

from catalog.admin.base import CREDIT_ORDERING, HTTPS_URLS, SMALL_TEXTAREA
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Reference,
    Review,
    Section,
)


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
