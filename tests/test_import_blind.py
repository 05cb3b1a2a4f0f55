"""The blind corpus (tests/articles/blind): season articles written by people who never saw
the importer, each with the facts they wrote down from its text before its first reading
(`<slug>.facts.json`). Every fact should come out, nothing else, and every article import.

What is still wrong is listed in tests/articles/blind/known-misses.json (`make score-articles
ARGS=--record` writes it): these tests fail when the importer's reading differs from that list
either way, so a fix takes its entries out and a regression cannot slip in. The first
readings' scores are in docs/importing.md ("The blind corpus")."""

import json

import pytest

from bench.article_facts import BLIND, KNOWN_MISSES, articles_in, known_misses, score_article
from catalog.importer import article_import, parse_article

ARTICLES = articles_in(BLIND)
KNOWN = json.loads(KNOWN_MISSES.read_text())


def test_the_corpus_holds_fifteen_articles_or_more():
    assert len(ARTICLES) >= 15
    assert set(KNOWN) <= {path.stem for path in ARTICLES}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_the_importer_reads_every_fact_but_the_known_misses(path):
    score = score_article(path)

    assert known_misses([score]).get(path.stem) == KNOWN.get(path.stem)
    assert score.expected >= 40


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", [p for p in ARTICLES if not KNOWN.get(p.stem, {}).get("refused")], ids=lambda p: p.stem
)
def test_every_article_imports_with_every_row_it_reads(path):
    read = parse_article(path.read_text(), str(path))

    season, _summary = article_import(path=path)

    assert season.series.name == read.series
    assert season.credits.count() == len(read.credits)
    assert season.reviews.count() == len(read.reviews)
    assert season.events.count() == len(read.events)
    assert season.accolades.count() == len(read.accolades)
