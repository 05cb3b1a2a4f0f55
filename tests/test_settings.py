import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

MANAGE = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]


def run_check(env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(env_overrides)
    return subprocess.run(
        [*MANAGE, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )


def production_env(**extra):
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "wiki.example.org",
        "DJANGO_HTTPS": "1",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        **extra,
    }


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """A STATIC_ROOT that `collectstatic` filled, as each deploy does (catalog.W002 otherwise)."""
    root = str(tmp_path_factory.mktemp("static"))
    env = {**os.environ, **production_env(DJANGO_STATIC_ROOT=root)}
    subprocess.run([*MANAGE, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    return root


def test_deploy_check_is_clean_under_production_settings(collected_static):
    done = run_check(production_env(DJANGO_STATIC_ROOT=collected_static))
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("left_out", "check"),
    [
        ("DJANGO_SECRET_KEY", "security.W009"),  # the development fallback key
        ("REDIS_URL", "catalog.W001"),  # a cache each worker keeps to itself
    ],
)
def test_deploy_check_flags_what_production_must_set(left_out, check):
    env = production_env()
    del env[left_out]
    done = run_check(env)
    assert done.returncode != 0
    assert check in done.stdout + done.stderr


def test_deploy_check_flags_debug_left_on():
    done = run_check(production_env(DJANGO_DEBUG="1"))
    assert done.returncode != 0
    assert "security.W018" in done.stdout + done.stderr


def test_a_malformed_boolean_setting_is_refused_with_its_name():
    done = run_check(production_env(DJANGO_DEBUG="maybe"))
    assert done.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in done.stderr


def read_settings(expression, env):
    """Evaluate `expression` (over `settings`) in a fresh process with this environment."""
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "jjsite.settings"},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_database_defaults_to_an_embedded_sqlite_file_in_the_project():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = read_settings("settings.DATABASES['default']['NAME']", env)
    assert done.stdout.strip() == str(Path(settings.BASE_DIR) / "db.sqlite3")


POSTGRES = "postgres://postgres@127.0.0.1:5432/seasonwiki"
CONNECTION = "[settings.DATABASES['default'][k] for k in ('CONN_MAX_AGE', 'CONN_HEALTH_CHECKS')]"


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    done = read_settings(CONNECTION, production_env(DATABASE_URL=POSTGRES))
    assert done.stdout.strip() == "[60, True]", done.stderr


def test_conn_max_age_zero_opens_a_connection_per_request():
    env = production_env(DATABASE_URL=POSTGRES, DJANGO_CONN_MAX_AGE="0")
    assert read_settings(CONNECTION, env).stdout.strip() == "[0, True]"


def test_a_malformed_conn_max_age_is_refused_with_its_name():
    done = read_settings(CONNECTION, production_env(DJANGO_CONN_MAX_AGE="forever"))
    assert done.returncode != 0
    assert "DJANGO_CONN_MAX_AGE must be a whole number" in done.stderr


def test_deploy_check_is_clean_with_persistent_postgresql_connections(collected_static):
    done = run_check(production_env(DATABASE_URL=POSTGRES, DJANGO_STATIC_ROOT=collected_static))
    assert done.returncode == 0, done.stdout + done.stderr
