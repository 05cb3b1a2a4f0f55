"""A critic's rating, kept exactly as written, and its 0-100 figure: read by the importer from
an article's sentences and by the pages' structured data (catalog/pages/seo.py) from a stored
rating, with the same forms.

The forms read:

- "x out of y", optionally "stars" or "points": "4 out of 5 stars", "9.2 out of 10",
  "three and a half out of five"; also "x stars out of y": "4 stars out of 5".
- "x/y": "3.5/5", "7/10".
- Stars without a maximum are out of five: "three and a half stars", "3½ stars", "four-star";
  star glyphs too: "★★★½" (out of five), "★★★☆☆" (out of the glyphs written).
- A bare decimal scored, rated or given, out of ten: "scored the premiere 8.9" (89), "gave it
  an 8.5"; "8.9" on its own.
- Letter grades, quoted (a "B+") or named as a grade ("a grade of A−", "an A- grade", "graded
  it C", "gave it a B+", "gave "Fly" an A−", "graded the season as a whole a B+", "assigned
  the season a B+"). A minus may be a hyphen, the typographic minus "−" or an en dash.

The 0-100 figure is x / y × 100, rounded half up (2.5 out of 4 is 63). Letter grades use
Metacritic's conversion, the one scale of the site:

    A+ 100  A 100  A− 91
    B+ 83   B 75   B− 67
    C+ 58   C 50   C− 42
    D+ 33   D 25   D− 16
    F+ 8    F 0    F− 0

A rating that cannot be put on that scale (more than its maximum, a maximum of 0, more than
five stars with no maximum, a grade off the table such as "E" or "A++") keeps its text and has
no figure: `Rating.score` is None and `Rating.problem` says why (the importer notes it).
"""

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from catalog.domain.vocabulary import NUMBER_WORDS, quoted_spans

# Letter grades on Metacritic's conversion (the table above).
GRADE_SCORES = {
    "A+": 100, "A": 100, "A-": 91, "B+": 83, "B": 75, "B-": 67, "C+": 58, "C": 50,
    "C-": 42, "D+": 33, "D": 25, "D-": 16, "F+": 8, "F": 0, "F-": 0,
}  # fmt: skip
FULL_STARS = "★"
HALF_STARS = "½⯪"
EMPTY_STARS = "☆"

_WORD_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# A number: digits ("3.5", "3½") or words ("three and a half", "three-and-a-half").
NUMBER = rf"(?:\d+(?:\.\d+)?½?|½|(?:{_WORD_NUMBER})(?:[ -]and[ -]a[ -]half)?)"
_OUT_OF = re.compile(
    rf"\b(?P<a>{NUMBER})(?: (?P<unit_a>stars?|points?))? out of (?P<b>{NUMBER})"
    r"(?: (?:stars?|points?))?(?![\w/])",
    re.I,
)
# Not part of a date ("3/10/2018") or of versions ("2.0/2.1"): no slash, dot or word either side.
_SLASH = re.compile(r"(?<![\w./])(?P<a>\d+(?:\.\d+)?)/(?P<b>\d+)(?![\w/]|\.\d)")
_STARS = re.compile(rf"\b(?P<a>{NUMBER})[ -](?:star rating|stars?)\b", re.I)
_GLYPHS = re.compile(rf"[{FULL_STARS}]+[{HALF_STARS}]?[{EMPTY_STARS}]*")
_MINUS = "−–-"  # the hyphen last: a literal in a character class
_GRADE = rf"[A-F](?:[+{_MINUS}]|\+\+|(?:[{_MINUS}]){{2}})?"
_GRADE_QUOTED = re.compile(rf"[\"“](?P<grade>{_GRADE})[\"”]")
_GRADE_VERB = r"(?:graded|rated|gave|giving|awarded|awarding|assigned|assigning)"
# What is graded: "it", "the season"; with "a"/"an" before the grade also a longer object ("the
# season as a whole", "the first five episodes") or a quoted title ("gave "Fly" an A−").
_GRADE_NAMED = re.compile(
    rf"\b(?:grade of|grade|{_GRADE_VERB} (?:it|the \w+(?: \w+)?)(?: an?)?"
    rf"|{_GRADE_VERB} (?:the \w+(?: \w+){{1,4}}?|\"[^\"]{{1,80}}\"|“[^”]{{1,80}}”) an?)"
    rf" (?P<grade>{_GRADE})(?=[\s,.;:)]|$)"
    rf"|\ban? (?P<grade2>{_GRADE}) grade\b"
)
# A bare figure scored, rated or given, with no maximum ("scored the premiere 8.9", "gave it an
# 8.5"): a decimal, out of ten (an outlet's usual scale for one: Paste, IGN).
_DECIMAL_OUT_OF_TEN = r"(?:10|\d)\.\d"
_BARE_DECIMAL = re.compile(
    rf"\b(?:scored|scoring|rated|rating|gave|giving|awarded|awarding) "
    rf"(?:it|the \w+(?: \w+){{0,3}}?) (?:an? )?(?P<a>{_DECIMAL_OUT_OF_TEN})"
    r"(?![\w/%]|\.\d| out of| points?\b| stars?\b)"
)


