"""The dated facts of the production and release timeline.

Each date written in the prose (outside quotations) is an event, with the kind its section
gives (Development, Casting, ...) or, where the heading says nothing, the words around it.
The lead only summarises the body, so a lead event is kept only where the body has no event
of the same kind in the same period (a third season ordered, say).
"""

import re
from calendar import monthrange
from itertools import pairwise

from catalog.importer.data import EventData
from catalog.importer.dates import DateProblem, find_date_mentions, years_in
from catalog.importer.errors import LineProblem
from catalog.importer.text import quoted_spans
from catalog.vocabulary import kind_of_headings, kind_of_words

CLAUSE_BREAK_RE = re.compile(r",\s+(?=(?:with|and|which|while|ahead of|after|before)\b)|;\s+")


def clause_of(sentence, mention):
    """The clause of a sentence that holds a date: the part between clause breaks."""
    bounds = [0]
    bounds += [match.end() for match in CLAUSE_BREAK_RE.finditer(sentence)]
    bounds.append(len(sentence) + 1)
    for start, end in pairwise(bounds):
        if start <= mention.start < end:
            return sentence[start:end].strip().rstrip(",;")
    return sentence


def extract_events(paragraphs, people_names):
    events = []
    for paragraph in paragraphs:
        quoted = quoted_spans(paragraph.text)
        heading_kind = kind_of_headings(paragraph.headings)
        context_years = []
        for sentence in paragraph.sentences:
            try:
                mentions = find_date_mentions(sentence.text, context_years)
            except DateProblem as error:
                raise LineProblem(paragraph.line, str(error)) from error
            mentions = [
                m for m in mentions if not any(a < sentence.start + m.start < b for a, b in quoted)
            ]
            for mention in mentions:
                clause = clause_of(sentence.text, mention) if len(mentions) > 1 else sentence.text
                kind = heading_kind or kind_of_words(clause)
                events.append(
                    EventData(
                        date=mention.date,
                        date_precision=mention.precision,
                        kind=kind,
                        text=clause,
                        people=people_in(sentence.text, people_names),
                        source=sentence.text,
                        from_lead=paragraph.section is None,
                        line=paragraph.line,
                    )
                )
            context_years.extend(years_in(sentence.text))
    return drop_lead_summaries(events)


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


def people_in(sentence, names):
    """The known people a sentence names, by full name or by an unambiguous surname."""
    found = []
    surnames = {}
    for name in names:
        surnames.setdefault(name.split()[-1], []).append(name)
    for name in names:
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):
            found.append(name)
            continue
        surname = name.split()[-1]
        if len(surnames[surname]) != 1 or len(name.split()) < 2:
            continue
        # A bare surname, not the end of someone else's full name ("Marco Ramirez").
        pattern = rf"(?<![\w-]){re.escape(surname)}(?![\w-])"
        for match in re.finditer(pattern, sentence):
            before = sentence[: match.start()]
            if not re.search(r"[A-Z][\w.'’-]* $", before):
                found.append(name)
                break
    return found
