"""Time the admin and public pages against a generated catalogue, with Django's test client.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/catalogue \\
        .venv/bin/python bench/catalogue_timing.py [--admin] [--public] [--repeat 5]

It uses the database DATABASE_URL names (the settings' own default otherwise), which must hold a
catalogue written by `manage.py generate_catalogue --settings=bench.settings` (at least 100
seasons; see README "A large catalogue"). With neither --admin nor --public it times both.

--admin signs in as a superuser `catalogue-timer` (made if missing) and loads the admin's
changelists (searches, filters, sorts), a season's and a person's change page and the
autocompletes. --public loads, anonymously, the home page, a season, its timeline, a person, the
sitemaps and the API, then runs about 310 searches (substrings of people's names and common
words) once each. A season and a person stand for the rest: the 501st season and the 101st
person by id (the middle one of a smaller catalogue).

Each URL is loaded --repeat times; the script prints its status (the first that is not 200, if
any), median and maximum in milliseconds, and for the searches p50, p99 and maximum. It runs
with the settings' DEBUG (off unless DJANGO_DEBUG says otherwise) and the page cache off
(DJANGO_PAGE_CACHE=0 unless set): it times renders, not stored answers. Static files are
served by the plain storage, so no collectstatic is needed. It exits non-zero if any answer
is not 200.
"""

import argparse
import logging
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_SEASONS = 100
# Searched besides the names' substrings: short and common words, and one that matches nothing.
COMMON_WORDS = [
    "an",
    "jo",
    "the",
    "chronicle",
    "storm",
    "detective",
    "zzqx",
    "rotten",
    "season 2",
    "kle",
]


def configure_environment():
    """Settings, allowed host and page cache as the script needs them, unless already set."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jjsite.settings")
    os.environ.setdefault("DJANGO_PAGE_CACHE", "0")
    hosts = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
    if "testserver" not in [host.strip() for host in hosts.split(",")]:
        os.environ["DJANGO_ALLOWED_HOSTS"] = f"{hosts},testserver"


def parse_args():
    parser = argparse.ArgumentParser(
        description="Time the admin and public pages against a generated catalogue."
    )
    parser.add_argument("--admin", action="store_true", help="time the admin pages")
    parser.add_argument("--public", action="store_true", help="time the public pages and API")
    parser.add_argument(
        "--repeat", type=int, default=5, metavar="N", help="loads of each URL (default: 5)"
    )
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not args.admin and not args.public:
        args.admin = args.public = True
    return args


def sample_season_and_person():
    """The season and person whose pages are timed, or exit if there is no catalogue."""
    from django.db import DatabaseError, connection

    from catalog.models import Person, Season

    database = f"{connection.vendor} database {connection.settings_dict['NAME']}"
    try:
        seasons = Season.objects.count()
        people = Person.objects.count()
    except DatabaseError as error:
        sys.exit(f"Cannot read the catalogue from the {database}: {error}")
    if seasons < MIN_SEASONS:
        sys.exit(
            f"The {database} holds {seasons} seasons (at least {MIN_SEASONS} needed): "
            "generate a catalogue first: manage.py generate_catalogue --settings=bench.settings"
        )
    print(f"{database}: {seasons} seasons, {people} people")
    season = Season.objects.order_by("pk")[min(500, seasons // 2)]
    person = Person.objects.order_by("pk")[min(100, people // 2)]
    return season, person


def admin_urls(season, person):
    autocomplete = "/admin/autocomplete/?app_label=catalog"
    return [
        "/admin/catalog/credit/",
        "/admin/catalog/credit/?q=klein",
        f"/admin/catalog/credit/?season__id__exact={season.pk}&department__exact=cast",
        f"/admin/catalog/credit/?person__id__exact={person.pk}",
        "/admin/catalog/credit/?department__exact=crew&job=director",
        "/admin/catalog/person/",
        "/admin/catalog/person/?q=klein",
        "/admin/catalog/person/?o=4",
        "/admin/catalog/season/",
        "/admin/catalog/season/?q=storm",
        "/admin/catalog/series/",
        "/admin/catalog/outlet/",
        "/admin/catalog/review/",
        "/admin/catalog/review/?q=chronicle",
        "/admin/catalog/event/",
        "/admin/catalog/event/?q=filming",
        "/admin/catalog/episode/",
        "/admin/catalog/section/",
        "/admin/catalog/reference/",
        "/admin/catalog/accolade/",
        "/admin/catalog/infoboxfield/",
        f"/admin/catalog/season/{season.pk}/change/",
        f"/admin/catalog/person/{person.pk}/change/",
        f"{autocomplete}&model_name=credit&field_name=person&term=",
        f"{autocomplete}&model_name=credit&field_name=person&term=kle",
        f"{autocomplete}&model_name=credit&field_name=season&term=storm",
        f"{autocomplete}&model_name=credit&field_name=episode&term=3",
        f"{autocomplete}&model_name=review&field_name=outlet&term=chron",
        f"{autocomplete}&model_name=event&field_name=people&term=ana",
    ]


def public_urls(season, person):
    return [
        "/",
        "/?page=20",
        season.get_absolute_url(),
        season.get_timeline_url(),
        person.get_absolute_url(),
        "/sitemap.xml",
        "/sitemap-people.xml?p=2",
        "/sitemap-seasons.xml",
        "/api/v1/seasons/",
        f"/api/v1/seasons/{season.slug}/?include=credits,reviews,events,episodes,accolades",
        f"/api/v1/credits/?season={season.slug}&page_size=100",
        "/api/v1/people/",
        "/api/v1/credits/?page_size=100",
    ]


def search_queries():
    """300 substrings (3 to 6 letters) of people's names, always the same, and common words."""
    from catalog.models import Person

    rng = random.Random(1)
    names = list(Person.objects.order_by("sort_name", "name").values_list("name", flat=True)[:2000])
    queries = []
    for _ in range(300):
        name = rng.choice(names)
        start = rng.randrange(max(1, len(name) - 4))
        queries.append(name[start : start + rng.randint(3, 6)])
    return queries + COMMON_WORDS


