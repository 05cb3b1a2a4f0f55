"""TMDb's errors, and the wrapper every TMDb read goes through: a view returns TMDb's JSON body
or raises a TmdbError, which answers TMDb's error body.

Errors are TMDb's body, `{"success": false, "status_code": N, "status_message": ...}`:
34 (404) for anything not found or not published, 22 (400) for a bad page, 5 (400) for any
other bad parameter, 2 (405) for a method other than GET.
"""

from functools import wraps
from http import HTTPStatus

from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt


class TmdbError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def response(self):
        body = {"success": False, "status_code": self.code, "status_message": self.message}
        return JsonResponse(body, status=self.status)


NOT_FOUND = TmdbError(HTTPStatus.NOT_FOUND, 34, "The resource you requested could not be found.")
BAD_PAGE = TmdbError(
    HTTPStatus.BAD_REQUEST,
    22,
    "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.",
)
BAD_METHOD = TmdbError(
    HTTPStatus.METHOD_NOT_ALLOWED, 2, "Invalid service: this service does not exist."
)


def bad_parameter(detail):
    return TmdbError(
        HTTPStatus.BAD_REQUEST,
        5,
        f"Invalid parameters: Your request parameters are incorrect. {detail}",
    )


def tmdb_view(view):
    """A read answering TMDb's JSON: the view returns the body, or raises TmdbError."""

    @csrf_exempt  # read-only: any other method is refused below, with TMDb's body
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            if request.method not in ("GET", "HEAD"):
                raise BAD_METHOD
            response = JsonResponse(view(request, *args, **kwargs))
            if getattr(request, "moving_window", False):
                # Changes "in the last 24 hours" change with the clock, not only with edits.
                response["Cache-Control"] = "no-cache"
            return response
        except Http404:
            return NOT_FOUND.response()
        except TmdbError as error:
            response = error.response()
            if error is BAD_METHOD:
                response["Allow"] = "GET, HEAD"
            return response

    return wrapped
