"""The sentence a person's page opens with: who they are in this wiki, from their credits and
reviews ("Actor who plays Jessica Jones in Jessica Jones season 2", "Composer of ...", "Critic
for Collider who reviewed ... (B)").

The wiki keeps no nationality, gender or birth date, so the sentence claims none: "Actor"
serves for every performer. Plain inputs (credits and reviews with their seasons, outlets
already loaded), no queries. Each user text in it (a character, a job, a title, an outlet)
is isolated (catalog.plumbing.bidi.isolate): its direction controls cannot reverse the rest
of the sentence.
"""

from catalog.domain.vocabulary import and_list
from catalog.plumbing.bidi import isolate

NOTHING = "No work in this wiki's seasons is recorded yet."


def introduction(*, cast=(), crew=(), reviews=(), events=(), accolades=()):
    """One sentence: their roles, then their jobs, then their reviews, each grouped by season;
    a person with none of those is named where the wiki names them (timeline, accolades)."""
    clauses = [c for c in (_acting(cast), _jobs(crew), _criticism(reviews)) if c]
    if not clauses:
        clauses = [c for c in (_named(events, "the timeline of"), _nominated(accolades)) if c]
    if not clauses:
        return NOTHING
    sentence = "; ".join(clauses)
    return sentence[0].upper() + sentence[1:] + "."


def _acting(cast):
    """'actor who plays A in S1 and S2, and plays B in S3' (a blank character: 'appears in')."""
    parts = [
        (f"plays {and_list(characters)}" if characters else "appears") + f" in {and_list(seasons)}"
        for characters, seasons in _by_season(cast, lambda c: c.character).items()
    ]
    return f"actor who {', and '.join(parts)}" if parts else ""


def _jobs(crew):
    """'executive producer and writer of S1, and composer of S2'."""
    parts = [
        f"{and_list(jobs)} of {and_list(seasons)}"
        for jobs, seasons in _by_season(crew, lambda c: c.job).items()
    ]
    return ", and ".join(parts)


def _criticism(reviews):
    """'critic for Collider who reviewed S1 (B) and S2, and for IndieWire who reviewed S3'."""
    by_outlet = {}
    for review in reviews:
        rating = f" ({isolate(review.rating_text)})" if review.rating_text else ""
        works = by_outlet.setdefault(isolate(review.outlet.name), {})
        works[isolate(review.season.title) + rating] = None
    parts = [f"for {outlet} who reviewed {and_list(works)}" for outlet, works in by_outlet.items()]
    return f"critic {', and '.join(parts)}" if parts else ""


def _named(rows, where):
    seasons = _titles(rows)
    return f"named in {where} {and_list(seasons)}" if seasons else ""


def _nominated(accolades):
    seasons = _titles(accolades)
    return f"nominee in the accolades of {and_list(seasons)}" if seasons else ""


def _by_season(credits, attribute):
    """{what they did in a season (a tuple, in credit order): the seasons they did it in}."""
    done = {}
    for credit in credits:
        value = attribute(credit)
        values = done.setdefault(isolate(credit.season.title), {})
        if value:
            values[isolate(value)] = None
    grouped = {}
    for season, values in done.items():
        grouped.setdefault(tuple(values), []).append(season)
    return grouped


def _titles(rows):
    return list(dict.fromkeys(isolate(row.season.title) for row in rows))
