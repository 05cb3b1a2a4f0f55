"""The season-article importer: `parse_article` (pure) and `season_import` (one transaction)."""

from django.conf import settings
from django.db import transaction

from catalog.importer.errors import ArticleError
from catalog.importer.parse import parse_article
from catalog.importer.text import read_article

__all__ = ["ArticleError", "article_import", "parse_article", "read_article"]


def article_import(*, path, citations_path=None, user=None):
    """Read, parse and save one article (and its citations file), as one revision by the
    importer (for `user`, when an editor runs it). Returns (season, summary)."""
    from catalog.importer.writer import WriteProblem, season_import
    from catalog.revisions import recording
    from catalog.services import Actor

    limit = settings.SEASON_ARTICLE_MAX_BYTES
    text = read_article(path, limit)
    citations = read_article(citations_path, limit) if citations_path else None
    article = parse_article(text, str(path), citations, str(citations_path))
    actor = Actor.importer(path, user=user)
    try:
        # The whole import is one revision, which takes its feed position before it commits.
        with transaction.atomic(), recording(actor):
            return season_import(article=article, actor=actor)
    except WriteProblem as problem:
        line = problem.line or line_of_values(text, problem.values)
        raise ArticleError(path, line, str(problem)) from problem


def line_of_values(text, values):
    """The first line holding one of the refused row's text values: for the rows no single
    line gives (the season's own fields, a person's name)."""
    for value in values.values():
        if isinstance(value, str) and value:
            for number, line in enumerate(text.split("\n"), start=1):
                if value in line:
                    return number
    return None
