"""Whole answers of the public pages and the API's reads, cached until an edit makes them
stale: invalidated by edits, not by time.

Surrogate keys. Every page and API read attaches the keys of the content it shows to its
answer (`add_keys()`, or `@with_keys(...)` for a view's fixed keys): `season-3`, `series-1`,
`person-17`, `outlet-4` (catalog.models.base.surrogate_key), the lists it is one of
(`credit-list`, `changes`), and `site`, which every answer carries. Every write through
catalog.content.services announces the keys of what it changed (ContentChange.keys: the object's
own, the season and people it shows under, before and after, its kind's list, `changes`).

People and outlets are named on many answers (a season page names a hundred people). Their
keys are in every answer's header, for the shared caches, but the answer is not checked
against them: a change to a person or an outlet also bumps the keys of the seasons that name
them (the model's `naming_season_keys()`, one query), which those answers are checked
against. So a stored answer is checked against a few keys however many people it names. An
answer about a person or an outlet itself attaches its key with `add_subject_keys()`, and is
checked against it. Keys an answer needs only for the shared caches' purges, because a key
it is checked against changes with them, go with `add_purge_only_keys()`. So: `checked_keys()`
are what a stored answer is checked against, `purge_keys()` what its header lists.

Versions. Each key has a version, the time (nanoseconds) of its latest change, in the
database (catalog.models.versions), not in the cache: every write through the write service
moves the versions of its keys in its own transaction, so they change exactly when the edit
commits, and every process of every machine reads the same ones, whatever the cache backend
(each process's own memory by default, or Redis) and whatever the cache lost or kept through
an outage. `invalidate(keys)` does the same for writes that bypass the service, and has the
shared HTTP caches in front purge the keys (catalog.delivery.purging; the write service's
edits are purged once committed). An answer is stored (in the cache, and in the process's
own memory) with the versions its keys had when it was made, and served only while they are
all unchanged, which one indexed query tells: an edit shows on the very next request from
any process, and answers about other content stay cached. An answer's Last-Modified is its
keys' latest change. A key never changed has no version (None) until its first change; `site`,
on every answer, always has one.

A race: an edit that commits while an answer is being made could leave a stale answer under
current versions. Every write first moves one more version, the generation (in the same
transaction); an answer is stored only if the generation did not move while it was made.

The cache failing: catalog.delivery.redis_cache answers a failed call as a miss and leaves
Redis alone for a few seconds; answers are then rendered from the database, uncached.

Who gets cached answers: GETs without the session cookie or an Authorization header, that
is, visitors and anonymous API clients. Signed-in users (editors, who see drafts) get live
answers. The cached answers are not counted by the API's throttle: it guards renders.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from catalog.content.services import content_changed
from catalog.delivery import purging
from catalog.models.versions import GENERATION, add_versions, move_versions, read_versions
from catalog.plumbing import database

SITE = "site"
CHANGES = "changes"
HEADER = "Surrogate-Key"
# Answers of paths under these prefixes vary by these request headers besides the URL.
VARYING_PREFIXES = ("/api/",)
VARYING_HEADERS = ("Accept", "Origin")
NEVER_STORED = ("no-store", "private", "no-cache")


# Kinds whose changes bump the seasons that name them (see "People and outlets" above).
NAMED_KINDS = ("person-", "outlet-")


def add_keys(request, *keys):
    """Attach `keys` to `request`'s answer: the content it shows. The stored answer is
    checked against them, but for a person's or an outlet's key (see `checked_keys`)."""
    request = getattr(request, "_request", request)  # a DRF request wraps Django's
    if getattr(request, "surrogate_keys", None) is None:
        request.surrogate_keys = set()
    request.surrogate_keys.update(keys)


def add_subject_keys(request, *keys):
    """Attach the keys of what `request`'s answer is about: checked even for a person or an
    outlet."""
    add_keys(request, *keys)
    request = getattr(request, "_request", request)
    request.subject_keys = getattr(request, "subject_keys", set()) | set(keys)


def add_purge_only_keys(request, *keys):
    """Attach keys of content the answer shows but need not be checked against, because a key
    it is checked against changes with it (the home page's seasons: their every change is a
    recent change, and the home page is checked against `changes`). They are in the answer's
    header, for the shared caches' purges."""
    add_keys(request)
    request = getattr(request, "_request", request)
    request.purge_only_keys = getattr(request, "purge_only_keys", set()) | set(keys)


