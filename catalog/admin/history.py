"""The admin's history pages: thin views over `catalog.history` (reading: its `entries` and
`versions`) and `catalog.content.reverts` (writing).

Per content model (wired in by `ContentAdmin.get_urls` and `history_view`):

- `<pk>/history/`: the object's revisions, newest first (a season's include every row that
  belongs to it), with who, when, via, comment and what changed; pick two to compare;
- `<pk>/history/compare/?from=<revision>&to=<revision>`: two versions side by side, field by
  field, prose word by word (and a season's rows added, removed and changed between them);
  `to` left out is now, `from` left out the version just before `to`, 0 the original;
- `<pk>/history/<revision>/revert/` and `.../undo/`: a confirmation on GET, the write on POST
  (the change permission);
- `deleted/`: the deleted rows not restored since, and `deleted/<history_id>/restore/`
  (the add permission, of every model it recreates).

For the whole site (`jjsite/urls.py`): `/admin/catalog/recent-changes/` (every revision,
filtered by user, season and kind of content) and `/admin/catalog/recent-changes/<id>/`
(one revision's changes).

GET never writes; writes are POSTs with the admin's CSRF check. A refused revert, undo or
restore is shown on the confirmation page with its reason, and a POST refused meanwhile comes
back to the history with the reason.
"""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.views.decorators.http import require_http_methods

from catalog.content import reverts
from catalog.history import entries, labels, versions
from catalog.models import Revision, Season, content_models
from catalog.plumbing.bidi import isolate

PAGE_VAR = "p"
READ = ["GET", "HEAD"]
CONFIRM_THEN_WRITE = ["GET", "HEAD", "POST"]


def urls(model_admin):
    """The history pages of a content model's admin (its History page is `history_view`)."""

    def view(route, function, name, methods):
        function = require_http_methods(methods)(partial(function, model_admin))
        wrapped = model_admin.admin_site.admin_view(function)
        return path(route, wrapped, name=_url_name(model_admin.opts, name))

    return [
        view("<path:object_id>/history/compare/", compare, "compare", READ),
        view(
            "<path:object_id>/history/<int:revision_id>/revert/",
            revert,
            "revert",
            CONFIRM_THEN_WRITE,
        ),
        view("<path:object_id>/history/<int:revision_id>/undo/", undo, "undo", CONFIRM_THEN_WRITE),
        view("deleted/", deleted, "deleted", READ),
        view("deleted/<int:history_id>/restore/", restore, "restore", CONFIRM_THEN_WRITE),
    ]


# One object's history -----------------------------------------------------------------------


def object_history(model_admin, request, object_id):
    obj = _object(model_admin, request, object_id)
    if not model_admin.has_view_or_change_permission(request, obj):
        raise PermissionDenied
    model = model_admin.model
    scope = entries.scope_of(model, obj.pk)
    page = entries.history_page(
        scope, entries.revisions_in(scope), request.GET.get(PAGE_VAR), own=(model, obj.pk)
    )
    # Its original version, below its oldest revision: on the last page.
    original = entries.original_before(model, obj.pk)
    # Its newest version is the one it has: nothing to revert to there.
    current = next((item.revision.pk for item in page.object_list if item.own), None)
    context = {
        **_context(model_admin, request, obj, f"History: {isolate(str(obj))}"),
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "page_var": PAGE_VAR,
        "original": None if page.has_next() else original,
        "current": current if page.number == 1 else None,
        "is_season": model is Season,
        "can_change": model_admin.has_change_permission(request, obj),
        "can_restore": model_admin.has_add_permission(request),
    }
    return TemplateResponse(request, "admin/catalog/history.html", context)


