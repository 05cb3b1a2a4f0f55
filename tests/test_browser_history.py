"""History in a real browser: an editor edits, looks at the history and the diff, reverts; and
deletes a review, then restores it from the deleted list. The public page follows each time.

Debian's Chromium, driven by Playwright (tests/browser.py), against the live server with the
seed content; the editor signs in with a password and clicks through the admin as a person
does, JavaScript on.

Screenshots go to test-artifacts/screenshots/ (or $SCREENSHOT_DIR): `admin-history-1280.png`
(the section's History), `admin-history-diff-1280.png` (the word diff of the edit),
`admin-deleted-reviews-1280.png` (the deleted list with its Restore button).
"""

import pytest
from playwright.sync_api import expect

from tests.browser import DESKTOP, save_screenshot, sign_in
from tests.factories import editor_user
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)

USERNAME, PASSWORD = "history-editor", "a-long-editor-password-43"
OLD_SENTENCE = "Filming occurred at the Long Island Aquarium."
NEW_SENTENCE = "Filming moved to the Riverhead aquarium."
FILMING = "section:has(> #filming)"
SEASON_PATH = f"/seasons/{SEED_SLUG}/"


@pytest.fixture
def ids(site):
    """The rows the tests click on, and the editor's account (set up before Chromium starts:
    see tests/browser.py)."""
    from catalog.models import Review, Section

    editor_user(USERNAME, PASSWORD)
    return {
        "filming": Section.objects.get(season__slug=SEED_SLUG, anchor="filming").pk,
        "polygon": Review.objects.get(season__slug=SEED_SLUG, outlet__name="Polygon").pk,
    }


@pytest.fixture
def page(browser, site, ids):
    return browser.new_context(viewport=DESKTOP).new_page()


def test_an_editor_sees_an_edit_in_the_history_and_its_diff_then_reverts_it(page, site, ids):
    change_path = f"/admin/catalog/section/{ids['filming']}/change/"
    sign_in(page, site, USERNAME, PASSWORD, change_path)
    body = page.locator("#id_body")
    body.fill(body.input_value().replace(OLD_SENTENCE, NEW_SENTENCE))
    page.fill("#id_revision_comment", "Where the aquarium is")
    page.click('input[name="_save"]')
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")

    page.goto(f"{site}{change_path}")
    page.click("a.historylink")
    latest = page.locator("#revision-history tbody tr").first
    expect(latest).to_contain_text(USERNAME)
    expect(latest).to_contain_text("Where the aquarium is")
    save_screenshot(page, "admin-history-1280", full_page=True)

    latest.locator("a.diff-link", has_text="body").click()
    expect(page.locator("h1")).to_contain_text("Compare versions: Filming")
    # Word by word: "the", in both, is no change.
    expect(page.locator("td.old del")).to_have_text(["occurred at", "Long Island Aquarium."])
    expect(page.locator("td.new ins")).to_have_text(["moved to", "Riverhead aquarium."])
    save_screenshot(page, "admin-history-diff-1280", full_page=True)

    page.go_back()
    page.locator("#revision-original a", has_text="Revert to this").click()
    expect(page.locator("table.history-diff")).to_contain_text(NEW_SENTENCE)
    page.click('input[value="Yes, revert"]')
    expect(page.locator("ul.messagelist li.success")).to_contain_text(
        "Revert to the original version: done."
    )
    reverted = page.locator("#revision-history tbody tr").first
    expect(reverted).to_contain_text("Reverted to the original version")
    expect(reverted).to_contain_text("revert")

    page.goto(f"{site}{SEASON_PATH}")
    expect(page.locator(FILMING)).to_contain_text(OLD_SENTENCE)
    expect(page.locator(FILMING)).not_to_contain_text(NEW_SENTENCE)


def test_an_editor_deletes_a_review_and_restores_it_from_the_deleted_list(page, site, ids):
    review = page.locator("table.critic-ratings tbody tr", has_text="Susana Polo")
    page.goto(f"{site}{SEASON_PATH}")
    expect(review).to_have_count(1)
    sign_in(page, site, USERNAME, PASSWORD, f"/admin/catalog/review/{ids['polygon']}/change/")
    page.click("a.deletelink")
    page.click('input[type="submit"]')  # "Yes, I'm sure"
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was deleted successfully")
    page.goto(f"{site}{SEASON_PATH}")
    expect(review).to_have_count(0)

    page.goto(f"{site}/admin/catalog/review/")
    page.click("a.deletedlink")
    row = page.locator("#deleted-rows tbody tr", has_text="Susana Polo, Polygon")
    expect(row).to_contain_text(USERNAME)
    save_screenshot(page, "admin-deleted-reviews-1280", full_page=True)
    row.locator("a", has_text="Restore").click()
    page.click('input[value="Yes, restore"]')
    expect(page).to_have_url(f"{site}/admin/catalog/review/{ids['polygon']}/change/")
    expect(page.locator("ul.messagelist li.success")).to_contain_text(
        "Restored review “Susana Polo, Polygon”"
    )

    page.goto(f"{site}{SEASON_PATH}")
    expect(review).to_have_count(1)
    page.goto(f"{site}/admin/catalog/review/deleted/")
    expect(page.locator("#deleted-rows")).to_contain_text("No deleted reviews.")
