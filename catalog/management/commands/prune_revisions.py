"""Bound the history's storage: delete old history rows and the revisions left empty."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from catalog.models import Revision, content_models


def parse_date(text):
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--before wants a date as YYYY-MM-DD, not {text!r}.") from error
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Command(BaseCommand):
    help = (
        "Delete history older than --before, keeping the latest --keep history rows of every "
        "object (a deleted object's last row included, so it can still be restored), then "
        "the revisions that no longer hold any row."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, default=10, help="Rows kept per object (10).")
        parser.add_argument(
            "--before", required=True, help="Only rows older than this date (YYYY-MM-DD) go."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, keep, before, dry_run, **options):
        if keep < 1:
            raise CommandError("--keep must be at least 1: an object's latest row is its history.")
        cutoff = parse_date(before)
        with transaction.atomic():
            rows = sum(
                self.prune_history(model, keep, cutoff, dry_run) for model in content_models()
            )
            empty = Revision.objects.filter(created_at__lt=cutoff)
            for model in content_models():
                empty = empty.filter(~Exists(model.history.filter(revision=OuterRef("pk"))))
            revisions = empty.count() if dry_run else empty.delete()[0]
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {rows} history rows and {revisions} revisions.")

    def prune_history(self, model, keep, cutoff, dry_run):
        history = model.history.all()
        # The latest `keep` rows of each object, newest first.
        newest = history.annotate(
            rank=Window(RowNumber(), partition_by=F("id"), order_by=F("history_id").desc())
        )
        kept = newest.filter(rank__lte=keep).values("history_id")
        old = history.filter(history_date__lt=cutoff).exclude(history_id__in=kept)
        if dry_run:
            return old.count()
        return old.delete()[0]