def compare(model_admin, request, object_id):
    obj = _object(model_admin, request, object_id)
    if not model_admin.has_view_or_change_permission(request, obj):
        raise PermissionDenied
    model = model_admin.model
    new_id = _revision_param(request, "to")
    old_id = _revision_param(request, "from")
    just_before = old_id is None and new_id is not None
    if old_id is None:  # the version `to` replaced (or, for now, the original)
        old_id = max(new_id - 1, versions.ORIGINAL) if just_before else versions.ORIGINAL
    if new_id is not None and old_id > new_id:
        old_id, new_id = new_id, old_id
    old = versions.version_as_of(model, obj.pk, old_id)
    new = versions.version_as_of(model, obj.pk, new_id)
    names = labels.Names(values=[(model, v.values | v.many) for v in (old, new)])
    shown = Revision.objects.select_related("user").in_bulk([old_id, new_id or 0])
    context = {
        **_context(model_admin, request, obj, f"Compare versions: {isolate(str(obj))}"),
        "old": _version_heading(old_id, shown, before=new_id if just_before else None),
        "new": _version_heading(new_id, shown),
        "old_exists": old.exists,
        "new_exists": new.exists,
        "changes": versions.version_changes(model, old, new, names),
        "rows": versions.season_rows_between(obj.pk, old_id, new_id) if model is Season else None,
    }
    return TemplateResponse(request, "admin/catalog/history_compare.html", context)


# Revert and undo --------------------------------------------------------------------------


def revert(model_admin, request, object_id, revision_id):
    revision = None if revision_id == versions.ORIGINAL else _revision(revision_id)
    named = "the original version" if revision is None else f"revision {revision_id}"
    return _confirmed_change(
        model_admin,
        request,
        object_id,
        plan=lambda obj: reverts.revert_plan(obj, revision),
        write=lambda obj: reverts.revert(user=request.user, instance=obj, revision=revision),
        title=f"Revert to {named}",
        verb="revert",
    )


def undo(model_admin, request, object_id, revision_id):
    revision = _revision(revision_id)
    return _confirmed_change(
        model_admin,
        request,
        object_id,
        plan=lambda obj: reverts.undo_plan(obj, revision),
        write=lambda obj: reverts.undo(user=request.user, instance=obj, revision=revision),
        title=f"Undo revision {revision_id}",
        verb="undo",
    )


def _confirmed_change(model_admin, request, object_id, plan, write, title, verb):
    obj = _object(model_admin, request, object_id)
    if not model_admin.has_change_permission(request, obj):
        raise PermissionDenied
    history_url = _admin_url(model_admin.opts, "history", quote(obj.pk))
    if request.method == "POST":
        try:
            write(obj)
        except ValidationError as error:
            model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            model_admin.message_user(request, f"{title}: done.", messages.SUCCESS)
        return HttpResponseRedirect(history_url)
    try:
        planned, refusal = plan(obj), None
    except ValidationError as error:
        planned, refusal = None, " ".join(error.messages)
    context = {
        **_context(model_admin, request, obj, f"{title}: {isolate(str(obj))}"),
        "plan": planned,
        "refusal": refusal,
        "verb": verb,
        "back_url": history_url,
    }
    return TemplateResponse(request, "admin/catalog/history_confirm.html", context)


# Deleted rows ------------------------------------------------------------------------------


def deleted(model_admin, request):
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    opts = model_admin.opts
    page = entries.deleted_page(model_admin.model, request.GET.get(PAGE_VAR))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Deleted {opts.verbose_name_plural}",
        "subtitle": None,
        "opts": opts,
        "module_name": capfirst(opts.verbose_name_plural),
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "page_var": PAGE_VAR,
        "can_restore": model_admin.has_add_permission(request),
    }
    return TemplateResponse(request, "admin/catalog/deleted.html", context)


def restore(model_admin, request, history_id):
    opts = model_admin.opts
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    row = get_object_or_404(model_admin.model.history, history_id=history_id)
    deleted_url = _admin_url(opts, "deleted")
    try:
        plan, refusal = reverts.restore_plan(row), None
    except ValidationError as error:
        plan, refusal = None, " ".join(error.messages)
    if plan is not None and not all(_may_add(request, model) for model, _row in plan.rows):
        raise PermissionDenied
    if request.method == "POST":
        try:
            obj = reverts.restore(user=request.user, row=row)
        except ValidationError as error:
            model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(deleted_url)
        model_admin.message_user(request, f"{plan.comment}.", messages.SUCCESS)
        return HttpResponseRedirect(_admin_url(opts, "change", quote(obj.pk)))
    label = plan.entries[0].label if plan else f"#{row.id}"
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Restore {opts.verbose_name} “{isolate(label)}”",
        "subtitle": None,
        "opts": opts,
        "module_name": capfirst(opts.verbose_name_plural),
        "plan": plan,
        "refusal": refusal,
        "verb": "restore",
        "back_url": deleted_url,
    }
    return TemplateResponse(request, "admin/catalog/history_confirm.html", context)


