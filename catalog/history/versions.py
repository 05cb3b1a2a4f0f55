"""Versions: an object's values as of a revision, what differs between two of them (the
admin's compare page, the reverts), and a season's rows added, removed and changed between
two revisions.

Content loaded from the seed fixtures has no history row until its first edit: that edit's
old values are its original version, "revision 0" (ORIGINAL).
"""

from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery

from catalog.history import revisions
from catalog.history.entries import Entry, field_changes, merged_scope, season_scope
from catalog.history.fields import field_label, field_of, ordered
from catalog.history.labels import Names, row_label
from catalog.models import Season

# The version an object had before its first recorded revision (content from the fixtures).
ORIGINAL = 0


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
    for model, in_scope in merged_scope(season_scope(season_id)):
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
                fields = [field_label(model, name) for name in ordered(model, changed)]
                between.changed.append((entry, fields))
    return between


def _concrete_names(model):
    return {f.attname for f in model._meta.concrete_fields}


def _many(model):
    return model._meta.many_to_many
