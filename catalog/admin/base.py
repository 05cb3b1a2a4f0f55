"""What every content admin shares: the one write path, and the options several admins use.

`ContentAdmin` is the base of every ModelAdmin of the catalog. Django's admin saves and
deletes through a handful of hooks; each one is overridden here to go through
`catalog.content.services` (called through the module, so a test can wrap it) as `Actor.editor(user,
via=Revision.Via.ADMIN)`:

- `save_model`: the object, with the many-to-many its form changed, in one service call;
- `save_related`: no `form.save_m2m()` (save_model set the many-to-many), then each inline
  formset through `save_formset`;
- `save_formset`: deleted rows through `content_delete`, new and changed rows through
  `content_save` with their own form's many-to-many (an event's people);
- `delete_model` (the delete confirmation page) and `delete_queryset` (the "delete selected"
  action): `content_delete`, one object at a time, so each deletion is announced.

Each page saved (an object with its inline rows, a "delete selected", a changelist's edited
rows) is one revision (`catalog.history.revisions.recording`). Every form, the inline rows' too,
carries the version it was opened at (`VersionedForm`): a save from a stale page keeps what
others changed meanwhile and applies this editor's own changes, or, where both changed the
same field, shows both values in the form and saves nothing.

A write the service refuses never becomes a 500: see `changeform_view`.

History (`history_view`, and the pages `get_urls` adds: compare, revert, undo, the deleted
rows and their restore) shows the revisions, not Django's LogEntry: `catalog/admin/history.py`.
"""

from contextlib import contextmanager

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponseRedirect

from catalog.admin import history as history_pages
from catalog.admin.large import EstimatedCountPaginator
from catalog.content import services
from catalog.history import revisions
from catalog.models import Credit, Revision

TIMESTAMPS = ["created_at", "updated_at"]

CREDIT_ORDERING = list(Credit.BILLING_ORDERING)

SMALL_TEXTAREA = {models.TextField: {"widget": widgets.AdminTextareaWidget(attrs={"rows": 2})}}
# Django 6 changes the default scheme of typed-in addresses to https; choose it now.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}

# What the service raises when it refuses a write: an invalid value or a conflict with data
# saved meanwhile (ValidationError), or content that other content still refers to.
REFUSALS = (ValidationError, ProtectedError, RestrictedError)


def changed_values(form):
    """A validated model form's changes as the service takes them: `fields`, the concrete
    fields the editor changed (already set on the instance by the form; named so that the
    change is announced with them), and `many`, the many-to-many it changed."""
    instance = form.instance
    fields, many = {}, {}
    for name in form.changed_data:
        try:
            model_field = instance._meta.get_field(name)
        except FieldDoesNotExist:  # a form's own field, not the model's
            continue
        if model_field.many_to_many:
            many[name] = form.cleaned_data[name]
        elif model_field.concrete:
            fields[name] = getattr(instance, name)
    return fields, many


class VersionedForm(forms.ModelForm):
    """A content form that remembers the version it was opened at, and, bound to a stale
    version, reports the fields both editors changed (with both values) as its errors."""

    base_version = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = []  # {label, current, mine} for the change form's side-by-side table
        if self.instance.pk is not None:
            self.fields["base_version"].initial = self.instance.version

    def _post_clean(self):
        super()._post_clean()  # sets the posted values on the instance, validates it
        base = self.cleaned_data.get("base_version")
        if self.instance._state.adding or base is None or base == self.instance.version:
            return
        _fields, many = changed_values(self)
        try:
            services.check_edit(instance=self.instance, many=many, base_version=base)
        except services.EditConflict as conflict:
            for name, (current, mine) in conflict.fields.items():
                field = self.fields.get(name)
                label = field.label if field else name
                self.conflicts.append({"label": label, "current": current, "mine": mine})
                self.add_error(name if field else None, conflict.message_dict[name])
            # The page now shows what is saved; saving it again keeps this editor's values.
            self.data = self.data.copy()
            self.data[self.add_prefix("base_version")] = self.instance.version

    @property
    def merged(self):
        """Whether others saved since this form was opened (their changes were kept)."""
        base = self.cleaned_data.get("base_version")
        return base is not None and base != self.instance.version


class RevisionCommentForm(VersionedForm):
    revision_comment = forms.CharField(
        label="Edit summary",
        required=False,
        max_length=500,
        help_text="Optional: what you changed and why. It shows in the history.",
    )


def refusal_message(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, ProtectedError):
        referring = error.protected_objects
    else:
        referring = error.restricted_objects
    referring = sorted({str(obj) for obj in referring})
    shown = ", ".join(referring[:5]) + (", ..." if len(referring) > 5 else "")
    return f"Other content still refers to it: {shown}."


def versioned_fieldsets(fieldsets, *extra):
    """The fieldsets with the hidden version field (and `extra` fields) at the end, once:
    Django's default fieldset already lists every field of the form, these included, and a
    second, empty "Edit summary" would be the one posted last, and win."""
    last = ["base_version", *extra]
    fieldsets = [
        (name, {**options, "fields": [f for f in options["fields"] if f not in last]})
        for name, options in fieldsets
    ]
    return [*fieldsets, (None, {"fields": last})]


