"""Derive fixtures/ from seeds/: import every seed article into a fresh database, dump it."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

FIXTURE_NAME = "seed-content.json"
# Per-database bookkeeping that would make two builds differ.
VOLATILE_FIELDS = {"created_at", "updated_at"}
# The content, parents before children: the fixture's order, whatever the order in which the
# model modules happen to be imported.
CONTENT_MODELS = [
    "catalog.series",
    "catalog.season",
    "catalog.infoboxfield",
    "catalog.section",
    "catalog.person",
    "catalog.episode",
    "catalog.credit",
    "catalog.outlet",
    "catalog.review",
    "catalog.event",
    "catalog.accolade",
    "catalog.reference",
]


def seed_articles(seeds_dir):
    """(article, citations or None) for each article in seeds/, in name order."""
    for article in sorted(Path(seeds_dir).glob("*.txt")):
        if article.name.endswith(".citations.txt"):
            continue
        citations = article.with_name(article.stem + ".citations.txt")
        yield article, citations if citations.exists() else None


def build(seeds_dir):
    """The fixture's text, built in a throwaway SQLite database by separate processes."""
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{Path(tmp) / 'build.sqlite3'}"}

        def run(*args):
            done = subprocess.run([*manage, *args], env=env, capture_output=True, text=True)
            if done.returncode:
                raise CommandError(f"{' '.join(args[:2])} failed:\n{done.stderr.strip()}")
            return done.stdout

        run("migrate", "--verbosity", "0")
        for article, citations in seed_articles(seeds_dir):
            run(
                "import_article",
                str(article),
                *(["--citations", str(citations)] if citations else []),
            )
        dumped = json.loads(run("dumpdata", *CONTENT_MODELS, "--format", "json"))
    for record in dumped:
        for name in VOLATILE_FIELDS:
            record["fields"].pop(name, None)
    return json.dumps(dumped, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


class Command(BaseCommand):
    help = "Build fixtures/ from the articles in seeds/ (or, with --check, compare them)."

    def add_arguments(self, parser):
        parser.add_argument("--seeds", default=str(Path(settings.BASE_DIR) / "seeds"))
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "fixtures"))
        parser.add_argument(
            "--check", action="store_true", help="Fail if the fixtures differ from a fresh build."
        )

    def handle(self, *args, seeds, output, check, **options):
        text = build(seeds)
        target = Path(output) / FIXTURE_NAME
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                raise CommandError(f"{target} differs from a fresh build: run build_fixtures.")
            self.stdout.write(f"{target} matches a fresh build.")
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {target} ({len(json.loads(text))} records).")
