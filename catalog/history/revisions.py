"""Revisions: who changed what, and when, for every write of content.

Storage is django-simple-history's: each content model has a history table, and every save or
deletion (cascaded ones included) adds a row holding the object's values as they were then.
What this module adds:

- `recording(actor, comment)`: the revision that the writes inside it belong to. Blocks nest;
  the outermost one is the revision, so an admin page saved with its rows, an API request or
  an import is one revision. The `Revision` row is created with the first history row, so a
  block that writes nothing (a re-import of the same file, a form saved unchanged) records
  nothing. As the block ends, the revision takes its position in the changes feed
  (`take_position`), in commit order.
- each history row's `changes`: {field: [old, new]} for the fields that write changed (and a
  many-to-many's primary keys), which the write service computes from the row as it was in
  the database, so that history shows old values even for content loaded from fixtures.
- `changed_since(stored, version)`: what other writes changed after a form was opened,
  for the service's edit-conflict check.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.db.models import F, Max
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.timezone import now
from simple_history.signals import pre_create_historical_record

from catalog.models import FeedCounter, ImportBase, Revision

# The fields no editor writes: they change with every save and would only be noise.
UNTRACKED = {"updated_at", "version"}


@dataclass
class Recording:
    actor: object
    comment: str = ""
    revision: Revision | None = None
    seasons: set = field(default_factory=set)


_current = contextvars.ContextVar("revision_recording", default=None)


@contextmanager
def recording(actor, comment=""):
    """The revision that writes inside this block belong to (the outermost block's)."""
    outer = _current.get()
    if outer is not None:
        if comment and not outer.comment:
            outer.comment = comment
        yield outer
        return
    token = _current.set(Recording(actor, comment))
    try:
        current = _current.get()
        yield current
        if current.revision is not None:  # not when the block raised: nothing is kept then
            take_position(current.revision)
    finally:
        _current.reset(token)


def take_position(revision):
    """Give `revision` the next position of the changes feed. Called as its writes end, inside
    their transaction: the UPDATE locks the counter row until that transaction commits, so the
    next revision takes its position only after this one is visible (SQLite serializes writers
    anyway). Positions are therefore visible in order, which the feed's cursor relies on."""
    with transaction.atomic():
        taken = FeedCounter.objects.filter(pk=1).update(value=F("value") + 1)
        if not taken:  # a database without the migration's row (a test's flushed tables)
            # Two writers may get here at once: the second's insert waits for the first's and
            # then does nothing (ON CONFLICT DO NOTHING), and its update waits for the lock.
            last = Revision.objects.aggregate(last=Max("position"))["last"] or 0
            FeedCounter.objects.bulk_create([FeedCounter(pk=1, value=last)], ignore_conflicts=True)
            FeedCounter.objects.filter(pk=1).update(value=F("value") + 1)
        revision.position = FeedCounter.objects.values_list("value", flat=True).get(pk=1)
        Revision.objects.filter(pk=revision.pk).update(position=revision.position)


def set_comment(comment):
    """The editor's comment for the revision being recorded (the admin's comment field)."""
    current = _current.get()
    if current is not None and comment:
        current.comment = comment
        if current.revision is not None:
            current.revision.comment = comment
            current.revision.save(update_fields=["comment"])


def import_base(season):
    """What the last import of `season` read, row by row (ImportBase.rows), the base a
    re-import merges from; None when it was never imported (or only loaded from fixtures)."""
    return ImportBase.objects.filter(season=season).values_list("rows", flat=True).first()


def keep_import_base(season, rows, source):
    """Keep `rows` as what the import being recorded read, the base of the next import of
    `season`, with the import's revision (none when it wrote nothing). Writes nothing when the
    base is already that and the import wrote nothing: the same import twice changes nothing."""
    current = _current.get()
    revision = current.revision if current is not None else None
    base = ImportBase.objects.filter(season=season).first()
    if base is not None and base.rows == rows and revision is None:
        return
    ImportBase.objects.update_or_create(
        season=season,
        defaults={"rows": rows, "source": source, "revision": revision, "imported_at": now()},
    )


def _revision_for(current, instance):
    if current.revision is None:
        actor = current.actor
        user = actor.user if getattr(actor.user, "is_authenticated", False) else None
        current.revision = Revision.objects.create(
            user=user,
            via=actor.via,
            source=actor.source,
            comment=current.comment,
            season_id=season_id_of(instance),
        )
    return current.revision


@receiver(pre_create_historical_record)
def _link_history_row(sender, instance, history_instance, **kwargs):
    current = _current.get()
    history_instance.changes = getattr(instance, "_revision_changes", None) or {}
    if current is None:
        return  # a write outside the service (a test's factory): history without a revision
    revision = _revision_for(current, instance)
    if revision.season_id is None and season_id_of(instance) is not None:
        # The first row was the season's series, say: the revision is still the season's.
        revision.season_id = season_id_of(instance)
        revision.save(update_fields=["season"])
    history_instance.revision = revision
    history_instance.history_user = revision.user


def _keep_many_before_delete(sender, instance, **kwargs):
    # Deletion removes the many-to-many rows first; the history row of the deleted object
    # keeps them, so that restoring it restores them (cascaded deletions included).
    instance._revision_changes = {
        name: [pks, []] for name, pks in many_values(instance).items() if pks
    }


def connect_delete_receivers():
    """Called once the models are ready (CatalogConfig.ready)."""
    for model in apps.get_app_config("catalog").get_models():
        if model._meta.many_to_many and hasattr(model, "history"):
            pre_delete.connect(_keep_many_before_delete, sender=model)


def season_id_of(instance):
    """The season a piece of content belongs to, or None (a person, an outlet, a series)."""
    from catalog.models import Season

    if isinstance(instance, Season):
        return instance.pk
    return getattr(instance, "season_id", None)


# Values as history stores them ------------------------------------------------------------


def tracked_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in UNTRACKED and not f.primary_key and f.name != "created_at"
    ]


