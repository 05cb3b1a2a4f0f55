"""Text direction in a real browser (Debian's Chromium): a name and a character each holding
an unclosed RIGHT-TO-LEFT OVERRIDE reverse only themselves. The words the page writes after
them stay where a reader of the line expects them, to the right. Screenshots go where
tests/browser.py says."""

import pytest
from django.contrib.auth.models import User

from catalog.content import services
from catalog.models import Credit
from tests.browser import DESKTOP, save_screenshot
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)

RLO = "\u202e"

# The boxes of a cast line's parts, left to right on screen: the name, " as ", the character.
PARTS = """li => {
  const box = node => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()];
    return {left: Math.min(...rects.map(r => r.left)), right: Math.max(...rects.map(r => r.right)),
            top: Math.min(...rects.map(r => r.top))};
  };
  const link = li.querySelector("a");
  const as = link.nextSibling;  // the text " as "
  const character = li.querySelector(".character");
  return {
    name: box(link), as: box(as), character: box(character),
    isolation: link.querySelector("bdi") && getComputedStyle(link.querySelector("bdi")).unicodeBidi,
  };
}"""


def test_a_reversed_name_does_not_reverse_the_rest_of_its_line(browser, site):
    editor = User.objects.create_user("editor", password="an-editor-password")
    actor = services.Actor.editor(editor, via="admin")
    credit = (
        Credit.objects.filter(season__slug=SEED_SLUG, billing="main").exclude(character="").first()
    )
    services.content_save(
        instance=credit.person, actor=actor, fields={"name": f"Krysten {RLO}Ritter"}
    )
    services.content_save(instance=credit, actor=actor, fields={"character": f"Jessica {RLO}Jones"})

    page = browser.new_context(viewport=DESKTOP).new_page()
    assert page.goto(f"{site}/seasons/{SEED_SLUG}/").status == 200
    line = page.locator("ul.cast-list li", has_text="Ritter").first
    parts = line.evaluate(PARTS)
    # Same line; the name, then " as ", then the character, left to right.
    assert parts["name"]["top"] == parts["as"]["top"] == parts["character"]["top"]
    assert parts["name"]["right"] <= parts["as"]["left"] + 0.5
    assert parts["as"]["right"] <= parts["character"]["left"] + 0.5
    assert parts["isolation"] == "isolate"
    save_screenshot(line, "text-direction-cast-line")

    # The person page's opening sentence goes on after the character: "… in Jessica Jones …".
    assert page.goto(site + credit.person.get_absolute_url()).status == 200
    intro = page.locator("p.introduction")
    order = intro.evaluate(
        """p => {
          const text = p.firstChild, at = s => text.data.indexOf(s);
          const left = (start, end) => {
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, end);
            return range.getBoundingClientRect().left;
          };
          const plays = at("plays"), season = at(" in Jessica Jones season");
          return [left(plays, plays + 5), left(season + 1, season + 3)];
        }"""
    )
    assert order[0] < order[1]
    save_screenshot(intro, "text-direction-person-introduction")
