"""The OpenAPI document's shared parts: error responses, conditional-request headers and
the slug-in, object-out relation fields. Used as DEFAULT_SCHEMA_CLASS."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import permissions, serializers

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
NO_NUL_PATTERN = r"^[^\x00]*$"


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


VALIDATION_ERROR = {
    "type": "object",
    "description": "Messages by field name (non_field_errors for the object as a whole); "
    "a malformed body gives {detail}.",
    "additionalProperties": {
        "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]
    },
}

ERRORS = {
    400: OpenApiResponse(VALIDATION_ERROR, description="Invalid input."),
    401: OpenApiResponse(ErrorSerializer, description="No or an invalid token."),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed to make this change."),
    404: OpenApiResponse(ErrorSerializer, description="No such object or page."),
    409: OpenApiResponse(ErrorSerializer, description="Still referred to; not deleted."),
    412: OpenApiResponse(ErrorSerializer, description="If-Match does not match the ETag."),
    415: OpenApiResponse(ErrorSerializer, description="Unsupported body media type."),
    429: OpenApiResponse(
        ErrorSerializer, description="Throttled (anonymous clients); see Retry-After."
    ),
}


class AutoSchema(SpectacularAutoSchema):
    """Adds to every operation the errors it can answer, 304 and the validators on reads, and
    If-Match on writes; marks a serializer's `optional_fields` as not always present."""

    def error_codes(self):
        codes = {429}
        if self.method == "GET":
            codes |= {400, 404} if self._is_list_view() else {404}
            codes |= set(getattr(self.view, "extra_read_errors", ()))
        else:
            codes |= {400, 401, 403, 415}
            if self.method in ("PUT", "PATCH", "DELETE"):
                codes |= {404, 412}
            if self.method == "DELETE":
                codes -= {400, 415}
                codes |= set(getattr(self.view, "extra_delete_errors", ()))
        return sorted(codes)

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self.method == "GET":
            responses["304"] = {
                "description": "Not modified (If-None-Match or If-Modified-Since).",
                "headers": self._get_response_headers_for_code("304", direction),
            }
        for code in self.error_codes():
            responses.setdefault(str(code), self._get_response_for_code(ERRORS[code], str(code)))
        return responses

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method in ("PUT", "PATCH", "DELETE"):
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    description="The ETag read; a changed object answers 412 and is not "
                    "changed. Leave out to write unconditionally.",
                )
            )
        example = getattr(self.view, "lookup_example", None)
        if example is not None and "{" in self.path:
            parameters.append(
                OpenApiParameter(
                    # spectacular names a pk lookup "id" in the path (SCHEMA_COERCE_PATH_PK).
                    "id" if self.view.lookup_field == "pk" else self.view.lookup_field,
                    OpenApiTypes.INT if isinstance(example, int) else OpenApiTypes.STR,
                    OpenApiParameter.PATH,
                    examples=[OpenApiExample("From the seed content", value=example)],
                )
            )
        if self.method == "GET":
            parameters += [
                OpenApiParameter(
                    "ETag",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=["200", "304"],
                    description="A hash of the representation.",
                ),
                OpenApiParameter(
                    "Last-Modified",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=["200", "304"],
                    description="The latest change of the objects shown.",
                ),
            ]
        return parameters

    def _get_parameters(self):
        parameters = super()._get_parameters()
        # Every query parameter is optional, and an empty one counts as left out (as an HTML
        # form, the browsable API's filter form included, sends unset fields).
        for parameter in parameters:
            if parameter["in"] == "query":
                parameter["allowEmptyValue"] = True
                if parameter["schema"] == {"type": "string"}:
                    # Form fields refuse NUL (PostgreSQL cannot compare text with it): a 400.
                    parameter["schema"]["pattern"] = NO_NUL_PATTERN
        return parameters

    def get_auth(self):
        auths = super().get_auth()
        # DjangoModelPermissionsOrAnonReadOnly: reads need no credentials (spectacular only
        # knows this of AllowAny and IsAuthenticatedOrReadOnly).
        if self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        optional = set(getattr(serializer, "optional_fields", ()))
        if optional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in optional]
        return schema


class SlugRelatedObjectFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "catalog.api.fields.SlugRelatedObjectField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "string", "pattern": SLUG_PATTERN, "description": "A slug."}
        if isinstance(self.target.render, str):
            return {"type": "string"}
        return {
            "type": "object",
            "properties": {name: {"type": "string"} for name in self.target.render},
            "required": list(self.target.render),
        }
