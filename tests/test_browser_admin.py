"""Editors' changes in the admin, made in a real browser, reach the public page intact.

Debian's Chromium, driven by Playwright as in test_browser.py (JavaScript on, as an editor's
browser has it), against the live server with the seed content; the editor signs in with a
password. A browser posts every field of a form (Django refuses more than 1,000) and a
textarea's line breaks as CRLF: these are the paths that once failed.

- every change form of the seed, one of each kind, and of a season ten times its size, saves
  unchanged with Django's success message; every add form opens, and those linked from the
  season's page start with the season;
- a sentence of a section, and the season's lead typed as two paragraphs, show on the public
  page with their paragraphs;
- two cast credits swapped in the season's cast changelist swap on the public page;
- a visitor whose page came from the answer cache sees an edit on the next request.

Screenshots go to test-artifacts/screenshots/ (or $SCREENSHOT_DIR):
`admin-section-edit-1280.png` (the change page, edited), `season-section-edited-1280.png`
(the section on the public page afterwards), `admin-season-1280.png` (the season's page with
its parts), `admin-season-cast-1280.png` (the season's cast changelist, reordered),
`season-lead-edited-1280.png`.
"""

import re

import pytest
from playwright.sync_api import expect

from catalog.models import Credit, InfoboxField, Person, Season, content_models
from tests.admin_forms import admin_url
from tests.browser import DESKTOP, save_screenshot, sign_in
from tests.factories import editor_user, grow
from tests.seed import MAIN_CAST, SEED_SLUG

# Every test signs in as the editor this module's `editor_account` makes.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editor_account")]

USERNAME, PASSWORD = "page-editor", "a-long-editor-password-42"
OLD_SENTENCE = "Filming occurred at the Long Island Aquarium."
NEW_SENTENCE = "Filming also took place at the Long Island Aquarium in Riverhead."
FILMING = "section:has(> #filming)"


@pytest.fixture
def filming_section_id(site):
    from catalog.models import Section

    return Section.objects.get(season__slug=SEED_SLUG, anchor="filming").pk


@pytest.fixture
def editor_account(site):
    """A staff account in the Editors group, with a password to sign in with."""
    # The Editors group comes from data migrations that the flush ending every transactional
    # test empties (serialized_rollback clashes with the content types the flush re-creates).
    editor_user(USERNAME, PASSWORD)
    return USERNAME, PASSWORD


def test_a_sentence_edited_in_the_admin_keeps_the_sections_paragraphs(
    browser, site, filming_section_id
):
    page = browser.new_context(viewport=DESKTOP).new_page()
    season_url = f"{site}/seasons/{SEED_SLUG}/"
    page.goto(season_url)
    paragraphs_before = page.locator(f"{FILMING} > p").count()
    assert paragraphs_before == 2
    change_path = f"/admin/catalog/section/{filming_section_id}/change/"
    sign_in(page, site, USERNAME, PASSWORD, change_path)

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


