"""Helpers for the page tests: fetch a page and read it as parsed HTML."""

import json
from http import HTTPStatus

from bs4 import BeautifulSoup

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


def json_ld(soup):
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)
