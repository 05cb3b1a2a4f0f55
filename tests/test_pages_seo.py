"""What machines read: <head> metadata, JSON-LD, the sitemap, robots.txt, error pages."""

import json
import re
from http import HTTPStatus

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from catalog.models import InfoboxField, Person, Season
from tests.factories import CreditFactory, PersonFactory, ReviewFactory, SeasonFactory
from tests.pages import SEASON_URL, TIMELINE_URL, get_page, json_ld, sitemap_locations

pytestmark = pytest.mark.django_db

PAGES = [
    ("/", "Season wiki", "website"),
    (SEASON_URL, "Jessica Jones season 2", "video.tv_show"),
    (TIMELINE_URL, "Timeline of Jessica Jones season 2", "website"),
    ("/people/krysten-ritter/", "Krysten Ritter", "profile"),
    ("/search/?q=jones", "Search: jones", "website"),
    ("/changes/", "Recent changes", "website"),
]


def meta(page, attribute, name):
    return page.find("meta", attrs={attribute: name})["content"]


@pytest.mark.parametrize(("path", "title", "og_type"), PAGES)
def test_every_page_has_title_description_canonical_and_open_graph(
    client, season, path, title, og_type
):
    page = get_page(client, path)
    expected_title = "Season wiki" if title == "Season wiki" else f"{title} – Season wiki"
    assert page.title.string == expected_title
    description = meta(page, "name", "description")
    assert 20 < len(description) < 300
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver" + path.split("?")[0]
    assert meta(page, "property", "og:title") == title
    assert meta(page, "property", "og:description") == description
    assert meta(page, "property", "og:url") == canonical
    assert meta(page, "property", "og:type") == og_type
    assert meta(page, "property", "og:site_name") == "Season wiki"


def test_the_stylesheet_and_icon_are_served_by_the_app_itself(client, season):
    page = get_page(client, SEASON_URL)
    links = [page.find("link", rel="stylesheet")["href"], page.find("link", rel="icon")["href"]]

    for href in links:
        assert href.startswith("/static/"), "never from a CDN"
        response = client.get(href)
        assert response.status_code == HTTPStatus.OK, href
        assert b"".join(response.streaming_content)


def test_the_canonical_link_leaves_out_the_query_string(client, season):
    page = get_page(client, SEASON_URL + "?utm_source=x")
    assert page.find("link", rel="canonical")["href"] == "http://testserver" + SEASON_URL


def test_the_season_description_is_the_start_of_the_lead(client, season):
    description = meta(get_page(client, SEASON_URL), "name", "description")
    assert description.startswith("The second season of the American television series")
    assert description.endswith("…")


def test_the_season_json_ld_is_a_tv_season(client, season):
    data = json_ld(get_page(client, SEASON_URL))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "TVSeason"
    assert data["name"] == "Jessica Jones season 2"
    assert data["url"] == "http://testserver" + SEASON_URL
    assert data["partOfSeries"] == {"@type": "TVSeries", "name": "Jessica Jones"}
    assert data["seasonNumber"] == 2
    assert data["numberOfEpisodes"] == 13
    assert data["startDate"] == "2018-03-08"
    # The seed's infobox names no production company, so none is claimed.
    assert "productionCompany" not in data


def test_the_season_json_ld_lists_the_cast_as_performance_roles(client, season):
    actors = json_ld(get_page(client, SEASON_URL))["actor"]
    assert len(actors) == 22
    assert actors[0] == {
        "@type": "PerformanceRole",
        "actor": {
            "@type": "Person",
            "name": "Krysten Ritter",
            "url": "http://testserver/people/krysten-ritter/",
        },
        "characterName": "Jessica Jones",
    }
    assert actors[-1]["characterName"] == "Thembi Wallace"


def test_the_season_json_ld_has_an_aggregate_rating_per_aggregator(client, season):
    ratings = json_ld(get_page(client, SEASON_URL))["aggregateRating"]
    assert ratings == [
        {
            "@type": "AggregateRating",
            "author": {"@type": "Organization", "name": "Rotten Tomatoes"},
            "ratingValue": 82,
            "bestRating": 100,
            "worstRating": 0,
            "reviewCount": 89,
            "name": "82%",
            "description": (
                "While Jessica Jones is a slower burn with less focus than its inaugural "
                "season, its enticing new character arc more fully details the most "
                "charismatic Defender."
            ),
        },
        {
            "@type": "AggregateRating",
            "author": {"@type": "Organization", "name": "Metacritic"},
            "ratingValue": 70,
            "bestRating": 100,
            "worstRating": 0,
            "reviewCount": 19,
            "name": "70 out of 100",
            "description": "generally favorable",
        },
    ]


