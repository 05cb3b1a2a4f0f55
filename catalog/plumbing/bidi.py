"""Text direction: user text (names, characters, titles, prose, comments) shown so that the
Unicode direction controls it may hold cannot spill onto what the site writes after it.

Two tools, one rule. A text that holds no right-to-left letter and no direction control is
left as it is (so pages with such text are byte for byte what they were). Otherwise its
controls are balanced (`balance`: a closer with no opener is dropped, an opener left open is
closed at the text's end) and the text is isolated: in HTML inside <bdi> (`bdi`, the
template filter `wiki.bdi`), in plain text (the Atom feed, the history's row labels) between
FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (`isolate`). Balancing is what makes the
isolation hold: a stray U+2069 in the text would otherwise end the isolate early, and what
follows it would be free to reverse the rest of the line.
"""

import unicodedata

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
EMBEDDINGS = {LRE, RLE, LRO, RLO}
ISOLATES = {LRI, RLI, FSI}
CONTROLS = EMBEDDINGS | ISOLATES | {PDF, PDI, "\u200e", "\u200f", "\u061c"}
# Bidirectional classes that make a text worth isolating: right-to-left letters, Arabic
# digits, and the explicit controls (the marks LRM, RLM and ALM are in CONTROLS).
RTL_CLASSES = {"R", "AL", "AN"}


def needs_isolation(text):
    """Whether `text` holds a right-to-left letter or a direction control."""
    return any(ch in CONTROLS or unicodedata.bidirectional(ch) in RTL_CLASSES for ch in text)


def balance(text):
    """`text` with its direction controls paired as the Unicode bidi algorithm pairs them: a
    PDF or PDI that closes nothing is dropped, and what is left open at the end (or before a
    paragraph separator) is closed there, innermost first."""
    out = []
    open_ = []  # the openers, innermost last

    def close_all():
        while open_:
            out.append(PDI if open_.pop() in ISOLATES else PDF)

    for ch in text:
        if ch in EMBEDDINGS or ch in ISOLATES:
            open_.append(ch)
        elif ch == PDF:
            # A PDF closes an embedding opened inside the innermost open isolate, if any.
            if not open_ or open_[-1] in ISOLATES:
                continue
            open_.pop()
        elif ch == PDI:
            # A PDI closes the innermost open isolate and every embedding opened inside it.
            if not any(opener in ISOLATES for opener in open_):
                continue
            while open_.pop() not in ISOLATES:
                out.append(PDF)
        elif unicodedata.bidirectional(ch) == "B":
            close_all()
        out.append(ch)
    close_all()
    return "".join(out)


def isolate(text):
    """Plain `text`, isolated between FSI and PDI if it needs it, else as it is."""
    text = "" if text is None else str(text)
    if not needs_isolation(text):
        return text
    return f"{FSI}{balance(text)}{PDI}"


def bdi(value):
    """`value` as HTML (escaped unless already safe), inside <bdi> if it needs isolating."""
    html = conditional_escape("" if value is None else value)
    if not needs_isolation(html):
        return html
    # Balancing only drops or adds control characters, never touches markup: still safe.
    return format_html("<bdi>{}</bdi>", mark_safe(balance(html)))


def balanced_html(value):
    """`value` as HTML with its controls balanced (for a block that is isolated by its
    dir="auto" already, e.g. a prose paragraph's run)."""
    html = conditional_escape("" if value is None else value)
    if not needs_isolation(html):
        return html
    return mark_safe(balance(html)) if isinstance(html, SafeData) else balance(html)
