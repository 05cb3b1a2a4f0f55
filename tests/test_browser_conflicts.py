"""Two editors, two browsers, one page: nothing either of them saves is lost.

Debian's Chromium, driven by Playwright, against the live server with the seed content. Each
editor signs in in their own browser context and opens the same change page; the first saves,
then the second saves from the page they opened before.

Screenshots (test-artifacts/screenshots/): `admin-conflict-1280.png`, the conflict screen.
"""

import pytest
from playwright.sync_api import expect

from tests.browser import DESKTOP, save_screenshot
from tests.factories import editor_user
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-editor-password-42"
SAVED = "was changed successfully"


@pytest.fixture
def pages(site):
    """Krysten Ritter's and the Music section's change pages."""
    from catalog.models import Person, Section

    for name in ("alice", "bob"):
        editor_user(name, PASSWORD)
    ritter = Person.objects.get(slug="krysten-ritter")
    music = Section.objects.get(season__slug=SEED_SLUG, anchor="music")
    return {
        "person": f"/admin/catalog/person/{ritter.pk}/change/",
        "music": f"/admin/catalog/section/{music.pk}/change/",
    }


@pytest.fixture
def two_editors(browser, site, pages):
    """Alice's and Bob's pages, each signed in in a browser context of their own."""
    editors = []
    for name in ("alice", "bob"):
        page = browser.new_context(viewport=DESKTOP).new_page()
        page.goto(f"{site}/admin/login/")
        page.fill("#id_username", name)
        page.fill("#id_password", PASSWORD)
        page.click('input[type="submit"]')
        expect(page.locator("#site-name")).to_be_visible()
        editors.append(page)
    return editors


def open_both(site, editors, path):
    for page in editors:
        page.goto(f"{site}{path}")


def save(page):
    page.click('input[name="_continue"]')


def test_different_fields_changed_by_two_editors_both_survive(site, pages, two_editors):
    alice, bob = two_editors
    open_both(site, two_editors, pages["person"])

    alice.fill("#id_sort_name", "Ritter, K.")
    save(alice)
    expect(alice.locator(".messagelist")).to_contain_text(SAVED)
    bob.fill("#id_name", "Krysten Ritter (actress)")
    save(bob)

    expect(bob.locator(".messagelist")).to_contain_text("their changes are kept")
    expect(bob.locator("#id_sort_name")).to_have_value("Ritter, K.")
    expect(bob.locator("#id_name")).to_have_value("Krysten Ritter (actress)")


def test_the_same_field_changed_by_two_editors_shows_both_values_and_loses_nothing(
    site, pages, two_editors
):
    alice, bob = two_editors
    open_both(site, two_editors, pages["person"])

    alice.fill("#id_sort_name", "Ritter, K.")
    save(alice)
    bob.fill("#id_sort_name", "Ritter, Kristen")
    save(bob)

    error = bob.locator(".errorlist").first
    expect(error).to_contain_text("alice changed this field since you opened the page")
    expect(error).to_contain_text("Saved now: “Ritter, K.”. Yours: “Ritter, Kristen”.")
    expect(bob.locator("#id_sort_name")).to_have_value("Ritter, Kristen")
    side_by_side = bob.locator(".edit-conflict tbody tr")
    expect(side_by_side).to_have_count(1)
    expect(side_by_side.locator("td")).to_have_text(["Ritter, K.", "Ritter, Kristen"])
    save_screenshot(bob, "admin-conflict-1280", full_page=True)

    # Bob has seen both and keeps his: the second save goes through.
    save(bob)
    expect(bob.locator(".messagelist")).to_contain_text(SAVED)
    alice.reload()
    expect(alice.locator("#id_sort_name")).to_have_value("Ritter, Kristen")


def test_two_edits_of_a_sections_prose_in_different_paragraphs_are_both_on_the_page(
    site, pages, two_editors
):
    alice, bob = two_editors
    open_both(site, two_editors, pages["music"])

    body = alice.locator("#id_body")
    body.fill(body.input_value().replace("digitally on", "digitally worldwide on"))
    save(alice)
    body = bob.locator("#id_body")
    body.fill(body.input_value().replace("All music composed", "All of the music composed"))
    save(bob)

    expect(bob.locator(".messagelist")).to_contain_text("their changes are kept")
    bob.goto(f"{site}/seasons/{SEED_SLUG}/")
    music = bob.locator("section:has(> #music) > p")
    expect(music).to_have_count(2)
    expect(music.first).to_contain_text("digitally worldwide on March 16, 2018")
    expect(music.last).to_contain_text("All of the music composed by Sean Callery.")
