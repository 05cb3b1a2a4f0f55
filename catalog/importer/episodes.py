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

from catalog.domain.vocabulary import NUMBER_WORDS, ORDINAL_WORDS
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
            quoted = rf"[\"“]{re.escape(episode.title)}[,.]?[\"”](?:{PLACE_BRACKET})?"
            text = re.sub(quoted, f"episode {episode.number}", text)
    joined = re.compile(
        r"\bepisodes? (\d+(?:(?:,\s+|,?\s+and\s+)\d+)*)((?:,\s+|,?\s+and\s+))episode (?=\d)"
    )
    while joined.search(text):
        text = joined.sub(r"episodes \1\2", text)
    return text


# Episodes the prose names by title and place at once: "the ninth, "Kafkaesque"", ""I See
# You", the eighth episode", "the season finale, "That Went Well"", ""Abiquiu" (episode
# eleven)", "the last two episodes, "The Hike" and "Life Is a Cabaret"", ""Chapter 5: The
# Gunslinger"". A title so placed names its episode wherever the article quotes it
# (`titles_as_numbers`).
EPISODE_NOUN = r"(?:episode|chapter|instalment|installment)"
PLACE_WORDS = {"premiere": 1, "pilot": 1, "opening": 1}
LAST_WORDS = {"finale": 0, "final": 0, "penultimate": 1}
PLACE = r"(?P<which>" + "|".join([*ORDINAL_WORDS, *PLACE_WORDS, *LAST_WORDS]) + r")"
QUOTED = r"[\"“](?P<title>[^\"”]{1,80})[\"”]"
SEASON_OWNER = r"(?:(?:season|series|show|part)(?:'s|’s|'|’)?\s+)?"
PLACE_THEN_TITLE_RE = re.compile(
    rf"\b[Tt]he\s+{SEASON_OWNER}{PLACE}(?:\s+{EPISODE_NOUN})?,\s+{QUOTED}"
)
TITLE_THEN_PLACE_RE = re.compile(
    rf"{QUOTED},?\s+(?:the\s+){SEASON_OWNER}(?:{PLACE}\s+{EPISODE_NOUN}"
    rf"|(?P<end>premiere|finale|pilot))\b"
)
TITLE_THEN_NUMBER_RE = re.compile(rf"{QUOTED}\s+\({EPISODE_NOUN}\s+(?P<number>\w+)\)")
# A title that opens with its number: ""Chapter 5: The Gunslinger"", ""Episode 3: Homecoming"".
NUMBERED_TITLE_RE = re.compile(
    r"[\"“](?P<title>(?:Chapter|Episode)\s+(?P<number>\d{1,3})\s*[:.–—-]\s*[^\"”]{1,80})[\"”]"
)
# Titles, then as many places: ""A", "B" and "C", the third, tenth and sixteenth installments",
# ""A" and "B" (episodes six and nine)", ""A" (the eleventh)" (an ordinal alone only in
# brackets), ""A", "B" and "C", episodes seven, fourteen and seventeen respectively".
QUOTE = r"[\"“][^\"”]{1,80}[\"”]"
NUMBER_WORD = rf"(?:\d{{1,3}}|{'|'.join(NUMBER_WORDS)})\b"
ORDINAL_WORD = rf"(?:{'|'.join(ORDINAL_WORDS)})\b"


def _listed(item):
    return rf"{item}(?:(?:,\s+|,?\s+and\s+){item}){{0,19}}"


TITLES_PLACED_RE = re.compile(
    rf"(?P<titles>{_listed(QUOTE)})(?:,\s+|\s+(?P<bracket>\())"
    rf"(?:{EPISODE_NOUN}s?\s+(?P<numbers>{_listed(NUMBER_WORD)})"
    rf"|the\s+(?P<ordinals>{_listed(ORDINAL_WORD)})(?P<noun>\s+{EPISODE_NOUN}s?\b)?)"
)
# The bracket after a title that only says which episode it is: ""A" (episode two)".
PLACE_BRACKET = (
    rf"\s+\((?:the\s+)?(?:{EPISODE_NOUN}s?\s+{NUMBER_WORD}|{ORDINAL_WORD}[^()]{{0,20}})\)"
)
COUNTED_TITLES_RE = re.compile(
    r"\b[Tt]he\s+(?P<end>first|last|final)\s+(?P<count>\w+)\s+episodes,\s+"
    r"(?P<titles>[\"“][^\"”]{1,80}[\"”](?:(?:,\s+|,?\s+and\s+)[\"“][^\"”]{1,80}[\"”]){0,19})"
)


def place_number(word, episode_count):
    """ "ninth" -> 9, "premiere" -> 1, "penultimate" -> the one before the last; None when
    the place needs the episode count and it is unknown."""
    word = word.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    if word in PLACE_WORDS:
        return PLACE_WORDS[word]
    return episode_count - LAST_WORDS[word] if episode_count else None


def title_of(quoted):
    return quoted.strip().rstrip(",.").strip()


def prose_titles(paragraphs, episode_count, known=()):
    """EpisodeData (number and title only) of the episodes the prose names by title and place
    together; a title or a number `known` (the episode table's) is kept as the table has it."""
    found = {episode.number: episode.title for episode in known if episode.title}
    titles = set(found.values())

    def add(number, title):
        title = title_of(title)
        fits = number and (episode_count is None or number <= episode_count)
        if fits and title and number not in found and title not in titles:
            found[number] = title
            titles.add(title)

    for paragraph in paragraphs:
        text = paragraph.text
        for match in PLACE_THEN_TITLE_RE.finditer(text):
            add(place_number(match["which"], episode_count), match["title"])
        for match in TITLE_THEN_PLACE_RE.finditer(text):
            add(place_number(match["which"] or match["end"], episode_count), match["title"])
        for match in [*TITLE_THEN_NUMBER_RE.finditer(text), *NUMBERED_TITLE_RE.finditer(text)]:
            word = match["number"].lower()
            add(int(word) if word.isdigit() else NUMBER_WORDS.get(word), match["title"])
        for match in TITLES_PLACED_RE.finditer(text):
            if not (match["numbers"] or match["noun"] or match["bracket"]):
                continue
            listed = re.findall(r"[\"“]([^\"”]{1,80})[\"”]", match["titles"])
            places = re.findall(r"\w+", match["numbers"] or match["ordinals"])
            places = [p for p in places if p != "and"]
            if len(places) == len(listed):
                for title, place in zip(listed, places, strict=True):
                    number = int(place) if place.isdigit() else NUMBER_WORDS.get(place)
                    add(number or ORDINAL_WORDS.get(place), title)
        for match in COUNTED_TITLES_RE.finditer(text):
            listed = re.findall(r"[\"“]([^\"”]{1,80})[\"”]", match["titles"])
            word = match["count"].lower()
            count = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if count != len(listed):
                continue
            if match["end"] == "first":
                first = 1
            elif episode_count:
                first = episode_count - count + 1
            else:
                continue
            for number, title in enumerate(listed, start=first):
                add(number, title)
    known_numbers = {episode.number for episode in known}
    return [
        EpisodeData(number, title)
        for number, title in sorted(found.items())
        if number not in known_numbers
    ]
