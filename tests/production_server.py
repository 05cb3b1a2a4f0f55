"""The production server, as deployed: gunicorn started with deploy/gunicorn.conf.py, debug off,
against a database of its own that holds the seed content and an editor with an API token.

The test database is the test process's own (inside transactions, or flushed); the server is
another process, so it gets a database built for it: a SQLite file (`sqlite_site`), or any
database URL the caller made (tests/test_database_down.py starts a PostgreSQL of its own).
"""

import http.client
import os
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
SEASON_PAGE = "/seasons/jessica-jones-season-2/"

MAKE_EDITOR = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
user = User.objects.create_user("editor", is_staff=True)
user.groups.add(Group.objects.get(name="Editors"))
print("TOKEN", Token.objects.create(user=user).key)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(database_url, **extra):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "production-server-test-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_FINDERS": "1",
        "PYTHONWARNINGS": "ignore",
        **extra,
    }
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def build_site_database(env):
    """Migrate, load the seed content, make an editor; return the editor's API token."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "loaddata", "-v0", "fixtures/seed-content.json")
    output = manage(env, "shell", "-c", MAKE_EDITOR)
    return next(line.split()[1] for line in output.splitlines() if line.startswith("TOKEN "))


class Gunicorn:
    """`gunicorn -c deploy/gunicorn.conf.py jjsite.wsgi --bind 127.0.0.1:PORT`, as the deployment
    docs start it."""

    def __init__(self, env, log_path):
        self.port = free_port()
        self.log_path = log_path
        command = [sys.executable, "-m", "gunicorn", "-c", str(CONFIG), "jjsite.wsgi"]
        command += ["--bind", f"127.0.0.1:{self.port}"]
        self.log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.wait_until_answering()

    def wait_until_answering(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log_path.read_text()[-2000:]}")
            try:
                if self.request("GET", "/healthz").status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not answer: {self.log_path.read_text()[-2000:]}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def connection(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=30):
        """One request on a new connection; the response, its body read (`.body`)."""
        connection = self.connection(timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            response.body = response.read()
            return response
        finally:
            connection.close()

    def chunked(self, method, path, chunks, headers=None):
        """A request whose body is sent with Transfer-Encoding: chunked, no Content-Length.

        As clients such as curl do, it stops sending once the server has answered: a server
        that refuses a body partway (413) answers and closes without reading the rest, and a
        client that kept writing would meet a broken pipe instead of the answer."""
        head = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            "Transfer-Encoding: chunked",
            "Connection: close",
            *(f"{name}: {value}" for name, value in (headers or {}).items()),
        ]
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
            sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
            for chunk in [*chunks, b""]:  # the empty chunk ends the body
                if select.select([sock], [], [], 0)[0]:
                    break  # answered already
                try:
                    sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                except (BrokenPipeError, ConnectionResetError):
                    break  # closed after answering: the answer waits in the socket
            response = http.client.HTTPResponse(sock)
            response.begin()
            response.body = response.read()
            return response
