"""Template helpers for the public pages."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from catalog.content.search import highlight_pieces
from catalog.plumbing import bidi

register = template.Library()


@register.filter
def highlight(text, query):
    """`text`, escaped, with the matches of `query` wrapped in <mark>."""
    return mark_safe(  # every piece is escaped here; only <mark> is added
        "".join(
            format_html("<mark>{}</mark>", piece) if matched else escape(piece)
            for piece, matched in highlight_pieces(str(text), query)
        )
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, path=None):
    """`path` (default: this page's, without its query string) as an absolute URL."""
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(path if path is not None else request.path)


# Text direction (catalog.plumbing.bidi): user text whose direction controls must not spill.
register.filter("bdi", bidi.bdi)
register.filter("balanced", bidi.balanced_html)
register.filter("isolate", bidi.isolate)


@register.filter
def paragraph_dir(pieces):
    """' dir="auto"' for a prose paragraph (its Pieces) that holds right-to-left text or a
    direction control, so that it takes its direction from its own first letter; else ''."""
    if any(bidi.needs_isolation(f"{piece.text}{piece.word}") for piece in pieces):
        return mark_safe(' dir="auto"')
    return ""
