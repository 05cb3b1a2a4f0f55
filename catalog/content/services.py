"""The one write path for content: every change made in the admin, through the API or by the
importer is saved (or deleted) here, and nowhere else.

A write sets the given fields, normalises prose line endings, locks the stored row, checks
the version the editor started from (see "Edit conflicts"), runs `full_clean()` (validators,
choices and every Meta constraint, as the admin's forms do), bumps the version, saves and sets
many-to-many relations, all in one transaction and as part of one revision
(catalog.history.revisions,
which records each changed field's old and new value), and in that transaction moves the
content versions of what it touched (catalog.models.versions, which the answer cache checks
stored answers against); then announces the change once with
`content_changed` when the transaction commits. A save that changes nothing writes nothing and
records nothing. It takes the `Actor` making the change: an editor in the admin or through the
API, the importer with the file it read, or a revert.

Edit conflicts: a write may name `base_version`, the version its form (or API client) read.
When others saved since, the write keeps their changes and applies only the fields this
editor changed (compared with the values at `base_version`); prose both changed is merged
when they changed different paragraphs (catalog.domain.prose_merge); when both changed the same
field otherwise, it raises `EditConflict` and writes nothing.

A value the model refuses raises Django's ValidationError with the model's messages; a race
that slips past full_clean() and trips a database constraint raises one too, never an
IntegrityError, and either way nothing is written.
"""

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal

from catalog.domain.prose_merge import merge_paragraphs
from catalog.domain.vocabulary import normalize_newlines
from catalog.history import revisions
from catalog.models import Revision, content_models
from catalog.models.base import surrogate_key
from catalog.models.versions import move_versions

# Sent once per saved or deleted object, after the transaction that wrote it has committed,
# with `change`, a ContentChange. Its receiver: the shared caches' purge
# (catalog.delivery.caching).
content_changed = Signal()

CONFLICT_MESSAGE = "This conflicts with data saved meanwhile; reload and try again."
GONE_MESSAGE = "It was deleted meanwhile; nothing was saved."


@dataclass(frozen=True)
class Actor:
    """Who makes a change, and through what: `via` is one of the revision's ways in
    (Revision.Via: the admin, the API, an import with its file, a revert), which the
    revision that records the change keeps."""

    via: Revision.Via
    user: object = None
    source: str = ""

    @classmethod
    def editor(cls, user, via):
        return cls(via=via, user=user)

    @classmethod
    def importer(cls, path, user=None):
        return cls(via=Revision.Via.IMPORT, user=user, source=str(path))

    @classmethod
    def revert(cls, user):
        return cls(via=Revision.Via.REVERT, user=user)


class EditConflict(ValidationError):
    """Both this editor and another, since this editor's `base_version`, changed the same
    fields. `fields` maps each field's name to (current value, this editor's value)."""

    def __init__(self, fields, by):
        self.fields, self.by = fields, by
        super().__init__(
            {
                name: f"{', '.join(sorted(by))} changed this field since you opened the page. "
                f"Saved now: “{current}”. Yours: “{mine}”."
                for name, (current, mine) in fields.items()
            }
        )


@dataclass(frozen=True)
class ContentChange:
    action: str  # "saved" or "deleted"
    model: type
    pk: object
    actor: Actor
    created: bool = False
    fields: tuple = ()  # the names of the fields and many-to-many the write set
    # The surrogate keys of every page and API answer this change makes stale
    # (catalog.delivery.caching).
    keys: frozenset = frozenset()


def content_save(*, instance, actor, fields=None, many=None, base_version=None, comment=""):
    """Set `fields` on `instance`, check `base_version`, validate, save, set its many-to-many
    `many`; atomically, as one revision. Returns the instance."""
    many = dict(many or {})
    for name, value in (fields or {}).items():
        setattr(instance, name, value)
    _normalize_text(instance)
    created = instance._state.adding
    try:
        with transaction.atomic(), revisions.recording(actor, comment):
            move_versions(())  # first: see _announce
            stored = None if created else _locked(instance)
            if stored is not None and base_version is not None:
                _merge(stored, instance, many, base_version)
            changes = revisions.diff(stored, instance, many)
            if stored is not None and not changes:
                return instance  # nothing changed: nothing written, nothing recorded
            # What showed it before (a credit moved to another person leaves the first's page),
            # and for a person or an outlet, the seasons that name it (catalog.delivery.caching).
            keys = (
                stored.surrogate_keys() | stored.naming_season_keys()
                if stored is not None
                else set()
            )
            instance.version = 1 if stored is None else stored.version + 1
            instance.full_clean()
            instance._revision_changes = changes
            instance.save()
            for name, values in many.items():
                getattr(instance, name).set(values)
            keys |= instance.surrogate_keys() | _list_keys(type(instance))
            if "status" in changes:  # published or withdrawn: who it names shows or hides
                keys |= instance.named_person_outlet_keys()
            move_versions(keys)
    except IntegrityError as error:
        raise ValidationError({NON_FIELD_ERRORS: [CONFLICT_MESSAGE]}) from error
    finally:
        instance.__dict__.pop("_revision_changes", None)
    _announce(
        ContentChange(
            "saved", type(instance), instance.pk, actor, created, tuple(changes), frozenset(keys)
        )
    )
    return instance


def content_delete(*, instance, actor, comment=""):
    """Delete `instance` (and what cascades from it), recording each deleted row. A
    ProtectedError, raised when other content still refers to it, leaves everything as it
    was."""
    pk = instance.pk
    with transaction.atomic(), revisions.recording(actor, comment):
        move_versions(())  # first: see _announce
        # What showed it, and every list: what cascades with it leaves lists of other kinds.
        keys = (
            instance.surrogate_keys()
            | instance.naming_season_keys()
            | instance.named_person_outlet_keys()
        )
        for model in content_models():
            keys |= _list_keys(model)
        instance.delete()
        move_versions(keys)
    _announce(ContentChange("deleted", type(instance), pk, actor, keys=frozenset(keys)))


