"""The large catalogue (`manage.py generate_catalogue`, bench/catalogue.py), and the site at
its size: lists paginate, pages cost the same queries as the seed's, the admin never counts
or scans a whole big table per page.

The catalogues here are small (a few seasons); the same code writes the full-size one.
"""

import re
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from bench.catalogue import Sizes, generate, ordinal
from catalog.admin.large import EstimatedCountPaginator
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    Outlet,
    Person,
    Review,
    Revision,
    Season,
    Section,
    Series,
)
from catalog.pages import sitemaps

pytestmark = pytest.mark.django_db

SMALL = Sizes(series=2, seasons=4, people=60, outlets=6, credits=400, reviews=40, events=80)
# What the seed's pages cost (tests/test_pages_queries.py, tests/test_api_queries.py): a
# generated season costs the same. Here the answer cache is on: a first request reads the
# content versions twice besides, before the render and after it (catalog.delivery.caching);
# the API's second read is its validators', counted in its budget already.
CACHE_MISS = 2
SEASON_QUERIES = 9 + CACHE_MISS
TIMELINE_QUERIES = 3 + CACHE_MISS
PERSON_QUERIES = 5 + CACHE_MISS
HOME_QUERIES = 3 + CACHE_MISS
SEARCH_QUERIES = 4 + CACHE_MISS
API_SEASON_WITH_LISTS_QUERIES = 8 + 1


def rows():
    """The catalogue as plain values, by natural keys (no ids, no timestamps)."""
    return {
        "seasons": sorted(
            Season.objects.values_list(
                "slug", "series__name", "number", "background_color", "release_date", "lead"
            )
        ),
        "credits": sorted(
            Credit.objects.values_list(
                "season__slug",
                "person__slug",
                "department",
                "billing",
                "character",
                "job",
                "order",
                "episode__number",
                "source",
            )
        ),
        "reviews": sorted(
            Review.objects.values_list(
                "season__slug",
                "outlet__slug",
                "critic__slug",
                "kind",
                "rating_text",
                "score",
                "sentiment",
                "excerpt",
            ),
            key=repr,
        ),
        "events": sorted(
            Event.objects.values_list("season__slug", "date", "date_precision", "kind", "text")
        ),
        "event people": sorted(Event.people.through.objects.values_list("person__slug")),
        "accolades": sorted(Accolade.objects.values_list("season__slug", "award", "nominee_text")),
    }


def empty_the_catalogue():
    for model in (Credit, Review, Event, Accolade, Season, Series, Person, Outlet):
        model.objects.all().delete()


# The generator ------------------------------------------------------------------------------


def test_the_same_seed_writes_the_same_rows_and_another_seed_other_rows():
    generate(SMALL, seed=7)
    first = rows()
    empty_the_catalogue()
    generate(SMALL, seed=7)
    assert rows() == first
    empty_the_catalogue()
    generate(SMALL, seed=8)
    assert rows() != first


def test_it_writes_exactly_the_counts_asked_for():
    report = generate(SMALL, seed=1)

    assert (Series.objects.count(), Season.objects.count()) == (2, 4)
    assert (Person.objects.count(), Outlet.objects.count()) == (60, 6)
    assert (Credit.objects.count(), Review.objects.count(), Event.objects.count()) == (400, 40, 80)
    assert (report.credits, report.reviews, report.events) == (400, 40, 80)


def test_it_has_the_seed_article_s_shapes():
    generate(SMALL, seed=1)

    assert set(Credit.objects.cast().values_list("billing", flat=True)) == {
        "main",
        "recurring",
        "guest",
    }
    jobs = set(Credit.objects.crew().values_list("job", flat=True))
    assert {"showrunner", "composer", "executive producer", "cover artist", "director"} <= jobs
    # Crew credited episode by episode, as the seed's cover artists are.
    assert Credit.objects.crew().filter(job="cover artist", episode__isnull=False).exists()
    assert not Credit.objects.cast().filter(character="").exists()
    assert set(Event.objects.values_list("date_precision", flat=True)) == {"day", "month", "year"}
    assert not Event.objects.filter(date_precision="month").exclude(date__day=1).exists()
    assert not Event.objects.filter(date_precision="year").exclude(date__month=1, date__day=1)
    assert Event.people.through.objects.exists()
    assert set(Review.objects.values_list("kind", flat=True)) == {"aggregate", "critic"}
    assert Review.objects.filter(rating_text__endswith="out of 5 stars", score__gte=20).exists()
    assert Outlet.objects.filter(name="Rotten Tomatoes", is_aggregator=True).exists()
    assert Episode.objects.exists()
    assert Section.objects.exists()
    assert set(Season.objects.values_list("status", flat=True)) == {"published"}


