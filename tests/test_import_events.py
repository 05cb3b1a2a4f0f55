"""Events read on their own: each date's text is a sentence with its subject, its people are
the ones that clause says acted, a date about another work is not the season's, and every
date-like phrase the importer could not place is a note.

The made-up article (tests/articles/events-harbor-lights-season-3.txt) writes its dates in
the phrasings Wikipedia uses; the seed is checked for the same rules.
"""

import datetime
from pathlib import Path

import pytest

from catalog.importer import parse_article
from tests.seed import ARTICLE

ARTICLES = Path(__file__).parent / "articles"
CONNECTIVES = ("and ", "with ", "while ", "which ", "but ", "ahead of ", "after ", "before ")


def parse(name):
    return parse_article((ARTICLES / name).read_text(), path=name)


@pytest.fixture(scope="module")
def harbor():
    return parse("events-harbor-lights-season-3.txt")


@pytest.fixture(scope="module")
def seed():
    return parse_article(ARTICLE.read_text(), path=str(ARTICLE))


def day(year, month, number):
    return datetime.date(year, month, number)


def reads_on_its_own(text):
    return (
        text[:1].isupper()
        and text.rstrip('"”’').endswith(".")
        and not text.lower().startswith(CONNECTIVES)
    )


# (date, precision, kind, text, people), in article order.
HARBOR_EVENTS = [
    # The lead's only date the body does not give; its release date summarises the body's.
    (day(2021, 12, 1), "day", "development",
     "It was followed by a fourth season, ordered on December 1, 2021.", []),
    # ", with X having confirmed in <date> that ..." -> "X confirmed in <date> that ..."
    (day(2020, 3, 2), "day", "development",
     "Hulu renewed the series for a third season on March 2, 2020.", []),
    (day(2020, 1, 1), "month", "development",
     "Whitfield confirmed in January 2020 that she had mapped out the story.",
     ["Dana Whitfield"]),
    # ", with <things> finished by <date>" -> "<Things> were finished by <date>."
    (day(2020, 6, 1), "month", "writing", "The writers' room opened in June 2020.", []),
    (day(2020, 11, 1), "month", "writing",
     "The scripts were finished by the end of November 2020.", []),
    # ", with X joining in <date>" -> "X joined in <date>"
    (day(2020, 8, 1), "month", "casting", "Casting began in August 2020.", []),
    (day(2020, 9, 1), "month", "casting", "Marcus Hale joined in September 2020 as Ben Ortiz.",
     ["Marcus Hale"]),
    # ", which was announced in <date>" -> "This was announced in <date>."
    (day(2020, 10, 1), "month", "casting",
     "Lena Sorensen was cast as Greta Lund in October 2020.", ["Lena Sorensen"]),
    (day(2020, 12, 1), "month", "casting", "This was announced in December 2020.", []),
    # A person only mentioned ("offered to Lena Sorensen", "Pryce's audition") does not act.
    (day(2020, 9, 1), "month", "casting",
     "In September 2020, Talia Brooks was cast as June Vidal, a role first offered to "
     "Lena Sorensen.", ["Talia Brooks"]),
    (day(2020, 11, 1), "month", "casting",
     "In November 2020, Whitfield praised Pryce's audition.", ["Dana Whitfield"]),
    # ", while X joined ... on <day without year>" -> "X joined ... on <day>", the year before.
    (day(2021, 2, 1), "day", "filming", "Filming began on February 1, 2021 in Halifax.", []),
    (day(2021, 2, 15), "day", "filming", "Owen Pryce joined the production on February 15.",
     ["Owen Pryce"]),
    # Another work's date that the season's own clause ties to the season stays.
    (day(2021, 1, 1), "month", "filming",
     "Second-unit photography began after production on Saltwater Kings ended in January "
     "2021.", []),
    # ", and <clause>" -> "<Clause>."
    (day(2021, 5, 28), "day", "filming", "Filming wrapped on May 28, 2021.", []),
    (day(2021, 6, 3), "day", "filming",
     "The cast gathered for a read-through of the finale on June 3.", []),
    # ", announcing ... in <date>" -> "<the main clause's subject> announced ..."
    (day(2021, 7, 1), "month", "marketing", "Hulu confirmed the premiere date in July 2021.",
     []),
    (day(2021, 8, 1), "month", "marketing", "Hulu announced the episode titles in August 2021.",
     []),
    # "; " -> two sentences.
    (day(2021, 6, 1), "month", "marketing", "The first teaser was released in June 2021.", []),
    (day(2021, 8, 30), "day", "marketing", "A full trailer followed on August 30, 2021.", []),
    # ", and Mexico on <day>": the main clause's words up to the place Mexico fills.
    (day(2021, 8, 30), "day", "marketing",
     "Hulu released a trailer in the United States on August 30, 2021.", []),
    (day(2021, 9, 2), "day", "marketing", "Hulu released a trailer in Mexico on September 2.",
     []),
    # " and in Australia on <day>" (no comma): the same, from the preposition.
    (day(2021, 10, 6), "day", "release", "The season was released in Canada on October 6, 2021.",
     []),
    (day(2021, 10, 20), "day", "release", "The season was released in Australia on October 20.",
     []),
    # A list's "and" does not cut the clause; ", ahead of its debut ..." -> "<subject> debuted".
    (day(2021, 11, 17), "day", "release",
     "The season became available on Disney+ in the United Kingdom, Ireland, and New Zealand "
     "on November 17, 2021.", []),
    (day(2022, 1, 1), "year", "release", "The season debuted in Latin America by early 2022.",
     []),
]  # fmt: skip


