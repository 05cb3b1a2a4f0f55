"""A season's parts, and a person's, each edited on its own admin pages.

A browser posts every field of a change form, inline rows and their empty template rows
included, and Django answers a POST of more than DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) fields
with "Bad Request (400)". With its credits, sections, episodes, reviews, events, accolades and
references inline, the seed season's change form posted 1,013 fields unchanged, a season ten
times its size about 9,800, and a person with a hundred credits about 1,000. So a change form
holds only its object's own fields and small parts (a season's infobox lines); the rest is
edited in its own changelist, filtered to the season or person, and in its own forms:

- the owner's change form shows a panel of its parts (`PartsPanelAdmin`): each with its count,
  a link to its changelist filtered to the owner, and a link to an add form preset to it;
- a part's changelist filtered to an owner (`PartAdmin`) is titled after it and links back to
  it, and its "Add" button presets the new row to the filter's values (Django keeps the
  filters in `_changelist_filters`, and returns to the filtered list after a save).

Both are plain admin pages: every write still goes through `ContentAdmin`'s hooks.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import QueryDict
from django.urls import reverse

from catalog.admin.base import REFUSALS, ContentAdmin

# The changelist lookup Django's list filters write for a foreign key, and for a plain field.
RELATED_LOOKUP = "__id__exact"
VALUE_LOOKUP = "__exact"


class RelatedFilter(admin.RelatedFieldListFilter):
    """Django's filter by a related object, applied even when it has one choice only: Django's
    own hides itself then and drops its lookup, so that with one season in the database
    `?season__id__exact=<any>` would list every row."""

    def has_output(self):
        return bool(self.used_parameters) or super().has_output()


# The first filter of every changelist of a season's parts.
SEASON_FILTER = ("season", RelatedFilter)


@dataclass(frozen=True)
class Part:
    """Rows of `model` whose `owner_field` names the owner, and whose fields equal `values`
    (the cast: credits with department "cast")."""

    label: str
    model: type
    owner_field: str
    values: dict = field(default_factory=dict)

    def changelist_filters(self, owner):
        return {
            f"{self.owner_field}{RELATED_LOOKUP}": owner.pk,
            **{f"{name}{VALUE_LOOKUP}": value for name, value in self.values.items()},
        }

    def row(self, owner, request, admin_site):
        """What the panel shows of the part: its count and, as the editor may, its links."""
        model_admin = admin_site._registry[self.model]
        if not model_admin.has_view_or_change_permission(request):
            return None
        opts = self.model._meta
        filters = self.changelist_filters(owner)
        prefix = f"{admin_site.name}:{opts.app_label}_{opts.model_name}"
        add_url = None
        if model_admin.has_add_permission(request):
            # Preset to the owner; back to the filtered list after saving.
            preset = {self.owner_field: owner.pk, **self.values}
            query = urlencode({**preset, "_changelist_filters": urlencode(filters)})
            add_url = f"{reverse(f'{prefix}_add')}?{query}"
        return {
            "label": self.label,
            "count": self.model._default_manager.filter(
                **{self.owner_field: owner}, **self.values
            ).count(),
            "changelist_url": f"{reverse(f'{prefix}_changelist')}?{urlencode(filters)}",
            "add_url": add_url,
            "verbose_name": opts.verbose_name,
        }


class PartsPanelAdmin(ContentAdmin):
    """A change form with a panel of the object's `parts`, each edited on its own pages."""

    parts = ()
    change_form_template = "admin/catalog/change_form_with_parts.html"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            rows = (part.row(obj, request, self.admin_site) for part in self.parts)
            context["parts"] = [row for row in rows if row is not None]
        else:  # the add form: the parts come once the object is saved
            context["parts_later"] = [part.label.lower() for part in self.parts]
        return super().render_change_form(request, context, add, change, form_url, obj)


class PartAdmin(ContentAdmin):
    """The changelist of a part, which may be filtered to its owners (a season, a person)."""

    change_list_template = "admin/catalog/part_change_list.html"
    # Lists start with the season's id, not its title: the order of a table's index, so a
    # page of 500,000 credits reads its rows from the index rather than sorting them all
    # (within a season, each list keeps the article's order).
    # Editable changelists post three or four fields a row: a page stays far below the limit.
    list_per_page = 50
    # Said above an editable changelist: how its editing works.
    list_editable_help = ""

    def changelist_view(self, request, extra_context=None):
        owners = self.owners(request)
        context = {"owners": owners, **(extra_context or {})}
        if owners:
            names = " and ".join(str(owner["object"]) for owner in owners)
            context.setdefault("title", f"{self.opts.verbose_name_plural.capitalize()} of {names}")
        # Django saves an editable changelist's changed rows in one transaction; a row the
        # service refuses (data changed meanwhile) rolls them all back, as on a change form.
        try:
            return super().changelist_view(request, context)
        except REFUSALS as error:
            return self.refused(request, "Nothing was saved", error)

    def get_list_display(self, request):
        # A column the filters fix to one value (the season, the department) tells nothing;
        # an editable one stays, or its rows would post without it.
        fixed = {
            lookup.removesuffix(VALUE_LOOKUP).removesuffix("__id")
            for lookup in request.GET
            if lookup.endswith(VALUE_LOOKUP)
        }
        return [
            name
            for name in super().get_list_display(request)
            if name not in fixed or name in self.list_editable
        ]

    def owners(self, request):
        """The objects the changelist is filtered to (`season__id__exact=1`), with their
        change pages, for the way back."""
        owners = []
        for lookup, value in request.GET.items():
            if not lookup.endswith(RELATED_LOOKUP):
                continue
            try:
                relation = self.opts.get_field(lookup.removesuffix(RELATED_LOOKUP))
            except FieldDoesNotExist:
                continue
            related = relation.related_model
            if not relation.is_relation or related not in self.admin_site._registry:
                continue
            try:
                owner = related._default_manager.filter(pk=value).first()
            except (ValueError, ValidationError):  # Django's changelist reports the bad value
                continue
            if owner is not None:
                opts = related._meta
                prefix = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
                owners.append(
                    {
                        "object": owner,
                        "verbose_name": opts.verbose_name,
                        "verbose_name_plural": opts.verbose_name_plural,
                        "url": reverse(f"{prefix}_change", args=[owner.pk]),
                        "changelist_url": reverse(f"{prefix}_changelist"),
                    }
                )
        return owners

    def get_changeform_initial_data(self, request):
        """An add form opened from a filtered changelist starts with the filter's values:
        "Add credit" on the season's cast list presets the season and the department."""
        initial = super().get_changeform_initial_data(request)
        filters = QueryDict(request.GET.get("_changelist_filters", ""))
        for lookup, value in filters.items():
            name = lookup.removesuffix(VALUE_LOOKUP).removesuffix("__id")
            try:
                model_field = self.opts.get_field(name)
            except FieldDoesNotExist:
                continue
            initial.setdefault(name, [value] if model_field.many_to_many else value)
        return initial