def test_it_is_test_data_not_edits_version_one_and_no_revision():
    generate(SMALL, seed=1)

    assert set(Credit.objects.values_list("version", flat=True)) == {1}
    assert Revision.objects.count() == 0
    assert Credit.history.count() == 0
    assert not Season.objects.filter(created_at__isnull=True).exists()


def test_every_generated_row_passes_the_models_validation():
    generate(SMALL, seed=3)

    for model in (Season, Section, Credit, Review, Event, Accolade):
        for obj in model.objects.all()[:60]:
            obj.full_clean()


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "first"),
        (8, "eighth"),
        (9, "9th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_a_season_s_ordinal_takes_the_english_suffix(n, expected):
    assert ordinal(n) == expected


# The command ------------------------------------------------------------------------------


@pytest.fixture
def bench_app(settings):
    # The command belongs to the bench app, installed only by bench/settings.py.
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "bench"]


@pytest.mark.usefixtures("bench_app")
def test_the_command_refuses_a_database_with_content_and_says_what_to_do(season):
    with pytest.raises(CommandError) as refused:
        call_command("generate_catalogue", "--scale", "0.001")

    message = str(refused.value)
    assert "already holds content (1 series, 1 season, 44 people, 7 outlets)" in message
    assert "--append" in message
    assert Season.objects.count() == 1


@pytest.mark.usefixtures("bench_app")
@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (["--scale", "0"], "--scale must be a number above 0"),
        (["--scale", "lots"], "--scale must be a number above 0"),
        (["--seasons", "-3"], "Counts are whole numbers of at least 1"),
        (["--series", "10", "--seasons", "5"], "Every series needs a season"),
        (["--people", "5"], "--people must be at least 20"),
    ],
)
def test_bad_options_get_a_clear_message(arguments, problem):
    with pytest.raises(CommandError, match=re.escape(problem)):
        call_command("generate_catalogue", *arguments)


def test_the_site_itself_has_no_generate_command():
    # Only bench/settings.py installs the bench app: production never offers to generate.
    with pytest.raises(CommandError, match="Unknown command"):
        call_command("generate_catalogue", "--scale", "0.001")


@pytest.mark.usefixtures("bench_app")
def test_append_adds_a_catalogue_beside_the_seed_and_invalidates_every_cache(season, client):
    assert client.get("/").content.decode().count('class="season-card"') == 1  # now stored

    call_command(
        "generate_catalogue", "--append", "--series", "2", "--seasons", "3", "--people", "40",
        "--outlets", "4", "--credits", "90", "--reviews", "9", "--events", "12",
    )  # fmt: skip

    assert Season.objects.count() == 4
    assert Season.objects.filter(pk=season.pk, title="Jessica Jones season 2").exists()
    # The aggregators are the seed's own outlets, reused by their slugs.
    assert Outlet.objects.filter(slug="rotten-tomatoes").count() == 1
    # The stored home page went stale with everything else: the new seasons show at once.
    assert client.get("/").content.decode().count('class="season-card"') == 4


# Pages at size ------------------------------------------------------------------------------


@pytest.fixture
def catalogue():
    generate(SMALL, seed=1)
    return Season.objects.order_by("pk").last()


@pytest.fixture
def fetch(client, django_assert_num_queries):
    def get(url, queries):
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        return response

    return get


def test_a_generated_season_s_pages_cost_what_the_seed_s_cost(fetch, catalogue):
    person = catalogue.credits.order_by("pk").first().person

    html = fetch(catalogue.get_absolute_url(), SEASON_QUERIES).content.decode()
    assert catalogue.credits.cast().first().character in html
    fetch(catalogue.get_timeline_url(), TIMELINE_QUERIES)
    fetch(person.get_absolute_url(), PERSON_QUERIES)
    fetch("/", HOME_QUERIES)
    fetch("/search/?q=season", SEARCH_QUERIES)


