"""Page shapers: from rows a selector loaded to what a page shows, in Python, no queries.

- `season.SeasonArticle`: the season article's lists, infobox rows and outline.
- `outline`: the heading tree and where the structured blocks go (plain inputs).
- `citations`: the citation markers in the prose and the references' backlinks.
- `person.PersonProfile`: the person page's credits, jobs and summary.
- `introduction`: the sentence a person's page opens with, from their credits and reviews.
- `credits.ByDepartment`: the cast and crew split both shapers use.
"""

from catalog.pages.shapers.person import PersonProfile
from catalog.pages.shapers.season import SeasonArticle

__all__ = ["PersonProfile", "SeasonArticle"]
