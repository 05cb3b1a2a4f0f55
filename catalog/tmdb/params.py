"""The TMDb reads' parameters, read as TMDb reads them or refused with its error (errors.py):
the ids in the path, `page`, `append_to_response`, and the changes' `start_date` and
`end_date`. `api_key` and `language` are accepted and ignored (reads are public; the wiki is in
English).
"""

import math
import re
from datetime import UTC, datetime, time, timedelta

from django.utils import timezone

from catalog.delivery.caching import CHANGES, add_keys
from catalog.tmdb.errors import BAD_PAGE, NOT_FOUND, bad_parameter

PER_PAGE = 20  # TMDb's search pages
CHANGES_PER_PAGE = 100  # TMDb's change lists
MAX_PAGE = 500  # TMDb refuses pages past 500
MAX_ID = 2**63 - 1  # the largest id the database holds; a larger one names nothing
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def found(queryset, **lookup):
    """The one object of `queryset` matching `lookup` (integers from the path), or TMDb's 404."""
    if any(value > MAX_ID for value in lookup.values()):
        raise NOT_FOUND
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise NOT_FOUND
    return obj


def page_number(request):
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
        raise BAD_PAGE
    return int(raw)


def paged(page, total, results, per_page=PER_PAGE):
    return {
        "page": page,
        "results": results,
        "total_pages": max(1, math.ceil(total / per_page)),
        "total_results": total,
    }


def appended(request, parts):
    """TMDb's append_to_response: the named parts (comma list) the endpoint offers, each under
    its name; names it doesn't offer are left out, as TMDb does."""
    names = request.GET.get("append_to_response", "").split(",")
    return {
        name: parts[name]() for name in dict.fromkeys(n.strip() for n in names) if name in parts
    }


def _date_param(request, name):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return None
    try:
        if not DATE_RE.match(raw):
            raise ValueError
        return datetime.combine(datetime.strptime(raw, "%Y-%m-%d").date(), time.min, tzinfo=UTC)
    except ValueError:
        raise bad_parameter(f"{name} must be a date, YYYY-MM-DD.") from None


def window(request):
    """The changes' time window, [start, end): `start_date` and `end_date` are days (UTC), both
    included; by default the last 24 hours, as TMDb's. With both dates the answer changes only
    with the changes (cached until the next one); otherwise it moves with the clock."""
    start, end = _date_param(request, "start_date"), _date_param(request, "end_date")
    if start is not None and end is not None:
        add_keys(request, CHANGES)
    else:
        request.moving_window = True
    try:
        end = end + timedelta(days=1) if end is not None else timezone.now()
        start = start if start is not None else end - timedelta(days=1)
    except OverflowError:  # the day after 9999-12-31
        raise bad_parameter("end_date must be before 9999-12-31.") from None
    if start >= end:
        raise bad_parameter("start_date must not be after end_date.")
    return start, end
