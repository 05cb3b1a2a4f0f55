"""Accolades from the wikitable rows under an Accolades heading.

Columns, in wiki order: year (a row header), award, category, nominee(s), result, references.
An empty cell is unknown: an empty result is `unknown`, never a guess.

A cell with `rowspan="N"` stands in its column for the N rows it starts (a year or an award
given once for several nominations, a category shared by two nominees); the later rows write
only their other cells, and each is read into the columns the spans leave free. A row without
a year header and no year span continues the year (and, when it has fewer cells, the award)
of the row above, as tables written without `rowspan` do.
"""

import re

from catalog.importer.data import AccoladeData
from catalog.importer.errors import LineProblem

ACCOLADE_HEADINGS = re.compile(r"accolades|awards|nominations", re.I)
RESULTS = {
    "won": "won", "win": "won", "{{won}}": "won", "winner": "won",
    "nominated": "nominated", "nominee": "nominated", "{{nom}}": "nominated",
    "": "unknown", "{{tba}}": "unknown", "pending": "unknown",
}  # fmt: skip
SORT_VALUE_RE = re.compile(r'data-sort-value="(?P<value>[^"]+)"')
ROWSPAN_RE = re.compile(r'\browspan\s*=\s*"?(?P<rows>\d+)"?', re.I)
# The columns of a row, in wiki order; the references column and any after it are not read.
YEAR, AWARD, CATEGORY, NOMINEE, RESULT = range(5)
COLUMNS = 5


def clean(value):
    """Strip wiki links and templates down to their text."""
    value = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", value)
    return value.strip()


def rowspan(cell):
    match = ROWSPAN_RE.search(cell.attributes)
    return max(int(match.group("rows")), 1) if match else 1


class Spans:
    """The cells that stand in their column for rows below the one that wrote them."""

    def __init__(self):
        self.cells = {}  # column -> [cell, rows left]

    def take(self, column):
        """The spanning cell of this column for the current row, or None."""
        span = self.cells.get(column)
        if not span:
            return None
        span[1] -= 1
        if span[1] == 0:
            del self.cells[column]
        return span[0]

    def start(self, column, cell):
        rows = rowspan(cell)
        if rows > 1:
            self.cells[column] = [cell, rows - 1]


def row_cells(row, spans):
    """The row's cells by column (None where neither the row nor a span gives one), whether a
    span filled any column, and the row's cells after the last column (its references)."""
    own = list(row)
    if own and not own[0].header and YEAR not in spans.cells:
        own.insert(0, None)  # no year header: the year comes from the row above
    cells, spanned = [], False
    for column in range(COLUMNS):
        cell = spans.take(column)
        if cell is not None:
            spanned = True
        elif own:
            cell = own.pop(0)
            if cell is not None:
                spans.start(column, cell)
        cells.append(cell)
    return cells, spanned, [cell for cell in own if cell is not None]


def extract_accolades(document):
    accolades = []
    for section in document.sections:
        if not ACCOLADE_HEADINGS.search(section.title):
            continue
        previous = None
        spans = Spans()
        for row, line in zip(section.table_rows, section.table_row_lines, strict=True):
            cells, spanned, rest = row_cells(row, spans)
            year_cell = cells[YEAR]
            if year_cell is not None:
                year_text = clean(year_cell.value)
                if not re.fullmatch(r"\d{4}", year_text):
                    raise LineProblem(line, f"the accolade year {year_text!r} is not a year")
                year = int(year_text)
            elif previous:
                year = previous.year
            else:
                raise LineProblem(line, "this accolade row has no year")
            given = [cell for cell in cells[AWARD:] if cell is not None]
            if not spanned and len(given) < 4 and previous:
                # Fewer cells and no span: the award is the row above's.
                rest = [cells[-1], *rest] if cells[-1] is not None else rest
                cells = [year_cell, None, *cells[AWARD:-1]]
            values = [clean(cell.value) if cell is not None else None for cell in cells]
            if values[AWARD] is None and previous and not spanned:
                values[AWARD] = previous.award
            if any(values[column] is None for column in (AWARD, CATEGORY, NOMINEE)):
                raise LineProblem(line, "an accolade row needs an award, a category and a nominee")
            award, category, nominee = values[AWARD], values[CATEGORY], values[NOMINEE]
            result_text = (values[RESULT] or "").lower()
            result = RESULTS.get(result_text)
            if result is None:
                raise LineProblem(line, f"unknown accolade result {values[RESULT]!r}")
            nominee_cell = cells[NOMINEE]
            sort_value = SORT_VALUE_RE.search(nominee_cell.attributes)
            previous = AccoladeData(
                year=year,
                award=award,
                category=category,
                nominee=nominee,
                nominee_sort_name=sort_value.group("value") if sort_value else "",
                result=result,
                source=" | ".join(
                    [
                        str(year),
                        *(value for value in values[AWARD:] if value is not None),
                        *(clean(cell.value) for cell in rest),
                    ]
                ),
                # A "Surname, Given" sort key marks the nominee as a person.
                nominee_is_person=bool(sort_value and "," in sort_value.group("value") and nominee),
                line=line,
            )
            accolades.append(previous)
    return accolades
