"""The whole published catalogue as NDJSON, and loading it back.

One JSON object a line, `{"type": "season", ...}`: the object as the API reads it, with its
type first. Types come in an order that loads: series, people, outlets, seasons, references,
sections, infobox lines, episodes, credits, reviews, events, accolades. Within a type the
order is fixed (slugs, or ids where the API shows ids). References, sections and infobox lines
have no API resource; they are here because a season's page is made of them, and their lines
carry their season's slug and their natural keys. Drafts are never exported, whoever asks.

`GET /api/v1/export/` streams it gzipped and `manage.py export_catalogue` writes it; both use
`ndjson_lines` and `gzipped`, which read the database a chunk at a time and compress as they
go, so memory does not grow with the catalogue. On PostgreSQL the whole export reads one
snapshot (a REPEATABLE READ transaction), so an edit made meanwhile is in it whole or not at
all.

`catalogue_load` writes such lines into an empty database through the API's serializers (the
checks an API write has) and so the write service, as one revision of an import: all of it,
or, at the first line it cannot read or save, nothing, with that line's number. Ids the API
shows (outlets, episodes, credits, reviews, events, accolades) are kept, so the `url`s stay
the same; `version`, `created_at` and `updated_at` are the new database's own (the load is
each object's first revision there).
"""

import json
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from operator import methodcaller

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder
from rest_framework.views import APIView

from catalog.api import serializers as api
from catalog.api.schema import ERRORS, AutoSchema
from catalog.api.series import SeriesSerializer
from catalog.content import services
from catalog.history import revisions
from catalog.models import InfoboxField, Reference, Season, Section, content_models

CHUNK_SIZE = 500
GZIP_CHUNK_BYTES = 64 * 1024


class ExportSerializerMixin:
    """What export and load need of an API serializer: writes made as the load's actor."""

    @property
    def actor(self):
        return self.context["actor"]


def export_serializer(serializer_class):
    return type(serializer_class.__name__, (ExportSerializerMixin, serializer_class), {})


class SeasonPartSerializer(ExportSerializerMixin, api.ContentSerializer):
    """A part of a season's page with no API resource, keyed by its season's slug."""

    season = api.season_field()

    class Meta(api.ContentSerializer.Meta):
        fields = []


class ReferenceSerializer(SeasonPartSerializer):
    class Meta(SeasonPartSerializer.Meta):
        model = Reference
        fields = ["season", "number", "title", "url", "publisher", "published"]


class SectionSerializer(SeasonPartSerializer):
    class Meta(SeasonPartSerializer.Meta):
        model = Section
        fields = ["season", "position", "level", "title", "anchor", "body"]


class InfoboxFieldSerializer(SeasonPartSerializer):
    class Meta(SeasonPartSerializer.Meta):
        model = InfoboxField
        fields = ["season", "position", "key", "value", "source"]


@dataclass(frozen=True)
class ExportKind:
    type: str
    serializer: type  # reads and writes it; its Meta.model is the kind's model
    order: tuple  # the fixed order of the export
    kept: tuple = ()  # read-only fields a load keeps as exported
    reading: object = None  # what reading the published objects needs (related rows)

    @property
    def model(self):
        return self.serializer.Meta.model

    def queryset(self):
        """The published objects, in export order."""
        published = self.model.objects.published()
        if self.reading is not None:
            published = self.reading(published)
        return published.order_by(*self.order)


def _with_seasons(series):
    return series.prefetch_related(
        Prefetch("seasons", Season.objects.published().order_by("number"))
    )


def _related(*names):
    return lambda queryset: queryset.select_related(*names)


