"""Migration 0008: trigram indexes for search on PostgreSQL, nothing on SQLite; and the index
matches the SQL the search writes (`UPPER("col"::text) LIKE UPPER(...)`)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalog.models import Credit, Outlet, Person

BEFORE = [("catalog", "0007_history_prose_help_text")]
AFTER = [("catalog", "0008_search_trigram_indexes")]
INDEXES = {
    "catalog_person_name_trgm",
    "catalog_person_sort_name_trgm",
    "catalog_credit_character_trgm",
    "catalog_outlet_name_trgm",
    "catalog_season_title_trgm",
}
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's"
)


def trigram_indexes():
    if connection.vendor != "postgresql":
        return {
            name
            for table in ("catalog_person", "catalog_credit", "catalog_outlet", "catalog_season")
            for name in connection.introspection.get_constraints(connection.cursor(), table)
            if name.endswith("_trgm")
        }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE %s AND indexdef LIKE %s",
            ["%_trgm", "%USING gin (upper((%)::text) gin_trgm_ops)"],
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_the_migration_runs_both_ways_on_this_database():
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        assert trigram_indexes() == set()
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        expected = INDEXES if connection.vendor == "postgresql" else set()
        assert trigram_indexes() == expected
    finally:
        call_command("migrate", verbosity=0)


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # With no table scan to fall back on, the planner shows whether an index answers it.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@postgresql_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("queryset", "index"),
    [
        (lambda: Person.objects.filter(name__icontains="klein"), "catalog_person_name_trgm"),
        (
            lambda: Credit.objects.filter(character__icontains="Detective"),
            "catalog_credit_character_trgm",
        ),
        (lambda: Outlet.objects.filter(name__icontains="Chronicle"), "catalog_outlet_name_trgm"),
    ],
)
def test_the_search_s_icontains_uses_the_trigram_index(queryset, index):
    assert f"Bitmap Index Scan on {index}" in plan(queryset())