def test_the_season_json_ld_has_the_critics_reviews(client, season):
    reviews = json_ld(get_page(client, SEASON_URL))["review"]
    assert [r["publisher"]["name"] for r in reviews] == [
        "Collider",
        "IndieWire",
        "Digital Spy",
        "The Washington Post",
        "Polygon",
    ]
    keene = reviews[0]
    assert keene["@type"] == "Review"
    assert keene["author"] == {
        "@type": "Person",
        "name": "Allison Keene",
        "url": "http://testserver/people/allison-keene/",
    }
    assert keene["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 80,
        "bestRating": 100,
        "worstRating": 0,
        "name": "4 out of 5 stars",
    }
    assert reviews[1]["reviewRating"]["name"] == "B"
    assert reviews[1]["reviewRating"]["ratingValue"] == 75
    # No rating is given for the others, so none is claimed.
    assert ["reviewRating" in r for r in reviews] == [True, True, False, False, False]
    assert reviews[3]["reviewBody"] == "lacks shock value"


def test_a_production_company_in_the_infobox_goes_into_the_json_ld(client, season):
    InfoboxField.objects.create(
        season=season, position=8, key="Production companies", value="Marvel Television, ABC"
    )
    data = json_ld(get_page(client, SEASON_URL))
    assert data["productionCompany"] == [
        {"@type": "Organization", "name": "Marvel Television"},
        {"@type": "Organization", "name": "ABC"},
    ]


def test_the_person_json_ld_is_a_person(client, season):
    data = json_ld(get_page(client, "/people/raelle-tucker/"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Raelle Tucker",
        "url": "http://testserver/people/raelle-tucker/",
        "jobTitle": ["executive producer", "writer"],
    }


def test_json_ld_cannot_be_broken_out_of(client, season):
    name = "</script><script>alert(1)</script> & <!--"
    critic = PersonFactory(name=name, slug="breaker")
    CreditFactory(season=season, person=critic, billing="guest", character=name)
    ReviewFactory(season=season, critic=critic)
    html = client.get(SEASON_URL).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert "<" not in script
    assert ">" not in script
    assert "&" not in script
    assert "\\u003c/script\\u003e" in script
    data = json.loads(script)
    assert name in [actor["characterName"] for actor in data["actor"]]
    assert name in [review["author"]["name"] for review in data["review"]]
    person_html = client.get("/people/breaker/").content.decode()
    assert "</script><script>alert(1)" not in person_html


def test_the_sitemap_lists_every_public_page(client, season):
    draft = SeasonFactory(series=season.series, number=3, status=Season.Status.DRAFT)
    hidden = PersonFactory(name="Only In Drafts")
    CreditFactory(season=draft, person=hidden)
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/xml")
    assert "<sitemapindex" in response.content.decode()
    locations = sitemap_locations(client)
    people = [f"http://testserver{p.get_absolute_url()}" for p in Person.objects.all()]
    people.remove(f"http://testserver{hidden.get_absolute_url()}")
    assert len(people) == 44
    assert sorted(locations) == sorted(
        [
            "http://testserver/",
            "http://testserver" + SEASON_URL,
            "http://testserver" + TIMELINE_URL,
            *people,
        ]
    )


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_an_unknown_page_gets_the_site_styled_404(client):
    page = get_page(client, "/seasons/no-such-season/", status=HTTPStatus.NOT_FOUND)
    assert page.title.string == "Page not found – Season wiki"
    assert page.find("h1").string == "Page not found"
    assert page.find("link", rel="stylesheet")["href"] == "/static/catalog/site.css"
    assert page.select_one("a.skip-link")["href"] == "#content"
    assert meta(page, "name", "robots") == "noindex"
    assert meta(page, "property", "og:title") == "Page not found"


def test_the_500_page_renders_without_context_processors():
    # Django's handler renders 500.html with an empty context: no request, no processors.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    html = response.content.decode()
    assert "<title>Server error – Season wiki</title>" in html
    assert "<h1>Something went wrong</h1>" in html
    assert '<link rel="stylesheet" href="/static/catalog/site.css">' in html
    assert '<main id="content"' in html
