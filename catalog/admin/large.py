"""Admin lists at the size of a large catalogue: no full-table COUNT(*) on PostgreSQL, and
searches that use the indexes.

Django's changelist counts its rows twice: the filtered list (for the pages) and, with
`show_full_result_count`, the whole table ("3 results (500,000 total)"). On PostgreSQL a
COUNT(*) reads the whole table. Every content admin turns the second count off, and counts the
first with `EstimatedCountPaginator`: an unfiltered list of a large table takes PostgreSQL's own
estimate of its rows (`pg_class.reltuples`, kept by ANALYZE and autovacuum), so the last page
number may be off by a little; a filtered or searched list, or a small table, is counted.
"""

import operator
from functools import cached_property, reduce

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal

# Below this many rows a table is counted exactly: it is cheap, and exact.
ESTIMATE_ABOVE = 10_000


def estimated_rows(queryset):
    """PostgreSQL's estimate of the rows of `queryset`'s table, or None where there is none."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [queryset.model._meta.db_table],
        )
        row = cursor.fetchone()
    # -1: never analyzed yet.
    return row[0] if row and row[0] >= 0 else None


class EstimatedCountPaginator(Paginator):
    @cached_property
    def count(self):
        queryset = self.object_list
        if not queryset.query.where:
            estimate = estimated_rows(queryset)
            if estimate is not None and estimate > ESTIMATE_ABOVE:
                return estimate
        return super().count


class SubquerySearchMixin:
    """The changelist's search as Django's (each word matches some field, case-insensitively),
    written so that PostgreSQL can use its indexes on a large table.

    Django joins the related tables and ORs every field in one WHERE, which reads every row of
    the list's table (500,000 credits) whatever the indexes. Here a field of a related model
    (`person__name`) becomes `person IN (the people whose name matches)`, a subquery that uses
    that table's own (trigram) index, and a many-to-many one (`people__name`) the same through
    the rows' ids; the list's own fields are matched as Django does. No join, so no duplicate
    rows and no DISTINCT.
    """

    def get_search_results(self, request, queryset, search_term):
        words = [
            unescape_string_literal(word) if word[0] in "\"'" and word[0] == word[-1] else word
            for word in smart_split(search_term)
        ]
        fields = self.get_search_fields(request)
        for word in words:
            queryset = queryset.filter(self.word_matches(word, fields))
        return queryset, False

    def word_matches(self, word, fields):
        by_relation = {}
        own = []
        for path in fields:
            relation, _, field = path.partition("__")
            if field:
                by_relation.setdefault(relation, []).append(field)
            else:
                own.append(relation)
        matches = [Q(**{f"{name}__icontains": word}) for name in own]
        for relation, names in by_relation.items():
            model_field = self.model._meta.get_field(relation)
            related = model_field.related_model._default_manager.filter(
                reduce(operator.or_, (Q(**{f"{name}__icontains": word}) for name in names))
            ).values("pk")
            if model_field.many_to_many:
                through = self.model._default_manager.filter(**{f"{relation}__in": related})
                matches.append(Q(pk__in=through.values("pk")))
            else:
                matches.append(Q(**{f"{relation}__in": related}))
        return reduce(operator.or_, matches)
