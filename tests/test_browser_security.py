"""The security headers and the draft preview in a real browser: Debian's Chromium, driven by
Playwright as in test_browser.py, against the live server with the seed content.

JavaScript is on here, as in most visitors' browsers, so that Chromium enforces and reports
the Content-Security-Policy as it would for them: every page is loaded while its console is
watched, and a refused script or style, or a header Chromium cannot read, shows there as an
error or a warning.

Screenshots go to test-artifacts/screenshots/ (or $SCREENSHOT_DIR): `csp-season-1280.png`,
`draft-season-1280.png`, `draft-person-1280.png`, `admin-csp-person-1280.png`,
`admin-csp-season-1280.png`, `api-docs-1280.png`, `admin-locked-1280.png`.
"""

import pytest
from playwright.sync_api import expect

from tests.browser import DESKTOP, save_screenshot, sign_in
from tests.factories import editor_user
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)

USERNAME, PASSWORD = "csp-editor", "a-long-editor-password-42"
SEASON_PATH = f"/seasons/{SEED_SLUG}/"
SEED_COLOUR = "rgb(65, 35, 4)"  # #412304


@pytest.fixture
def editor_account(site):
    """A staff account in the Editors group, with a password to sign in with."""
    editor_user(USERNAME, PASSWORD)


@pytest.fixture
def ids(site):
    from catalog.models import Person, Season

    return {
        "season": Season.objects.get(slug=SEED_SLUG).pk,
        "person": Person.objects.get(slug="krysten-ritter").pk,
    }


@pytest.fixture
def draft_seed(site):
    """The seed season set back to draft: its people are then known only from a draft."""
    from catalog.models import Season

    Season.objects.filter(slug=SEED_SLUG).update(status=Season.Status.DRAFT)


def watched_page(browser):
    """A new desktop page whose console errors and warnings, and uncaught script errors, are
    collected in `page.problems`."""
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.problems = []

    def on_console(message):
        if message.type in ("error", "warning"):
            page.problems.append(f"{message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    return page


def visit(page, url, status=200):
    response = page.goto(url)
    assert response.status == status, f"{url} answered {response.status}"
    page.wait_for_load_state("networkidle")
    return response


# The public pages -----------------------------------------------------------------------------


def test_the_public_pages_load_with_no_policy_violation_and_their_colours(browser, site):
    page = watched_page(browser)
    for path in ["/", SEASON_PATH, f"{SEASON_PATH}timeline/", "/people/krysten-ritter/"]:
        visit(page, f"{site}{path}")
    visit(page, f"{site}/")
    # The season's colour reaches the home card and the infobox through the CSS its hash allows.
    card = page.locator(".season-card").first
    assert card.evaluate("e => getComputedStyle(e).borderTopColor") == SEED_COLOUR
    visit(page, f"{site}{SEASON_PATH}")
    header = page.locator(".infobox-title")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == SEED_COLOUR
    assert header.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 255)"
    save_screenshot(page, "csp-season-1280")
    assert page.problems == []

    # The policy is enforced, and the watch sees it: a style attribute added now is refused.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">')")
    page.wait_for_timeout(200)
    assert any("Content Security Policy" in problem for problem in page.problems)


# Drafts ---------------------------------------------------------------------------------------


def test_an_editor_previews_a_draft_under_the_banner_and_a_visitor_gets_a_404(
    browser, site, editor_account, draft_seed
):
    visitor = watched_page(browser)
    visit(visitor, f"{site}{SEASON_PATH}", status=404)
    visit(visitor, f"{site}/people/krysten-ritter/", status=404)

    page = watched_page(browser)
    sign_in(page, site, USERNAME, PASSWORD, SEASON_PATH)
    banner = page.locator(".draft-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Draft: not public.")
    expect(banner).to_contain_text("visitors get “Page not found” here")
    # At the top of the page, above the title.
    assert banner.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    save_screenshot(page, "draft-season-1280")

    page.locator("#main-cast a", has_text="Krysten Ritter").first.click()
    expect(page).to_have_url(f"{site}/people/krysten-ritter/")
    expect(page.locator(".draft-banner")).to_contain_text(
        "Krysten Ritter is known only from draft seasons"
    )
    expect(page.locator("#roles ~ ul .draft-tag")).to_have_text("draft")
    save_screenshot(page, "draft-person-1280")
    assert page.problems == []
    # The two 404s, and nothing else.
    assert [problem.split(": ", 1)[0] for problem in visitor.problems] == ["error"] * 2
    assert all("status of 404" in problem for problem in visitor.problems)


# The admin and the API's pages, under their own policy ---------------------------------------


def test_the_admin_works_under_its_policy(browser, site, editor_account, ids):
    page = watched_page(browser)
    season_path = f"/admin/catalog/season/{ids['season']}/change/"
    sign_in(page, site, USERNAME, PASSWORD, season_path)
    page.wait_for_load_state("networkidle")

    # "Add another" (inlines.js) adds an infobox row.
    rows = page.locator("#infobox_fields-group tr.form-row:not(.empty-form)")
    before = rows.count()
    page.locator("#infobox_fields-group .add-row a").click()
    expect(rows).to_have_count(before + 1)
    # The series field autocompletes (select2 asking the admin's autocomplete view).
    page.locator(".field-series .select2-selection").click()
    page.locator(".select2-search__field").fill("Jessica")
    expect(page.locator(".select2-results__option").first).to_have_text("Jessica Jones")
    page.keyboard.press("Escape")
    # The date field's "Today" shortcut (calendar.js) fills it.
    page.locator("#id_release_date").fill("")
    page.locator(".field-release_date .datetimeshortcuts a", has_text="Today").click()
    expect(page.locator("#id_release_date")).not_to_have_value("")
    save_screenshot(page, "admin-csp-season-1280")

    # A person's page, with its panel of parts.
    visit(page, f"{site}/admin/catalog/person/{ids['person']}/change/")
    save_screenshot(page, "admin-csp-person-1280", full_page=True)
    assert page.problems == []


def test_the_api_docs_page_works_under_its_policy(browser, site):
    page = watched_page(browser)
    visit(page, f"{site}/api/v1/docs/")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Season wiki API")
    expect(page.locator(".opblock-tag", has_text="seasons").first).to_be_visible()
    save_screenshot(page, "api-docs-1280")
    assert page.problems == []


def test_a_locked_sign_in_gets_the_lockout_page(browser, site, editor_account):
    page = watched_page(browser)
    for _ in range(5):
        page.goto(f"{site}/admin/login/?next=/admin/")
        page.fill("#id_username", USERNAME)
        page.fill("#id_password", "not-the-password")
        page.click('input[type="submit"]')

    expect(page.locator("h1")).to_have_text("Sign-in locked")
    expect(page.locator("#content-main")).to_contain_text("locked for 15 minutes")
    save_screenshot(page, "admin-locked-1280")
    # Nothing but the refused sign-ins' own 429s.
    assert [problem for problem in page.problems if "status of 429" not in problem] == []
