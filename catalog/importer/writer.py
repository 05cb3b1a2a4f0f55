"""Writing an article's plain data to the database: one transaction, matched by natural keys.

Running it again with the same data changes nothing (no row is saved unless a value differs).
Fields the article does not hold (episode titles, reference details, a season's status) are
never overwritten, so editors' work on them survives a re-import.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from catalog.models import (
    Accolade,
    Citation,
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


class WriteProblem(Exception):
    """A value the parser accepted that the model refuses (too long, say)."""

    def __init__(self, model, error, values):
        # The refused values first, so that the article line named is the one holding them.
        refused = {name: values[name] for name in error.message_dict if name in values}
        self.values = {**refused, **values}
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        super().__init__(f"{model._meta.verbose_name} cannot be saved ({problems})")


def validated(instance, values):
    try:
        instance.full_clean()
    except ValidationError as error:
        raise WriteProblem(type(instance), error, values) from error


class ImportSummary(Counter):
    """How many rows of each model were created, updated or left unchanged."""

    def line(self):
        parts = []
        for action in ("created", "updated", "unchanged"):
            total = sum(n for (act, _model), n in self.items() if act == action)
            parts.append(f"{total} {action}")
        return ", ".join(parts)


def upsert(summary, model, lookup, values=None, *, create_only=None):
    """Get the row matching `lookup`; create it, or update it where `values` differ.

    `create_only` values are set on creation and left alone afterwards (editors own them).
    Every write is validated with full_clean(), as the admin validates.
    """
    values = values or {}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values, **(create_only or {}))
        validated(instance, {**lookup, **values})
        instance.save()
        summary["created", model.__name__] += 1
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        validated(instance, {**lookup, **values})
        instance.save()
        summary["updated", model.__name__] += 1
    else:
        summary["unchanged", model.__name__] += 1
    return instance


@transaction.atomic
def season_import(*, article):
    """Save an ArticleData; returns (season, summary)."""
    summary = ImportSummary()
    series = upsert(summary, Series, {"slug": slugify(article.series)}, {"name": article.series})
    season = upsert(
        summary,
        Season,
        {"series": series, "number": article.number},
        {
            "title": article.title,
            "slug": article.slug,
            "lead": article.lead,
            "background_color": article.background_color,
            "network": article.network,
            "release_date": article.release_date,
            "episode_count": article.episode_count,
            "episode_list_title": article.episode_list_title,
        },
        create_only={"status": Season.Status.PUBLISHED},
    )
    for position, (key, value, source) in enumerate(article.infobox, start=1):
        upsert(
            summary,
            InfoboxField,
            {"season": season, "key": key},
            {"position": position, "value": value, "source": source},
        )
    sections = {}
    for data in article.sections:
        # Positions shift when an article gains a section; free them before reusing them.
        Section.objects.filter(season=season, position=data.position).exclude(
            anchor=data.anchor
        ).update(position=10_000 + data.position)
        sections[data.anchor] = upsert(
            summary,
            Section,
            {"season": season, "anchor": data.anchor},
            {
                "position": data.position,
                "level": data.level,
                "title": data.title,
                "body": data.body,
            },
        )
    people = {
        name: upsert(
            summary, Person, {"slug": slugify(name)}, {"name": name, "sort_name": data.sort_name}
        )
        for name, data in article.people.items()
    }
    episodes = {
        number: upsert(summary, Episode, {"season": season, "number": number})
        for number in range(1, (article.episode_count or 0) + 1)
    }
    for credit in article.credits:
        upsert(
            summary,
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
        )
    write_reviews(summary, season, article, people)
    for event in article.events:
        saved = upsert(
            summary,
            Event,
            {
                "season": season,
                "date": event.date,
                "date_precision": event.date_precision,
                "source": event.source,
            },
            {"kind": event.kind, "text": event.text},
        )
        wanted = {people[name].pk for name in event.people}
        if set(saved.people.values_list("pk", flat=True)) != wanted:
            saved.people.set(wanted)
    for accolade in article.accolades:
        upsert(
            summary,
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
        )
    for citation in article.citations:
        reference = upsert(summary, Reference, {"season": season, "number": citation.number})
        upsert(
            summary,
            Citation,
            {"reference": reference, "sentence": citation.sentence, "offset": citation.offset},
            {"section": sections.get(citation.section_anchor), "source": citation.source},
        )
    return season, summary


def write_reviews(summary, season, article, people):
    for review in article.reviews:
        outlet = upsert(
            summary,
            Outlet,
            {"slug": slugify(review.outlet)},
            {"name": review.outlet, "is_aggregator": review.is_aggregator},
        )
        lookup = {"season": season, "outlet": outlet, "kind": review.kind}
        if review.critic:
            lookup["critic"] = people[review.critic]
        upsert(
            summary,
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
        )
