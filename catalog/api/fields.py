"""Serializer fields that give the API the shapes ../shared/GUIDE.md fixes."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class JsonTypeMixin:
    """Only the JSON type the schema promises: DRF would take 0 for "0", "5" for 5 and 1 for
    true, and a client's mistake would pass unnoticed."""

    json_type = str
    json_type_name = "a string"

    def to_internal_value(self, data):
        if not isinstance(data, self.json_type) or (
            isinstance(data, bool) and self.json_type is not bool
        ):
            raise serializers.ValidationError(f"Expected {self.json_type_name}.")
        return super().to_internal_value(data)


class StrictCharField(JsonTypeMixin, serializers.CharField):
    pass


class StrictSlugField(JsonTypeMixin, serializers.SlugField):
    pass


class StrictIntegerField(JsonTypeMixin, serializers.IntegerField):
    json_type = int
    json_type_name = "a whole number"


class StrictBooleanField(JsonTypeMixin, serializers.BooleanField):
    json_type = bool
    json_type_name = "true or false"


# What ModelSerializer builds for model fields, with the strict fields above.
STRICT_FIELD_MAPPING = {
    model_field: {
        serializers.CharField: StrictCharField,
        serializers.SlugField: StrictSlugField,
        serializers.IntegerField: StrictIntegerField,
        serializers.BooleanField: StrictBooleanField,
    }.get(field, field)
    for model_field, field in serializers.ModelSerializer.serializer_field_mapping.items()
}


class SlugRelatedObjectField(JsonTypeMixin, serializers.SlugRelatedField):
    """A relation written as the related object's slug and read in the GUIDE's shape.

    `render` names the attributes shown: a tuple gives an object (a credit's person reads
    `{"slug", "name"}`), a single name gives that value (a review's outlet reads its name).
    Either way a client writes `"krysten-ritter"`. The schema says so per direction (schema.py).
    `render="slug"` makes it a plain slug field, strict about the type like the others.
    """

    def __init__(self, *, render=("slug", "name"), **kwargs):
        self.render = render
        super().__init__(slug_field="slug", **kwargs)

    def to_representation(self, obj):
        if isinstance(self.render, str):
            return getattr(obj, self.render)
        return {name: getattr(obj, name) for name in self.render}


class BlankAsNullMixin:
    """The models keep "unknown" as blank text; the API says null, when reading and writing."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, required=False, **kwargs)

    def validate_empty_values(self, data):
        is_empty, value = super().validate_empty_values(data)
        return is_empty, ("" if is_empty and value is None else value)

    def to_representation(self, value):
        return super().to_representation(value) or None


class BlankAsNullCharField(BlankAsNullMixin, StrictCharField):
    pass


class BlankAsNullChoiceField(BlankAsNullMixin, serializers.ChoiceField):
    pass


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteUrlField(serializers.ReadOnlyField):
    """A page's absolute address from a path (the model's `get_absolute_url`)."""

    def to_representation(self, path):
        return self.context["request"].build_absolute_uri(path)


class VersionField(StrictIntegerField):
    """An object's `version`: read as its current version; written, optionally, as the version
    the client started from (a PUT of what was read sends it back). It is never set: the write
    service bumps it. The schema says so per direction (schema.py)."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, required=False, **kwargs)
