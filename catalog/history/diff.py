"""The word diff of two texts: the admin's revision and compare pages and the import preview."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

TOKENS = re.compile(r"\s+|\S+")


def word_diff(old, new):
    """Two texts compared word by word: (old with <del> around what was removed, new with
    <ins> around what was added), escaped, as safe HTML."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    # autojunk off: in long prose the spaces are "popular" and would be ignored as junk.
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces = [  # [same?, old text, new text]
        [tag == "equal", "".join(a[i1:i2]), "".join(b[j1:j2])]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    # A lone space kept between two changed words belongs to the change: one mark, not two.
    for n, piece in enumerate(pieces[1:-1], start=1):
        if piece[0] and piece[1].isspace() and not pieces[n - 1][0] and not pieces[n + 1][0]:
            piece[0] = False
    merged = []
    for piece in pieces:
        if merged and not piece[0] and not merged[-1][0]:
            merged[-1][1] += piece[1]
            merged[-1][2] += piece[2]
        else:
            merged.append(piece)
    left, right = [], []
    for same, removed, added in merged:
        removed, added = escape(removed), escape(added)
        if same:
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    # Every piece was escaped above.
    return mark_safe("".join(left)), mark_safe("".join(right))
