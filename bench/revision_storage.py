"""What one revision costs in the database, for typical edits; prints a table.

    make bench-storage                           # a throwaway SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/seasonwiki make bench-storage

It creates a throwaway test database (test_<name> on PostgreSQL), loads the seed content, makes
each edit through the write service, and measures the rows that edit's revision added: on
PostgreSQL with pg_column_size (the stored size of each row, before indexes), elsewhere as the
length of each row's values as text (an estimate).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jjsite.settings")


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    names = setup_databases(verbosity=0, interactive=False)
    try:
        call_command("loaddata", str(ROOT / "fixtures" / "seed-content.json"), verbosity=0)
        rows = [(label, *measure(connection, edit)) for label, edit in edits()]
    finally:
        teardown_databases(names, verbosity=0)
    how = "pg_column_size" if connection.vendor == "postgresql" else "text length (estimate)"
    print(f"Storage per revision on {connection.vendor}, measured by {how}:")
    print(f"{'edit':<52} {'rows':>5} {'bytes':>7}")
    for label, count, size in rows:
        print(f"{label:<52} {count:>5} {size:>7}")


def edits():
    from django.contrib.auth.models import User

    from catalog.content import services
    from catalog.history import revisions
    from catalog.models import Credit, Person, Revision, Season, Section

    user = User.objects.create_user("bench-editor")
    actor = services.Actor.editor(user, via=Revision.Via.ADMIN)

    def person():
        ritter = Person.objects.get(slug="krysten-ritter")
        services.content_save(instance=ritter, actor=actor, fields={"sort_name": "Ritter, K."})

    def section_word():
        section = Section.objects.get(anchor="filming")
        body = section.body.replace("Filming", "Principal photography", 1)
        services.content_save(instance=section, actor=actor, fields={"body": body})

    def season_field():
        season = Season.objects.get()
        services.content_save(instance=season, actor=actor, fields={"network": "Netflix (US)"})

    def cast_reorder():
        with revisions.recording(actor):
            credits = list(Credit.objects.cast().in_billing_order())
            first = credits[0]
            second = next(c for c in credits if c.order != first.order)
            orders = first.order, second.order
            services.content_save(instance=first, actor=actor, fields={"order": orders[1]})
            services.content_save(instance=second, actor=actor, fields={"order": orders[0]})

    def section_deleted():
        services.content_delete(instance=Section.objects.get(anchor="filming"), actor=actor)

    return [
        ("a person's sort name", person),
        ("one word of a section's prose (body 1.5 kB)", section_word),
        ("a season's network", season_field),
        ("two cast credits reordered (one revision)", cast_reorder),
        ("a section deleted", section_deleted),
    ]


def measure(connection, edit):
    from catalog.models import Revision, content_models

    before = Revision.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    edit()
    revision = Revision.objects.get(pk__gt=before)
    count, size = 1, row_size(connection, Revision._meta.db_table, "id", revision.pk)
    for model in content_models():
        table = model.history.model._meta.db_table
        for pk in model.history.filter(revision=revision).values_list("history_id", flat=True):
            count += 1
            size += row_size(connection, table, "history_id", pk)
    return count, size


def row_size(connection, table, key, pk):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f'SELECT pg_column_size(t.*) FROM "{table}" t WHERE "{key}" = %s', [pk])
            return cursor.fetchone()[0]
        cursor.execute(f'SELECT * FROM "{table}" WHERE "{key}" = %s', [pk])
        return sum(len(str(value)) for value in cursor.fetchone() if value is not None)


if __name__ == "__main__":
    main()
