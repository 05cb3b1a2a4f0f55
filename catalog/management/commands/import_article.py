from django.core.management.base import BaseCommand, CommandError

from catalog.importer import ArticleError, article_import
from catalog.management import editor_named


class Command(BaseCommand):
    help = "Import or update a season from an article file (and its citations file)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The article, in the seeds' plain-text format.")
        parser.add_argument(
            "--citations", help="The sentences with their reference markers, one per line."
        )
        parser.add_argument(
            "--user", help="The editor the import's revision is recorded for (default: none)."
        )

    def handle(self, *args, path, citations=None, user=None, **options):
        editor = editor_named(user, "Nothing was imported.")
        try:
            season, summary = article_import(path=path, citations_path=citations, user=editor)
        except ArticleError as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        self.stdout.write(f"Imported {season.title} ({season.slug}): {summary.line()}.")
