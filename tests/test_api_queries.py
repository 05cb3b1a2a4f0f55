"""Query budgets: each list and detail costs a fixed number of queries, whatever the data.

Measured for an anonymous reader (a token adds one query for the token and its user, and a
permission check two more for the user's and groups' permissions).
"""

import pytest

from catalog.models import Credit
from tests.factories import grow
from tests.seed import SEED_SLUG

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_request_renders(settings):
    # These count the queries of a render; an answer from the cache costs one, its versions
    # (test_caching).
    settings.PAGE_CACHE = False


ALL_LISTS = "credits,reviews,events,episodes,accolades"

# (path, queries). Each read reads its validators' content versions (ETag and
# Last-Modified, catalog.api.conditional): one query. Lists: the count and the page; events
# add their people (one query).
# Citations are read from the text: the seasons, then their sections.
BUDGETS = [
    ("/api/v1/seasons/", 3),
    (f"/api/v1/seasons/{SEED_SLUG}/", 2),
    (f"/api/v1/seasons/{SEED_SLUG}/?include={ALL_LISTS}", 8),
    ("/api/v1/people/", 3),
    ("/api/v1/people/krysten-ritter/", 2),
    # Their credits, reviews and events, each with its season; the events' people.
    ("/api/v1/people/krysten-ritter/?include=credits,reviews,events", 6),
    ("/api/v1/credits/", 3),
    ("/api/v1/credits/{credit}/", 2),
    ("/api/v1/reviews/", 3),
    ("/api/v1/reviews/{review}/", 2),
    ("/api/v1/events/", 4),
    ("/api/v1/events/{event}/", 3),
    ("/api/v1/episodes/", 3),
    ("/api/v1/episodes/{episode}/", 2),
    ("/api/v1/outlets/", 3),
    ("/api/v1/outlets/{outlet}/", 2),
    ("/api/v1/accolades/", 3),
    ("/api/v1/accolades/{accolade}/", 2),
    ("/api/v1/citations/", 3),
    (f"/api/v1/citations/{SEED_SLUG}:cite-ref-25-2/", 3),
]


def path_for(template, season):
    ids = {
        name: getattr(season, f"{name}s").order_by("pk").first().pk
        for name in ("credit", "review", "event", "episode", "accolade")
    }
    ids["outlet"] = season.reviews.order_by("pk").first().outlet_id
    return template.format(**ids)


@pytest.mark.parametrize(("template", "budget"), BUDGETS)
def test_the_query_count_is_fixed_and_stays_so_as_the_data_grows_tenfold(
    api_client, season, django_assert_num_queries, template, budget
):
    path = path_for(template, season)
    query = {"page_size": 100} if "?" not in path and path.endswith("s/") else {}

    with django_assert_num_queries(budget):
        api_client.get(path, query)
    grow(season)
    with django_assert_num_queries(budget):
        response = api_client.get(path, query)

    assert response.status_code == 200
    assert Credit.objects.count() > 400