@dataclass
class Rating:
    text: str  # exactly as written
    score: int | None  # 0-100; None when it cannot be scaled
    problem: str = ""  # why there is no score
    value: Fraction | None = None  # on its own scale ("4 out of 5": 4 of 5); not for grades
    maximum: Fraction | None = None


def number_value(text):
    """'3.5' -> 7/2, '3½' -> 7/2, 'three and a half' -> 7/2, 'four' -> 4 (Fractions)."""
    text = text.lower().replace("-", " ")
    half = Fraction(0)
    if text.endswith("½"):
        text, half = text[:-1], Fraction(1, 2)
    elif text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], Fraction(1, 2)
    if not text:
        return half
    whole = Fraction(NUMBER_WORDS[text]) if text in NUMBER_WORDS else Fraction(text)
    return whole + half


def scaled(text, value, maximum):
    """The rating `value` out of `maximum` on 0-100, rounded half up."""
    if maximum <= 0:
        return Rating(text, None, "a maximum of 0")
    if value > maximum:
        return Rating(text, None, "more than its maximum")
    score = math.floor(value * 100 / maximum + Fraction(1, 2))
    return Rating(text, score, value=Fraction(value), maximum=Fraction(maximum))


def without_quotations(text):
    """`text` with each quotation blanked out (same length, so positions still match)."""
    for start, end in quoted_spans(text):
        text = text[:start] + " " * (end + 1 - start) + text[end + 1 :]
    return text


def find_ratings(text):
    """Every rating written in a sentence, in order. Numbers and stars inside a quotation are
    the critic's words, not a rating; a grade is looked for as written, since it is usually
    quoted (a "B+")."""
    plain = without_quotations(text)
    found = []  # (start, end, Rating)

    def add(match, rating, group=0):
        if not any(start <= match.start(group) < end for start, end, _ in found):
            found.append((match.start(group), match.end(group), rating))

    for match in _OUT_OF.finditer(plain):
        add(match, scaled(match.group(), number_value(match["a"]), number_value(match["b"])))
    for match in _SLASH.finditer(plain):
        add(match, scaled(match.group(), Fraction(match["a"]), Fraction(match["b"])))
    for match in _STARS.finditer(plain):
        add(match, star_rating(match.group(), number_value(match["a"])))
    for match in _GLYPHS.finditer(plain):
        add(match, glyph_rating(match.group()))
    for match in _BARE_DECIMAL.finditer(plain):
        add(match, scaled(match["a"], Fraction(match["a"]), 10), group="a")
    for pattern in (_GRADE_QUOTED, _GRADE_NAMED):
        for match in pattern.finditer(text):
            add(match, grade_rating(match["grade"] or match.groupdict()["grade2"]))
    return [rating for _, _, rating in sorted(found, key=lambda item: item[0])]


def star_rating(text, stars):
    if stars > 5:
        return Rating(text, None, "more than five stars, and no maximum given")
    return scaled(text, stars, 5)


def glyph_rating(glyphs):
    full = sum(glyphs.count(glyph) for glyph in FULL_STARS)
    half = sum(glyphs.count(glyph) for glyph in HALF_STARS)
    empty = sum(glyphs.count(glyph) for glyph in EMPTY_STARS)
    if not empty:
        return star_rating(glyphs, full + Fraction(half, 2))
    return scaled(glyphs, full + Fraction(half, 2), full + half + empty)


def grade_rating(grade):
    key = re.sub(f"[{_MINUS}]", "-", grade)
    if key not in GRADE_SCORES:
        return Rating(grade, None, "a letter grade off the scale (A+ to F−)")
    return Rating(grade, GRADE_SCORES[key])


def parse_rating(text):
    """The rating a value is on its own ("A−", "9.2 out of 10"), or None."""
    text = text.strip()
    if re.fullmatch(_GRADE, text):
        return grade_rating(text)
    if re.fullmatch(_DECIMAL_OUT_OF_TEN, text):  # a bare decimal, as find_ratings reads one
        return scaled(text, Fraction(text), 10)
    ratings = find_ratings(text)
    return ratings[0] if len(ratings) == 1 else None
