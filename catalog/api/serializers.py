"""Serializers: the API's field names, explicit `fields`, writes through the write service.

Relations are read in one shape (a season as its slug; a person, outlet or series as
`{slug, name}`) and written in that form or as the slug (fields.SlugRelatedObjectField);
a credit's episode is written and read as its number within the credit's season.

Every object reads its `version`. An update may send it back (a PUT of what was read does): it
is the version the client started from, the write service's `base_version`, as the admin's
forms carry theirs. When others saved since, their changes to other fields are kept and this
client's applied; where both changed a field, nothing is saved and the answer is a 409 with
both values (writes.edit_conflict). A create ignores it.
"""

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.api.fields import (
    STRICT_FIELD_MAPPING,
    AbsoluteUrlField,
    BlankAsNullCharField,
    BlankAsNullChoiceField,
    DetailUrlField,
    SlugRelatedObjectField,
    StrictIntegerField,
    VersionField,
)
from catalog.api.limits import TEXT_MAX_LENGTH
from catalog.api.timestamps import TIMESTAMPS
from catalog.api.writes import api_actor, api_errors, edit_conflict
from catalog.content import services
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    Outlet,
    Person,
    Review,
    Season,
    Series,
)


class ContentSerializer(serializers.ModelSerializer):
    """Creates and updates through the write service, whose full_clean() checks the
    constraints once, with the model's messages (so DRF's own unique validators are off)."""

    serializer_field_mapping = STRICT_FIELD_MAPPING
    # Model field names whose errors belong to a differently named API field.
    error_names = {}

    version = VersionField(
        help_text="Read: the object's version, bumped by every change. Written (optional): "
        "the version you started from; others' changes since are kept, and fields both "
        "changed are a 409. Ignored on create."
    )

    class Meta:
        validators = []

    def get_field_names(self, declared_fields, info):
        # Every object's timestamps (read-only: the models don't let them be edited).
        return [*super().get_field_names(declared_fields, info), *TIMESTAMPS]

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if isinstance(model_field, models.TextField):  # long text: see limits.py
            field_kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
        return field_class, field_kwargs

    def validate_version(self, version):
        if self.instance is not None and version > self.instance.version:
            raise serializers.ValidationError(
                f"There is no version {version} yet; the current one is {self.instance.version}."
            )
        return version

    def create(self, validated_data):
        return self.save_instance(self.Meta.model(), validated_data)

    def update(self, instance, validated_data):
        return self.save_instance(instance, validated_data)

    def save_instance(self, instance, validated_data):
        fields = dict(validated_data)
        # Not a value to set: the version the client started from (the body's, else the one
        # its If-Match named; see views). The service ignores it for a new object.
        base_version = fields.pop("version", None)
        fields = self.to_model_values(instance, fields)
        many = {
            name: fields.pop(name)
            for name in list(fields)
            if instance._meta.get_field(name).many_to_many
        }
        try:
            with api_errors(self.error_names):
                return services.content_save(
                    instance=instance,
                    fields=fields,
                    many=many,
                    base_version=base_version,
                    actor=self.actor,
                )
        except services.EditConflict as conflict:
            raise edit_conflict(
                conflict, serializer=self, instance=instance, base_version=base_version
            ) from conflict

    @property
    def actor(self):
        return api_actor(self.context["request"])

    def to_model_values(self, instance, data):
        """Turn input that is not a model value yet (an episode number) into one."""
        return data


def season_field(**kwargs):
    return SlugRelatedObjectField(queryset=Season.objects.all(), render="slug", **kwargs)


def person_field(**kwargs):
    return SlugRelatedObjectField(queryset=Person.objects.all(), **kwargs)


class PersonSerializer(ContentSerializer):
    """A person; their detail embeds the lists named in `?include=` (see views.PersonViewSet)."""

    url = DetailUrlField(view_name="api:person-detail", lookup_field="slug")
    html_url = AbsoluteUrlField(source="get_absolute_url")

    INCLUDABLE = ("credits", "reviews", "events")
    # Present only when asked for with ?include= (the schema marks them optional).
    optional_fields = INCLUDABLE

    class Meta(ContentSerializer.Meta):
        model = Person
        fields = ["url", "html_url", "slug", "name", "sort_name", "version"]

    def get_fields(self):
        # The list serializers are defined below; a person's lists follow its own fields.
        lists = {
            "credits": CreditSerializer,
            "reviews": ReviewSerializer,
            "events": EventSerializer,
        }
        return {
            **super().get_fields(),
            **{
                name: lists[name](many=True, read_only=True)
                for name in self.context.get("include", ())
            },
        }


class OutletSerializer(ContentSerializer):
    url = DetailUrlField(view_name="api:outlet-detail")

    class Meta(ContentSerializer.Meta):
        model = Outlet
        fields = ["id", "url", "slug", "name", "is_aggregator", "version"]


class EpisodeSerializer(ContentSerializer):
    url = DetailUrlField(view_name="api:episode-detail")
    season = season_field()

    class Meta(ContentSerializer.Meta):
        model = Episode
        fields = ["id", "url", "season", "number", "title", "version"]


