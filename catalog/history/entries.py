"""The admin's history pages read from here: an object's revisions, a page of revisions with
what each changed, one revision's rows, and the rows deleted since (catalog/admin/history.py);
the reverts describe their rows with it too (catalog/content/reverts.py).

Where the data is (see catalog.history.revisions): a `Revision` groups the history rows that one
write made; each row holds its object's values after that write ("+" created, "~" changed), or
before it ("-" deleted), and `changes`, {attname or many-to-many name: [old, new]} for what the
write changed. Content loaded from the seed fixtures has no row until its first edit: that edit's
old values are its original version ("revision 0", see catalog.history.versions).

Query counts stay fixed whatever the amount of history: a page of revisions is a count and a
slice; the rows of those revisions are one query per history model; the names their foreign
keys point to, one query per model pointed to (labels.Names).
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.utils.text import Truncator

from catalog.history.diff import word_diff
from catalog.history.fields import field_of, is_long, ordered, snapshot_pairs, verbose
from catalog.history.labels import ACTIONS, Names, row_label
from catalog.models import Revision, Season, content_models

PER_PAGE = 50


# Which rows a page shows ------------------------------------------------------------------
#
# A scope is a list of (model, Q on its history rows).


def scope_of(model, pk):
    """An object's History: its own rows, and for a season every row that belongs to it."""
    return season_scope(pk) if model is Season else object_scope(model, pk)


def object_scope(model, pk):
    return [(model, Q(id=pk))]


def season_scope(season_id):
    """The season's own rows and every row that belongs to it: rows with its season_id in
    each history table."""
    scope = [(Season, Q(id=season_id))]
    for model in content_models():
        if model is not Season and _has_field(model, "season"):
            scope.append((model, Q(season_id=season_id)))
    return scope


def all_scope():
    return [(model, Q()) for model in content_models()]


def revisions_in(scope):
    """The revisions that wrote a row of the scope, newest first."""
    touched = Q()
    for model, rows in scope:
        touched |= Q(pk__in=model.history.filter(rows).values("revision_id"))
    return Revision.objects.filter(touched).select_related("user")


# A page of revisions with what they changed -----------------------------------------------


@dataclass
class FieldChange:
    name: str
    old: str
    new: str
    long: bool = False  # prose: shown by name, with a link to its word diff


@dataclass
class Entry:
    """One history row, ready to show: which object, what happened to it, what changed."""

    row: object
    model: type
    label: str
    changes: list = field(default_factory=list)

    @property
    def action(self):
        return ACTIONS[self.row.history_type]

    @property
    def pk(self):
        return self.row.id

    @property
    def opts(self):
        return self.model._meta

    @property
    def summary(self):
        """One line: the changed fields, short ones with their old and new values."""
        if self.action != "changed":
            return f"{self.action} {self.opts.verbose_name} “{self.label}”"
        parts = [
            c.name if c.long else f"{c.name}: {_short(c.old)} → {_short(c.new)}"
            for c in self.changes
        ]
        return f"{self.opts.verbose_name} “{self.label}”: {'; '.join(parts)}"


@dataclass
class RevisionEntries:
    revision: Revision
    entries: list
    own: Entry = None  # the entry of the object whose history this is, if it has one here

    @property
    def summary(self):
        shown = [entry.summary for entry in self.entries[:3]]
        more = len(self.entries) - len(shown)
        return " · ".join(shown) + (f" · and {more} more" if more > 0 else "")


def history_page(scope, revisions, number, own=None):
    """The page `number` of `revisions` (newest first), each with its rows in `scope`;
    `own`, (model, pk), marks the entry of the object whose history it is."""
    page = Paginator(revisions, PER_PAGE).get_page(number)
    ids = [revision.pk for revision in page.object_list]
    by_revision = {}
    for entry in describe(rows_of(scope, Q(revision_id__in=ids))):
        by_revision.setdefault(entry.row.revision_id, []).append(entry)
    page.object_list = [
        RevisionEntries(revision, by_revision.get(revision.pk, [])) for revision in page
    ]
    for item in page.object_list:
        item.own = next((e for e in item.entries if (e.model, e.pk) == own), None)
    return page


def original_before(model, pk):
    """The first recorded revision of an object that existed before it (loaded from the
    fixtures: its first row is a change or a deletion), else None: then the object has no
    original version apart from its revisions."""
    first = (
        model.history.filter(id=pk, revision__isnull=False)
        .order_by("revision_id", "history_id")
        .values_list("history_type", "revision_id")
        .first()
    )
    return first[1] if first is not None and first[0] != "+" else None


def revision_entries(revision):
    """Every row a revision wrote, with each changed field's old and new value (the whole
    snapshot for a row it created or deleted), prose as a word diff."""
    rows = rows_of(all_scope(), Q(revision_id=revision.pk))
    return describe(rows, full=True)


def rows_of(scope, condition):
    """The history rows of the scope matching `condition`: one query per history model."""
    rows = []
    for model, in_scope in merged_scope(scope):
        rows += model.history.filter(in_scope, condition).order_by("history_id")
    return rows


def describe(rows, full=False):
    """Entries for history rows. `full`: every field of a created or deleted row, and prose
    as a word diff, for the revision page; otherwise what the history list shows."""
    names = Names(rows)
    entries = []
    for row in rows:
        model = row.instance_type
        if full and row.history_type != "~":
            pairs = snapshot_pairs(model, row)
        else:
            pairs = {name: tuple(values) for name, values in row.changes.items()}
        entries.append(
            Entry(
                row, model, row_label(model, row, names), field_changes(model, pairs, names, full)
            )
        )
    return entries


def field_changes(model, pairs, names, words=False):
    """FieldChange for each {attname: (old, new)} in the model's field order; with `words`,
    prose as a word diff (old with <del>, new with <ins>)."""
    result = []
    for name in ordered(model, pairs):
        old, new = pairs[name]
        model_field = field_of(model, name)
        long = is_long(model_field)
        if long and words:
            old, new = word_diff(old or "", new or "")
        else:
            old, new = names.show(model_field, old), names.show(model_field, new)
        result.append(FieldChange(verbose(model_field, name), old, new, long))
    return result


# Deleted rows -----------------------------------------------------------------------------


def deleted_rows(model):
    """The model's "-" rows whose object is still deleted (not restored since), newest
    first: the latest deletion of each."""
    history = model.history
    later = history.filter(id=OuterRef("id"), history_id__gt=OuterRef("history_id"))
    return (
        history.filter(history_type="-")
        .exclude(id__in=model._base_manager.values("pk"))
        .exclude(Exists(later))
        .select_related("revision__user")
        .order_by("-history_date", "-history_id")
    )


def deleted_page(model, number):
    page = Paginator(deleted_rows(model), PER_PAGE).get_page(number)
    rows = list(page.object_list)
    names = Names(rows)
    page.object_list = [Entry(row, model, row_label(model, row, names)) for row in rows]
    return page


# Helpers ----------------------------------------------------------------------------------


def merged_scope(scope):
    """The scope with one Q per model (a model may be named twice)."""
    merged = {}
    for model, rows in scope:
        merged[model] = merged[model] | rows if model in merged else rows
    return merged.items()


def _has_field(model, name):
    return any(f.name == name for f in model._meta.concrete_fields)


def _short(text):
    return Truncator(text or "(empty)").chars(40)
