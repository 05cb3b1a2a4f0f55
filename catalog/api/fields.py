"""Serializer fields that give the API its shapes: strict JSON types, relations by slug."""

import re
from types import SimpleNamespace

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS, Hyperlink


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


class StrictManyRelatedField(serializers.ManyRelatedField):
    """A list of relations that is a JSON list: DRF takes anything iterable, so an object
    would set the relations from its keys."""

    def to_internal_value(self, data):
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


class SlugRelatedObjectField(JsonTypeMixin, serializers.SlugRelatedField):
    """A relation read as the API shows it and written in the form it is read or as the slug.

    `render` names the attributes shown: a tuple gives an object (a credit's person, a review's
    outlet and critic, a season's series read `{"slug", "name"}`); `render="slug"` the slug
    alone (a season is named by its slug). A client writes `"krysten-ritter"`, or the object
    as it read it, `{"slug": "krysten-ritter", "name": ...}`: only the slug counts, the name
    is ignored, so a client can PUT back what it GOT. The schema says so per direction
    (schema.py). An empty string is no slug (null, where allowed, says "none").
    """

    def __init__(self, *, render=("slug", "name"), **kwargs):
        self.render = render
        super().__init__(slug_field="slug", **kwargs)

    @classmethod
    def many_init(cls, *args, **kwargs):
        # DRF's RelatedField.many_init, with the strict list.
        options = {key: kwargs[key] for key in MANY_RELATION_KWARGS if key in kwargs}
        return StrictManyRelatedField(child_relation=cls(*args, **kwargs), **options)

    def run_validation(self, data=serializers.empty):
        # DRF would read "" as null for every relation.
        if data == "":
            raise serializers.ValidationError("Expected a slug; send null for none.")
        return super().run_validation(data)

    def to_internal_value(self, data):
        if isinstance(data, dict) and not isinstance(self.render, str):
            data = data.get("slug")
            if not isinstance(data, str):
                raise serializers.ValidationError('Expected a slug, or an object with its "slug".')
        if isinstance(data, str) and "\x00" in data:
            # No slug holds NUL, and PostgreSQL would refuse the lookup (a 500): a 400.
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)

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


class DetailUrlField(serializers.HyperlinkedIdentityField):
    """An object's API address (`url`), exactly as DRF's HyperlinkedIdentityField writes it,
    for a fraction of the cost in a list: DRF reverses the route and builds the absolute URL
    for every row, which was most of the cost of serializing a page of credits. This field
    asks DRF once per response (serializers make their fields per response) for the address
    of a stand-in key, and puts each object's key in its place. A key that URL quoting would
    change, or a route that does not take it as it is, goes the long way."""

    STAND_IN = "0key0"
    # Keys the URL carries as they are: ids and slugs.
    PLAIN_KEY = re.compile(r"[A-Za-z0-9_.:-]+")

    def to_representation(self, obj):
        key = getattr(obj, self.lookup_field, None)
        around = self._around_key()
        if around is None or key in (None, "") or not self.PLAIN_KEY.fullmatch(str(key)):
            return super().to_representation(obj)
        return Hyperlink(f"{around[0]}{key}{around[1]}", obj)

    def _around_key(self):
        """The address before and after the key, made once per response."""
        if not hasattr(self, "_around"):
            stand_in = SimpleNamespace(**{self.lookup_field: self.STAND_IN})
            parts = super().to_representation(stand_in).split(self.STAND_IN)
            self._around = parts if len(parts) == 2 else None
        return self._around
