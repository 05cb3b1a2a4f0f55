"""The dated facts of the production and release timeline.

Each date written in the prose (outside quotations) is an event, with the kind its section
gives (Development, Casting, ...) or, where the heading says nothing, the words around it.
Its text reads on its own: the sentence, or where the sentence holds several dates the date's
clause rewritten as a sentence (clauses.py); its people are those that text names as acting.
A date about another work ("the end of production on The Defenders in March") is a note, not
an event, unless the season's own clause ties it to the season; so is a date-like phrase the
importer cannot place ("later that year"). The lead only summarises the body, so a lead event
is kept only where the body has no event of the same kind in the same period (a third season
ordered, say).
"""

import re
from calendar import monthrange

from catalog.domain.vocabulary import kind_of_headings, kind_of_words, quoted_spans
from catalog.importer.clauses import rewrite, segment_of, segments_of, without_leading_phrase
from catalog.importer.data import EventData, Note
from catalog.importer.dates import DateProblem, find_date_mentions, undated_phrases, years_in
from catalog.importer.errors import LineProblem
from catalog.importer.text import CAPITAL

# Another work named right before a date: "production on The Defenders in March", "The
# Defenders released in 2017", "Power premiered on June 7, 2014".
CAPITALISED = r"[A-Z][\w'’:+-]*"
WORK = rf"(?:The )?{CAPITALISED}(?: (?:of |the |and )?{CAPITALISED})*"
OBJECT = r"(?! (?:the|a|an|its|their|his|her|it|them|all|each|every|both|this|that)\b)"
WORK_PATTERNS = [
    re.compile(
        r"\b(?:production|filming|shooting|work|release|premiere|airing|debut|finale)"
        rf" (?:on|of) (?P<work>{WORK})"
    ),
    re.compile(
        rf"(?P<work>{WORK}) (?:was |were |had |has |had been |has been )?"
        rf"(?:released|premiered|aired|debuted|wrapped|ended|concluded|launched)\b{OBJECT}"
    ),
]
NOT_WORKS = {
    "filming", "production", "shooting", "writing", "casting", "principal photography",
    "season", "series", "show", "it", "this", "that", "they", "he", "she", "work", "the",
    "a", "an", "the season", "the series", "the show", "netflix",
}  # fmt: skip
# A date about another work still belongs to the season when the season's own clause says
# it happened then: "Filming began after production on The Defenders ended in March 2017".
SEASON_SUBJECT = (
    r"(?:the |this |its )?(?:[\w-]+ )?(?:season|filming|production|photography|shooting"
    r"|writing|casting)\b"
)
TIE_RE = re.compile(r"\b(?:after|before|once|when|as soon as|following|until)\s+")
MODAL_RE = re.compile(r"\b(?:would|will|could|might|may|should|can|must)\b")


# More dates than any sentence an editor writes: the rest are dropped with a note, so that a
# pasted list of thousands of dates in one sentence cannot take minutes to read.
MAX_DATES_PER_SENTENCE = 20


def extract_events(paragraphs, people_names, series=""):
    """The dated events of the prose, and a Note for each date-like phrase not used."""
    events, notes = [], []
    actors = Actors(people_names)
    for paragraph in paragraphs:
        quoted = quoted_spans(paragraph.text)
        heading_kind = kind_of_headings(paragraph.headings)
        context_years = []
        for sentence in paragraph.sentences:
            try:
                mentions = find_date_mentions(sentence.text, context_years)
            except DateProblem as error:
                raise LineProblem(paragraph.line, str(error)) from error

            def unquoted(start, sentence=sentence, quoted=quoted):
                return not any(a < sentence.start + start < b for a, b in quoted)

            mentions = [m for m in mentions if unquoted(m.start)]
            for start, _phrase, message in undated_phrases(sentence.text, mentions):
                if unquoted(start):
                    notes.append(date_note(paragraph, sentence.text, "date", message))
            if len(mentions) > MAX_DATES_PER_SENTENCE:
                message = (
                    f"{len(mentions)} dates in one sentence: only the first "
                    f"{MAX_DATES_PER_SENTENCE} became events"
                )
                dropped = mentions[MAX_DATES_PER_SENTENCE]
                notes.append(date_note(paragraph, sentence.text, "dropped", message, dropped))
                mentions = mentions[:MAX_DATES_PER_SENTENCE]
            segments = segments_of(sentence.text, mentions)
            for mention in mentions:
                segment = segment_of(segments, mention)
                work = other_work(sentence.text, segment, mention, series, people_names)
                if work:
                    message = f"a date about another work ({work}), not this season's"
                    notes.append(date_note(paragraph, sentence.text, "date", message, mention))
                    continue
                text = sentence.text
                if len(mentions) > 1:
                    text = rewrite(sentence.text, segments, segment, mentions) or text
                kind = heading_kind or kind_of_words(text)
                events.append(
                    EventData(
                        date=mention.date,
                        date_precision=mention.precision,
                        kind=kind,
                        text=text,
                        people=actors.named_in(text),
                        source=sentence.text,
                        from_lead=paragraph.section is None,
                        line=paragraph.line,
                    )
                )
            context_years.extend(years_in(sentence.text))
    return drop_lead_summaries(events), notes


