"""Helpers for the browser tests: Debian's Chromium driven by Playwright's Python package.

Playwright's own browser download is never used; `make test` installs the `chromium` package,
and a missing browser fails the tests, it never skips them.
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the networking flags Chromium keeps calling home, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(
    os.environ.get("SCREENSHOT_DIR", Path(settings.BASE_DIR) / "test-artifacts" / "screenshots")
)
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@contextmanager
def chromium():
    """A running Chromium, for a whole test process (the `browser` fixture in conftest.py
    gives each test a fresh context in it).

    Playwright's synchronous API keeps its event loop running in this thread, which Django
    takes for an async context and then refuses database queries in (SynchronousOnlyOperation),
    although the tests never run async code. While the browser runs, Django is told so, as
    its documentation says to for such callers (DJANGO_ALLOW_ASYNC_UNSAFE)."""
    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: `make test` installs Debian's chromium package"
    )
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def save_screenshot(target, name, **options):
    """A page's or an element's screenshot as SCREENSHOTS/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    target.screenshot(path=str(path), **options)
    assert path.stat().st_size > 0
    return path


def sign_in(page, site, username, password, next_path="/admin/"):
    """Sign in on the admin's login page and land on `next_path`."""
    page.goto(f"{site}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click('input[type="submit"]')
    expect(page).to_have_url(f"{site}{next_path}")
