"""The citation markers in the prose, and the backlinks from each reference to its markers.

The markers are part of the text (`[24]` where the cited words end; see
`catalog.models.references`). They are read in page order, the lead then the sections, so
`cite-ref-N-K` is reference N's K-th marker down the page and `reference.backlinks` lists them
in that order. A marker whose reference is missing (the models refuse one, so only data
written around them has it) stays the text it is.

A marker never starts a line on its own: the word right before it travels with it (`Piece.word`,
shown unbroken with its markers), as on a wiki page.
"""

import re
from dataclasses import dataclass, field
from string import ascii_lowercase

from catalog.domain.vocabulary import marker
from catalog.models.references import Marker, marked_paragraphs

# The last word of a text, with its punctuation: what a marker right after it stays with.
LAST_WORD = re.compile(r"\S+$")


@dataclass
class Piece:
    """A run of a paragraph: its text, or the markers standing together there with the word
    they follow. The attributes always exist, so the template reads any without a failed
    lookup."""

    text: str = ""
    refs: list = field(default_factory=list)
    word: str = ""


def backlink_label(index):
    """The letter of a reference's `index`-th (from 0) backlink, as a wiki letters them: a to
    z, then aa, ab, ..."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = ascii_lowercase[rest] + label
    return label


class Citations:
    """Each text's paragraphs as lists of `Piece`s, in `texts`."""

    def __init__(self, references, texts):
        self.by_number = {reference.number: reference for reference in references}
        for reference in references:
            reference.backlinks = []
        self.texts = [
            [self._pieces(parts) for parts in paragraphs] for paragraphs in marked_paragraphs(texts)
        ]
        # A reference nothing cites is left out, as a wiki's reference list leaves it out.
        self.cited = [reference for reference in references if reference.backlinks]
        for reference in self.cited:
            # (marker id, its letter): "^ a b" when the text cites it more than once.
            reference.lettered_backlinks = [
                (ref_id, backlink_label(i)) for i, ref_id in enumerate(reference.backlinks)
            ]

    def _pieces(self, parts):
        pieces = []
        for part in parts:
            reference = self.by_number.get(part.number) if isinstance(part, Marker) else None
            if reference is not None:
                reference.backlinks.append(part.ref_id)
                if pieces and pieces[-1].refs:
                    pieces[-1].refs.append(part)
                else:
                    pieces.append(Piece(refs=[part], word=self._take_last_word(pieces)))
                continue
            text = part if isinstance(part, str) else marker(part.number)
            if pieces and not pieces[-1].refs:
                pieces[-1].text += text
            else:
                pieces.append(Piece(text=text))
        return pieces

    @staticmethod
    def _take_last_word(pieces):
        """The last word of the text piece before a marker, taken out of it (an empty text
        piece left behind is dropped)."""
        if not pieces or pieces[-1].refs:
            return ""
        before = pieces[-1]
        match = LAST_WORD.search(before.text)
        if match is None:
            return ""
        before.text = before.text[: match.start()]
        if not before.text:
            pieces.pop()
        return match.group()
