"""API writes go through the content write service (catalog.services); this module turns its
messages into the API's 400s, keyed by API field names."""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.settings import api_settings

from catalog.services import Actor


def api_actor(request):
    return Actor.editor(request.user, via="api")


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
