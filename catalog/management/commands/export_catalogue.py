import sys
from urllib.parse import urlsplit

from django.core.exceptions import DisallowedHost
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory

from catalog.api.export import gzipped, ndjson_lines


class Command(BaseCommand):
    help = (
        "Write all published content as gzipped NDJSON, as GET /api/v1/export/ serves it "
        "(load it with load_catalogue)."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="The file to write (default: standard output).")
        parser.add_argument(
            "--base-url",
            default="http://localhost:8000",
            help="The site's address, for the objects' absolute `url`s (default: %(default)s).",
        )

    def handle(self, *args, output=None, base_url, **options):
        request = self.request(base_url)
        chunks = gzipped(ndjson_lines(request))
        if output is None:
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
            return
        with open(output, "wb") as file:
            for chunk in chunks:
                file.write(chunk)
        self.stderr.write(f"Wrote {output}.")

    def request(self, base_url):
        """A request for `base_url`, for the serializers' absolute addresses."""
        address = urlsplit(base_url)
        if address.scheme not in ("http", "https") or not address.netloc:
            raise CommandError(f"--base-url {base_url!r} is not an http(s) address.")
        request = RequestFactory().get(
            "/api/v1/export/", HTTP_HOST=address.netloc, secure=address.scheme == "https"
        )
        try:
            request.build_absolute_uri("/")
        except DisallowedHost as error:
            raise CommandError(
                f"{address.netloc} is not in DJANGO_ALLOWED_HOSTS; add it, or choose another "
                "--base-url."
            ) from error
        return request