# Every content model (catalog.models.content_models), in an order that loads.
KINDS = [
    ExportKind("series", export_serializer(SeriesSerializer), ("slug",), reading=_with_seasons),
    ExportKind("person", export_serializer(api.PersonSerializer), ("slug",)),
    ExportKind("outlet", export_serializer(api.OutletSerializer), ("pk",), ("id",)),
    ExportKind(
        "season", export_serializer(api.SeasonSerializer), ("slug",), reading=_related("series")
    ),
    ExportKind("reference", ReferenceSerializer, ("season__slug", "number")),
    ExportKind("section", SectionSerializer, ("season__slug", "position")),
    ExportKind("infobox_field", InfoboxFieldSerializer, ("season__slug", "position"), ("source",)),
    ExportKind(
        "episode", export_serializer(api.EpisodeSerializer), ("pk",), ("id",), _related("season")
    ),
    ExportKind(
        "credit",
        export_serializer(api.CreditSerializer),
        ("pk",),
        ("id", "source"),
        methodcaller("with_related"),
    ),
    ExportKind(
        "review",
        export_serializer(api.ReviewSerializer),
        ("pk",),
        ("id", "source"),
        methodcaller("with_related"),
    ),
    ExportKind(
        "event",
        export_serializer(api.EventSerializer),
        ("pk",),
        ("id", "source"),
        methodcaller("with_people"),
    ),
    ExportKind(
        "accolade",
        export_serializer(api.AccoladeSerializer),
        ("pk",),
        ("id", "source"),
        _related("season", "nominee"),
    ),
]
KINDS_BY_TYPE = {kind.type: kind for kind in KINDS}


# Export --------------------------------------------------------------------------------------


def catalogue_objects(request):
    """(type, representation) of every published object, in loading order. `request` makes
    the absolute `url`s, as in the API's answers."""
    with transaction.atomic():
        if connection.vendor == "postgresql" and _outermost():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for kind in KINDS:
            # One serializer for all of a kind: its fields are made once.
            serializer = kind.serializer(context={"request": request, "include": ()})
            for obj in kind.queryset().iterator(chunk_size=CHUNK_SIZE):
                yield kind.type, serializer.to_representation(obj)


def _outermost():
    # The transaction catalogue_objects just opened is the first one (not a savepoint).
    return len(connection.savepoint_ids) == 0


def ndjson_lines(request):
    """The export, a line (UTF-8 bytes) at a time."""
    for type_, data in catalogue_objects(request):
        line = json.dumps({"type": type_, **data}, cls=JSONEncoder, ensure_ascii=False)
        yield f"{line}\n".encode()


def gzipped(chunks):
    """`chunks` gzipped as they come, in pieces of about GZIP_CHUNK_BYTES."""
    compressor = zlib.compressobj(wbits=31)  # 16 + 15: a gzip header and trailer
    pending = []
    for chunk in chunks:
        if piece := compressor.compress(chunk):
            pending.append(piece)
        if sum(map(len, pending)) >= GZIP_CHUNK_BYTES:
            yield b"".join(pending)
            pending = []
    yield b"".join([*pending, compressor.flush()])


def accepts_gzip(request):
    """Whether the client takes gzip (RFC 9110: no Accept-Encoding takes any coding)."""
    header = request.headers.get("Accept-Encoding")
    if header is None:
        return True
    for part in header.split(","):
        coding, _semicolon, params = part.partition(";")
        if coding.strip().lower() in ("gzip", "x-gzip", "*"):
            quality = params.strip().removeprefix("q=").strip() or "1"
            try:
                return float(quality) > 0
            except ValueError:
                return False
    return False


class NDJSONRenderer(BaseRenderer):
    """Names the export's media type for content negotiation; the export streams its own
    lines, so this renders only an error, as one line."""

    media_type = "application/x-ndjson"
    format = "ndjson"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return json.dumps(data, cls=JSONEncoder).encode() + b"\n"


