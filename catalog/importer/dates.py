"""Dates in prose, at the precision the text gives them.

"April 3, 2017" and "3 April 2017" are days, "August 2016" a month (not August 1), "in 2017"
and "spring 2017" years. A date written without a year ("on March 16", "By July") takes the
latest year written before it, in the sentence and then in the sentences before it; where
there is none, `undated_phrases` names it, with relative dates ("later that year"), for the
importer's notes.
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


def find_date_mentions(sentence, context_years=()):
    """The dates in a sentence. context_years: years written before it, oldest first."""
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
    return sorted(mentions, key=lambda mention: mention.start)


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
