"""Security headers: a strict Content-Security-Policy on the public pages (which run no script
at all), the admin's and the API pages' own policy, and a Permissions-Policy on everything."""

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

from tests.pages import SEASON_URL, TIMELINE_URL

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    SEASON_URL,
    TIMELINE_URL,
    "/people/krysten-ritter/",
    "/search/?q=jones",
    "/no-such-page/",
]


def csp(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_allow_no_script_and_no_inline_style_but_their_own(client, season, url):
    response = client.get(url)
    policy = csp(response)

    assert policy["script-src"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["style-src"][0] == "'self'"
    assert all(s.startswith("'sha256-") for s in policy["style-src"][1:])
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def sha256_source(text):
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


@pytest.mark.parametrize("url", ["/", SEASON_URL])
def test_the_season_colours_are_the_one_inline_css_allowed_by_its_hash(client, season, url):
    # A hash, not a nonce: the page is served from the cache to many visitors, and a nonce
    # would then be the same for all of them.
    for _ in range(2):  # rendered, then from the cache
        response = client.get(url)
        (style,) = BeautifulSoup(response.content, "html.parser").select("style")
        assert csp(response)["style-src"] == ["'self'", sha256_source(style.string)]
        assert "nonce" not in response["Content-Security-Policy"]


def test_a_changed_colour_is_allowed_by_its_new_hash(client, season):
    from catalog.content import services

    services.content_save(
        instance=season,
        actor=services.Actor.editor(None, "admin"),
        fields={"background_color": "#004400"},
    )
    response = client.get(SEASON_URL)
    (style,) = BeautifulSoup(response.content, "html.parser").select("style")
    assert "#004400" in style.string
    assert csp(response)["style-src"] == ["'self'", sha256_source(style.string)]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_carry_no_script_and_no_style_attribute(client, season, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")

    assert page.select("[style]") == []
    assert [s.get("type") for s in page.select("script")] in ([], ["application/ld+json"])
    assert not any(attr.startswith("on") for e in page.find_all(True) for attr in e.attrs)


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/", "/api/v1/docs/", "/api/v1/seasons/"])
def test_the_admin_and_the_api_pages_run_their_own_script_files_only(editor_admin, url):
    response = editor_admin.get(url, HTTP_ACCEPT="text/html")
    policy = csp(response)

    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_the_api_docs_page_loads_its_setup_script_from_a_file(client):
    page = BeautifulSoup(client.get("/api/v1/docs/").content, "html.parser")

    scripts = page.select("script")
    assert scripts
    assert all(s.get("src") and not s.string for s in scripts)
    setup = client.get(scripts[-1]["src"])
    assert setup["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in setup.content


@pytest.mark.parametrize("url", [*PUBLIC_PAGES, "/admin/login/", "/api/v1/", "/sitemap.xml"])
def test_every_response_turns_off_the_browser_features_the_site_never_uses(client, season, url):
    features = dict(
        part.strip().split("=", 1) for part in client.get(url)["Permissions-Policy"].split(",")
    )

    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]:
        assert features[feature] == "()"
