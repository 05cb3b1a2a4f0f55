"""The season article in a real browser (Debian's Chromium, JavaScript off): its references,
its ratings table, its wide tables on a phone, its citation markers at the end of a line, and
its printed form. Screenshots go where tests/browser.py says."""

import datetime

import pytest
from playwright.sync_api import expect

from catalog.content import services
from catalog.models import Reference
from tests.browser import DESKTOP, PHONE, save_screenshot
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)

SEASON_PATH = f"/seasons/{SEED_SLUG}/"


def open_season(browser, site, viewport, media="screen"):
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    page.emulate_media(media=media)
    response = page.goto(site + SEASON_PATH)
    assert response.status == 200
    return page


def test_references_say_their_details_are_not_recorded_and_link_back_to_each_marker(browser, site):
    page = open_season(browser, site, DESKTOP)
    references = page.locator("#references")
    expect(references.locator(".references-note")).to_contain_text("skipped")
    note = page.locator("#cite-note-33")
    expect(note).to_contain_text("Details not recorded yet.")
    backlinks = note.locator(".backlinks a")
    expect(backlinks).to_have_text(["a", "b"])

    # The second backlink goes to the second place the text cites it.
    backlinks.nth(1).click()
    assert page.url.endswith("#cite-ref-33-2")
    expect(page.locator("#cite-ref-33-2")).to_be_in_viewport()
    # And the marker goes back down to the reference.
    page.locator("#cite-ref-33-2 a").click()
    assert page.url.endswith("#cite-note-33")
    expect(note).to_be_in_viewport()
    save_screenshot(references, "season-references-1280")


def test_a_reference_with_details_shows_them_as_a_linked_citation(browser, site, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="an-editor-password")
    reference = Reference.objects.get(season__slug=SEED_SLUG, number=24)
    services.content_save(
        instance=reference,
        actor=services.Actor.editor(editor, via="admin"),
        fields={
            "title": "Raelle Tucker joins Jessica Jones",
            "url": "https://example.com/tucker",
            "publisher": "Deadline",
            "published": datetime.date(2016, 9, 1),
        },
    )
    page = open_season(browser, site, DESKTOP)
    note = page.locator("#cite-note-24")
    expect(note.locator(".reference-details")).to_have_text(
        "“Raelle Tucker joins Jessica Jones”. Deadline. September 1, 2016."
    )
    expect(note.locator("a.external")).to_have_attribute("href", "https://example.com/tucker")
    expect(note.locator(".reference-unrecorded")).to_have_count(0)
    expect(page.locator("#cite-note-25 .reference-unrecorded")).to_be_visible()


def test_reception_opens_with_a_ratings_table_then_the_prose(browser, site):
    page = open_season(browser, site, DESKTOP)
    reception = page.locator("section:has(> #reception)")
    aggregates = reception.locator("table.aggregate-ratings")
    expect(aggregates.locator("thead th")).to_have_text(
        ["Aggregator", "Score", "Average rating", "Reviews counted", "Summary"]
    )
    metacritic = aggregates.locator("tbody tr", has_text="Metacritic")
    expect(metacritic).to_contain_text("Verdict: “generally favorable”")
    expect(metacritic).not_to_contain_text("Consensus")
    critics = reception.locator("table.critic-ratings")
    expect(critics.locator("tbody tr")).to_have_count(5)
    expect(critics.locator("tbody tr").first).to_contain_text("4 out of 5 stars")
    # The table comes before the "Critical response" prose, and no review card repeats it.
    table_bottom = critics.bounding_box()["y"] + critics.bounding_box()["height"]
    assert page.locator("#critical-response").bounding_box()["y"] > table_bottom
    expect(page.locator("li.review")).to_have_count(0)
    save_screenshot(reception.locator(".table-scroll").first, "season-ratings-1280")


CELLS_OUTSIDE = """
(viewportWidth) => [...document.querySelectorAll('article table.wikitable')].flatMap(table =>
  [...table.querySelectorAll('tbody th, tbody td')].filter(cell => {
    const box = cell.getBoundingClientRect();
    return box.left < 0 || box.right > viewportWidth + 0.5;
  }).map(cell => table.className + ': ' + cell.textContent.trim())
)
"""

SCROLLERS_HIDING_COLUMNS = """
() => [...document.querySelectorAll('.table-scroll')]
  .filter(box => box.scrollWidth > box.clientWidth + 1 && !box.classList.contains('scrolls'))
  .map(box => box.querySelector('table').className)
"""

# Each stacked cell shows its column's name, with an empty alternative text: a screen reader
# has the column header already, and reads the name once.
UNLABELLED_STACKED_CELLS = """
() => [...document.querySelectorAll('table.stack tbody td, table.stack tbody th[data-label]')]
  .filter(cell => getComputedStyle(cell, '::before').content !== `"${cell.dataset.label}" / ""`)
  .map(cell => cell.textContent.trim())
"""


def test_on_a_phone_every_column_of_the_wide_tables_is_in_view_and_labelled(browser, site):
    page = open_season(browser, site, PHONE)
    for table in ("accolades", "aggregate-ratings", "critic-ratings", "episodes"):
        expect(page.locator(f"table.{table}")).to_be_visible()
    assert page.evaluate(CELLS_OUTSIDE, PHONE["width"]) == []
    assert page.evaluate(SCROLLERS_HIDING_COLUMNS) == []
    assert page.evaluate(UNLABELLED_STACKED_CELLS) == []
    # The accolade's result, once hidden off to the right, is read beside its label.
    result = page.locator("table.accolades td[data-label=Result]")
    result.scroll_into_view_if_needed()
    expect(result).to_be_in_viewport(ratio=1)
    expect(result).to_have_text("Unknown")
    accolades = page.locator("table.accolades").aria_snapshot()
    assert '- cell "2018"' in accolades
    assert '- rowheader "Primetime Creative Arts Emmy Awards"' in accolades
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    save_screenshot(page.locator("table.accolades"), "season-accolades-375")
    save_screenshot(page.locator("table.critic-ratings"), "season-critic-ratings-375")


MARKERS_OFF_THEIR_WORD = """
() => [...document.querySelectorAll('sup.reference')].filter(sup => {
  const held = sup.closest('.cited');
  if (!held || !/\\S/.test(held.firstChild.textContent || '')) return true;
  const word = document.createRange();
  word.selectNodeContents(held.firstChild);
  const wordBox = word.getBoundingClientRect(), supBox = sup.getBoundingClientRect();
  // On one line: the marker starts where the word ends, and their boxes overlap vertically.
  return held.getClientRects().length !== 1
    || supBox.top > wordBox.bottom || supBox.bottom < wordBox.top;
}).map(sup => sup.id)
"""


@pytest.mark.parametrize("viewport", [DESKTOP, {"width": 1000, "height": 900}, PHONE])
def test_a_citation_marker_never_starts_a_line_of_its_own(browser, site, viewport):
    page = open_season(browser, site, viewport)
    expect(page.locator("sup.reference")).to_have_count(20)
    assert page.evaluate(MARKERS_OFF_THEIR_WORD) == []


def test_print_shows_the_article_and_its_references_without_the_site_chrome(browser, site):
    page = open_season(browser, site, DESKTOP, media="print")
    for chrome in (".site-header", ".site-footer", "#toc", ".skip-link", ".editor-note"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#references ol.references > li")).to_have_count(18)
    expect(page.locator("#references")).to_be_visible()
    expect(page.locator("table.accolades td[data-label=Result]")).to_be_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
