"""What machines read: <head> metadata, JSON-LD, the sitemap, robots.txt, error pages."""

import json
import re
from http import HTTPStatus

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from catalog.models import Person, Season
from tests.factories import CreditFactory, PersonFactory, ReviewFactory, SeasonFactory
from tests.pages import SEASON_URL, TIMELINE_URL, get_page, sitemap_locations

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


# The JSON-LD's properties are specified in tests/test_structured_data.py.


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
