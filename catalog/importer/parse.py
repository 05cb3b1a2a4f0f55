"""From an article's text to plain data: `parse_article` is the importer's pure half."""

import re

from django.utils.text import slugify

from catalog.domain.vocabulary import (
    INFOBOX_LAST_AIRED,
    INFOBOX_SEASON_FIELDS,
    anchor_for,
    infobox_key,
    is_typed_infobox_key,
    join_paragraphs,
)
from catalog.importer.accolades import extract_accolades
from catalog.importer.citations import extract_citations, write_markers
from catalog.importer.credits import (
    cast_credits,
    episode_table_credits,
    infobox_credits,
    prose_credits,
    unique_credits,
)
from catalog.importer.data import ArticleData, InfoboxLineData, PersonData, SectionData
from catalog.importer.dates import DateProblem, parse_release
from catalog.importer.document import parse_document
from catalog.importer.episodes import extract_episodes
from catalog.importer.errors import ArticleError, LineProblem
from catalog.importer.events import extract_events
from catalog.importer.prose import paragraphs_of
from catalog.importer.reviews import extract_reviews
from catalog.importer.text import sort_name
from catalog.importer.titles import check_single_season, read_title, season_nouns

HEX_COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


def read_infobox(document, article):
    """The season's own fields from their keys; the lines the site keeps as written (neither a
    season field nor a credit: `vocabulary.is_typed_infobox_key`) at their place in the box."""
    for position, (key, value, line) in enumerate(document.infobox, start=1):
        field = INFOBOX_SEASON_FIELDS.get(infobox_key(key))
        if field == "background_color":
            if not HEX_COLOR_RE.match(value):
                raise LineProblem(line.number, f"{value!r} is not a colour as #RRGGBB")
            article.background_color = value.lower()
        elif field == "episode_count":
            # "10", or "10 (list of episodes)", "10[1]": the count, then words about it
            count = re.fullmatch(r"(\d{1,4})(?:\s*[(\[].*)?", value)
            if not count or int(count.group(1)) == 0:
                raise LineProblem(
                    line.number, f"{value!r} is not a number of episodes (a whole number)"
                )
            article.episode_count = int(count.group(1))
        elif field == "release_date":
            # A range's first day is the release date; its last is kept as a line.
            try:
                article.release_date, last = parse_release(value)
            except DateProblem as error:
                raise LineProblem(line.number, str(error)) from error
            if last:
                article.infobox.append(
                    InfoboxLineData(
                        position=position,
                        key=INFOBOX_LAST_AIRED,
                        value=last,
                        source=line.text,
                        line=line.number,
                    )
                )
        elif field is not None:  # network, episode_list_title: text as written
            setattr(article, field, value)
        elif not is_typed_infobox_key(key):  # a credit's key is read by credits.py
            article.infobox.append(
                InfoboxLineData(
                    position=position, key=key, value=value, source=line.text, line=line.number
                )
            )


def section_data(document):
    sections, used = [], set()
    for position, section in enumerate(document.sections, start=1):
        # The page's anchor rule, so that a section links to where the page shows it.
        anchor = anchor_for(section.title, used, fallback=f"section-{position}")
        body = join_paragraphs(line.text for line in section.paragraphs)
        sections.append(
            SectionData(
                position=position,
                level=section.level,
                title=section.title,
                anchor=anchor,
                body=body,
                line=section.line,
            )
        )
    return sections


def parse_article(text, path="<article>", citations_text=None, citations_path="<citations>"):
    """The article's plain data; a problem is an ArticleError naming the file and line."""
    try:
        article = read_article_text(text)
    except LineProblem as problem:
        raise ArticleError(path, problem.line, problem.problem) from problem
    if citations_text is not None:
        try:
            read_citations(article, citations_text)
        except LineProblem as problem:
            raise ArticleError(citations_path, problem.line, problem.problem) from problem
    return article


def read_article_text(text):
    document = parse_document(text)
    title = read_title(document.title, document.lead[0].text if document.lead else "")
    check_single_season(title, document.infobox)
    article = ArticleData(
        title=document.title,
        series=title.series,
        number=title.number,
        season_word=title.word,
        slug=slugify(document.title),
        lead=join_paragraphs(line.text for line in document.lead),
    )
    read_infobox(document, article)
    article.sections = section_data(document)
    article.paragraphs = paragraphs_of(document)

    cast = cast_credits(document)
    crew = infobox_credits(document.infobox, cast)
    episodes = extract_episodes(document)
    article.episode_titles = {episode.number: episode.title for episode in episodes}
    if article.episode_count is None and episodes:
        article.episode_count = max(article.episode_titles)
    crew += episode_table_credits(episodes)
    known = [credit.person for credit in [*cast, *crew]]
    prose, notes = prose_credits(
        article.paragraphs,
        article.episode_count,
        article.number,
        known=known,
        nouns=season_nouns(article.season_word),
        episodes=episodes,
    )
    article.notes.extend(notes)
    article.credits = unique_credits([*cast, *crew, *prose])
    if article.episode_count is None:
        episodes = [credit.episode for credit in article.credits if credit.episode]
        article.episode_count = max(episodes) if episodes else None
    article.reviews, notes = extract_reviews(
        article.paragraphs, known=[credit.person for credit in article.credits]
    )
    article.notes.extend(notes)
    article.accolades = extract_accolades(document)
    article.people = people_named(article)
    article.events, notes = extract_events(article.paragraphs, list(article.people), article.series)
    article.notes.extend(notes)
    article.notes = in_article_order(article.notes, article.paragraphs)
    return article


def in_article_order(notes, paragraphs):
    """The notes by line, then by where their sentence stands in its paragraph (each reader
    makes its own in article order; together they are read kind by kind)."""
    starts = {}
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            starts.setdefault((paragraph.line, sentence.text), sentence.start)
    return sorted(
        notes,
        key=lambda note: (note.line is None, note.line or 0, starts.get((note.line, note.text), 0)),
    )


def people_named(article):
    """Everyone the article credits, reviews as a critic or nominates as a person, in article
    order; a nominee's "Surname, Given" sort key is kept over the one guessed from the name."""
    people = {}
    names = [credit.person for credit in article.credits]
    names += [review.critic for review in article.reviews if review.critic]
    for name in names:
        people.setdefault(name, PersonData(name, sort_name(name)))
    for accolade in article.accolades:
        if accolade.nominee_is_person:
            people[accolade.nominee] = PersonData(accolade.nominee, accolade.nominee_sort_name)
    return people


def read_citations(article, citations_text):
    anchors = [section.anchor for section in article.sections]
    article.citations = extract_citations(citations_text, article.paragraphs, anchors)
    # Last: every reader above took the article's words without them.
    write_markers(article)
