"""A person page's shape, computed in Python from a person loaded by
`selectors.people_for_profile()` (its `public_credits`, `public_reviews`, `public_events` and
`public_accolades`, already in page order). Nothing here queries the database.
"""

from functools import cached_property

from catalog.pages.shapers.credits import ByDepartment


class PersonProfile(ByDepartment):
    def __init__(self, person):
        self.person = person
        self.credits = person.public_credits
        self.reviews = person.public_reviews
        self.events = person.public_events
        self.accolades = person.public_accolades

    @cached_property
    def jobs(self):
        """The person's jobs in name order, acting as "actor": schema.org's jobTitle."""
        return sorted({c.job for c in self.crew} | ({"actor"} if self.cast else set()))

    @cached_property
    def summary(self):
        """One sentence of everything the person did, for the page's description."""
        # A dict keeps the order and drops repeats (one role credited on several episodes).
        done = dict.fromkeys(
            [f"{c.character or 'a role'} in {c.season.title}" for c in self.cast]
            + [f"{c.job} on {c.season.title}" for c in self.crew]
            + [f"reviewed {r.season.title} for {r.outlet.name}" for r in self.reviews]
        )
        name = self.person.name
        return f"{name}: {'; '.join(done)}." if done else name
