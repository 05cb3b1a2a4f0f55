"""Reading history: what each revision changed, an object's values as of a revision, and the
differences between two versions (field by field, prose word by word). The admin's History,
compare, revision and Recent changes pages read it (catalog/admin/history.py), and so do the
reverts (catalog/reverts.py).

Where the data is (see catalog.revisions): a `Revision` groups the history rows that one write
made; each row holds its object's values after that write ("+" created, "~" changed), or
before it ("-" deleted), and `changes`, {attname or many-to-many name: [old, new]} for what
the write changed. Content loaded from the seed fixtures has no row until its first edit:
that edit's old values are its original version ("revision 0" below).

Query counts stay fixed whatever the amount of history: a page of revisions is a count and a
slice; the rows of those revisions are one query per history model; the names their foreign
keys point to, one query per model pointed to. Labels are built from a row's own fields and
those names, never with a model's __str__ (which follows foreign keys: a query per row).
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from catalog import revisions
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
    content_models,
)

PER_PAGE = 50
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
EMPTY = (None, "", [])
# The version an object had before its first recorded revision (content from the fixtures).
ORIGINAL = 0


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
    for model, in_scope in _merged(scope):
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
            pairs = _snapshot_pairs(model, row)
        else:
            pairs = {name: tuple(values) for name, values in row.changes.items()}
        entries.append(
            Entry(
                row, model, row_label(model, row, names), field_changes(model, pairs, names, full)
            )
        )
    return entries


def _snapshot_pairs(model, row):
    """A created row's values as (None, new), a deleted row's as (old, None), empty ones left
    out; its many-to-many from `changes` ([[], pks] when created, [pks, []] when deleted)."""
    values = {f.attname: revisions.value_of(row, f) for f in revisions.tracked_fields(model)}
    created = row.history_type == "+"
    values |= {name: pair[1] if created else pair[0] for name, pair in row.changes.items()}
    return {
        name: (None, value) if created else (value, None)
        for name, value in values.items()
        if value not in EMPTY
    }


def field_changes(model, pairs, names, words=False):
    """FieldChange for each {attname: (old, new)} in the model's field order; with `words`,
    prose as a word diff (old with <del>, new with <ins>)."""
    result = []
    for name in _ordered(model, pairs):
        old, new = pairs[name]
        model_field = field_of(model, name)
        long = _is_long(model_field)
        if long and words:
            old, new = word_diff(old or "", new or "")
        else:
            old, new = names.show(model_field, old), names.show(model_field, new)
        result.append(FieldChange(_verbose(model_field, name), old, new, long))
    return result


# Names: what foreign keys point to, and labels --------------------------------------------


class Names:
    """The names of the rows that the history rows' foreign keys and many-to-many point to,
    fetched at once: one query per model pointed to."""

    NAME_FIELDS = {
        Season: "title",
        Series: "name",
        Person: "name",
        Outlet: "name",
        Section: "title",
        Episode: "number",
        Reference: "number",
    }

    def __init__(self, rows=(), values=()):
        """Names for what `rows` (history rows: their snapshots and changes) and `values`
        ((model, {attname or many-to-many name: value}) pairs, e.g. versions) point to."""
        wanted = defaultdict(set)

        def want(model, name, value):
            model_field = field_of(model, name)
            if model_field is not None and model_field.is_relation and value is not None:
                wanted[model_field.related_model].update(
                    value if isinstance(value, list) else [value]
                )

        for row in rows:
            model = row.instance_type
            for model_field in model._meta.concrete_fields:
                want(model, model_field.attname, getattr(row, model_field.attname))
            for name, pair in row.changes.items():
                for value in pair:
                    want(model, name, value)
        for model, mapping in values:
            for name, value in mapping.items():
                want(model, name, value)
        self.names = {}
        for target, pks in wanted.items():
            if target not in self.NAME_FIELDS:
                continue
            name_field = self.NAME_FIELDS[target]
            for pk, name in target._base_manager.filter(pk__in=pks).values_list("pk", name_field):
                self.names[target, pk] = _name(target, name)
            # Deleted since: the name its history last knew (a query only when one is gone).
            gone = pks - {pk for model, pk in self.names if model is target}
            if gone:
                rows = target.history.filter(id__in=gone).order_by("id", "-history_id")
                for pk, name in rows.values_list("id", name_field):
                    self.names.setdefault((target, pk), f"{_name(target, name)} (deleted)")

    def get(self, model, pk):
        if pk is None:
            return ""
        return self.names.get((model, pk), f"#{pk}")

    def show(self, model_field, value):
        """A stored value as an editor reads it: a name for a key, a choice's label."""
        if value in EMPTY:
            return ""
        if model_field is None:
            return str(value)
        if model_field.many_to_many:
            return ", ".join(self.get(model_field.related_model, pk) for pk in value)
        if model_field.is_relation:
            return self.get(model_field.related_model, value)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value)


