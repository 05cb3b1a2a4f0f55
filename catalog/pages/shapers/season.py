"""The season article's shape, computed in Python from a season loaded by
`selectors.seasons_for_article()`.

Nothing here queries the database: every list comes from the prefetched relations, so the
page costs the same number of queries however large the season is. The outline's rules are in
`outline.py`, the citation markers in `citations.py`; this class gathers the season's lists
and hands them to both.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from django.template.defaultfilters import pluralize

from catalog.domain.vocabulary import (
    INFOBOX_CREW_ROWS,
    PRODUCTION_KINDS,
    Billing,
    is_typed_infobox_key,
    strip_markers,
)
from catalog.models import Event, Review
from catalog.pages.colors import header_colors
from catalog.pages.shapers.citations import Citations
from catalog.pages.shapers.credits import ByDepartment
from catalog.pages.shapers.outline import Blocks, CastGroup, Heading, build_outline

# The short timeline's key dates: the first event of each phase of the making and of the
# release, and for filming its start and its end (`filming_span`).
KEY_KINDS = [*PRODUCTION_KINDS, Event.Kind.RELEASE]
# Words that mark filming's start and end, where the article says so; else the first and last.
FILMING_START = re.compile(r"\b(began|begun|begins|started|starts|commenced)\b", re.IGNORECASE)
FILMING_END = re.compile(r"\b(wrapped|concluded|ended|finished|completed)\b", re.IGNORECASE)
# Where the infobox shows the crew rows (vocabulary.INFOBOX_CREW_ROWS), as a wiki's does:
# at the top, after Starring, after the number of episodes.
INFOBOX_CREW_PLACES = {
    "top": ["creator", "showrunner"],
    "after_cast": ["composer"],
    "after_episodes": ["executive producer", "producer"],
}
PRODUCTION_COMPANY_KEYS = {"production company", "production companies"}
# Where the infobox has no such line, the lead's "produced by A in association with B and C"
# (or "produced by A, B and C") names them; the clause ends at ", with" or the sentence's end.
PRODUCED_BY_RE = re.compile(r"\bproduced by (?P<names>[A-Z][^.;]*?)(?:, with\b|[.;]|$)")
COMPANY_SEPARATOR_RE = re.compile(r",? in association with |,? and |, ")
# The id of each cast group's list on the page (reserved in vocabulary.RESERVED_ANCHORS).
CAST_LIST_IDS = {
    Billing.MAIN: "main-cast",
    Billing.RECURRING: "recurring-cast",
    Billing.GUEST: "guest-cast",
}


def production_companies_in(text):
    """The companies a "produced by ..." clause names, in order, or []."""
    match = PRODUCED_BY_RE.search(text)
    if not match:
        return []
    names = COMPANY_SEPARATOR_RE.split(match.group("names"))
    return [name.strip() for name in names if name.strip()[:1].isupper()]


@dataclass
class InfoboxRow:
    label: str
    people: list


@dataclass
class EpisodeTable:
    """The episode table's columns with data: `titled` (some episode has a title), `jobs`
    (the crew jobs credited episode by episode, e.g. "cover artist"), and per row the episode
    and, for each job, (job, its people). `missing` says what is not recorded yet, for the
    note."""

    titled: bool
    jobs: list
    rows: list
    missing: list

    @property
    def wide(self):
        """Whether the table has more columns than a phone shows side by side (beyond No.)."""
        return self.titled + len(self.jobs) > 2


class SeasonArticle(ByDepartment):
    def __init__(self, season):
        self.season = season
        self.series = season.series
        self.sections = list(season.sections.all())
        self.infobox_fields = list(season.infobox_fields.all())
        self.credits = list(season.credits.all())
        self.episodes = list(season.episodes.all())
        self.reviews = list(season.reviews.all())
        self.events = list(season.events.all())
        self.accolades = list(season.accolades.all())
        self.people = self._link_people()

        self.header_background, self.header_text = header_colors(season.background_color)
        self.cast_groups = [
            CastGroup(billing, list_id, [c for c in self.cast if c.billing == billing])
            for billing, list_id in CAST_LIST_IDS.items()
        ]
        # The lead first, then the sections in order: the citation markers count in page order.
        self._texts = [season.lead, *(s.body for s in self.sections)]
        citations = Citations(list(season.references.all()), self._texts)
        self.lead, *bodies = citations.texts
        self.references = citations.cited
        headings = [
            Heading(s.title, s.anchor, s.level, paragraphs)
            for s, paragraphs in zip(self.sections, bodies, strict=True)
        ]
        blocks = Blocks(
            episodes=bool(self.episodes),
            cast_groups=self.cast_groups,
            reviews=bool(self.reviews),
            accolades=bool(self.accolades),
            timeline=bool(self.events),
        )
        self.outline = build_outline(headings, blocks)

    def _link_people(self):
        """The people the page names, once each: every credit, review and accolade naming a
        person holds the same Person object, whose `url` (their page's address) is reversed
        once, however often the page links to them (infobox, cast, episodes, JSON-LD)."""
        people = {}
        for credit in self.credits:
            credit.person = people.setdefault(credit.person_id, credit.person)
        for review in self.reviews:
            if review.critic_id is not None:
                review.critic = people.setdefault(review.critic_id, review.critic)
        for accolade in self.accolades:
            if accolade.nominee_id is not None:
                accolade.nominee = people.setdefault(accolade.nominee_id, accolade.nominee)
        for person in people.values():
            person.url = person.get_absolute_url()
        return list(people.values())

    def surrogate_keys(self):
        """The keys of what the page shows (catalog.delivery.caching): the season, its series, and
        the
        people and outlets its lists name (the short timeline names no one)."""
        keys = self.season.surrogate_keys()
        for row in [*self.credits, *self.reviews, *self.accolades]:
            keys |= row.surrogate_keys()
        return keys

    # The infobox and the lists: the page and its JSON-LD read each several times.

    @cached_property
    def main_cast(self):
        return self.cast_groups[0].credits

    @cached_property
    def infobox_crew(self):
        """The infobox's crew rows by place: InfoboxRow(label, people) for each job someone
        is credited with, people in credit order."""
        rows = {}
        for place, jobs in INFOBOX_CREW_PLACES.items():
            rows[place] = []
            for job in jobs:
                people = list(dict.fromkeys(c.person for c in self.crew if c.job == job))
                if people:
                    label, several = INFOBOX_CREW_ROWS[job]
                    rows[place].append(InfoboxRow(several if len(people) > 1 else label, people))
        return rows

    @cached_property
    def other_infobox_fields(self):
        """The lines kept as written, in order (a typed key's value is shown from its field;
        the models refuse such a line, this leaves out any loaded around them)."""
        return [f for f in self.infobox_fields if not is_typed_infobox_key(f.key)]

    @cached_property
    def production_companies(self):
        """The companies of the infobox's Production company line, else of the lead."""
        from_infobox = [
            name.strip()
            for f in self.infobox_fields
            if f.key.lower() in PRODUCTION_COMPANY_KEYS
            for name in f.value.split(",")
            if name.strip()
        ]
        return from_infobox or production_companies_in(strip_markers(self.season.lead))

    @cached_property
    def has_infobox(self):
        """Whether the infobox has a row besides its title: a new season may have none."""
        season = self.season
        return bool(
            any(self.infobox_crew.values())
            or self.main_cast
            or season.episode_count is not None
            or season.network
            or season.release_date
            or self.other_infobox_fields
            or season.episode_list_title
        )

    @cached_property
    def episode_table(self):
        """The episode table with only the columns some episode has a value for; every
        episode is a row, untitled ones too."""
        by_job = {}  # job -> episode id -> people, jobs in credit order
        for credit in self.crew:
            if credit.episode_id:
                people = by_job.setdefault(credit.job, {}).setdefault(credit.episode_id, [])
                people.append(credit.person)
        jobs = list(by_job)
        rows = [
            (episode, [(job, by_job[job].get(episode.pk, [])) for job in jobs])
            for episode in self.episodes
        ]
        untitled = sum(1 for episode in self.episodes if not episode.title)
        lacking = {"title": untitled}
        for job in jobs:
            lacking[job] = sum(1 for episode in self.episodes if episode.pk not in by_job[job])
        missing = [f"the {what}s of {episodes(n)}" for what, n in lacking.items() if n]
        return EpisodeTable(untitled < len(self.episodes), jobs, rows, missing)

    @cached_property
    def aggregate_reviews(self):
        return [r for r in self.reviews if r.kind == Review.Kind.AGGREGATE]

    @cached_property
    def critic_reviews(self):
        """The critics' reviews, each with `quote`: its excerpt where the article's prose does
        not already give those words (no quote shown twice), else ""."""
        critics = [r for r in self.reviews if r.kind == Review.Kind.CRITIC]
        prose = " ".join(strip_markers(text) for text in self._texts)
        for review in critics:
            review.quote = review.excerpt if review.excerpt not in prose else ""
        return critics

    @cached_property
    def rating_columns(self):
        """The ratings tables' optional columns that some row has a value for: the
        aggregators' average, count and consensus; the critics' episodes reviewed and quote."""
        aggregates, critics = self.aggregate_reviews, self.critic_reviews
        return {
            "average": any(r.average_rating for r in aggregates),
            "count": any(r.sample_size is not None for r in aggregates),
            "consensus": any(r.consensus for r in aggregates),
            "scope": any(r.scope for r in critics),
            "quote": any(r.quote for r in critics),
        }

    @cached_property
    def short_timeline(self):
        """The key dates of the whole production, in date order: the first event of each
        phase (development, writing, casting, filming, music) and of the release, and both
        the start and the end of filming."""
        first = {}
        for event in self.events:
            if event.kind in KEY_KINDS and event.kind != Event.Kind.FILMING:
                first.setdefault(event.kind, event)
        key = set(first.values())
        filming = [e for e in self.events if e.kind == Event.Kind.FILMING]
        if filming:
            key.update(filming_span(filming))
        return [event for event in self.events if event in key]

    @cached_property
    def last_changed(self):
        """The latest edit to anything the page shows."""
        objects = [
            self.season,
            self.series,
            *self.sections,
            *self.infobox_fields,
            *self.references,
            *self.credits,
            *(c.person for c in self.credits),
            *self.episodes,
            *self.reviews,
            *self.events,
            *self.accolades,
        ]
        return max(o.updated_at for o in objects)


def episodes(count):
    return f"{count} episode{pluralize(count)}"


def filming_span(filming):
    """The events where filming starts and ends: those the article says began or wrapped,
    else the first and the last."""
    start = next((e for e in filming if FILMING_START.search(e.text)), filming[0])
    ends = [e for e in filming if FILMING_END.search(e.text) and e.date >= start.date]
    return start, ends[-1] if ends else filming[-1]
