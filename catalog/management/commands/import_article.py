from django.core.management.base import BaseCommand, CommandError

from catalog.importer import ArticleError, article_import


class Command(BaseCommand):
    help = "Import or update a season from an article file (and its citations file)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The article, in the seeds' plain-text format.")
        parser.add_argument(
            "--citations", help="The sentences with their reference markers, one per line."
        )

    def handle(self, *args, path, citations=None, **options):
        try:
            season, summary = article_import(path=path, citations_path=citations)
        except ArticleError as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        self.stdout.write(f"Imported {season.title} ({season.slug}): {summary.line()}.")