def test_a_generated_season_s_api_answers_cost_what_the_seed_s_cost(
    api_client, catalogue, django_assert_num_queries
):
    lists = "credits,reviews,events,episodes,accolades"
    with django_assert_num_queries(API_SEASON_WITH_LISTS_QUERIES):
        response = api_client.get(f"/api/v1/seasons/{catalogue.slug}/?include={lists}")
    assert response.status_code == HTTPStatus.OK
    assert len(response.json()["credits"]) == 100


def test_the_home_page_lists_fifty_seasons_a_page(client, fetch):
    generate(Sizes(series=3, seasons=60, people=40, outlets=4, credits=60, reviews=60,
                   events=60), seed=1)  # fmt: skip

    first = fetch("/", HOME_QUERIES).content.decode()
    second = fetch("/?page=2", HOME_QUERIES).content.decode()

    assert first.count('class="season-card"') == 50
    assert second.count('class="season-card"') == 10
    assert "Page 1 of 2" in first
    assert 'rel="next" href="?page=2"' in first
    assert 'rel="prev" href="/"' in second
    assert '<link rel="canonical" href="http://testserver/?page=2">' in second
    for page in ["3", "0", "abc"]:
        assert client.get("/", {"page": page}).status_code == HTTPStatus.NOT_FOUND


def test_the_sitemap_is_an_index_of_pages_of_addresses(client, catalogue, monkeypatch):
    monkeypatch.setattr(sitemaps.PersonSitemap, "limit", 25)
    people = Person.objects.published().count()
    assert people > 25

    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>(.*?)</loc>", index)
    assert "http://testserver/sitemap-people.xml?p=2" in sections
    located = []
    for page in ["1", "2", "3"][: -(-people // 25)]:
        response = client.get("/sitemap-people.xml", {"p": page})
        assert response.status_code == HTTPStatus.OK
        located += re.findall(r"<loc>(.*?)</loc>", response.content.decode())
    assert len(located) == len(set(located)) == people


# The admin at size --------------------------------------------------------------------------


ADMIN_LISTS = [
    "/admin/catalog/credit/",
    "/admin/catalog/credit/?q=an",
    "/admin/catalog/credit/?department__exact=cast",
    "/admin/catalog/person/",
    "/admin/catalog/person/?q=an",
    "/admin/catalog/season/",
    "/admin/catalog/series/",
    "/admin/catalog/outlet/",
    "/admin/catalog/review/?q=the",
    "/admin/catalog/event/?q=an",
    "/admin/catalog/episode/",
    "/admin/autocomplete/?app_label=catalog&model_name=credit&field_name=person&term=an",
    "/admin/autocomplete/?app_label=catalog&model_name=credit&field_name=season&term=season",
]


def admin_queries(client):
    counts = {}
    for url in ADMIN_LISTS:
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        counts[url] = len(context.captured_queries)
    return counts


def test_admin_lists_and_autocompletes_cost_the_same_queries_with_ten_times_the_rows(
    admin_client,
):
    generate(SMALL, seed=1)
    small = admin_queries(admin_client)
    generate(
        Sizes(series=20, seasons=40, people=600, outlets=60, credits=4000, reviews=400,
              events=800),
        seed=2,
    )  # fmt: skip
    assert Credit.objects.count() == 4400
    assert admin_queries(admin_client) == small


def test_admin_lists_count_no_whole_table():
    for model in (Credit, Review, Event, Person, Season):
        model_admin = admin.site._registry[model]
        assert model_admin.show_full_result_count is False
        assert model_admin.paginator is EstimatedCountPaginator


def test_an_admin_search_finds_what_django_s_own_search_finds(admin_client):
    generate(SMALL, seed=1)
    credit = Credit.objects.cast().order_by("pk")[5]
    surname = credit.person.name.split()[-1]
    # Django's own search: every word in some field, across the joins.
    fields = ["person__name", "person__sort_name", "character", "job", "note"]
    any_field = Q()
    for field in fields:
        any_field |= Q(**{f"{field}__icontains": surname})
    expected = set(Credit.objects.filter(any_field).values_list("pk", flat=True))

    response = admin_client.get("/admin/catalog/credit/", {"q": surname, "all": ""})
    found = {row.pk for row in response.context["cl"].result_list}

    assert credit.pk in found
    assert found == expected