def stored(model_field, value):
    """A field's value as JSON stores it: a foreign key's primary key, a date as ISO text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(model_field, models.ForeignKey):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def value_of(instance, model_field):
    return stored(model_field, getattr(instance, model_field.attname))


def diff(current, instance, many=None):
    """{name: [old, new]} for the fields where `instance` differs from `current` (None when
    it is new), and for the many-to-many in `many` ({name: new primary keys})."""
    changes = {}
    if current is not None:
        for model_field in tracked_fields(type(instance)):
            old, new = value_of(current, model_field), value_of(instance, model_field)
            if old != new:
                changes[model_field.attname] = [old, new]
    for name, values in (many or {}).items():
        new = sorted(obj.pk if hasattr(obj, "pk") else obj for obj in values)
        old = [] if current is None else sorted(getattr(current, name).values_list("pk", flat=True))
        if old != new:
            changes[name] = [old, new]
    return changes


def many_values(instance):
    """The many-to-many of `instance` as {name: [primary keys]}, e.g. before it is deleted."""
    return {
        m2m.name: sorted(getattr(instance, m2m.name).values_list("pk", flat=True))
        for m2m in instance._meta.many_to_many
    }


@dataclass(frozen=True)
class TheirChange:
    base: object  # the value when the form was opened
    by: str


def changed_since(stored, version):
    """What writes after `version` changed on `stored` (the object as it is saved now):
    {attname: TheirChange}, or None when history cannot say (versions went by without
    history rows)."""
    rows = list(
        type(stored)
        .history.filter(id=stored.pk, version__gt=version)
        .exclude(history_type="+")
        .select_related("history_user")
        .order_by("version", "history_id")
    )
    if {row.version for row in rows} != set(range(version + 1, stored.version + 1)):
        return None
    theirs = {}
    for row in rows:
        by = row.history_user.get_username() if row.history_user else "the importer"
        for name, (old, _new) in row.changes.items():
            theirs.setdefault(name, TheirChange(old, by))
    return theirs
