"""Load the site's pages and API with wrk, each beside a minimal Django view in the same server.

    make bench                          # the whole matrix (about half an hour), see --help
    .venv/bin/python bench/http_bench.py --databases sqlite --sizes seed --cache off \\
        --duration 2 --urls season,api-credits

For each database (SQLite, PostgreSQL) and size (the seed content; the large catalogue of
`manage.py generate_catalogue`, bench/settings.py's command, built once and kept) it starts
gunicorn as deployed (`-c deploy/gunicorn.conf.py`: threaded workers) with production settings
(DEBUG off) through bench/settings.py, which adds a minimal view
(`HttpResponse("ok")`) beside the site's URLs. It does so once with the page cache on and once off
(Redis db 15, shared by the workers, flushed first), and on PostgreSQL once more with a new
database connection per request. Each URL is warmed up for a second, then loaded with `wrk
--latency`; the table shows req/s, p50, p99 and the ratio to the minimal view measured by the same
server. The issue's targets follow, each with its figure. Any error answer (not 2xx/3xx) or socket
error makes it exit non-zero.
"""

import argparse
import hashlib
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import namedtuple
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES = "postgres://postgres@127.0.0.1:5432"
# Built once by generate_catalogue, kept, and rebuilt only when the generator or the schema
# changed: the database's comment (a file beside the SQLite one) holds what built it.
LARGE_DATABASE = "seasonwiki_bench_large"
LARGE_SQLITE = ROOT / "var" / "bench-large.sqlite3"
GENERATE = ["generate_catalogue", "--seed", "1"]  # its default sizes: 1,000 seasons, ...
REDIS_URL = "redis://127.0.0.1:6379/15"

Result = namedtuple("Result", "rps p50 p99 errors")


def url_paths(season, person, word):
    """The URLs loaded, by name: the minimal view (bench/urls.py) first, then the site's."""
    return {
        "minimal": "/__bench__/ok",
        "season": f"/seasons/{season}/",
        "timeline": f"/seasons/{season}/timeline/",
        "person": f"/people/{person}/",
        "home": "/",
        "search": f"/search/?q={word}",
        "changes": "/changes/",
        "feed": "/changes/feed/",
        "sitemap": "/sitemap.xml",
        "api-seasons": "/api/v1/seasons/",
        "api-season": f"/api/v1/seasons/{season}/"
        "?include=credits,reviews,events,episodes,accolades",
        "api-credits": f"/api/v1/credits/?season={season}&page_size=100",
        "api-cast": f"/api/v1/credits/?season={season}&billing=main",
        "api-events": "/api/v1/events/?date_after=2017-01-01&date_before=2017-12-31",
        "api-people": f"/api/v1/people/?search={word}",
    }


URL_NAMES = list(url_paths("s", "p", "w"))
CACHED_TARGETS = ["season", "timeline", "person", "home", "search", "api-season", "api-credits"]
UNCACHED_TARGETS = {"season": 0.1, "api-credits": 0.15}
# What a new connection per request costs, shown beside the persistent figure.
CONNECTION_URLS = ["minimal", "season", "api-credits"]
NEW_CONNECTIONS = "cache off, new connection per request"

# The first published season by slug, its first main cast member, and that person's surname
# (the search word): the same rule picks the URLs on every size.
PICK = """
from catalog.models import Credit, Season
season = Season.objects.published().order_by("slug").first()
credit = Credit.objects.filter(season=season).cast().in_billing_order().first()
print(season.slug, credit.person.slug, credit.person.name.split()[-1].lower())
"""


