"""Writing an article's plain data to the database: one transaction, matched by natural keys.

`season_import` calls one writer per kind of content, in the order the models need (the season, the
references its markers cite, then the lead, the infobox, the sections, people, episodes, credits,
reviews, events and accolades). Every row is written through the content write service
(catalog.content.services) as the importer with the article's file for actor. Running it again with
the same data changes nothing (no row is saved unless a value differs). Fields the article does not
hold (episode titles, reference details, a season's status) are never overwritten. Over a season
imported before, it merges from what the last import read (ImportBase, see `Writer`): what editors
changed since stays, and is listed (`ImportPlan.kept`).

The `Writer` records what it did to every row it matched (`PlannedRow`: created, updated with
each field's old and new value, or unchanged), in the order written: the plan a dry run shows
(`catalog.importer.import_text`) and the counts an import prints.
"""

import datetime
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.text import slugify

from catalog.content import services
from catalog.domain.vocabulary import strip_markers
from catalog.history import revisions
from catalog.history.fields import field_label, field_of
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
    Season,
    Section,
    Series,
)

ACTIONS = ("created", "updated", "unchanged")


class WriteProblem(Exception):
    """A value the parser accepted that the model refuses (too long, say)."""

    def __init__(self, model, error, values, line=None):
        self.line = line  # the article line the row was read from, where the data knows it
        # The refused values first, so that a line found by value is the one holding them.
        refused = {name: values[name] for name in error.message_dict if name in values}
        self.values = {**refused, **values}
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        super().__init__(f"{model._meta.verbose_name} cannot be saved ({problems})")


class ImportSummary(Counter):
    """How many rows of each model were created, updated or left unchanged:
    {(action, model name): count}."""

    def line(self):
        parts = []
        for action in ACTIONS:
            total = sum(n for (act, _model), n in self.items() if act == action)
            parts.append(f"{total} {action}")
        return ", ".join(parts)


@dataclass
class PlannedRow:
    """What an import does to one row: `action` is created, updated or unchanged; `changes`
    maps an updated field's label to its (old, new) value as shown to an editor."""

    model: type
    key: str  # the row as the admin names it
    action: str
    changes: dict = field(default_factory=dict)
    line: int | None = None

    @property
    def kind(self):
        return str(self.model._meta.verbose_name_plural)


@dataclass
class KeptValue:
    """A value an import over editors' work did not write (see `Writer.upsert`): `ours` the
    editors' value it kept, `theirs` the article's, `base` the value at the last import, as
    shown to an editor; `conflict` when the article changed it too. A row editors deleted since
    the last import, and the article still holds, is kept deleted: its `label` is "row"."""

    kind: str
    key: str
    label: str
    ours: object
    theirs: object
    base: object
    conflict: bool
    line: int | None = None

    @property
    def values(self):
        return (self.ours, self.theirs, self.base)


