"""Which sentences of the article carry which reference numbers.

Each line of the citations file is a sentence cut by a plain splitter before the markers were
stripped, so a marker that ended a sentence stands at the start of the next line (after a
stray closing quote, if any): it belongs to the sentence *before* that line's sentence in the
article. A marker inside a line cites the words before it. Lines are found in the article by
their letters and digits alone, which survive the article's lost apostrophes.

The markers are then written into the article's prose (`write_markers`), where the page shows
them and editors edit them: the text is the citations' one source.
"""

import re
from bisect import bisect_right

from catalog.domain.vocabulary import join_paragraphs, marker
from catalog.importer.data import CitationData
from catalog.importer.errors import LineProblem
from catalog.importer.text import normalise, normalised_with_map

LEADING_RE = re.compile(r"^\s*[\"”’']?\s*(?P<markers>(?:\[\d+\])+)")
MARKER_RE = re.compile(r"\[(\d+)\]")


class ArticleSentences:
    """The article's sentences, findable by their normalised text."""

    def __init__(self, paragraphs, anchors):
        self.items = []  # (section anchor or None, sentence text, normalised, index map)
        self.starts = []
        parts, length = [], 0
        for paragraph in paragraphs:
            anchor = anchors[paragraph.section] if paragraph.section is not None else None
            for sentence in paragraph.sentences:
                norm, index = normalised_with_map(sentence.text)
                self.items.append((anchor, sentence.text, norm, index))
                self.starts.append(length)
                parts.append(norm)
                length += len(norm)
        self.text = "".join(parts)

    def locate(self, position):
        """(sentence number, position within it) of a position in the normalised text."""
        number = bisect_right(self.starts, position) - 1
        return number, position - self.starts[number]

    def end_offset(self, number, normalised_end):
        """The offset in the sentence just after the cited words and their punctuation."""
        _anchor, text, _norm, index = self.items[number]
        if normalised_end <= 0:
            return 0
        offset = index[min(normalised_end, len(index)) - 1] + 1
        while offset < len(text) and not text[offset].isspace() and not text[offset].isalnum():
            offset += 1
        return offset


def extract_citations(text, paragraphs, anchors):
    sentences = ArticleSentences(paragraphs, anchors)
    citations, seen = [], set()

    def cite(number, sentence_number, offset, line_text, line_number):
        anchor, sentence, _norm, _index = sentences.items[sentence_number]
        key = (number, sentence, offset)
        if key not in seen:
            seen.add(key)
            citations.append(
                CitationData(
                    number=number,
                    section_anchor=anchor,
                    sentence=sentence,
                    offset=offset,
                    source=line_text,
                    line=line_number,
                )
            )

    for line_number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        leading = LEADING_RE.match(line)
        rest = line[leading.end() :] if leading else line
        clean = MARKER_RE.sub("", rest)
        wanted = normalise(clean)
        if not wanted:
            raise LineProblem(line_number, "this line has reference markers but no sentence")
        position = sentences.text.find(wanted)
        if position < 0:
            raise LineProblem(
                line_number, "this sentence is not in the article (after letters and digits)"
            )
        first_sentence, _within = sentences.locate(position)
        if leading:
            if first_sentence == 0:
                raise LineProblem(line_number, "a leading marker needs a sentence before this one")
            before = first_sentence - 1
            end = len(sentences.items[before][1])
            for number in MARKER_RE.findall(leading.group("markers")):
                cite(int(number), before, end, line, line_number)
        for found in MARKER_RE.finditer(rest):
            cited = normalise(MARKER_RE.sub("", rest[: found.start()]))
            sentence_number, within = sentences.locate(position + max(len(cited) - 1, 0))
            offset = sentences.end_offset(sentence_number, within + 1)
            cite(int(found.group(1)), sentence_number, offset, line, line_number)
    return citations


def write_markers(article):
    """Write each of `article.citations` into the lead or its section's body as `[N]`."""
    by_anchor = {}
    for citation in article.citations:
        by_anchor.setdefault(citation.section_anchor, []).append(citation)
    article.lead = with_markers(article.lead, by_anchor.get(None, []))
    for section in article.sections:
        section.body = with_markers(section.body, by_anchor.get(section.anchor, []))


def with_markers(text, citations):
    """`text` with the citations' markers: in the first paragraph holding the cited sentence,
    `offset` characters into the sentence; markers at one place in the citations' order."""
    paragraphs = text.split("\n\n")  # as join_paragraphs wrote them
    placed = [[] for _ in paragraphs]
    for order, citation in enumerate(citations):
        for index, paragraph in enumerate(paragraphs):
            start = paragraph.find(citation.sentence)
            if start >= 0:
                position = start + min(citation.offset, len(citation.sentence))
                placed[index].append((position, order, citation.number))
                break
    return join_paragraphs(
        insert_markers(paragraph, markers)
        for paragraph, markers in zip(paragraphs, placed, strict=True)
    )


def insert_markers(paragraph, markers):
    pieces, done = [], 0
    for position, _order, number in sorted(markers):
        pieces += [paragraph[done:position], marker(number)]
        done = position
    return "".join([*pieces, paragraph[done:]])