def check_edit(*, instance, many=None, base_version):
    """Raise EditConflict if saving `instance` (with the posted values set on it) from
    `base_version` would overwrite fields others changed meanwhile; writes nothing. Forms
    call it while validating, so that a conflict shows in the form."""
    stored = type(instance)._base_manager.filter(pk=instance.pk).first()
    if stored is not None:
        _merge(stored, instance, dict(many or {}), base_version)


def _locked(instance):
    """The stored row, locked until the transaction ends, so that two saves queue."""
    try:
        return type(instance)._base_manager.select_for_update().get(pk=instance.pk)
    except ObjectDoesNotExist as error:
        raise ValidationError({NON_FIELD_ERRORS: [GONE_MESSAGE]}) from error


def _merge(stored, instance, many, base_version):
    """Keep what others changed since `base_version`: where this editor's value is still the
    one they started from, take the stored one; where both changed a field, refuse."""
    if stored.version == base_version:
        return
    model = type(instance)
    theirs = revisions.changed_since(stored, base_version)
    mine = revisions.diff(stored, instance, many)
    conflicts, by = {}, set()
    for name, (now, yours) in mine.items():
        if theirs is None or name not in theirs:
            if theirs is None:  # history cannot tell: every difference is a conflict
                conflicts[name] = (now, yours)
            continue
        base = theirs[name].base
        if yours == base:  # untouched by this editor: keep theirs
            if name in many:
                many.pop(name)
            else:
                setattr(instance, name, getattr(stored, name))
        elif isinstance(yours, str) and (merged := _merged_prose(model, name, base, now, yours)):
            setattr(instance, name, merged)  # both edited the prose, in different paragraphs
        else:
            conflicts[name] = (now, yours)
            by.add(theirs[name].by)
    if conflicts:
        names = {f.attname: f.name for f in model._meta.concrete_fields}
        fields = {names.get(name, name): values for name, values in conflicts.items()}
        raise EditConflict(fields, by or {"someone"})


@dataclass(frozen=True)
class Kept:
    """A field a merge from a base left as it is stored: `ours` the stored value, `theirs`
    the incoming value not written, `base` the value at the base (values as history stores
    them); `conflict` when both sides changed it since the base."""

    name: str
    ours: object
    theirs: object
    base: object
    conflict: bool


def merge_from_base(*, instance, base, fields=None, many=None, current=None):
    """The three-way merge of an incoming write onto the stored `instance`, as a stale save's
    (`_merge`), for a writer that knows the values it wrote last (`base`, {name: value as
    history stores it}: the importer's last import of the season). A field changes only where
    the incoming value differs from the base and the stored one does not; where the stored one
    changed and the incoming did not, it stays; where both changed it, prose changed in
    different paragraphs is merged, otherwise the stored value stays and it is a conflict. A
    field the base does not hold is written as given. `current` overrides the stored values
    compared with the base (a value this writer itself moved meanwhile). Writes nothing: returns
    (fields, many, kept), what to write and a Kept for every incoming value left unwritten."""
    model, current = type(instance), current or {}
    write, write_many, kept = {}, {}, []
    incoming = [(name, value, write) for name, value in (fields or {}).items()]
    incoming += [(name, rows, write_many) for name, rows in (many or {}).items()]
    for name, value, target in incoming:
        if target is write_many:
            yours = sorted(row.pk for row in value)
            stored_now = sorted(getattr(instance, name).values_list("pk", flat=True))
        else:
            yours = as_stored(model._meta.get_field(name), value)
            stored_now = revisions.value_of(instance, model._meta.get_field(name))
        now = current.get(name, stored_now)
        if name not in base or now == base[name]:  # no base, or only the incoming changed it
            if stored_now != yours:
                target[name] = value
            continue
        if now != stored_now:  # this writer moved it meanwhile: the stored value goes back
            write[name] = model._meta.get_field(name).to_python(now)
        if yours == now:
            continue
        merged = None
        if yours != base[name] and isinstance(yours, str):
            merged = _merged_prose(model, name, base[name], now, yours)
        if merged is not None:  # both edited the prose, in different paragraphs
            write[name] = merged
        else:
            kept.append(Kept(name, now, yours, base[name], conflict=yours != base[name]))
    return write, write_many, kept


def as_stored(model_field, value):
    """A value as history stores it (a related row as its primary key)."""
    if isinstance(value, models.Model):
        return value.pk
    return revisions.stored(model_field, value)


def _merged_prose(model, name, base, now, yours):
    model_field = model._meta.get_field(name)
    if isinstance(model_field, models.TextField) and isinstance(base, str):
        return merge_paragraphs(base, now, yours)
    return None


def _list_keys(model):
    """Every list of `model`'s kind, and the recent changes, which list every write."""
    return {surrogate_key(model._meta.model_name, "list"), "changes"}


def _normalize_text(instance):
    # Browsers post textareas with CRLF; stored prose has "\n" only (see vocabulary).
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, models.TextField):
            value = getattr(instance, model_field.attname)
            if isinstance(value, str):
                setattr(instance, model_field.attname, normalize_newlines(value))


def _announce(change):
    """Tell the shared caches once the write has committed (catalog.delivery.purging).

    The answer cache needs no telling: the write moved the content versions of its keys
    (catalog.models.versions) in its own transaction, so they change when it commits, and never
    without it. Each write moves the generation first, before it locks any row: the one lock
    every write takes, always first, so that two writes never wait for each other's rows."""
    transaction.on_commit(
        lambda: content_changed.send(sender=change.model, change=change), robust=True
    )
