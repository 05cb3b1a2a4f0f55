"""Conditional requests: ETag and Last-Modified on reads, If-Match on writes.

The ETag is a hash of the representation (the response data as JSON, and the format it is
rendered in), so it changes whenever anything shown changes, a related name included.
Last-Modified is the latest `updated_at` of the objects shown; it does not see deletions, so
clients caching lists should prefer the ETag. A write (PUT, PATCH, DELETE) that sends If-Match
must name the ETag of the object's current plain detail representation (no `?include=`),
else it answers 412 and changes nothing; without If-Match the write goes ahead.
"""

import hashlib
import json

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_etags, quote_etag
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The object has changed since you read it (If-Match does not match its ETag)."
    default_code = "precondition_failed"


def representation_etag(request, data):
    payload = json.dumps(data, cls=JSONEncoder, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{request.accepted_renderer.format}\n{payload}".encode())
    return quote_etag(digest.hexdigest()[:40])


class ConditionalMixin:
    """For a ModelViewSet: `self.shown` collects the objects a read shows (the page, or the
    object and anything it embeds); finalize_response derives the validators from them."""

    shown = ()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.shown = page if page is not None else ()
        return page

    def get_object(self):
        instance = super().get_object()
        self.shown = [instance]
        return instance

    def check_if_match(self, instance):
        """Before a PUT, PATCH or DELETE changes `instance`, inside its transaction (and after
        the body has validated, so an invalid body is a 400 whatever its precondition).

        The row is locked first, so of two writers sending the same ETag at once the second
        waits for the first, then sees the changed object and gets its 412.
        """
        header = self.request.headers.get("If-Match", "").strip()
        if not header:
            return
        locked = self.get_queryset().select_for_update(of=("self",)).get(pk=instance.pk)
        current = representation_etag(self.request, self.get_serializer(locked).data)
        etags = parse_etags(header)
        if "*" not in etags and current not in etags:
            raise PreconditionFailed()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != status.HTTP_200_OK
            or not isinstance(response, Response)
        ):
            return response
        response["ETag"] = representation_etag(request, response.data)
        last_modified = max((obj.updated_at for obj in self.shown), default=None)
        if last_modified is not None:
            last_modified = int(last_modified.timestamp())
            response["Last-Modified"] = http_date(last_modified)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
