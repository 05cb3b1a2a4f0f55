"""What a history row is and what happened to it, in words: one table of labels and one of
verbs for the admin, the public pages and the API (TMDb has its own verbs), and the names of
what a row's keys point to. Readers differ in one thing only: an event's date, which editors
read as stored (ISO 8601) and visitors as the article writes it (Names.date).

Labels are built from a row's own fields and those names, never with a model's __str__
(which follows foreign keys: a query per row). A label of several user texts ("Name as
Character") isolates each (catalog.plumbing.bidi.isolate), so that one's direction controls
cannot reverse the next; a label of one text is isolated where it is shown.
"""

from collections import defaultdict

from django.utils.text import Truncator

from catalog.history.fields import EMPTY, changed_fields, field_of
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
)
from catalog.plumbing.bidi import isolate as iso

# What a row did, by its history_type: the admin, the public pages and the API say these.
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
# The same in TMDb's words, as its change lists answer them.
TMDB_ACTIONS = {"+": "added", "~": "updated", "-": "deleted"}


def summary(model, row):
    """What a row did in a few words: "created", "deleted", "changed body, title"."""
    if row.history_type != "~":
        return ACTIONS[row.history_type]
    changed = ", ".join(changed_fields(model, row))
    return f"changed {changed}" if changed else "changed"


def public_author(revision):
    """Who made a revision, as visitors may read it: "importer" for imports, else a username,
    never more of the account (one written as an address shows its first part)."""
    if revision.via == Revision.Via.IMPORT:
        return "importer"
    return revision.author.partition("@")[0] or "an editor"


# Names: what foreign keys point to ----------------------------------------------------------


class Names:
    """The names of the rows that the history rows' foreign keys and many-to-many point to,
    fetched at once: one query per model pointed to."""

    visitors = False  # for editors; see for_visitors

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

    @classmethod
    def for_visitors(cls, objects):
        """Names for the public pages, of objects already loaded (joined to the rows): no
        query. None is left out."""
        names = cls()
        names.visitors = True
        for obj in objects:
            if obj is not None:
                model = type(obj)
                names.names[model, obj.pk] = _name(model, getattr(obj, cls.NAME_FIELDS[model]))
        return names

    def get(self, model, pk):
        if pk is None:
            return ""
        return self.names.get((model, pk), f"#{pk}")

    def date(self, row):
        """An event row's date: as stored for editors, as the article writes it for visitors
        (at its precision: "September 2017")."""
        return row.instance.date_display if self.visitors else row.date.isoformat()

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


# Labels -------------------------------------------------------------------------------------


def _clip(text, words=10):
    return Truncator(text).words(words, truncate="…")


def _credit(row, names):
    role = (
        f" as {iso(row.character)}" if row.character else (f", {iso(row.job)}" if row.job else "")
    )
    return f"{iso(names.get(Person, row.person_id))}{role}"


LABELS = {
    Season: lambda row, names: row.title,
    Series: lambda row, names: row.name,
    Person: lambda row, names: row.name,
    Outlet: lambda row, names: row.name,
    InfoboxField: lambda row, names: row.key,
    Section: lambda row, names: row.title,
    Episode: lambda row, names: (
        f"Episode {row.number}" + (f": {iso(row.title)}" if row.title else "")
    ),
    Credit: _credit,
    Review: lambda row, names: ", ".join(
        filter(None, [iso(names.get(Person, row.critic_id)), iso(names.get(Outlet, row.outlet_id))])
    ),
    Event: lambda row, names: f"{names.date(row)}: {iso(_clip(row.text))}",
    Accolade: lambda row, names: f"{row.year} {iso(row.award)}: {iso(row.category)}",
    Reference: lambda row, names: f"[{row.number}] {iso(row.title)}".strip(),
}


def row_label(model, row, names):
    """What a history row of `model` is, in words, from its own fields and `names`."""
    label = LABELS.get(model)
    return label(row, names) if label else f"{model._meta.verbose_name} {row.id}"
