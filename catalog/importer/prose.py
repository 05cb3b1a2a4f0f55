"""The article's prose as paragraphs of sentences, each knowing its section."""

from dataclasses import dataclass

from catalog.domain.vocabulary import Sentence, split_sentences


@dataclass
class Paragraph:
    section: int | None  # index into Document.sections; None for the lead
    headings: tuple[str, ...]  # this section's heading and the headings above it, nearest first
    text: str
    line: int
    sentences: list[Sentence]


def paragraphs_of(document):
    """Every prose paragraph, lead first, in article order."""
    result = [
        Paragraph(None, (), line.text, line.number, split_sentences(line.text))
        for line in document.lead
    ]
    for index, (section, headings) in enumerate(
        zip(document.sections, section_headings(document), strict=True)
    ):
        result.extend(
            Paragraph(index, headings, line.text, line.number, split_sentences(line.text))
            for line in section.paragraphs
        )
    return result


def section_headings(document):
    """For each section, its heading and the headings above it, nearest first."""
    parents, result = {}, []
    for section in document.sections:
        parents[section.level] = section.title
        for deeper in [level for level in parents if level > section.level]:
            del parents[deeper]
        result.append(tuple(parents[level] for level in sorted(parents, reverse=True)))
    return result
