"""Text direction: a name or a character holding an unclosed RIGHT-TO-LEFT OVERRIDE (U+202E)
reverses only itself. The public pages, the admin's history and diff isolate it in <bdi> (a
prose paragraph by dir="auto"), the feed and the plain-text labels between FSI and PDI; its
controls are closed before the isolate ends (catalog.plumbing.bidi)."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from catalog.models import Credit, Revision
from catalog.plumbing import bidi
from tests.admin_forms import admin_url
from tests.pages import SEASON_URL

pytestmark = pytest.mark.django_db

RLO, PDF, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"
NAME = f"Krysten {RLO}Ritter"
CHARACTER = f"Jessica {RLO}Jones"
ATOM = "{http://www.w3.org/2005/Atom}"


def isolated_in_html(html):
    """Every text holding the override, on a page: sits in <bdi>, in an element whose
    direction is its own (dir="auto") or between FSI and PDI, with the override closed within
    it. Text that is not
    markup (<title>) is checked as plain text; JSON-LD is data, kept as stored. Returns how
    many."""
    soup = BeautifulSoup(html, "html.parser")
    found = 0
    for node in soup.find_all(string=lambda s: RLO in s):
        if node.parent.name == "script":
            continue
        if node.parent.name == "title":
            assert_isolated_text(str(node))
        else:
            isolate = next(
                (p for p in node.parents if p.name == "bdi" or p.get("dir") == "auto"), None
            )
            if isolate is None:  # a plain-text isolate (FSI … PDI) within the text
                assert_isolated_text(str(node))
            else:
                assert bidi.balance(isolate.get_text()) == isolate.get_text(), isolate
        found += 1
    return found


def assert_isolated_text(value):
    """In plain text, each override is inside FSI … PDI and closed before that PDI."""
    assert bidi.balance(value) == value, repr(value)
    depth = 0
    for ch in value:
        depth += ch == FSI
        depth -= ch == PDI
        if ch == RLO:
            assert depth > 0, repr(value)


@pytest.fixture
def credit(season):
    return Credit.objects.filter(season=season, billing="main").exclude(character="").first()


@pytest.fixture
def reversed_names(save, credit):
    person = credit.person
    save(person, name=NAME)
    save(credit, character=CHARACTER)
    return person, credit


def test_balancing_closes_what_is_open_and_drops_what_closes_nothing():
    assert bidi.balance(f"a{RLO}b") == f"a{RLO}b{PDF}"
    assert bidi.balance(f"a{PDI}{RLO}b") == f"a{RLO}b{PDF}"
    assert bidi.balance(f"{FSI}a{RLO}b{PDI}c") == f"{FSI}a{RLO}b{PDF}{PDI}c"
    assert bidi.balance(f"{FSI}{PDF}x") == f"{FSI}x{PDI}"
    assert bidi.isolate("Jessica Jones") == "Jessica Jones"
    assert bidi.isolate(f"a{RLO}b") == f"{FSI}a{RLO}b{PDF}{PDI}"
    assert str(bidi.bdi("<b>")) == "&lt;b&gt;"
    assert str(bidi.bdi(f"<{RLO}")) == f"<bdi>&lt;{RLO}{PDF}</bdi>"


def test_the_season_and_person_pages_isolate_a_name_and_a_character(client, reversed_names):
    person, _ = reversed_names
    season_html = client.get(SEASON_URL).content.decode()
    assert f'<bdi>{NAME}{PDF}</bdi></a> as <span class="character"><bdi>' in season_html
    assert isolated_in_html(season_html) >= 2
    person_html = client.get(person.get_absolute_url()).content.decode()
    assert f"<h1><bdi>{NAME}{PDF}</bdi></h1>" in person_html
    # The opening sentence names the character: isolated within it, the sentence goes on.
    assert f"plays {FSI}{CHARACTER}{PDF}{PDI} in" in person_html
    assert isolated_in_html(person_html) >= 3


def test_changes_and_the_feed_isolate_the_labels(client, reversed_names):
    changes_html = client.get("/changes/").content.decode()
    assert isolated_in_html(changes_html) >= 2
    root = ET.fromstring(client.get("/changes/feed/").content)
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    summaries = [e.findtext(f"{ATOM}summary") for e in root.findall(f"{ATOM}entry")]
    reversed_ = [t for t in titles + summaries if RLO in t]
    assert len(reversed_) >= 4
    for value in reversed_:
        assert_isolated_text(value)
    # The credit's label: the name and the character, each its own isolate.
    assert any(f"{FSI}{NAME}{PDF}{PDI} as {FSI}{CHARACTER}{PDF}{PDI}" in t for t in titles)


def test_the_admin_history_and_diff_isolate_them(editor_admin, season, reversed_names):
    person, credit = reversed_names
    for url in (
        admin_url(type(person), "history", person.pk),
        admin_url(type(season), "history", season.pk),
        admin_url(type(person), "compare", person.pk),
        admin_url(Credit, "compare", credit.pk),
    ):
        html = editor_admin.get(url).content.decode()
        assert isolated_in_html(html) >= 1, url
    revision = Revision.objects.order_by("-pk").first()
    html = editor_admin.get(reverse("admin-revision", args=[revision.pk])).content.decode()
    assert isolated_in_html(html) >= 1
