"""An editor's change in the admin, made in a real browser, reaches the public page intact.

Debian's Chromium, driven by Playwright as in test_browser.py, against the live server with
the seed content. The editor signs in with a password, edits one sentence of a section by
typing (JavaScript on, as an editor's browser has it), saves, and the season page shows the
section with the same paragraphs and the new sentence. A browser posts a textarea's line
breaks as CRLF: this is the path that once broke paragraphs apart.

Screenshots go to test-artifacts/screenshots/ (or $SCREENSHOT_DIR):
`admin-section-edit-1280.png` (the change page, edited) and `season-section-edited-1280.png`
(the section on the public page afterwards).
"""

import pytest
from django.contrib.auth.models import Group, Permission, User
from playwright.sync_api import expect

from tests.browser import DESKTOP, chromium, save_screenshot
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)

USERNAME, PASSWORD = "page-editor", "a-long-editor-password-42"
OLD_SENTENCE = "Filming occurred at the Long Island Aquarium."
NEW_SENTENCE = "Filming also took place at the Long Island Aquarium in Riverhead."
FILMING = 'section[aria-labelledby="filming"]'


@pytest.fixture
def filming_section_id(site):
    from catalog.models import Section

    return Section.objects.get(season__slug=SEED_SLUG, anchor="filming").pk


@pytest.fixture
def editor_account(site):
    """A staff account in the Editors group, with a password to sign in with."""
    # The group comes from a data migration, and the flush that ends every transactional test
    # (test_browser.py's run first) empties it: make it as migration 0002 does, with every
    # permission on the catalog's models (serialized_rollback clashes with the content types
    # the flush re-creates).
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(Permission.objects.filter(content_type__app_label="catalog"))
    user = User.objects.create_user(USERNAME, password=PASSWORD, is_staff=True)
    user.groups.add(editors)
    return USERNAME, PASSWORD


@pytest.fixture
def browser(site, editor_account, filming_section_id):
    # Started after the database work is done (see tests/browser.py).
    with chromium() as browser:
        yield browser


def sign_in(page, site, next_path):
    page.goto(f"{site}/admin/login/?next={next_path}")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click('input[type="submit"]')
    expect(page).to_have_url(f"{site}{next_path}")


def test_a_sentence_edited_in_the_admin_keeps_the_sections_paragraphs(
    browser, site, filming_section_id
):
    page = browser.new_context(viewport=DESKTOP).new_page()
    season_url = f"{site}/seasons/{SEED_SLUG}/"
    page.goto(season_url)
    paragraphs_before = page.locator(f"{FILMING} > p").count()
    assert paragraphs_before == 2
    change_path = f"/admin/catalog/section/{filming_section_id}/change/"
    sign_in(page, site, change_path)

    # Select the sentence in the textarea and type its replacement, as an editor does.
    body = page.locator("#id_body")
    assert "\n\n" in body.input_value()
    body.evaluate(
        """(textarea, sentence) => {
            const start = textarea.value.indexOf(sentence);
            textarea.focus();
            textarea.setSelectionRange(start, start + sentence.length);
        }""",
        OLD_SENTENCE,
    )
    page.keyboard.type(NEW_SENTENCE)
    edited = body.input_value()
    assert NEW_SENTENCE in edited
    assert OLD_SENTENCE not in edited
    assert edited.count("\n\n") == 1, "the blank line between the paragraphs is still there"
    save_screenshot(page, "admin-section-edit-1280", full_page=True)
    with page.expect_request(lambda request: request.method == "POST") as posted:
        page.click('input[name="_save"]')
    assert "%0D%0A%0D%0A" in posted.value.post_data, "the browser sent the blank line as CRLF"

    expect(page).to_have_url(f"{site}/admin/catalog/section/")
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")
    page.goto(season_url)
    section = page.locator(FILMING)
    paragraphs = page.locator(f"{FILMING} > p")
    expect(paragraphs).to_have_count(paragraphs_before)
    expect(paragraphs.first).to_contain_text(NEW_SENTENCE)
    expect(paragraphs.nth(1)).to_contain_text("Approaching the second season")
    section.scroll_into_view_if_needed()
    save_screenshot(section, "season-section-edited-1280")
