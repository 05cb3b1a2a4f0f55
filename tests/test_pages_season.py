"""The season article: every section of the page, read from the seed content."""

import datetime
from http import HTTPStatus
from itertools import pairwise

import pytest
from django.utils import timezone

from catalog.models import Credit, Episode, Reference, Season, Section
from tests.factories import CreditFactory, PersonFactory, SeasonFactory, SectionFactory
from tests.pages import SEASON_URL, TIMELINE_URL, get_page, text, texts
from tests.seed import COVER_ARTISTS, GUEST_CAST, MAIN_CAST, RECURRING_CAST

pytestmark = pytest.mark.django_db

REFERENCE_NUMBERS = [6, 8, 10, 11, 12, 13, 15, 24, 25, 28, 33, 42, 47, 50, 51, 57, 60, 61]


@pytest.fixture
def page(client, season):
    return get_page(client, SEASON_URL)


def test_the_page_has_one_h1_a_skip_link_first_and_landmarks(page):
    assert texts(page.find_all("h1")) == ["Jessica Jones season 2"]
    first = page.body.find(True)
    assert first.name == "a"
    assert first["class"] == ["skip-link"]
    assert first["href"] == "#content"
    assert page.select_one("main")["id"] == "content"
    for landmark in ("header", "nav", "main", "footer"):
        assert page.find(landmark) is not None, landmark


