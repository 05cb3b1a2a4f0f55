"""Reading a season article into its blocks: title, infobox, lead, sections, lists, tables.

The format (as seeds/jessica-jones-season-2.txt is written): `= Title =`, `Infobox` with
`- Key: Value` lines, `== Section ==` headings, prose paragraphs, `- ` list items, and leftover
wiki markup that is skipped or, for tables, kept as rows of cells.
"""

import re
from dataclasses import dataclass, field

from catalog.importer.errors import LineProblem

TITLE_RE = re.compile(r"^=(?!=)\s*(.*?)\s*=$")
HEADING_RE = re.compile(r"^(={2,6})(?!=)\s*(.*?)\s*\1$")
INFOBOX_LINE_RE = re.compile(r"^-\s*(?P<key>[^:]*?)\s*:\s*(?P<value>.*?)\s*$")
# Wiki markup that carries no prose: transclusion tags, table rows, comments.
MARKUP_RE = re.compile(r"^\s*(<onlyinclude>|</onlyinclude>|<!--|\{\||\|\}|\|-|\||!)")


@dataclass
class Line:
    text: str
    number: int
    raw: str = ""  # the whole line as written, where that differs from text


@dataclass
class TableCell:
    value: str
    attributes: str
    header: bool


@dataclass
class DocumentSection:
    level: int
    title: str
    line: int
    paragraphs: list[Line] = field(default_factory=list)
    items: list[Line] = field(default_factory=list)
    table_rows: list[list[TableCell]] = field(default_factory=list)
    table_row_lines: list[int] = field(default_factory=list)


@dataclass
class Document:
    title: str
    infobox: list[tuple[str, str, Line]]
    lead: list[Line]
    sections: list[DocumentSection]


def split_cell(raw):
    """`attr="x" | value` -> (value, attributes); a plain `value` -> (value, "")."""
    if "|" in raw:
        attributes, value = raw.split("|", 1)
        if "=" in attributes:
            return value.strip(), attributes.strip()
    return raw.strip(), ""


def parse_document(text):
    lines = text.split("\n")
    if text.startswith("\ufeff"):
        lines[0] = lines[0][1:]
    if not lines or not lines[0].strip():
        raise LineProblem(1, "the first line must be the title, written as `= Title =`")
    title_match = TITLE_RE.match(lines[0].strip())
    if not title_match:
        raise LineProblem(1, "the first line must be the title, written as `= Title =`")
    title = title_match.group(1).strip()
    if not title:
        raise LineProblem(1, "the title is empty")

    infobox = []
    lead = []
    sections = []
    in_infobox = False
    paragraph = []

    def target_paragraphs():
        return sections[-1].paragraphs if sections else lead

    def flush():
        if paragraph:
            joined = " ".join(part.text for part in paragraph)
            target_paragraphs().append(Line(joined, paragraph[0].number))
            paragraph.clear()

    current_row = None
    for number, raw in enumerate(lines[1:], start=2):
        stripped = raw.strip()
        if not stripped:
            flush()
            in_infobox = False
            continue
        if stripped == "Infobox" and not sections:
            flush()
            in_infobox = True
            continue
        if in_infobox:
            if not stripped.startswith("-"):
                raise LineProblem(number, "an infobox line must read `- Key: Value`")
            match = INFOBOX_LINE_RE.match(stripped)
            if not match or not match.group("key"):
                raise LineProblem(number, "this infobox line has no key (`- Key: Value`)")
            key = match.group("key")
            if any(existing == key for existing, _value, _line in infobox):
                raise LineProblem(number, f"the infobox key {key!r} is given twice")
            infobox.append((key, match.group("value"), Line(stripped, number)))
            continue
        heading = HEADING_RE.match(stripped)
        if heading:
            flush()
            current_row = None
            heading_title = heading.group(2).strip()
            if not heading_title:
                raise LineProblem(number, "this heading is empty")
            sections.append(DocumentSection(len(heading.group(1)), heading_title, number))
            continue
        if stripped.startswith("- ") or stripped == "-":
            flush()
            item = stripped[1:].strip()
            if item:
                (sections[-1].items if sections else lead).append(Line(item, number, stripped))
            continue
        if MARKUP_RE.match(stripped):
            flush()
            if not sections:
                continue
            section = sections[-1]
            if stripped.startswith("|-") or stripped.startswith("{|"):
                current_row = []
                section.table_rows.append(current_row)
                section.table_row_lines.append(number)
            elif stripped.startswith("|}"):
                current_row = None
            elif stripped.startswith("|") or stripped.startswith("!"):
                if current_row is None:
                    current_row = []
                    section.table_rows.append(current_row)
                    section.table_row_lines.append(number)
                header = stripped.startswith("!")
                for part in re.split(r"\|\||!!", stripped[1:]):
                    value, attributes = split_cell(part)
                    current_row.append(TableCell(value, attributes, header))
            continue
        paragraph.append(Line(stripped, number))
    flush()

    for section in sections:
        rows = zip(section.table_rows, section.table_row_lines, strict=True)
        kept = [(row, n) for row, n in rows if row]
        section.table_rows = [row for row, _n in kept]
        section.table_row_lines = [n for _row, n in kept]
    return Document(title, infobox, lead, sections)
