"""Conditional requests: ETag and Last-Modified on reads, If-Match on writes.

An object's detail read (one object, no `?include=`) has the ETag `"<version>-<digest>"`: the
object's version (the write service bumps it with every save), then a hash of the
representation (the response data as JSON, and the format it is rendered in). A list's ETag,
and a season's with `?include=`, is the hash alone. The hash is in a detail's ETag too because
a representation shows more than its object's own fields: a credit shows its person's name,
so renaming the person changes the credit's ETag (If-None-Match never answers 304 with a
stale name) but not its version.

If-Match on a PUT, PATCH or DELETE is compared by version, the object's state that a write is
about: it must name the object's current version, as a detail ETag read before or as the
version in quotes (`"7"`, the `version` of an object read in a list); else the write answers
412 and changes nothing. The digest is not compared, so renaming a person does not make an
edit of their credit stale. `*` matches any version. The version that matched is the write's
`base_version` (catalog.content.services). Without If-Match the write goes ahead, as before versions
existed; `version` in the body is the other way to guard a write (see serializers).

Both validators come from the content versions (catalog.delivery.caching): every key an answer names
(the objects shown, the people and outlets they name, a list's list key, `site`) has a version,
the time of its latest change, which every write bumps on commit, a deletion included (it bumps
its kind's list key). Last-Modified is the latest of them, and the ETag's hash covers it with
the representation: renaming a person moves the Last-Modified of every credit of theirs, and
deleting a credit that of the credit list. A key with no version yet gets one then (see
caching.key_versions). The versions are read once a request: the answer cache, storing the
answer, reuses this read (caching.request_key_versions). Last-Modified counts whole seconds,
so two changes in one second look like one: the ETag does not have that blind spot.

A write (POST, PUT, PATCH) answers with the object's new ETag and Last-Modified, those its
detail read gives, so the next If-Match needs no read first. `If-None-Match: *` on a PUT,
PATCH or DELETE (of an object that exists, as these are) is a 412.

Reads also name what they show for the answer cache (catalog.delivery.caching): the surrogate keys
of the objects shown, and a list's `list_keys` (by default its model's `<model>-list`), so that a
list answers afresh once an object is added to or removed from it.
"""

import hashlib
import json
import re

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_etags, quote_etag
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from catalog.delivery.caching import add_keys, add_subject_keys, keys_of, latest_change
from catalog.models.base import surrogate_key

# A strong ETag naming a version: a detail's `"7-<digest>"`, or the bare version `"7"`.
VERSION_ETAG = re.compile(r'"([0-9]{1,10})(?:-[0-9a-f]+)?"')


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The object has changed since you read it; nothing was changed."
    default_code = "precondition_failed"


def representation_digest(request, data, latest=None):
    payload = json.dumps(data, cls=JSONEncoder, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{request.accepted_renderer.format}\n{latest}\n{payload}".encode())
    return digest.hexdigest()[:40]


def representation_etag(request, data, version=None, latest=None):
    digest = representation_digest(request, data, latest)
    return quote_etag(digest if version is None else f"{version}-{digest}")


def if_match_versions(header):
    """The versions an If-Match header names ("*" for any); weak ETags match nothing."""
    etags = parse_etags(header)
    if "*" in etags:
        return "*"
    return {int(match[1]) for etag in etags if (match := VERSION_ETAG.fullmatch(etag))}


class ConditionalMixin:
    """For a ModelViewSet: `self.shown` collects the objects a read shows (the page, or the
    object and anything it embeds), and `self.versioned` is the object a detail read shows
    as it is; finalize_response derives the validators from them."""

    shown = ()
    versioned = None
    list_keys = None  # the lists a list answer is one of; None: its model's

    def get_list_keys(self):
        if self.list_keys is not None:
            return self.list_keys
        return (surrogate_key(self.queryset.model._meta.model_name, "list"),)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.shown = page if page is not None else ()
        return page

    def get_object(self):
        instance = super().get_object()
        self.shown = [instance]
        self.versioned = instance
        return instance

    def check_if_match(self, instance):
        """Before a PUT, PATCH or DELETE changes `instance`, inside its transaction (and after
        the body has validated, so an invalid body is a 400 whatever its precondition).
        Returns the version If-Match named (None without If-Match, or for `*`).

        The row is locked first, so of two writers sending the same version at once the
        second waits for the first, then sees the new version and gets its 412.
        """
        if "*" in parse_etags(self.request.headers.get("If-None-Match", "")):
            # "Only if it does not exist" (RFC 9110, 13.1.2): it does.
            raise PreconditionFailed("If-None-Match: * writes only what does not exist yet.")
        header = self.request.headers.get("If-Match", "").strip()
        if not header:
            return None
        current = (
            type(instance)
            ._base_manager.select_for_update()
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        named = if_match_versions(header)
        if current is None:
            raise PreconditionFailed("It was deleted meanwhile; nothing was changed.")
        if named == "*":
            return None
        if current in named:
            return current
        if not named:
            raise PreconditionFailed(
                "If-Match names no version: send the ETag of the object's detail, or its "
                f'version in quotes ("{current}" now). Nothing was changed.'
            )
        raise PreconditionFailed(
            "It has changed since you read it: If-Match names version "
            f"{', '.join(map(str, sorted(named)))}, the current version is {current}. "
            "Nothing was changed; read it again and redo your change."
        )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if not isinstance(response, Response):
            return response
        if request.method in ("GET", "HEAD") and response.status_code == status.HTTP_200_OK:
            add_keys(request, *keys_of(self.shown))
            if self.versioned is not None:  # one object's detail: checked against its keys
                add_subject_keys(request, *self.versioned.surrogate_keys())
            if self.action == "list":
                add_keys(request, *self.get_list_keys())
            last_modified = self.set_validators(request, response)
            return get_conditional_response(
                request, etag=response["ETag"], last_modified=last_modified, response=response
            )
        if (
            request.method in ("POST", "PUT", "PATCH")
            and response.status_code in (status.HTTP_200_OK, status.HTTP_201_CREATED)
            and self.versioned is not None
        ):
            # The written object's new validators, as its detail read now gives them, so that
            # a client can send its next If-Match without reading it again.
            add_keys(request, *self.versioned.surrogate_keys())
            self.set_validators(request, response)
        return response

    def set_validators(self, request, response):
        """ETag and Last-Modified from the content versions of what the answer names
        (catalog.delivery.caching): any change to it, a deletion from a list included, moves both.
        Returns Last-Modified as a Unix time."""
        latest = latest_change(request)
        version = self.versioned.version if self.versioned is not None else None
        response["ETag"] = representation_etag(request, response.data, version, latest)
        if latest is None:
            return None
        last_modified = latest // 1_000_000_000
        response["Last-Modified"] = http_date(last_modified)
        return last_modified
