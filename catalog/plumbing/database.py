"""The one rule for "the database is out of reach", which the answer cache (serve what is
stored) and the error handler (a 503, not a 500) share."""

from django.db import InterfaceError, OperationalError

# What django.db raises when the server refuses or drops the connection or is overloaded;
# never a mistake in the request, so never the client's fault.
UNREACHABLE = (OperationalError, InterfaceError)


def is_unreachable(error):
    return isinstance(error, UNREACHABLE)
