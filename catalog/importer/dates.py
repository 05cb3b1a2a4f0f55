"""Dates in prose, at the precision the text gives them.

"April 3, 2017" and "3 April 2017" are days, "August 2016" a month (not August 1), "in 2017",
"spring 2017" and "the 2022 Logie Awards" years. A date written without a year ("on March
16", "By July") takes the latest year written before it, in the sentence and then in the
sentences before it. A date relative to one written ("the following month", "later that
month", "the same day", "the following day", "that November", "the following February") is
placed from its anchor: the latest date before it in its sentence, else the last one of the
nearest sentence before it that has one, a date in a time phrase ("following its release in
February") never being the anchor, and a relative date at the precision it names. Where
there is no anchor, `undated_phrases` names it, with relative dates it cannot place ("a year
later", "in the spring"), for the importer's notes. A relative phrase that only restates the
date before it (", the same day as the series", ", the day of the finale") or the one right
after it ("One week later, on July 29, 2016") is no date of its own.
"""

import bisect
import datetime
import re
from dataclasses import dataclass

from catalog.domain.vocabulary import NUMBER_WORDS
from catalog.importer.text import CAPITAL

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
PREPOSITION = (
    r"(?:[Ii]n|[Bb]y|[Dd]uring|[Oo]f|[Uu]ntil|[Ss]ince|[Ff]rom|[Bb]efore|[Aa]fter|[Aa]round"
    r"|[Tt]hroughout|[Oo]n|[Bb]etween)"
)
# Words that make a month before a capitalised word a date all the same ("In June Hulu ..."):
# after any other preposition it is a given name ("drawn by June Brigman").
TIME_PREPOSITION = r"(?:[Ii]n|[Dd]uring|[Uu]ntil|[Ss]ince|[Tt]hroughout)"
SEASON_OF_YEAR = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
CEREMONY = r"(?:Awards?|Prizes?|Festival|Gala|Ceremony)"

# Most precise first; a span taken by one pattern is not read again by a later one.
PATTERNS = [
    ("day", re.compile(rf"\b{MONTH} (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})\b")),
    ("day", re.compile(rf"\b(?P<day>\d{{1,2}}) {MONTH},? (?P<year>\d{{4}})\b")),
    ("month", re.compile(rf"\b{MONTH},? (?P<year>\d{{4}})\b")),
    ("day", re.compile(rf"\b{MONTH} (?P<day>\d{{1,2}})\b(?!,? ?\d)")),
    ("day", re.compile(rf"\b(?P<day>\d{{1,2}}) {MONTH}\b(?!,? ?\d)")),
    ("month", re.compile(rf"\b{TIME_PREPOSITION} (?:mid-|the end of )?{MONTH}\b")),
    ("month", re.compile(rf"\b{PREPOSITION} (?:early |late ){MONTH}\b")),
    ("month", re.compile(rf"\b{PREPOSITION} (?:mid-|the end of )?{MONTH}\b(?! {CAPITAL})")),
    ("year", re.compile(rf"\b{PREPOSITION} (?:early |late |mid-|the end of )?(?P<year>\d{{4}})\b")),
    ("year", re.compile(rf"\b{SEASON_OF_YEAR},? (?P<year>\d{{4}})\b")),
    # A ceremony named by its year: "at the 2022 Logie Awards".
    ("year", re.compile(rf"\bthe (?P<year>\d{{4}}) (?:{CAPITAL}[\w'’.-]* ){{1,5}}?{CEREMONY}\b")),
]
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|2100)\b")
# The end of a range whose year the start shares: "from March to August 2023".
RANGE_END_RE = re.compile(
    rf"\s*(?:to|through|until|till|and|or|–|-)\s*(?:early |late |mid-)?(?:{'|'.join(MONTHS)})"
    r"(?: \d{1,2})?,? (?P<year>\d{4})\b"
)


@dataclass(frozen=True)
class DateMention:
    date: datetime.date
    precision: str
    start: int
    end: int


class DateProblem(ValueError):
    pass


# Dates relative to an anchor: (pattern, the unit they move by, how many units). The unit is
# also the precision they are read at; a month name is read at month precision.
UNITS = ("day", "month", "year")
RELATIVE_PLACED = [
    (re.compile(r"\b(?:the )?(?:following|next) (?P<unit>day|month|year)\b", re.I), 1),
    (re.compile(r"\b(?:(?:later|earlier) )?(?:that|the) same (?P<unit>day|month|year)\b", re.I), 0),
    (re.compile(r"\b(?:later|earlier) that (?P<unit>day|month|year)\b", re.I), 0),
    (re.compile(rf"\b(?:[Tt]hat|[Tt]he following|[Tt]he next) {MONTH}\b"), None),
]
# A relative phrase that restates the date right before it ("..., the same day as the
# series") or is restated by the one right after it ("One week later, on July 29, 2016").
RESTATES_BEFORE_RE = re.compile(r",?\s*$")
RESTATED_AFTER_RE = re.compile(r",?\s*(?:on|in)?\s*$")
# A time phrase: the date in it is when something else happened, no anchor for what follows.
TIME_PHRASE_RE = re.compile(r"\b(?:after|before|following|ahead of|since|until)\b", re.I)


