"""API writes go through the content write service (catalog.services); this module gives each
write request its one revision, and turns the model's messages into the API's 400s, keyed by
API field names."""

from contextlib import contextmanager, suppress

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework import serializers
from rest_framework.settings import api_settings

from catalog import revisions
from catalog.models import Revision
from catalog.services import Actor

EDIT_SUMMARY_HEADER = "X-Edit-Summary"
EDIT_SUMMARY_MAX_LENGTH = Revision._meta.get_field("comment").max_length


def api_actor(request):
    return Actor.editor(request.user, via="api")


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
    except DjangoValidationError as error:
        names = {NON_FIELD_ERRORS: api_settings.NON_FIELD_ERRORS_KEY, **(error_names or {})}
        raise serializers.ValidationError(
            {names.get(name, name): messages for name, messages in error.message_dict.items()}
        ) from error
