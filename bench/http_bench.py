"""Load the public pages and the API over real HTTP and print what it measured.

    make bench                      # or: .venv/bin/python bench/http_bench.py
    .venv/bin/python bench/http_bench.py --requests 500 --concurrency 8 --workers 2

It builds a throwaway SQLite database with the seed content (or uses $DATABASE_URL as it is),
starts gunicorn with production settings (DEBUG off) on a free local port, sends the same
requests to every URL from several client threads over keep-alive connections, and prints
requests per second and latency percentiles. Figures depend on the machine; compare runs on
the same one.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SLUG = "jessica-jones-season-2"
URLS = [
    "/",
    f"/seasons/{SLUG}/",
    f"/seasons/{SLUG}/timeline/",
    "/people/krysten-ritter/",
    "/search/?q=jones",
    "/sitemap.xml",
    "/api/v1/seasons/",
    f"/api/v1/seasons/{SLUG}/?include=credits,reviews,events,episodes,accolades",
    f"/api/v1/credits/?season={SLUG}&billing=main",
    "/api/v1/events/?date_after=2017-01-01&date_before=2017-12-31",
    "/api/v1/people/?search=jones",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_for(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start on port {port}")


def hammer(port, path, requests, concurrency):
    """Send `requests` GETs to path from `concurrency` threads; return latencies and failures."""
    latencies, failures, lock = [], [], threading.Lock()
    per_thread = [
        requests // concurrency + (i < requests % concurrency) for i in range(concurrency)
    ]

    def client(count):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(count):
            started = time.perf_counter()
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    failures.append(response.status)
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in per_thread if n]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures, time.perf_counter() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="per URL (default 300)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            # The benchmark is one anonymous client hitting hard: don't throttle it.
            "API_ANON_THROTTLE_RATE": "100000000/hour",
            "DJANGO_LOG_LEVEL": "WARNING",
            # Production serves hashed files collected once; collect them into the scratch dir.
            "DJANGO_STATIC_ROOT": f"{tmp}/static",
            "DJANGO_STATIC_FINDERS": "0",
        }
        env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
        if env["DATABASE_URL"].startswith("sqlite:///" + tmp):
            manage(env, "migrate", "--noinput")
            manage(env, "loaddata", "fixtures/seed-content.json")
        manage(env, "collectstatic", "--noinput")
        port = free_port()
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "jjsite.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_for(port)
            database = env["DATABASE_URL"].split(":")[0]
            print(
                f"gunicorn, {args.workers} workers, DEBUG off, {database}; "
                f"{args.requests} GETs per URL from {args.concurrency} threads\n"
            )
            columns = ("req/s", "p50 ms", "p95 ms", "p99 ms", "errors")
            print(f"{'URL':<76} " + " ".join(f"{c:>7}" for c in columns))
            total_failures = 0
            for path in URLS:
                hammer(port, path, min(20, args.requests), 1)  # warm up caches and connections
                latencies, failures, wall = hammer(port, path, args.requests, args.concurrency)
                total_failures += len(failures)
                print(
                    f"{path[:76]:<76} {len(latencies) / wall:>7.0f} "
                    f"{statistics.median(latencies) * 1000:>7.1f} "
                    f"{percentile(latencies, 0.95) * 1000:>7.1f} "
                    f"{percentile(latencies, 0.99) * 1000:>7.1f} {len(failures):>6}"
                )
        finally:
            server.terminate()
            server.wait(timeout=10)
    if total_failures:
        raise SystemExit(f"{total_failures} requests did not answer 200")


if __name__ == "__main__":
    main()
