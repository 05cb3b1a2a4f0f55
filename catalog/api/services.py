"""Writes: the same validation as the admin, and never half a write."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from rest_framework import serializers
from rest_framework.settings import api_settings


def instance_save(*, instance, fields, many=None, error_names=None):
    """Set `fields` on `instance`, run `full_clean()` (validators, choices and every Meta
    constraint, as the admin's forms do), save it and set its many-to-many `many`, atomically.

    Model messages come back as a 400 keyed by API field names (`error_names` maps the ones
    that differ). A race that slips past full_clean() and trips a database constraint is a
    400 too, never a 500.
    """
    for name, value in fields.items():
        setattr(instance, name, value)
    try:
        with transaction.atomic():
            instance.full_clean()
            instance.save()
            for name, values in (many or {}).items():
                getattr(instance, name).set(values)
    except DjangoValidationError as error:
        raise serializers.ValidationError(_api_errors(error, error_names or {})) from error
    except IntegrityError as error:
        raise serializers.ValidationError(
            {api_settings.NON_FIELD_ERRORS_KEY: ["This conflicts with data saved meanwhile."]}
        ) from error
    return instance


def _api_errors(error, error_names):
    names = {NON_FIELD_ERRORS: api_settings.NON_FIELD_ERRORS_KEY, **error_names}
    return {names.get(field, field): messages for field, messages in error.message_dict.items()}
