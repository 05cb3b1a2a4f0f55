import gzip
import sys

from django.core.management.base import BaseCommand, CommandError

from catalog.api.export import LoadError, catalogue_load
from catalog.content.services import Actor
from catalog.management import editor_named

GZIP_MAGIC = b"\x1f\x8b"


class Command(BaseCommand):
    help = (
        "Load an export (export_catalogue, or GET /api/v1/export/) into an empty database, "
        "through the write service as one import revision: all of it, or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The export, gzipped or not; - for standard input.")
        parser.add_argument(
            "--user", help="The editor the import's revision is recorded for (default: none)."
        )

    def handle(self, *args, path, user=None, **options):
        editor = editor_named(user, "Nothing was loaded.")
        try:
            with sys.stdin.buffer if path == "-" else open(path, "rb") as raw:
                file = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == GZIP_MAGIC else raw
                loaded = catalogue_load(self.lines(file), actor=Actor.importer(path, editor))
        except OSError as error:  # no such file, or not gzip after all
            raise CommandError(f"Cannot read {path}: {error}. Nothing was loaded.") from error
        except EOFError as error:
            raise CommandError(f"{path} ends early (cut short?). Nothing was loaded.") from error
        except LoadError as error:
            where = f"{path}, line {error.number}" if error.number else path
            raise CommandError(f"{where}: {error.message} Nothing was loaded.") from error
        counts = ", ".join(f"{n} {kind}" for kind, n in loaded.items())
        self.stdout.write(f"Loaded {counts or 'nothing'}.")

    def lines(self, file):
        for number, raw in enumerate(file, 1):
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise LoadError(number, f"not UTF-8 ({error}).") from error
