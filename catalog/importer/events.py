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

from catalog.domain.vocabulary import (
    kind_of_headings,
    kind_of_words,
    names_a_kind,
    quoted_spans,
)
from catalog.importer.clauses import (
    has_finite_verb,
    is_finite,
    rewrite,
    segment_of,
    segments_of,
    what_happened,
    without_leading_phrase,
)
from catalog.importer.data import EventData, Note
from catalog.importer.dates import (
    DateProblem,
    anchor_of,
    find_date_mentions,
    undated_phrases,
    years_in,
)
from catalog.importer.errors import LineProblem
from catalog.importer.text import CAPITAL

# Another work named right before a date: "production on The Defenders in March", "The
# Defenders released in 2017", "Power premiered on June 7, 2014".
CAPITALISED = r"[A-Z][\w'’:+-]*"
WORK = rf"(?:The )?{CAPITALISED}(?: (?:of |the |and )?{CAPITALISED})*"
OBJECT = r"(?! (?:the|a|an|its|their|his|her|it|them|all|each|every|both|this|that)\b)"
WORK_PATTERNS = [
    # "on" after a word of making names the work made ("production on The Defenders"), after
    # a word of release the channel ("airing on BBC America"): only "of" names a work there.
    re.compile(rf"\b(?:production|filming|shooting|work) (?:on|of) (?P<work>{WORK})"),
    re.compile(rf"\b(?:release|premiere|airing|debut|finale) of (?P<work>{WORK})"),
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
# A clause whose subject is a season of the work it then names: the work is the season's own.
OWN_SEASON_RE = re.compile(r"(?:the |this |its )?(?:\w+ )?(?:season|series) of\b", re.I)
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
        heading_kinds = kind_of_headings(paragraph.headings)
        context_years, anchor = [], None
        for sentence in paragraph.sentences:
            try:
                mentions = find_date_mentions(sentence.text, context_years, anchor)
            except DateProblem as error:
                raise LineProblem(paragraph.line, str(error)) from error

            def unquoted(start, sentence=sentence, quoted=quoted):
                return not any(a < sentence.start + start < b for a, b in quoted)

            mentions = [m for m in mentions if unquoted(m.start)]
            for start, _phrase, message in undated_phrases(sentence.text, mentions):
                if unquoted(start):
                    notes.append(date_note(paragraph, sentence.text, "date", message, at=start))
            if len(mentions) > MAX_DATES_PER_SENTENCE:
                message = (
                    f"{len(mentions)} dates in one sentence: only the first "
                    f"{MAX_DATES_PER_SENTENCE} became events"
                )
                dropped = mentions[MAX_DATES_PER_SENTENCE]
                notes.append(date_note(paragraph, sentence.text, "dropped", message, dropped))
                mentions = mentions[:MAX_DATES_PER_SENTENCE]
            segments = segments_of(sentence.text, mentions)
            told = set()  # (date, precision, kind): one event each a sentence
            for mention in mentions:
                segment = segment_of(segments, mention)
                text = sentence.text
                if len(mentions) > 1:
                    text = rewrite(sentence.text, segments, segment, mentions) or text
                if not of_the_making(sentence.text, segment, mention, text):
                    continue
                work = other_work(sentence.text, segment, mention, series, people_names)
                if work:
                    message = f"a date about another work ({work}), not this season's"
                    notes.append(date_note(paragraph, sentence.text, "date", message, mention))
                    continue
                kind = kind_of_clause(
                    sentence.text, segments, segment, mention, mentions, text, heading_kinds
                )
                if (mention.date, mention.precision, kind) in told:
                    continue  # "In May 2018, A joined, with B joining later that month"
                told.add((mention.date, mention.precision, kind))
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
            anchor = anchor_of(sentence.text, mentions, anchor)
    return drop_lead_summaries(events), notes


def kind_of_clause(sentence, segments, segment, mention, mentions, text, heading_kinds):
    """The kind of what the date's clause says happened: its words (the clause rewritten with
    its subject where the sentence has several dates, "and concluded in August 2023" ->
    "Filming concluded in August 2023."), without quotations, asides and time phrases; where
    the main clause's words name none (a date in a leading phrase cut off by an aside: "In
    November 2015, before the finale had aired, FX renewed ..."), the sentence's without the
    clauses of its other dates; else the heading's (vocabulary.kind_of_words)."""
    date = sentence[mention.start : mention.end]
    if text != sentence and date in text:
        words = what_happened(*near(text, text.index(date)))
    else:
        start = max(segment.start, mention.start - CLAUSE_READ)
        words = what_happened(*near(sentence[start : segment.end], mention.start - start))
    if not names_a_kind(words) and not segment.connective:
        others = {segment_of(segments, other) for other in mentions} - {segment}
        rest = sentence
        for part in others:
            rest = rest[: part.start] + " " * (part.end - part.start) + rest[part.end :]
        rest = what_happened(*near(rest, mention.start))
        if names_a_kind(rest):
            words = rest
    return kind_of_words(words, heading_kinds)


# How far around its date a clause is read for its kind: the words that say what happened
# stand near it, and a bounded read keeps a sentence of many dates linear.
CLAUSE_READ = 300


def near(text, at):
    """The text within CLAUSE_READ characters of position `at`, and `at` in it."""
    start = max(0, at - CLAUSE_READ)
    return text[start : at + CLAUSE_READ], at - start


# The date is the story's, not the making's: the verb that governs it tells the fiction ("is
# set in 1979", "is portrayed by A in 2019", "dramatizes the disaster of April 1986", "the
# teenage Charlotte of 1986 is played by"). A plan that did not hold ("was originally scheduled
# to debut in June 2020") is no event either. Neither is a note: the importer read them right.
STORY_RE = re.compile(
    r"\b(?:(?:is|are) )?set in|\btakes? place in|\b(?:is|are) (?:portrayed|played)\b"
    r"|\bportrays\b|\bplays\b|\bdramati[sz]es\b|\bchronicles\b|\bdepicts\b"
    r"|\brecounts\b|\btells\b|\bfollows\b"
)
PLAN_RE = re.compile(
    r"\boriginally (?:been )?(?:scheduled|planned|set|slated|intended|expected|due)\b"
    r"|\bhad been (?:scheduled|planned|slated)\b"
)
CLAUSE_BREAK_RE = re.compile(r",\s+(?:and|but)\b|;")


def of_the_making(sentence, segment, mention, text):
    """Whether a date is one of the making or release of the season: not the story's time,
    nor a plan that did not hold. Read in its clause and in the clause rewritten with its
    subject and verb ("and by Tom Philipp in 1953" -> "A is portrayed by B in 2019, by Tom
    Philipp in 1953.")."""
    date = sentence[mention.start : mention.end]
    clauses = [(sentence[segment.start : segment.end], mention.start - segment.start)]
    if text != sentence and date in text:
        clauses.append((text, text.index(date)))
    return all(in_the_making(clause, at, at + len(date)) for clause, at in clauses)


def in_the_making(clause, at, end):
    before = clause[:at]
    if PLAN_RE.search(before):
        return False
    stories = list(STORY_RE.finditer(before))
    if stories:
        gap = before[stories[-1].end() :]
        if not CLAUSE_BREAK_RE.search(gap) and not has_finite_verb(gap):
            return False
    if not has_finite_verb(before):
        after = clause[end:]
        verb = next((word for word in re.findall(r"[\w'’-]+", after) if is_finite(word)), None)
        if verb in ("is", "are") and re.match(
            rf"[^,;]*?\b{verb} (?:portrayed|played|set)\b", after
        ):
            return False
    return True


def date_note(paragraph, sentence, kind, message, mention=None, at=0):
    """A Note on a sentence's date, with the event it would have been (its date where one
    was read): the admin's preview starts from it. Its kind is read near the date (at
    `at`, else the mention's), as an event's is: a sentence of many notes stays linear."""
    words, _at = near(sentence, mention.start if mention else at)
    understood = EventData(
        date=mention.date if mention else None,
        date_precision=mention.precision if mention else "",
        kind=kind_of_words(words, kind_of_headings(paragraph.headings)),
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
            before = clause[: match.start()]
            if OWN_SEASON_RE.match(without_leading_phrase(before)):
                continue  # "The second season of the comedy series The Office premiered"
            if not tied_to_season(before, series):
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
        key = (event.date, event.date_precision, event.kind, event.source)
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
