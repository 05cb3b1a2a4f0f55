"""Cast lists, and the crew that the infobox and the prose credit on this season.

Only what the article states as a role on this season becomes a credit: a list item under a
cast heading, a person-valued infobox key, or prose of the shapes below. A person who is only
mentioned or quoted gets no credit.
"""

import re

from catalog.importer.data import CreditData, Note
from catalog.importer.errors import LineProblem
from catalog.importer.text import NAME, outside_quotes, split_list
from catalog.vocabulary import INFOBOX_JOBS, INFOBOX_STARRING, billing_of_heading, infobox_key

CAST_ITEM_RE = re.compile(r"^(?P<name>.+?)\s+as\s+(?P<character>.+?)\s*$")

JOINED_RE = re.compile(
    rf"(?P<name>{NAME}) joined the (?:season|series|show|production) as (?:an? |the )?"
    r"(?P<jobs>[a-z][a-z -]*?(?:(?:,| and) [a-z][a-z -]*?)*)(?=,|\.|;| for | replacing |$)"
)
COMPOSED_RE = re.compile(rf"\b(?:composed|scored) by (?P<name>{NAME})")
CREATED_BY_RE = re.compile(
    rf"(?P<what>(?:[A-Z][\w'’]*\s)?[\w'’]+(?: [a-z]+)*?)(?: in the (?:season|series))? "
    rf"(?:was|were) (?:created|drawn|painted|illustrated|designed) by "
    rf"(?P<description>(?:[a-z]+ )*)(?P<name>{NAME})"
)
PER_EPISODE_RE = re.compile(
    r"[Tt]he (?P<noun>[a-z ]+?) (?:included|were), in (?:respective )?order for each episode:\s*"
    r"(?P<names>.+?)\.?$"
)


def cast_credits(document):
    """Credits from the list items under the cast headings, in billing order."""
    credits = []
    for section in document.sections:
        billing = billing_of_heading(section.title)
        if billing is None:
            continue
        for order, item in enumerate(section.items, start=1):
            match = CAST_ITEM_RE.match(item.text)
            name = (match.group("name") if match else item.text).strip()
            character = match.group("character").strip() if match else ""
            if not name:
                raise LineProblem(item.number, "this cast line names nobody")
            credits.append(
                cast(name, billing, order, source=item.raw, line=item.number, character=character)
            )
    return credits


def infobox_credits(infobox, cast_list):
    """Crew named by infobox keys; the Starring list checked against the main cast."""
    credits = []
    main_names = [credit.person for credit in cast_list if credit.billing == "main"]
    for key, value, line in infobox:
        known_key = infobox_key(key)
        if known_key == INFOBOX_STARRING:
            starring = split_list(value)
            if main_names and set(starring) != set(main_names):
                missing = sorted(set(main_names) - set(starring))
                extra = sorted(set(starring) - set(main_names))
                raise LineProblem(
                    line.number,
                    "the Starring list does not match the Main cast list"
                    + (f"; not in Starring: {', '.join(missing)}" if missing else "")
                    + (f"; not in Main: {', '.join(extra)}" if extra else ""),
                )
            if not main_names:
                for order, name in enumerate(starring, start=1):
                    credits.append(cast(name, "main", order, source=line.text, line=line.number))
        elif known_key in INFOBOX_JOBS:
            job = INFOBOX_JOBS[known_key]
            for name in split_list(value):
                credits.append(crew(name, job, line.text, line.number))
    return credits


def prose_credits(paragraphs, episode_count):
    """Crew credited by the prose: who joined as what, who composed, who made what, per episode.
    Returns (credits, notes)."""
    credits, notes = [], []
    for paragraph in paragraphs:
        for index, sentence in enumerate(paragraph.sentences):
            text = outside_quotes(sentence.text)
            for match in JOINED_RE.finditer(text):
                for job in split_list(match.group("jobs")):
                    credits.append(crew(match.group("name"), job, sentence.text, paragraph.line))
            for match in COMPOSED_RE.finditer(text):
                credits.append(crew(match.group("name"), "composer", sentence.text, paragraph.line))
            for match in CREATED_BY_RE.finditer(text):
                words = match.group("description").split()
                job = words[-1] if words else "artist"
                what = match.group("what").strip()
                credits.append(
                    crew(match.group("name"), job, sentence.text, paragraph.line, note=what)
                )
            match = PER_EPISODE_RE.search(text)
            if match:
                previous = paragraph.sentences[index - 1].text if index else ""
                found, dropped = per_episode_credits(
                    match, previous, sentence.text, paragraph.line, episode_count
                )
                credits.extend(found)
                notes.extend(dropped)
    return credits, notes


def cast(name, billing, order, *, source, line, character=""):
    return CreditData(
        person=name,
        department="cast",
        billing=billing,
        character=character,
        job="",
        order=order,
        episode=None,
        note="",
        source=source,
        line=line,
    )


def crew(name, job, source, line, note="", episode=None, order=0):
    return CreditData(
        person=name,
        department="crew",
        billing=None,
        character="",
        job=job,
        order=order,
        episode=episode,
        note=note,
        source=source,
        line=line,
    )


def per_episode_credits(match, previous_sentence, source, line, episode_count):
    """(credits, notes): one credit per episode, in order; names past the last episode dropped."""
    noun = match.group("noun").strip()
    job = noun[:-1] if noun.endswith("s") else noun
    if "cover" in previous_sentence.lower() and "cover" not in job:
        job = f"cover {job}"
    names = split_list(match.group("names"))
    notes = []
    if episode_count and len(names) != episode_count:
        notes.append(
            Note(
                line=line,
                kind="dropped",
                text=source,
                message=f"{len(names)} {noun} are listed for {episode_count} episodes; "
                "the extra or missing ones were not credited",
            )
        )
        names = names[:episode_count]
    credits = [
        crew(name, job, source, line, episode=number, order=number)
        for number, name in enumerate(names, start=1)
    ]
    return credits, notes


def unique_credits(credits):
    """The first of each (person, department, job, character, episode), in article order."""
    seen, result = set(), []
    for credit in credits:
        key = (credit.person, credit.department, credit.job, credit.character, credit.episode)
        if key not in seen:
            seen.add(key)
            result.append(credit)
    crew_order = 0
    for credit in result:
        if credit.department == "crew" and credit.episode is None:
            crew_order += 1
            credit.order = crew_order
    return result
