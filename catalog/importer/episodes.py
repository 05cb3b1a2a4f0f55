"""The episode table under an "Episodes" heading: each episode's number and title, and the
crew its "Directed by" / "Written by" columns credit, one credit per episode.

The table is a wikitable (`{|`, a header row `! No. overall !! No. in season !! Title !!
Directed by !! Written by !! Original release date`, then one row per episode); its columns
are read by their header's words (EPISODE_COLUMNS), in whatever order the article gives them.
A row with another number of cells (a summary row) is no episode. The titles let the prose
name episodes by title: `"Pilot"` in a sentence is read as that episode (`titles_as_numbers`).
"""

import re
from dataclasses import dataclass, field

from catalog.importer.accolades import clean
from catalog.importer.text import split_list

EPISODE_HEADINGS = re.compile(r"^(?:episodes|episode list|list of episodes)$", re.I)
# A column's header words -> what its cells hold: the number in the season, the title, or
# the crew job of the people named.
EPISODE_COLUMNS = [
    (re.compile(r"^no\.?\s*overall$|^overall$", re.I), "overall"),
    (re.compile(r"^(?:no\.?|#|ep\.?|episode)(?:\s*in\s*(?:season|series|part))?$", re.I), "number"),
    (re.compile(r"^(?:episode\s+)?title$", re.I), "title"),
    (re.compile(r"^directed\s+by$|^director$", re.I), "director"),
    (re.compile(r"^(?:written|teleplay|screenplay)\s+by$|^writers?$", re.I), "writer"),
]
# Words in a credits cell that are no name: "Teleplay by: A; Story by: B".
CELL_LABEL_RE = re.compile(r"\b(?:teleplay|story|written|screenplay)\s+by\s*:?\s*", re.I)


@dataclass
class EpisodeData:
    number: int
    title: str
    crew: dict = field(default_factory=dict)  # job -> the names its column gives
    source: str = ""  # the row's cells
    line: int | None = None


def column_kinds(headers):
    kinds = []
    for header in headers:
        words = " ".join(clean(header).split())
        kinds.append(next((kind for pattern, kind in EPISODE_COLUMNS if pattern.match(words)), ""))
    return kinds


def extract_episodes(document):
    """The EpisodeData of the episode tables, in the table's order."""
    episodes = []
    for section in document.sections:
        if not EPISODE_HEADINGS.match(section.title.strip()) or not section.table_rows:
            continue
        kinds = None
        for row, line in zip(section.table_rows, section.table_row_lines, strict=True):
            if kinds is None:
                if all(cell.header for cell in row):
                    kinds = column_kinds(cell.value for cell in row)
                continue
            if len(row) != len(kinds):
                continue  # a summary row, or a row the header does not describe
            values = dict(zip(kinds, (clean(cell.value) for cell in row), strict=True))
            number_text = values.get("number") or values.get("overall") or ""
            if not re.fullmatch(r"\d{1,4}", number_text):
                continue
            number = int(number_text)
            title = re.sub(r"\[\d+\]", "", values.get("title", "")).strip().strip('"“”').strip()
            crew = {}
            for kind in ("director", "writer"):
                names = re.sub(r"[&;]", ",", CELL_LABEL_RE.sub(", ", values.get(kind, "")))
                crew[kind] = split_list(names)
            source = " | ".join(clean(cell.value) for cell in row)
            episodes.append(EpisodeData(number, title, crew, source, line))
    return episodes


def titles_as_numbers(text, episodes):
    """The sentence with each quoted episode title written as its number ("A directed "Pilot"
    and "The Turn"" -> "A directed episodes 1 and 5"), for the crew shapes to read."""
    for episode in episodes:
        if episode.title:
            quoted = rf"[\"“]{re.escape(episode.title)}[,.]?[\"”]"
            text = re.sub(quoted, f"episode {episode.number}", text)
    joined = re.compile(
        r"\bepisodes? (\d+(?:(?:,\s+|,?\s+and\s+)\d+)*)((?:,\s+|,?\s+and\s+))episode (?=\d)"
    )
    while joined.search(text):
        text = joined.sub(r"episodes \1\2", text)
    return text
