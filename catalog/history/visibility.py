"""Which history rows visitors may see: the one rule for the public Recent changes (/changes/,
its feed, the home page), the API's changes feed and TMDb's change lists.

A history row is public while what it belongs to is public now, by the published rule:
season content while its season is published, a person or an outlet while published work
names them, a series while it has a published season, a season while it is published (and
its deletion, if it was published then). So nothing of a draft season shows, not even that
it changed. Each row is annotated with `live`, a value of its object now (None once it is
deleted), which the public pages link with.

Two readers also report when a season came into or went out of sight, which the rule above
cannot show (the season is a draft now, or was one then): the API's feed sends a withdrawal
as a tombstone (`withdrawals`), and TMDb's lists, a log in time, show a season's rows while
it was published at that write (`season_rows_shown_then`).
"""

import operator
from functools import cache, reduce

from django.db.models import Exists, OuterRef, Q, Subquery, Value

from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Outlet,
    Person,
    Reference,
    Review,
    Revision,
    Season,
    Section,
    Series,
)
from catalog.models.base import PUBLISHED, published_q


def _live(queryset, field):
    """`field` of the object a history row is about, as `queryset` holds it now (None when the
    object is gone or the queryset leaves it out)."""
    return Subquery(queryset.filter(pk=OuterRef("id")).order_by().values(field))


def _season_rows(model):
    return model.history.annotate(live=_live(Season.objects.published(), "slug")).filter(
        Q(live__isnull=False) | Q(history_type="-") & published_q()
    )


def _series_rows(model):
    first_season = Season.objects.published().filter(series=OuterRef("id")).order_by("number")
    return model.history.annotate(live=Subquery(first_season.values("slug")[:1])).filter(
        live__isnull=False
    )


def _public_object_rows(model):
    # People and outlets: public while published work names them (their own published()).
    field = "slug" if model is Person else "name"
    return model.history.annotate(live=_live(model.objects.published(), field)).filter(
        live__isnull=False
    )


def _season_content(path="season", related=(), live="pk"):
    """Rows of content reached through a season at `path`: public while it is published.
    `related`: the objects joined to each row for its label and link."""

    def rows(model):
        return (
            model.history.filter(published_q(path))
            .annotate(live=_live(model._base_manager, live))
            .select_related(path, *related)
        )

    return rows


# Each content model's public rows, in the order a revision's objects are listed.
PUBLIC_ROWS = {
    Season: _season_rows,
    Series: _series_rows,
    Section: _season_content(live="anchor"),
    InfoboxField: _season_content(),
    Episode: _season_content(),
    Credit: _season_content(related=["person"]),
    Review: _season_content(related=["outlet", "critic"]),
    Event: _season_content(),
    Accolade: _season_content(),
    Reference: _season_content(),
    Person: _public_object_rows,
    Outlet: _public_object_rows,
}


def public_rows(model):
    """The history rows of `model` that visitors may see (a queryset)."""
    return _public_rows(model).all()


@cache
def _public_rows(model):
    # Built once (see _public_revisions), cloned with .all() for each use.
    return PUBLIC_ROWS[model](model)


def flag(model):
    """The name of public_revisions()' annotation: did the revision write a public row of
    `model`?"""
    return f"touches_{model._meta.model_name}"


def public_revisions():
    """The revisions that wrote something visitors may see, newest first, each flagged with
    the models whose public rows it wrote (see `flag`)."""
    return _public_revisions().all()


@cache
def _public_revisions():
    # A dozen nested subqueries take longer to build than the database takes to run them, and
    # nothing in them changes: built once per process, and cloned with .all() for each use, as
    # a class-based view's `queryset` is (a clone never shares the results).
    touched = {
        flag(model): Exists(public_rows(model).filter(revision=OuterRef("pk")))
        for model in PUBLIC_ROWS
    }
    return (
        Revision.objects.filter(reduce(operator.or_, touched.values()))
        .annotate(**touched)
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def withdrawals():
    """The rows that took a season out of the public's sight (its status changed from
    published) while it is out of sight still: the public rows leave them out, as they leave
    out all of a draft's. Annotated `withdrawn`."""
    return (
        Season.history.filter(history_type="~", changes__status__0=PUBLISHED)
        .exclude(id__in=Season.objects.published().values("pk"))
        .annotate(withdrawn=Value(True))
    )


def season_rows_shown_then(revisions):
    """The seasons' rows written by `revisions` that showed when written: a published
    season's, or one that changed its publication (see `season_shown_as`)."""
    return Season.history.filter(
        published_q() | Q(changes__has_key="status"), revision__in=revisions
    )


def season_shown_as(row):
    """What a row of season_rows_shown_then() did in the public's sight: "+" published it (or
    created it published), "-" withdrew it (or deleted it), "~" changed it; None for a row
    that never showed (a draft's)."""
    published = row.status == PUBLISHED
    if row.history_type == "~" and "status" in row.changes:
        return "+" if published else "-"
    return row.history_type if published else None