# Recent changes, and one revision ---------------------------------------------------------


class RecentChangesFilter(forms.Form):
    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.filter(revisions__isnull=False).distinct(),
        required=False,
        empty_label="anyone",
    )
    season = forms.ModelChoiceField(
        queryset=Season.objects.order_by("title"), required=False, empty_label="any season"
    )
    model = forms.ChoiceField(required=False, label="Kind")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", "any kind")] + [
            (m._meta.model_name, capfirst(m._meta.verbose_name_plural)) for m in content_models()
        ]

    def scope(self):
        """The rows these filters choose (all of them when none is set)."""
        data = self.cleaned_data if self.is_valid() else {}
        season, model_name = data.get("season"), data.get("model")
        scope = entries.season_scope(season.pk) if season else entries.all_scope()
        if model_name:
            scope = [(m, q) for m, q in scope if m._meta.model_name == model_name]
        revisions = Revision.objects.select_related("user")
        if season or model_name:
            revisions = entries.revisions_in(scope)
        if data.get("user"):
            revisions = revisions.filter(user=data["user"])
        return scope, revisions


def _recent_changes(request):
    if not request.user.has_module_perms("catalog"):
        raise PermissionDenied
    filters = RecentChangesFilter(request.GET or None)
    scope, revisions = filters.scope()
    page = entries.history_page(scope, revisions, request.GET.get(PAGE_VAR))
    query = request.GET.copy()
    query.pop(PAGE_VAR, None)
    context = {
        **admin.site.each_context(request),
        "title": "Recent changes",
        "subtitle": None,
        "filters": filters,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "page_var": PAGE_VAR,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "admin/catalog/recent_changes.html", context)


def _revision_changes(request, revision_id):
    if not request.user.has_module_perms("catalog"):
        raise PermissionDenied
    revision = _revision(revision_id)
    context = {
        **admin.site.each_context(request),
        "title": f"Revision {revision.pk}",
        "subtitle": None,
        "revision": revision,
        "entries": entries.revision_entries(revision),
    }
    return TemplateResponse(request, "admin/catalog/revision.html", context)


# The admin's own guard: staff only (others go to the login page), never cached.
recent_changes = admin.site.admin_view(require_http_methods(READ)(_recent_changes))
revision_changes = admin.site.admin_view(require_http_methods(READ)(_revision_changes))


# Helpers ----------------------------------------------------------------------------------


def _object(model_admin, request, object_id):
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None:
        raise Http404(f"No {model_admin.opts.verbose_name} with the key {object_id}.")
    return obj


def _revision(revision_id):
    return get_object_or_404(Revision.objects.select_related("user"), pk=revision_id)


def _revision_param(request, name):
    value = request.GET.get(name, "")
    if value == "" or value == "now":
        return None
    try:
        return max(int(value), versions.ORIGINAL)
    except ValueError:
        raise Http404(f"“{value}” is not a revision.") from None


def _version_heading(revision_id, revisions, before=None):
    """Words for a version: now, the original, a revision with its author, or just before
    one."""
    if revision_id is None:
        return {"title": "Now", "revision": None}
    if before is not None:
        return {"title": f"Before revision {before}", "revision": None}
    if revision_id == versions.ORIGINAL:
        return {"title": "Original version", "revision": None}
    return {"title": f"Revision {revision_id}", "revision": revisions.get(revision_id)}


def _context(model_admin, request, obj, title):
    opts = model_admin.opts
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "subtitle": None,
        "object": obj,
        "opts": opts,
        "module_name": capfirst(opts.verbose_name_plural),
        "preserved_filters": model_admin.get_preserved_filters(request),
    }


def _may_add(request, model):
    opts = model._meta
    return request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}")


def _url_name(opts, view):
    return f"{opts.app_label}_{opts.model_name}_{view}"


def _admin_url(opts, view, *args):
    return reverse(f"admin:{_url_name(opts, view)}", args=args)
