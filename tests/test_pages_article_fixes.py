"""The season page's cast headings and anchors, read from the rendered page.

- Cast groups go under the article's headings as the vocabulary names them (the importer's
  words), and the page invents a heading only for a group that has credits and no heading.
- Stored section anchors are the page's ids as they are, so a section's link finds it; only
  headings the page adds get a generated anchor, and no id repeats.
"""

import pytest

from catalog.models import Credit
from tests.factories import (
    CreditFactory,
    EventFactory,
    ReferenceFactory,
    SeasonFactory,
    SectionFactory,
)
from tests.pages import get_page, text, texts

pytestmark = pytest.mark.django_db


def assert_ids_unique(page):
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def heading_section(page, anchor):
    """The <section> a heading with this id opens."""
    return page.find(id=anchor).find_parent("section")


def test_cast_groups_go_under_the_articles_own_headings_by_their_words(client):
    season = SeasonFactory()
    SectionFactory(season=season, position=1, level=2, title="Cast and characters", body="")
    SectionFactory(season=season, position=2, level=3, title="Series regulars", body="")
    SectionFactory(season=season, position=3, level=3, title="Notable guest stars", body="")
    CreditFactory(season=season, billing=Credit.Billing.MAIN, character="Lead")
    CreditFactory(season=season, billing=Credit.Billing.MAIN, character="Partner")
    CreditFactory(season=season, billing=Credit.Billing.GUEST, character="Visitor")

    page = get_page(client, season.get_absolute_url())

    cast = page.select_one("section#cast")
    assert text(cast.find("h2")) == "Cast and characters"
    assert texts(cast.select("h3")) == ["Series regulars", "Notable guest stars"]
    regulars = heading_section(page, "series-regulars")
    assert [text(li.select_one(".character")) for li in regulars.select("ul#main-cast > li")] == [
        "Lead",
        "Partner",
    ]
    guests = heading_section(page, "notable-guest-stars")
    assert texts(guests.select("ul#guest-cast .character")) == ["Visitor"]
    # Nothing invented: no Main, Recurring or Notable guests heading, no empty list.
    assert page.select("ul#recurring-cast") == []
    assert "No one is listed here yet." not in text(page)
    toc = texts(page.select("nav#toc a"))
    assert toc[:3] == ["Cast and characters", "Series regulars", "Notable guest stars"]
    for invented in ("Main", "Recurring", "Notable guests"):
        assert invented not in toc
    assert_ids_unique(page)


def test_a_references_section_keeps_its_stored_anchor_beside_the_references_list(client):
    season = SeasonFactory()
    SectionFactory(season=season, position=1, title="Production", body="Made in 2017.")
    ReferenceFactory(season=season, number=1)
    references = SectionFactory(
        season=season,
        position=2,
        title="References",
        anchor="references-2",
        body="Further reading on the season.[1]",
    )

    page = get_page(client, season.get_absolute_url())

    heading = page.find(id="references-2")
    assert heading.name == "h2"
    assert text(heading) == "References"
    assert references.get_absolute_url().endswith("#references-2")
    assert f"#{references.get_absolute_url().split('#')[1]}" in [
        a["href"] for a in page.select("nav#toc a")
    ]
    assert "Further reading on the season." in text(heading_section(page, "references-2"))
    # The page's own References list keeps its id.
    assert page.select_one("#references").name == "section"
    assert page.select_one("section#references ol.references > li#cite-note-1") is not None
    assert_ids_unique(page)


def test_a_heading_the_page_adds_never_takes_a_stored_anchor(client):
    # The page adds a "Timeline" under Production; the article has its own, later.
    season = SeasonFactory()
    EventFactory(season=season)  # a season with events gets the short timeline
    SectionFactory(season=season, position=1, level=2, title="Production", body="Filmed.")
    timeline = SectionFactory(
        season=season, position=2, level=2, title="Timeline", body="The article's own dates."
    )

    page = get_page(client, season.get_absolute_url())

    assert timeline.get_absolute_url().endswith("#timeline")
    assert text(heading_section(page, "timeline")) == "Timeline The article's own dates."
    added = heading_section(page, "timeline-2")
    assert text(added.find("h3")) == "Timeline"
    assert added.select_one(f'a[href="{season.get_timeline_url()}"]') is not None
    assert heading_section(page, "production").find(id="timeline-2") is not None
    assert_ids_unique(page)


def test_a_legacy_stored_anchor_that_the_page_reserves_gets_a_unique_id(client):
    # Section.clean() refuses it now; a row saved before that still renders without clashing.
    season = SeasonFactory()
    SectionFactory(season=season, position=1, title="Contents notes", anchor="toc-heading")

    page = get_page(client, season.get_absolute_url())

    assert text(page.find(id="toc-heading")) == "Contents"
    assert text(page.find(id="toc-heading-2")) == "Contents notes"
    assert "#toc-heading-2" in [a["href"] for a in page.select("nav#toc a")]
    assert_ids_unique(page)
