"""Trigram indexes for the site's search and the admin's, on PostgreSQL only.

Search matches with `icontains`, which Django writes on PostgreSQL as
`UPPER("col"::text) LIKE UPPER('%words%')`; a GIN index of `UPPER(col)` with pg_trgm's
`gin_trgm_ops` answers exactly that expression (for words of three characters or more).
A query of fewer than three characters has no trigram: search matches characters by how they
start then (`UPPER(character) LIKE 'AN%'`), which a B-tree of `UPPER(character)` with
`text_pattern_ops` answers.

SQLite has neither pg_trgm nor GIN: there these operations do nothing, and search scans, as
it does at the seed's size.
"""

from django.db import migrations

# (index, table, column)
TRIGRAM_INDEXES = [
    ("catalog_person_name_trgm", "catalog_person", "name"),
    ("catalog_person_sort_name_trgm", "catalog_person", "sort_name"),
    ("catalog_credit_character_trgm", "catalog_credit", "character"),
    ("catalog_outlet_name_trgm", "catalog_outlet", "name"),
    ("catalog_season_title_trgm", "catalog_season", "title"),
]


class PostgreSQLOnly(migrations.RunSQL):
    """RunSQL that runs on PostgreSQL and does nothing elsewhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0007_history_prose_help_text")]

    operations = [
        # Left in place on the way back: other databases' objects may use it.
        PostgreSQLOnly("CREATE EXTENSION IF NOT EXISTS pg_trgm", migrations.RunSQL.noop),
        *(
            PostgreSQLOnly(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
                f'USING gin (UPPER("{column}") gin_trgm_ops)',
                f'DROP INDEX IF EXISTS "{name}"',
            )
            for name, table, column in TRIGRAM_INDEXES
        ),
        PostgreSQLOnly(
            'CREATE INDEX IF NOT EXISTS "catalog_credit_character_prefix" ON "catalog_credit" '
            '(UPPER("character") text_pattern_ops)',
            'DROP INDEX IF EXISTS "catalog_credit_character_prefix"',
        ),
    ]
