from rest_framework import throttling
from rest_framework.settings import api_settings


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, with the rate read per request.

    DRF copies DEFAULT_THROTTLE_RATES into the class when it is defined, so a changed setting
    (API_ANON_THROTTLE_RATE, or a test's override, which reloads api_settings) would not be
    seen; reading api_settings here sees it. Authenticated clients are not throttled.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
