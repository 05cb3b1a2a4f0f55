"""Search: the query's cleaning and one ranking, for the site's search page (`search`) and the
TMDb search reads (`ranked`, the same ranking in the database).

The site's search looks over seasons, people, characters and outlets. Matching is a
case-insensitive substring match in the database (`icontains`, which escapes % and _ on every
backend), then ranked in Python: an exact match first, then a match at the start of the name,
then at the start of a word, then anywhere; ties in name order. The same four queries run on
SQLite and PostgreSQL. (SQLite folds case for ASCII letters only, so "é" does not find "É"
there; every other query finds the same rows on both.)
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Case, Value, When
from django.db.models.functions import Lower

from catalog.models import Credit, Outlet, Person, Season

MIN_LENGTH = 2
# A trigram index (PostgreSQL, migration 0008) answers a substring match of this many characters
# or more; a shorter query finds characters by how they start, which a plain index answers.
TRIGRAM = 3
MAX_LENGTH = 100
# At most this many results of each kind.
LIMIT = 25


@dataclass
class SearchResults:
    query: str = ""
    problem: str = ""
    seasons: list = field(default_factory=list)
    people: list = field(default_factory=list)
    characters: list = field(default_factory=list)
    outlets: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.seasons) + len(self.people) + len(self.characters) + len(self.outlets)


def clean_query(raw):
    """The query without control characters (PostgreSQL refuses NUL) and runs of spaces."""
    text = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch.isspace())
    return " ".join(text.split())


def problem_with(query):
    if not query:
        return "empty"
    if len(query) > MAX_LENGTH:
        return "too-long"
    if len(query) < MIN_LENGTH:
        return "too-short"
    if not any(ch.isalnum() for ch in query):
        return "no-letters"
    return ""


def rank(query, name):
    folded, name = query.casefold(), name.casefold()
    if name == folded:
        return 0
    if name.startswith(folded):
        return 1
    if re.search(r"\b" + re.escape(folded), name):
        return 2
    return 3


def _ranked(query, items, name):
    items = [i for i in items if query.casefold() in name(i).casefold()]
    return sorted(items, key=lambda i: (rank(query, name(i)), name(i).casefold()))[:LIMIT]


def search(raw_query):
    query = clean_query(raw_query or "")
    results = SearchResults(query=query[: MAX_LENGTH + 1], problem=problem_with(query))
    if results.problem:
        return results
    # Fetch a little more than shown so that ranking, not the database, picks the top LIMIT.
    fetch = LIMIT * 4
    seasons = Season.objects.published().with_series().filter(title__icontains=query)
    results.seasons = _ranked(query, seasons[:fetch], lambda s: s.title)
    people = Person.objects.published().filter(name__icontains=query)
    results.people = _ranked(query, people[:fetch], lambda p: p.name)
    # Half a million credits: a query too short for the trigram index matches the start of a
    # character's name (a scan for "M." read them all). In no particular order: the database
    # stops at the first `fetch` it finds, where sorting every match (50,000 characters called
    # "Detective ...") by season, as the credits' own ordering would, cost half a second;
    # ranking then picks among these.
    match = "icontains" if len(query) >= TRIGRAM else "istartswith"
    characters = (
        Credit.objects.published()
        .cast()
        .filter(**{f"character__{match}": query})
        .select_related("person", "season")
        .order_by()
    )
    results.characters = _ranked(query, characters[:fetch], lambda c: c.character)
    outlets = Outlet.objects.published().filter(name__icontains=query)
    results.outlets = _ranked(query, outlets[:fetch], lambda o: o.name)
    return results


def ranked(queryset, field, query):
    """Matches of `query` in `field`, as the site's search ranks them: the whole name, its
    start, a word's start, anywhere; then by name."""
    rank = Case(
        When(**{f"{field}__iexact": query}, then=Value(0)),
        When(**{f"{field}__istartswith": query}, then=Value(1)),
        When(**{f"{field}__icontains": f" {query}"}, then=Value(2)),
        default=Value(3),
    )
    return (
        queryset.filter(**{f"{field}__icontains": query})
        .annotate(rank=rank)
        .order_by("rank", Lower(field), "pk")
    )


def highlight_pieces(text, query):
    """`text` split into (piece, matched) pairs around case-insensitive matches of `query`."""
    if not query:
        return [(text, False)]
    pieces, done = [], 0
    for match in re.finditer(re.escape(query), text, flags=re.IGNORECASE):
        if match.start() > done:
            pieces.append((text[done : match.start()], False))
        pieces.append((match.group(), True))
        done = match.end()
    if done < len(text):
        pieces.append((text[done:], False))
    return pieces
