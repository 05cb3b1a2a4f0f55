"""The fault drill: the site under reads and If-Match writes while its parts fail.

    make chaos
    .venv/bin/python bench/fault_drill.py --phase-seconds 3 --only baseline,redis

Everything runs on loopback, on free ports, in a temporary directory removed at the end: its
own PostgreSQL cluster (initdb and pg_ctl of /usr/lib/postgresql/15, run as the `postgres`
user when the drill runs as root), its own Redis (/usr/bin/redis-server), and gunicorn with
`deploy/gunicorn.conf.py` under production settings (DEBUG off, a secret key, static files
through the finders), all started as bench/servers.py starts them for the tests too. The
machine's own Redis and PostgreSQL are never touched. The seed is migrated and loaded, and an
editor with an API token is created.

Phases, each a few seconds of load with a fault in its middle:

- baseline: no fault.
- worker-kill: one gunicorn worker is killed (SIGKILL); the master starts another.
- redis-volatile: Redis (no persistence) is stopped, then started again, empty.
- redis-persistent: Redis is restarted with an append-only file first; it is stopped, and
  started again on the same file: the answers cached before the outage come back with it.
- postgres: PostgreSQL is stopped (fast shutdown), then started again.
- idle-sockets: 200 connections are opened and left silent.

Load: reader threads GET, as anonymous visitors (the cached path), the season page, the
people's pages and the API's people and credits; writer threads (two per object, so that
they race) PATCH a person's name or a credit's character with If-Match: the ETag of a GET
just before. A 2xx is an accepted write, a 412 or 409 a refused one; anything else (a 5xx,
a dropped connection) leaves the write's outcome unknown, and is counted apart.

After each phase, with the load stopped and every fault repaired, the drill checks against
the database (read directly with psycopg):

- lost updates: an accepted write whose value was overwritten without a later accepted
  write having seen it: its answer's version is not its If-Match version + 1, another
  accepted write answered the same version, the object's history row at that version holds
  another value, or the object is at an earlier version now (a write answered but rolled
  back).
- revisions: each accepted write has a history row at its version with its value, recorded
  in a revision (catalog.models.Revision).
- stale reads: what an anonymous visitor is answered for each object written (its page, the
  season page that names it, and its API detail) shows the value the database holds now.

It prints a table, a row per phase, and exits non-zero if any write was lost, any accepted
write has no revision, or any answer was stale after recovery. It uses no more than the
standard library and psycopg.
"""

import argparse
import html
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script (`make chaos`), bench/ is on the path and not the repository's root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.servers import (
    GUNICORN_CONF,
    Gunicorn,
    PostgresCluster,
    RedisServer,
    build_site_database,
    manage,
    server_env,
    wait_for,
)

SEASON_PATH = "/seasons/jessica-jones-season-2/"
DATABASE = "seasonwiki_drill"
PHASES = [
    "baseline",
    "worker-kill",
    "redis-volatile",
    "redis-persistent",
    "postgres",
    "idle-sockets",
]
IDLE_SOCKETS = 200
REQUEST_TIMEOUT = 10


# HTTP --------------------------------------------------------------------------------------


