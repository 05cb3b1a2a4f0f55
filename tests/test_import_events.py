"""Events read on their own: each date's text is a sentence with its subject, its people are
the ones that clause says acted, a date about another work is not the season's, and every
date-like phrase the importer could not place is a note.

The made-up article (tests/articles/events-lantern-street-season-3.txt) writes its dates in
the phrasings Wikipedia uses; the seed is checked for the same rules.
"""

import datetime
from pathlib import Path

import pytest

from catalog.importer import article_import, parse_article
from catalog.importer.dates import find_date_mentions
from tests.seed import ARTICLE

ARTICLES = Path(__file__).parent / "articles"
CONNECTIVES = ("and ", "with ", "while ", "which ", "but ", "ahead of ", "after ", "before ")


def parse(name):
    return parse_article((ARTICLES / name).read_text(), path=name)


@pytest.fixture(scope="module")
def lantern():
    return parse("events-lantern-street-season-3.txt")


@pytest.fixture(scope="module")
def seed():
    return parse_article(ARTICLE.read_text(), path=str(ARTICLE))


def day(year, month, number):
    return datetime.date(year, month, number)


def facts(article):
    return [(e.date, e.date_precision, e.kind, e.text, e.people) for e in article.events]


def notes_of(article):
    return [(note.line, note.kind, note.text, note.message) for note in article.notes]


def reads_on_its_own(text):
    return (
        text[:1].isupper()
        and text.rstrip('"”’').endswith(".")
        and not text.lower().startswith(CONNECTIVES)
    )


