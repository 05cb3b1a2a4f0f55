"""A person page's shape, computed in Python from a person loaded by
`selectors.people_for_profile()` (its `shown_credits`, `shown_reviews`, `shown_events` and
`shown_accolades`, already in page order, each with its season). Nothing here queries the
database.
"""

from functools import cached_property

from catalog.pages.shapers.credits import ByDepartment
from catalog.pages.shapers.introduction import introduction


class PersonProfile(ByDepartment):
    def __init__(self, person):
        self.person = person
        self.credits = person.shown_credits
        self.reviews = person.shown_reviews
        self.events = person.shown_events
        self.accolades = person.shown_accolades

    @cached_property
    def draft_seasons(self):
        """The draft seasons whose work the page shows, in page order (only editors are shown
        any)."""
        seasons = (w.season for w in self._work if not w.season.is_published)
        return list(dict.fromkeys(seasons))

    @cached_property
    def is_public(self):
        """Whether visitors have this page: some work shown is in a published season (the
        published rule for people, read from the rows already loaded)."""
        return any(w.season.is_published for w in self._work)

    def surrogate_keys(self):
        """The keys of what the page shows (catalog.delivery.caching): the person, and the seasons
        (with
        their series) and outlets of the work it lists. Events name their seasons only here."""
        keys = self.person.surrogate_keys()
        for work in self._work:
            keys |= work.season.surrogate_keys()
        for review in self.reviews:
            keys |= review.surrogate_keys()
        return keys

    @property
    def _work(self):
        return [*self.credits, *self.reviews, *self.events, *self.accolades]

    @cached_property
    def jobs(self):
        """The person's jobs in name order, acting as "actor": schema.org's jobTitle."""
        return sorted({c.job for c in self.crew} | ({"actor"} if self.cast else set()))

    @cached_property
    def introduction(self):
        """The sentence the page opens with: who they are in this wiki."""
        return introduction(
            cast=self.cast,
            crew=self.crew,
            reviews=self.reviews,
            events=self.events,
            accolades=self.accolades,
        )

    @cached_property
    def summary(self):
        """One sentence of everything the person did, for the page's description."""
        # A dict keeps the order and drops repeats (one role credited on several episodes).
        done = dict.fromkeys(
            [f"{c.character or c.note or 'a role'} in {c.season.title}" for c in self.cast]
            + [f"{c.job} on {c.season.title}" for c in self.crew]
            + [f"reviewed {r.season.title} for {r.outlet.name}" for r in self.reviews]
        )
        name = self.person.name
        return f"{name}: {'; '.join(done)}." if done else name
