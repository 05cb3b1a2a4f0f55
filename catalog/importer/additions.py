"""Rows an editor adds to an import by hand: in the admin's preview, a note's form turns what
the importer could not use into a credit, a review or an event (catalog/admin/importing.py).

`add_rows` puts them into the article's plain data after the readers' own rows, in the order
added, so that the writer saves them with the rest of the import, in its one revision. A row
the import already holds is refused (a LineProblem on its note's line): adding it again would
write nothing.
"""

from catalog.importer.data import CreditData, EventData, ReviewData
from catalog.importer.errors import LineProblem
from catalog.importer.events import Actors
from catalog.importer.parse import people_named


def add_rows(article, rows):
    """Add each of `rows` (CreditData, ReviewData, EventData) to `article`, and their people
    to its people."""
    for row in rows:
        if isinstance(row, CreditData):
            add_credit(article, row)
        elif isinstance(row, ReviewData):
            add_review(article, row)
        elif isinstance(row, EventData):
            add_event(article, row)
        else:
            raise TypeError(f"not a row an editor can add: {row!r}")
        article.people = people_named(article)


def add_credit(article, credit):
    key = credit_key(credit)
    if any(credit_key(other) == key for other in article.credits):
        episode = f", episode {credit.episode}" if credit.episode else ""
        raise LineProblem(
            credit.line,
            f"{credit.person} is already credited as {credit.job or credit.character}{episode} "
            "in this import",
        )
    count = article.episode_count
    if credit.episode is not None and (count is None or credit.episode > count):
        of = f"a season of {count} episodes" if count else "a season whose episodes are not counted"
        raise LineProblem(credit.line, f"there is no episode {credit.episode} in {of}")
    if credit.department == "crew" and credit.episode is None:
        crew = [c.order for c in article.credits if c.department == "crew" and c.episode is None]
        credit.order = max(crew, default=0) + 1
    elif credit.episode is not None:
        credit.order = credit.episode
    article.credits.append(credit)


def credit_key(credit):
    return (credit.person, credit.department, credit.job, credit.character, credit.episode)


def add_review(article, review):
    for other in article.reviews:
        if other.outlet.casefold() != review.outlet.casefold() or other.kind != review.kind:
            continue
        if review.kind == "aggregate":
            raise LineProblem(review.line, f"{review.outlet} already has a result in this import")
        if other.critic == review.critic:
            raise LineProblem(
                review.line,
                f"{review.critic}'s review for {review.outlet} is already in this import",
            )
    review.order = len(article.reviews)
    article.reviews.append(review)


def add_event(article, event):
    key = (event.date, event.date_precision, event.source)
    if any((e.date, e.date_precision, e.source) == key for e in article.events):
        raise LineProblem(event.line, "this event, from this sentence, is already in this import")
    # Its people are those of the article its text names, as for every event.
    event.people = Actors(list(article.people)).named_in(event.text)
    article.events.append(event)
