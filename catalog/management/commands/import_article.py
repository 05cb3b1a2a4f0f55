from django.core.management.base import BaseCommand, CommandError

from catalog.importer import ArticleError, NotesRefused, article_import
from catalog.management import editor_named


class Command(BaseCommand):
    help = (
        "Import or update a season from an article file (and its citations file), then list "
        "the notes: what the article holds that the importer could not use."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The article, in the seeds' plain-text format.")
        parser.add_argument(
            "--citations", help="The sentences with their reference markers, one per line."
        )
        parser.add_argument(
            "--user", help="The editor the import's revision is recorded for (default: none)."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Write nothing: list what the import would create and change (old and new "
            "values), and count what it would leave as it is.",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Refuse an article with notes: nothing is written, and the notes are listed.",
        )

    def handle(self, *args, path, citations=None, user=None, dry_run=False, strict=False, **_):
        editor = editor_named(user, "Nothing was imported.")
        try:
            result = article_import(
                path=path, citations_path=citations, user=editor, dry_run=dry_run, strict=strict
            )
        except NotesRefused as refused:
            raise CommandError(
                f"{refused}. Nothing was imported.\n{notes_text(refused.notes)}"
            ) from refused
        except ArticleError as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        season = result.season
        if dry_run:
            self.stdout.write(
                f"Dry run (nothing written): importing {season.title} ({season.slug}) "
                f"would give {result.summary.line()}."
            )
            self.stdout.write(plan_text(result.plan))
        else:
            self.stdout.write(f"Imported {season.title} ({season.slug}): {result.summary.line()}.")
        if result.plan.kept:
            self.stdout.write(kept_text(result.plan.kept))
        if result.notes:
            self.stdout.write(notes_text(result.notes))


def notes_text(notes):
    """The notes, one a line, under a heading that counts them."""
    heading = f"{len(notes)} note{'s' if len(notes) != 1 else ''} (not imported):"
    return "\n".join([heading, *(f"  {note}" for note in notes)])


def plan_text(plan):
    """Per kind of content: each row created (+) and updated (~, with its old and new values),
    and how many are unchanged."""
    lines = []
    for kind, actions in plan.kinds():
        counts = ", ".join(f"{len(rows)} {action}" for action, rows in actions.items())
        lines.append(f"{kind.capitalize()}: {counts}")
        for row in actions["created"]:
            lines.append(f"  + {row.key}{at(row)}")
        for row in actions["updated"]:
            lines.append(f"  ~ {row.key}{at(row)}")
            for label, (old, new) in row.changes.items():
                lines.append(f"      {label}: {old!r} -> {new!r}")
    return "\n".join(lines)


def kept_text(kept):
    """The values kept as editors changed them since the last import, field by field: the
    editors' value (kept), the article's and the one at the last import."""
    conflicts = sum(value.conflict for value in kept)
    lines = [
        f"Kept {len(kept)} value{'s' if len(kept) != 1 else ''} editors changed since the last "
        f"import ({conflicts} conflict{'s' if conflicts != 1 else ''}: the article changed "
        "them too); the article's value was not written:"
    ]
    rows = {}
    for value in kept:
        rows.setdefault((value.kind, value.key, value.line), []).append(value)
    for (kind, key, line), values in rows.items():
        lines.append(f"  {kind.capitalize()} › {key}{f' (line {line})' if line else ''}")
        for value in values:
            conflict = " [conflict]" if value.conflict else ""
            if value.label == "row":
                changed = ", and the article changed it" if value.conflict else ""
                lines.append(f"      deleted by editors{conflict}: not re-created{changed}")
                continue
            lines.append(
                f"      {value.label}{conflict}: editors {value.ours!r}, article "
                f"{value.theirs!r}, at last import {value.base!r}"
            )
    return "\n".join(lines)


def at(row):
    return f" (line {row.line})" if row.line else ""
