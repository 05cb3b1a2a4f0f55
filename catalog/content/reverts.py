"""Going back: revert an object to a revision, undo one revision, restore deleted rows.

Each is a write like any other: through the write service (`catalog.content.services`: validation,
constraints, the change announced), in one transaction, recorded as one revision of its own
by the editor, via "revert" (`Actor.revert(user)`), with a comment saying what it did. Each
refuses with a ValidationError whose message says why, and then writes nothing.

- `revert(user=, instance=, revision=)`: every field (and many-to-many) back to its value as
  of that revision (after it); `revision=None` means the original version, before the first
  recorded revision (content loaded before history was kept).
- `undo(user=, instance=, revision=)`: the inverse of that one revision's changes to the
  object, keeping later edits of other fields; refused when a later edit changed one of the
  same fields (its value is no longer the one that revision wrote).
- `restore(user=, row=)`: a deleted row (a "-" history row) with the rows deleted with it by
  the same revision (what cascaded: a reference's citations, a season's rows), with their old
  primary keys and many-to-many (an event's people).

Each has a `*_plan` twin that computes what would be written, without writing: the admin's
confirmation pages show it. Many-to-many keys of rows deleted since (a person) are left out:
nothing can point to them.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction

from catalog.content import services
from catalog.domain.vocabulary import and_list, marker_numbers
from catalog.history import entries, labels, revisions, versions
from catalog.history.fields import field_label, field_of
from catalog.models import Season, Section


@dataclass
class RevertPlan:
    """What a revert or an undo writes: `fields` and `many` on `instance`."""

    instance: object
    fields: dict
    many: dict
    comment: str
    changes: list = field(default_factory=list)  # entries.FieldChange, for the confirmation


def revert(*, user, instance, revision):
    with transaction.atomic():
        plan = revert_plan(_locked(instance), revision)
        return _save(plan, user)


def undo(*, user, instance, revision):
    with transaction.atomic():
        plan = undo_plan(_locked(instance), revision)
        return _save(plan, user)


def revert_plan(instance, revision):
    model = type(instance)
    target = versions.ORIGINAL if revision is None else revision.pk
    named = "the original version" if revision is None else f"revision {revision.pk}"
    version = versions.version_as_of(model, instance.pk, target)
    if not version.exists:
        raise ValidationError(f"This {_name(model)} did not exist as of {named}.")
    now = versions.version_of(instance)
    fields = {
        f.attname: version.values[f.attname]
        for f in revisions.tracked_fields(model)
        if revisions.stored(f, version.values[f.attname]) != revisions.value_of(instance, f)
    }
    many = {name: _existing(model, name, pks) for name, pks in version.many.items()}
    many = {name: pks for name, pks in many.items() if pks != now.many[name]}
    if not fields and not many:
        raise ValidationError(f"This {_name(model)} already has its values of {named}.")
    comment = f"Reverted to {named}"
    names = labels.Names(values=[(model, now.values | now.many), (model, fields | many)])
    target_version = versions.Version(True, now.values | fields, now.many | many)
    changes = versions.version_changes(model, now, target_version, names)
    return RevertPlan(instance, fields, many, comment, changes)


def undo_plan(instance, revision):
    model = type(instance)
    rows = list(model.history.filter(id=instance.pk, revision=revision).order_by("history_id"))
    if not rows:
        raise ValidationError(f"Revision {revision.pk} did not change this {_name(model)}.")
    if any(row.history_type == "+" for row in rows):
        raise ValidationError(
            f"Revision {revision.pk} created this {_name(model)}: delete it to undo that."
        )
    if any(row.history_type == "-" for row in rows):
        raise ValidationError(
            f"Revision {revision.pk} deleted this {_name(model)}: restore it from the "
            f"deleted {model._meta.verbose_name_plural} instead."
        )
    # What the revision changed: each field's value before its first write, after its last.
    changed = {}
    for row in rows:
        for name, (old, new) in row.changes.items():
            changed.setdefault(name, [old, new])[1] = new
    now = versions.version_of(instance)
    current = {
        **{f.attname: revisions.value_of(instance, f) for f in revisions.tracked_fields(model)},
        **now.many,
    }
    later = [name for name, (_old, new) in changed.items() if current.get(name) != new]
    if later:
        raise ValidationError(
            f"Revision {revision.pk} cannot be undone: later edits changed "
            f"{and_list(field_label(model, name) for name in later)} since. Revert to a "
            "revision instead, or edit by hand."
        )
    many_names = {m2m.name for m2m in model._meta.many_to_many}
    fields = {
        name: field_of(model, name).to_python(old)
        for name, (old, _new) in changed.items()
        if name not in many_names
    }
    many = {
        name: _existing(model, name, old)
        for name, (old, _new) in changed.items()
        if name in many_names
    }
    pairs = {name: (new, old) for name, (old, new) in changed.items()}
    changes = entries.field_changes(model, pairs, labels.Names(rows), words=True)
    return RevertPlan(instance, fields, many, f"Undid revision {revision.pk}", changes)


def _save(plan, user):
    return services.content_save(
        instance=plan.instance,
        actor=services.Actor.revert(user),
        fields=plan.fields,
        many=plan.many,
        comment=plan.comment,
    )


def _locked(instance):
    # The values the plan compares with must stay the saved ones until the write.
    return type(instance)._base_manager.select_for_update().get(pk=instance.pk)


# Restoring deleted rows -------------------------------------------------------------------


@dataclass
class RestorePlan:
    rows: list  # (model, "-" history row), in an order that creates what is pointed to first
    comment: str
    entries: list  # entries.Entry for each row, for the confirmation


def restore(*, user, row):
    """Recreate the deleted row and those deleted with it; returns the restored object."""
    actor = services.Actor.revert(user)
    with transaction.atomic():
        plan = restore_plan(row)
        with revisions.recording(actor, plan.comment):
            restored, prose = [], []
            for model, deleted in plan.rows:
                obj, cited = _recreate(model, deleted, actor)
                restored.append(obj)
                if cited:
                    prose.append((obj, cited))
            # The prose last: its markers cite references that had to exist first.
            for obj, cited in prose:
                services.content_save(instance=obj, actor=actor, fields=cited)
    return next(obj for obj in restored if obj.pk == row.id and type(obj) is row.instance_type)


def restore_plan(row):
    model = row.instance_type
    if row.history_type != "-":
        raise ValidationError("Only a deleted row can be restored.")
    if model._base_manager.filter(pk=row.id).exists():
        raise ValidationError(f"This {_name(model)} exists: it has been restored already.")
    rows = _still_deleted(_deleted_with(model, row))
    for deleted, attname in _check_targets(rows):
        setattr(deleted, attname, None)
    rows = _creation_order(rows)
    names = labels.Names([r for _m, r in rows])
    label = labels.row_label(model, row, names)
    others = len(rows) - 1
    comment = f"Restored {_name(model)} “{label}”" + (
        f" and {others} row{'s' if others != 1 else ''} deleted with it" if others else ""
    )
    if row.revision_id is not None:
        comment += f" (deleted in revision {row.revision_id})"
    described = [entries.Entry(r, m, labels.row_label(m, r, names)) for m, r in rows]
    return RestorePlan(rows, comment[:500], described)


# The prose that may cite references: restored once the references are back.
CITING_PROSE = {Season: "lead", Section: "body"}


def _recreate(model, row, actor):
    """The row recreated, and its citing prose ({field: text}) left out, to be set after."""
    values = {f.attname: getattr(row, f.attname) for f in revisions.tracked_fields(model)}
    cited = {}
    prose = CITING_PROSE.get(model)
    if prose and marker_numbers(values[prose]):
        cited, values[prose] = {prose: values[prose]}, ""
    instance = model(pk=row.id, created_at=row.created_at, **values)
    many = {
        m2m.name: _existing(model, m2m.name, row.changes.get(m2m.name, [[], []])[0])
        for m2m in model._meta.many_to_many
    }
    return services.content_save(instance=instance, actor=actor, many=many), cited


def _deleted_with(model, row):
    """The row, and the rows its revision deleted because of it: those whose cascading
    foreign key points to it, or to one of those (a season's episodes' credits)."""
    if row.revision_id is None:
        return [(model, row)]
    candidates = [
        (m, r)
        for m in _cascading_models(model)
        for r in m.history.filter(revision_id=row.revision_id, history_type="-")
    ]
    chosen, keys = [(model, row)], {(model, row.id)}
    grew = True
    while grew:
        grew = False
        for m, r in candidates:
            if (m, r.id) not in keys and any(
                (f.related_model, getattr(r, f.attname)) in keys for f in _cascading_keys(m)
            ):
                chosen.append((m, r))
                keys.add((m, r.id))
                grew = True
    return chosen


def _cascading_models(model, seen=None):
    """The models whose rows a deletion of `model`'s rows deletes too."""
    seen = set() if seen is None else seen
    for relation in model._meta.related_objects:
        child = relation.related_model
        if (
            relation.one_to_many  # a foreign key to it
            and relation.on_delete is models.CASCADE
            and hasattr(child, "history")
            and child not in seen
        ):
            seen.add(child)
            _cascading_models(child, seen)
    return seen


