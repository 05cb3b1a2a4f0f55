"""Health checks for load balancers and orchestrators, plain, cheap and never cached.

- `/healthz`: the process answers (200 "ok"); it touches neither the database nor Redis.
- `/readyz`: ready to serve: 200 when the database answers `SELECT 1`, 503 (with Retry-After)
  when it does not. Redis is reported ("ok", "down", "not configured") but not required: the
  site serves without its cache, slower.
"""

from http import HTTPStatus

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from jjsite.middleware import RETRY_AFTER_SECONDS

REDIS_TIMEOUT_SECONDS = 0.5


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except DatabaseError:
        return "down"


def redis_state():
    if not settings.REDIS_URL:
        return "not configured"
    import redis  # installed with the site; only needed when REDIS_URL is set

    client = redis.Redis.from_url(
        settings.REDIS_URL,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
    )
    try:
        client.ping()
        return "ok"
    except redis.RedisError:
        return "down"
    finally:
        client.close()


@never_cache
@require_safe
def readyz(request):
    state = {"database": database_state(), "redis": redis_state()}
    ready = state["database"] == "ok"
    response = JsonResponse(
        {"status": "ready" if ready else "unavailable", **state},
        status=HTTPStatus.OK if ready else HTTPStatus.SERVICE_UNAVAILABLE,
    )
    if not ready:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
