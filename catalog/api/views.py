"""Thin viewsets: a queryset method for the shape, a serializer, a FilterSet, the fields
clients may order by. Reads are public; writes need a token or session of a user with the
model's add/change/delete permission (DjangoModelPermissionsOrAnonReadOnly)."""

from http import HTTPStatus
from operator import attrgetter

from django.db.models import Prefetch, ProtectedError
from django.http import JsonResponse
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import APIException, NotFound

from catalog.api import filters, serializers
from catalog.api.conditional import ConditionalMixin
from catalog.api.params import ListParametersMixin, include_parameter
from catalog.api.sync import HistoryMixin
from catalog.api.writes import api_actor, api_write
from catalog.content import selectors, services
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    Outlet,
    Person,
    Review,
    Season,
    Section,
    citations_in,
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Other content still refers to this object; it was not deleted."
    default_code = "protected"


def not_found(request, *args, **kwargs):
    """Paths under /api/v1/ that name nothing: the API's JSON 404, not the site's HTML page."""
    return JsonResponse({"detail": "Not found."}, status=HTTPStatus.NOT_FOUND)


class ContentViewSet(HistoryMixin, ListParametersMixin, ConditionalMixin, viewsets.ModelViewSet):
    # Meta.ordering or the queryset's order, unless ?ordering= asks otherwise.
    ordering = None
    # Any value up to the next slash, so that `/credits/1.5/` is this API's JSON 404 rather
    # than a URL that does not resolve (the router's default stops at a dot).
    lookup_value_regex = "[^/]+"
    # An object the seed content has, for the schema's examples (and so for schemathesis).
    lookup_example = 1

    def get_queryset(self):
        # Drafts are for editors; everyone else reads what is published (models' one rule).
        return super().get_queryset().visible_to(self.request.user)

    def get_list_keys(self):
        # Lists show published seasons' content only: a season's publication changes them all.
        return (*super().get_list_keys(), "season-list")

    # Each write is one transaction and one revision (writes.api_write).

    def perform_create(self, serializer):
        with api_write(self.request):
            serializer.save()
        self.versioned = serializer.instance  # its new ETag (ConditionalMixin)

    def perform_update(self, serializer):
        with api_write(self.request):
            if_match = self.check_if_match(serializer.instance)
            # The version the client started from: the body's, else the one If-Match named.
            serializer.save(version=serializer.validated_data.get("version", if_match))
        self.versioned = serializer.instance  # its new ETag (ConditionalMixin)

    def perform_destroy(self, instance):
        try:
            with api_write(self.request):
                self.check_if_match(instance)
                services.content_delete(instance=instance, actor=api_actor(self.request))
        except ProtectedError as error:
            raise Conflict() from error


@extend_schema_view(
    retrieve=extend_schema(parameters=[include_parameter(serializers.SeasonSerializer.INCLUDABLE)])
)
class SeasonViewSet(ContentViewSet):
    """Seasons, by slug. A season's detail embeds its lists named in `?include=`."""

    queryset = Season.objects.with_series()
    serializer_class = serializers.SeasonSerializer
    lookup_field = "slug"
    lookup_example = "jessica-jones-season-2"
    search_fields = ["title", "series__name"]
    ordering_fields = ["title", "number", "release_date", "updated_at"]
    includable = serializers.SeasonSerializer.INCLUDABLE

    def get_queryset(self):
        return selectors.with_season_lists(super().get_queryset(), self.include)


@extend_schema_view(
    retrieve=extend_schema(parameters=[include_parameter(serializers.PersonSerializer.INCLUDABLE)])
)
class PersonViewSet(ContentViewSet):
    """People (cast, crew, critics), by slug. A person's detail embeds, with `?include=`, their
    credits, their reviews as a critic and the events they are in (published ones only for
    those who may not view drafts)."""

    queryset = Person.objects.all()
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    lookup_field = "slug"
    lookup_example = "krysten-ritter"
    search_fields = ["name", "sort_name"]
    ordering_fields = ["name", "sort_name", "updated_at"]
    extra_delete_errors = (409,)
    # Who is listed follows the published work naming them (Person.objects.published()).
    list_keys = ("person-list", "credit-list", "review-list", "event-list", "accolade-list")
    includable = serializers.PersonSerializer.INCLUDABLE

    def get_queryset(self):
        return selectors.with_person_lists(super().get_queryset(), self.include, self.request.user)


