"""The one write path for content: every change made in the admin, through the API or by the
importer is saved (or deleted) here, and nowhere else.

A write sets the given fields, normalises prose line endings, runs `full_clean()` (validators,
choices and every Meta constraint, as the admin's forms do), saves and sets many-to-many
relations, all in one transaction, then announces the change once with `content_changed`
when the transaction commits. It takes the `Actor` making the change: an editor in the admin
or through the API, or the importer with the file it read. One place to record a revision,
check a version or tell caches what changed.

A value the model refuses raises Django's ValidationError with the model's messages; a race
that slips past full_clean() and trips a database constraint raises one too, never an
IntegrityError, and either way nothing is written.
"""

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal

from catalog.vocabulary import normalize_newlines

# Sent once per saved or deleted object, after the transaction that wrote it has committed,
# with `change`, a ContentChange. Receivers: cache invalidation, revision feeds.
content_changed = Signal()

CONFLICT_MESSAGE = "This conflicts with data saved meanwhile; reload and try again."


@dataclass(frozen=True)
class Actor:
    """Who makes a change, and through what: "admin", "api" or "import" (with its file)."""

    via: str
    user: object = None
    source: str = ""

    @classmethod
    def editor(cls, user, via):
        return cls(via=via, user=user)

    @classmethod
    def importer(cls, path):
        return cls(via="import", source=str(path))


@dataclass(frozen=True)
class ContentChange:
    action: str  # "saved" or "deleted"
    model: type
    pk: object
    actor: Actor
    created: bool = False
    fields: tuple = ()  # the names of the fields and many-to-many the write set


def content_save(*, instance, actor, fields=None, many=None):
    """Set `fields` on `instance`, validate, save, set its many-to-many `many`; atomically."""
    for name, value in (fields or {}).items():
        setattr(instance, name, value)
    _normalize_text(instance)
    created = instance._state.adding
    try:
        with transaction.atomic():
            instance.full_clean()
            instance.save()
            for name, values in (many or {}).items():
                getattr(instance, name).set(values)
    except IntegrityError as error:
        raise ValidationError({NON_FIELD_ERRORS: [CONFLICT_MESSAGE]}) from error
    changed = tuple(fields or ()) + tuple(many or ())
    _announce(ContentChange("saved", type(instance), instance.pk, actor, created, changed))
    return instance


def content_delete(*, instance, actor):
    """Delete `instance` (and what cascades from it). A ProtectedError, raised when other
    content still refers to it, leaves everything as it was."""
    pk = instance.pk
    with transaction.atomic():
        instance.delete()
    _announce(ContentChange("deleted", type(instance), pk, actor))


def _normalize_text(instance):
    # Browsers post textareas with CRLF; stored prose has "\n" only (see vocabulary).
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, models.TextField):
            value = getattr(instance, model_field.attname)
            if isinstance(value, str):
                setattr(instance, model_field.attname, normalize_newlines(value))


def _announce(change):
    transaction.on_commit(
        lambda: content_changed.send(sender=change.model, change=change), robust=True
    )
