"""Real servers of our own, for the fault drill and the tests that need real processes.

A PostgreSQL cluster, a redis-server and gunicorn, each started here in a directory of the
caller's and on a free loopback port, so that stopping or breaking one touches nothing else on
the machine (never its own PostgreSQL or Redis); and the site's database built for such a
server. The fault drill (bench/fault_drill.py) and the tests (tests/test_production_server.py,
test_database_down.py, test_cache_outages.py; test_varnish.py takes its port here) start them
from here, so that they start them the same way, gunicorn as deployed. The bench never imports
from tests/; the tests import from here. Only the standard library, psycopg and redis: the
site's own code runs in the servers.
"""

import http.client
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Debian's PostgreSQL 15 server binaries (not on PATH); $PG_BIN names others.
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
REDIS_SERVER = (
    os.environ.get("REDIS_SERVER") or shutil.which("redis-server") or "/usr/bin/redis-server"
)
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"

# The editor the tests and the drill write with: in the Editors group, as a real one is.
MAKE_EDITOR = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
user = User.objects.create_user("editor", is_staff=True)
user.groups.add(Group.objects.get(name="Editors"))
print("TOKEN", Token.objects.create(user=user).key)
"""


def free_port():
    """A loopback port that nothing listens on now (the system picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for(check, seconds, what, process=None):
    """Until `check()` is true; an OSError counts as not yet. A server listens, or answers,
    some time after it is started: RuntimeError after `seconds`, or at once when its
    `process` has exited."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what}: exited with {process.returncode}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what}: not ready after {seconds} s")


def stop_process(process, seconds=10):
    """SIGTERM, so that the server finishes its requests or flushes its files; SIGKILL if it
    is still there after `seconds`."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def manage(env, *args):
    """`manage.py ARGS` in a process of its own with `env`; its standard output. A failure
    raises with the end of its standard error, which says why."""
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300,  # a command that hangs fails the test or the drill, not hangs it
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)}: {done.stderr[-2000:]}")
    return done.stdout


def server_env(database_url, **extra):
    """The environment of a server run as in production: debug off, a random secret key,
    static files through the finders (nothing collected), on `database_url`, without Redis
    unless `extra` names one. Nothing else of this shell's DJANGO_*, GUNICORN_* or REDIS_URL
    reaches it, so that what is tested or drilled does not depend on who runs it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "REDIS_URL"))
    }
    return {
        **env,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_STATIC_FINDERS": "1",
        "PYTHONWARNINGS": "ignore",
        **extra,
    }


def build_site_database(env):
    """Migrate env's database, load the seed content, make an editor; the editor's API token.

    A server is another process than the one testing it, so it needs a database of its own
    that holds what the site holds after `make run`."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "loaddata", "-v0", "fixtures/seed-content.json")
    output = manage(env, "shell", "-c", MAKE_EDITOR)
    return next(line.split()[1] for line in output.splitlines() if line.startswith("TOKEN "))


class PostgresCluster:
    """A PostgreSQL cluster of our own in `directory` (initdb, then pg_ctl), holding one
    empty database, `database`, at `url`: one that may be stopped and started at will.

    initdb refuses to run as root, so as root every command runs as the `postgres` user, and
    the directory is given to it (its parent must let that user in)."""

    def __init__(self, directory, database):
        self.directory = Path(directory)
        self.data = self.directory / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{database}"
        self.database = database
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *command):
        # From /tmp: the postgres user may not enter the caller's directory.
        done = subprocess.run(
            [*self.as_postgres, *map(str, command)],
            capture_output=True, text=True, timeout=120, cwd="/tmp",
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(f"{Path(command[0]).name}: {done.stderr.strip()[-2000:]}")

    def create(self):
        """initdb, start, and create the database."""
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            shutil.chown(self.directory, "postgres", "postgres")
        self.run(PG_BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.start()
        self.run(
            PG_BIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres",
            self.database,
        )  # fmt: skip

    def start(self):
        # Its log in a file: the server must not hold the caller's pipes open.
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory}"
        self.run(
            PG_BIN / "pg_ctl", "-D", self.data, "-o", options,
            "-l", self.directory / "postgresql.log", "-w", "start",
        )  # fmt: skip

    def stop(self, mode="fast"):
        """`fast` rolls back the open transactions and closes the connections, as an outage
        would; `immediate` quits at once, without a clean shutdown (for a cluster thrown
        away)."""
        self.run(PG_BIN / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def connect(self):
        return psycopg.connect(self.url, autocommit=True, connect_timeout=5)


class RedisServer:
    """A redis-server of our own on `port` (a free one if not given: a site may need its
    address before it starts), with its files in `directory`.

    Volatile, it saves nothing and starts again empty. Persistent, it writes each change to an
    append-only file before answering, and starts again on that file with what it held."""

    def __init__(self, directory, port=None, persistent=False):
        self.directory = Path(directory)
        self.port = port or free_port()
        self.persistent = persistent
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        if not Path(REDIS_SERVER).exists():
            raise RuntimeError(f"{REDIS_SERVER} is missing: `make redis` installs it")
        self.directory.mkdir(parents=True, exist_ok=True)
        persistence = (
            ["--appendonly", "yes", "--appendfsync", "always"]
            if self.persistent
            else ["--appendonly", "no"]
        )
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1",
             "--protected-mode", "no", "--dir", str(self.directory), "--save", "",
             *persistence],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(lambda: port_open(self.port), 60, "redis-server", self.process)

    def stop(self):
        stop_process(self.process)  # SIGTERM: the append-only file is flushed first
        self.process = None

    def keys(self):
        """How many keys it holds: what it cached, or what a restart kept of it."""
        return redis.Redis(port=self.port, socket_timeout=2).dbsize()


class Gunicorn:
    """`gunicorn -c deploy/gunicorn.conf.py jjsite.wsgi --bind 127.0.0.1:PORT`, as the
    deployment docs start it, on a free port, with `env` (server_env's), its output in `log`
    (an open file of the caller's). Started here, and ready once it answers /healthz."""

    def __init__(self, env, log):
        self.port = free_port()
        self.log = log
        command = [PYTHON, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "jjsite.wsgi"]
        command += ["--bind", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            # The master listens first; each worker loads the site before it answers.
            wait_for(lambda: self.request("GET", "/healthz").status == 200, 60, "gunicorn",
                     self.process)  # fmt: skip
        except RuntimeError as error:
            self.stop()
            tail = Path(log.name).read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{error}:\n{tail}") from None

    def request(self, method, path, body=None, headers=None, timeout=30):
        """One request on a new connection; the response, its body read (`.body`)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            response.body = response.read()
            return response
        finally:
            connection.close()

    def workers(self):
        """The worker processes' ids (the master's children)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def stop(self):
        stop_process(self.process, 30)  # a stopping worker finishes its requests first
