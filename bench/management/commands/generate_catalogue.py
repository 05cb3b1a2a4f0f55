"""`manage.py generate_catalogue --settings=bench.settings`: a large catalogue from a seed, for
measuring at size."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from bench.catalogue import DEFAULT_SIZES, generate
from catalog.delivery.caching import invalidate_everything
from catalog.models import Outlet, Person, Season, Series

COUNTS = ["series", "seasons", "people", "outlets", "credits", "reviews", "events"]


def positive_float(text):
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not 0 < value <= 10:
        raise CommandError(f"--scale must be a number above 0 and at most 10, not {text!r}.")
    return value


def whole_number(text):
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise CommandError(f"Counts are whole numbers of at least 1, not {text!r}.")
    return int(text)


class Command(BaseCommand):
    help = (
        "Generate a large published catalogue from a seed (by default 1,000 seasons over 200 "
        "series, 20,000 people, 500,000 credits, 50,000 reviews, 100,000 events), written in "
        "bulk with no revisions. Refuses a database that already has content unless --append."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="The same seed, the same rows.")
        parser.add_argument(
            "--scale",
            type=positive_float,
            default=1.0,
            help="Multiply every default count (0.01: 10 seasons, 5,000 credits, ...).",
        )
        for name in COUNTS:
            parser.add_argument(
                f"--{name}",
                type=whole_number,
                help=f"How many {name} (default {getattr(DEFAULT_SIZES, name):,} times --scale).",
            )
        parser.add_argument(
            "--append",
            action="store_true",
            help="Add the catalogue to a database that already has content (people and "
            "outlets of the same name are reused; taken series and season slugs get -2).",
        )

    def handle(self, *args, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("The database is not migrated: run `manage.py migrate` first.")
        sizes = DEFAULT_SIZES.scaled(options["scale"]).with_counts(
            **{name: options[name] for name in COUNTS}
        )
        problems = sizes.problems()
        if problems:
            raise CommandError(" ".join(problems))
        held = self.content_held()
        if held and not options["append"]:
            raise CommandError(
                f"The database already holds content ({held}). generate_catalogue fills an "
                "empty database: point DATABASE_URL at a fresh one, or pass --append to add "
                "the catalogue beside what is there."
            )
        self.stdout.write(
            f"Generating from seed {options['seed']}: {sizes.series:,} series, "
            f"{sizes.seasons:,} seasons, {sizes.people:,} people, {sizes.outlets:,} outlets, "
            f"{sizes.credits:,} credits, {sizes.reviews:,} reviews, {sizes.events:,} events."
        )
        started = time.monotonic()
        verbose = options["verbosity"] > 1
        report = generate(
            sizes,
            options["seed"],
            progress=(lambda message: self.stdout.write(f"  {message}")) if verbose else None,
        )
        # Bulk rows bypass the write service: every stored answer is stale now.
        invalidate_everything()
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {report.series:,} series, {report.seasons:,} seasons, "
                f"{report.people:,} people, {report.outlets:,} outlets, "
                f"{report.credits:,} credits, {report.reviews:,} reviews, "
                f"{report.events:,} events, {report.accolades:,} accolades, "
                f"{report.episodes:,} episodes in {seconds:.0f} s."
            )
        )

    def content_held(self):
        counts = [
            (model.objects.count(), model._meta) for model in (Series, Season, Person, Outlet)
        ]
        return ", ".join(
            f"{n:,} {opts.verbose_name if n == 1 else opts.verbose_name_plural}"
            for n, opts in counts
            if n
        )
