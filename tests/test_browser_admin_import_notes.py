"""An editor turns an import note into a credit from the admin's preview, in Chromium: the
article (tests/articles/notes-saltmarsh-season-1.txt, made up for this) yields four notes,
each by its sentence with a prefilled form; a refused value shows its error by the note; the
credit added from the composer's note joins the plan and the note goes; the confirmation
writes it with the import. The season's page then shows the composer, and its history one
revision.

Screenshots (test-artifacts/screenshots/, or $SCREENSHOT_DIR): `admin-import-notes-1280.png`
and `admin-import-notes-375.png` (the preview with its notes and forms, wide and on a phone),
`admin-import-note-error-1280.png` (a refused value by its note), `admin-import-note-added-1280.png`
(the preview with the credit added).
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import DESKTOP, PHONE, save_screenshot, sign_in
from tests.factories import editor_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editor_account")]

USERNAME, PASSWORD = "notes-editor", "a-long-notes-password-42"
ARTICLE = Path(__file__).parent / "articles" / "notes-saltmarsh-season-1.txt"
COMPOSER_SENTENCE = "Odile Marchetti composed the score for Saltmarsh over the winter."


@pytest.fixture
def editor_account(site):
    return editor_user(USERNAME, PASSWORD)


def previewed(browser, site, viewport):
    """(page, its notes): the editor's preview of the article, on a screen of `viewport`."""
    page = browser.new_context(viewport=viewport).new_page()
    sign_in(page, site, USERNAME, PASSWORD)
    page.goto(f"{site}/admin/catalog/import/")
    page.fill("#id_article", ARTICLE.read_text(encoding="utf-8"))
    page.click('input[name="preview"]')
    expect(page.locator("#import-preview")).to_contain_text("Importing Saltmarsh season 1")
    notes = page.locator("li.import-note")
    expect(notes).to_have_count(4)
    return page, notes


def test_the_notes_with_their_forms_on_a_phone(browser, site):
    page, notes = previewed(browser, site, PHONE)

    composer = notes.filter(has_text=COMPOSER_SENTENCE)
    expect(composer.locator('input[name$="-person"]')).to_have_value("Odile Marchetti")
    # On a phone the form stands under its sentence, its fields inside the screen's width.
    sentence = composer.locator("blockquote").bounding_box()
    person = composer.locator('input[name$="-person"]').bounding_box()
    assert person["y"] >= sentence["y"] + sentence["height"]
    fields = composer.locator("input:visible, button").all()
    assert len(fields) == 4  # person, job, episode, the button
    for field in fields:
        box = field.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]
    save_screenshot(page, "admin-import-notes-375", full_page=True)
    save_screenshot(composer, "admin-import-note-375")


def test_an_editor_turns_a_note_into_a_credit_and_confirms_it_in_one_revision(browser, site):
    page, notes = previewed(browser, site, DESKTOP)

    # In line order, each by its sentence.
    relative = "'the following spring' is a date relative to none written"
    expect(notes.nth(0)).to_contain_text(relative)
    expect(notes.nth(1)).to_contain_text(COMPOSER_SENTENCE)
    expect(notes.nth(2)).to_contain_text("Metacritic gave the season a favorable reception.")
    expect(notes.nth(3)).to_contain_text("Jonas Reyes praised the season")
    composer = notes.nth(1)
    # Prefilled from what the importer understood: the person and the job.
    expect(composer.locator('input[name$="-person"]')).to_have_value("Odile Marchetti")
    expect(composer.locator('input[name$="-job"]')).to_have_value("composer")
    # Side by side on a wide screen: the sentence, then its form to the right.
    sentence, form = (
        composer.locator("blockquote").bounding_box(),
        composer.locator("form").bounding_box(),
    )
    assert form["x"] > sentence["x"] + sentence["width"]
    save_screenshot(page, "admin-import-notes-1280", full_page=True)
    save_screenshot(page.locator("#import-notes"), "admin-import-notes-list-1280")

    # A refused value: the error stands by its note, and nothing is added.
    composer.locator('input[name$="-episode"]').fill("12")
    composer.locator('button[name="add"]').click()
    composer = page.locator("li.import-note").filter(has_text=COMPOSER_SENTENCE)
    expect(composer.locator(".errorlist")).to_contain_text("The season has 6 episodes: give 1 to 6")
    expect(page.locator("#import-added")).to_have_count(0)
    composer.scroll_into_view_if_needed()
    save_screenshot(page, "admin-import-note-error-1280")

    composer.locator('input[name$="-episode"]').fill("")
    composer.locator('button[name="add"]').click()

    expect(page.locator("#import-added")).to_contain_text(
        "line 34: credit: Odile Marchetti, composer"
    )
    expect(page.locator("li.import-note")).to_have_count(3)
    expect(page.locator("#import-notes")).not_to_contain_text(COMPOSER_SENTENCE)
    expect(page.locator("#rows-credits")).to_contain_text(
        "Odile Marchetti – composer (Saltmarsh season 1)"
    )
    save_screenshot(page, "admin-import-note-added-1280", full_page=True)
    visitor = browser.new_context(viewport=DESKTOP).new_page()
    season_url = f"{site}/seasons/saltmarsh-season-1/"
    assert visitor.goto(season_url).status == 404, "the preview wrote nothing"

    page.click('input[name="confirm"]')

    expect(page.locator("ul.messagelist li.success")).to_contain_text(
        "Imported Saltmarsh season 1 as one revision by you"
    )
    page.click("text=See its history")
    rows = page.locator("#revision-history tbody tr")
    expect(rows).to_have_count(1)  # one revision: the article's rows and the credit added
    expect(rows.first).to_contain_text(f"{USERNAME} (pasted article)")

    visitor.goto(season_url)
    expect(visitor.locator("h1")).to_contain_text("Saltmarsh season 1")
    expect(visitor.locator("body")).to_contain_text("Odile Marchetti")
