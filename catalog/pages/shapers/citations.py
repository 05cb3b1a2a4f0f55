"""Citation markers in the prose, and the backlinks from each reference to its markers.

A marker stands where the cited words end: in the first paragraph that holds the cited
sentence, `offset` characters into it. Markers are numbered in the order the page asks for
paragraphs (the lead, then the sections in article order), so `cite-ref-N-K` is reference N's
K-th marker down the page and `reference.backlinks` lists them in that order.
"""

from dataclasses import dataclass

from catalog.vocabulary import split_paragraphs


@dataclass
class Marker:
    number: int
    ref_id: str


class Citations:
    """Places the reference markers in the prose and numbers each occurrence."""

    def __init__(self, references):
        self.references = references
        self.by_section = {}
        for reference in references:
            reference.backlinks = []
            for citation in reference.citations.all():
                self.by_section.setdefault(citation.section_id, []).append((citation, reference))

    def paragraphs(self, section_id, text):
        """The paragraphs of `text` as lists of pieces: {"text": str} or {"refs": [Marker]}.

        `section_id` is None for the lead."""
        paragraphs = split_paragraphs(text)
        markers = [[] for _ in paragraphs]
        for citation, reference in self.by_section.get(section_id, []):
            for index, paragraph in enumerate(paragraphs):
                start = paragraph.find(citation.sentence)
                if start >= 0:
                    position = start + min(citation.offset, len(citation.sentence))
                    markers[index].append((position, citation.pk, reference))
                    break
        return [self._pieces(p, sorted(m)) for p, m in zip(paragraphs, markers, strict=True)]

    def _pieces(self, paragraph, markers):
        pieces, done = [], 0
        for position, _pk, reference in markers:
            if position > done:
                pieces.append({"text": paragraph[done:position]})
                done = position
            marker = self._marker(reference)
            if pieces and "refs" in pieces[-1]:
                pieces[-1]["refs"].append(marker)
            else:
                pieces.append({"refs": [marker]})
        if done < len(paragraph):
            pieces.append({"text": paragraph[done:]})
        return pieces

    def _marker(self, reference):
        # Ids follow the page order: cite-ref-N-1 is reference N's first marker.
        ref_id = f"cite-ref-{reference.number}-{len(reference.backlinks) + 1}"
        reference.backlinks.append(ref_id)
        return Marker(reference.number, ref_id)
