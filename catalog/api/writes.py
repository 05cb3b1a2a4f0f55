"""API writes go through the content write service (catalog.content.services); this module gives
each
write request its one revision, and turns the service's refusals into the API's answers: a
model's messages into 400s keyed by API field names, an edit conflict into a 409."""

from contextlib import contextmanager, suppress

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.fields import SkipField
from rest_framework.settings import api_settings

from catalog.content.services import Actor, EditConflict
from catalog.history import revisions
from catalog.models import Revision

EDIT_SUMMARY_HEADER = "X-Edit-Summary"
EDIT_SUMMARY_MAX_LENGTH = Revision._meta.get_field("comment").max_length


def api_actor(request):
    return Actor.editor(request.user, via=Revision.Via.API)


def edit_summary(request):
    """The client's X-Edit-Summary, the revision's comment ("" if none).

    WSGI hands header values over as ISO-8859-1; clients such as curl send UTF-8, so the
    bytes are read as UTF-8 where they are valid UTF-8, else left as ISO-8859-1 (HTTP's own
    charset). Longer than a revision's comment holds is a 400, not a cut summary."""
    summary = request.headers.get(EDIT_SUMMARY_HEADER, "").strip()
    with suppress(UnicodeError):
        summary = summary.encode("latin-1").decode("utf-8")
    if len(summary) > EDIT_SUMMARY_MAX_LENGTH:
        raise serializers.ValidationError(
            {EDIT_SUMMARY_HEADER: [f"At most {EDIT_SUMMARY_MAX_LENGTH} characters."]}
        )
    return summary


@contextmanager
def api_write(request):
    """One write request: one transaction and one revision, by the API user, via "api", with
    the client's edit summary as its comment (a citation's new reference joins it)."""
    comment = edit_summary(request)  # refused before anything is checked or written
    with transaction.atomic(), revisions.recording(api_actor(request), comment):
        yield


@contextmanager
def api_errors(error_names=None):
    """A model's ValidationError raised inside becomes a 400 keyed by API field names
    (`error_names` maps the model field names that differ)."""
    try:
        yield
    except EditConflict:
        raise  # not invalid input: ContentSerializer answers it with a 409
    except DjangoValidationError as error:
        names = {NON_FIELD_ERRORS: api_settings.NON_FIELD_ERRORS_KEY, **(error_names or {})}
        raise serializers.ValidationError(
            {names.get(name, name): messages for name, messages in error.message_dict.items()}
        ) from error


class EditConflictError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "edit_conflict"

    def __init__(self, body):
        super().__init__()
        # The body as built, so that its values keep their JSON types (APIException would
        # turn each into a string).
        self.detail = body


def edit_conflict(conflict, *, serializer, instance, base_version):
    """The 409 for an EditConflict: for each field both changed (by its API name), its value
    now and the one this client sent, and the current version to send with a retry."""
    current = type(instance)._base_manager.get(pk=instance.pk)
    conflicts = {}
    for name, values in conflict.fields.items():
        api_name = serializer.error_names.get(name, name)
        field = serializer.fields.get(api_name)
        if field is None:  # not a field of the API's: the values as history stores them
            conflicts[api_name] = {"current": values[0], "yours": values[1]}
        else:
            conflicts[api_name] = {
                "current": field_value(field, current),
                "yours": serializer.initial_data.get(api_name),
            }
    return EditConflictError(
        {
            "detail": f"Since version {base_version}, which you started from, "
            f"{', '.join(sorted(conflict.by))} changed {', '.join(sorted(conflicts))} too; "
            f"nothing was saved. Choose the values and send them with version {current.version}.",
            "version": current.version,
            "conflicts": conflicts,
        }
    )


def field_value(field, obj):
    """`field`'s value on `obj` as the API reads it (a write-only field's too)."""
    try:
        attribute = field.get_attribute(obj)
    except SkipField:
        return None
    return None if attribute is None else field.to_representation(attribute)
