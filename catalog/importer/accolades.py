"""Accolades from the wikitable rows under an Accolades heading.

Columns, in wiki order: year (a row header), award, category, nominee(s), result, references.
An empty cell is unknown: an empty result is `unknown`, never a guess. A row without a year
header continues the year (and, when it has fewer cells, the award) of the row above, as
wiki rowspans do.
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


def clean(value):
    """Strip wiki links and templates down to their text."""
    value = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", value)
    return value.strip()


def extract_accolades(document):
    accolades = []
    for section in document.sections:
        if not ACCOLADE_HEADINGS.search(section.title):
            continue
        previous = None
        for row, line in zip(section.table_rows, section.table_row_lines, strict=True):
            headers = [cell for cell in row if cell.header]
            cells = [cell for cell in row if not cell.header]
            if headers:
                year_text = clean(headers[0].value)
                if not re.fullmatch(r"\d{4}", year_text):
                    raise LineProblem(line, f"the accolade year {year_text!r} is not a year")
                year = int(year_text)
            elif previous:
                year = previous.year
            else:
                raise LineProblem(line, "this accolade row has no year")
            values = [clean(cell.value) for cell in cells]
            if len(values) < 4 and previous:
                values = [previous.award, *values]
            if len(values) < 3:
                raise LineProblem(line, "an accolade row needs an award, a category and a nominee")
            award, category, nominee = values[0], values[1], values[2]
            result_text = values[3].lower() if len(values) > 3 else ""
            result = RESULTS.get(result_text)
            if result is None:
                raise LineProblem(line, f"unknown accolade result {values[3]!r}")
            nominee_index = 2 - (len(values) - len(cells))
            nominee_cell = cells[nominee_index] if 0 <= nominee_index < len(cells) else None
            sort_value = SORT_VALUE_RE.search(nominee_cell.attributes) if nominee_cell else None
            previous = AccoladeData(
                year=year,
                award=award,
                category=category,
                nominee=nominee,
                nominee_sort_name=sort_value.group("value") if sort_value else "",
                result=result,
                source=" | ".join([str(year), *values]),
                # A "Surname, Given" sort key marks the nominee as a person.
                nominee_is_person=bool(sort_value and "," in sort_value.group("value") and nominee),
                line=line,
            )
            accolades.append(previous)
    return accolades
