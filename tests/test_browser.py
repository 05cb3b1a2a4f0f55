"""The public pages in a real browser: Debian's Chromium, driven by Playwright.

JavaScript is switched off in every page, because a visitor must be able to read the wiki
without it. Each test saves screenshots under test-artifacts/screenshots/ (or
$SCREENSHOT_DIR) for people to look at.
"""

import re

import pytest
from playwright.sync_api import expect

from catalog.content import services
from catalog.models import Season
from tests.browser import DESKTOP, PHONE, save_screenshot
from tests.factories import edit_history
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)


def open_page(browser, url, viewport):
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    response = page.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    return page


def screenshot(page, name):
    return save_screenshot(page, name, full_page=True)


def relative_luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def css_rgb(value):
    """'rgb(65, 35, 4)' as Chromium reports a computed colour -> (65, 35, 4)."""
    inside = value[value.index("(") + 1 : value.index(")")]
    return tuple(int(float(part)) for part in inside.split(",")[:3])


def contrast(foreground, background):
    lighter, darker = sorted(
        (relative_luminance(css_rgb(foreground)), relative_luminance(css_rgb(background))),
        reverse=True,
    )
    return (lighter + 0.05) / (darker + 0.05)


def page_overflows(page):
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_the_season_article_reads_on_a_phone(browser, site):
    page = open_page(browser, f"{site}/seasons/{SEED_SLUG}/", PHONE)

    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_contain_text("Jessica Jones")
    # Nothing is wider than the phone: wide tables scroll inside their own box.
    assert not page_overflows(page)
    infobox = page.locator("table.infobox")
    expect(infobox).to_be_visible()
    assert infobox.bounding_box()["width"] <= PHONE["width"]
    expect(page.locator("#main-cast li")).to_have_count(8)
    screenshot(page, "season-375")


def test_the_season_article_on_a_desktop_has_the_infobox_beside_the_text(browser, site):
    page = open_page(browser, f"{site}/seasons/{SEED_SLUG}/", DESKTOP)

    box = page.locator("table.infobox").bounding_box()
    assert box["x"] > DESKTOP["width"] / 2, "the infobox sits on the right, as on a wiki"
    assert box["width"] < DESKTOP["width"] / 2
    assert not page_overflows(page)
    screenshot(page, "season-1280")


def test_the_infobox_header_is_readable_on_the_season_colour(browser, site):
    page = open_page(browser, f"{site}/seasons/{SEED_SLUG}/", DESKTOP)

    title = page.locator("table.infobox .infobox-title")
    colours = title.evaluate(
        "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]"
    )
    assert css_rgb(colours[1]) == (0x41, 0x23, 0x04), "the season's own colour, #412304"
    assert contrast(*colours) >= 4.5, f"WCAG AA needs 4.5:1, got {contrast(*colours):.2f}"


def test_a_cast_link_leads_to_the_actor_page(browser, site):
    page = open_page(browser, f"{site}/seasons/{SEED_SLUG}/", DESKTOP)
    first_actor = page.locator("#main-cast li a").first
    name = first_actor.inner_text()

    first_actor.click()

    expect(page).to_have_url(f"{site}/people/krysten-ritter/")
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator("main")).to_contain_text("Jessica Jones")
    screenshot(page, "person-1280")


def test_a_citation_leads_to_its_reference(browser, site):
    page = open_page(browser, f"{site}/seasons/{SEED_SLUG}/", DESKTOP)
    marker = page.locator("sup.reference a").first
    target = marker.get_attribute("href")
    assert target.startswith("#cite-note-")

    marker.click()

    expect(page).to_have_url(f"{site}/seasons/{SEED_SLUG}/{target}")
    reference = page.locator(f"#references li{target}")
    expect(reference).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == target[1:]
    screenshot(page, "references-1280")


def test_the_first_tab_reaches_a_visible_skip_link(browser, site):
    page = open_page(browser, f"{site}/seasons/{SEED_SLUG}/", PHONE)

    page.keyboard.press("Tab")

    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "keyboard focus must be visible"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/", "home"),
        (f"/seasons/{SEED_SLUG}/timeline/", "timeline"),
        ("/search/?q=jones", "search"),
    ],
)
def test_every_public_page_fits_a_phone_and_a_desktop(browser, site, path, name):
    for label, viewport in (("375", PHONE), ("1280", DESKTOP)):
        page = open_page(browser, f"{site}{path}", viewport)
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("main#content")).to_be_visible()
        assert not page_overflows(page), f"{path} is wider than {label} px"
        screenshot(page, f"{name}-{label}")


@pytest.fixture
def edited_site(site, django_user_model):
    """The live site after some revisions: an editor's edits, an import's, a deletion (made
    before Chromium starts, see tests/browser.py)."""
    season = Season.objects.get(slug=SEED_SLUG)
    editor = django_user_model.objects.create_user("editor", password="an-editor-password")
    editor_actor = services.Actor.editor(editor, via="admin")
    edit_history(season, editor_actor)
    importer = services.Actor.importer("seeds/jessica-jones-season-2.txt")
    accolade = season.accolades.order_by("id").first()
    services.content_save(instance=accolade, actor=importer, fields={"result": "won"})
    services.content_delete(instance=season.events.order_by("id").last(), actor=editor_actor)
    return site


def test_recent_changes_fit_a_phone_and_a_desktop_and_lead_to_what_changed(browser, edited_site):
    for label, viewport in (("375", PHONE), ("1280", DESKTOP)):
        page = open_page(browser, f"{edited_site}/changes/", viewport)
        expect(page.locator("h1")).to_have_text("Recent changes")
        expect(page.locator("ol.changes > li")).to_have_count(9)
        assert not page_overflows(page), f"/changes/ is wider than {label} px"
        screenshot(page, f"changes-{label}")
    home = open_page(browser, f"{edited_site}/", PHONE)
    assert not page_overflows(home)
    screenshot(home, "home-changes-375")

    section = page.locator(".changed-objects li", has_text="section").locator("a").first
    section.click()

    expect(page).to_have_url(re.compile(rf"/seasons/{SEED_SLUG}/#[a-z-]+$"))
    expect(page.locator(":target")).to_be_in_viewport()


def test_an_unknown_page_is_a_styled_404(browser, site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()

    response = page.goto(f"{site}/seasons/no-such-season/")

    assert response.status == 404
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("a.skip-link")).to_have_count(1)
    screenshot(page, "not-found-375")