# (date, precision, kind, text, people), in article order.
LANTERN_EVENTS = [
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


def test_every_event_of_the_made_up_article_has_its_date_kind_text_and_people(lantern):
    assert facts(lantern) == LANTERN_EVENTS


def test_every_event_keeps_its_whole_sentence_as_source(lantern):
    by_text = {event.text: event for event in lantern.events}
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


def test_every_event_of_the_made_up_article_reads_on_its_own(lantern):
    assert lantern.events
    for event in lantern.events:
        assert reads_on_its_own(event.text), event.text


def test_the_notes_list_exactly_the_dates_not_used(lantern):
    assert notes_of(lantern) == [
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


def test_a_year_inside_a_quotation_is_neither_an_event_nor_a_note(lantern):
    assert not [event for event in lantern.events if event.date.year == 2019]
    assert not [note for note in lantern.notes if "2019" in note.text]


def test_a_month_that_starts_a_given_name_is_no_date(lantern):
    """ "June Vidal" is a character: no note that "June" names no year."""
    assert not [note for note in lantern.notes if "'June'" in note.message]


MEADOW_EVENTS = [
    # ", but <clause>" -> "<Clause>."; a day written day first ("14 May 2022").
    (day(2022, 5, 14), "day", "development", "Apex Channel renewed the series on 14 May 2022.",
     []),
    # The clause's words give the kind, not its heading (Development): production is filming.
    (day(2023, 1, 1), "month", "filming", "Production was delayed until January 2023.", []),
    # " and <clause>" (no comma) between two dates: two sentences; "her" is no one named.
    (day(2023, 2, 1), "month", "casting", "Ruth Okafor returned as Agnes in February 2023.",
     ["Ruth Okafor"]),
    (day(2023, 3, 1), "month", "casting", "Theo Lind joined her in March 2023.", ["Theo Lind"]),
    # ", after <clause>" -> "<Clause>."
    (day(2023, 4, 1), "month", "casting", "Casting closed in April 2023.", []),
    (day(2023, 3, 1), "month", "casting", "Mira Castell signed on in March 2023.",
     ["Mira Castell"]),
    # "replacing Mira Castell's first choice": mentioned, twice over, not acting.
    (day(2023, 4, 1), "month", "casting",
     "In April 2023, Ivo Brandt was cast as Walter, replacing Mira Castell's first choice.",
     ["Ivo Brandt"]),
    # " and concluded in <date>": the verb shares the main clause's subject.
    (day(2023, 5, 1), "month", "filming", "Filming began in May 2023.", []),
    (day(2023, 8, 1), "month", "filming", "Filming concluded in August 2023.", []),
    # "on 3 June": day first without a year, the year before; a possessive does not act.
    (day(2023, 6, 3), "day", "filming", "Ruth Okafor's scenes on the moor were shot on 3 June.",
     []),
    # ", with X also returning ... in <date>" -> "X also returned ... in <date>."
    (day(2023, 9, 1), "month", "filming", "Reshoots took place in September 2023.", []),
    (day(2023, 10, 1), "month", "filming", "Ruth Okafor also returned for them in October 2023.",
     ["Ruth Okafor"]),
    # Another work's date tied to the season by its own clause ("Filming resumed once ...").
    (day(2023, 7, 1), "month", "filming",
     "Filming resumed once The Borderlands wrapped in July 2023.", []),
    # ", before the season's premiere ..." and ", following its release ...": nominal clauses.
    (day(2024, 2, 2), "day", "release", "Apex Channel premiered the season on 2 February 2024.",
     []),
    (day(2024, 2, 9), "day", "release", "The season premiered on streaming on 9 February 2024.",
     []),
    (day(2024, 6, 1), "month", "release", "The season was released on home media in June 2024.",
     []),
    (day(2024, 2, 1), "month", "release",
     "The season was released on streaming in February 2024.", []),
    # "The following month" after "in June 2024, following its release ... in February 2024":
    # the month after the last date outside a time phrase; a poster is marketing.
    (day(2024, 7, 1), "month", "marketing",
     "The following month, Apex Channel released a poster for the third season.", []),
]  # fmt: skip


@pytest.fixture(scope="module")
def meadow():
    return parse("events-the-long-meadow-season-2.txt")


def test_every_event_of_the_second_made_up_article_has_its_date_kind_text_and_people(meadow):
    assert facts(meadow) == MEADOW_EVENTS
    for event in meadow.events:
        assert reads_on_its_own(event.text), event.text


def test_the_second_article_notes_a_relative_date_it_cannot_place_and_another_works_premiere(
    meadow,
):
    assert notes_of(meadow) == [
        (
            25,
            "date",
            "A year later, the writers began the third season.",
            "'A year later' is a date relative to none written: no event",
        ),
        (
            31,
            "date",
            "The Borderlands premiered in September 2023.",
            "a date about another work (The Borderlands), not this season's",
        ),
    ]


# The seed ------------------------------------------------------------------------------------


def test_every_seed_event_reads_on_its_own(seed):
    assert seed.events
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


def test_spring_and_a_day_written_day_first_are_dates():
    mentions = find_date_mentions("Filming began in spring 2017 and ended on 3 June 2017.")
    assert [(m.date, m.precision) for m in mentions] == [
        (datetime.date(2017, 1, 1), "year"),
        (datetime.date(2017, 6, 3), "day"),
    ]


@pytest.mark.django_db
def test_an_imported_event_stores_its_sentence_text_people_and_whole_source():
    season, _summary = article_import(path=ARTICLES / "events-lantern-street-season-3.txt")

    event = season.events.get(date=datetime.date(2020, 1, 1), date_precision="month")
    assert event.text == "Whitfield confirmed in January 2020 that she had mapped out the story."
    assert event.source.startswith("Hulu renewed the series for a third season on March 2, 2020")
    assert list(event.people.values_list("name", flat=True)) == ["Dana Whitfield"]
    assert season.events.count() == len(LANTERN_EVENTS)
    assert not season.events.filter(source__contains="Saltwater Kings premiered").exists()


def release_paragraph(sentence):
    """A made-up article whose Release section is the one sentence."""
    return parse_article(
        "= Lantern Street season 3 =\n\nThe third season of Lantern Street.\n\n"
        f"== Release ==\n{sentence}\n"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Hollywood Records released it on March 16, 2018.",
        "Hulu premiered the season on October 6, 2021.",
        "Marvel's Lantern Street premiered on October 6, 2021.",
        "The season premiered on October 6, 2021, after Saltwater Kings ended.",
    ],
)
def test_the_seasons_own_release_is_no_other_work(sentence):
    article = release_paragraph(sentence)
    assert [event.text for event in article.events] == [sentence]
    assert article.notes == []


@pytest.mark.parametrize(
    ("sentence", "work"),
    [
        ("Saltwater Kings was released on March 12, 2021.", "Saltwater Kings"),
        ("The Borderlands premiered in September 2023.", "The Borderlands"),
        ("Work on The Borderlands ended in July 2023.", "The Borderlands"),
    ],
)
def test_another_works_date_is_a_note(sentence, work):
    article = release_paragraph(sentence)
    assert article.events == []
    assert notes_of(article) == [
        (6, "date", sentence, f"a date about another work ({work}), not this season's")
    ]


def test_a_month_led_by_a_time_word_is_a_date_even_before_a_name():
    article = release_paragraph("In June Hulu renewed the series.")
    assert article.events == []
    assert notes_of(article) == [
        (
            6,
            "date",
            "In June Hulu renewed the series.",
            "'June' names no year to place it: no event",
        )
    ]
    assert release_paragraph("The poster was drawn by June Brigman.").notes == []


def test_a_month_that_starts_a_name_is_no_date_even_with_a_year_to_take():
    article = release_paragraph(
        "The season premiered in 2021. Its poster, drawn by June Brigman, appeared in 2021."
    )
    assert [(event.date, event.date_precision) for event in article.events] == [
        (day(2021, 1, 1), "year"),
        (day(2021, 1, 1), "year"),
    ]
    assert article.notes == []


@pytest.mark.parametrize(
    "sentence",
    [
        'Filming began later that year, Ritter said "later that year".',
        'Ritter said "we will shoot later that year" and filming began later that year.',
    ],
)
def test_a_relative_date_is_noted_once_where_it_stands_outside_a_quotation(sentence):
    assert notes_of(release_paragraph(sentence)) == [
        (6, "date", sentence, "'later that year' is a date relative to none written: no event")
    ]


def test_a_sentence_of_more_than_twenty_dates_gives_twenty_events_and_a_note():
    days = ", ".join(f"March {day}, 2021" for day in range(1, 26))
    article = release_paragraph(f"The season was screened on {days}.")

    assert [event.date.day for event in article.events] == list(range(1, 21))
    assert [(note.line, note.kind, note.message) for note in article.notes] == [
        (6, "dropped", "25 dates in one sentence: only the first 20 became events")
    ]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("In 2022 the season was ordered; filming ran from March to August 2023.", (2023, 3)),
        ("In 2022 it was ordered; filming ran from March 6 through August 25, 2023.", (2023, 3)),
        ("In 2022 it was ordered; filming ran between March and August 2023.", (2023, 3)),
    ],
)
def test_the_start_of_a_range_shares_the_year_written_at_its_end(sentence, start):
    mentions = find_date_mentions(sentence)

    assert (mentions[1].date.year, mentions[1].date.month) == start
