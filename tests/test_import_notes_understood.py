"""What a note says the importer understood of its sentence (`Note.understood`, set where
the notes are made): the partial credit, review, aggregator result or event that the admin's
import preview prefills its form with; and the notes in article order (by line, then by
sentence). Pure parsing: no database."""

import datetime
from pathlib import Path

from catalog.importer import parse_article
from catalog.importer.data import CreditData, EventData, ReviewData
from tests.seed import ARTICLE_TEXT

ARTICLES = Path(__file__).parent / "articles"


def notes_of(name):
    return parse_article((ARTICLES / name).read_text(encoding="utf-8")).notes


def test_a_job_note_understood_the_person_and_the_job_with_its_modifiers():
    (job,) = [note for note in parse_article(ARTICLE_TEXT).notes if note.kind == "job"]

    assert isinstance(job.understood, CreditData)
    assert (job.understood.person, job.understood.job) == ("Doug Petrie", "executive producer")
    assert (job.understood.department, job.understood.episode) == ("crew", None)
    assert (job.understood.line, job.understood.source) == (job.line, job.text)


def test_a_date_about_another_work_is_understood_as_an_event_on_that_date():
    dates = [note for note in parse_article(ARTICLE_TEXT).notes if note.kind == "date"]

    assert [(n.understood.date, n.understood.date_precision) for n in dates] == [
        (datetime.date(2017, 1, 1), "year"),
        (datetime.date(2017, 3, 1), "month"),
    ]
    assert all(isinstance(note.understood, EventData) for note in dates)
    assert [note.understood.text for note in dates] == [note.text for note in dates]


def test_a_per_episode_list_too_long_is_understood_as_the_first_name_left_over():
    (dropped,) = notes_of("import-harbor-lights-season-1.txt")

    assert (dropped.understood.person, dropped.understood.job) == ("Kit Sandoval", "painter")


def test_review_and_rating_notes_are_understood_as_partial_reviews():
    notes = notes_of("reviews-harbor-lights-season-3.txt")

    understood = [
        (n.kind, n.understood.kind, n.understood.outlet, n.understood.critic,
         n.understood.rating_text, n.understood.score)
        for n in notes
    ]  # fmt: skip
    assert all(isinstance(note.understood, ReviewData) for note in notes)
    assert understood == [
        ("aggregate", "aggregate", "", None, "75%", 75),  # no aggregator named
        ("review", "critic", "The Guardian", None, "", None),  # "The Guardian's reviewer"
        ("rating", "critic", "", "Kay Doyle", "11 out of 10", None),
        ("rating", "critic", "", None, "A", 100),
        ("review", "critic", "", "Sam Ortiz", "", None),
        ("rating", "critic", "", None, "4 out of 5", 80),
        ("aggregate", "aggregate", "Metacritic", None, "", None),
    ]


def test_the_notes_come_in_article_order_whichever_reader_made_them():
    notes = notes_of("notes-saltmarsh-season-1.txt")

    # The crew's notes were made first, then the reviews', then the dates'.
    assert [note.kind for note in notes] == ["date", "job", "aggregate", "review"]
    assert [note.line for note in notes] == sorted(note.line for note in notes)
    (relative,) = [note for note in notes if note.kind == "date"]
    assert relative.understood.date is None
    assert relative.understood.kind == "filming"
