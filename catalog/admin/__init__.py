"""The editors' admin: one module per area of the models, importing each registers its admins.

Conventions, the same on every page:
- every change is written through the write service (`catalog.content.services`): every content
admin
  is a `ContentAdmin` (`base.py`), whose save and delete hooks call it, inlines included;
- provenance (`source`, the line of the article a fact was read from) and the timestamps are
  shown read-only, in the change forms and in the inlines alike: the importer writes them;
- every foreign key or many-to-many to a person, and to the larger supporting models, is an
  autocomplete field, so a form never renders a select with every row of a table;
- changelists fetch their related rows with the model's queryset methods (or
  `list_select_related`), so a page of rows costs the same number of queries as a page of one;
- an admin that annotates a count states its `ordering`: a GROUP BY query drops Meta.ordering,
  and the autocomplete results are paginated;
- "View on site" is Django's default: it shows wherever the model has `get_absolute_url`;
- a change form holds its object's own fields and small parts only (a season's infobox lines):
  a season's credits, sections, episodes, reviews, events, accolades and references, and a
  person's credits, are edited on their own changelists, filtered to the season or person and
  linked from its change form (`parts.py`), so that no form nears Django's limit of fields;
- changelists list a season's rows in the article's order, with the season as their first filter.

The API token page (`catalog/admin/api_token.py`) is no content, and stays outside.
"""

from catalog.admin import (  # noqa: F401  (importing registers the admins)
    accolades,
    credits,
    events,
    people,
    references,
    reviews,
    seasons,
)
from catalog.admin.base import ContentAdmin

__all__ = ["ContentAdmin"]
