"""An editor imports a new article from the admin in a real browser (Chromium, as in
test_browser_admin.py): from the admin's home to "Import an article", the article pasted and
its citations uploaded, the preview (what would be created, the notes), the confirmation;
then the season is on the site and its history shows the import, by that editor.

Screenshots go to test-artifacts/screenshots/ (or $SCREENSHOT_DIR): `admin-import-preview-1280.png`
(the preview), `admin-import-done-1280.png` (the season's admin page after the import) and
`admin-import-history-1280.png` (its history), `admin-import-error-1280.png` (the form with a
malformed article's error), `admin-import-changes-1280.png` (the preview
of the article edited: old and new values, prose word by word).
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import DESKTOP, save_screenshot, sign_in
from tests.factories import editor_user

# Every test signs in as the editor this module's `editor_account` makes.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editor_account")]

USERNAME, PASSWORD = "import-editor", "a-long-import-password-42"
ARTICLES = Path(__file__).parent / "articles"
ARTICLE = ARTICLES / "import-harbor-lights-season-1.txt"
CITATIONS = ARTICLES / "import-harbor-lights-season-1.citations.txt"


@pytest.fixture
def editor_account(site):
    return editor_user(USERNAME, PASSWORD)


def test_an_editor_imports_a_new_article_with_a_preview_and_its_history_shows_it(
    browser, site, editor_account
):
    page = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(page, site, USERNAME, PASSWORD)
    page.click("text=Import an article")
    expect(page).to_have_url(f"{site}/admin/catalog/import/")

    # A malformed article first: the form says where, and keeps the text to fix.
    broken = ARTICLE.read_text(encoding="utf-8").replace("#1F4E79", "navy blue")
    page.fill("#id_article", broken)
    page.click('input[name="preview"]')
    expect(page.locator("#import-error")).to_contain_text(
        "pasted article, line 4: 'navy blue' is not a colour as #RRGGBB. Nothing was imported."
    )
    save_screenshot(page, "admin-import-error-1280")

    page.fill("#id_article", ARTICLE.read_text(encoding="utf-8"))
    page.set_input_files("#id_citations_file", str(CITATIONS))
    page.click('input[name="preview"]')

    preview = page.locator("#import-preview")
    expect(preview).to_contain_text(
        # The seed, on the site already, has the two aggregators' outlets.
        "Importing Harbor Lights season 1 would give: 54 created, 0 updated, 2 unchanged."
    )
    expect(page.locator("#import-notes")).to_contain_text(
        "line 41: 5 painters are listed for 4 episodes"
    )
    expect(page.locator("#rows-credits")).to_contain_text("Daniel Ferreira – Elias Ward")
    save_screenshot(page, "admin-import-preview-1280", full_page=True)
    # (The database is not the test's to read while the browser runs: ask the site.)
    visitor = browser.new_context(viewport=DESKTOP).new_page()
    season_url = f"{site}/seasons/harbor-lights-season-1/"
    assert visitor.goto(season_url).status == 404, "the preview wrote nothing"

    page.click('input[name="confirm"]')

    expect(page.locator("ul.messagelist li.success")).to_contain_text(
        "Imported Harbor Lights season 1 as one revision by you (54 created, 0 updated, "
        "2 unchanged)."
    )
    save_screenshot(page, "admin-import-done-1280")

    page.click("text=See its history")
    rows = page.locator("#revision-history tbody tr")
    expect(rows).to_have_count(1)  # one revision
    expect(rows.first).to_contain_text(f"{USERNAME} (pasted article)")
    expect(rows.first.locator("td").nth(5)).to_have_text("import")
    expect(rows.first).to_contain_text("Imported from the admin")
    save_screenshot(page, "admin-import-history-1280")

    visitor.goto(season_url)
    expect(visitor.locator("h1")).to_contain_text("Harbor Lights season 1")
    expect(visitor.locator("body")).to_contain_text("Imogen Starling")

    # The article edited, previewed again: what would change, old and new.
    edited = (
        ARTICLE.read_text(encoding="utf-8")
        .replace("- Network: Tidewater", "- Network: Tidewater Plus")
        .replace("follows a lighthouse keeper", "follows a retired lighthouse keeper")
    )
    page.goto(f"{site}/admin/catalog/import/")
    page.fill("#id_article", edited)
    page.set_input_files("#id_citations_file", str(CITATIONS))
    page.click('input[name="preview"]')
    expect(page.locator("#import-preview")).to_contain_text("would give: 0 created, 1 updated")
    seasons = page.locator("#rows-seasons")
    expect(seasons).to_contain_text("network: Tidewater → Tidewater Plus")
    expect(seasons.locator("ins")).to_contain_text("retired")
    save_screenshot(page, "admin-import-changes-1280", full_page=True)