def _cascading_keys(model):
    return [
        f
        for f in model._meta.concrete_fields
        if f.many_to_one and f.remote_field.on_delete is models.CASCADE
    ]


def _still_deleted(rows):
    # A row deleted with it may have been restored on its own since: leave it be.
    by_model = {}
    for m, r in rows:
        by_model.setdefault(m, []).append(r.id)
    present = {
        (m, pk)
        for m, pks in by_model.items()
        for pk in m._base_manager.filter(pk__in=pks).values_list("pk", flat=True)
    }
    return [(m, r) for m, r in rows if (m, r.id) not in present]


def _check_targets(rows):
    """Refuse when a restored row would point to a row that is gone (and is not restored with
    it); a key whose deletion only empties it (SET_NULL) is emptied instead, as it would have
    been. Returns the (row, attname) to empty."""
    restoring = {(m, r.id) for m, r in rows}
    wanted = {}
    for m, r in rows:
        for f in m._meta.concrete_fields:
            value = getattr(r, f.attname) if f.many_to_one else None
            if value is not None and (f.related_model, value) not in restoring:
                wanted.setdefault(f.related_model, set()).add(value)
    present = {
        (target, pk)
        for target, pks in wanted.items()
        for pk in target._base_manager.filter(pk__in=pks).values_list("pk", flat=True)
    }
    nulled, missing = [], []
    for m, r in rows:
        for f in m._meta.concrete_fields:
            value = getattr(r, f.attname) if f.many_to_one else None
            if value is None or (f.related_model, value) in restoring | present:
                continue
            if f.remote_field.on_delete is models.SET_NULL:
                nulled.append((r, f.attname))
            else:
                missing.append(f"its {f.verbose_name} (#{value})")
    if missing:
        raise ValidationError(
            f"It cannot be restored: {and_list(sorted(set(missing)))} no longer exists. Restore "
            "that first."
        )
    return nulled


def _creation_order(rows):
    """Rows whose models others point to first (a reference before its citations)."""
    models_here = {m for m, _r in rows}

    def depth(model, seen=()):
        targets = [
            f.related_model
            for f in model._meta.concrete_fields
            if f.many_to_one and f.related_model in models_here and f.related_model not in seen
        ]
        return 1 + max((depth(t, (*seen, model)) for t in targets), default=0)

    return sorted(rows, key=lambda pair: (depth(pair[0]), pair[1].history_id))


# Words ------------------------------------------------------------------------------------


def _existing(model, name, pks):
    related = model._meta.get_field(name).related_model
    return sorted(related._base_manager.filter(pk__in=pks).values_list("pk", flat=True))


def _name(model):
    return model._meta.verbose_name
