"""The home page (seasons with counts, recent changes) and the site search."""

import datetime

import pytest

from catalog.content import services
from catalog.models import Credit, Event, Person, Season
from tests.factories import (
    CreditFactory,
    OutletFactory,
    PersonFactory,
    ReviewFactory,
    SeasonFactory,
)
from tests.pages import get_page, text, texts

pytestmark = pytest.mark.django_db


def search(client, query):
    return get_page(client, f"/search/?q={query}")


def test_home_lists_published_seasons_with_their_counts(client, season):
    SeasonFactory(title="A draft season", status=Season.Status.DRAFT)
    page = get_page(client, "/")
    assert texts(page.find_all("h1")) == ["Season wiki"]
    cards = page.select("li.season-card")
    assert texts(card.h3 for card in cards) == ["Jessica Jones season 2"]
    assert cards[0].h3.a["href"] == "/seasons/jessica-jones-season-2/"
    assert texts(cards[0].select(".counts li")) == [
        "13 episodes",
        "22 cast",
        "18 crew credits",
        "5 reviews",
        "23 dated events",
    ]


def test_home_lists_the_most_recent_changes_first(client, season, editor):
    actor = services.Actor.editor(editor, via="admin")
    wrapped = Event.objects.get(season=season, date=datetime.date(2017, 9, 14))
    ritter = Person.objects.get(slug="krysten-ritter")
    services.content_save(instance=ritter, actor=actor, fields={"sort_name": "Ritter, K."})
    services.content_save(instance=wrapped, actor=actor, fields={"kind": Event.Kind.RELEASE})
    draft = SeasonFactory(title="A draft season", status=Season.Status.DRAFT)
    services.content_save(
        instance=Credit(
            season=draft, person=ritter, character="Hidden", department="cast", billing="main"
        ),
        actor=actor,
    )

    changes = get_page(client, "/").select("ol.changes > li")

    assert [text(change.select_one(".changed-objects")) for change in changes] == [
        "event September 14, 2017: Filming for the season wrapped on September 14, 2017. "
        "in Jessica Jones season 2 – changed kind",
        "person Krysten Ritter – changed sort name",
    ]
    assert changes[0].select_one(".changed-objects a")["href"] == (
        "/seasons/jessica-jones-season-2/timeline/#year-2017"
    )


def test_search_finds_people_with_the_match_highlighted(client, season):
    page = search(client, "ritter")
    people = page.find(id="found-people").parent.select("li")
    assert texts(people) == ["Krysten Ritter"]
    assert str(people[0].a) == '<a href="/people/krysten-ritter/">Krysten <mark>Ritter</mark></a>'


def test_search_finds_seasons_characters_and_outlets(client, season):
    page = search(client, "jones")
    assert texts(page.find(id="found-seasons").parent.select("li a")) == ["Jessica Jones season 2"]
    characters = page.find(id="found-characters").parent.select("li")
    assert texts(c.select_one(".character") for c in characters) == [
        "Alisa Jones",
        "Jessica Jones",
    ]
    assert "played by Janet McTeer in Jessica Jones season 2" in text(characters[0])
    outlets = search(client, "Rotten").find(id="found-outlets").parent
    assert texts(outlets.select("cite")) == ["Rotten Tomatoes"]
    assert outlets.select_one("mark").string == "Rotten"


def test_search_ranks_exact_then_prefix_then_word_then_anywhere(client):
    for name in ["Blacksmith Jo", "Ann Smith", "Smithers", "Smith"]:
        CreditFactory(person=PersonFactory(name=name))
    page = search(client, "smith")
    names = [a.get_text() for a in page.find(id="found-people").parent.select("li a")]
    assert names == ["Smith", "Smithers", "Ann Smith", "Blacksmith Jo"]


def test_search_leaves_out_draft_seasons(client):
    draft = SeasonFactory(title="Secret season", status=Season.Status.DRAFT)
    CreditFactory(season=draft, person=PersonFactory(name="Secret Person"), character="Secret")
    page = search(client, "secret")
    assert text(page.select_one(".notice")).startswith("0 results for “secret”.")


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("", "Type a season, a person, a character or an outlet"),
        ("+++", "Type a season, a person, a character or an outlet"),
        ("r", "“r” is too short to search for"),
        ("x" * 101, "That search is too long"),
        ("%25%25", "“%%” has no letters or digits to search for"),
        ("%00%01", "Type a season"),
        ("%3C%3E", "“<>” has no letters or digits"),
    ],
)
def test_unusable_queries_get_a_helpful_page(client, season, query, notice):
    page = search(client, query)
    assert text(page.select_one(".notice")).startswith(notice)
    assert page.select("ul.results") == []


@pytest.mark.parametrize(
    "query", ["a%25", "a_", "O%27Brien", "back%5Cslash", "%E2%80%94%E2%80%94x"]
)
def test_odd_characters_are_searched_for_literally(client, season, query):
    page = search(client, query)
    assert text(page.select_one(".notice")).startswith("0 results for")


def test_a_query_with_nul_characters_is_cleaned_before_searching(client, season):
    page = search(client, "Rit%00ter")
    assert texts(page.find(id="found-people").parent.select("li")) == ["Krysten Ritter"]


def test_a_query_with_markup_is_shown_as_text(client):
    CreditFactory(person=PersonFactory(name="<b>Bold</b> Name"))
    response = client.get("/search/?q=<b>Bold")
    html = response.content.decode()
    assert "<b>Bold" not in html
    assert "“&lt;b&gt;Bold”" in html
    assert "<mark>&lt;b&gt;Bold</mark>&lt;/b&gt; Name" in html


def test_search_is_case_insensitive_for_outlets(client):
    ReviewFactory(outlet=OutletFactory(name="The Daily Reviewer"))
    page = search(client, "DAILY")
    assert texts(page.find(id="found-outlets").parent.select("cite")) == ["The Daily Reviewer"]
