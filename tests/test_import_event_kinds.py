"""An event's kind is what its sentence says happened, and its date is one of the making.

The made-up article (tests/articles/events-glass-harbour-season-2.txt) writes each kind of
sentence the blind corpus (tests/articles/blind/) showed the importer misreading: a renewal
under "Release", a trailer under "Filming", a soundtrack released, a viewership figure; dates
relative to the one before ("the following day", "later that month", "that November", "the
following February", "the same day"); the story's own years ("is set in 1979", "is portrayed
by A in 1979"), a plan that did not hold ("originally scheduled"), a ceremony named by its
year ("the 2023 Harbour Awards"), a channel after "airing on", and two happenings on one
date.
"""

import datetime
from pathlib import Path

import pytest

from catalog.importer import parse_article
from catalog.importer.clauses import rewrite, segments_of
from catalog.importer.dates import anchor_of, find_date_mentions

ARTICLE = Path(__file__).parent / "articles" / "events-glass-harbour-season-2.txt"


@pytest.fixture(scope="module")
def harbour():
    return parse_article(ARTICLE.read_text(), str(ARTICLE))


def day(year, month, number=1):
    return datetime.date(year, month, number)


# (date, precision, kind, text), in article order.
HARBOUR_EVENTS = [
    # The lead's premiere summarises the body's; its end is the season's release.
    (day(2022, 7, 10), "day", "release",
     "The second season of the drama series Glass Harbour concluded on July 10, 2022."),
    # "ahead of the first season's finale" only places it in time: a renewal, not a release.
    (day(2021, 4, 2), "day", "development",
     "Channel 4 renewed Glass Harbour for a second season on April 2, 2021, ahead of the "
     "first season's finale."),
    # An aside about someone (", who was best known for filming documentaries,") and a name
    # ("Film Hub North") give no kind: the heading's (Development) stands.
    (day(2021, 6), "month", "development",
     "Mara Lind, who was best known for filming documentaries, secured new funding in June "
     "2021 from Screen Scotland and Film Hub North."),
    # "that November": the month of the year before it.
    (day(2021, 11), "month", "writing", "The writers' room closed that November."),
    # "with Elsie Munro joining later that month": the same month and kind, one event.
    (day(2021, 8), "month", "casting",
     "Ada Quinn and Tomas Reid were confirmed to return in August 2021."),
    # "the following February": the first February after the last date (August 2021).
    (day(2022, 2), "month", "casting",
     "The rest of the ensemble was unveiled the following February."),
    (day(2021, 9), "month", "filming", "Filming began in September 2021 in Inverness."),
    # A trailer is marketing, whatever its heading (Filming) and whatever was done to it.
    (day(2022, 3, 30), "day", "marketing",
     "A trailer was shot during the final week and released on March 30, 2022."),
    # "cast and crew" is a list: the sentence's clauses are cut at ", and" only.
    (day(2022, 3, 1), "day", "filming", "The cast and crew held a read-through on March 1, 2022."),
    (day(2022, 4, 4), "day", "filming",
     "A wrap party for the cast and crew was held in Inverness on April 4, 2022."),
    # "originally scheduled to premiere in May 2022": a plan that did not hold, no event.
    # Premiered and drew viewers: the heading (Release) decides between release and reception.
    (day(2022, 6, 5), "day", "release",
     "It premiered on June 5, 2022, and drew 2.1 million viewers."),
    (day(2022, 6, 6), "day", "development",
     "Channel 4 renewed the series for a third season the following day."),
    # An album released is music; ", the same day as the season" restates its date.
    (day(2022, 6, 5), "day", "music",
     "The soundtrack album was released on June 5, 2022, the same day as the season."),
    # "airing on BBC America": a channel, not another work.
    (day(2022, 8, 4), "day", "release",
     "In the United States, the series began airing on BBC America on 4 August 2022."),
    (day(2022, 8, 11), "day", "release",
     "One week later, on August 11, 2022, the season became available on Hulu."),
    # Two happenings on one date: a viewership figure, and a spin-off "the same day".
    (day(2022, 8, 20), "day", "reception",
     "On August 20, 2022, Channel 4 reported that the season had been watched by 9 million "
     "viewers."),
    (day(2022, 8, 20), "day", "development", "Channel 4 announced a spin-off the same day."),
    (day(2023, 1), "year", "reception", "The season won Best Drama at the 2023 Harbour Awards."),
]  # fmt: skip


