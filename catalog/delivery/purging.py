"""Purge the shared HTTP caches in front of the site (Varnish with deploy/varnish.vcl, or a cache
speaking the same keys) by surrogate key: `purge(keys)`, called by catalog.delivery.caching after
every
content change has committed.

Settings: CACHE_PURGER ("" none, "xkey" or "ban") and CACHE_PURGE_URLS (each cache's base URL).
Each cache gets one request naming the keys in an `xkey-purge` header: `PURGE /` for xkey,
`BAN /` for bans.

An editor's save never waits long for a cache and never fails because of one: `purge` never
raises, and a request gives up after TIMEOUT seconds. A failed purge is logged (logger
"catalog.delivery.purging"), kept as a PendingPurge row, and sent again, merged with whatever else
is
pending for that cache: by a background thread after each of RETRY_DELAYS, with the next purge
to that cache, and by `manage.py retry_purges` (run it from cron to cover a long outage). The
row is deleted once the cache took its keys.
"""

import http.client
import logging
import re
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections

from catalog.models import PendingPurge

logger = logging.getLogger("catalog.delivery.purging")

METHODS = {"xkey": "PURGE", "ban": "BAN"}
HEADER = "xkey-purge"
TIMEOUT = 2  # seconds, to connect and to each read
RETRY_DELAYS = (1, 5, 25)  # seconds before each background retry
# More keys than this at once (a long outage's backlog) purge everything instead: `site` is on
# every cached answer.
MAX_KEYS = 300  # about 4 KB of header; Varnish takes 8 KB (http_req_hdr_len)
EVERYTHING = "site"
KEY = re.compile(r"[A-Za-z0-9_-]+")

_retrying = set()  # the caches a background retry thread is working on
_retrying_lock = threading.Lock()


def purge(keys):
    """Purge `keys` from every configured cache. Never raises."""
    try:
        keys = valid_keys(keys)
        if purge_method() is None or not keys:
            return
        for url in settings.CACHE_PURGE_URLS:
            purge_at(url, keys)
    except Exception:
        logger.exception("Purging %r failed", keys)


def purge_at(url, keys):
    """Purge `keys` (and what is pending) from the cache at `url`; on failure, keep them."""
    try:
        error = send_with_pending(url, keys)
        if error:
            joined = " ".join(keys)
            logger.warning("Purging %s at %s failed (%s); retrying.", joined, url, error)
            PendingPurge.objects.create(url=url, keys=joined, last_error=error)
            retry_in_background(url)
    except Exception:
        logger.exception("Purging %s at %s failed", " ".join(keys), url)


def retry_pending():
    """Send every pending purge again; the caches that still fail, with their errors."""
    failures = {}
    if purge_method() is None:
        return failures
    for url in settings.CACHE_PURGE_URLS:
        if PendingPurge.objects.filter(url=url).exists():
            error = send_with_pending(url, [])
            if error:
                failures[url] = error
    return failures


def purge_method():
    """The HTTP method of the configured purger; None when there is none."""
    if not settings.CACHE_PURGER:
        return None
    if settings.CACHE_PURGER not in METHODS:
        logger.error("Unknown CACHE_PURGER %r: nothing purged.", settings.CACHE_PURGER)
        return None
    return METHODS[settings.CACHE_PURGER]


def valid_keys(keys):
    """The keys, each once, in order; a key a cache could misread is dropped and logged."""
    valid = []
    for key in keys:
        if not KEY.fullmatch(key):
            logger.error("Not a surrogate key, not purged: %r", key)
        elif key not in valid:
            valid.append(key)
    return valid


def send_with_pending(url, keys):
    """Purge `keys` and every key pending for the cache at `url` in one request. None when the
    cache took them (their pending rows are deleted), or the error."""
    pending = list(PendingPurge.objects.filter(url=url))
    every_key = valid_keys([*keys, *(key for row in pending for key in row.keys.split())])
    if not every_key:
        return None
    if len(every_key) > MAX_KEYS:
        every_key = [EVERYTHING]
    error = send(url, every_key)
    if error:
        for row in pending:
            row.attempts += 1
            row.last_error = error
        PendingPurge.objects.bulk_update(pending, ["attempts", "last_error"])
    else:
        PendingPurge.objects.filter(pk__in=[row.pk for row in pending]).delete()
    return error


def send(url, keys):
    """One purge request to the cache at `url`: None when it answered 2xx, or the error."""
    parts = urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(parts.hostname, parts.port, timeout=TIMEOUT)
    try:
        connection.request(
            METHODS[settings.CACHE_PURGER], parts.path or "/", headers={HEADER: " ".join(keys)}
        )
        response = connection.getresponse()
        response.read()
    except (OSError, http.client.HTTPException) as error:
        return f"{type(error).__name__}: {error}"[:500]
    finally:
        connection.close()
    if 200 <= response.status < 300:
        return None
    return f"{response.status} {response.reason}"[:500]


def retry_in_background(url):
    """Retry the cache's pending purges after each of RETRY_DELAYS, in one thread per cache."""
    with _retrying_lock:
        if url in _retrying:
            return
        _retrying.add(url)
    threading.Thread(target=_retry, args=(url,), name="catalog-purge-retry", daemon=True).start()


def _retry(url):
    try:
        error = "not retried"
        for delay in RETRY_DELAYS:
            time.sleep(delay)
            error = send_with_pending(url, [])
            if not error:
                logger.info("Purged the pending keys at %s.", url)
                return
        logger.error(
            "Purging at %s still fails (%s); the keys wait for the next purge or "
            "`manage.py retry_purges`.",
            url,
            error,
        )
    except Exception:
        logger.exception("Retrying the purges at %s failed", url)
    finally:
        with _retrying_lock:
            _retrying.discard(url)
        connections.close_all()
