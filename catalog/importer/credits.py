"""Cast lists, and the crew that the infobox and the prose credit on this season.

Only what the article states as a role on this season becomes a credit: a list item under a
cast heading, a person-valued infobox key, or prose of the shapes below. A person who is only
mentioned or quoted gets no credit.
"""

import re

from catalog.importer.data import CreditData
from catalog.importer.errors import ArticleError
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


def cast_credits(document, article, path):
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
                raise ArticleError(path, item.number, "this cast line names nobody")
            article.add_person(name)
            credits.append(
                CreditData(name, "cast", billing, character, "", order, None, "", item.raw)
            )
    return credits


def infobox_credits(infobox, article, cast, path):
    """Crew named by infobox keys; the Starring list checked against the main cast."""
    credits = []
    main_names = [credit.person for credit in cast if credit.billing == "main"]
    for key, value, line in infobox:
        known_key = infobox_key(key)
        if known_key == INFOBOX_STARRING:
            starring = split_list(value)
            if main_names and set(starring) != set(main_names):
                missing = sorted(set(main_names) - set(starring))
                extra = sorted(set(starring) - set(main_names))
                raise ArticleError(
                    path,
                    line.number,
                    "the Starring list does not match the Main cast list"
                    + (f"; not in Starring: {', '.join(missing)}" if missing else "")
                    + (f"; not in Main: {', '.join(extra)}" if extra else ""),
                )
            if not main_names:
                for order, name in enumerate(starring, start=1):
                    article.add_person(name)
                    credits.append(
                        CreditData(name, "cast", "main", "", "", order, None, "", line.text)
                    )
        elif known_key in INFOBOX_JOBS:
            job = INFOBOX_JOBS[known_key]
            for name in split_list(value):
                article.add_person(name)
                credits.append(CreditData(name, "crew", None, "", job, 0, None, "", line.text))
    return credits


def prose_credits(paragraphs, article, episode_count):
    """Crew credited by the prose: who joined as what, who composed, who made what, per episode."""
    credits = []
    for paragraph in paragraphs:
        for index, sentence in enumerate(paragraph.sentences):
            text = outside_quotes(sentence.text)
            for match in JOINED_RE.finditer(text):
                for job in split_list(match.group("jobs")):
                    credits.append(crew(article, match.group("name"), job, sentence.text))
            for match in COMPOSED_RE.finditer(text):
                credits.append(crew(article, match.group("name"), "composer", sentence.text))
            for match in CREATED_BY_RE.finditer(text):
                words = match.group("description").split()
                job = words[-1] if words else "artist"
                what = match.group("what").strip()
                credits.append(crew(article, match.group("name"), job, sentence.text, note=what))
            match = PER_EPISODE_RE.search(text)
            if match:
                previous = paragraph.sentences[index - 1].text if index else ""
                credits.extend(
                    per_episode_credits(article, match, previous, sentence.text, episode_count)
                )
    return credits


def crew(article, name, job, source, note="", episode=None, order=0):
    article.add_person(name)
    return CreditData(name, "crew", None, "", job, order, episode, note, source)


def per_episode_credits(article, match, previous_sentence, source, episode_count):
    noun = match.group("noun").strip()
    job = noun[:-1] if noun.endswith("s") else noun
    if "cover" in previous_sentence.lower() and "cover" not in job:
        job = f"cover {job}"
    names = split_list(match.group("names"))
    if episode_count and len(names) != episode_count:
        article.notes.append(
            f"{len(names)} {noun} are listed for {episode_count} episodes; "
            "the extra or missing ones were not credited"
        )
        names = names[:episode_count]
    return [
        crew(article, name, job, source, episode=number, order=number)
        for number, name in enumerate(names, start=1)
    ]


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