def in_time_phrase(sentence, start):
    """Whether the words from the clause's start (the last comma, at most 300 characters
    back) up to `start` open with a time phrase: "following its release on streaming in
    February 2024"."""
    floor = max(0, start - 300)
    clause_start = max(sentence.rfind(",", floor, start), sentence.rfind(";", floor, start), floor)
    return bool(TIME_PHRASE_RE.search(sentence, clause_start, start))


def placed(anchor, unit, step, month):
    """The date `step` units after the anchor (date, precision), or the first `month` at or
    after it; None where the anchor is less precise than the unit."""
    date, precision = anchor
    if UNITS.index(precision) > UNITS.index(unit):
        return None
    if month is not None:
        year = date.year + (1 if step and month <= date.month else 0)
        return datetime.date(year, month, 1)
    if unit == "day":
        return date + datetime.timedelta(days=step)
    if unit == "month":
        months = date.year * 12 + date.month - 1 + step
        return datetime.date(months // 12, months % 12 + 1, 1)
    return datetime.date(date.year + step, 1, 1)


def relative_mentions(sentence, mentions, anchor):
    """The relative dates of a sentence placed from their anchors: the latest mention before
    each outside a time phrase, else `anchor` (date, precision) from the sentences before."""
    found = []
    ends = [m.end for m in mentions]  # mentions are in order and do not overlap
    # The last mention outside a time phrase at or before each index (one pass).
    own, last = [], None
    for mention in mentions:
        if not in_time_phrase(sentence, mention.start):
            last = mention
        own.append(last)
    for pattern, step in RELATIVE_PLACED:
        for match in pattern.finditer(sentence):
            count = bisect.bisect_right(ends, match.start())  # the mentions before it
            if restated(sentence, match.start(), match.end(), mentions, count):
                continue  # ", the same day as the series": the date before, restated
            base = own[count - 1] if count else None
            base = (base.date, base.precision) if base else anchor
            if base is None:
                continue
            groups = match.groupdict()
            month = MONTHS.index(groups["month"]) + 1 if groups.get("month") else None
            unit = "month" if month else groups["unit"].lower()
            date = placed(base, unit, 1 if step is None else step, month)
            if date is not None:
                found.append(DateMention(date, unit, match.start(), match.end()))
    return found


def restated(sentence, start, end, mentions, count):
    """Whether the relative phrase at start..end only restates a mention beside it.
    mentions: in order, not overlapping; count: how many of them end before `start`."""
    before = mentions[count - 1] if count else None
    after = mentions[count] if count < len(mentions) else None
    return bool(
        (before and RESTATES_BEFORE_RE.fullmatch(sentence, before.end, start))
        or (
            after and after.start >= end and RESTATED_AFTER_RE.fullmatch(sentence, end, after.start)
        )
    )


def find_date_mentions(sentence, context_years=(), anchor=None):
    """The dates in a sentence. context_years: years written before it, oldest first; anchor:
    the (date, precision) a relative date in it is placed from where the sentence has none."""
    taken = set()  # the characters a mention already covers (a set: linear in many dates)
    mentions = []
    year_matches = list(YEAR_RE.finditer(sentence))
    year_ends = [match.end() for match in year_matches]
    for precision, pattern in PATTERNS:
        for match in pattern.finditer(sentence):
            start = min(match.start(name) for name, value in match.groupdict().items() if value)
            end = match.end()
            if any(position in taken for position in range(start, end)):
                continue
            groups = match.groupdict()
            year_text = groups.get("year")
            range_end = RANGE_END_RE.match(sentence, end) if year_text is None else None
            if range_end:
                year = int(range_end.group("year"))
            elif year_text is None:
                # The latest year written before it, else the context's, else the next one.
                before = bisect.bisect_right(year_ends, start)
                if before:
                    year = int(year_matches[before - 1].group())
                elif context_years:
                    year = context_years[-1]
                else:
                    after = [m for m in year_matches[before:] if m.start() >= end][:1]
                    if not after:
                        continue
                    year = int(after[0].group())
            else:
                year = int(year_text)
            month = MONTHS.index(groups["month"]) + 1 if groups.get("month") else 1
            day = int(groups["day"]) if groups.get("day") else 1
            try:
                date = datetime.date(year, month, day)
            except ValueError as error:
                raise DateProblem(f"{match.group()!r} is not a valid date ({error})") from error
            taken.update(range(start, end))
            mentions.append(DateMention(date, precision, start, end))
    mentions.sort(key=lambda mention: mention.start)
    for mention in relative_mentions(sentence, mentions, anchor):
        if not any(position in taken for position in range(mention.start, mention.end)):
            taken.update(range(mention.start, mention.end))
            mentions.append(mention)
    return sorted(mentions, key=lambda mention: mention.start)


def anchor_of(sentence, mentions, previous):
    """The anchor the next sentence's relative dates are placed from: this sentence's last
    date outside a time phrase; none where its dates are all in time phrases; `previous`
    where it has none."""
    if not mentions:
        return previous
    own = [m for m in mentions if not in_time_phrase(sentence, m.start)]
    return (own[-1].date, own[-1].precision) if own else None


# Words that look like a date but name none the importer can place. A month name followed
# by a capitalised word is a given name ("drawn by June Brigman"), unless a time word leads
# it ("In June Netflix ...").
MONTH_WORD_RE = re.compile(rf"\b{MONTH}\b")
GIVEN_NAME_AFTER_RE = re.compile(rf" {CAPITAL}")
TIME_WORD_BEFORE_RE = re.compile(
    r"\b(?:in|during|until|since|throughout|early|late) $", re.IGNORECASE
)
PERIOD = r"(?:year|month|week|day|spring|summer|autumn|fall|winter)"
NUMBER = rf"(?:a|{'|'.join(NUMBER_WORDS)}|several|a few|\d+)"
RELATIVE_RE = re.compile(
    rf"\b(?:(?:later|earlier) (?:that|this|the same|in the) {PERIOD}"
    rf"|the (?:following|next|previous|same) {PERIOD}"
    rf"|{NUMBER} (?:years?|months?|weeks?|days?) (?:later|earlier)"
    r"|(?:in|during|by) (?:the |that )?(?:early |late )?(?:spring|summer|autumn|fall|winter)"
    r"(?!,? (?:of )?\d{4}))\b",
    re.IGNORECASE,
)


def undated_phrases(sentence, mentions):
    """(start, phrase, message) for each date-like phrase of a sentence that no mention covers:
    a month without a year to take, a date relative to none written ("later that year")."""
    found = []
    covered = {position for m in mentions for position in range(m.start, m.end)}
    ends = [m.end for m in mentions]
    for match in MONTH_WORD_RE.finditer(sentence):
        # The 30 characters before it hold any time word (read no more: linear in months).
        before = sentence[max(0, match.start() - 30) : match.start()]
        name = GIVEN_NAME_AFTER_RE.match(sentence, match.end()) and not TIME_WORD_BEFORE_RE.search(
            before
        )
        if not name and match.start() not in covered:
            message = f"{match.group()!r} names no year to place it: no event"
            found.append((match.start(), match.group(), message))
    for match in RELATIVE_RE.finditer(sentence):
        count = bisect.bisect_right(ends, match.start())
        if match.start() in covered or restated(
            sentence, match.start(), match.end(), mentions, count
        ):
            continue
        message = f"{match.group()!r} is a date relative to none written: no event"
        found.append((match.start(), match.group(), message))
    return sorted(found)


def years_in(text):
    return [int(y) for y in YEAR_RE.findall(text)]


# A range of release dates, as an infobox writes "Original release": the dash (en, em, or a
# hyphen between spaces) or "to" between its two days.
RELEASE_RANGE_RE = re.compile(r"\s*[–—]\s*|\s+-\s+|\s+to\s+")
# The words that say a range has not ended.
ONGOING_WORDS = {"present", "ongoing", "current"}
# A day written without its year, which the range's end gives ("January 5 – February 23, 2015").
DAY_WITHOUT_YEAR_RES = [
    re.compile(rf"^{MONTH} (?P<day>\d{{1,2}})$"),
    re.compile(rf"^(?P<day>\d{{1,2}}) {MONTH}$"),
]


def parse_release(value):
    """(first day, the last as written or "") of an infobox release: one day ("2015-01-05",
    "January 5, 2015", "5 January 2015") or a range ("January 5 – February 23, 2015",
    "5 January 2015 – 23 February 2015", "2015-01-05 – 2015-02-23", "January 5, 2015 –
    present"); the first day takes the last's year where it has none. Anything else raises
    DateProblem."""
    parts = RELEASE_RANGE_RE.split(value.strip(), maxsplit=1)
    if len(parts) == 1:
        return parse_iso_date(value), ""
    first, last = (part.strip() for part in parts)
    if last.lower() in ONGOING_WORDS:
        return parse_iso_date(first), ""
    end = parse_iso_date(last)
    for pattern in DAY_WITHOUT_YEAR_RES:
        match = pattern.fullmatch(first)
        if match:
            first = f"{match.group('month')} {match.group('day')}, {end.year}"
    if re.fullmatch(r"\d{1,2}", first):  # "12 – 15 March 2021": the end's month and year
        first = f"{MONTHS[end.month - 1]} {first}, {end.year}"
    start = parse_iso_date(first)
    if end < start:
        raise DateProblem(f"{value!r} ends before it starts")
    return start, last


def parse_iso_date(value):
    """`2018-03-08`, `March 8, 2018` or `8 March 2018` -> date; anything else raises
    DateProblem."""
    value = value.strip()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    match = PATTERNS[0][1].fullmatch(value) or PATTERNS[1][1].fullmatch(value)
    if match:
        try:
            return datetime.date(
                int(match.group("year")),
                MONTHS.index(match.group("month")) + 1,
                int(match.group("day")),
            )
        except ValueError as error:
            raise DateProblem(f"{value!r} is not a valid date ({error})") from error
    raise DateProblem(f"{value!r} is not a date (expected YYYY-MM-DD)")
