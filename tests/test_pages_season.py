"""The season article: every section of the page, read from the seed content."""

import datetime
from http import HTTPStatus
from itertools import pairwise

import pytest
from django.utils import timezone

from catalog.models import Credit, Episode, Event, Reference, Season, Section
from tests.factories import (
    CreditFactory,
    EventFactory,
    OutletFactory,
    PersonFactory,
    ReviewFactory,
    SeasonFactory,
    SectionFactory,
)
from tests.pages import SEASON_URL, TIMELINE_URL, get_page, text, texts, words_before
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
    assert words_before(sup).endswith("the pilot for the ABC series, Conviction.")
    assert text(sup) == "[24]"


def test_a_citation_is_held_on_one_line_with_the_word_before_it(page):
    sups = page.select("sup.reference")
    assert len(sups) == 20  # one per citation of the seed
    for sup in sups:
        held = sup.find_parent("span", class_="cited")
        assert held is not None, sup["id"]
    # Two markers together share the word: "2016,[28][33]"-style runs stay one unit.
    held = page.find(id="cite-ref-24-1").parent
    assert held.get_text() == "Conviction.[24]"


def test_a_reference_cited_twice_gets_lettered_backlinks_to_each_marker(page):
    assert page.find(id="cite-ref-33-1") is not None
    assert page.find(id="cite-ref-33-2") is not None
    note = page.find(id="cite-note-33")
    backlinks = note.select(".backlinks a[href^='#cite-ref-']")
    assert [a["href"] for a in backlinks] == ["#cite-ref-33-1", "#cite-ref-33-2"]
    assert texts(backlinks) == ["a", "b"]
    assert text(note.select_one(".backlinks")) == "^ a b"
    # Each is named by the letter it shows first (voice control says "a"), then where it leads.
    assert [a["aria-label"] for a in backlinks] == [
        "a: back to reference 33 in the text, place 1",
        "b: back to reference 33 in the text, place 2",
    ]


def test_a_reference_cited_once_has_one_caret_backlink(page):
    backlink = page.find(id="cite-note-24").select_one("a.backlink")
    assert (text(backlink), backlink["href"]) == ("^", "#cite-ref-24-1")
    assert backlink["aria-label"] == "Back to reference 24 in the text"


def test_every_backlink_and_citation_marker_has_a_name_of_its_own(page):
    backlinks = page.select("#references a.backlink, #references .backlinks a")
    names = [a["aria-label"] for a in backlinks]
    assert len(names) == 20  # one per citation
    assert len(set(names)) == len(names)
    markers = page.select("sup.reference a")
    assert [a["aria-label"] for a in markers] == [
        f"Reference {a['href'].removeprefix('#cite-note-')}" for a in markers
    ]


def test_the_infobox_is_named_by_its_caption_and_the_sections_are_no_landmarks(page):
    infobox = page.select_one("table.infobox")
    assert text(infobox.caption) == "Jessica Jones season 2"
    assert "infobox-title" in infobox.caption["class"]
    assert infobox.select("th[scope=col], th[scope=colgroup]") == []
    # A <section> with a name is a landmark region; the article's sections are not (its
    # headings and the contents are their map), so the landmarks are the page's own regions.
    assert page.select("article section[aria-labelledby], article section[aria-label]") == []


def test_references_keep_the_articles_numbers_and_say_why_they_skip(page):
    section = page.select_one("section#references")
    items = section.select("ol.references > li")
    assert [li["id"] for li in items] == [f"cite-note-{n}" for n in REFERENCE_NUMBERS]
    assert [int(li["value"]) for li in items] == REFERENCE_NUMBERS
    note = text(section.select_one(".references-note"))
    assert "keeps the number it has in the article" in note
    assert "skipped" in note


def test_a_reference_without_details_says_they_are_not_recorded_yet(page):
    items = page.select("ol.references > li")
    assert len(items) == len(REFERENCE_NUMBERS)
    for li in items:
        assert text(li.select_one(".reference-unrecorded")) == "Details not recorded yet."
    assert page.select(".reference-details") == []
    # Visitors get no admin link.
    assert page.select('ol.references a[href^="/admin/"]') == []


def test_editors_get_a_link_to_fill_a_references_details(client, season, editor):
    client.force_login(editor)
    page = get_page(client, SEASON_URL)
    reference = Reference.objects.get(season=season, number=24)
    link = page.find(id="cite-note-24").select_one(".reference-unrecorded a")
    assert link["href"] == f"/admin/catalog/reference/{reference.pk}/change/"


