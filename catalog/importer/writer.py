"""Writing an article's plain data to the database: one transaction, matched by natural keys.

Every row is written through the content write service (catalog.services), as the importer
with the article's file for actor. Running it again with the same data changes nothing (no
row is saved unless a value differs). Fields the article does not hold (episode titles,
reference details, a season's status) are never overwritten, so editors' work on them
survives a re-import. The references the markers cite are made before the prose that holds
the markers, as the models ask.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from catalog import services
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
from catalog.vocabulary import strip_markers


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
    """How many rows of each model were created, updated or left unchanged."""

    def line(self):
        parts = []
        for action in ("created", "updated", "unchanged"):
            total = sum(n for (act, _model), n in self.items() if act == action)
            parts.append(f"{total} {action}")
        return ", ".join(parts)


def upsert(writer, model, lookup, values=None, *, create_only=None, many=None, line=None):
    """Get the row matching `lookup`; create it, or update it where `values` (or the
    many-to-many `many`, as sets of primary keys) differ.

    `create_only` values are set on creation and left alone afterwards (editors own them).
    `line` is the article line the row comes from, named if the row is refused.
    """
    values, many = values or {}, many or {}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = writer.save(
            model(**lookup, **(create_only or {})), {**lookup, **values}, values, many, line
        )
        writer.summary["created", model.__name__] += 1
        return instance
    changed = {name: value for name, value in values.items() if getattr(instance, name) != value}
    changed_many = {
        name: pks
        for name, pks in many.items()
        if set(getattr(instance, name).values_list("pk", flat=True)) != set(pks)
    }
    if changed or changed_many:
        writer.save(instance, {**lookup, **values}, changed, changed_many, line)
        writer.summary["updated", model.__name__] += 1
    else:
        writer.summary["unchanged", model.__name__] += 1
    return instance


class Writer:
    """Saves through the write service as the importer, counting what it did."""

    def __init__(self, actor):
        self.actor = actor
        self.summary = ImportSummary()

    def save(self, instance, row_values, fields, many=None, line=None):
        """The saved instance; a refused value is a WriteProblem naming `row_values`."""
        try:
            return services.content_save(
                instance=instance, fields=fields, many=many, actor=self.actor
            )
        except ValidationError as error:
            raise WriteProblem(type(instance), error, row_values, line) from error


@transaction.atomic
def season_import(*, article, actor):
    """Save an ArticleData as `actor` (the importer and its file); returns (season, summary)."""
    writer = Writer(actor)
    series = upsert(writer, Series, {"slug": slugify(article.series)}, {"name": article.series})
    season_key = {"series": series, "number": article.number}
    season = upsert(
        writer,
        Season,
        season_key,
        {
            "title": article.title,
            "slug": article.slug,
            "background_color": article.background_color,
            "network": article.network,
            "release_date": article.release_date,
            "episode_count": article.episode_count,
            "episode_list_title": article.episode_list_title,
        },
        # The lead's markers cite references, which need the season first: a new season
        # starts with the lead's words alone, and the lead is written after the references.
        create_only={"status": Season.Status.PUBLISHED, "lead": strip_markers(article.lead)},
    )
    for number in article.cited_numbers():
        upsert(writer, Reference, {"season": season, "number": number})
    if season.lead != article.lead:
        writer.save(season, {**season_key, "lead": article.lead}, {"lead": article.lead})
        writer.summary["updated", Season.__name__] += 1
    for line in article.infobox:
        upsert(
            writer,
            InfoboxField,
            {"season": season, "key": line.key},
            {"position": line.position, "value": line.value, "source": line.source},
            line=line.line,
        )
    for data in article.sections:
        # Positions shift when an article gains a section; free them before reusing them.
        for moved in Section.objects.filter(season=season, position=data.position).exclude(
            anchor=data.anchor
        ):
            writer.save(moved, {}, {"position": 10_000 + data.position})
        upsert(
            writer,
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
    people = {
        name: upsert(
            writer, Person, {"slug": slugify(name)}, {"name": name, "sort_name": data.sort_name}
        )
        for name, data in article.people.items()
    }
    episodes = {
        number: upsert(writer, Episode, {"season": season, "number": number})
        for number in range(1, (article.episode_count or 0) + 1)
    }
    for credit in article.credits:
        upsert(
            writer,
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
    write_reviews(writer, season, article, people)
    for event in article.events:
        upsert(
            writer,
            Event,
            {
                "season": season,
                "date": event.date,
                "date_precision": event.date_precision,
                "source": event.source,
            },
            {"kind": event.kind, "text": event.text},
            many={"people": {people[name].pk for name in event.people}},
            line=event.line,
        )
    for accolade in article.accolades:
        upsert(
            writer,
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
    return season, writer.summary


def write_reviews(writer, season, article, people):
    for review in article.reviews:
        outlet = upsert(
            writer,
            Outlet,
            {"slug": slugify(review.outlet)},
            {"name": review.outlet, "is_aggregator": review.is_aggregator},
            line=review.line,
        )
        lookup = {"season": season, "outlet": outlet, "kind": review.kind}
        if review.critic:
            lookup["critic"] = people[review.critic]
        upsert(
            writer,
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
