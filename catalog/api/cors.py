"""Cross-origin reads only.

CORS_URLS_REGEX limits CORS to /api/ and CORS_ALLOW_METHODS makes a preflight offer only
GET, HEAD and OPTIONS. django-cors-headers would still add Access-Control-Allow-Origin to an
actual POST (a "simple" cross-origin request needs no preflight), so no origin is allowed
outright: this receiver allows any origin for the safe methods alone. Connected in
CatalogConfig.ready().
"""

from corsheaders.signals import check_request_enabled
from django.dispatch import receiver

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@receiver(check_request_enabled)
def cors_allow_api_reads(sender, request, **kwargs):
    return request.path_info.startswith("/api/") and request.method in SAFE_METHODS