def test_staff_get_only_the_admin_links_their_permissions_open(client, season):
    """A link to a page that would answer 403 is no invitation."""
    from django.contrib.auth.models import Permission, User

    staff = User.objects.create_user("season-only", password="a-staff-password", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_season"))
    client.force_login(staff)
    page = get_page(client, SEASON_URL)
    assert page.select('ol.references a[href^="/admin/"]') == []
    assert page.select_one(".editor-note").a is None


def test_reference_details_show_where_editors_filled_them(client, season):
    Reference.objects.filter(season=season, number=24).update(
        title="Jessica Jones season 2 adds a writer",
        url="https://example.com/jj",
        publisher="Deadline",
        published=datetime.date(2016, 9, 1),
    )
    Reference.objects.filter(season=season, number=25).update(publisher="Variety")
    page = get_page(client, SEASON_URL)
    details = page.find(id="cite-note-24").select_one(".reference-details")
    assert text(details) == (
        "“Jessica Jones season 2 adds a writer” . Deadline . September 1, 2016 ."
    )
    assert details.a["href"] == "https://example.com/jj"
    assert page.find(id="cite-note-24").select_one(".reference-unrecorded") is None
    # Only a publisher: no stray punctuation before it.
    assert text(page.find(id="cite-note-25").select_one(".reference-details")) == "Variety ."


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


def column_headers(table):
    return texts(table.select("thead th"))


def test_the_episodes_table_leaves_out_a_column_no_episode_has(page):
    table = page.select_one("table.episodes")
    # No episode has a title yet: no Title column of thirteen "Untitled" cells.
    assert column_headers(table) == ["No.", "Cover artist"]
    rows = table.select("tbody tr")
    assert [text(row.th) for row in rows] == [str(n) for n in range(1, 14)]
    artists = [row.td.a for row in rows]
    assert texts(artists) == COVER_ARTISTS
    assert artists[0]["href"] == "/people/stephanie-hans/"


def test_one_title_brings_the_title_column_with_the_others_marked_untitled(client, season):
    Episode.objects.filter(season=season, number=2).update(title="AKA Freak Accident")
    page = get_page(client, SEASON_URL)
    table = page.select_one("table.episodes")
    assert column_headers(table) == ["No.", "Title", "Cover artist"]
    titles = [text(row.find_all("td")[0]) for row in table.select("tbody tr")]
    assert titles[:3] == ["Untitled", "“AKA Freak Accident”", "Untitled"]
    assert "the titles of 12 episodes" in text(page.select_one(".editor-note"))


def test_each_job_credited_by_episode_is_a_column(client, season):
    episode = Episode.objects.get(season=season, number=1)
    CreditFactory(
        season=season,
        department=Credit.Department.CREW,
        billing=None,
        character="",
        job="director",
        episode=episode,
        person=PersonFactory(name="Anna Foerster", slug="anna-foerster"),
    )
    page = get_page(client, SEASON_URL)
    table = page.select_one("table.episodes")
    assert column_headers(table) == ["No.", "Cover artist", "Director"]
    first, second = table.select("tbody tr")[:2]
    assert [td["data-label"] for td in first.select("td")] == ["Cover artist", "Director"]
    assert texts(first.select("td")) == ["Stephanie Hans", "Anna Foerster"]
    assert texts(second.select("td")) == ["Jen Bartel", "–"]
    assert "the directors of 12 episodes" in text(page.select_one(".editor-note"))


def test_the_episodes_note_invites_visitors_in_words_and_editors_with_a_link(
    client, season, editor
):
    note = get_page(client, SEASON_URL).select_one(".editor-note")
    assert text(note) == "Not recorded yet: the titles of 13 episodes. Editors can add them."
    assert note.a is None
    client.force_login(editor)
    note = get_page(client, SEASON_URL).select_one(".editor-note")
    assert note.a["href"] == f"/admin/catalog/episode/?season__id__exact={season.pk}"


def test_the_short_timeline_gives_the_key_dates_of_the_whole_production(page):
    production = page.find(id="production").parent
    events = production.select("ol.short-timeline > li")
    dates_and_kinds = [(text(e.time), text(e.select_one(".kind"))) for e in events]
    assert dates_and_kinds == [
        ("January 2015", "Development"),
        ("August 2016", "Writing"),
        ("March 2017", "Casting"),
        ("April 3, 2017", "Filming"),
        ("September 14, 2017", "Filming"),
        ("March 8, 2018", "Release"),
        ("March 16, 2018", "Music"),
    ]
    assert "Filming began" in text(events[3])
    assert "wrapped" in text(events[4])
    links = page.select(f'a[href="{TIMELINE_URL}"]')
    assert len(links) == 1
    assert links[0].find_parent("section") is not None


def test_reception_gives_the_aggregators_in_a_ratings_table(page):
    table = page.select_one("table.aggregate-ratings")
    assert column_headers(table) == [
        "Aggregator",
        "Score",
        "Average rating",
        "Reviews counted",
        "Summary",
    ]
    rows = {text(row.th): texts(row.select("td")) for row in table.select("tbody tr")}
    assert rows["Rotten Tomatoes"] == [
        "82%",
        "7.00/10",
        "89",
        "Critics consensus: “While Jessica Jones is a slower burn with less focus than its "
        "inaugural season, its enticing new character arc more fully details the most "
        "charismatic Defender.”",
    ]
    # Metacritic's words are the verdict its score indicates, not a consensus.
    assert rows["Metacritic"] == ["70 out of 100", "–", "19", "Verdict: “generally favorable”"]


def test_reception_gives_the_critics_ratings_as_given(page):
    table = page.select_one("table.critic-ratings")
    assert column_headers(table) == [
        "Outlet",
        "Critic",
        "Rating, as given",
        "Sentiment",
        "Reviewed",
    ]
    rows = [[text(row.th), *texts(row.select("td"))] for row in table.select("tbody tr")]
    assert rows == [
        ["Collider", "Allison Keene", "4 out of 5 stars", "Positive", "First five episodes"],
        ["IndieWire", "Liz Shannon Miller", "B", "Positive", "First five episodes"],
        ["Digital Spy", "Jo Berry", "No rating", "Positive", "–"],
        ["The Washington Post", "David Betancourt", "No rating", "Mixed", "–"],
        ["Polygon", "Susana Polo", "No rating", "Negative", "First five episodes"],
    ]
    assert table.select_one("tbody tr a")["href"] == "/people/allison-keene/"


def test_reception_shows_the_ratings_then_the_prose_and_no_quote_twice(page, season):
    reception = page.find(id="reception").parent
    parts = [
        tag.name if tag.name == "h3" else tag["class"][-1]
        for tag in reception.find_all(["div", "h3"], recursive=True)
        if tag.name == "h3" or "table-scroll" in tag.get("class", [])
    ]
    assert parts[:3] == ["table-scroll", "table-scroll", "h3"]
    html = str(reception)
    quoted = list(season.reviews.exclude(excerpt=""))
    assert quoted
    for review in quoted:
        assert html.count(review.excerpt.replace("'", "&#x27;").replace('"', "&quot;")) <= 1
    assert page.select("li.review") == []


def test_a_critics_quote_the_prose_does_not_give_is_in_the_table(client, season):
    ReviewFactory(
        season=season,
        outlet=OutletFactory(name="Vulture", slug="vulture"),
        critic=None,
        excerpt="a bracing return",
        order=99,
    )
    page = get_page(client, SEASON_URL)
    table = page.select_one("table.critic-ratings")
    assert column_headers(table)[-1] == "Quote"
    last = table.select("tbody tr")[-1]
    assert text(last.select_one('td[data-label="Quote"]')) == "“a bracing return”"
    # The quotes the prose gives are not repeated.
    assert text(table.select('td[data-label="Quote"]')[0]) == "–"


def test_accolades_show_an_unknown_result_as_unknown(page):
    rows = page.select("table.accolades tbody tr")
    assert [texts(row.find_all(["th", "td"])) for row in rows] == [
        [
            "2018",
            "Primetime Creative Arts Emmy Awards",
            "Outstanding Music Composition for a Series (Original Dramatic Score)",
            "Sean Callery",
            "Unknown",
        ]
    ]
    assert rows[0].a["href"] == "/people/sean-callery/"
    # The award names the row (a row header), as the column headers name the columns.
    assert rows[0].find("th", scope="row").get_text() == "Primetime Creative Arts Emmy Awards"


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
    EventFactory(season=season)
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


# A season with few facts shows only the parts it has.


def new_season(**facts):
    """A season as an editor first saves it: a title and only the facts given."""
    blank = {"network": "", "release_date": None, "episode_count": None, "lead": ""}
    return SeasonFactory(**{**blank, **facts})


def test_a_new_season_with_no_facts_shows_no_empty_box_or_heading(client):
    season = new_season()
    SectionFactory(season=season, position=1, title="Reception", body="")
    SectionFactory(season=season, position=2, title="Episodes", body="")
    SectionFactory(season=season, position=3, title="Accolades", body="")
    page = get_page(client, season.get_absolute_url())
    article = page.select_one("article.article")
    assert article.select("table") == []  # no infobox of a title alone
    assert article.select("section") == []  # no "Reception", no "Episodes", no timeline
    assert page.select("nav#toc") == []
    assert page.select("#references") == []
    assert "No production dates" not in text(article)
    assert text(article.select_one("p.empty")) == "Nothing is written about this season yet."


def test_a_sparse_season_shows_the_parts_it_has_and_only_those(client):
    season = new_season(network="Netflix", lead="A season in the making.")
    SectionFactory(season=season, position=1, title="Production", body="Filming is planned.")
    SectionFactory(season=season, position=2, title="Reception", body="")
    EventFactory(season=season, kind=Event.Kind.FILMING, text="Filming began in the spring.")
    page = get_page(client, season.get_absolute_url())
    infobox = page.select_one("table.infobox")
    assert [text(row.th) for row in infobox.select("tr") if row.td] == ["Network"]
    assert texts(page.select("nav#toc a")) == ["Production", "Timeline"]
    assert texts(page.select("article section h2, article section h3")) == [
        "Production",
        "Timeline",
    ]
    assert texts(page.select("ol.short-timeline .kind")) == ["Filming"]
    assert page.select("p.empty") == []
    assert page.select("#references") == []


def test_a_season_without_events_has_no_timeline_part(client):
    season = new_season()
    SectionFactory(season=season, position=1, title="Production", body="Nothing dated.")
    page = get_page(client, season.get_absolute_url())
    assert page.select("ol.short-timeline") == []
    assert page.select(f'a[href="{season.get_timeline_url()}"]') == []
    assert texts(page.select("article section h2, article section h3")) == ["Production"]
