"""The season-article importer: `parse_article` (pure) and `writer.season_import` (one
transaction), joined by `import_text` (text in hand: the admin's import page) and
`article_import` (files: `import_article`).

A dry run is the real import, through the write service, inside a transaction that is then
rolled back: what it plans is exactly what a confirmed import does, and nothing of it stays
(no row, no revision, no announcement: the after-commit hooks of a rolled-back block never
run).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from catalog.importer.errors import ArticleError, LineProblem
from catalog.importer.parse import parse_article
from catalog.importer.text import article_text, read_article

__all__ = [
    "ArticleError",
    "ImportResult",
    "NotesRefused",
    "PlanChanged",
    "article_import",
    "article_text",
    "import_text",
    "parse_article",
    "read_article",
]


@dataclass
class ImportResult:
    """What an import did, or (a dry run) would do."""

    season: object  # after a dry run, unsaved: its title and slug are what it would be
    plan: object  # writer.ImportPlan: each row matched, created, updated (old and new) or unchanged
    notes: list  # data.Note: what the article held that the importer could not use

    @property
    def summary(self):
        return self.plan.summary

    @property
    def counts(self):
        """ "N created, N updated, N unchanged" (a template cannot call `summary.line`: the
        Counter's lookup comes first)."""
        return self.summary.line()

    def __iter__(self):
        # `season, summary = article_import(...)`, as callers wrote before the plan existed.
        return iter((self.season, self.summary))


class NotesRefused(ArticleError):
    """A strict import of an article with notes: nothing is written."""

    def __init__(self, path, notes):
        self.notes = notes
        count = f"{len(notes)} note{'s' if len(notes) != 1 else ''}"
        super().__init__(path, None, f"{count}, and the import is strict")


class PlanChanged(Exception):
    """A confirmed import now plans otherwise than the preview the editor confirmed (the data
    changed meanwhile); nothing was written. `result` is the new plan, as a dry run's."""

    def __init__(self, result):
        self.result = result
        super().__init__("the import now plans otherwise than its preview")


class _RollBack(Exception):
    def __init__(self, result):
        self.result = result


def import_text(
    *,
    text,
    source,
    citations=None,
    citations_source="<citations>",
    user=None,
    comment="",
    dry_run=False,
    strict=False,
    expect=None,
    max_rows=None,
    additions=(),
):
    """Parse and save an article's text (and its citations' text) as one revision by the
    importer (for `user`, when an editor runs it), or, with `dry_run`, only plan it. `strict`
    refuses an article with notes (NotesRefused); `expect`, a plan's fingerprint, refuses to
    write a plan that differs from it (PlanChanged); `max_rows` refuses, before writing, an
    article of more rows than that (what an import's time grows with); `additions`, rows an
    editor added from the notes (data.CreditData, ReviewData, EventData), are imported with
    the article's own (`additions.add_rows`). A problem is an ArticleError naming `source` and
    the line; nothing is written then."""
    from catalog.content.services import Actor
    from catalog.history.revisions import recording
    from catalog.importer.additions import add_rows
    from catalog.importer.writer import WriteProblem, rows_planned, season_import

    article = parse_article(text, source, citations, citations_source)
    try:
        add_rows(article, additions)
    except LineProblem as problem:
        raise ArticleError(source, problem.line, problem.problem) from problem
    if max_rows is not None and (rows := rows_planned(article)) > max_rows:
        raise ArticleError(
            source,
            None,
            f"the article holds {rows} rows of content, over the limit of {max_rows} of an "
            "import from the admin (import it with `manage.py import_article`)",
        )
    if strict and article.notes:
        raise NotesRefused(source, article.notes)
    actor = Actor.importer(source, user=user)
    try:
        # The whole import is one revision, which takes its feed position before it commits.
        with transaction.atomic(), recording(actor, comment):
            season, writer = season_import(article=article, actor=actor)
            result = ImportResult(season, writer.plan, article.notes)
            if dry_run or (expect is not None and expect != result.plan.fingerprint()):
                raise _RollBack(result)
            return result
    except WriteProblem as problem:
        line = problem.line or line_of_values(text, problem.values)
        raise ArticleError(source, line, str(problem)) from problem
    except _RollBack as rollback:
        if not dry_run:
            raise PlanChanged(rollback.result) from None
        return rollback.result


def article_import(*, path, citations_path=None, user=None, dry_run=False, strict=False):
    """Read, parse and save one article file (and its citations file), as `import_text`
    does. Returns an ImportResult."""
    limit = settings.SEASON_ARTICLE_MAX_BYTES
    text = read_article(path, limit)
    citations = read_article(citations_path, limit) if citations_path else None
    return import_text(
        text=text,
        source=str(path),
        citations=citations,
        citations_source=str(citations_path),
        user=user,
        dry_run=dry_run,
        strict=strict,
    )


def line_of_values(text, values):
    """The first line holding one of the refused row's text values: for the rows no single
    line gives (the season's own fields, a person's name)."""
    for value in values.values():
        if isinstance(value, str) and value:
            for number, line in enumerate(text.split("\n"), start=1):
                if value in line:
                    return number
    return None
