from rest_framework import throttling
from rest_framework.settings import api_settings

from catalog.plumbing.logins import client_ip


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, with the rate read per request, counted per client address.

    DRF copies DEFAULT_THROTTLE_RATES into the class when it is defined, so a changed setting
    (API_ANON_THROTTLE_RATE, or a test's override, which reloads api_settings) would not be
    seen; reading api_settings here sees it. Authenticated clients are not throttled.

    The address is the sign-ins' (catalog.plumbing.logins.client_ip): X-Forwarded-For counts only
    behind DJANGO_PROXY_COUNT proxies, and then only the address the outermost one saw; DRF's
    default would take the whole header, which any client can vary to reset its count.

    The counts are in the cache (Redis in production). While it cannot be reached, the
    throttle fails open: the cache answers every read as a miss and drops the writes
    (catalog.delivery.redis_cache), so each request finds no history and goes through
    uncounted (docs/caching.md, "When Redis fails").
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request)