def test_a_visitor_sees_an_admin_edit_on_the_next_request_with_the_cache_on(
    browser, site, filming_section_id
):
    season_url = f"{site}/seasons/{SEED_SLUG}/"
    visitor = browser.new_context(viewport=DESKTOP).new_page()
    visitor.goto(season_url)
    stored = visitor.goto(season_url)  # answered from the answer cache (tests/test_caching.py)
    assert "public" in stored.headers["cache-control"]
    expect(visitor.locator("#filming")).to_have_text("Filming")

    editor = browser.new_context(viewport=DESKTOP).new_page()
    section_path = f"/admin/catalog/section/{filming_section_id}/change/"
    sign_in(editor, site, USERNAME, PASSWORD, section_path)
    editor.fill("#id_title", "Filming and locations")
    editor.click('input[name="_save"]')
    expect(editor.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")

    fresh = visitor.goto(season_url)
    expect(visitor.locator("#filming")).to_have_text("Filming and locations")
    assert fresh.headers["etag"] != stored.headers["etag"]


# Every form saves ------------------------------------------------------------------------

CATALOG_MODELS = content_models()
CHANGED = "was changed successfully"


def one_of_each_kind(season):
    """A change page of each model, for rows of `season` where the model has one."""
    pages = {}
    for model in CATALOG_MODELS:
        rows = model._default_manager.order_by("-pk")  # the grown ones, in a grown season
        if model is Season:
            rows = rows.filter(pk=season.pk)
        elif any(field.name == "season" for field in model._meta.fields):
            rows = rows.filter(season=season)
        pages[model.__name__] = admin_url(model, "change", rows.first().pk)
    return pages


def save_unchanged(page, site, path):
    page.goto(f"{site}{path}")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.locator('input[name="_save"]').first.click()
    assert posted.value.status == 302, f"{path}: {posted.value.status}"
    expect(page.locator("ul.messagelist li.success")).to_contain_text(CHANGED)


def test_every_change_form_of_the_seed_saves_unchanged_and_every_add_form_opens(
    browser, site, editor_account
):
    season = Season.objects.get(slug=SEED_SLUG)
    # The seed's infobox keys are all typed: one line of a key the site does not type.
    InfoboxField.objects.create(season=season, position=8, key="Location", value="New York City")
    change_pages = one_of_each_kind(season)
    cast = Credit.objects.filter(season=season, department="cast").first()
    change_pages["cast Credit"] = admin_url(Credit, "change", cast.pk)
    add_pages = {model._meta.verbose_name: admin_url(model, "add") for model in CATALOG_MODELS}
    page = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(page, site, USERNAME, PASSWORD, "/admin/")
    for path in change_pages.values():
        save_unchanged(page, site, path)
    for name, path in add_pages.items():
        page.goto(f"{site}{path}")
        expect(page.locator("h1")).to_have_text(f"Add {name}")


def test_every_add_form_linked_from_the_season_page_starts_with_the_season(
    browser, site, editor_account
):
    season = Season.objects.get(slug=SEED_SLUG)
    season_path = admin_url(Season, "change", season.pk)
    page = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(page, site, USERNAME, PASSWORD, season_path)
    add_links = page.locator("fieldset.parts a.addlink")
    expect(add_links).to_have_count(8)
    for href in [add_links.nth(n).get_attribute("href") for n in range(8)]:
        page.goto(f"{site}{href}")
        expect(page.locator("h1")).to_have_text(re.compile(r"^Add "))
        assert page.locator("#id_season").input_value() == str(season.pk), href
        expect(page.locator("#id_season + .select2")).to_contain_text(season.title)

    # One of them filled in and saved: back to the season's sections, the new one last.
    page.goto(f"{site}{season_path}")
    page.locator("fieldset.parts tr", has_text="Sections").locator("a.addlink").click()
    page.locator("#id_title").press_sequentially("Home media")  # fills in the anchor
    page.fill("#id_position", "99")
    page.fill("#id_body", "The season was released on home media.")
    page.locator('input[name="_save"]').click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was added successfully")
    expect(page.locator("h1")).to_have_text(f"Sections of {season.title}")
    expect(page.locator("#result_list tbody tr").last).to_contain_text("Home media")
    page.goto(f"{site}/seasons/{SEED_SLUG}/")
    expect(page.locator("#home-media")).to_have_text("Home media")


def test_every_change_form_of_a_tenfold_season_saves_unchanged(browser, site, editor_account):
    season = Season.objects.get(slug=SEED_SLUG)
    people = grow(season)
    change_pages = one_of_each_kind(season)
    change_pages["a person with a hundred credits"] = admin_url(Person, "change", people[0].pk)
    assert people[0].credits.count() > 90
    cast_path = f"{admin_url(Credit, 'changelist')}?season__id__exact={season.pk}"
    page = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(page, site, USERNAME, PASSWORD, "/admin/")
    for path in change_pages.values():
        save_unchanged(page, site, path)

    # The season's credits changelist, saved unchanged: back to the same page.
    page.goto(f"{site}{cast_path}")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.locator('#changelist-form input[name="_save"]').click()
    assert posted.value.status == 302
    expect(page).to_have_url(f"{site}{cast_path}")
    expect(page.locator("#result_list tbody tr")).to_have_count(50)


# The lead and the cast, as an editor changes them -----------------------------------------


def test_a_lead_typed_as_two_paragraphs_shows_as_two_paragraphs(browser, site, editor_account):
    season = Season.objects.get(slug=SEED_SLUG)
    season_path = admin_url(Season, "change", season.pk)
    page = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(page, site, USERNAME, PASSWORD, season_path)
    save_screenshot(page, "admin-season-1280", full_page=True)
    lead = page.locator("#id_lead")
    lead.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Jessica Jones returns for a second season.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("It was released on March 8, 2018.")
    with page.expect_request(lambda request: request.method == "POST") as posted:
        page.locator('input[name="_save"]').first.click()
    assert "season.%0D%0A%0D%0AIt+was" in posted.value.post_data
    expect(page.locator("ul.messagelist li.success")).to_contain_text(CHANGED)

    page.goto(f"{site}/seasons/{SEED_SLUG}/")
    paragraphs = page.locator("article.article > p:not(.subtitle):not(.last-changed)")
    expect(paragraphs).to_have_text(
        ["Jessica Jones returns for a second season.", "It was released on March 8, 2018."]
    )
    save_screenshot(page, "season-lead-edited-1280")


def test_two_cast_credits_swapped_in_the_cast_changelist_swap_on_the_season_page(
    browser, site, editor_account
):
    season = Season.objects.get(slug=SEED_SLUG)
    season_path = admin_url(Season, "change", season.pk)
    (first, _), (second, _) = MAIN_CAST[:2]
    page = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(page, site, USERNAME, PASSWORD, season_path)
    page.locator("fieldset.parts tr", has_text="Cast").locator("a.changelink").click()
    expect(page.locator("h1")).to_have_text(f"Credits of {season.title}")
    rows = page.locator("#result_list tbody tr")
    expect(rows.first).to_contain_text(first)
    rows.filter(has_text=first).locator('input[name$="-order"]').fill("2")
    rows.filter(has_text=second).locator('input[name$="-order"]').fill("1")
    page.locator('#changelist-form input[name="_save"]').click()

    expect(page.locator("ul.messagelist li.success")).to_have_text(
        "2 credits were changed successfully."
    )
    expect(rows.first).to_contain_text(second)
    save_screenshot(page, "admin-season-cast-1280", full_page=True)
    page.locator(".owner-link a").click()
    expect(page).to_have_url(f"{site}{season_path}")
    page.goto(f"{site}/seasons/{SEED_SLUG}/")
    names = [name for name, _character in MAIN_CAST]
    expect(page.locator("#main-cast li > a")).to_have_text([second, first, *names[2:]])