def request(port, method, path, body=None, headers=None):
    """(status, headers, body bytes); status 0 for a connection that failed or timed out."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        data = None if body is None else json.dumps(body).encode()
        all_headers = {"Host": "127.0.0.1", **(headers or {})}
        if data is not None:
            all_headers["Content-Type"] = "application/json"
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    except (OSError, http.client.HTTPException):
        return 0, {}, b""
    finally:
        connection.close()


def get(port, path, headers=None):
    return request(port, "GET", path, headers=headers)


# The load ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """An object written: its API path, its page, the field written, its table."""

    kind: str  # "person" or "credit"
    pk: int
    api_path: str
    page_path: str
    field: str

    @property
    def table(self):
        return f"catalog_{self.kind}"

    @property
    def label(self):
        return f"{self.kind} {self.pk}"


@dataclass
class Write:
    target: Target
    value: str
    base: int  # the version its If-Match named
    version: int  # the version its answer read


@dataclass
class Tally:
    reads: Counter = field(default_factory=Counter)
    writes: Counter = field(default_factory=Counter)
    accepted: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def reader(port, paths, stop, tally):
    i = 0
    while not stop.is_set():
        status, _, _ = get(port, paths[i % len(paths)])
        i += 1
        with tally.lock:
            tally.reads[status or "error"] += 1


def writer(port, token, target, name, stop, tally):
    auth = {"Authorization": f"Token {token}"}
    n = 0
    while not stop.is_set():
        n += 1
        status, headers, body = get(port, target.api_path, auth)
        etag = {k.lower(): v for k, v in headers.items()}.get("etag")
        if status != 200 or not etag:
            with tally.lock:
                tally.writes[f"read {status or 'error'}"] += 1
            time.sleep(0.05)
            continue
        base = json.loads(body)["version"]
        value = f"Drill {name} {n} {secrets.token_hex(3)}"
        status, _, body = request(
            port, "PATCH", target.api_path, {target.field: value}, {**auth, "If-Match": etag}
        )
        with tally.lock:
            if 200 <= status < 300:
                tally.writes["accepted"] += 1
                tally.accepted.append(Write(target, value, base, json.loads(body)["version"]))
            elif status in (409, 412):
                tally.writes["refused"] += 1
            else:
                tally.writes[f"unknown {status or 'error'}"] += 1
        time.sleep(0.02)


@contextmanager
def load(port, token, targets, tally, readers=4):
    stop = threading.Event()
    paths = [SEASON_PATH, *{t.page_path for t in targets}, *(t.api_path for t in targets)]
    threads = [
        threading.Thread(target=reader, args=(port, paths, stop, tally)) for _ in range(readers)
    ]
    for target in targets:
        for w in ("a", "b"):
            name = f"{target.kind}{target.pk}{w}"
            threads.append(
                threading.Thread(target=writer, args=(port, token, target, name, stop, tally))
            )
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        for thread in threads:
            thread.join(REQUEST_TIMEOUT * 3)


# The checks --------------------------------------------------------------------------------


def lost_and_unrecorded(connection, accepted):
    """(lost updates, accepted writes without a revision), each a list of (write, why)."""
    lost, unrecorded = [], []
    by_version = Counter((w.target, w.version) for w in accepted)
    for w in accepted:
        table = w.target.table
        current = connection.execute(
            f"SELECT version FROM {table} WHERE id = %s", [w.target.pk]
        ).fetchone()[0]
        rows = connection.execute(
            f"SELECT {w.target.field}, revision_id FROM catalog_historical{w.target.kind} "
            "WHERE id = %s AND version = %s",
            [w.target.pk, w.version],
        ).fetchall()
        if w.version != w.base + 1:
            lost.append((w, f"answered version {w.version} on If-Match {w.base}"))
        elif by_version[w.target, w.version] > 1:
            lost.append((w, f"another accepted write answered version {w.version} too"))
        elif current < w.version:
            lost.append((w, f"the object is back at version {current}"))
        elif rows and all(value != w.value for value, _ in rows):
            lost.append((w, f"version {w.version} holds another value"))
        if not any(value == w.value and revision for value, revision in rows):
            unrecorded.append((w, f"no revision holds version {w.version} with its value"))
    return lost, unrecorded


def stale_reads(port, connection, targets):
    """What anonymous visitors are answered, for each object written, against the database:
    a list of (path, what the database holds) for each answer that does not show it."""
    stale = []
    for target in targets:
        (value,) = connection.execute(
            f"SELECT {target.field} FROM {target.table} WHERE id = %s", [target.pk]
        ).fetchone()
        # The season page names every object written (its main cast and their characters).
        for path in dict.fromkeys((target.page_path, SEASON_PATH, target.api_path)):
            status, _, body = get(port, path)
            text = body.decode(errors="replace")
            if path == target.api_path:
                shown = value in json.loads(text).values() if status == 200 else False
            else:
                shown = value in html.unescape(text)
            if status != 200 or not shown:
                stale.append((path, value, status))
    return stale


# The phases --------------------------------------------------------------------------------


@dataclass
class Result:
    phase: str
    reads: Counter
    writes: Counter
    accepted: int
    lost: list
    unrecorded: list
    stale: list
    notes: list


def wait_until_serving(port, seconds=30):
    wait_for(lambda: get(port, SEASON_PATH)[0] == 200, seconds, "the site after recovery")


def run_phase(name, drill, seconds):
    tally = Tally()
    notes = []
    half = seconds / 2
    with load(drill.port, drill.token, drill.targets, tally):
        if name == "baseline":
            time.sleep(seconds)
        elif name == "worker-kill":
            time.sleep(half)
            victim = drill.gunicorn.workers()[0]
            os.kill(victim, signal.SIGKILL)
            notes.append(f"killed worker {victim}")
            time.sleep(half)
        elif name in ("redis-volatile", "redis-persistent"):
            time.sleep(half)
            drill.redis.stop()
            notes.append("redis stopped")
            time.sleep(half)
            drill.redis.start()
            how = "on its append-only file" if drill.redis.persistent else "empty"
            notes.append(f"redis started, {how}")
            time.sleep(half)
        elif name == "postgres":
            time.sleep(half)
            drill.postgres.stop()
            notes.append("postgres stopped")
            time.sleep(half)
            drill.postgres.start()
            notes.append("postgres started")
            time.sleep(half)
        elif name == "idle-sockets":
            idle = []
            for _ in range(IDLE_SOCKETS):
                s = socket.create_connection(("127.0.0.1", drill.port), timeout=5)
                idle.append(s)
            notes.append(f"{len(idle)} idle sockets")
            time.sleep(seconds)
            for s in idle:
                s.close()
    try:
        wait_until_serving(drill.port)
    except RuntimeError as error:
        notes.append(str(error))
    with drill.postgres.connect() as connection:
        lost, unrecorded = lost_and_unrecorded(connection, tally.accepted)
        stale = stale_reads(drill.port, connection, drill.targets)
    return Result(
        name, tally.reads, tally.writes, len(tally.accepted), lost, unrecorded, stale, notes
    )


# The drill ---------------------------------------------------------------------------------


@dataclass
class Drill:
    postgres: PostgresCluster
    redis: RedisServer
    gunicorn: Gunicorn
    port: int
    token: str
    targets: list


def targets_of(env):
    """Three people of the seed's main cast and two of their credits."""
    out = manage(
        env,
        "shell",
        "-c",
        "import json\n"
        "from catalog.models import Credit\n"
        "credits = list(Credit.objects.filter(billing='main', season__slug="
        "'jessica-jones-season-2').exclude(character='').select_related('person')"
        ".order_by('order', 'pk')[:3])\n"
        "print(json.dumps([[c.pk, c.person.pk, c.person.slug] for c in credits]))",
    )
    rows = json.loads(out.strip().splitlines()[-1])
    targets = [
        Target("person", person, f"/api/v1/people/{slug}/", f"/people/{slug}/", "name")
        for _, person, slug in rows
    ]
    targets += [
        Target("credit", credit, f"/api/v1/credits/{credit}/", SEASON_PATH, "character")
        for credit, _, _ in rows[:2]
    ]
    return targets


