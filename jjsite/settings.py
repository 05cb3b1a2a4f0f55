"""Settings for the season wiki: one module, driven by environment variables.

Development needs none of them. Production sets at least DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, DATABASE_URL and DJANGO_HTTPS=1 (see README.md).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

# The fallback key is only fit for a laptop: `check --deploy` flags it (security.W009).
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "csp",
    "catalog",
]

MIDDLEWARE = [
    # First: an address holding NUL is a 404/400, a chunked body is read or refused
    # (jjsite/middleware.py).
    "jjsite.middleware.RequestGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Second: a stored answer skips everything below (catalog/delivery/caching.py).
    "catalog.delivery.caching.AnswerCacheMiddleware",
    "jjsite.middleware.ContentSecurityPolicyMiddleware",
    "jjsite.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jjsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "jjsite.wsgi.application"

# An embedded SQLite file by default; production sets DATABASE_URL=postgres://...
# Each process keeps its database connection for DJANGO_CONN_MAX_AGE seconds (0: a new one
# per request, Django's own default); a request that reuses it first checks that it still
# works (CONN_HEALTH_CHECKS), so a restarted PostgreSQL costs no failed request. Persistent
# connections rather than psycopg's pool: a gunicorn sync worker serves one request at a
# time, so one connection per worker is all a pool would hold, without a pool's extra idle
# connections per process (workers x pool size against max_connections); and it works
# behind PgBouncer as it is.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}

# The cache holds the stored answers and their versions (catalog/delivery/caching.py) and the API's
# throttle counters: every worker and machine must share it in production, so REDIS_URL points
# at Redis. Without it each process keeps its own in memory, which is right for one process
# (`make run`, the tests) and wrong for several: `check --deploy` says so
# (catalog/plumbing/checks.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "catalog.delivery.redis_cache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for the answers and their keys' versions (the default, 300, is too few).
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    )
}
# Whole answers of public pages and API reads, invalidated by edits (catalog/delivery/caching.py).
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", default=True)
# Each process also keeps the answers it served lately, up to this many bytes
# (catalog.delivery.caching).
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("DJANGO_PAGE_CACHE_LOCAL_BYTES", str(32 * 2**20)))
# How long a stored answer may stay unused in the cache (it stays valid until an edit).
PAGE_CACHE_TIMEOUT = int(os.environ.get("DJANGO_PAGE_CACHE_TIMEOUT", str(24 * 3600)))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            # WhiteNoise's, hashed and compressed
            else "catalog.plumbing.staticfiles.StaticFilesStorage"
        )
    },
}
# Tests and `make run` serve static files straight from the finders, no collectstatic needed.
WHITENOISE_USE_FINDERS = env_bool("DJANGO_STATIC_FINDERS", default=True)
WHITENOISE_MANIFEST_STRICT = False

# The API (catalog/api/). Token first, so that an anonymous write's 401 names the scheme in
# WWW-Authenticate. Reads need no permission (the content is public: a signed-in user without
# permissions reads what an anonymous client reads); writes need the model's permission.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    # Bodies are JSON (415 otherwise): one documented request format.
    # Within a size and a nesting limit (catalog/api/limits.py).
    "DEFAULT_PARSER_CLASSES": ["catalog.api.limits.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "catalog.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "catalog.api.filters.SearchFilter",
        "catalog.api.filters.StrictOrderingFilter",
        "catalog.api.timestamps.UpdatedSinceFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["catalog.api.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_THROTTLE_RATE", "1000/hour")},
    "DEFAULT_SCHEMA_CLASS": "catalog.api.schema.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Season wiki API",
    "DESCRIPTION": (
        "Read and write the season wiki. Reads are public; writes need "
        "`Authorization: Token <key>` of an editor (editors find theirs at /admin/api-token/). "
        "Relations are read as {slug, name} (a season as its slug) and written as read or as "
        "the slug. Every object reads its `version`. Responses, writes' too, carry "
        "ETag and Last-Modified; send If-Match (a detail's ETag, or the version in quotes) on "
        "PUT, PATCH and DELETE to refuse overwriting a newer version (412), or send `version` "
        "in the body to keep others' changes since and apply yours (409 where both changed a "
        "field). Every write is one revision; X-Edit-Summary gives its edit summary."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Request and response shapes differ (relations in by slug, out as objects).
    "COMPONENT_SPLIT_REQUEST": True,
    # The interactive page is served from drf-spectacular-sidecar's static files, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The default enum hook first; then this API's document-wide additions (schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "catalog.api.schema.postprocess_query_parameters",
        "catalog.api.schema.postprocess_optional_fields",
        "catalog.api.schema.postprocess_request_strings",
        "catalog.api.schema.postprocess_links",
    ],
}

# Anyone may read the API from another origin; no origin may write (see catalog/api/cors.py).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
# What browser code may send: conditional requests, and the edit summary (writes stay refused).
CORS_ALLOW_HEADERS = [
    *default_headers,
    "if-none-match",
    "if-modified-since",
    "if-match",
    "x-edit-summary",
]

# Sign-in lockout (django-axes; catalog/plumbing/logins.py). Failed sign-ins are counted per account
# and per address, in the database; AXES_FAILURE_LIMIT of either within the cool-off locks it until
# AXES_COOLOFF_TIME after its latest try (every try while locked starts the wait again, even with
# the right password). A successful sign-in forgets that account's failures. Unlock sooner with
# `manage.py axes_reset_username <name>` or `axes_reset_ip <address>`.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_RESET_ON_SUCCESS = False  # catalog/plumbing/logins.py resets the account's failures only
AXES_CLIENT_IP_CALLABLE = "catalog.plumbing.logins.client_ip"
AXES_VERBOSE = False  # no start-up banner on every command; `axes_list_attempts` lists the locks
# How many proxies in front of the app append to X-Forwarded-For (0: clients connect directly).
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))

# Content-Security-Policy (django-csp; jjsite/middleware.py). The public pages run no script
# at all; their only inline CSS is the seasons' colours, in a <style> that the page's own
# policy allows by its hash (catalog.pages.views.render_with_style): a nonce would repeat in
# cached pages. JSON-LD is data, not script, so script-src 'none' leaves it alone.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [NONE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The admin and the API's own pages (browsable API, Swagger UI) run their own script files
# (no inline script: the docs page loads its setup script from /api/v1/docs/?script), but
# carry style attributes and <style> blocks in their markup.
TOOLS_CONTENT_SECURITY_POLICY = {
    "URL_PREFIXES": ["/admin/", "/api/"],
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
    },
}
# Permissions-Policy: the browser features no page here uses, turned off for every response.
PERMISSIONS_POLICY_DENY = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "xr-spatial-tracking",
]

# The shared HTTP caches in front of the site (deploy/varnish.vcl): every edit purges the
# surrogate keys of what it changed from each cache at DJANGO_CACHE_PURGE_URLS (comma-separated
# base URLs, e.g. http://10.0.0.7:6081), with DJANGO_CACHE_PURGER: "xkey" (PURGE requests, for
# Varnish with the xkey vmod), "ban" (BAN requests, Varnish's bans) or "" (no shared cache).
CACHE_PURGERS = ("", "xkey", "ban")
CACHE_PURGER = os.environ.get("DJANGO_CACHE_PURGER", "")
CACHE_PURGE_URLS = env_list("DJANGO_CACHE_PURGE_URLS", "")
if CACHE_PURGER not in CACHE_PURGERS:
    raise ImproperlyConfigured(
        f"DJANGO_CACHE_PURGER must be one of xkey, ban or empty, not {CACHE_PURGER!r}"
    )
if CACHE_PURGER and not CACHE_PURGE_URLS:
    raise ImproperlyConfigured(
        f"DJANGO_CACHE_PURGER={CACHE_PURGER} needs DJANGO_CACHE_PURGE_URLS, the caches to purge"
    )
for url in CACHE_PURGE_URLS:
    if not url.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"DJANGO_CACHE_PURGE_URLS: {url!r} is no http(s):// URL")

# What answers tell shared caches (Varnish, a CDN) in s-maxage: a day when saves purge them by
# key, else a minute, as stale as a page may be where nothing purges it.
SHARED_CACHE_MAX_AGE = int(
    os.environ.get("DJANGO_SHARED_CACHE_MAX_AGE", "86400" if CACHE_PURGER else "60")
)
SHARED_CACHE_STALE_WHILE_REVALIDATE = int(
    os.environ.get("DJANGO_SHARED_CACHE_STALE_WHILE_REVALIDATE", "60")
)

# Imports larger than this are refused before they are parsed.
SEASON_ARTICLE_MAX_BYTES = int(os.environ.get("SEASON_ARTICLE_MAX_BYTES", str(1024 * 1024)))
# The admin's import runs in the web worker; these bound how long it holds one (about 2 s at
# either limit on PostgreSQL, measured: README). Larger articles go through `import_article`.
SEASON_ADMIN_IMPORT_MAX_BYTES = int(
    os.environ.get("SEASON_ADMIN_IMPORT_MAX_BYTES", str(128 * 1024))
)
SEASON_ADMIN_IMPORT_MAX_ROWS = int(os.environ.get("SEASON_ADMIN_IMPORT_MAX_ROWS", "600"))
# API bodies larger than this are a 413 (catalog/api/limits.py).
API_MAX_BODY_BYTES = int(os.environ.get("DJANGO_API_MAX_BODY_BYTES", str(2 * 1024 * 1024)))

# Behind TLS in production: DJANGO_HTTPS=1 turns on every HTTPS-only protection.
HTTPS = env_bool("DJANGO_HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
# Load balancers ask for the health checks over plain HTTP (jjsite/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