def test_headings_never_skip_a_level(page):
    levels = [int(h.name[1]) for h in page.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1
    for before, after in pairwise(levels):
        assert after <= before + 1, levels


def infobox_header_css(page):
    """The season's colours: a <style> in the head (no style attribute: the CSP has none)."""
    (style,) = page.head.select("style")
    return " ".join(style.string.split())


def test_the_infobox_header_uses_the_season_colour_with_readable_text(page):
    title = page.select_one("table.infobox .infobox-title")
    assert text(title) == "Jessica Jones season 2"
    assert infobox_header_css(page) == (
        ".infobox .infobox-title { background-color: #412304; color: #ffffff; }"
    )


def test_a_light_season_colour_gets_dark_header_text(client):
    season = SeasonFactory(background_color="#FFFF00")
    page = get_page(client, season.get_absolute_url())
    assert infobox_header_css(page) == (
        ".infobox .infobox-title { background-color: #ffff00; color: #000000; }"
    )


def test_the_infobox_lists_the_season_facts(page):
    rows = {text(row.th): row.td for row in page.select("table.infobox tr") if row.td}
    assert text(rows["Showrunner"]) == "Melissa Rosenberg"
    assert rows["Showrunner"].a["href"] == "/people/melissa-rosenberg/"
    starring = rows["Starring"].find_all("a")
    assert texts(starring) == [name for name, _ in MAIN_CAST]
    assert starring[0]["href"] == "/people/krysten-ritter/"
    assert text(rows["No. of episodes"]) == "13"
    assert text(rows["Network"]) == "Netflix"
    assert text(rows["Released"]) == "March 8, 2018"
    assert rows["Released"].time["datetime"] == "2018-03-08"
    assert text(rows["Episode list"]) == "List of Jessica Jones episodes"


def test_the_lead_comes_first(page, season):
    paragraphs = texts(page.select("article.article > p"))
    assert paragraphs[1].startswith("The second season of the American television series")
    assert paragraphs[3].endswith("A third season of Jessica Jones was ordered on April 12, 2018.")


def test_the_contents_list_every_heading_in_article_order(page, season):
    toc = page.select_one('nav#toc[aria-label="Contents"]')
    targets = [a["href"] for a in toc.find_all("a")]
    anchors = list(season.sections.order_by("position").values_list("anchor", flat=True))
    # The article's headings in order, the production timeline under Production, References.
    expected = [*anchors[:12], "timeline", *anchors[12:], "references"]
    assert targets == [f"#{anchor}" for anchor in expected]
    for target in targets:
        assert page.find(id=target[1:]) is not None, target


def test_prose_sections_come_in_article_order_with_their_text(page, season):
    ids = [h["id"] for h in page.select("article section > h2, article section > h3")]
    anchors = list(season.sections.order_by("position").values_list("anchor", flat=True))
    assert [i for i in ids if i in anchors] == anchors
    development = page.find(id="development").parent
    assert "On January 17, 2016, Netflix ordered a second season of 13 episodes." in text(
        development
    )


def test_citation_superscripts_link_to_the_numbered_references(page):
    sups = page.select("sup.reference")
    assert len(sups) == 20  # one per citation of the seed
    ids = [sup["id"] for sup in sups]
    assert len(set(ids)) == len(ids)
    for sup in sups:
        number = sup["id"].split("-")[2]
        assert sup.a["href"] == f"#cite-note-{number}"
        assert text(sup) == f"[{number}]"
        assert page.find(id=f"cite-note-{number}") is not None


def test_a_citation_stands_where_the_cited_words_end(page):
    sup = page.find(id="cite-ref-24-1")
    assert sup.previous_sibling.endswith("the pilot for the ABC series, Conviction.")
    assert text(sup) == "[24]"


def test_a_reference_cited_twice_gets_two_numbered_markers(page):
    assert page.find(id="cite-ref-33-1") is not None
    assert page.find(id="cite-ref-33-2") is not None
    backlinks = page.find(id="cite-note-33").select("a[href^='#cite-ref-']")
    assert [a["href"] for a in backlinks] == ["#cite-ref-33-1", "#cite-ref-33-2"]


def test_references_are_numbered_and_show_only_the_number_until_filled(page):
    section = page.select_one("section#references")
    items = section.select("ol.references > li")
    assert [li["id"] for li in items] == [f"cite-note-{n}" for n in REFERENCE_NUMBERS]
    assert [int(li["value"]) for li in items] == REFERENCE_NUMBERS
    assert section.select(".reference-details") == []


def test_reference_details_show_where_editors_filled_them(client, season):
    Reference.objects.filter(season=season, number=24).update(
        title="Jessica Jones season 2 adds a writer",
        url="https://example.com/jj",
        publisher="Deadline",
        published=datetime.date(2016, 9, 1),
    )
    page = get_page(client, SEASON_URL)
    details = page.find(id="cite-note-24").select_one(".reference-details")
    assert text(details) == "Jessica Jones season 2 adds a writer . Deadline . September 1, 2016 ."
    assert details.a["href"] == "https://example.com/jj"
    assert page.find(id="cite-note-25").select_one(".reference-details") is None


def test_cast_comes_in_three_groups_in_billing_order(page):
    cast = page.select_one("section#cast")
    main = cast.select("ul#main-cast > li")
    assert [(text(li.a), li.select_one(".character").get_text()) for li in main] == MAIN_CAST
    assert main[0].a["href"] == "/people/krysten-ritter/"
    for list_id, group in (("recurring-cast", RECURRING_CAST), ("guest-cast", GUEST_CAST)):
        items = texts(cast.select(f"ul#{list_id} > li"))
        assert items == [f"{name} as {character}" for name, character in group]
    for li in cast.select("li"):
        assert li.a["href"].startswith("/people/")
    headings = texts(cast.select("h3"))
    assert headings == ["Main", "Recurring", "Notable guests"]


def test_the_episodes_table_marks_untitled_episodes_and_links_cover_artists(client, season):
    Episode.objects.filter(season=season, number=2).update(title="AKA Freak Accident")
    page = get_page(client, SEASON_URL)
    rows = page.select("table.episodes tbody tr")
    assert [text(row.th) for row in rows] == [str(n) for n in range(1, 14)]
    titles = [text(row.find_all("td")[0]) for row in rows]
    assert titles[0] == "Untitled"
    assert titles[1] == "“AKA Freak Accident”"
    artists = [row.find_all("td")[1].a for row in rows]
    assert texts(artists) == COVER_ARTISTS
    assert artists[0]["href"] == "/people/stephanie-hans/"


def test_a_short_production_timeline_links_to_the_full_one(page):
    production = page.find(id="production").parent
    events = texts(production.select("ol.short-timeline > li"))
    assert len(events) == 6
    assert events[0].startswith("January 2015 Development In January 2015, Netflix COO")
    assert events[1].startswith("July 2015 Development")
    links = page.select(f'a[href="{TIMELINE_URL}"]')
    assert len(links) == 1
    assert links[0].find_parent("section") is not None


def test_reception_shows_the_aggregators(page):
    rows = {text(row.th): text(row.td) for row in page.select("table.ratings tbody tr")}
    assert rows["Rotten Tomatoes"] == (
        "82% , average rating 7.00/10 , based on 89 reviews Consensus: “While Jessica Jones "
        "is a slower burn with less focus than its inaugural season, its enticing new "
        "character arc more fully details the most charismatic Defender.”"
    )
    assert rows["Metacritic"] == (
        "70 out of 100 , based on 19 reviews Consensus: “generally favorable”"
    )


def test_reception_lists_the_critics_reviews(page):
    reviews = page.select("ul.reviews > li.review")
    by = texts(r.select_one(".review-by") for r in reviews)
    assert by == [
        "Collider , Allison Keene",
        "IndieWire , Liz Shannon Miller",
        "Digital Spy , Jo Berry",
        "The Washington Post , David Betancourt",
        "Polygon , Susana Polo",
    ]
    ratings = [text(r.select_one(".review-facts dd")) for r in reviews]
    assert ratings == ["4 out of 5 stars", "B", "None given", "None given", "None given"]
    verdicts = texts(r.select_one(".sentiment") for r in reviews)
    assert verdicts == ["Positive", "Positive", "Positive", "Mixed", "Negative"]
    assert text(reviews[3].blockquote) == "“lacks shock value”"
    assert reviews[0].select_one(".review-by a")["href"] == "/people/allison-keene/"
    assert "Reviewed First five episodes" in text(reviews[0])


def test_accolades_show_an_unknown_result_as_unknown(page):
    rows = page.select("table.accolades tbody tr")
    assert [texts(row.find_all("td")) for row in rows] == [
        [
            "2018",
            "Primetime Creative Arts Emmy Awards",
            "Outstanding Music Composition for a Series (Original Dramatic Score)",
            "Sean Callery",
            "Unknown",
        ]
    ]
    assert rows[0].a["href"] == "/people/sean-callery/"


def test_the_page_says_when_its_content_last_changed(client, season):
    later = timezone.make_aware(datetime.datetime(2031, 1, 2, 12, 0))
    Credit.objects.filter(season=season, character="Kilgrave").update(updated_at=later)
    page = get_page(client, SEASON_URL)
    assert text(page.select_one(".last-changed")) == (
        "This page’s content was last changed on January 2, 2031 ."
    )


def test_a_draft_season_and_an_unknown_slug_are_not_found(client, season):
    Season.objects.filter(pk=season.pk).update(status=Season.Status.DRAFT)
    get_page(client, SEASON_URL, status=HTTPStatus.NOT_FOUND)
    get_page(client, "/seasons/no-such-season/", status=HTTPStatus.NOT_FOUND)


def test_a_season_without_article_headings_still_shows_everything(client):
    season = SeasonFactory()
    CreditFactory(season=season, billing=Credit.Billing.GUEST, character="A guest")
    page = get_page(client, season.get_absolute_url())
    assert texts(page.select("section#cast > h2")) == ["Cast and characters"]
    assert len(page.select("ul#guest-cast > li")) == 1
    assert page.select("ul#main-cast") == []
    assert len(page.select(f'a[href="{season.get_timeline_url()}"]')) == 1


def test_names_and_text_with_markup_show_as_text(client, season):
    person = PersonFactory(name="<script>alert(1)</script>", slug="script-person")
    CreditFactory(season=season, person=person, billing=Credit.Billing.GUEST, character="<b>X</b>")
    SectionFactory(season=season, position=99, title="<i>Odd</i>", body="<img src=x onerror=1>")
    response = client.get(SEASON_URL)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>X</b>" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=1&gt;" in html


def test_section_headings_deeper_than_their_parent_do_not_skip_levels(client):
    season = SeasonFactory()
    SectionFactory(season=season, position=1, level=2, title="Top")
    SectionFactory(season=season, position=2, level=4, title="Deep")
    page = get_page(client, season.get_absolute_url())
    assert page.find(id="top").name == "h2"
    assert page.find(id="deep").name == "h3"
    assert Section.objects.get(season=season, title="Deep").level == 4
