"""A season article's title: the series' name, the season's number, and the word the article
calls a season by (so that its prose is read in that word: "the second series", "series 1").

Title shapes, over vocabulary's tables (SEASON_WORDS, NUMBER_WORDS, ORDINAL_WORDS,
ROMAN_NUMERALS, SINGLE_SEASON_WORDS):
- SHOW WORD N, SHOW (WORD N), SHOW: WORD N, N a figure, a number word or a Roman numeral:
  "Jessica Jones season 2", "Doctor Who (series 12)", "Money Heist part 3", "X: Season Two";
  with a country or year before the word in the brackets, as Wikipedia tells two shows of one
  name apart: "The Office (American season 2)", "Big Brother (British series 5)";
- ORDINAL WORD of SHOW, SHOW (ORDINAL WORD): "The second season of X", "X (second series)";
- SHOW (SINGLE): "Chernobyl (miniseries)", "X (TV series)", "X (2019 TV series)": season 1;
- SHOW: SUBTITLE, an anthology's season, when the lead gives its number and the show ("The
  third season of the ... series American Horror Story, subtitled Coven"): season 3;
- SHOW alone, when the lead's first sentence calls it a miniseries or limited series
  ("Mare of Easttown is an American crime drama television miniseries ..."): season 1.
Anything else is refused, naming the forms it may take.
"""

import re
from dataclasses import dataclass

from catalog.domain.vocabulary import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    ROMAN_NUMERALS,
    SEASON_WORDS,
    SINGLE_SEASON_WORDS,
    number_of,
)
from catalog.importer.errors import LineProblem


def _alternation(words):
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


WORD = rf"(?P<word>(?i:{_alternation(SEASON_WORDS)}))"
NUMBER = (
    rf"(?P<number>\d{{1,3}}|(?i:{_alternation(w for w, n in NUMBER_WORDS.items() if n)})"
    rf"|{_alternation(ROMAN_NUMERALS)})"
)
ORDINAL = rf"(?P<ordinal>(?i:{_alternation(ORDINAL_WORDS)}))"
SINGLE = rf"(?P<single>(?:\d{{4}} )?(?:[A-Z][a-z]+ )?(?i:{_alternation(SINGLE_SEASON_WORDS)}))"
# A country or year that tells apart two shows of one name, before the season in its brackets
# ("The Office (American season 2)", "Big Brother (British series 5)", "X (2019 season 1)").
QUALIFIER = r"(?:\d{4}|[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,2}"
TITLE_FORMS = [
    re.compile(rf"^(?P<series>.+?)\s*\({QUALIFIER} {WORD} {NUMBER}\)$"),
    re.compile(rf"^(?P<series>.+?)\s*(?:[(:,–-]\s*)?\b{WORD} {NUMBER}\)?$"),
    re.compile(rf"^(?:The )?{ORDINAL} {WORD} of (?P<series>.+)$", re.IGNORECASE),
    re.compile(rf"^(?P<series>.+?)\s*\((?:the )?{ORDINAL} {WORD}\)$"),
    re.compile(rf"^(?P<series>.+?)\s*\({SINGLE}\)$"),
]
# An anthology's season named by its subtitle ("American Horror Story: Coven"), whose lead
# gives its number ("The third season of the ... series American Horror Story, subtitled
# Coven, ...").
SUBTITLED_RE = re.compile(r"^(?P<series>[^:]+?):\s+(?P<subtitle>\S.*)$")
LEAD_NUMBER_RE = re.compile(rf"^[^.]*?\b{ORDINAL} {WORD} of\b")
# The lead's first sentence calling the work a single season of its own.
SINGLE_LEAD_RE = re.compile(
    rf"^[^.]*?\b(?:is|was)\s+an?\s+[^.]*?\b(?i:{_alternation(SINGLE_SEASON_WORDS[:3])})\b"
)


@dataclass(frozen=True)
class Title:
    series: str
    number: int
    word: str  # the word the article calls a season by: "season", "series", "part", ...
    numbered: bool = True  # False: one work's only season, numbered 1 for want of a number


# The infobox keys that count a show's seasons ("No. of seasons: 3").
SEASON_COUNT_KEY_RE = re.compile(r"^no\.? of (?:seasons|series)$|^num_?seasons$", re.IGNORECASE)


def check_single_season(title, infobox):
    """A title with no number read as a work's only season: refused (a LineProblem at the
    count's line) when the infobox counts more than one season, as a whole show's article
    does ("X (TV series)" with "No. of seasons: 3")."""
    if title.numbered:
        return
    for key, value, line in infobox:
        count = re.match(r"\d+", value.strip())
        if SEASON_COUNT_KEY_RE.match(key.strip()) and count and int(count.group()) > 1:
            raise LineProblem(
                line.number,
                f"the article is about a show of {count.group()} seasons, not one season: its "
                "title must name the season, as in `= Jessica Jones season 2 =`",
            )


def season_number_of(word):
    """ "2", "Two", "II" -> 2; None for any other word."""
    return number_of(word.lower()) or ROMAN_NUMERALS.get(word)


def read_title(title, lead=""):
    """The Title of an article, or a LineProblem at line 1 saying what a title may be."""
    for form in TITLE_FORMS:
        match = form.match(title)
        if not match:
            continue
        groups = match.groupdict()
        series = match.group("series").strip().rstrip(",:–-").strip()
        if groups.get("single"):
            return Title(series, 1, "season", numbered=False)
        number = season_number_of(groups["number"]) if groups.get("number") else None
        if groups.get("ordinal"):
            number = ORDINAL_WORDS[groups["ordinal"].lower()]
        if series and number:
            return Title(series, number, groups["word"].lower())
    subtitled = SUBTITLED_RE.match(title)
    numbered = LEAD_NUMBER_RE.match(lead.strip())
    if subtitled and numbered and title not in lead and subtitled["series"] in lead:
        return Title(
            subtitled["series"].strip(),
            ORDINAL_WORDS[numbered["ordinal"].lower()],
            numbered["word"].lower(),
        )
    if SINGLE_LEAD_RE.match(lead.strip()):
        return Title(title.strip(), 1, "season", numbered=False)
    raise LineProblem(
        1,
        "the title must name a series and a season, as in `= Jessica Jones season 2 =` "
        "(or `series 2`, `part 3`, `(season two)`), or a miniseries, as in "
        "`= Chernobyl (miniseries) =`",
    )


def season_nouns(word):
    """The words this article's prose calls a season by: "season", and the title's own."""
    return ("season",) if word == "season" else ("season", word)
