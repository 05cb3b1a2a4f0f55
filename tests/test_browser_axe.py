"""Every kind of public page passes axe-core, the accessibility checker, in Chromium.

axe-core is the npm package pinned in package.json and package-lock.json; `make test`
installs it into node_modules/ (`make axe`: `npm ci`), as it installs Chromium. Each page is
opened at 375 px and at 1280 px, axe's source is evaluated in it by Playwright, and axe runs
the WCAG 2.0, 2.1 and 2.2 A and AA rules and its best practices over the whole document. A
failure lists each violation: the rule, its impact, its help text and address, and every
element it found with axe's summary of what to fix.

Unlike the other browser tests, the pages are opened with JavaScript on: axe schedules its
checks with timers, which a page with scripts switched off never runs (axe.run would never
settle). The pages themselves carry no script (their CSP is script-src 'none'), so they are
the same pages a reader without JavaScript gets. axe is not loaded by a <script> tag, which
that CSP would refuse: Playwright evaluates its source through the DevTools protocol.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from catalog.content import services
from catalog.models import Season
from tests.browser import DESKTOP, PHONE
from tests.factories import edit_history
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(os.environ.get("AXE_CORE", Path(settings.BASE_DIR) / "node_modules/axe-core/axe.min.js"))
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The rules' results, each violation with its elements; and which rules ran at all.
RUN_AXE = """
options => axe.run(document, options).then(results => ({
  violations: results.violations.map(rule => ({
    id: rule.id,
    impact: rule.impact,
    help: rule.help,
    helpUrl: rule.helpUrl,
    nodes: rule.nodes.map(node => ({
      target: node.target.join(' '),
      summary: node.failureSummary || '',
    })),
  })),
  ran: [...results.passes, ...results.incomplete, ...results.violations].map(rule => rule.id),
}))
"""

PAGES = {
    "home": "/",
    "season": f"/seasons/{SEED_SLUG}/",
    "timeline": f"/seasons/{SEED_SLUG}/timeline/",
    "person": "/people/krysten-ritter/",
    "search": "/search/?q=jones",
    "search-nothing-found": "/search/?q=nobody",
    "changes": "/changes/",
    "not-found": "/seasons/no-such-season/",
}


@pytest.fixture(scope="module")
def axe_source():
    assert AXE.exists(), f"{AXE} is missing: `make test` (or `make axe`) installs axe-core"
    return AXE.read_text(encoding="utf-8")


def open_page(browser, url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(60_000)
    response = page.goto(url)
    assert response.status in (200, 404), f"{url} answered {response.status}"
    return page


def run_axe(page, axe_source):
    """axe's findings on the page as it is now: {"violations": [...], "ran": [rule ids]}."""
    page.evaluate(axe_source)
    return page.evaluate(RUN_AXE, {"runOnly": {"type": "tag", "values": RULE_TAGS}})


def report(found):
    """The violations, width by width: a line a rule, then each element and what to fix."""
    lines = []
    for width, violations in found.items():
        for rule in violations:
            lines.append(
                f"{width} px: {rule['id']} ({rule['impact']}, {len(rule['nodes'])} found): "
                f"{rule['help']} {rule['helpUrl']}"
            )
            for node in rule["nodes"]:
                lines.append(f"    {node['target']}")
                lines.extend(f"      {line}" for line in node["summary"].splitlines())
    return "\n".join(lines)


@pytest.fixture
def edited_site(site, django_user_model):
    """The live site with some history, so that /changes/ and the home page list changes."""
    season = Season.objects.get(slug=SEED_SLUG)
    editor = django_user_model.objects.create_user("editor", password="an-editor-password")
    editor_actor = services.Actor.editor(editor, via="admin")
    edit_history(season, editor_actor)
    services.content_delete(instance=season.events.order_by("id").last(), actor=editor_actor)
    return site


@pytest.mark.parametrize("name", PAGES)
def test_every_public_page_passes_axe_on_a_phone_and_a_desktop(
    browser, edited_site, axe_source, name
):
    found = {}
    for viewport in (PHONE, DESKTOP):
        results = run_axe(open_page(browser, edited_site + PAGES[name], viewport), axe_source)
        # axe really looked: the rules issue 24 found broken ran on this page.
        assert {"link-in-text-block", "color-contrast", "region"} <= set(results["ran"])
        found[viewport["width"]] = results["violations"]
    if any(found.values()):
        pytest.fail(f"axe-core on {PAGES[name]}:\n{report(found)}", pytrace=False)


def test_axe_reports_what_it_finds(browser, site, axe_source):
    """The check can fail: a link told from its text by colour alone, as the pages had."""
    page = open_page(browser, f"{site}/", DESKTOP)
    page.evaluate(
        """() => {
          const paragraph = document.querySelector('main p');
          paragraph.insertAdjacentHTML('beforeend', ' <a href="/" id="bare">a bare link</a>');
          document.getElementById('bare').style.textDecoration = 'none';
        }"""
    )
    violations = run_axe(page, axe_source)["violations"]
    found = {rule["id"]: rule for rule in violations}
    assert set(found) == {"link-in-text-block"}, report({DESKTOP["width"]: violations})
    assert [node["target"] for node in found["link-in-text-block"]["nodes"]] == ["#bare"]
    assert "1280 px: link-in-text-block (serious, 1 found)" in report({1280: violations})