def comma_list(allowed):
    def parse(text):
        items = [item.strip() for item in text.split(",") if item.strip()]
        unknown = sorted(set(items) - set(allowed))
        if unknown:
            raise argparse.ArgumentTypeError(f"{unknown}: choose from {', '.join(allowed)}")
        return items

    return parse


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--databases", type=comma_list(["sqlite", "postgresql"]), default="sqlite,postgresql")
    add("--sizes", type=comma_list(["seed", "large"]), default="seed,large")
    add("--cache", type=comma_list(["on", "off"]), default="on,off")
    add(
        "--urls", type=comma_list(URL_NAMES), default=",".join(URL_NAMES), help="names, e.g. season"
    )
    add("--duration", type=int, default=8, help="seconds of load per URL (default 8)")
    add("--threads", type=int, default=2, help="wrk threads (default 2)")
    add("--connections", type=int, default=16, help="wrk connections (default 16)")
    add("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    return parser.parse_args()


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing Debian's wrk (the load generator)", flush=True)
    apt = [*([] if os.geteuid() == 0 else ["sudo"]), "env", "DEBIAN_FRONTEND=noninteractive"]
    subprocess.run([*apt, "apt-get", "update", "-qq"], check=True)
    subprocess.run([*apt, "apt-get", "install", "-y", "-qq", "wrk"], check=True)


def manage(env, *args, quiet=True):
    output = subprocess.DEVNULL if quiet else None
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=output)


def postgres(sql, database="postgres"):
    with psycopg.connect(f"{POSTGRES}/{database}", autocommit=True) as connection:
        cursor = connection.execute(sql)
        return cursor.fetchall() if cursor.description else None


def load_seed(env):
    manage(env, "migrate", "--noinput")
    manage(env, "loaddata", "fixtures/seed-content.json")


def generator_fingerprint():
    """What the large catalogue depends on: the command line, the generator's code, the schema."""
    digest = hashlib.sha256(" ".join(GENERATE).encode())
    for path in sorted([*ROOT.glob("bench/**/*.py"), *ROOT.glob("catalog/**/*.py")]):
        name = str(path.relative_to(ROOT))
        if "generat" in name or name == "bench/catalogue.py" or "migrations/" in name:
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return f"generate_catalogue {digest.hexdigest()[:16]}"


def built_fingerprint(kind):
    """The fingerprint the kept large catalogue was built with, or None."""
    if kind == "sqlite":
        marker = LARGE_SQLITE.with_suffix(".fingerprint")
        return marker.read_text() if marker.exists() and LARGE_SQLITE.exists() else None
    built = postgres(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
        f"WHERE datname = '{LARGE_DATABASE}'"
    )
    return built[0][0] if built else None


def ensure_large_catalogue(kind, env):
    """The large catalogue's database, built now unless the same generator built it before."""
    fingerprint = generator_fingerprint()
    url = f"sqlite:///{LARGE_SQLITE}" if kind == "sqlite" else f"{POSTGRES}/{LARGE_DATABASE}"
    if built_fingerprint(kind) == fingerprint:
        print(f"Reusing the large catalogue {url} ({fingerprint})")
        return url
    print(f"Building {url}: manage.py {' '.join(GENERATE)}", flush=True)
    started = time.monotonic()
    if kind == "sqlite":
        LARGE_SQLITE.parent.mkdir(exist_ok=True)
        LARGE_SQLITE.with_suffix(".fingerprint").unlink(missing_ok=True)
        LARGE_SQLITE.unlink(missing_ok=True)
    else:
        postgres(f"DROP DATABASE IF EXISTS {LARGE_DATABASE} WITH (FORCE)")
        postgres(f"CREATE DATABASE {LARGE_DATABASE}")
    env = {**env, "DATABASE_URL": url}
    manage(env, "migrate", "--noinput")
    manage(env, *GENERATE, quiet=False)
    # Fresh planner statistics, as a live database has; then mark what built it.
    if kind == "sqlite":
        with sqlite3.connect(LARGE_SQLITE) as connection:
            connection.execute("ANALYZE")
        LARGE_SQLITE.with_suffix(".fingerprint").write_text(fingerprint)
    else:
        postgres("ANALYZE", LARGE_DATABASE)
        postgres(f"COMMENT ON DATABASE {LARGE_DATABASE} IS '{fingerprint}'")
    print(f"Built in {time.monotonic() - started:.0f} s")
    return url


