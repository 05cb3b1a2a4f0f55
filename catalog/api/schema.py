"""The OpenAPI document's shared parts: error responses, conditional-request and edit-summary
headers, the slug-in, object-out relation fields and the version field.

Only drf-spectacular's public extension points are used, so that an upgrade does not break
the schema silently: `AutoSchema` (DEFAULT_SCHEMA_CLASS) overrides the methods documented as
"override this for custom behaviour", the relation field has an
OpenApiSerializerFieldExtension, and what needs the whole document is done by the
postprocessing hooks below (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]).
tests/test_api_schema.py checks the result."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import permissions, serializers

from catalog.api.serializers import PersonSerializer, SeasonSerializer
from catalog.api.writes import EDIT_SUMMARY_MAX_LENGTH

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
NO_NUL_PATTERN = r"^[^\x00]*$"


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class FieldConflictSerializer(serializers.Serializer):
    current = serializers.JSONField(help_text="The value saved now, as the API reads it.")
    yours = serializers.JSONField(help_text="The value you sent.")


class EditConflictSerializer(ErrorSerializer):
    version = serializers.IntegerField(help_text="The current version, to send with a retry.")
    conflicts = serializers.DictField(
        child=FieldConflictSerializer(),
        help_text="By field name: the fields others changed too since your version.",
    )


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
    406: OpenApiResponse(ErrorSerializer, description="No answer in a format Accept allows."),
    409: OpenApiResponse(ErrorSerializer, description="Still referred to; not deleted."),
    412: OpenApiResponse(
        ErrorSerializer,
        description="If-Match does not name the current version; nothing was changed.",
    ),
    413: OpenApiResponse(ErrorSerializer, description="The body is over the size limit."),
    415: OpenApiResponse(ErrorSerializer, description="Unsupported body media type."),
    429: OpenApiResponse(
        ErrorSerializer, description="Throttled (anonymous clients); see Retry-After."
    ),
}

# An update's 409: the body's `version` is older and others changed the same fields since.
EDIT_CONFLICT = OpenApiResponse(
    EditConflictSerializer,
    description="Others changed the same fields since the `version` you sent; nothing was saved.",
)

NOT_MODIFIED = OpenApiResponse(description="Not modified (If-None-Match or If-Modified-Since).")

WRITE_HEADERS = [
    OpenApiParameter(
        "X-Edit-Summary",
        {"type": "string", "maxLength": EDIT_SUMMARY_MAX_LENGTH},
        OpenApiParameter.HEADER,
        description="An edit summary: what you changed and why, kept with the revision this "
        "write makes (UTF-8).",
    ),
]
CONDITIONAL_WRITE_HEADERS = [
    OpenApiParameter(
        "If-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="The version you read: the ETag of the object's detail, or its version in "
        'quotes ("7"). If the object is at another version now, the answer is 412 and nothing '
        "changes; `*` matches any. Leave out to write unconditionally.",
    ),
]

CONDITIONAL_READ_HEADERS = [
    OpenApiParameter(
        "If-None-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="ETags read before: 304 without a body if the answer would have one of them.",
    ),
    OpenApiParameter(
        "If-Modified-Since",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="A Last-Modified read before: 304 if nothing shown changed since "
        "(ignored with If-None-Match).",
    ),
]

# Serializers whose `optional_fields` are present only when asked for (?include=).
SERIALIZERS_WITH_OPTIONAL_FIELDS = (SeasonSerializer, PersonSerializer)


class AutoSchema(SpectacularAutoSchema):
    """Adds to every operation the errors it can answer, 304 and the validators on reads,
    X-Edit-Summary on writes and If-Match on updates and deletions."""

    def is_list(self):
        # Every API view is a router's viewset, so the action tells a list from an object.
        return getattr(self.view, "action", None) == "list"

    def error_codes(self):
        # Any request: 400 (a query parameter, a repeated one too), 401 (a token that is not
        # valid, even on a read), 406 (an Accept it cannot answer), 429.
        codes = {400, 401, 406, 429}
        if self.method == "GET":
            codes |= {404}
        else:
            # 400 for the body or X-Edit-Summary; 413 for a body over the limit.
            codes |= {403, 413, 415}
            if self.method in ("PUT", "PATCH", "DELETE"):
                codes |= {404, 412}
            if self.method in ("PUT", "PATCH"):
                codes |= {409}
            if self.method == "DELETE":
                codes -= {413, 415}
                codes |= set(getattr(self.view, "extra_delete_errors", ()))
        return sorted(codes)

    def error_responses(self):
        responses = {code: ERRORS[code] for code in self.error_codes()}
        if self.method in ("PUT", "PATCH"):
            responses[409] = EDIT_CONFLICT
        return responses

    def get_response_serializers(self):
        # The same as @extend_schema(responses={...}) on every operation. The success code is
        # DRF's: 204 without a body for DELETE, 201 for POST (only creates here), else 200.
        body = super().get_response_serializers()
        if self.method == "DELETE":
            responses = {204: None}
        elif self.method == "POST":
            responses = {201: body}
        else:
            responses = {200: body}
        if self.method == "GET":
            responses[304] = NOT_MODIFIED
        return {**responses, **self.error_responses()}

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method in ("PUT", "PATCH", "DELETE"):
            parameters += CONDITIONAL_WRITE_HEADERS
        if self.method in ("POST", "PUT", "PATCH", "DELETE"):
            parameters += WRITE_HEADERS
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
            parameters += CONDITIONAL_READ_HEADERS
        if self.method in ("POST", "PUT", "PATCH"):
            # A write answers with the object's new validators (api/conditional.py).
            parameters += [
                OpenApiParameter(
                    "ETag",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=["201" if self.method == "POST" else "200"],
                    description="The written object's new ETag, which the next If-Match takes.",
                ),
                OpenApiParameter(
                    "Last-Modified",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=["201" if self.method == "POST" else "200"],
                    description="When it was written.",
                ),
            ]
        if self.method == "GET":
            # Response headers (response=...): spectacular adds them to these codes only.
            parameters += [
                OpenApiParameter(
                    "ETag",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=["200", "304"],
                    description='An object\'s detail: "<version>-<hash of the representation>", '
                    "which If-Match takes; a list, or a season with ?include=: the hash.",
                ),
                OpenApiParameter(
                    "Last-Modified",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=["200", "304"],
                    description="The latest change of anything the answer shows (its "
                    "content versions), deletions from a list included; whole seconds.",
                ),
            ]
        return parameters

    def get_auth(self):
        auths = super().get_auth()
        # DjangoModelPermissionsOrAnonReadOnly: reads need no credentials (spectacular only
        # knows this of AllowAny and IsAuthenticatedOrReadOnly).
        if self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths


def operations(result):
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
                yield operation


def postprocess_query_parameters(result, generator, request, public):
    """Every query parameter is optional, and an empty one counts as left out (as an HTML
    form, the browsable API's filter form included, sends unset fields). A hook, as the
    filter, pagination and ordering parameters have no per-parameter override point."""
    for operation in operations(result):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query":
                parameter["allowEmptyValue"] = True
                if parameter["schema"] == {"type": "string"}:
                    # Form fields refuse NUL (PostgreSQL cannot compare text with it): a 400.
                    parameter["schema"]["pattern"] = NO_NUL_PATTERN
    return result


def postprocess_links(result, generator, request, public):
    """OpenAPI links from a collection to its objects, for clients and schemathesis's stateful
    phase: a create's 201 and a list's first result lead to the object's detail (read, update,
    delete), and a detail read to its updates and deletion. The key is `slug` or `id`, read
    from the body (the same name in the path)."""
    paths = result.get("paths", {})
    for path, item in paths.items():
        collection, _, key = path.rstrip("/").rpartition("/")
        if not (key.startswith("{") and f"{collection}/" in paths):
            continue
        key = key.strip("{}")
        targets = {
            method: item[method]["operationId"]
            for method in ("get", "put", "patch", "delete")
            if method in item
        }

        def links(expression, methods, targets=targets, key=key):
            return {
                f"{target}": {"operationId": target, "parameters": {key: expression}}
                for method, target in targets.items()
                if method in methods
            }

        listing = paths[f"{collection}/"]
        if "post" in listing:
            listing["post"]["responses"]["201"]["links"] = links(f"$response.body#/{key}", targets)
        listing["get"]["responses"]["200"]["links"] = links(
            f"$response.body#/results/0/{key}", ("get",)
        )
        if "get" in item:
            item["get"]["responses"]["200"]["links"] = links(
                f"$request.path.{key}", ("put", "patch", "delete")
            )
    return result


def postprocess_request_strings(result, generator, request, public):
    """Text in a request body may hold any character but NUL (a 400: PostgreSQL cannot store
    it); said as a pattern on every request string that has no pattern or format of its own."""
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            for field in schema.get("properties", {}).values():
                if field.get("type") == "string" and not {"pattern", "format", "enum"} & set(field):
                    field["pattern"] = NO_NUL_PATTERN
    return result


def postprocess_optional_fields(result, generator, request, public):
    """Takes a serializer's `optional_fields` out of its components' `required` lists: they
    are there only when asked for. Components are named after the serializer without the
    "Serializer" suffix, plus "Request" for the request side (COMPONENT_SPLIT_REQUEST)."""
    schemas = result.get("components", {}).get("schemas", {})
    for serializer in SERIALIZERS_WITH_OPTIONAL_FIELDS:
        name = serializer.__name__.removesuffix("Serializer")
        for component in (name, f"{name}Request", f"Patched{name}Request"):
            schema = schemas.get(component, {})
            if "required" in schema:
                required = [n for n in schema["required"] if n not in serializer.optional_fields]
                # OpenAPI 3.0 does not allow an empty list.
                if required:
                    schema["required"] = required
                else:
                    del schema["required"]
    return result


class SlugRelatedObjectFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "catalog.api.fields.SlugRelatedObjectField"

    def map_serializer_field(self, auto_schema, direction):
        slug = {"type": "string", "pattern": SLUG_PATTERN, "description": "A slug."}
        if isinstance(self.target.render, str):
            return slug if direction == "request" else {"type": "string"}
        if direction == "request":
            # Written as the slug, or as read (the name is ignored).
            return {
                "oneOf": [
                    slug,
                    {
                        "type": "object",
                        "properties": {"slug": slug, "name": {"type": "string"}},
                        "required": ["slug"],
                    },
                ]
            }
        return {
            "type": "object",
            "properties": {name: {"type": "string"} for name in self.target.render},
            "required": list(self.target.render),
        }


class VersionFieldExtension(OpenApiSerializerFieldExtension):
    """A response always has `version` (read-only there, so spectacular lists it as required);
    a request may send the version it started from."""

    target_class = "catalog.api.fields.VersionField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "integer"}
        return {"type": "integer", "readOnly": True}
