"""`make run` for a newcomer: it installs only what the site needs, prints the admin address it
really serves on, and with debug off serves pages and their static files, collected or not."""

import ast
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.pages import SEASON_URL

ROOT = Path(settings.BASE_DIR)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def make_dry_run(*args):
    """What `make` would run (-n), every target taken as out of date (-B)."""
    done = subprocess.run(
        ["make", "-n", "-B", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout


def pip_installs(commands):
    return [line for line in commands.splitlines() if "pip install" in line]


def test_make_run_installs_the_site_without_the_test_tools():
    installs = pip_installs(make_dry_run("run"))

    assert len(installs) == 1
    assert installs[0].endswith(" -e .")
    assert "constraints.txt" in installs[0]


def test_make_test_installs_the_test_tools_besides():
    installs = pip_installs(make_dry_run("test"))

    assert installs[-1].endswith(" -e '.[dev]'")


def requirements_closure(requirements):
    """The distributions `requirements` install, with everything they require in turn."""
    seen, pending = set(), [Requirement(text) for text in requirements]
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for text in metadata.requires(name) or ():
            needed = Requirement(text)
            extras = (*requirement.extras, "")  # "": what is required without an extra
            if needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in extras):
                pending.append(needed)
    return seen


def imported_modules(folder):
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                yield from (alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                yield node.module.split(".")[0]


def test_the_site_imports_only_what_its_own_dependencies_install():
    # What `make run` installs is enough: no module of the site needs a test tool.
    project = PYPROJECT["project"]
    installed = requirements_closure(project["dependencies"]) | {canonicalize_name(project["name"])}
    providers = metadata.packages_distributions()
    outside = {
        module: providers[module]
        for folder in ("catalog", "jjsite")
        for module in set(imported_modules(ROOT / folder))
        if module in providers
        and not {canonicalize_name(name) for name in providers[module]} & installed
    }

    assert outside == {}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("host", "port", "address"),
    [
        ("127.0.0.1", "8123", "http://127.0.0.1:8123/admin/"),
        ("0.0.0.0", "8080", "http://127.0.0.1:8080/admin/"),  # every address: this machine's
        ("::", "8000", "http://[::1]:8000/admin/"),
        ("wiki.local", "80", "http://wiki.local:80/admin/"),
    ],
)
def test_setup_site_prints_the_admin_address_the_site_is_served_on(host, port, address, capsys):
    call_command("setup_site", host=host, port=port)
    created = capsys.readouterr().out
    call_command("setup_site", host=host, port=port)
    again = capsys.readouterr().out

    assert re.search(rf"{re.escape(address)}\s+user: admin\s+password: \S+", created)
    assert f"An admin account exists: {address}" in again
    assert ":8000" not in created.replace(address, "")


def test_make_run_passes_its_host_and_port_to_the_admin_address():
    commands = make_dry_run("run", "HOST=0.0.0.0", "PORT=8123")

    assert "manage.py setup_site --host 0.0.0.0 --port 8123" in commands
    assert "manage.py runserver 0.0.0.0:8123" in commands


@pytest.fixture
def debug_off_nothing_collected(settings, tmp_path):
    """Production's static files storage (settings.py, debug off) over an empty STATIC_ROOT."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "catalog.plumbing.staticfiles.StaticFilesStorage"},
    }


def test_with_debug_off_and_nothing_collected_pages_answer_with_their_static_files(
    client, season, debug_off_nothing_collected
):
    page = client.get(SEASON_URL)

    assert page.status_code == 200
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', page.text)[1]
    assert stylesheet == "/static/catalog/site.css"  # its plain name, served from the app
    assert client.get(stylesheet).status_code == 200


def manage(*args, **env):
    base = {"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "0"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
    )


def test_with_debug_off_setup_site_collects_the_static_files_pages_then_link(
    client, db, debug_off_nothing_collected, settings, capsys
):
    call_command("setup_site")
    page = client.get("/")

    assert "the static files are collected" in capsys.readouterr().out
    assert (settings.STATIC_ROOT / "staticfiles.json").exists()
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', page.text)[1]
    assert re.fullmatch(r"/static/catalog/site\.[0-9a-f]{12}\.css", stylesheet)  # hashed
    assert (
        "catalog.W002" not in manage("check", DJANGO_STATIC_ROOT=str(settings.STATIC_ROOT)).stderr
    )


def test_with_debug_off_start_up_says_how_to_collect_the_static_files(tmp_path):
    done = manage("check", DJANGO_STATIC_ROOT=str(tmp_path))

    assert done.returncode == 0  # a warning: the pages still answer
    assert "catalog.W002" in done.stderr
    assert "manage.py collectstatic --noinput" in done.stderr