def test_every_event_of_the_made_up_article_has_its_date_kind_text_and_people(harbor):
    events = [
        (event.date, event.date_precision, event.kind, event.text, event.people)
        for event in harbor.events
    ]
    assert events == HARBOR_EVENTS


def test_every_event_keeps_its_whole_sentence_as_source(harbor):
    by_text = {event.text: event for event in harbor.events}
    event = by_text["Whitfield confirmed in January 2020 that she had mapped out the story."]
    assert event.source == (
        "Hulu renewed the series for a third season on March 2, 2020, with Whitfield having "
        "confirmed in January 2020 that she had mapped out the story."
    )
    assert event.line == 28
    assert by_text["Hulu released a trailer in Mexico on September 2."].source == (
        "Hulu released a trailer in the United States on August 30, 2021, and Mexico on "
        "September 2."
    )


def test_every_event_of_the_made_up_article_reads_on_its_own(harbor):
    for event in harbor.events:
        assert reads_on_its_own(event.text), event.text


def test_the_notes_list_exactly_the_dates_not_used(harbor):
    notes = [(note.line, note.kind, note.text, note.message) for note in harbor.notes]
    assert notes == [
        (
            28,
            "date",
            "Whitfield said the season would premiere after Saltwater Kings premiered in 2021.",
            "a date about another work (Saltwater Kings), not this season's",
        ),
        (
            28,
            "date",
            "Later that year, the network gave the season a larger budget.",
            "'Later that year' is a date relative to none written: no event",
        ),
        (
            37,
            "date",
            "By July, the sets in Halifax were finished.",
            "'July' names no year to place it: no event",
        ),
        (
            37,
            "date",
            "Rehearsals took place in the spring.",
            "'in the spring' is a date relative to none written: no event",
        ),
        (
            39,
            "date",
            "This followed the end of production on Saltwater Kings in January 2021.",
            "a date about another work (Saltwater Kings), not this season's",
        ),
        (
            42,
            "date",
            "Saltwater Kings was released on March 12, 2021.",
            "a date about another work (Saltwater Kings), not this season's",
        ),
    ]


def test_a_year_inside_a_quotation_is_neither_an_event_nor_a_note(harbor):
    assert not [event for event in harbor.events if event.date.year == 2019]
    assert not [note for note in harbor.notes if "2019" in note.text]


def test_a_month_that_starts_a_given_name_is_no_date(harbor):
    """ "June Vidal" is a character: no note that "June" names no year."""
    assert not [note for note in harbor.notes if "'June'" in note.message]


# The seed ------------------------------------------------------------------------------------


def test_every_seed_event_reads_on_its_own(seed):
    for event in seed.events:
        assert reads_on_its_own(event.text), event.text


def test_the_seed_fragments_are_rewritten_as_sentences(seed):
    texts = {event.text for event in seed.events}
    ritter = (
        "Ritter indicated in May 2016 that the season would film back-to-back with The Defenders."
    )
    assert ritter in texts
    assert "The scripts were completed by the end of October 2016." in texts
    assert "This was revealed in July after the airing of his character's death on Power." in (
        texts
    )
    assert (
        "The season became available on Disney+ in the United States, Canada, United Kingdom, "
        "Ireland, Australia, and New Zealand on March 16." in texts
    )
    assert "The season debuted in Disney+'s other markets by the end of 2022." in texts


def test_krysten_ritter_acts_only_in_what_she_indicated(seed):
    ritter = [event.text for event in seed.events if "Krysten Ritter" in event.people]
    assert ritter == [
        "Ritter indicated in May 2016 that the season would film back-to-back with The Defenders."
    ]
    assert not [event for event in seed.events if event.text.startswith("This followed")]


def test_the_defenders_dates_are_notes_not_seed_events(seed):
    """The Defenders' release (2017) and its end of production (March 2017) are that
    series' dates: the seed keeps no Development event in 2017, and says why in its notes."""
    assert not [e for e in seed.events if e.kind == "development" and e.date.year == 2017]
    assert not [e for e in seed.events if "The Defenders released in 2017" in e.text]
    notes = [note for note in seed.notes if note.kind == "date"]
    assert [(note.line, note.message) for note in notes] == [
        (55, "a date about another work (The Defenders), not this season's"),
        (72, "a date about another work (The Defenders), not this season's"),
    ]
    assert notes[0].text.endswith("stating that the season would air after The Defenders "
                                  "released in 2017.")  # fmt: skip
    assert notes[1].text.startswith("This followed the end of production on The Defenders in March")