class CreditSerializer(ContentSerializer):
    url = DetailUrlField(view_name="api:credit-detail")
    season = season_field()
    person = person_field()
    billing = serializers.ChoiceField(
        choices=Credit.Billing.choices,
        allow_null=True,
        required=False,
        help_text="Cast only: main, recurring or guest. Null for crew.",
    )
    episode = StrictIntegerField(
        source="episode.number",
        allow_null=True,
        required=False,
        min_value=1,
        help_text="The episode's number within the season, or null for the whole season.",
    )

    class Meta(ContentSerializer.Meta):
        model = Credit
        fields = [
            "id",
            "url",
            "season",
            "person",
            "department",
            "billing",
            "character",
            "job",
            "order",
            "episode",
            "note",
            "source",
            "version",
        ]
        read_only_fields = ["source"]

    def to_model_values(self, instance, data):
        if "episode" in data:
            number = data["episode"]["number"]
            season = data.get("season") or instance.season
            data["episode"] = None
            if number is not None:
                data["episode"] = Episode.objects.filter(season=season, number=number).first()
                if data["episode"] is None:
                    raise serializers.ValidationError(
                        {"episode": [f"{season} has no episode {number}."]}
                    )
        return data


class ReviewSerializer(ContentSerializer):
    url = DetailUrlField(view_name="api:review-detail")
    season = season_field()
    outlet = SlugRelatedObjectField(queryset=Outlet.objects.all())
    critic = person_field(allow_null=True, required=False, help_text="Null for aggregates.")
    rating_text = BlankAsNullCharField(max_length=50, help_text="Exactly as given; null if none.")
    average_rating = BlankAsNullCharField(max_length=20)
    sentiment = BlankAsNullChoiceField(choices=Review.Sentiment.choices)
    scope = BlankAsNullCharField(max_length=100, help_text="Which episodes were reviewed.")

    class Meta(ContentSerializer.Meta):
        model = Review
        fields = [
            "id",
            "url",
            "season",
            "kind",
            "outlet",
            "critic",
            "rating_text",
            "score",
            "average_rating",
            "sample_size",
            "consensus",
            "excerpt",
            "sentiment",
            "scope",
            "order",
            "source",
            "version",
        ]
        read_only_fields = ["source"]


class EventSerializer(ContentSerializer):
    url = DetailUrlField(view_name="api:event-detail")
    season = season_field()
    date_display = serializers.CharField(read_only=True)
    people = person_field(many=True, required=False)

    class Meta(ContentSerializer.Meta):
        model = Event
        fields = [
            "id",
            "url",
            "season",
            "date",
            "date_precision",
            "date_display",
            "kind",
            "text",
            "people",
            "source",
            "version",
        ]
        read_only_fields = ["source"]


NOMINEE_SCHEMA = {
    "oneOf": [
        {
            "type": "object",
            "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
            "required": ["slug", "name"],
        },
        {"type": "string"},
    ],
    "description": "The nominated person as {slug, name}, else the nominee as the table gives it.",
}


class AccoladeSerializer(ContentSerializer):
    url = DetailUrlField(view_name="api:accolade-detail")
    season = season_field()
    nominee = serializers.SerializerMethodField()
    nominee_slug = person_field(
        source="nominee",
        render="slug",
        allow_null=True,
        required=False,
        write_only=True,
        help_text="The nominated person's slug, if a person.",
    )
    error_names = {"nominee": "nominee_slug"}

    class Meta(ContentSerializer.Meta):
        model = Accolade
        fields = [
            "id",
            "url",
            "season",
            "year",
            "award",
            "category",
            "nominee",
            "nominee_slug",
            "nominee_text",
            "result",
            "source",
            "version",
        ]
        read_only_fields = ["source"]

    @extend_schema_field(NOMINEE_SCHEMA)
    def get_nominee(self, accolade):
        if accolade.nominee is None:
            return accolade.nominee_text
        return {"slug": accolade.nominee.slug, "name": accolade.nominee.name}


class CitationSerializer(serializers.Serializer):
    """A citation marker `[N]` of a season's prose, read from the text: read-only. Editors
    cite by writing the marker in a season's lead or a section's body."""

    id = serializers.CharField(
        read_only=True, help_text="The season's slug and the marker's id on its page."
    )
    url = DetailUrlField(view_name="api:citation-detail", lookup_field="id")
    html_url = AbsoluteUrlField(source="get_absolute_url")
    season = serializers.CharField(source="season.slug", read_only=True)
    number = serializers.IntegerField(read_only=True, help_text="The reference's number.")
    section = serializers.CharField(
        source="section_anchor",
        read_only=True,
        allow_null=True,
        help_text="The anchor of the section whose text holds the marker; null for the lead.",
    )
    sentence = serializers.CharField(
        read_only=True, help_text="The sentence the marker stands in or right after."
    )


class SeasonSerializer(ContentSerializer):
    """A season; its detail embeds the lists named in `?include=` (see views.SeasonViewSet)."""

    url = DetailUrlField(view_name="api:season-detail", lookup_field="slug")
    html_url = AbsoluteUrlField(source="get_absolute_url")
    series = SlugRelatedObjectField(queryset=Series.objects.all())
    credits = CreditSerializer(many=True, read_only=True)
    reviews = ReviewSerializer(many=True, read_only=True)
    events = EventSerializer(many=True, read_only=True)
    episodes = EpisodeSerializer(many=True, read_only=True)
    accolades = AccoladeSerializer(many=True, read_only=True)

    INCLUDABLE = ("credits", "reviews", "events", "episodes", "accolades")
    # Present only when asked for with ?include= (the schema marks them optional).
    optional_fields = INCLUDABLE

    class Meta(ContentSerializer.Meta):
        model = Season
        fields = [
            "url",
            "html_url",
            "slug",
            "title",
            "series",
            "number",
            "status",
            "background_color",
            "network",
            "release_date",
            "episode_count",
            "episode_list_title",
            "lead",
            "version",
            *("credits", "reviews", "events", "episodes", "accolades"),
        ]

    def get_fields(self):
        include = self.context.get("include", ())
        return {
            name: field
            for name, field in super().get_fields().items()
            if name not in self.INCLUDABLE or name in include
        }
