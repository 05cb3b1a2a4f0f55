"""Sign-in lockout (django-axes, configured in jjsite/settings.py): the address a sign-in comes
from, and forgetting an account's failures once it signs in.

Axes counts failed sign-ins per account and per address and locks either after
AXES_FAILURE_LIMIT of them within AXES_COOLOFF_TIME. Its own AXES_RESET_ON_SUCCESS would also
forget every failure from the signing-in address, whatever account they were for, so that an
editor guessing another editor's password could clear the count by signing in to their own
account; here a successful sign-in forgets only the failures on its own account.
"""

from axes.utils import reset
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


def client_ip(request):
    """The sign-in's address (AXES_CLIENT_IP_CALLABLE). Behind DJANGO_PROXY_COUNT proxies,
    each appending the address it saw to X-Forwarded-For, it is the one the outermost proxy
    saw (anything further left is whatever the client sent); with none, REMOTE_ADDR."""
    if settings.PROXY_COUNT:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= settings.PROXY_COUNT:
            return forwarded[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")


@receiver(user_logged_in)
def forget_the_accounts_failures(sender, request, user, **kwargs):
    reset(username=user.get_username())