def save_versioned(form, actor):
    fields, many = changed_values(form)
    services.content_save(
        instance=form.instance,
        actor=actor,
        fields=fields,
        many=many,
        base_version=form.cleaned_data.get("base_version"),
    )


class ContentInlineMixin:
    """Every inline of a content admin: its rows carry their version too."""

    form = VersionedForm

    def get_fieldsets(self, request, obj=None):
        return versioned_fieldsets(super().get_fieldsets(request, obj))


class ContentTabularInline(ContentInlineMixin, admin.TabularInline):
    pass


class ContentStackedInline(ContentInlineMixin, admin.StackedInline):
    pass


class ContentAdmin(admin.ModelAdmin):
    """The base of every content admin: writes only through `catalog.content.services`."""

    form = RevisionCommentForm
    # At a large catalogue's size: never COUNT(*) a whole table for a list (large.py).
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    def actor(self, request):
        return services.Actor.editor(request.user, via=Revision.Via.ADMIN)

    def get_fieldsets(self, request, obj=None):
        return versioned_fieldsets(super().get_fieldsets(request, obj), "revision_comment")

    def get_changelist_form(self, request, **kwargs):
        # A list's editable rows carry their versions too (change_list_results.html).
        kwargs.setdefault("form", VersionedForm)
        return super().get_changelist_form(request, **kwargs)

    # Saving ---------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        revisions.set_comment(form.cleaned_data.get("revision_comment", ""))
        if change and getattr(form, "merged", False):
            self.message_user(
                request,
                "Someone else saved this page since you opened it: their changes are kept, "
                "and yours are applied on top.",
                level=messages.WARNING,
            )
        save_versioned(form, self.actor(request))

    def save_related(self, request, form, formsets, change):
        # No form.save_m2m(): save_model has set the object's many-to-many with it.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        actor = self.actor(request)
        # commit=False: the formset only sorts its rows into deleted, changed and new ones
        # (and fills deleted_objects, changed_objects, new_objects for the history message).
        formset.save(commit=False)
        # The deleted rows, then the changed and new ones in the page's order.
        for obj in formset.deleted_objects:
            services.content_delete(instance=obj, actor=actor)
        for row in formset.saved_forms:
            save_versioned(row, actor)

    # Deleting -------------------------------------------------------------------------------

    def delete_model(self, request, obj):
        services.content_delete(instance=obj, actor=self.actor(request))

    def delete_queryset(self, request, queryset):
        # All or nothing: response_action runs the action in one transaction.
        actor = self.actor(request)
        for obj in queryset:
            services.content_delete(instance=obj, actor=actor)

    # A refused write ------------------------------------------------------------------------
    #
    # The forms have validated the page (constraints included, and protected rows on the
    # delete pages), so the service refuses a write only when the data changed meanwhile: a
    # race. Django runs the add, change and delete views in one transaction, and the action
    # here does the same; the refusal leaving it rolls back the whole page (the object, its
    # inlines, the history entry). The editor is sent back to the page, which now shows the
    # data as it is saved, with the reason, and can make the change again: simple, and rare.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            with self.revision_transaction(request):
                return super().changeform_view(request, object_id, form_url, extra_context)
        except REFUSALS as error:
            return self.refused(request, "Nothing was saved", error)

    def changelist_view(self, request, extra_context=None):
        # The changelist's editable columns save their rows as one revision.
        try:
            with self.revision_transaction(request):
                return super().changelist_view(request, extra_context)
        except REFUSALS as error:
            return self.refused(request, "Nothing was saved", error)

    def delete_view(self, request, object_id, extra_context=None):
        # Back on the confirmation page, Django lists whatever now protects the object.
        try:
            with self.revision_transaction(request):
                return super().delete_view(request, object_id, extra_context)
        except REFUSALS as error:
            return self.refused(request, "Nothing was deleted", error)

    def response_action(self, request, queryset):
        # Actions run outside any transaction in Django; "delete selected" deletes all of the
        # selected objects or none (and then logs no deletion and reports no success).
        try:
            with self.revision_transaction(request):
                return super().response_action(request, queryset)
        except REFUSALS as error:
            return self.refused(request, "Nothing was changed", error)

    @contextmanager
    def revision_transaction(self, request):
        """The page's writes as one revision, in one transaction that ends with it, so that
        the revision takes its changes-feed position before it commits (revisions)."""
        with (
            transaction.atomic(using=router.db_for_write(self.model)),
            revisions.recording(self.actor(request)),
        ):
            yield

    def refused(self, request, outcome, error):
        self.message_user(request, f"{outcome}: {refusal_message(error)}", level=messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    # History: the revisions, not Django's LogEntry (catalog/admin/history.py) ----------------

    def get_urls(self):
        # Before Django's own: its "<path:object_id>/" would take them.
        return history_pages.urls(self) + super().get_urls()

    def history_view(self, request, object_id, extra_context=None):
        return history_pages.object_history(self, request, object_id)
