"""The season wiki's content, one module per area, each queryset beside its model.

Imported facts keep their provenance in `source`: the sentence or line of the article they
were read from. Unknown stays unknown: blank text or NULL numbers, never a guessed value.

What visitors may see is one rule, `published()`: a season is public when its status says so,
everything reached through a season when its season is, and a person or an outlet when some
published work names them. Editors (who may view seasons) see drafts too: `visible_to(user)`.

A citation is no model: it is a marker `[N]` in the prose, read by `citations_in()`.
"""

from catalog.models.accolades import Accolade
from catalog.models.credits import Credit
from catalog.models.events import Event
from catalog.models.people import Person
from catalog.models.references import Citation, Reference, citations_in
from catalog.models.reviews import Outlet, Review
from catalog.models.seasons import Episode, InfoboxField, Season, Section, Series

__all__ = [
    "Accolade",
    "Citation",
    "Credit",
    "Episode",
    "Event",
    "InfoboxField",
    "Outlet",
    "Person",
    "Reference",
    "Review",
    "Season",
    "Section",
    "Series",
    "citations_in",
]
