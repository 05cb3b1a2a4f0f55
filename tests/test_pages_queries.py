"""Query budgets: each page costs a fixed number of queries, however much content it shows.

The counts are the page's read shape (see catalog/selectors.py):
- season article, `seasons_for_article()`: the season with its series,
  then sections (their text holds the citation markers), infobox fields, references, credits
  (with people and episodes), episodes, reviews (with outlets and critics), events, accolades
  (with nominees): 9.
- timeline, `seasons_for_timeline()`: season, events, their people: 3.
- person, `people_for_profile()`: person, credits, reviews, events, accolades: 5.
- home, `seasons_for_home()` with counts in subqueries, and
  `recent_changes()` as one UNION: 2.
- search: seasons, people, characters, outlets: 4 (none for an unusable query).
"""

import pytest

from tests.factories import SeasonFactory, grow
from tests.pages import SEASON_URL, TIMELINE_URL

pytestmark = pytest.mark.django_db

SEASON_QUERIES = 9
TIMELINE_QUERIES = 3
PERSON_QUERIES = 5
HOME_QUERIES = 2
SEARCH_QUERIES = 4


@pytest.fixture
def page_with_queries(client, django_assert_num_queries):
    """Fetch a page, asserting it takes exactly `count` queries; return its HTML."""

    def fetch(url, count):
        with django_assert_num_queries(count):
            response = client.get(url)
        assert response.status_code == 200
        return response.content.decode()

    return fetch


def test_the_season_article_costs_the_same_queries_with_ten_times_the_content(
    page_with_queries, season
):
    page_with_queries(SEASON_URL, SEASON_QUERIES)
    grow(season)
    html = page_with_queries(SEASON_URL, SEASON_QUERIES)
    # The grown content is on the page, so the count covers it.
    assert html.count('class="reference"') == 20 + 2 * 17 * 9


def test_the_timeline_costs_the_same_queries_with_ten_times_the_events(page_with_queries, season):
    page_with_queries(TIMELINE_URL, TIMELINE_QUERIES)
    grow(season)
    html = page_with_queries(TIMELINE_URL, TIMELINE_QUERIES)
    assert html.count('<li class="event">') == 25 * 10


def test_a_person_page_costs_the_same_queries_with_many_credits_across_seasons(
    page_with_queries, season
):
    page_with_queries("/people/krysten-ritter/", PERSON_QUERIES)
    people = grow(season)
    person = people[0]
    page_with_queries(person.get_absolute_url(), PERSON_QUERIES)
    for other in SeasonFactory.create_batch(3):
        grow(other, times=2, people=people)
    html = page_with_queries(person.get_absolute_url(), PERSON_QUERIES)
    assert html.count('<li class="review">') == 7 * 9 + 3 * 7


def test_home_costs_the_same_queries_with_more_seasons_and_content(page_with_queries, season):
    page_with_queries("/", HOME_QUERIES)
    grow(season)
    for other in SeasonFactory.create_batch(3):
        grow(other, times=2)
    html = page_with_queries("/", HOME_QUERIES)
    assert html.count('class="season-card"') == 4


def test_search_costs_the_same_queries_with_many_matches(page_with_queries, season):
    page_with_queries("/search/?q=jones", SEARCH_QUERIES)
    grow(season)
    page_with_queries("/search/?q=number", SEARCH_QUERIES)
    page_with_queries("/search/?q=x", 0)
