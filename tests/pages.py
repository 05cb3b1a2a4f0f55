"""Helpers for the page tests: fetch a page and read it as parsed HTML."""

import json
import re
from http import HTTPStatus

from bs4 import BeautifulSoup, NavigableString

SEASON_URL = "/seasons/jessica-jones-season-2/"
TIMELINE_URL = "/seasons/jessica-jones-season-2/timeline/"


def get_page(client, url, status=HTTPStatus.OK):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    """The element's text with whitespace collapsed, as a reader sees it."""
    return " ".join(element.get_text(" ", strip=True).split())


def texts(elements):
    return [text(e) for e in elements]


def words_before(element):
    """The words of `element`'s paragraph right up to it, as a reader sees them, without the
    citation markers (a marker is kept on one line with its word, in a span of its own)."""
    words = []
    for node in element.find_parent("p").descendants:
        if node is element:
            break
        if isinstance(node, NavigableString) and node.find_parent("sup") is None:
            words.append(str(node))
    return "".join(words)


def json_ld(soup):
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def sitemap_text(client):
    """The text of every sitemap /sitemap.xml (an index) lists, as a crawler reads them."""
    index = client.get("/sitemap.xml")
    assert index.status_code == HTTPStatus.OK
    parts = []
    for location in re.findall(r"<loc>(.*?)</loc>", index.content.decode()):
        response = client.get(location.removeprefix("http://testserver").replace("&amp;", "&"))
        assert response.status_code == HTTPStatus.OK
        parts.append(response.content.decode())
    return "\n".join(parts)


def sitemap_locations(client):
    return re.findall(r"<loc>(.*?)</loc>", sitemap_text(client))