@contextmanager
def database(kind, size, env, tmp):
    """Yield the DATABASE_URL of a database of this kind holding content of this size."""
    if size == "large":
        yield ensure_large_catalogue(kind, env)
    elif kind == "sqlite":
        url = f"sqlite:///{tmp}/seed.sqlite3"
        load_seed({**env, "DATABASE_URL": url})
        yield url
    else:
        name = f"seasonwiki_bench_seed_{os.getpid()}"
        postgres(f"CREATE DATABASE {name}")
        try:
            load_seed({**env, "DATABASE_URL": f"{POSTGRES}/{name}"})
            yield f"{POSTGRES}/{name}"
        finally:
            postgres(f"DROP DATABASE {name} WITH (FORCE)")


def pick_urls(env):
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", PICK],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    season, person, word = done.stdout.strip().splitlines()[-1].split()
    return url_paths(season, person, quote(word))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(server, url, timeout=60):
    """Until the server answers (the workers load the app after the master listens)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer at {url}")


def wrk(url, threads, connections, duration):
    # A long timeout: a slow answer is measured as slow, not dropped as a socket error.
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s"]
    done = subprocess.run([*command, "--latency", url], check=True, capture_output=True, text=True)
    return parse_wrk(done.stdout)


def parse_wrk(output):
    units = {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}

    def milliseconds(percent):
        value, unit = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M).groups()
        return float(value) * units[unit]

    bad_answers = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    errors = int(bad_answers[1]) if bad_answers else 0
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors[1]))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    return Result(rps, milliseconds(50), milliseconds(99), errors)


def serve_and_load(env, paths, args):
    """Start gunicorn with this environment, load each path; return {name: Result}."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    port = free_port()
    # The production server as deployed (deploy/gunicorn.conf.py), with the bench's workers.
    config = str(ROOT / "deploy" / "gunicorn.conf.py")
    gunicorn = [
        PYTHON,
        "-m",
        "gunicorn",
        "-c",
        config,
        "jjsite.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(
        [*gunicorn, "--workers", str(args.workers), "--log-level", "warning"], cwd=ROOT, env=env
    )
    results = {}
    try:
        wait_for(server, f"http://127.0.0.1:{port}{paths['minimal']}")
        print(f"{'URL':<12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>7} {'errors':>6}")
        for name, path in paths.items():
            url = f"http://127.0.0.1:{port}{path}"
            wrk(url, 1, 2, 1)  # warm up: imports, connections, the cache
            result = results[name] = wrk(url, args.threads, args.connections, args.duration)
            print(
                f"{name:<12} {result.rps:>8,.0f} {result.p50:>8.1f} {result.p99:>8.1f} "
                f"{ratio(results, name):>7.3f} {result.errors:>6}  {path}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def ratio(results, name):
    return results[name].rps / (results["minimal"].rps or float("nan"))


def target(met, text):
    print(f"  {'met' if met else 'NOT MET':<8} {text}")


def print_connections(results):
    if not any(config == NEW_CONNECTIONS for _, _, config in results):
        return
    print("\nPostgreSQL, cache off: persistent connections vs a new one per request")
    print(f"{'size':<6} {'URL':<12} {'persistent req/s (ratio)':>26} {'new per request':>26}")
    for (kind, size, config), new in results.items():
        if config != NEW_CONNECTIONS or (kind, size, "cache off") not in results:
            continue
        kept = results[kind, size, "cache off"]
        for name in new:
            if name in kept and name != "minimal":
                print(
                    f"{size:<6} {name:<12} {kept[name].rps:>18,.0f} ({ratio(kept, name):.3f})"
                    f" {new[name].rps:>18,.0f} ({ratio(new, name):.3f})"
                )


def print_targets(results):
    print("\nTargets (each figure a ratio to the minimal view in the same server):")
    for (kind, size, config), figures in results.items():
        where = f"{kind}, {size}"
        for name in CACHED_TARGETS if config == "cache on" else []:
            if name in figures:
                r, p99 = ratio(figures, name), figures[name].p99
                target(
                    r >= 0.8 and p99 < 100,
                    f"{where}, cached: {name} at least 0.8x, p99 under 100 ms: "
                    f"{r:.2f}x, p99 {p99:.0f} ms",
                )
        for name, floor in UNCACHED_TARGETS.items() if config == "cache off" else []:
            if name in figures:
                r = ratio(figures, name)
                target(r >= floor, f"{where}, cache off: {name} at least {floor}x: {r:.3f}x")
    for config in ("cache on", "cache off"):
        seed = results.get(("postgresql", "seed", config), {})
        large = results.get(("postgresql", "large", config), {})
        for name in large:
            if name in seed and name != "minimal":
                slower = ratio(seed, name) / ratio(large, name)
                target(
                    slower <= 1.5,
                    f"postgresql, large, {config}: {name} within 1.5x of its seed figure: "
                    f"{ratio(large, name):.3f}x vs {ratio(seed, name):.3f}x ({slower:.2f} times)",
                )
        if "search" in large:
            p99 = large["search"].p99
            target(p99 < 150, f"postgresql, large, {config}: search p99 under 150 ms: {p99:.0f} ms")
    print("  (tests)  query counts per page and endpoint unchanged under tenfold data")


def base_env(tmp):
    keep = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_CONN_MAX_AGE"}}
    return {
        **keep,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # The benchmark is one anonymous client hitting hard: don't throttle it.
        "API_ANON_THROTTLE_RATE": "100000000/hour",
        "DJANGO_LOG_LEVEL": "WARNING",
        # Production serves hashed files collected once; collect them into the scratch dir.
        "DJANGO_STATIC_ROOT": f"{tmp}/static",
        "DJANGO_STATIC_FINDERS": "0",
        # Every worker reads and writes the same cache, as in production.
        "REDIS_URL": REDIS_URL,
    }


def configurations(kind, args):
    """The servers to start on one database: (name, what they add to the environment)."""
    configs = [(f"cache {c}", {"DJANGO_PAGE_CACHE": "1" if c == "on" else "0"}) for c in args.cache]
    if kind == "postgresql" and "off" in args.cache:
        configs.append((NEW_CONNECTIONS, {"DJANGO_PAGE_CACHE": "0", "DJANGO_CONN_MAX_AGE": "0"}))
    return configs


def main():
    args = parse_args()
    ensure_wrk()
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        raise SystemExit(f"Redis is not answering at {REDIS_URL}: start redis-server") from None
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = base_env(tmp)
        manage(env, "collectstatic", "--noinput")
        for kind, size in [(kind, size) for kind in args.databases for size in args.sizes]:
            with database(kind, size, env, tmp) as url:
                env_here = {**env, "DATABASE_URL": url}
                paths = {
                    n: p for n, p in pick_urls(env_here).items() if n in ["minimal", *args.urls]
                }
                for config, extra in configurations(kind, args):
                    print(
                        f"\n{kind}, {size}, {config}: gunicorn {args.workers} workers, DEBUG off; "
                        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s"
                    )
                    if config == NEW_CONNECTIONS:
                        paths = {n: p for n, p in paths.items() if n in CONNECTION_URLS}
                    results[kind, size, config] = serve_and_load({**env_here, **extra}, paths, args)
    print_connections(results)
    print_targets(results)
    failed = [
        f"{kind}, {size}, {config}, {name}: "
        + (f"{result.errors} errors" if result.errors else "no answer within the duration")
        for (kind, size, config), figures in results.items()
        for name, result in figures.items()
        if result.errors or not result.rps
    ]
    if failed:
        raise SystemExit("Error answers, socket errors or no answer:\n  " + "\n  ".join(failed))


if __name__ == "__main__":
    main()