@dataclass
class ImportPlan:
    """Every row an import matched, in the order written, and the counts; `kept`, the values
    it left as editors had changed them since the last import (KeptValue)."""

    rows: list
    kept: list = field(default_factory=list)

    @property
    def summary(self):
        return ImportSummary((row.action, row.model.__name__) for row in self.rows)

    def kinds(self):
        """[(kind, {action: [rows]})] in the order the kinds were first written."""
        grouped = {}
        for row in self.rows:
            actions = grouped.setdefault(row.kind, {action: [] for action in ACTIONS})
            actions[row.action].append(row)
        return list(grouped.items())

    def fingerprint(self):
        """A short hash of everything the plan would do: a confirmation whose import plans
        otherwise (the data changed since the preview) is refused."""
        rows = [
            [row.kind, row.key, row.action, sorted(row.changes.items()), row.line]
            for row in self.rows
        ] + [list(vars(kept).values()) for kept in self.kept]
        text = json.dumps(rows, default=str, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def shown(value):
    """A value as the plan shows it: a row by its name, a date in ISO, a set of rows sorted."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, set | list | tuple):
        return ", ".join(sorted(shown(item) for item in value))
    return value


@dataclass(frozen=True)
class Gone:
    """A row the last import wrote and editors deleted since: it stays deleted, and so do the
    rows the article hangs on it (a credit for a deleted episode)."""

    model: type
    pk: object
    name: str


def row_key(model, lookup):
    """A row as an import's base knows it: its kind and its lookup, a related row by its
    primary key (so that a person or outlet editors renamed is still the row it was)."""
    parts = {
        name: value.pk if isinstance(value, models.Model | Gone) else shown(value)
        for name, value in lookup.items()
    }
    return f"{model._meta.model_name} {json.dumps(parts, sort_keys=True, default=str)}"


class Writer:
    """Saves through the write service as the importer, recording each row's outcome.

    With `base` (what the last import of the season read, `ImportBase.rows`), a row that
    import matched is found again by its primary key, and its values are merged
    (`services.merge_from_base`): a value is written only where the article changed it since
    that import and editors did not; what editors changed stays (a `KeptValue`, a conflict
    where the article changed it too); a row editors deleted stays deleted. A row the base does
    not know is matched and written as on a first import. `read` collects this import's own
    base, for the next one."""

    def __init__(self, actor, base=None):
        self.actor = actor
        self.base = base or {}
        self.read = {}  # row key -> {"pk", "name", "values"}: the next import's base
        self._rows = {}  # (model, pk) -> PlannedRow, in the order first written
        self._kept = {}  # (kind, key, label) -> KeptValue
        self._keys = {}  # (model, pk) -> row key
        self._moved = {}  # (model, pk) -> {name: stored value before this import moved it}
        self._base_by_pk = {
            (key.split(" ", 1)[0], entry["pk"]): entry for key, entry in self.base.items()
        }

    @property
    def plan(self):
        return ImportPlan(list(self._rows.values()), list(self._kept.values()))

    def upsert(
        self, model, lookup, values=None, *, create_only=None, many=None, line=None, hold=()
    ):
        """Get the row matching `lookup`; create it, or update it where `values` (or the
        many-to-many `many`, as sets of rows) differ, merged with the base (see the class).

        `create_only` values are set on creation and left alone afterwards (editors own them).
        `hold` names values not to change on an existing row (they are reported as kept).
        `line` is the article line the row comes from, named if the row is refused. Returns the
        row, or a Gone for a row kept deleted."""
        values, many = values or {}, many or {}
        key = row_key(model, lookup)
        entry = self.base.get(key)
        gone = [value for value in lookup.values() if isinstance(value, Gone)]
        instance = None
        if not gone:
            instance = self.matched(model, lookup, entry)
        if instance is None and (gone or entry is not None):
            return self.keep_deleted(model, key, entry, gone, values, many, line)
        if instance is None:
            instance = model(**lookup, **(create_only or {}))
            self.save(instance, {**lookup, **values}, values, many, line)
            self.record(instance, "created", line=line)
            self.remember(key, instance, values, many)
            return instance
        # The rows the lookup matched by are in hand: naming the row (str) then follows no
        # foreign key to the database, a query a row otherwise.
        for name, value in lookup.items():
            if isinstance(value, models.Model) and getattr(instance, f"{name}_id") == value.pk:
                setattr(instance, name, value)
        changed, changed_many = self.merged(instance, entry, values, many, line)
        for name in hold:
            if name in changed:
                self.keep_value(instance, name, values[name], entry, line)
                del changed[name]
        changes = {name: (getattr(instance, name), value) for name, value in changed.items()}
        for name, rows in changed_many.items():
            changes[name] = (set(getattr(instance, name).all()), rows)
        if changes:
            self.save(instance, {**lookup, **values}, changed, changed_many, line)
            self.record(instance, "updated", changes, line)
        else:
            self.record(instance, "unchanged", line=line)
        self.remember(key, instance, values, many)
        return instance

    def matches(self, model, lookup):
        """Whether `upsert` would find a row (or one kept deleted) for `lookup`."""
        entry = self.base.get(row_key(model, lookup))
        return entry is not None or model.objects.filter(**lookup).exists()

    @staticmethod
    def matched(model, lookup, entry):
        """The row `lookup` names: the one the base `entry` names (in the same season: one an
        editor moved to another season is gone from this one), else by the lookup."""
        if entry is None:
            return model.objects.filter(**lookup).first()
        season = {"season": lookup["season"]} if "season" in lookup else {}
        return model.objects.filter(pk=entry["pk"], **season).first()

    def merged(self, instance, entry, values, many, line):
        """(fields, many) of `values` and `many` to write on `instance`: against the base
        `entry`, merged; without one, those that differ."""
        if entry is None:
            fields = {
                name: value for name, value in values.items() if getattr(instance, name) != value
            }
            changed_many = {
                name: rows
                for name, rows in many.items()
                if {row.pk for row in getattr(instance, name).all()} != {row.pk for row in rows}
            }
            return fields, changed_many
        fields, changed_many, kept = services.merge_from_base(
            instance=instance,
            base=entry["values"],
            fields=values,
            many=many,
            current=self._moved.get((type(instance), instance.pk)),
        )
        for value in kept:
            self.keep(instance, value, line)
        return fields, changed_many

    def update(self, instance, fields, line=None):
        """Set `fields` on a row already matched (a season's lead), merged with the base as
        `upsert` merges."""
        key = self._keys.get((type(instance), instance.pk))
        changed, _ = self.merged(instance, self.base.get(key), fields, {}, line)
        if key in self.read:
            self.read[key]["values"] |= self.stored_values(type(instance), fields, {})
        if changed:
            changes = {name: (getattr(instance, name), value) for name, value in changed.items()}
            self.save(instance, {}, changed, line=line)
            self.record(instance, "updated", changes, line)

    def move(self, instance, fields):
        """Move a row out of the way of another (a section's position): no merge; its own
        upsert later compares the base with the values it had before."""
        moved = self._moved.setdefault((type(instance), instance.pk), {})
        for name in fields:
            moved.setdefault(
                name, services.as_stored(instance._meta.get_field(name), getattr(instance, name))
            )
        changes = {name: (getattr(instance, name), value) for name, value in fields.items()}
        self.save(instance, {}, fields)
        self.record(instance, "updated", changes)

    def changed_by_editors(self, instance, name):
        """Whether editors changed `name` of `instance` since the last import, or added the
        row since (there is a last import, and it did not read the row)."""
        if not self.base:
            return False
        entry = self._base_by_pk.get((type(instance)._meta.model_name, instance.pk))
        if entry is None or name not in entry["values"]:
            return True
        now = services.as_stored(instance._meta.get_field(name), getattr(instance, name))
        now = self._moved.get((type(instance), instance.pk), {}).get(name, now)
        return now != entry["values"][name]

    def keep_deleted(self, model, key, entry, gone, values, many, line):
        """A row editors deleted since the last import (or one the article hangs on a row they
        deleted): not written, reported; the base keeps the article's values for it."""
        name = entry["name"] if entry else f"{model._meta.verbose_name} of {gone[0].name}"
        theirs = self.stored_values(model, values, many)
        conflict = entry is None or any(
            entry["values"].get(field, value) != value for field, value in theirs.items()
        )
        if entry is not None:
            self.read[key] = {**entry, "values": theirs}
        kind = str(model._meta.verbose_name_plural)
        base = "(imported)" if entry is not None else "(not imported)"
        self._kept.setdefault(
            (kind, name, "row"),
            KeptValue(kind, name, "row", "(deleted)", "(in the article)", base, conflict, line),
        )
        return Gone(model, entry["pk"] if entry else None, name)

    def keep_value(self, instance, name, value, entry, line):
        """A value `hold` kept: the article's change to it is a conflict."""
        model_field = instance._meta.get_field(name)
        ours = services.as_stored(model_field, getattr(instance, name))
        base = (entry or {}).get("values", {}).get(name)
        theirs = services.as_stored(model_field, value)
        self.keep(instance, services.Kept(name, ours, theirs, base, conflict=True), line)

    def keep(self, instance, kept, line):
        """Report a value left as editors had it (services.Kept), once a row and field."""
        model = type(instance)
        kind, key = str(model._meta.verbose_name_plural), str(instance)
        label = str(field_label(model, kept.name))
        values = (shown_stored(model, kept.name, v) for v in (kept.ours, kept.theirs, kept.base))
        self._kept.setdefault(
            (kind, key, label), KeptValue(kind, key, label, *values, kept.conflict, line)
        )

    def remember(self, key, instance, values, many):
        """What the article gave this row: the next import's base for it."""
        self._keys[type(instance), instance.pk] = key
        self.read[key] = {
            "pk": instance.pk,
            "name": str(instance),
            "values": self.stored_values(type(instance), values, many),
        }

    @staticmethod
    def stored_values(model, values, many):
        stored = {
            name: services.as_stored(model._meta.get_field(name), value)
            for name, value in values.items()
        }
        return stored | {name: sorted(row.pk for row in rows) for name, rows in many.items()}

    def save(self, instance, row_values, fields, many=None, line=None):
        """The saved instance; a refused value is a WriteProblem naming `row_values`."""
        try:
            return services.content_save(
                instance=instance, fields=fields, many=many, actor=self.actor
            )
        except ValidationError as error:
            raise WriteProblem(type(instance), error, row_values, line) from error

    def record(self, instance, action, changes=None, line=None):
        """Note what happened to a row; a row met again keeps its first action (created
        stays created) and its first old values."""
        model = type(instance)
        labels = {name: str(model._meta.get_field(name).verbose_name) for name in (changes or {})}
        shown_changes = {
            labels[name]: (shown(old), shown(new)) for name, (old, new) in (changes or {}).items()
        }
        row = self._rows.get((model, instance.pk))
        if row is None:
            self._rows[model, instance.pk] = PlannedRow(
                model, str(instance), action, shown_changes, line
            )
            return
        if row.action != "created" and action == "updated":
            row.action = "updated"
            for label, (old, new) in shown_changes.items():
                row.changes[label] = (row.changes.get(label, (old, new))[0], new)
        row.key = str(instance)


def shown_stored(model, name, value):
    """A value as history stores it, as the plan shows it: a related row (or rows) by name."""
    model_field = field_of(model, name)
    related = getattr(model_field, "related_model", None)
    if related is None or value in (None, []):
        return value
    pks = value if isinstance(value, list) else [value]
    names = {row.pk: str(row) for row in related.objects.filter(pk__in=pks)}
    return ", ".join(sorted(names.get(pk, f"#{pk} (deleted)") for pk in pks))


def rows_planned(article):
    """How many rows season_import will match for `article`, at most (its time grows with
    them: a few milliseconds each). One term for each of its writers: a new writer adds one."""
    return (
        2  # the series and the season
        + len(article.cited_numbers())
        + len(article.infobox)
        + len(article.sections)
        + len(article.people)
        + (article.episode_count or 0)
        + len(article.credits)
        + len({review.outlet for review in article.reviews})
        + len(article.reviews)
        + len(article.events)
        + len(article.accolades)
    )


@transaction.atomic
def season_import(*, article, actor):
    """Save an ArticleData as `actor` (the importer and its file); returns (season, writer):
    `writer.plan` lists what happened to every row, and its `summary` counts them."""
    existing = Season.objects.filter(
        series__slug=slugify(article.series), number=article.number
    ).first()
    writer = Writer(actor, revisions.import_base(existing) if existing else None)
    season = write_season(writer, article)
    write_references(writer, season, article)
    write_lead(writer, season, article)
    write_infobox(writer, season, article)
    write_sections(writer, season, article)
    people = write_people(writer, article)
    episodes = write_episodes(writer, season, article)
    write_credits(writer, season, article, people, episodes)
    write_reviews(writer, season, article, people)
    write_events(writer, season, article, people)
    write_accolades(writer, season, article, people)
    revisions.keep_import_base(season, writer.read, actor.source)
    return season, writer


def write_season(writer, article):
    """The series (by its slug) and the season (by series and number), with the typed fields
    the infobox gave. A new season is published, and starts with the lead's words alone: its
    markers cite references, which need the season first (`write_lead` adds them)."""
    series = writer.upsert(Series, {"slug": slugify(article.series)}, {"name": article.series})
    return writer.upsert(
        Season,
        {"series": series, "number": article.number},
        {
            "title": article.title,
            "slug": article.slug,
            "background_color": article.background_color,
            "network": article.network,
            "release_date": article.release_date,
            "episode_count": article.episode_count,
            "episode_list_title": article.episode_list_title,
        },
        create_only={"status": Season.Status.PUBLISHED, "lead": strip_markers(article.lead)},
    )


def write_references(writer, season, article):
    """A Reference, with blank details for editors, for every number the prose cites."""
    for number in article.cited_numbers():
        writer.upsert(Reference, {"season": season, "number": number})


def write_lead(writer, season, article):
    """The lead with its markers, once the references they cite exist."""
    writer.update(season, {"lead": article.lead})


def write_infobox(writer, season, article):
    """The infobox lines kept as written, by key, at their place in the box."""
    for line in article.infobox:
        writer.upsert(
            InfoboxField,
            {"season": season, "key": line.key},
            {"position": line.position, "value": line.value, "source": line.source},
            line=line.line,
        )


def write_sections(writer, season, article):
    """The prose sections by anchor, in article order; a section of the season standing at a
    position the article now gives another is moved out of the way first. Unless editors
    reordered the sections since the last import (moved or added one): then their order stays,
    the article's positions are kept as they are (a conflict where the article moved a section
    too), and a new section goes last."""
    reordered = any(
        writer.changed_by_editors(section, "position") for section in season.sections.all()
    )
    for data in article.sections:
        lookup = {"season": season, "anchor": data.anchor}
        values = {
            "position": data.position,
            "level": data.level,
            "title": data.title,
            "body": data.body,
        }
        if reordered:
            if not writer.matches(Section, lookup):
                last = season.sections.aggregate(last=Max("position"))["last"] or 0
                values["position"] = last + 1
            writer.upsert(Section, lookup, values, line=data.line, hold=("position",))
            continue
        # The section itself is the one the base names (its anchor may be an editor's now).
        itself = writer.matched(Section, lookup, writer.base.get(row_key(Section, lookup)))
        taken = Section.objects.filter(season=season, position=data.position)
        for moved in taken.exclude(anchor=data.anchor).exclude(pk=getattr(itself, "pk", None)):
            writer.move(moved, {"position": 10_000 + data.position})
        writer.upsert(Section, lookup, values, line=data.line)


def write_people(writer, article):
    """Everyone the article names, by slug; returns {name: Person}."""
    return {
        name: writer.upsert(
            Person, {"slug": slugify(name)}, {"name": name, "sort_name": data.sort_name}
        )
        for name, data in article.people.items()
    }


def write_episodes(writer, season, article):
    """The numbered episodes; returns {number: Episode}. A title from the article's episode
    table is set when the episode is created: after that the title is the editors'."""
    return {
        number: writer.upsert(
            Episode,
            {"season": season, "number": number},
            create_only={"title": article.episode_titles[number]}
            if article.episode_titles.get(number)
            else None,
        )
        for number in range(1, (article.episode_count or 0) + 1)
    }


def write_credits(writer, season, article, people, episodes):
    """Cast and crew, each credit by person, department, job, character and episode."""
    for credit in article.credits:
        writer.upsert(
            Credit,
            {
                "season": season,
                "person": people[credit.person],
                "department": credit.department,
                "job": credit.job,
                "character": credit.character,
                "episode": episodes.get(credit.episode),
            },
            {
                "billing": credit.billing,
                "order": credit.order,
                "note": credit.note,
                "source": credit.source,
            },
            line=credit.line,
        )


def write_reviews(writer, season, article, people):
    """Each review's outlet (by slug), then the review by outlet, kind and critic (none, for
    an outlet's review that names no critic)."""
    for review in article.reviews:
        outlet = writer.upsert(
            Outlet,
            {"slug": slugify(review.outlet)},
            {"name": review.outlet, "is_aggregator": review.is_aggregator},
            line=review.line,
        )
        lookup = {"season": season, "outlet": outlet, "kind": review.kind}
        if review.critic:
            lookup["critic"] = people[review.critic]
        elif review.kind == "critic":  # an outlet's review with no critic named: not its critics'
            lookup["critic"] = None
        writer.upsert(
            Review,
            lookup,
            {
                "rating_text": review.rating_text,
                "score": review.score,
                "average_rating": review.average_rating,
                "sample_size": review.sample_size,
                "consensus": review.consensus,
                "excerpt": review.excerpt,
                "sentiment": review.sentiment,
                "scope": review.scope,
                "order": review.order,
                "source": review.source,
            },
            line=review.line,
        )


def write_events(writer, season, article, people):
    """Events by date, precision and source sentence, with the people they name."""
    for event in article.events:
        writer.upsert(
            Event,
            {
                "season": season,
                "date": event.date,
                "date_precision": event.date_precision,
                "source": event.source,
            },
            {"kind": event.kind, "text": event.text},
            many={"people": {people[name] for name in event.people if present(people[name])}},
            line=event.line,
        )


def present(row):
    """A row, or None for a row kept deleted (Gone)."""
    return None if isinstance(row, Gone) else row


def write_accolades(writer, season, article, people):
    """Accolade rows by year, award, category and nominee as written; a nominee who is a
    person is linked to them."""
    for accolade in article.accolades:
        writer.upsert(
            Accolade,
            {
                "season": season,
                "year": accolade.year,
                "award": accolade.award,
                "category": accolade.category,
                "nominee_text": accolade.nominee,
            },
            {
                "nominee": present(people.get(accolade.nominee)),
                "result": accolade.result,
                "source": accolade.source,
            },
            line=accolade.line,
        )