def _name(model, value):
    if model is Episode:
        return f"episode {value}"
    if model is Reference:
        return f"[{value}]"
    return str(value)


def _clip(text, words=10):
    return Truncator(text).words(words, truncate="…")


LABELS = {
    Season: lambda row, names: row.title,
    Series: lambda row, names: row.name,
    Person: lambda row, names: row.name,
    Outlet: lambda row, names: row.name,
    InfoboxField: lambda row, names: row.key,
    Section: lambda row, names: row.title,
    Episode: lambda row, names: f"Episode {row.number}" + (f": {row.title}" if row.title else ""),
    Credit: lambda row, names: (
        f"{names.get(Person, row.person_id)} ({row.character or row.job or row.department})"
    ),
    Review: lambda row, names: ", ".join(
        filter(None, [names.get(Person, row.critic_id), names.get(Outlet, row.outlet_id)])
    ),
    Event: lambda row, names: f"{row.date.isoformat()}: {_clip(row.text)}",
    Accolade: lambda row, names: f"{row.year} {row.award}: {row.category}",
    Reference: lambda row, names: f"[{row.number}] {row.title}".strip(),
}


def row_label(model, row, names):
    """What a history row of `model` is, in words, from its own fields and `names`."""
    label = LABELS.get(model)
    return label(row, names) if label else f"{model._meta.verbose_name} {row.id}"


# Versions: an object's values as of a revision ------------------------------------------


@dataclass
class Version:
    """An object's values as of a revision: {attname: value} of its tracked fields and
    {many-to-many name: sorted primary keys}; `exists` False when it did not exist then."""

    exists: bool
    values: dict
    many: dict
    row: object = None  # the history row these values come from, if any


def version_as_of(model, pk, revision_id=None):
    """The object's values as of `revision_id` (after it), as it is now when None, or its
    original version when ORIGINAL (0). A few queries, whatever the length of its history."""
    if revision_id is None:
        return current_version(model, pk)
    recorded = model.history.filter(id=pk, revision__isnull=False)
    row = recorded.filter(revision_id__lte=revision_id).order_by("-revision_id", "-history_id")
    row = row.first()
    if row is not None:
        values = _snapshot(model, row)
        exists = row.history_type != "-"
    else:
        row = recorded.filter(revision_id__gt=revision_id).order_by("revision_id", "history_id")
        row = row.first()
        if row is None:  # no recorded revision: it is as it was loaded
            return current_version(model, pk)
        # Before the first revision after it: that revision's old values.
        exists = row.history_type != "+"
        values = _snapshot(model, row) | {
            name: _python(model, name, old)
            for name, (old, _new) in row.changes.items()
            if name in _concrete_names(model)
        }
    many = {
        m2m.name: _many_as_of(recorded, m2m.name, revision_id, pk, model) for m2m in _many(model)
    }
    if not exists:
        many = {name: [] for name in many}
    return Version(exists, values, many, row)


def current_version(model, pk):
    instance = model._base_manager.filter(pk=pk).first()
    return Version(False, {}, {}) if instance is None else version_of(instance)


def version_of(instance):
    """An object's values as they are (a query per many-to-many)."""
    return Version(True, _snapshot(type(instance), instance), revisions.many_values(instance))


def _many_as_of(recorded, name, revision_id, pk, model):
    # Many-to-many are not in the snapshots, only in `changes`: the value set by the last
    # change at or before the revision, else the one replaced by the first change after it.
    changes = list(
        recorded.filter(changes__has_key=name)
        .order_by("revision_id", "history_id")
        .values_list("revision_id", "changes")
    )
    before = [change[name][1] for rev, change in changes if rev <= revision_id]
    if before:
        return sorted(before[-1])
    after = [change[name][0] for rev, change in changes if rev > revision_id]
    if after:
        return sorted(after[0])
    instance = model._base_manager.filter(pk=pk).first()
    return revisions.many_values(instance)[name] if instance else []


def _snapshot(model, row):
    return {f.attname: getattr(row, f.attname) for f in revisions.tracked_fields(model)}


def _python(model, name, value):
    return field_of(model, name).to_python(value)