def timed_get(client, path, data=None):
    """The answer's status and how long it took, in milliseconds."""
    start = time.perf_counter()
    response = client.get(path, data)
    return response.status_code, (time.perf_counter() - start) * 1000


def time_urls(client, urls, repeat):
    """Load each URL `repeat` times and print its figures; return the URLs that failed."""
    failed = []
    for url in urls:
        statuses, times = zip(*(timed_get(client, url) for _ in range(repeat)), strict=True)
        status = next((status for status in statuses if status != 200), 200)
        if status != 200:
            failed.append(f"{status} {url}")
        median, longest = statistics.median(times), max(times)
        print(f"{status} median {median:7.0f} ms  max {longest:7.0f} ms  {url}")
    return failed


def time_search(client):
    """Run each search once and print p50, p99 and the maximum; return the ones that failed."""
    failed, times = [], []
    for query in search_queries():
        status, elapsed = timed_get(client, "/search/", {"q": query})
        times.append(elapsed)
        if status != 200:
            failed.append(f"{status} /search/?q={query}")
    times.sort()
    p50, p99 = times[len(times) // 2], times[int(len(times) * 0.99) - 1]
    print(
        f"search: {len(times)} queries, p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {times[-1]:.0f} ms"
    )
    return failed


def main():
    args = parse_args()
    configure_environment()
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    # Quiet: the sign-in's log lines, and whitenoise's warning that collectstatic has not run.
    logging.getLogger("axes").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", "No directory at", UserWarning)

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    season, person = sample_season_and_person()
    plain_static_files = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    failed = []
    with override_settings(STORAGES=plain_static_files):
        if args.admin:
            user, _ = get_user_model().objects.get_or_create(
                username="catalogue-timer", defaults={"is_staff": True, "is_superuser": True}
            )
            client = Client()
            client.force_login(user)
            print("admin (signed in as catalogue-timer):")
            failed += time_urls(client, admin_urls(season, person), args.repeat)
        if args.public:
            client = Client()
            print("public (anonymous):")
            failed += time_urls(client, public_urls(season, person), args.repeat)
            failed += time_search(client)
    if failed:
        sys.exit(f"{len(failed)} answers were not 200:\n" + "\n".join(failed))


if __name__ == "__main__":
    main()
