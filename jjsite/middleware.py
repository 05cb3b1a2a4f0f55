"""Site-wide security headers that Django has no setting for.

- Content-Security-Policy (django-csp): the public pages' strict policy is
  `CONTENT_SECURITY_POLICY`; the admin and the API's own pages (the browsable API, the
  Swagger UI) run their own scripts and carry style attributes in their markup, so paths under
  `TOOLS_CONTENT_SECURITY_POLICY["URL_PREFIXES"]` get that policy instead. A view's own
  django-csp decorator still wins over both.
- Permissions-Policy: every response turns off the browser features the site never uses.
- RequestGuardMiddleware: bad addresses (NUL) and chunked bodies, before anything else.
- A database out of reach is a 503 with Retry-After, never a 500 (`database_unavailable`,
  answered by handler500, `server_error` below).
"""

import io
import sys
from http import HTTPStatus

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import LimitedStream
from django.http import Http404, HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from catalog.api import limits
from catalog.plumbing import database
from catalog.tmdb.errors import NOT_FOUND as TMDB_NOT_FOUND
from catalog.tmdb.errors import TmdbError


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by path (its documented extension point)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        tools = settings.TOOLS_CONTENT_SECURITY_POLICY
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(tools["URL_PREFIXES"]))
        ):
            parts.config = tools["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


# What a client is told when the database is out of reach, and when to ask again (seconds).
RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = "The database is unavailable right now. Nothing was saved; retry shortly."
# The one character PostgreSQL's text refuses (psycopg raises before the query is sent); the
# pages, the API and TMDb all treat an address holding it as one that names nothing.
REFUSED_CHARACTERS = ("\x00",)
NUL_REFUSED = "Null characters are not allowed."  # DRF's and Django's forms' words
# Free text a reader types, which its view cleans before any query (the search page strips
# control characters: catalog.content.search.clean_query), so a stray NUL still searches.
CLEANED_BY_THE_VIEW = {"/search/": {"q"}}


def wants_json(request):
    """Whether the error answer is JSON: under /api/ and /tmdb/, or when Accept prefers it."""
    if request.path_info.startswith(("/api/", "/tmdb/")):
        return True
    accept = request.headers.get("Accept", "")
    return "json" in accept and "html" not in accept


def error_response(request, status, detail, tmdb_code=None):
    """A small error answer in the client's terms: TMDb's error body under /tmdb/, DRF's
    `{"detail": ...}` under /api/ or for a client accepting JSON, the site's page otherwise."""
    if request.path_info.startswith("/tmdb/"):
        if tmdb_code == TMDB_NOT_FOUND.code:
            detail = TMDB_NOT_FOUND.message
        response = TmdbError(status, tmdb_code or 5, detail).response()
    elif wants_json(request):
        response = JsonResponse({"detail": detail}, status=status)
    elif status == HTTPStatus.NOT_FOUND:
        response = defaults.page_not_found(request, Http404(detail))
    elif status == HTTPStatus.BAD_REQUEST:
        response = defaults.bad_request(request, SuspiciousOperation(detail))
    elif status == HTTPStatus.SERVICE_UNAVAILABLE:
        response = HttpResponse(loader.get_template("503.html").render(), status=status)
    else:
        response = HttpResponse(detail, status=status, content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response


def database_unavailable(request):
    """503 with Retry-After: the database refused or dropped the connection, or is overloaded
    (django.db's OperationalError / InterfaceError). The client's request was fine."""
    response = error_response(
        request, HTTPStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE, tmdb_code=11
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class RequestGuardMiddleware:
    """First in MIDDLEWARE: what no view should ever see.

    - An address (path or query parameter, name or value) holding a byte PostgreSQL's text
      refuses (NUL) is a 404 (path) or a 400 (query), before any query: it would otherwise be
      a 500 on PostgreSQL wherever a view looks it up.
    - A body sent with `Transfer-Encoding: chunked` has no Content-Length, which Django reads as
      an empty body (a PATCH answered 200 and saved nothing). When the server decoded the
      chunks and marks the input as terminated (`wsgi.input_terminated`, as gunicorn does), the
      body is read here in full, up to max_body_bytes() (a 413 past it, read no further), and
      handed on with its length; a server that does not (runserver) gets a 411.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_refused(request.path):
            return error_response(request, HTTPStatus.NOT_FOUND, "Not found.", tmdb_code=34)
        refused = refused_parameters(request)
        if refused:
            return refused_parameters_response(request, refused)
        if is_chunked(request):
            refused = read_chunked_body(request)
            if refused is not None:
                return refused
        return self.get_response(request)


def holds_refused(text):
    return any(character in text for character in REFUSED_CHARACTERS)


def refused_parameters(request):
    """The query parameters whose name or value holds a refused character, by name."""
    cleaned = CLEANED_BY_THE_VIEW.get(request.path_info, set())
    return [
        key
        for key, values in request.GET.lists()
        if holds_refused(key)
        or (key not in cleaned and any(holds_refused(value) for value in values))
    ]


def refused_parameters_response(request, names):
    """The 400: under /api/ keyed by each parameter, as the API's other 400s are (DRF's own
    words for NUL), elsewhere one message."""
    if request.path_info.startswith("/api/") and not any(map(holds_refused, names)):
        response = JsonResponse(
            {name: [NUL_REFUSED] for name in names}, status=HTTPStatus.BAD_REQUEST
        )
        add_never_cache_headers(response)
        return response
    return error_response(
        request,
        HTTPStatus.BAD_REQUEST,
        f"Query parameters: {NUL_REFUSED}",
        tmdb_code=5,
    )


def max_body_bytes():
    """The largest body read at all: the API's limit, or a form's (the admin's import), each
    checked again by its reader once the body is read."""
    return max(
        settings.API_MAX_BODY_BYTES,
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0,
        settings.SEASON_ARTICLE_MAX_BYTES + 64 * 1024,  # an uploaded article and its form
    )


def is_chunked(request):
    encoding = request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
    return "chunked" in encoding and not request.META.get("CONTENT_LENGTH")


def read_chunked_body(request):
    """Read a chunked body into the request (None), or answer 411 or 413."""
    if not request.META.get("wsgi.input_terminated"):
        return error_response(
            request,
            HTTPStatus.LENGTH_REQUIRED,
            "Send the body with a Content-Length header.",
        )
    limit = max_body_bytes()
    stream, body, size = request.META["wsgi.input"], io.BytesIO(), 0
    while size <= limit:
        block = stream.read(min(64 * 1024, limit + 1 - size))
        if not block:
            break
        body.write(block)
        size += len(block)
    if size > limit:
        return error_response(
            request, HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"The body is over {limit} bytes."
        )
    body.seek(0)
    request.META["CONTENT_LENGTH"] = str(size)
    # Django's WSGIRequest reads its body through _stream, a stream limited to CONTENT_LENGTH
    # (0 here, from the missing header): it now reads the body read above.
    request._stream = LimitedStream(body, size)
    return None


def server_error(request):
    """handler500, called while the exception is being handled: a database out of reach is a
    503 (database_unavailable); anything else the API's and the site's 500
    (catalog.api.limits.server_error). Exceptions raised anywhere, in a view or in a
    middleware (sessions, sign-in lockouts), come here, so this is the one place."""
    if database.is_unreachable(sys.exc_info()[1]):
        return database_unavailable(request)
    return limits.server_error(request)
