"""/changes/feed/: the recent changes as an Atom feed, one entry per revision.

Each entry's id is the revision's own address on /changes/, so that two edits of the same
section are two entries; its link goes to where the first changed object shows. An entry has
the editor's username as its author name and never an email address.

Text direction: the feed is plain text (titles, and summaries escaped as HTML), so markup
cannot isolate a name there. Each user text in it (an object's label, a season's title, the
author) goes between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, its own direction
controls balanced first (catalog.plumbing.bidi.isolate): an unclosed U+202E in a name
reverses that name only, never the words after it. Text with no right-to-left letter and no
control is written as it is.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from catalog.history import public, visibility
from catalog.plumbing.bidi import isolate

FEED_ENTRIES = 50


def describe(obj):
    """A changed object in words: 'Section “Filming” in Jessica Jones season 2: changed body'."""
    where = f" in {isolate(obj.season.title)}" if obj.season else ""
    return f"{obj.kind.capitalize()} “{isolate(obj.label)}”{where}: {obj.summary}"


@dataclass(frozen=True)
class FeedEntry:
    change: public.Change
    id: str  # an absolute URL: the revision on /changes/


class ChangesFeed(Feed):
    """One instance serves every request: what a request needs goes through get_object."""

    feed_type = Atom1Feed
    title = "Season wiki: recent changes"
    subtitle = "The latest edits to the wiki's published seasons and people."

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # As the pages: no validators, so that no cache keeps the feed once a revision lands
        # (Last-Modified would let caches guess a freshness of their own).
        del response.headers["Last-Modified"]
        return response

    def link(self):
        return reverse("catalog:changes")

    def feed_url(self):
        return reverse("catalog:changes-feed")

    def get_object(self, request):
        return request.build_absolute_uri(reverse("catalog:changes"))

    def items(self, changes_url):
        changes = public.recent_changes(visibility.public_revisions()[:FEED_ENTRIES])
        return [FeedEntry(change, f"{changes_url}#change-{change.pk}") for change in changes]

    def item_title(self, entry):
        first, *rest = entry.change.objects
        return describe(first) + (f" (and {len(rest)} more)" if rest else "")

    def item_link(self, entry):
        linked = [obj.url for obj in entry.change.objects if obj.url]
        return linked[0] if linked else entry.id

    def item_guid(self, entry):
        return entry.id

    def item_description(self, entry):
        # Atom's summary is declared HTML: the plain text is escaped for it.
        change = entry.change
        lines = [describe(obj) for obj in change.shown]
        if change.more:
            lines.append(f"and {change.more} more change{pluralize(change.more)}")
        return escape("; ".join(lines))

    def item_author_name(self, entry):
        return isolate(entry.change.who)

    def item_pubdate(self, entry):
        return entry.change.when

    def item_updateddate(self, entry):
        return entry.change.when
