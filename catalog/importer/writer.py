"""Writing an article's plain data to the database: one transaction, matched by natural keys.

`season_import` calls one writer per kind of content, in the order the models need (the season, the
references its markers cite, then the lead, the infobox, the sections, people, episodes, credits,
reviews, events and accolades). Every row is written through the content write service
(catalog.content.services) as the importer with the article's file for actor. Running it again with
the same data changes nothing (no row is saved unless a value differs). Fields the article does not
hold (episode titles, reference details, a season's status) are never overwritten, so editors' work
on them survives a re-import.

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
from django.utils.text import slugify

from catalog.content import services
from catalog.domain.vocabulary import strip_markers
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
class ImportPlan:
    """Every row an import matched, in the order written, and the counts."""

    rows: list

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
        ]
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


class Writer:
    """Saves through the write service as the importer, recording each row's outcome."""

    def __init__(self, actor):
        self.actor = actor
        self._rows = {}  # (model, pk) -> PlannedRow, in the order first written

    @property
    def plan(self):
        return ImportPlan(list(self._rows.values()))

    def upsert(self, model, lookup, values=None, *, create_only=None, many=None, line=None):
        """Get the row matching `lookup`; create it, or update it where `values` (or the
        many-to-many `many`, as sets of rows) differ.

        `create_only` values are set on creation and left alone afterwards (editors own them).
        `line` is the article line the row comes from, named if the row is refused.
        """
        values, many = values or {}, many or {}
        instance = model.objects.filter(**lookup).first()
        if instance is None:
            instance = model(**lookup, **(create_only or {}))
            self.save(instance, {**lookup, **values}, values, many, line)
            self.record(instance, "created", line=line)
            return instance
        # The rows the lookup matched by are in hand: naming the row (str) then follows no
        # foreign key to the database, a query a row otherwise.
        for name, value in lookup.items():
            if isinstance(value, models.Model):
                setattr(instance, name, value)
        changed = {
            name: value for name, value in values.items() if getattr(instance, name) != value
        }
        changes = {name: (getattr(instance, name), value) for name, value in changed.items()}
        changed_many = {}
        for name, rows in many.items():
            old = set(getattr(instance, name).all())
            if {row.pk for row in old} != {row.pk for row in rows}:
                changed_many[name] = rows
                changes[name] = (old, rows)
        if changes:
            self.save(instance, {**lookup, **values}, changed, changed_many, line)
            self.record(instance, "updated", changes, line)
        else:
            self.record(instance, "unchanged", line=line)
        return instance

    def update(self, instance, fields, line=None):
        """Set `fields` on a row already matched (a season's lead, a section moved away)."""
        changes = {name: (getattr(instance, name), value) for name, value in fields.items()}
        self.save(instance, {}, fields, line=line)
        self.record(instance, "updated", changes, line)

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
    writer = Writer(actor)
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
    if season.lead != article.lead:
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
    position the article now gives another is moved out of the way first."""
    for data in article.sections:
        for moved in Section.objects.filter(season=season, position=data.position).exclude(
            anchor=data.anchor
        ):
            writer.update(moved, {"position": 10_000 + data.position})
        writer.upsert(
            Section,
            {"season": season, "anchor": data.anchor},
            {
                "position": data.position,
                "level": data.level,
                "title": data.title,
                "body": data.body,
            },
            line=data.line,
        )


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
    """Each review's outlet (by slug), then the review by outlet, kind and critic."""
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
            many={"people": {people[name] for name in event.people}},
            line=event.line,
        )


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
                "nominee": people.get(accolade.nominee),
                "result": accolade.result,
                "source": accolade.source,
            },
            line=accolade.line,
        )