def date_note(paragraph, sentence, kind, message, mention=None):
    """A Note on a sentence's date, with the event it would have been (its date where one
    was read): the admin's preview starts from it."""
    understood = EventData(
        date=mention.date if mention else None,
        date_precision=mention.precision if mention else "",
        kind=kind_of_headings(paragraph.headings) or kind_of_words(sentence),
        text=sentence,
        people=[],
        source=sentence,
        line=paragraph.line,
    )
    return Note(paragraph.line, kind, sentence, message, understood)


def other_work(sentence, segment, mention, series, people_names):
    """The other work a date is about, unless the season's own clause ties it; else None.
    Only the clause's last 300 characters are read: a work named further back is not what the
    date is about, and an unbounded read is quadratic in a sentence of many dates."""
    clause = sentence[max(segment.start, mention.start - 300) : mention.start]
    for pattern in WORK_PATTERNS:
        for match in pattern.finditer(clause):
            work = match.group("work")
            gap = clause[match.end() :]
            if (
                work.lower() in NOT_WORKS
                or (series and series in work)
                or work in people_names
                or re.search(r"[,;]|\bseason\b", gap)
                or len(gap.split()) > 4
            ):
                continue
            if not tied_to_season(clause[: match.start()], series):
                return work
    return None


def tied_to_season(before, series):
    """Whether the words before the other work say the season did something then."""
    ties = list(TIE_RE.finditer(before))
    if not ties:
        return False
    own = without_leading_phrase(before[: ties[-1].start()])
    subject = SEASON_SUBJECT + (f"|{re.escape(series)}\b" if series else "")
    return bool(re.match(subject, own, re.IGNORECASE)) and not MODAL_RE.search(own)


def period_of(event):
    """The (first, last) day of the period an event's date stands for."""
    date = event.date
    if event.date_precision == "year":
        return date, date.replace(month=12, day=31)
    if event.date_precision == "month":
        return date, date.replace(day=monthrange(date.year, date.month)[1])
    return date, date


def drop_lead_summaries(events):
    body = [event for event in events if not event.from_lead]
    kept = []
    for event in events:
        if event.from_lead:
            first, last = period_of(event)
            if any(other.kind == event.kind and first <= other.date <= last for other in body):
                continue
        kept.append(event)
    unique, seen = [], set()
    for event in kept:
        key = (event.date, event.date_precision, event.source)
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique


class Actors:
    """The known people, each found by full name or by an unambiguous surname (the patterns
    made once an article, not once an event)."""

    def __init__(self, names):
        surnames = {}
        for name in names:
            surnames.setdefault(name.split()[-1], []).append(name)
        self.patterns = []  # (name, [(pattern, whether it is the bare surname)])
        for name in names:
            patterns = [(re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"), False)]
            surname = name.split()[-1]
            if len(surnames[surname]) == 1 and len(name.split()) >= 2:
                patterns.append((re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])"), True))
            self.patterns.append((name, patterns))

    def named_in(self, text):
        """The known people a clause names as acting: not a possessive ("Ritter's
        performance") nor the object of a word that only mentions them ("replacing Liz
        Friedman", "a role offered to Omar Reyes")."""
        return [
            name
            for name, patterns in self.patterns
            if any(
                acts(text, match, bare)
                for pattern, bare in patterns
                for match in pattern.finditer(text)
            )
        ]


MENTION_ONLY_RE = re.compile(
    r"\b(?:of|about|than|like|to|replacing|succeeding|opposite|alongside|against) $"
)


def acts(text, match, bare_surname):
    before, after = text[: match.start()], text[match.end() :]
    if bare_surname and re.search(rf"{CAPITAL}[\w.'’-]* $", before):
        return False  # the end of someone else's full name ("Marco Ramirez")
    if re.match(r"['’]s?\b", after):  # a possessive
        return False
    return not MENTION_ONLY_RE.search(before)