class CreditViewSet(ContentViewSet):
    """Credits: who played or did what in a season.

    In billing order by default: main, recurring and guest cast, then crew.
    """

    queryset = Credit.objects.with_related().in_billing_order()
    serializer_class = serializers.CreditSerializer
    filterset_class = filters.CreditFilter
    search_fields = ["character", "person__name"]
    ordering_fields = ["order", "character", "job", "person__sort_name", "updated_at"]


class ReviewViewSet(ContentViewSet):
    """Reviews: critics' reviews and aggregator scores."""

    queryset = Review.objects.with_related()
    serializer_class = serializers.ReviewSerializer
    filterset_class = filters.ReviewFilter
    ordering_fields = ["score", "order", "outlet__name", "updated_at"]


class EventViewSet(ContentViewSet):
    """Dated events of a season's production and release, at day, month or year precision."""

    queryset = Event.objects.with_people()
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter
    search_fields = ["text"]
    ordering_fields = ["date", "kind", "updated_at"]


class EpisodeViewSet(ContentViewSet):
    """Episodes, by number within their season."""

    queryset = Episode.objects.select_related("season")
    serializer_class = serializers.EpisodeSerializer
    filterset_class = filters.EpisodeFilter
    ordering_fields = ["number", "title", "updated_at"]


class OutletViewSet(ContentViewSet):
    """Outlets that review: publications and aggregators."""

    queryset = Outlet.objects.all()
    serializer_class = serializers.OutletSerializer
    search_fields = ["name"]
    ordering_fields = ["name", "updated_at"]
    extra_delete_errors = (409,)
    # Listed while a review of a published season names them (Outlet.objects.published()).
    list_keys = ("outlet-list", "review-list")


class AccoladeViewSet(ContentViewSet):
    """Awards and nominations."""

    queryset = Accolade.objects.select_related("season", "nominee")
    serializer_class = serializers.AccoladeSerializer
    filterset_class = filters.AccoladeFilter
    ordering_fields = ["year", "award", "category", "updated_at"]


class CitationViewSet(ListParametersMixin, ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    """Citations: the markers `[N]` of the seasons' prose, read from the text (read-only: a
    citation is written, moved or removed by editing a season's lead or a section's body).

    Season by season, by reference number, each number's markers in page order. An id is the
    season's slug and the marker's id on the page, `cite-ref-N-K` for reference N's K-th
    marker.
    """

    queryset = Season.objects.all()
    serializer_class = serializers.CitationSerializer
    filterset_class = filters.CitationFilter
    filter_backends = [DjangoFilterBackend]
    lookup_field = "id"
    lookup_value_regex = "[^/]+"
    lookup_example = "jessica-jones-season-2:cite-ref-24-1"
    # Citations are read from the seasons' leads and their sections' bodies.
    list_keys = ("season-list", "section-list")

    def get_queryset(self):
        sections = Section.objects.order_by("position")
        seasons = super().get_queryset().visible_to(self.request.user)
        return seasons.prefetch_related(Prefetch("sections", sections))

    def list(self, request, *args, **kwargs):
        # The backend's own steps, to keep the FilterSet's number for the markers themselves.
        filterset = DjangoFilterBackend().get_filterset(request, self.get_queryset(), self)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        number = filterset.form.cleaned_data.get("number")
        citations = [
            citation
            for season in filterset.qs
            # By number, as references are listed; a number's markers in page order.
            for citation in sorted(
                citations_in(season, season.sections.all()), key=attrgetter("number")
            )
            if number is None or citation.number == number
        ]
        page = self.paginate_queryset(citations)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self):
        slug, _colon, ref_id = self.kwargs["id"].partition(":")
        season = self.get_queryset().filter(slug=slug).first()
        citations = citations_in(season, season.sections.all()) if season else []
        citation = next((c for c in citations if c.ref_id == ref_id), None)
        if citation is None:
            raise NotFound()
        self.shown = [citation]
        return citation