@contextmanager
def temporary_directory(keep=False):
    """A directory the postgres user can enter (its cluster is made inside), removed after."""
    directory = Path(tempfile.mkdtemp(prefix="fault-drill-"))
    directory.chmod(0o755)
    try:
        yield directory
    finally:
        if keep:
            print(f"kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def site(directory, log):
    with ExitStack() as stack:
        postgres = PostgresCluster(directory / "postgres", DATABASE)
        postgres.create()
        stack.callback(lambda: postgres.stop("immediate"))
        redis = RedisServer(directory / "redis")
        redis.start()
        stack.callback(redis.stop)
        env = server_env(
            postgres.url,
            REDIS_URL=redis.url,
            # The drill's many requests from one address must not be throttled.
            API_ANON_THROTTLE_RATE="1000000/hour",
        )
        token = build_site_database(env)
        targets = targets_of(env)
        gunicorn = Gunicorn(env, log)
        stack.callback(gunicorn.stop)
        yield Drill(postgres, redis, gunicorn, gunicorn.port, token, targets)


def counts(counter):
    return " ".join(f"{key}:{n}" for key, n in sorted(counter.items(), key=str)) or "-"


def report(results, out=sys.stdout):
    header = ["phase", "reads by status", "writes", "lost", "no revision", "stale"]
    rows = [
        [
            r.phase,
            counts(r.reads),
            counts(r.writes),
            str(len(r.lost)),
            f"{len(r.unrecorded)}/{r.accepted}",
            str(len(r.stale)),
        ]
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)), file=out)
    for r in results:
        for note in r.notes:
            print(f"{r.phase}: {note}", file=out)
        for w, why in r.lost[:5]:
            print(f"{r.phase}: LOST {w.target.label} {w.value!r}: {why}", file=out)
        for w, why in r.unrecorded[:5]:
            print(f"{r.phase}: NO REVISION {w.target.label} {w.value!r}: {why}", file=out)
        for path, value, status in r.stale[:5]:
            print(f"{r.phase}: STALE {path} (status {status}) does not show {value!r}", file=out)


def failed(results):
    return any(r.lost or r.unrecorded or r.stale for r in results)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phase-seconds", type=float, default=6, help="load per phase")
    parser.add_argument("--only", default=",".join(PHASES), help="phases, comma-separated")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)
    phases = [p for p in args.only.split(",") if p]
    unknown = set(phases) - set(PHASES)
    if unknown:
        parser.error(f"unknown phases: {', '.join(sorted(unknown))} (known: {', '.join(PHASES)})")
    results = []
    started = time.monotonic()
    with ExitStack() as stack:
        directory = stack.enter_context(temporary_directory(args.keep))
        log = stack.enter_context(open(directory / "gunicorn.log", "wb"))
        drill = stack.enter_context(site(directory, log))
        print(f"gunicorn ({GUNICORN_CONF.name}) on 127.0.0.1:{drill.port}, writing "
              f"{', '.join(t.label for t in drill.targets)}", flush=True)  # fmt: skip
        for phase in phases:
            if phase == "redis-persistent" and not drill.redis.persistent:
                # Start over on an append-only file, and fill it with cached answers.
                drill.redis.stop()
                drill.redis.persistent = True
                drill.redis.start()
                wait_until_serving(drill.port)
                for target in drill.targets:
                    get(drill.port, target.page_path)
                    get(drill.port, target.api_path)
            print(f"phase {phase} ...", flush=True)
            results.append(run_phase(phase, drill, args.phase_seconds))
    print(f"\nFault drill, {time.monotonic() - started:.0f} s:")
    report(results)
    if failed(results):
        print("\nFAILED: a write was lost, an accepted write has no revision, or an answer "
              "was stale after recovery.")  # fmt: skip
        return 1
    print("\nOK: no write lost, every accepted write has its revision, no stale answer.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