def checked_keys(request):
    """The keys a stored answer is checked against (see "People and outlets")."""
    named = request.surrogate_keys | {SITE}
    subjects = getattr(request, "subject_keys", set())
    # A person's or an outlet's own key, not the list of them ("person-list"): the people
    # list is checked against its list key like every list.
    return {
        key for key in named if not key.startswith(NAMED_KINDS) or key.endswith("-list")
    } | subjects


def purge_keys(request):
    """Every key attached to the answer, for its header and the shared caches' purges."""
    return request.surrogate_keys | getattr(request, "purge_only_keys", set()) | {SITE}


def keys_of(objects):
    """The surrogate keys of everything in `objects` (content models, citations)."""
    keys = set()
    for obj in objects:
        keys |= obj.surrogate_keys()
    return keys


def with_keys(*keys):
    """Decorate a view whose answer shows the content named by these fixed keys (add_keys)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            add_keys(request, *keys)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def invalidate(keys):
    """Make every answer that names one of `keys` stale, here and in the shared caches. The
    write service needs not call it: its writes move the versions themselves."""
    move_versions(keys)
    purging.purge(keys)


def invalidate_everything():
    """After writes that bypass the write service (a bulk load, a deploy's new templates)."""
    invalidate({SITE})


@receiver(content_changed)
def _purge_changed(sender, change, **kwargs):
    # The versions moved with the write (catalog.content.services); the shared caches now.
    purging.purge(change.keys)


def key_versions(keys):
    """The keys' versions now, and the generation: one query. A key never changed since the
    versions began has none (None, until a write gives it one). `site`, which every answer
    names, always has one, so that an answer's Last-Modified is never empty: it is given one
    when it has none (a new or flushed table)."""
    found = read_versions([GENERATION, *keys])
    if SITE in keys and SITE not in found:
        found.update(add_versions([SITE]))
    versions = {key: found.get(key) for key in sorted(keys)}
    return versions, found.get(GENERATION)


def request_key_versions(request, keys):
    """key_versions(keys), read once a request: the API's validators read the versions of the
    keys an answer names while it is made, and the answer cache, storing it right after,
    reuses that read for the keys it checks (a part of them) instead of asking the cache
    again. Keys the first read did not cover are read afresh, with the generation.

    Reusing is safe: that read came after the view read the database, so its generation
    still catches an edit that committed meanwhile ("A race"), and a version that moves
    after it only makes the stored answer stale sooner."""
    request = getattr(request, "_request", request)  # a DRF request wraps Django's
    read = getattr(request, "key_versions", None)
    if read is not None and set(keys) <= read[0].keys():
        versions, generation = read
        return {key: versions[key] for key in sorted(keys)}, generation
    request.key_versions = key_versions(keys)
    return request.key_versions


def latest_change(request):
    """The latest version (nanoseconds) among the keys `request`'s answer names: when
    anything it shows last changed, deletions from its lists included (the API's validators)."""
    request = getattr(request, "_request", request)  # a DRF request wraps Django's
    versions, _generation = request_key_versions(request, purge_keys(request))
    return max(filter(None, versions.values()), default=None)


def _versions_if_reachable(keys):
    """read_versions(keys), or None when the database cannot be reached."""
    try:
        return read_versions(keys)
    except database.UNREACHABLE:
        return None


class AnswerCacheMiddleware:
    """Serves stored answers and stores fresh ones (see the module's docstring); labels every
    keyed answer for shared caches. Placed right after SecurityMiddleware, so that a stored
    answer skips the rest and carries the headers the inner middleware gave it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.surrogate_keys = None  # views that may be cached add_keys() to their answers
        request.key_versions = None  # what request_key_versions read, for the next asker
        answer_key = self._answer_key(request)
        if answer_key is None:
            return self.get_response(request)
        if not settings.PAGE_CACHE:
            response = self.get_response(request)
            if not self._storable(request, response):
                return response
            self._label(request, response, versions={})
            return _conditional(request, response)

        local = local_answers.get(answer_key)
        if local is UNSTORABLE:  # lately nothing to store here: render, read nothing shared
            response = self.get_response(request)
            if self._storable(request, response):
                local_answers.forget(answer_key)  # from now on, stored as usual
                versions = request_key_versions(request, checked_keys(request))[0]
                self._label(request, response, versions)
                return _conditional(request, response)
            return response
        # The database out of reach (found is None): a stored answer is served as it is, since
        # no edit can be saved meanwhile either; checks resume with the database.
        if local is not None:  # one query: is what this process holds still current?
            found = _versions_if_reachable([GENERATION, *local["versions"]])
            if found is None or _current(local["versions"], found):
                return self._serve(request, local)
            local_answers.forget(answer_key)
        else:
            stored = cache.get(answer_key)  # None too when the cache cannot be reached
            found = _versions_if_reachable([GENERATION, *(stored["versions"] if stored else ())])
            if stored is not None and (found is None or _current(stored["versions"], found)):
                local_answers.put(answer_key, stored)
                return self._serve(request, stored)
        if found is None:  # nothing stored: the view answers (a 503 if it needs the database)
            return self.get_response(request)

        started = found.get(GENERATION)
        response = self.get_response(request)
        if not self._storable(request, response):
            local_answers.put(answer_key, UNSTORABLE)
            return response
        versions, generation = request_key_versions(request, checked_keys(request))
        self._label(request, response, versions)
        if generation == started:
            stored = {
                "versions": versions,
                "status": response.status_code,
                "headers": list(response.items()),
                "content": response.content,
            }
            cache.set(answer_key, stored, timeout=settings.PAGE_CACHE_TIMEOUT)
            local_answers.put(answer_key, stored)
        return _conditional(request, response)

    def _answer_key(self, request):
        """The key of the answer to `request`, or None when it is not to be cached."""
        if (
            request.method != "GET"
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "Authorization" in request.headers
            or request.path_info.startswith(("/admin/", settings.STATIC_URL))
        ):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None  # the view's turn: a 400, never cached
        variant = [request.scheme, host, request.get_full_path()]
        if request.path_info.startswith(VARYING_PREFIXES):
            variant += [request.headers.get(name, "") for name in VARYING_HEADERS]
        digest = hashlib.sha256("\n".join(variant).encode()).hexdigest()
        return f"answers:answer:{digest}"

    def _storable(self, request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            request.surrogate_keys is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in NEVER_STORED)
        )

    def _label(self, request, response, versions):
        response[HEADER] = " ".join(sorted(purge_keys(request)))
        if not response.has_header("ETag"):
            set_response_etag(response)
        if not response.has_header("Last-Modified") and versions:
            response["Last-Modified"] = http_date(_last_modified(versions))
        # Browsers ask again each time (a 304 when nothing changed); shared caches keep it
        # until purged, or for s-maxage when nothing purges them.
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.SHARED_CACHE_MAX_AGE,
            stale_while_revalidate=settings.SHARED_CACHE_STALE_WHILE_REVALIDATE,
        )

    def _serve(self, request, stored):
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        return _conditional(request, response)


def _current(versions, found):
    """Whether every key's version in `found` (read from the database) is the stored one."""
    return all(found.get(key) == version for key, version in versions.items())


# Stands, in LocalAnswers, for an address that lately gave no answer to store.
UNSTORABLE = "unstorable"


class LocalAnswers:
    """The answers this process served lately, least recently used out first, within
    PAGE_CACHE_LOCAL_BYTES; and the addresses that gave nothing to store, for a minute."""

    UNSTORABLE_SECONDS = 60

    def __init__(self):
        self.entries = OrderedDict()  # key: (answer or UNSTORABLE, size, until)
        self.size = 0
        self.lock = threading.Lock()  # `runserver` serves in threads

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[2] is not None and entry[2] < time.monotonic():
                self._pop(key)
                return None
            self.entries.move_to_end(key)
            return entry[0]

    def put(self, key, answer):
        size = 100 if answer is UNSTORABLE else len(answer["content"]) + 1000
        until = time.monotonic() + self.UNSTORABLE_SECONDS if answer is UNSTORABLE else None
        with self.lock:
            self._pop(key)
            self.entries[key] = (answer, size, until)
            self.size += size
            while self.size > settings.PAGE_CACHE_LOCAL_BYTES and self.entries:
                self._pop(next(iter(self.entries)))

    def forget(self, key=None):
        """Forget `key`, or everything (each test starts afresh)."""
        with self.lock:
            if key is None:
                self.entries.clear()
                self.size = 0
            else:
                self._pop(key)

    def _pop(self, key):
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= entry[1]


local_answers = LocalAnswers()


def _conditional(request, response):
    """A 304 when the request's If-None-Match or If-Modified-Since still holds."""
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _last_modified(versions):
    """A Unix time from the latest version (nanoseconds), or None."""
    latest = max((version for version in versions.values() if version), default=None)
    return latest // 1_000_000_000 if latest else None
