"""Query parameters: FilterSets, search and a strict `ordering`.

Filters by a related object take its slug (`?season=jessica-jones-season-2`); an unknown slug
matches nothing (an empty page), while a value of the wrong kind (a choice not offered, a date
or number that does not parse) answers 400 with the parameter's message.
"""

import django_filters
from django import forms
from django.db.models import Q
from rest_framework import filters
from rest_framework.exceptions import ValidationError

from catalog.api.params import list_parameter
from catalog.domain.vocabulary import marker
from catalog.models import Accolade, Credit, Episode, Event, Person, Review, Season


class IntegerFilter(django_filters.NumberFilter):
    """A whole number: `?number=0.5` is a 400, not a filter that matches nothing."""

    field_class = forms.IntegerField


def slug_filter(field_name, label):
    return django_filters.CharFilter(field_name=field_name, label=label)


SEASON = slug_filter("season__slug", "The season's slug.")


class CreditFilter(django_filters.FilterSet):
    season = SEASON
    person = slug_filter("person__slug", "The person's slug.")
    department = django_filters.ChoiceFilter(choices=Credit.Department.choices)
    billing = django_filters.ChoiceFilter(choices=Credit.Billing.choices)
    job = django_filters.CharFilter(lookup_expr="iexact", label="The crew job, e.g. composer.")
    character = django_filters.CharFilter(
        lookup_expr="icontains", label="Part of the character's name."
    )

    class Meta:
        model = Credit
        fields = ["season", "person", "department", "billing", "job", "character"]


class ReviewFilter(django_filters.FilterSet):
    season = SEASON
    outlet = slug_filter("outlet__slug", "The outlet's slug.")
    kind = django_filters.ChoiceFilter(choices=Review.Kind.choices)
    sentiment = django_filters.ChoiceFilter(choices=Review.Sentiment.choices)
    score_min = IntegerFilter(field_name="score", lookup_expr="gte", label="Lowest 0-100 score.")
    score_max = IntegerFilter(field_name="score", lookup_expr="lte", label="Highest 0-100 score.")

    class Meta:
        model = Review
        fields = ["season", "outlet", "kind", "sentiment", "score_min", "score_max"]


class EventFilter(django_filters.FilterSet):
    season = SEASON
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices)
    person = slug_filter("people__slug", "The slug of a person the event involves.")
    date_after = django_filters.DateFilter(
        method="filter_period",
        label="Events from this day on; a month or a year counts if any of it is on or after.",
    )
    date_before = django_filters.DateFilter(
        method="filter_period",
        label="Events up to this day; a month or a year counts if it begins on or before.",
    )

    class Meta:
        model = Event
        fields = ["season", "kind", "person", "date_after", "date_before"]

    def filter_period(self, queryset, name, value):
        bound = "after" if name == "date_after" else "before"
        return queryset.overlapping(**{bound: value})


class PersonFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label="Part of the name.")

    class Meta:
        model = Person
        fields = ["name"]


class EpisodeFilter(django_filters.FilterSet):
    season = SEASON

    class Meta:
        model = Episode
        fields = ["season"]


class AccoladeFilter(django_filters.FilterSet):
    season = SEASON
    result = django_filters.ChoiceFilter(choices=Accolade.Result.choices)

    class Meta:
        model = Accolade
        fields = ["season", "result"]


class CitationFilter(django_filters.FilterSet):
    """Filters the seasons whose citations are listed; the view keeps the markers of `number`."""

    season = slug_filter("slug", "The season's slug.")
    number = IntegerFilter(method="filter_cited", label="Reference number.")

    class Meta:
        model = Season
        fields = ["season", "number"]

    def filter_cited(self, queryset, name, value):
        text = marker(value)
        return queryset.filter(Q(lead__contains=text) | Q(sections__body__contains=text)).distinct()


class SearchFilter(filters.SearchFilter):
    """DRF's search, with its one error (a NUL character) keyed by the parameter like every
    other 400, instead of a bare list."""

    def get_search_terms(self, request):
        try:
            return super().get_search_terms(request)
        except ValidationError as error:
            raise ValidationError({self.search_param: error.detail}) from error


class StrictOrderingFilter(filters.OrderingFilter):
    """`ordering` limited to the view's `ordering_fields`, which the schema lists: DRF drops an
    unknown field silently, which hides a client's typo; here it answers 400."""

    def get_ordering(self, request, queryset, view):
        fields = list_parameter(request, self.ordering_param)
        if fields:
            allowed = self.allowed_terms(view)
            unknown = [term for term in fields if term not in allowed]
            if unknown:
                raise ValidationError(
                    {
                        self.ordering_param: [
                            f"Cannot order by {', '.join(unknown)}. "
                            f"Choose from {', '.join(allowed)}."
                        ]
                    }
                )
            return fields
        return self.get_default_ordering(view)

    def allowed_terms(self, view):
        return [term for field in view.ordering_fields for term in (field, f"-{field}")]

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Fields to order by, repeated or comma-separated; a leading - "
                "reverses.",
                "schema": {
                    "type": "array",
                    "items": {"type": "string", "enum": self.allowed_terms(view)},
                },
                "style": "form",
                "explode": True,
            }
        ]
