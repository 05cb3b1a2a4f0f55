"""Django's Redis cache backend, keeping one Redis client per connection pool, and never
failing a request because Redis does.

One client per pool: Django's RedisCacheClient builds a new `redis.Redis` for every cache call
(its `get_client` says it is there to be overridden). Building one sets up some 170 response
callbacks: it cost more than the command itself, about 0.17 ms of each 0.48 ms cache hit of a
page here. A client is safe to share between threads (its pool hands out the connections), so
one per pool will do.

Redis is a cache, not a dependency. When a call fails (Redis down, timing out, full, loading
its data after a restart: any `redis.exceptions.RedisError`), the call answers as a cache
without the value would (`get` its default, `add` False, `set` nothing) and the process stops
asking Redis for REDIS_BACKOFF seconds, so that an outage costs a request nothing: no
exception, no timeout on every call. A warning is logged (logger
"catalog.delivery.redis_cache") each time the process backs off, so once per back-off period
while the outage lasts, and an info line when Redis answers again. Each call waits at most
REDIS_TIMEOUT seconds and is not retried (redis-py would retry three times by default).

The answer cache stays correct whatever Redis lost or kept meanwhile: every stored answer is
checked against the content versions in the database (catalog.delivery.caching). The API's
throttle, whose counts are in the cache, fails open: it lets requests through uncounted while
Redis cannot be reached.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends import redis
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger("catalog.delivery.redis_cache")


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # by connection pool

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class Outages:
    """When each Redis (by its location) may be asked again: shared by every thread of the
    process (Django makes a cache backend per thread)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.until = {}  # location: time.monotonic() before which it is not asked
        self.down = set()  # locations that failed and have not answered since

    def backing_off(self, location):
        return time.monotonic() < self.until.get(location, 0)

    def failed(self, location, error):
        seconds = settings.REDIS_BACKOFF
        with self.lock:
            if self.backing_off(location):
                return  # another thread saw it fail first and said so
            self.until[location] = time.monotonic() + seconds
            self.down.add(location)
        logger.warning(
            "Redis at %s cannot be reached (%s: %s): serving without it, from the database; "
            "trying again in %s s.",
            location,
            type(error).__name__,
            error,
            seconds,
        )

    def answered(self, location):
        if location in self.down:
            with self.lock:
                if location not in self.down:
                    return
                self.down.discard(location)
            logger.info("Redis at %s answers again.", location)

    def forget(self):
        with self.lock:
            self.until.clear()
            self.down.clear()


outages = Outages()


def _guarded(name, failed):
    """The backend's method `name`, answering failed(*args, **kwargs) instead of raising when
    Redis fails, and without asking Redis while backing off."""

    def method(self, *args, **kwargs):
        if outages.backing_off(self._location):
            return failed(*args, **kwargs)
        try:
            result = getattr(super(RedisCache, self), name)(*args, **kwargs)
        except RedisError as error:
            outages.failed(self._location, error)
            return failed(*args, **kwargs)
        outages.answered(self._location)
        return result

    method.__name__ = name
    return method


def _default(key, default=None, *args, **kwargs):
    return default


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        options = params.get("OPTIONS", {})
        params = {
            **params,
            "OPTIONS": {
                "socket_connect_timeout": settings.REDIS_TIMEOUT,
                "socket_timeout": settings.REDIS_TIMEOUT,
                "retry": Retry(NoBackoff(), 0),
                **options,
            },
        }
        super().__init__(server, params)
        self._class = RedisCacheClient
        self._location = server if isinstance(server, str) else ",".join(server)

    add = _guarded("add", lambda *args, **kwargs: False)
    get = _guarded("get", _default)
    set = _guarded("set", lambda *args, **kwargs: None)
    touch = _guarded("touch", lambda *args, **kwargs: False)
    delete = _guarded("delete", lambda *args, **kwargs: False)
    get_many = _guarded("get_many", lambda *args, **kwargs: {})
    has_key = _guarded("has_key", lambda *args, **kwargs: False)
    incr = _guarded("incr", lambda key, delta=1, *args, **kwargs: delta)
    set_many = _guarded("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = _guarded("delete_many", lambda *args, **kwargs: None)
    clear = _guarded("clear", lambda *args, **kwargs: False)
