"""The season timeline: every event in date order, grouped by year, at its own precision."""

from http import HTTPStatus

import pytest

from catalog.models import Event, Season
from tests.factories import EventFactory, PersonFactory
from tests.pages import TIMELINE_URL, get_page, text, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, season):
    return get_page(client, TIMELINE_URL)


def test_the_timeline_has_one_h1_linking_back_to_the_article(page):
    assert texts(page.find_all("h1")) == ["Timeline of Jessica Jones season 2"]
    assert page.select_one(".subtitle a")["href"] == "/seasons/jessica-jones-season-2/"


def test_events_are_grouped_by_year_in_date_order(page):
    years = texts(page.select("main section > h2"))
    assert years == ["2015", "2016", "2017", "2018", "2022"]
    items = page.select("ol.timeline > li")
    assert len(items) == 23  # every event of the seed
    datetimes = [li.time["datetime"] for li in items]
    assert datetimes == sorted(datetimes, key=lambda d: (d + "-01-01")[:10])


def test_dates_are_written_at_their_precision(page):
    dates = texts(page.select("ol.timeline time"))
    assert "August 2016" in dates
    assert "April 3, 2017" in dates
    assert "September 14, 2017" in dates
    # "...debut in Disney+'s other markets by the end of 2022": a year only.
    assert "2022" in dates
    assert page.find("time", string="August 2016")["datetime"] == "2016-08"
    assert page.find("time", string="April 3, 2017")["datetime"] == "2017-04-03"


def test_each_event_has_its_kind_people_and_source_sentence(page):
    casting = page.find("time", string="March 2017", datetime="2017-03").find_parent("li")
    assert text(casting.select_one(".kind")) == "Casting"
    assert text(casting.select_one(".event-text")).startswith(
        "In March 2017, J. R. Ramirez was cast as Oscar Arocho"
    )
    assert casting.select_one(".event-people a")["href"] == "/people/j-r-ramirez/"
    source = casting.select_one("details.event-source")
    # Each disclosure is named by its event; "Source sentence" is what is shown.
    assert text(source.summary) == "Source sentence of the March 2017 casting event"
    assert text(source.summary.select_one(".visually-hidden")) == "of the March 2017 casting event"
    assert "J. R. Ramirez was cast as Oscar Arocho" in text(source.blockquote)


def test_people_of_an_event_are_all_linked(page):
    event = page.find("time", string="August 2017").find_parent("li")
    assert texts(event.select(".event-people a")) == ["David Tennant", "Wil Traval"]


def test_a_season_without_events_says_so(client, season):
    Event.objects.filter(season=season).delete()
    page = get_page(client, TIMELINE_URL)
    assert text(page.select_one(".empty")) == "No dated events are recorded for this season yet."


def test_markup_in_event_text_shows_as_text(client, season):
    event = EventFactory(season=season, text="<script>alert(1)</script>", source="<b>s</b>")
    event.people.add(PersonFactory(name="<i>Someone</i>"))
    html = client.get(TIMELINE_URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;i&gt;Someone&lt;/i&gt;" in html


def test_a_draft_season_has_no_public_timeline(client, season):
    Season.objects.filter(pk=season.pk).update(status=Season.Status.DRAFT)
    get_page(client, TIMELINE_URL, status=HTTPStatus.NOT_FOUND)
    get_page(client, "/seasons/no-such-season/timeline/", status=HTTPStatus.NOT_FOUND)
