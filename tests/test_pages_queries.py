"""Query budgets: each page costs a fixed number of queries, however much content it shows.

The counts are the page's read shape (see catalog/content/selectors.py):
- season article, `seasons_for_article()`: the season with its series,
  then sections (their text holds the citation markers), infobox fields, references, credits
  (with people and episodes), episodes, reviews (with outlets and critics), events, accolades
  (with nominees): 9.
- timeline, `seasons_for_timeline()`: season, events, their people: 3.
- person, `people_for_profile()`: person, credits, reviews, events, accolades: 5.
- home, the published seasons counted for its pages, one page of `seasons_for_home()` with
  counts in subqueries, then the ten latest public revisions (`public_revisions()`) and their
  changed objects (`recent_changes()`): one query for the revisions and one per model they
  touched: 3 + 7 with the edits of `edit_history`.
- recent changes (`/changes/`): the revisions counted for the pages, one page of them, then
  one query per model they touched: 2 + 7; the feed: 1 + 7.
- search: seasons, people, characters, outlets: 4 (none for an unusable query).
"""

import pytest

from catalog.content import services
from catalog.history import revisions
from tests.factories import SeasonFactory, edit_history, grow
from tests.pages import SEASON_URL, TIMELINE_URL

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_request_renders(settings):
    # These count the queries of a render; an answer from the cache costs one, its versions
    # (test_caching).
    settings.PAGE_CACHE = False


SEASON_QUERIES = 9
TIMELINE_QUERIES = 3
PERSON_QUERIES = 5
HOME_QUERIES = 3
SEARCH_QUERIES = 4
# edit_history() edits seven models: sections, credits, episodes, reviews, events, people and
# seasons; each model whose history a list shows costs one query, whatever its rows.
MODELS_EDITED = 7
CHANGES_QUERIES = 2 + MODELS_EDITED
FEED_QUERIES = 1 + MODELS_EDITED


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
    # The grown content is on the page, so the count covers it: markers, references with
    # their backlinks, the ratings table's rows, every episode with its cover artist.
    assert html.count('class="reference"') == 20 + 2 * 17 * 9
    assert html.count('<li id="cite-note-') == 18 + 17 * 9
    assert html.count('data-label="Rating, as given"') == 5 + 7 * 9
    assert html.count('data-label="Cover artist"') == 13 * 10


def test_the_timeline_costs_the_same_queries_with_ten_times_the_events(page_with_queries, season):
    page_with_queries(TIMELINE_URL, TIMELINE_QUERIES)
    grow(season)
    html = page_with_queries(TIMELINE_URL, TIMELINE_QUERIES)
    assert html.count('<li class="event">') == 23 + 25 * 9  # the seed's and the grown ones


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


@pytest.fixture
def editor_actor(editor):
    return services.Actor.editor(editor, via="admin")


def test_home_costs_the_same_queries_with_ten_times_the_history(
    page_with_queries, season, editor_actor
):
    edit_history(season, editor_actor)
    page_with_queries("/", HOME_QUERIES + MODELS_EDITED)
    edit_history(season, editor_actor, rounds=10)
    html = page_with_queries("/", HOME_QUERIES + MODELS_EDITED)
    assert html.count('<li id="change-') == 10


def test_recent_changes_cost_the_same_queries_with_ten_times_the_history(
    page_with_queries, season, editor_actor
):
    edit_history(season, editor_actor)
    html = page_with_queries("/changes/", CHANGES_QUERIES)
    assert html.count('<li id="change-') == MODELS_EDITED
    edit_history(season, editor_actor, rounds=10)
    html = page_with_queries("/changes/", CHANGES_QUERIES)
    assert html.count('<li id="change-') == 50
    html = page_with_queries("/changes/?page=2", CHANGES_QUERIES)
    assert html.count('<li id="change-') == 11 * MODELS_EDITED - 50


def test_the_changes_feed_costs_the_same_queries_with_ten_times_the_history(
    page_with_queries, season, editor_actor
):
    edit_history(season, editor_actor)
    page_with_queries("/changes/feed/", FEED_QUERIES)
    edit_history(season, editor_actor, rounds=10)
    feed = page_with_queries("/changes/feed/", FEED_QUERIES)
    assert feed.count("<entry>") == 50


def test_a_large_revision_costs_no_more_queries_than_a_small_one(
    page_with_queries, season, editor_actor
):
    section = season.sections.order_by("position").first()
    services.content_save(instance=section, actor=editor_actor, fields={"body": "Edited."})
    page_with_queries("/changes/", 2 + 1)
    # One revision writing every section of the season, as an import does.
    with revisions.recording(editor_actor):
        for section in season.sections.all():
            fields = {"body": f"Rewritten {section.pk}."}
            services.content_save(instance=section, actor=editor_actor, fields=fields)
    html = page_with_queries("/changes/", 2 + 1)
    assert "and 7 more changes" in html  # the seed's 17 sections, ten of them listed


def test_search_costs_the_same_queries_with_many_matches(page_with_queries, season):
    page_with_queries("/search/?q=jones", SEARCH_QUERIES)
    grow(season)
    page_with_queries("/search/?q=number", SEARCH_QUERIES)
    page_with_queries("/search/?q=x", 0)
