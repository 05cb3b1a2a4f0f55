"""Incremental sync in the API: `updated_since` on every list, the changes feed
(/api/v1/changes/) and each object's history (/api/v1/<resource>/<key>/history/). What they
read is in catalog.history.sync."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from catalog.api.schema import ERRORS, NOT_MODIFIED
from catalog.history import sync


def errors(*codes):
    """The schema's error responses (an explicit `responses` replaces AutoSchema's)."""
    return {code: ERRORS[code] for code in codes}


# Entries ----------------------------------------------------------------------------------


class EntrySerializer(serializers.Serializer):
    """The shape of an entry (catalog.history.sync.entry), for the schema."""

    kind = serializers.ChoiceField(
        choices=[kind.name for kind in sync.KINDS], help_text="The kind of object."
    )
    key = serializers.JSONField(
        help_text="Its key in the API: a season's, a person's or a series' slug, else its id."
    )
    url = serializers.URLField(
        allow_null=True,
        help_text="Its API address, as of this entry's key; null for a deletion.",
    )
    action = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    changes = serializers.DictField(
        child=serializers.ListField(child=serializers.JSONField(), min_length=2, max_length=2),
        help_text="By API field name: [old, new]. Relations by key (a slug; an episode's "
        "number). A created object's values are [null, value], a deleted one's [value, null].",
    )
    time = serializers.DateTimeField(help_text="When the revision was saved.")
    author = serializers.CharField(help_text="The editor's username; `importer` for imports.")
    revision = serializers.IntegerField(help_text="The revision's id.")


def absolute(request, entries):
    for entry in entries:
        if entry["url"] is not None:
            entry["url"] = request.build_absolute_uri(entry["url"])
    return entries


# The changes feed -------------------------------------------------------------------------


class ChangesPageSerializer(serializers.Serializer):
    results = EntrySerializer(many=True)
    next = serializers.URLField(
        allow_null=True, help_text="The next page, when there were more entries; else null."
    )
    cursor = serializers.CharField(
        help_text="Where this page ends: send it as `since` to resume (opaque)."
    )


class ChangesView(APIView):
    """The changes of published content, oldest first: one entry per object a revision wrote
    (created, changed, or deleted: a tombstone). Follow `next` until it is null and keep
    `cursor`; the next sync starts from `?since=<cursor>` and gets exactly what came after,
    even while edits arrive (positions are given in commit order)."""

    permission_classes = [AllowAny]  # a read of public content only
    default_limit = 100
    max_limit = 500

    @extend_schema(
        operation_id="changes_list",
        parameters=[
            OpenApiParameter(
                "since",
                str,
                description="A `cursor` from an earlier answer; left out: from the beginning.",
                pattern=sync.Cursor.PATTERN.pattern,
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": max_limit},
                description=f"Entries per page (default {default_limit}).",
            ),
        ],
        responses={200: ChangesPageSerializer, **errors(400, 429)},
    )
    def get(self, request):
        since = request.query_params.get("since")
        try:
            cursor = sync.Cursor.parse(since) if since else sync.BEGINNING
        except sync.BadCursor as error:
            raise ValidationError({"since": [str(error)]}) from error
        page = sync.feed_page(cursor, self.limit(request))
        next_url = None
        if page.more:
            next_url = replace_query_param(request.build_absolute_uri(), "since", str(page.cursor))
        return Response(
            {
                "results": absolute(request, page.entries),
                "next": next_url,
                "cursor": str(page.cursor),
            }
        )

    def limit(self, request):
        raw = request.query_params.get("page_size")
        if not raw:
            return self.default_limit
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= self.max_limit):
            raise ValidationError(
                {"page_size": [f"Enter a whole number from 1 to {self.max_limit}."]}
            )
        return int(raw)


# One object's history ---------------------------------------------------------------------


class HistoryMixin:
    """`<resource>/<key>/history/`: the object's revisions, newest first, paginated as lists
    are. Whoever may read the object may read its history (drafts: editors only)."""

    @extend_schema(
        responses={200: EntrySerializer(many=True), 304: NOT_MODIFIED, **errors(400, 404, 429)},
        filters=False,
        summary="The object's revisions, newest first",
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def history(self, request, *args, **kwargs):
        instance = self.get_object()
        # The paginator itself: ConditionalMixin's would take the rows as the objects shown.
        rows = self.paginator.paginate_queryset(sync.object_rows(instance), request, view=self)
        return self.paginator.get_paginated_response(absolute(request, sync.entries(rows)))
