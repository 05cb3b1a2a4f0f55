"""The season wiki's content, one module per area, each queryset beside its model.

Imported facts keep their provenance in `source`: the sentence or line of the article they
were read from. Unknown stays unknown: blank text or NULL numbers, never a guessed value.

What visitors may see is one rule, `published()`: a season is public when its status says so,
everything reached through a season when its season is, and a person or an outlet when some
published work names them. Editors (who may view seasons) see drafts too: `visible_to(user)`.

A citation is no model: it is a marker `[N]` in the prose, read by `citations_in()`.
"""

from django.apps import apps

from catalog.models.accolades import Accolade
from catalog.models.base import TimeStampedModel
from catalog.models.credits import Credit
from catalog.models.events import Event
from catalog.models.people import Person
from catalog.models.purges import PendingPurge
from catalog.models.references import Citation, Reference, citations_in
from catalog.models.reviews import Outlet, Review
from catalog.models.revisions import FeedCounter, ImportBase, Revision
from catalog.models.seasons import Episode, InfoboxField, Season, Section, Series
from catalog.models.versions import ContentVersion


def content_models():
    """The content models (not their history tables, not the revisions)."""
    models = apps.get_app_config("catalog").get_models()
    return [model for model in models if issubclass(model, TimeStampedModel)]


__all__ = [
    "Accolade",
    "Citation",
    "ContentVersion",
    "Credit",
    "Episode",
    "Event",
    "FeedCounter",
    "ImportBase",
    "InfoboxField",
    "Outlet",
    "PendingPurge",
    "Person",
    "Reference",
    "Review",
    "Revision",
    "Season",
    "Section",
    "Series",
    "citations_in",
    "content_models",
]
