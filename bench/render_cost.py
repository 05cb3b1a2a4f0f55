"""What one cold render of each page and API answer costs, in-process, without HTTP.

    .venv/bin/python bench/render_cost.py                    # every URL, 200 renders each
    .venv/bin/python bench/render_cost.py --renders 50 /seasons/jessica-jones-season-2/
    .venv/bin/python bench/render_cost.py --profile /seasons/jessica-jones-season-2/
    .venv/bin/python bench/render_cost.py --dump /tmp/before  # write each answer's body too

Production-like settings: DEBUG off (so Django's cached template loader), the app's page
cache off (`DJANGO_PAGE_CACHE=0`: every render is a cold one), static files from a manifest
collected into a scratch directory. The seed is loaded into a scratch SQLite database, unless
$DATABASE_URL names one (used as it is). Each URL is rendered through Django's WSGI handler,
middleware included, after a few warm-up renders; the script prints milliseconds per render
(least, median and p90, in CPU time of this process: steadier than the wall clock on a machine
shared with other work; SQLite runs in-process, so it counts) and the queries one render
makes. The least is the steadiest figure to compare runs by. `--profile URL` prints a cProfile
breakdown of that URL's renders instead. `--dump DIR` writes each body to DIR, with the
per-response CSP nonce blanked, so two runs can be compared with `diff -r`.

Figures depend on the machine and on what else runs on it; compare runs on the same one.
`make bench` (bench/http_bench.py) measures the same pages over real HTTP under load.
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "jessica-jones-season-2"
URLS = [
    f"/seasons/{SLUG}/",
    f"/seasons/{SLUG}/timeline/",
    "/people/krysten-ritter/",
    "/",
    "/search/?q=jones",
    f"/api/v1/credits/?season={SLUG}&page_size=100",
    f"/api/v1/seasons/{SLUG}/?include=credits,reviews,events,episodes,accolades",
    "/api/v1/events/?page_size=100",
    "/api/v1/reviews/?page_size=100",
]
NONCE = re.compile(rb'nonce="[^"]*"')


def setup(tmp):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="jjsite.settings",
        DJANGO_DEBUG="0",
        DJANGO_PAGE_CACHE="0",
        DJANGO_ALLOWED_HOSTS="testserver",
        API_ANON_THROTTLE_RATE="100000000/hour",
        DJANGO_STATIC_ROOT=f"{tmp}/static",
        DJANGO_STATIC_FINDERS="0",
        DJANGO_LOG_LEVEL="WARNING",
    )
    scratch = "DATABASE_URL" not in os.environ
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/render.sqlite3")
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)

    import django
    from django.core.management import call_command

    django.setup()
    if scratch:
        call_command("migrate", "--noinput", verbosity=0)
        call_command("loaddata", "fixtures/seed-content.json", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)


def render(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return response


def measure(client, url, renders):
    from django.db import connection

    for _ in range(5):  # warm up: template loader cache, URL resolver, connections
        render(client, url)
    queries = []

    def count(execute, sql, *rest):
        queries.append(sql)
        return execute(sql, *rest)

    with connection.execute_wrapper(count):
        render(client, url)
    timings = []
    for _ in range(renders):
        started = time.process_time()
        render(client, url)
        timings.append((time.process_time() - started) * 1000)
    timings.sort()
    p90 = timings[int(0.9 * (len(timings) - 1))]
    return timings[0], statistics.median(timings), p90, len(queries)


def profile(client, url, renders, limit):
    for _ in range(5):
        render(client, url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(renders):
        render(client, url)
    profiler.disable()
    for sort in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(sort).print_stats(limit)
        print(f"--- {url}, {renders} renders, by {sort} ---")
        print(out.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="*", help="paths to render (default: the main pages)")
    parser.add_argument("--renders", type=int, default=200, help="per URL (default 200)")
    parser.add_argument("--profile", metavar="URL", help="print a cProfile breakdown of URL")
    parser.add_argument("--limit", type=int, default=40, help="profile rows (default 40)")
    parser.add_argument("--dump", metavar="DIR", help="write each URL's body to DIR")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        setup(tmp)
        from django.test import Client

        client = Client()
        if args.profile:
            profile(client, args.profile, args.renders, args.limit)
            return
        urls = args.urls or URLS
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
        database = os.environ["DATABASE_URL"].split(":")[0]
        print(f"In-process renders, DEBUG off, page cache off, {database}; {args.renders} each\n")
        print(f"{'URL':<72} {'min ms':>7} {'median':>7} {'p90':>7} {'queries':>7}")
        for url in urls:
            best, median, p90, queries = measure(client, url, args.renders)
            print(f"{url[:72]:<72} {best:>7.2f} {median:>7.2f} {p90:>7.2f} {queries:>7}")
            if args.dump:
                name = re.sub(r"[^A-Za-z0-9]+", "_", url).strip("_") or "home"
                body = NONCE.sub(b'nonce=""', render(client, url).content)
                (Path(args.dump) / name).write_bytes(body)


if __name__ == "__main__":
    main()
