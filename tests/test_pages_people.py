"""A person's page: everything they did in published seasons."""

from http import HTTPStatus

import pytest

from catalog.models import Credit, Season
from tests.factories import CreditFactory, PersonFactory, ReviewFactory, SeasonFactory
from tests.pages import get_page, text, texts

pytestmark = pytest.mark.django_db


def test_an_actor_page_lists_the_role_and_the_events(client, season):
    page = get_page(client, "/people/krysten-ritter/")
    assert texts(page.find_all("h1")) == ["Krysten Ritter"]
    roles = page.find(id="roles").parent
    assert texts(roles.select("li")) == ["Jessica Jones in Jessica Jones season 2 (main cast)"]
    assert roles.a["href"] == "/seasons/jessica-jones-season-2/"
    events = page.find(id="events").parent
    # Only what she indicated in May 2016: March 2017 was the end of The Defenders' production.
    assert texts(events.select("time")) == ["May 2016"]
    assert events.select_one("li a")["href"] == "/seasons/jessica-jones-season-2/timeline/"


def test_a_writer_page_lists_the_crew_jobs(client, season):
    page = get_page(client, "/people/raelle-tucker/")
    crew = page.find(id="crew").parent
    assert texts(crew.select("li")) == [
        "Executive producer on Jessica Jones season 2",
        "Writer on Jessica Jones season 2",
    ]
    assert page.find(id="roles") is None


def test_a_cover_artist_page_lists_the_episode(client, season):
    page = get_page(client, "/people/stephanie-hans/")
    crew = page.find(id="crew").parent
    assert texts(crew.select("li")) == [
        "Cover artist on Jessica Jones season 2 , episode 1 (untitled)"
    ]


def test_a_composer_page_lists_the_job_the_event_and_the_accolade(client, season):
    page = get_page(client, "/people/sean-callery/")
    assert texts(page.find(id="crew").parent.select("li")) == ["Composer on Jessica Jones season 2"]
    assert texts(page.find(id="events").parent.select("time")) == ["March 16, 2018"]
    accolades = texts(page.find(id="accolades").parent.select("li"))
    assert accolades == [
        "2018 Primetime Creative Arts Emmy Awards, Outstanding Music Composition for a Series "
        "(Original Dramatic Score), for Jessica Jones season 2 : Unknown"
    ]


def test_a_critic_page_lists_the_reviews_written(client, season):
    page = get_page(client, "/people/allison-keene/")
    reviews = page.find(id="reviews").parent.select("li.review")
    assert len(reviews) == 1
    assert text(reviews[0].select_one(".review-by")) == "Of Jessica Jones season 2 for Collider"
    assert text(reviews[0].select_one(".rating")) == "4 out of 5 stars"
    assert text(reviews[0].select_one(".sentiment")) == "Positive"
    assert text(reviews[0].blockquote).startswith("“[t]he season really starts to kick into gear")
    assert text(get_page(client, "/people/liz-shannon-miller/").select_one(".rating")) == "B"


def test_work_across_several_seasons_is_listed_season_by_season(client):
    person = PersonFactory(name="Ann Actor")
    first, second = SeasonFactory(title="A season 1"), SeasonFactory(title="B season 2")
    CreditFactory(person=person, season=second, character="Later role")
    CreditFactory(person=person, season=first, character="Earlier role")
    CreditFactory(
        person=person,
        season=first,
        department=Credit.Department.CREW,
        billing=None,
        character="",
        job="director",
    )
    ReviewFactory(critic=person, season=second)
    page = get_page(client, person.get_absolute_url())
    roles = texts(page.find(id="roles").parent.select("li"))
    assert [r.split(" (")[0] for r in roles] == [
        "Earlier role in A season 1",
        "Later role in B season 2",
    ]
    assert texts(page.find(id="crew").parent.select("li")) == ["Director on A season 1"]
    assert len(page.select("li.review")) == 1


def test_a_judge_plays_no_character_and_both_pages_show_the_role(client):
    # A judge's credit has no character; its note is the role the article's heading gave.
    judge = CreditFactory(person=PersonFactory(name="Ann Judge"), character="", note="Judge")
    page = get_page(client, judge.person.get_absolute_url())
    assert texts(page.find(id="roles").parent.select("li")) == [
        f"Judge in {judge.season.title} (main cast)"
    ]
    season_page = get_page(client, judge.season.get_absolute_url())
    assert "Ann Judge – Judge" in texts(season_page.select(".cast-list li"))


def test_work_in_draft_seasons_is_not_shown(client):
    person = PersonFactory(name="Ann Actor")
    CreditFactory(person=person, character="Public role")
    CreditFactory(person=person, season=SeasonFactory(status="draft"), character="Secret role")
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Public role" in html
    assert "Secret role" not in html


def test_a_person_known_only_from_a_draft_season_is_not_found(client, season):
    Season.objects.filter(pk=season.pk).update(status=Season.Status.DRAFT)
    get_page(client, "/people/krysten-ritter/", status=HTTPStatus.NOT_FOUND)
    get_page(client, "/people/nobody-at-all/", status=HTTPStatus.NOT_FOUND)


def test_a_name_with_markup_shows_as_text(client):
    person = PersonFactory(name="<script>alert(1)</script>", slug="script-person")
    CreditFactory(person=person)
    html = client.get(person.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