def version_changes(model, old, new, names):
    """FieldChange for each field that differs between two Versions, prose word by word."""
    pairs = {}
    for model_field in revisions.tracked_fields(model):
        a = revisions.stored(model_field, old.values.get(model_field.attname))
        b = revisions.stored(model_field, new.values.get(model_field.attname))
        if a != b:
            pairs[model_field.attname] = (a, b)
    for name in {*old.many, *new.many}:
        if old.many.get(name, []) != new.many.get(name, []):
            pairs[name] = (old.many.get(name, []), new.many.get(name, []))
    return field_changes(model, pairs, names, words=True)


# A season's rows between two revisions ------------------------------------------------------


@dataclass
class RowsBetween:
    added: list
    removed: list
    changed: list  # (entry, names of the fields changed)


def season_rows_between(season_id, old_id, new_id):
    """The season's rows (not the season itself) added, removed and changed after revision
    `old_id` up to `new_id` (None: up to now). One query per history model."""
    window = Q(revision_id__gt=old_id)
    if new_id is not None:
        window &= Q(revision_id__lte=new_id)
    rows_by_object = {}
    for model, in_scope in _merged(season_scope(season_id)):
        if model is Season:
            continue
        before = (
            model.history.filter(id=OuterRef("id"), revision_id__lte=old_id)
            .order_by("-revision_id", "-history_id")
            .values("history_type")[:1]
        )
        rows = (
            model.history.filter(in_scope, window)
            .annotate(before_type=Subquery(before))
            .order_by("revision_id", "history_id")
        )
        for row in rows:
            rows_by_object.setdefault((model, row.id), []).append(row)
    names = Names([rows[-1] for rows in rows_by_object.values()])
    between = RowsBetween([], [], [])
    for (model, _pk), rows in rows_by_object.items():
        first, last = rows[0], rows[-1]
        if first.before_type is not None:
            existed = first.before_type != "-"
        else:
            existed = first.history_type != "+"
        exists = last.history_type != "-"
        entry = Entry(last, model, row_label(model, last, names))
        if exists and not existed:
            between.added.append(entry)
        elif existed and not exists:
            between.removed.append(entry)
        elif exists:
            changed = {name for row in rows if row.history_type == "~" for name in row.changes}
            if changed:
                fields = [field_label(model, name) for name in _ordered(model, changed)]
                between.changed.append((entry, fields))
    return between


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


# Word diffs -------------------------------------------------------------------------------

TOKENS = re.compile(r"\s+|\S+")


def word_diff(old, new):
    """Two texts compared word by word: (old with <del> around what was removed, new with
    <ins> around what was added), escaped, as safe HTML."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    # autojunk off: in long prose the spaces are "popular" and would be ignored as junk.
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces = [  # [same?, old text, new text]
        [tag == "equal", "".join(a[i1:i2]), "".join(b[j1:j2])]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    # A lone space kept between two changed words belongs to the change: one mark, not two.
    for n, piece in enumerate(pieces[1:-1], start=1):
        if piece[0] and piece[1].isspace() and not pieces[n - 1][0] and not pieces[n + 1][0]:
            piece[0] = False
    merged = []
    for piece in pieces:
        if merged and not piece[0] and not merged[-1][0]:
            merged[-1][1] += piece[1]
            merged[-1][2] += piece[2]
        else:
            merged.append(piece)
    left, right = [], []
    for same, removed, added in merged:
        removed, added = escape(removed), escape(added)
        if same:
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    # Every piece was escaped above.
    return mark_safe("".join(left)), mark_safe("".join(right))


# Fields -----------------------------------------------------------------------------------


def _merged(scope):
    """The scope with one Q per model (a model may be named twice)."""
    merged = {}
    for model, rows in scope:
        merged[model] = merged[model] | rows if model in merged else rows
    return merged.items()


def _has_field(model, name):
    return any(f.name == name for f in model._meta.concrete_fields)


def field_of(model, name):
    """The model field named by a `changes` key (an attname, or a many-to-many's name)."""
    for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if name in (model_field.attname, model_field.name):
            return model_field
    return None


def _concrete_names(model):
    return {f.attname for f in model._meta.concrete_fields}


def _many(model):
    return model._meta.many_to_many


def _field_names(model):
    return [f.attname for f in revisions.tracked_fields(model)] + [m.name for m in _many(model)]


def _ordered(model, names):
    order = {name: n for n, name in enumerate(_field_names(model))}
    return sorted(names, key=lambda name: order.get(name, 999))


def field_label(model, name):
    return _verbose(field_of(model, name), name)


def _verbose(model_field, name):
    return str(model_field.verbose_name) if model_field is not None else name


def _is_long(model_field):
    return isinstance(model_field, models.TextField)


def _short(text):
    return Truncator(text or "(empty)").chars(40)
