"""The citation markers in the prose, and the backlinks from each reference to its markers.

The markers are part of the text (`[24]` where the cited words end; see
`catalog.models.references`). They are read in page order, the lead then the sections, so
`cite-ref-N-K` is reference N's K-th marker down the page and `reference.backlinks` lists them
in that order. A marker whose reference is missing (the models refuse one, so only data
written around them has it) stays the text it is.
"""

from dataclasses import dataclass, field

from catalog.models.references import Marker, marked_paragraphs
from catalog.vocabulary import marker


@dataclass
class Piece:
    """A run of a paragraph: its text, or the markers standing together there. Both
    attributes always exist, so the template reads either without a failed lookup."""

    text: str = ""
    refs: list = field(default_factory=list)


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

    def _pieces(self, parts):
        pieces = []
        for part in parts:
            reference = self.by_number.get(part.number) if isinstance(part, Marker) else None
            if reference is not None:
                reference.backlinks.append(part.ref_id)
                if pieces and pieces[-1].refs:
                    pieces[-1].refs.append(part)
                else:
                    pieces.append(Piece(refs=[part]))
                continue
            text = part if isinstance(part, str) else marker(part.number)
            if pieces and not pieces[-1].refs:
                pieces[-1].text += text
            else:
                pieces.append(Piece(text=text))
        return pieces
