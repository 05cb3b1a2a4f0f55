"""Which fields a history row changed, and the model fields that its `changes` keys name.

A row's `changes` is {attname or many-to-many name: [old, new]} (catalog.history.revisions); readers
know a field by its verbose name ("person", "sort name"), listed in the model's field order.
"""

from django.db import models

from catalog.history import revisions

EMPTY = (None, "", [])


def field_of(model, name):
    """The model field named by a `changes` key (an attname, or a many-to-many's name)."""
    for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if name in (model_field.attname, model_field.name):
            return model_field
    return None


def field_label(model, name):
    """A `changes` key as readers know the field: its verbose name."""
    return verbose(field_of(model, name), name)


def verbose(model_field, name):
    return str(model_field.verbose_name) if model_field is not None else name


def is_long(model_field):
    """Prose: shown by name and compared word by word."""
    return isinstance(model_field, models.TextField)


def field_names(model):
    """The keys a row's `changes` may hold, in the model's field order."""
    tracked = [f.attname for f in revisions.tracked_fields(model)]
    return tracked + [m.name for m in model._meta.many_to_many]


def ordered(model, names):
    """`names` (keys of `changes`) in the model's field order."""
    order = {name: n for n, name in enumerate(field_names(model))}
    return sorted(names, key=lambda name: order.get(name, 999))


def changed_fields(model, row):
    """The fields a "~" row changed, by their labels, in the model's field order."""
    return [field_label(model, name) for name in ordered(model, row.changes)]


def snapshot_pairs(model, row):
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