def test_every_event_has_the_kind_its_sentence_says(harbour):
    events = [(e.date, e.date_precision, e.kind, e.text) for e in harbour.events]
    assert events == HARBOUR_EVENTS


def test_the_storys_years_and_a_plan_that_did_not_hold_are_no_events_and_no_notes(harbour):
    years = {event.date.year for event in harbour.events}
    assert not years & {1979, 2019}
    assert day(2022, 5) not in {event.date for event in harbour.events}
    # "One week later, on August 11, 2022": the relative phrase is restated, not unplaced.
    assert harbour.notes == []


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        ("The finale aired on June 13, 2010; AMC renewed it the following day.", None,
         (day(2010, 6, 14), "day")),
        ("Ted Danson joined the cast later that month.", (day(2014, 12), "month"),
         (day(2014, 12), "month")),
        ("Two more actors joined the following month.", (day(2014, 12), "month"),
         (day(2015, 1), "month")),
        ("The series was renewed the following year.", (day(2014, 12, 3), "day"),
         (day(2015, 1), "year")),
        ("The order grew to 22 episodes that November.", (day(2005, 9), "month"),
         (day(2005, 11), "month")),
        ("The rest of the cast was unveiled the following February.", (day(2020, 12), "month"),
         (day(2021, 2), "month")),
    ],
)  # fmt: skip
def test_a_relative_date_is_placed_from_its_anchor_at_the_precision_it_names(
    sentence, anchor, expected
):
    mentions = find_date_mentions(sentence, [], anchor)
    assert [(m.date, m.precision) for m in mentions][-1] == expected


def test_a_relative_date_is_not_placed_more_precisely_than_its_anchor():
    assert find_date_mentions("It aired the following day.", [], (day(2014, 12), "month")) == []


def test_a_date_in_a_time_phrase_is_no_anchor():
    sentence = "It came out in June 2024, following its release on streaming in February 2024."
    mentions = find_date_mentions(sentence)
    assert anchor_of(sentence, mentions, None) == (day(2024, 6), "month")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A verb after "and" shares the main clause's subject, without the phrase before it.
        ("The seven-episode series, directed in full by Ann Lee, premiered on April 18, 2021, "
         "and concluded on May 30, 2021.", "The seven-episode series concluded on May 30, 2021."),
        ("A co-production of two studios, the series premiered on April 19, 2020, and was "
         "broadcast weekly until May 17, 2020.",
         "The series was broadcast weekly until May 17, 2020."),
        # "and <verb>ing": a participle that shares the subject.
        ("Filming took place in Perth, beginning in January 2021 and wrapping in late March "
         "2021.", "Filming wrapped in late March 2021."),
        # As many prepositional phrases as the fragment has, counted back from the date.
        ("It was sold abroad, debuting on BBC Four in the United Kingdom on 12 March 2022 and on "
         "The CW in the United States on 15 August 2022.",
         "It was sold abroad, debuting on The CW in the United States on 15 August 2022."),
        ("The miniseries premiered on HBO on May 6, 2019, and on Sky Atlantic on May 7, 2019.",
         "The miniseries premiered on Sky Atlantic on May 7, 2019."),
        ("The season aired on Tuesdays until December 2005, after which NBC moved it to "
         "Thursdays on January 5, 2006.",
         "After this, NBC moved it to Thursdays on January 5, 2006."),
    ],
)  # fmt: skip
def test_a_later_clause_is_rewritten_as_a_sentence_with_its_subject(sentence, expected):
    mentions = find_date_mentions(sentence)
    segments = segments_of(sentence, mentions)
    assert rewrite(sentence, segments, segments[-1], mentions) == expected
