"""The plain data an article yields: what the writer saves, nothing tied to the database.

Every piece carries `line`, the article line it was read from (None where it has none), so
that a refused value is reported where the editor wrote it. Build them with keywords.
"""

import datetime
from dataclasses import dataclass, field

from catalog.domain.vocabulary import marker_numbers


@dataclass
class PersonData:
    name: str
    sort_name: str


@dataclass
class InfoboxLineData:
    """An infobox line the site keeps as written: its key is no season field, no credit."""

    position: int  # its place among all the infobox's lines
    key: str
    value: str
    source: str
    line: int | None = None


@dataclass
class SectionData:
    position: int
    level: int
    title: str
    anchor: str
    body: str
    line: int | None = None


@dataclass
class CreditData:
    person: str
    department: str
    billing: str | None
    character: str
    job: str
    order: int
    episode: int | None
    note: str
    source: str
    line: int | None = None


@dataclass
class ReviewData:
    outlet: str
    is_aggregator: bool
    kind: str
    # What a review may not give (and a note's partial review leaves out): blank.
    critic: str | None = None
    rating_text: str = ""
    score: int | None = None
    average_rating: str = ""
    sample_size: int | None = None
    consensus: str = ""
    excerpt: str = ""
    sentiment: str = ""
    scope: str = ""
    order: int = 0
    source: str = ""
    line: int | None = None


@dataclass
class EventData:
    date: datetime.date | None  # None only in a note's partial event (no date could be read)
    date_precision: str
    kind: str
    text: str
    people: list[str]
    source: str
    from_lead: bool = False
    line: int | None = None


@dataclass
class AccoladeData:
    year: int
    award: str
    category: str
    nominee: str
    nominee_sort_name: str
    result: str
    source: str
    nominee_is_person: bool = False
    line: int | None = None


@dataclass
class CitationData:
    """Where a marker goes: `offset` characters into `sentence` (written into the prose)."""

    number: int
    section_anchor: str | None
    sentence: str
    offset: int
    source: str
    line: int | None = None


@dataclass
class Note:
    """Something the importer read but could not use, or had to drop: shown after an import,
    an error under `--strict`."""

    line: int | None
    kind: str  # what the text looked like it held: job, review, rating, aggregate, date, ...
    text: str  # the sentence (or value) as written
    message: str  # what was not understood or was dropped, and why
    # What the importer did make of it, partial (a credit's person and job, an event's date,
    # a rating...): where the admin's preview starts the form that adds the row by hand.
    understood: CreditData | ReviewData | EventData | None = field(default=None, compare=False)

    def __str__(self):
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.message}: {self.text!r}"


@dataclass
class ArticleData:
    title: str
    series: str
    number: int
    slug: str
    lead: str
    season_word: str = "season"  # what the article calls a season: "series" in a British one
    background_color: str = ""
    network: str = ""
    release_date: datetime.date | None = None
    episode_count: int | None = None
    episode_list_title: str = ""
    infobox: list[InfoboxLineData] = field(default_factory=list)
    sections: list[SectionData] = field(default_factory=list)
    people: dict[str, PersonData] = field(default_factory=dict)
    credits: list[CreditData] = field(default_factory=list)
    episode_titles: dict[int, str] = field(default_factory=dict)  # the episode table's
    reviews: list[ReviewData] = field(default_factory=list)
    events: list[EventData] = field(default_factory=list)
    accolades: list[AccoladeData] = field(default_factory=list)
    citations: list[CitationData] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    paragraphs: list = field(default_factory=list, repr=False)  # prose.Paragraph, as read

    def cited_numbers(self):
        """The reference numbers the markers in the lead and the section bodies name."""
        texts = [self.lead, *(section.body for section in self.sections)]
        return sorted({number for text in texts for number in marker_numbers(text)})