class NDJSONOnly(BaseContentNegotiation):
    """NDJSON whatever the client's Accept says: there is no other form of the export."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type

    def select_parser(self, request, parsers):
        return None


class ExportSchema(AutoSchema):
    """The export has no ETag nor Last-Modified (it is made afresh each time)."""

    def get_override_parameters(self):
        return [*SpectacularAutoSchema.get_override_parameters(self), *EXPORT_HEADERS]


EXPORT_HEADERS = [
    OpenApiParameter(
        "Content-Encoding",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=["200"],
        description="`gzip`, unless the request's Accept-Encoding leaves gzip out (then the "
        "lines come uncompressed, without this header).",
    ),
]


class ExportView(APIView):
    """All published content as NDJSON, streamed and gzipped. Never stored by the answer
    cache nor by shared caches: each request reads the database."""

    permission_classes = [AllowAny]  # a read of published content only
    renderer_classes = [NDJSONRenderer]
    content_negotiation_class = NDJSONOnly
    schema = ExportSchema()

    @extend_schema(
        operation_id="export_retrieve",
        responses={
            (200, "application/x-ndjson"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="Every published object, one JSON object a line: "
                '`{"type": "<type>", ...its API representation}`, types in loading order '
                "(series, person, outlet, season, reference, section, infobox_field, episode, "
                "credit, review, event, accolade). Streamed.",
            ),
            (429, "application/x-ndjson"): ERRORS[429],
        },
    )
    def get(self, request):
        lines = ndjson_lines(request)
        compress = accepts_gzip(request)
        response = StreamingHttpResponse(
            gzipped(lines) if compress else lines, content_type="application/x-ndjson"
        )
        if compress:
            response["Content-Encoding"] = "gzip"
        response["Vary"] = "Accept-Encoding"
        response["Cache-Control"] = "no-store"
        return response


# Load ----------------------------------------------------------------------------------------


class LoadError(Exception):
    """A line that cannot be loaded (`number` 0: the database, not a line)."""

    def __init__(self, number, message):
        self.number, self.message = number, message
        super().__init__(f"line {number}: {message}" if number else message)


def catalogue_load(lines, *, actor):
    """Load export `lines` (str) into an empty database as `actor`, in one transaction and
    one revision. Returns how many objects of each type were loaded; raises LoadError and
    changes nothing at the first line it cannot load."""
    loaded = Counter()
    leads = []  # a lead's markers cite references, loaded after the seasons
    with transaction.atomic(), revisions.recording(actor):
        if any(model.objects.exists() for model in content_models()):
            raise LoadError(0, "The database already holds content; load into an empty one.")
        context = {"actor": actor, "include": ()}
        number = 0
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            kind, data = _parse(number, line)
            values = _write_form(kind, data)
            lead = values.pop("lead", "") if kind.type == "season" else ""
            kept = {name: data[name] for name in kind.kept if name in data}
            if not isinstance(kept.get("id", 0), int):
                raise LoadError(number, "id: Expected a whole number.")
            serializer = kind.serializer(data=values, context=context)
            with _refusals(number):
                serializer.is_valid(raise_exception=True)
                instance = serializer.save(**kept)
            if lead:
                leads.append((number, instance, lead))
            loaded[kind.type] += 1
        for number, season, lead in leads:
            with _refusals(number):
                services.content_save(instance=season, fields={"lead": lead}, actor=actor)
        _reset_sequences()
    return loaded


def _parse(number, line):
    try:
        data = json.loads(line)
    except ValueError as error:
        raise LoadError(number, f"not a JSON object ({error}).") from error
    if not isinstance(data, dict):
        raise LoadError(number, "not a JSON object.")
    kind = KINDS_BY_TYPE.get(data.pop("type", None))
    if kind is None:
        raise LoadError(number, f"no known type; types are {', '.join(KINDS_BY_TYPE)}.")
    return kind, data


def _write_form(kind, data):
    """The line as an API write sends it: as read (the API's relations are written in the
    form they are read), but for an accolade's nominee, read as `nominee` ({slug, name}, or
    the table's text, which `nominee_text` carries too) and written as `nominee_slug`."""
    values = dict(data)
    if kind.type == "accolade":
        nominee = values.pop("nominee", None)
        values["nominee_slug"] = nominee.get("slug") if isinstance(nominee, dict) else None
    return values


@contextmanager
def _refusals(number):
    """A refused write (the serializer's or the model's) as a LoadError for line `number`."""
    try:
        yield
    except serializers.ValidationError as error:
        raise LoadError(number, _messages(error.detail)) from error
    except DjangoValidationError as error:
        raise LoadError(number, _messages(error.message_dict)) from error


def _messages(detail):
    if isinstance(detail, dict):
        return "; ".join(f"{name}: {_messages(value)}" for name, value in detail.items())
    if isinstance(detail, list):
        return " ".join(_messages(item) for item in detail)
    return str(detail)


def _reset_sequences():
    """After rows written with their ids, the next new row's id follows them (PostgreSQL)."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), content_models()):
            cursor.execute(sql)
