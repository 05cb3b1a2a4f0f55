"""Send the shared caches' pending purges again (catalog/delivery/purging.py): run it from cron."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalog.delivery import purging


class Command(BaseCommand):
    help = (
        "Send every purge a shared HTTP cache has not taken yet again; exits non-zero while "
        "some cache still fails."
    )

    def handle(self, *args, **options):
        if not settings.CACHE_PURGER:
            self.stdout.write("No purger is configured (DJANGO_CACHE_PURGER): nothing sent.")
            return
        failures = purging.retry_pending()
        for url, error in failures.items():
            self.stderr.write(f"{url}: {error}")
        if failures:
            raise CommandError(f"{len(failures)} cache(s) still failing; the keys stay pending.")
        self.stdout.write("Every pending purge went through.")
