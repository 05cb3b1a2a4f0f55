"""What the API takes and how it fails: the body's size and nesting, long text, server errors.

- A body over API_MAX_BODY_BYTES (2 MiB by default; DJANGO_API_MAX_BODY_BYTES) is a 413, read
  no further. DRF reads the body from the request stream itself, so Django's
  DATA_UPLOAD_MAX_MEMORY_SIZE does not apply to it.
- JSON nested deeper than MAX_NESTING (100 arrays or objects) is a 400: Python's parser
  would raise RecursionError (a 500) somewhere near 1,000, and no body here nests past 3.
- Long text (a season's lead, a review's excerpt, ...) is at most TEXT_MAX_LENGTH characters,
  the importer's cap for a whole article (SEASON_ARTICLE_MAX_BYTES, 1 MiB), so that the API
  stores nothing an article could not hold; a body holding that much fits the body limit.
- A server error under /api/ answers JSON `{"detail": ...}`, not the site's HTML page.
"""

import io
from http import HTTPStatus

from django.conf import settings
from django.http import JsonResponse
from django.views import defaults
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError

MAX_NESTING = 100
TEXT_MAX_LENGTH = settings.SEASON_ARTICLE_MAX_BYTES


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    def __init__(self):
        super().__init__(f"The body is over {settings.API_MAX_BODY_BYTES} bytes.")


def nesting(value):
    """How deep `value` nests arrays and objects (a flat object is 1), counted up to one past
    MAX_NESTING."""
    deepest, stack = 0, [(value, 1)]
    while stack and deepest <= MAX_NESTING:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, within the body size and nesting limits."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.API_MAX_BODY_BYTES
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise RequestTooLarge()
        too_deep = ParseError(f"JSON parse error - nested deeper than {MAX_NESTING} levels.")
        try:
            data = super().parse(io.BytesIO(body), media_type, parser_context)
        except RecursionError:
            raise too_deep from None
        if nesting(data) > MAX_NESTING:
            raise too_deep
        return data


def server_error(request):
    """handler500: JSON under /api/ (and TMDb's error body under /tmdb/), the site's page
    elsewhere: a client reading JSON gets JSON even when something broke."""
    if request.path_info.startswith("/tmdb/"):
        return JsonResponse(
            {
                "success": False,
                "status_code": 11,  # TMDb's "Internal error"
                "status_message": "Internal error: Something went wrong on our side.",
            },
            status=HTTPStatus.INTERNAL_SERVER_ERROR,
        )
    if request.path_info.startswith("/api/"):
        return JsonResponse(
            {"detail": "Server error: something went wrong on our side."},
            status=HTTPStatus.INTERNAL_SERVER_ERROR,
        )
    return defaults.server_error(request)
