"""The article importer is general: any season article in the seeds' format imports.

These articles are made up. They carry other infobox keys, other cast-list lengths, other
critics and phrasings, dates at every precision, and accolade rows of every result, so that
nothing here can pass by being special-cased to the Jessica Jones seed.

Why one long module: the made-up articles at its top serve every test below, parse and import
alike; test_import_errors.py holds the articles the importer must refuse.
"""

import datetime
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from catalog.domain.vocabulary import marker_numbers
from catalog.importer import article_import, parse_article
from catalog.importer.data import InfoboxLineData
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Person,
    Review,
    Season,
    Section,
    Series,
)

pytestmark = pytest.mark.django_db

EXPANSE = """\
= The Expanse season 3 =

Infobox
- Bg Color: #1A2B3C
- Created by: Mark Fergus, Hawk Ostby
- Composer: Clinton Shorter
- Starring: Steven Strait, Dominique Tipper, Wes Chatham
- Location: Toronto
- Num Episodes: 3
- Network: Syfy
- Released: 2018-04-11

The third season of the American television series The Expanse follows the crew of the \
Rocinante as a war between Earth and Mars escalates.

== Cast and characters ==

=== Main ===
- Steven Strait as James Holden
- Dominique Tipper as Naomi Nagata
- Wes Chatham as Amos "Timmy" Burton

=== Guest stars ===
- Jared Harris as Anderson Dawes

== Production ==

=== Development ===
In May 2019, the series was renewed for the season. Network president Chris McCumber said \
the show was "a priority for the network."

=== Filming ===
Filming began on June 5, 2019 in Toronto, with Steven Strait returning as Holden. Additional \
scenes were shot on June 9.

=== Music ===
A soundtrack album was released in 2020.

== Marketing ==
Ahead of the release, Syfy revealed pulp-style covers for each episode. The artists included, \
in respective order for each episode: Ann Example, Bob Sample, and Cara Demo.

== Reception ==

=== Critical response ===
On review aggregator Rotten Tomatoes, the season has an approval rating of 95% with an average \
rating of 8.10/10, based on 21 reviews. The website's critical consensus reads, "The Expanse \
keeps its feet on the ground while aiming for the stars." Metacritic, which uses a weighted \
average, assigned the season a score of 64 out of 100 based on 7 critics, indicating \
"generally favorable" reviews.

Jane Roe of Space Weekly gave the season 3.5 out of 5. She praised it as "a very solid return \
to form".

Orbit Review's John Smith said the season deserved a "C+", calling it "uneven but watchable \
at times".

Alex Critic from Star Gazette rated it 7/10, writing "a good season overall".

=== Accolades ===

|-
! scope="row" | 2019
| Saturn Awards
| Best Science Fiction Television Series
| The Expanse
| Won
|
|-
| Hugo Awards
| Best Dramatic Presentation
| data-sort-value="Strait, Steven" | Steven Strait
| Nominated
|
|-
! scope="row" | 2020
| Saturn Awards
| Best Actress on Television
| data-sort-value="Tipper, Dominique" | Dominique Tipper
|
|
|}
"""

# Markers that ended a sentence stand at the start of the next line; a marker inside a line
# cites the words before it.
EXPANSE_CITATIONS = """\
The third season of the American television series The Expanse follows the crew of the \
Rocinante as a war between Earth and Mars escalates.
[4] In May 2019,[5] the series was renewed for the season.
Network president Chris McCumber said the show was "a priority for the network.
"[8] Filming began on June 5, 2019 in Toronto, with Steven Strait returning as Holden.
[6][7] Additional scenes were shot on June 9.
"""

MINIMAL = """\
= Dark Matter season 1 =

The first season of Dark Matter follows the crew of a derelict ship.
"""


def line_of(text, starting):
    """The 1-based number of the first line of `text` that starts with `starting`."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(starting):
            return number
    raise AssertionError(f"no line starts with {starting!r}")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def critic_article(paragraph):
    return f"= Test Show season 1 =\n\n== Reception ==\n\n=== Critical response ===\n{paragraph}\n"


def events_article(production_paragraph):
    return f"= Test Show season 1 =\n\n== Production ==\n{production_paragraph}\n"


@pytest.fixture
def article():
    return parse_article(EXPANSE, "expanse.txt")


def every_row():
    """Every row of every catalog model (auto-created join tables too), as plain values."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("catalog").get_models(include_auto_created=True)
    }


def import_quietly(path, **options):
    out = StringIO()
    call_command("import_article", str(path), stdout=out, **options)
    return out.getvalue()


# --- The title and the infobox ----------------------------------------------------------


def test_the_title_gives_the_series_the_season_number_and_the_slug(article):
    assert article.title == "The Expanse season 3"
    assert article.series == "The Expanse"
    assert article.number == 3
    assert article.slug == "the-expanse-season-3"


def test_the_lead_is_the_prose_before_the_first_heading(article):
    assert article.lead.startswith("The third season of the American television series")
    assert "Rocinante" in article.lead


def test_known_infobox_keys_become_typed_season_fields(article):
    assert article.background_color.lower() == "#1a2b3c"
    assert article.network == "Syfy"
    assert article.release_date == datetime.date(2018, 4, 11)
    assert article.episode_count == 3


def test_an_infobox_key_the_article_leaves_out_stays_blank(article):
    assert article.episode_list_title == ""


def test_only_an_infobox_line_the_site_does_not_type_is_kept_as_written(article):
    # Bg Color, Num Episodes, Network and Released are season fields; Created by, Composer
    # and Starring are credits: each is kept there, and only there.
    # The article's eighth line (the title is line 1).
    assert article.infobox == [
        InfoboxLineData(
            position=5, key="Location", value="Toronto", source="- Location: Toronto", line=8
        )
    ]


def test_an_unknown_infobox_key_credits_nobody(article):
    assert "Toronto" not in article.people
    assert all(credit.source != "- Location: Toronto" for credit in article.credits)


def test_person_valued_infobox_keys_credit_crew_with_their_job(article):
    crew = [(c.person, c.job) for c in article.credits if c.department == "crew" and not c.episode]
    assert crew == [
        ("Mark Fergus", "creator"),
        ("Hawk Ostby", "creator"),
        ("Clinton Shorter", "composer"),
    ]


# --- Cast and crew ----------------------------------------------------------------------


def test_cast_lists_of_any_length_keep_their_billing_characters_and_order(article):
    cast = [
        (c.billing, c.order, c.person, c.character)
        for c in article.credits
        if c.department == "cast"
    ]
    assert cast == [
        ("main", 1, "Steven Strait", "James Holden"),
        ("main", 2, "Dominique Tipper", "Naomi Nagata"),
        ("main", 3, "Wes Chatham", 'Amos "Timmy" Burton'),
        ("guest", 1, "Jared Harris", "Anderson Dawes"),
    ]


def test_an_article_without_a_recurring_list_has_no_recurring_cast(article):
    assert not [c for c in article.credits if c.billing == "recurring"]


def test_a_guest_stars_heading_bills_its_cast_as_guests():
    text = (
        "= Test Show season 1 =\n\n== Cast ==\n\n=== Guest stars ===\n"
        "- Ann Person as The Stranger\n- Bob Person as The Neighbour\n"
    )
    credits = parse_article(text).credits
    assert [(c.person, c.billing, c.order) for c in credits] == [
        ("Ann Person", "guest", 1),
        ("Bob Person", "guest", 2),
    ]


def test_a_list_in_order_for_each_episode_credits_one_person_per_episode(article):
    per_episode = [(c.episode, c.person, c.job) for c in article.credits if c.episode]
    assert per_episode == [
        (1, "Ann Example", "cover artist"),
        (2, "Bob Sample", "cover artist"),
        (3, "Cara Demo", "cover artist"),
    ]


def test_a_person_only_quoted_in_the_prose_gets_no_credit(article):
    assert "Chris McCumber" not in [credit.person for credit in article.credits]


def test_a_starring_list_need_not_match_the_cast_lists_as_on_a_real_wiki():
    # Starring names the leads only (Wes Chatham is Main but not in it), one person the lists
    # bill as a guest, and one no list gives.
    text = EXPANSE.replace(
        "- Starring: Steven Strait, Dominique Tipper, Wes Chatham",
        "- Starring: Steven Strait, Dominique Tipper, Jared Harris, Shohreh Aghdashloo",
    )
    cast = [
        (c.person, c.billing, c.order, c.character)
        for c in parse_article(text, "expanse.txt").credits
        if c.department == "cast"
    ]

    # A list's person keeps the list's credit; the box adds only the person no list gives,
    # to the main cast after the Main list, with no character.
    assert cast == [
        ("Steven Strait", "main", 1, "James Holden"),
        ("Dominique Tipper", "main", 2, "Naomi Nagata"),
        ("Wes Chatham", "main", 3, 'Amos "Timmy" Burton'),
        ("Jared Harris", "guest", 1, "Anderson Dawes"),
        ("Shohreh Aghdashloo", "main", 4, ""),
    ]


def test_an_article_missing_every_optional_section_parses_to_empty_lists():
    article = parse_article(MINIMAL)
    assert (article.series, article.number) == ("Dark Matter", 1)
    assert article.infobox == []
    assert article.sections == []
    assert article.credits == []
    assert article.reviews == []
    assert article.events == []
    assert article.accolades == []
    assert article.episode_count is None
    assert article.release_date is None


# --- Reviews ----------------------------------------------------------------------------


def test_aggregator_sentences_give_score_average_sample_and_consensus(article):
    rotten, metacritic = [r for r in article.reviews if r.kind == "aggregate"]
    assert (rotten.outlet, rotten.rating_text, rotten.score) == ("Rotten Tomatoes", "95%", 95)
    assert (rotten.average_rating, rotten.sample_size) == ("8.10/10", 21)
    assert rotten.consensus.startswith("The Expanse keeps its feet on the ground")
    assert (metacritic.outlet, metacritic.score, metacritic.sample_size) == ("Metacritic", 64, 7)
    assert metacritic.rating_text == "64 out of 100"
    assert metacritic.consensus == "generally favorable"


def test_aggregator_sentences_with_other_numbers():
    article = parse_article(
        critic_article(
            "On review aggregator Rotten Tomatoes, the season has an approval rating of 100% "
            "with an average rating of 9.25/10, based on 1,024 reviews. Metacritic, which uses "
            "a weighted average, assigned the season a score of 48 out of 100 based on 12 "
            'critics, indicating "mixed or average" reviews.'
        )
    )
    summary = [
        (r.outlet, r.kind, r.rating_text, r.score, r.average_rating, r.sample_size, r.consensus)
        for r in article.reviews
    ]
    assert summary == [
        ("Rotten Tomatoes", "aggregate", "100%", 100, "9.25/10", 1024, ""),
        ("Metacritic", "aggregate", "48 out of 100", 48, "", 12, "mixed or average"),
    ]


@pytest.mark.parametrize(
    ("sentence", "critic", "outlet", "rating_text", "score", "sentiment"),
    [
        pytest.param(
            'Jane Roe of Space Weekly gave the season 3.5 out of 5, praising "a solid return".',
            "Jane Roe", "Space Weekly", "3.5 out of 5", 70, "positive",
            id="critic-of-outlet-out-of-5",
        ),
        pytest.param(
            'In a mixed review, Orbit Review\'s John Smith said the season earned a "C+".',
            "John Smith", "Orbit Review", "C+", 58, "mixed",
            id="outlets-critic-letter-grade",
        ),
        pytest.param(
            "Alex Critic from Star Gazette enjoyed the season and rated it 7/10.",
            "Alex Critic", "Star Gazette", "7/10", 70, "positive",
            id="critic-from-outlet-slash-10",
        ),
        pytest.param(
            "Sam Doe of The Daily Planet was disappointed, giving it 1 out of 5 stars.",
            "Sam Doe", "The Daily Planet", "1 out of 5 stars", 20, "negative",
            id="critic-of-the-outlet-stars",
        ),
    ],
)  # fmt: skip
def test_a_critics_review_gives_critic_outlet_rating_score_and_sentiment(
    sentence, critic, outlet, rating_text, score, sentiment
):
    (review,) = parse_article(critic_article(sentence)).reviews
    assert review.kind == "critic"
    assert (review.critic, review.outlet) == (critic, outlet)
    assert (review.rating_text, review.score) == (rating_text, score)
    assert review.sentiment == sentiment


def test_a_review_without_a_rating_has_no_rating_and_no_score():
    (review,) = parse_article(
        critic_article('Kim Park of Screen Daily praised the "sharp and tense writing".')
    ).reviews
    assert (review.rating_text, review.score) == ("", None)
    assert review.sentiment == "positive"


def test_critics_reviews_keep_their_outlets_critics_and_article_order(article):
    critics = [(r.critic, r.outlet, r.score) for r in article.reviews if r.kind == "critic"]
    assert critics == [
        ("Jane Roe", "Space Weekly", 70),
        ("John Smith", "Orbit Review", 58),
        ("Alex Critic", "Star Gazette", 70),
    ]


def test_a_reviews_excerpt_is_the_quotation_that_follows_it(article):
    excerpts = [r.excerpt for r in article.reviews if r.kind == "critic"]
    assert excerpts == [
        "a very solid return to form",
        "uneven but watchable at times",
        "a good season overall",
    ]


# --- Dates and events -------------------------------------------------------------------


def test_a_full_date_is_an_event_at_day_precision():
    (event,) = parse_article(events_article("Filming began on June 5, 2019 in Toronto.")).events
    assert (event.date, event.date_precision) == (datetime.date(2019, 6, 5), "day")
    assert event.kind == "filming"
    assert event.source == "Filming began on June 5, 2019 in Toronto."


def test_a_month_and_year_is_an_event_at_month_precision_on_its_first_day():
    (event,) = parse_article(events_article("In May 2019, the series was renewed.")).events
    assert (event.date, event.date_precision) == (datetime.date(2019, 5, 1), "month")


def test_a_bare_year_is_an_event_at_year_precision_on_its_first_day():
    (event,) = parse_article(events_article("Reshoots took place in 2020.")).events
    assert (event.date, event.date_precision) == (datetime.date(2020, 1, 1), "year")


def test_a_date_without_a_year_takes_its_year_from_an_earlier_sentence_of_the_paragraph():
    events = parse_article(
        events_article("Filming began on June 5, 2019 in Toronto. Reshoots were done on June 9.")
    ).events
    assert [(e.date, e.date_precision) for e in events] == [
        (datetime.date(2019, 6, 5), "day"),
        (datetime.date(2019, 6, 9), "day"),
    ]
    assert events[1].source == "Reshoots were done on June 9."


def test_events_take_their_kind_from_the_section_and_their_people_from_the_sentence(article):
    events = [(e.date, e.date_precision, e.kind, e.people) for e in article.events]
    assert events == [
        (datetime.date(2019, 5, 1), "month", "development", []),
        (datetime.date(2019, 6, 5), "day", "filming", ["Steven Strait"]),
        (datetime.date(2019, 6, 9), "day", "filming", []),
        (datetime.date(2020, 1, 1), "year", "music", []),
    ]


# --- Accolades --------------------------------------------------------------------------


def test_accolade_rows_give_won_nominated_and_unknown_for_an_empty_cell(article):
    rows = [(a.year, a.award, a.category, a.nominee, a.result) for a in article.accolades]
    assert rows == [
        (2019, "Saturn Awards", "Best Science Fiction Television Series", "The Expanse", "won"),
        (2019, "Hugo Awards", "Best Dramatic Presentation", "Steven Strait", "nominated"),
        (2020, "Saturn Awards", "Best Actress on Television", "Dominique Tipper", "unknown"),
    ]


def test_an_accolade_row_without_a_year_continues_the_year_of_the_row_above(article):
    assert article.accolades[1].year == article.accolades[0].year == 2019


def test_an_accolade_nominee_with_a_sort_key_is_a_person_and_a_title_is_not(article):
    assert article.people["Steven Strait"].sort_name == "Strait, Steven"
    assert "The Expanse" not in article.people


# --- Citations --------------------------------------------------------------------------


def test_a_leading_marker_cites_the_sentence_before_even_in_an_earlier_paragraph():
    parsed = parse_article(EXPANSE, "expanse.txt", EXPANSE_CITATIONS, "expanse.citations.txt")
    by_number = {c.number: c for c in parsed.citations}
    lead = (
        "The third season of the American television series The Expanse follows the crew of "
        "the Rocinante as a war between Earth and Mars escalates."
    )
    assert by_number[4].sentence == lead
    assert by_number[4].offset == len(lead)
    assert by_number[4].section_anchor is None


def test_an_inline_marker_cites_the_words_before_it():
    parsed = parse_article(EXPANSE, "expanse.txt", EXPANSE_CITATIONS, "expanse.citations.txt")
    five = next(c for c in parsed.citations if c.number == 5)
    assert five.sentence == "In May 2019, the series was renewed for the season."
    assert five.sentence[: five.offset] == "In May 2019,"
    assert five.section_anchor == "development"


def test_two_leading_markers_both_cite_the_sentence_before_the_lines_sentence():
    parsed = parse_article(EXPANSE, "expanse.txt", EXPANSE_CITATIONS, "expanse.citations.txt")
    cited = [(c.number, c.sentence, c.offset) for c in parsed.citations if c.number in (6, 7)]
    sentence = "Filming began on June 5, 2019 in Toronto, with Steven Strait returning as Holden."
    assert cited == [(6, sentence, len(sentence)), (7, sentence, len(sentence))]


def test_a_citations_line_without_markers_cites_nothing():
    parsed = parse_article(EXPANSE, "expanse.txt", EXPANSE_CITATIONS, "expanse.citations.txt")
    assert sorted(c.number for c in parsed.citations) == [4, 5, 6, 7, 8]


def test_a_stray_closing_quote_before_a_leading_marker_ends_the_earlier_sentence():
    parsed = parse_article(EXPANSE, "expanse.txt", EXPANSE_CITATIONS, "expanse.citations.txt")
    eight = next(c for c in parsed.citations if c.number == 8)
    sentence = 'Network president Chris McCumber said the show was "a priority for the network."'
    assert (eight.sentence, eight.offset) == (sentence, len(sentence))
    assert eight.section_anchor == "development"


# --- Writing to the database ------------------------------------------------------------


@pytest.fixture
def expanse_file(tmp_path):
    return write(tmp_path, "expanse.txt", EXPANSE)


@pytest.fixture
def expanse_citations_file(tmp_path):
    return write(tmp_path, "expanse.citations.txt", EXPANSE_CITATIONS)


@pytest.fixture
def imported(expanse_file, expanse_citations_file):
    season, _summary = article_import(path=expanse_file, citations_path=expanse_citations_file)
    return season


def test_import_creates_the_series_and_the_season_with_its_typed_fields_and_infobox_line(imported):
    season = Season.objects.get(slug="the-expanse-season-3")
    assert season == imported
    assert season.series.name == "The Expanse"
    assert season.number == 3
    assert season.background_color.lower() == "#1a2b3c"
    assert (season.network, season.release_date) == ("Syfy", datetime.date(2018, 4, 11))
    assert season.episode_count == 3
    assert season.episode_list_title == ""
    lines = list(season.infobox_fields.values_list("position", "key", "value", "source"))
    assert lines == [(5, "Location", "Toronto", "- Location: Toronto")]


def test_import_writes_the_sections_in_article_order(imported):
    titles = list(imported.sections.order_by("position").values_list("level", "title"))
    assert titles == [
        (2, "Cast and characters"),
        (3, "Main"),
        (3, "Guest stars"),
        (2, "Production"),
        (3, "Development"),
        (3, "Filming"),
        (3, "Music"),
        (2, "Marketing"),
        (2, "Reception"),
        (3, "Critical response"),
        (3, "Accolades"),
    ]


def test_import_writes_the_cast_in_billing_order_with_characters(imported):
    cast = list(
        Credit.objects.cast()
        .filter(season=imported)
        .order_by("billing", "order")
        .values_list("billing", "order", "person__name", "character")
    )
    assert cast == [
        ("guest", 1, "Jared Harris", "Anderson Dawes"),
        ("main", 1, "Steven Strait", "James Holden"),
        ("main", 2, "Dominique Tipper", "Naomi Nagata"),
        ("main", 3, "Wes Chatham", 'Amos "Timmy" Burton'),
    ]


def test_import_writes_crew_with_jobs_and_no_billing(imported):
    crew = Credit.objects.crew().filter(season=imported, episode__isnull=True)
    assert sorted(crew.values_list("person__name", "job", "billing")) == [
        ("Clinton Shorter", "composer", None),
        ("Hawk Ostby", "creator", None),
        ("Mark Fergus", "creator", None),
    ]


def test_import_writes_one_row_per_fact_of_the_article(imported):
    counts = {
        "sections": imported.sections.count(),
        "infobox fields": imported.infobox_fields.count(),
        "cast": Credit.objects.cast().filter(season=imported).count(),
        "crew": Credit.objects.crew().filter(season=imported).count(),
        "episodes": imported.episodes.count(),
        "reviews": imported.reviews.count(),
        "events": imported.events.count(),
        "accolades": imported.accolades.count(),
        "references": imported.references.count(),
        "citation markers": len(markers_of(imported)),
    }
    assert counts == {
        "sections": 11,
        "infobox fields": 1,
        "cast": 4,
        "crew": 6,
        "episodes": 3,
        "reviews": 5,
        "events": 4,
        "accolades": 3,
        "references": 5,
        "citation markers": 5,
    }


def test_import_creates_the_numbered_episodes_with_blank_titles(imported):
    episodes = list(Episode.objects.filter(season=imported).values_list("number", "title"))
    assert episodes == [(1, ""), (2, ""), (3, "")]


def test_import_credits_each_listed_artist_to_their_episode_in_order(imported):
    credits = (
        Credit.objects.filter(season=imported, episode__isnull=False)
        .order_by("episode__number")
        .values_list("episode__number", "person__name", "job", "department")
    )
    assert list(credits) == [
        (1, "Ann Example", "cover artist", "crew"),
        (2, "Bob Sample", "cover artist", "crew"),
        (3, "Cara Demo", "cover artist", "crew"),
    ]


def test_import_creates_one_person_per_name_with_a_sort_name(imported):
    assert Person.objects.get(name="Dominique Tipper").sort_name == "Tipper, Dominique"
    assert Person.objects.filter(name="Steven Strait").count() == 1
    assert not Person.objects.filter(name="Toronto").exists()


def test_import_writes_reviews_with_scores_and_sentiments(imported):
    reviews = list(
        Review.objects.filter(season=imported)
        .order_by("order")
        .values_list("kind", "outlet__name", "critic__name", "rating_text", "score", "sentiment")
    )
    assert reviews == [
        ("aggregate", "Rotten Tomatoes", None, "95%", 95, ""),
        ("aggregate", "Metacritic", None, "64 out of 100", 64, ""),
        ("critic", "Space Weekly", "Jane Roe", "3.5 out of 5", 70, "positive"),
        ("critic", "Orbit Review", "John Smith", "C+", 58, "mixed"),
        ("critic", "Star Gazette", "Alex Critic", "7/10", 70, "positive"),
    ]
    rotten = Review.objects.get(season=imported, outlet__name="Rotten Tomatoes")
    assert (rotten.average_rating, rotten.sample_size) == ("8.10/10", 21)
    assert Review.objects.get(outlet__name="Metacritic").outlet.is_aggregator
    assert not Review.objects.get(outlet__name="Star Gazette").outlet.is_aggregator


def test_import_writes_events_at_the_precision_the_text_gives(imported):
    events = [
        (e.date_display, e.date_precision, e.kind, [p.name for p in e.people.all()])
        for e in Event.objects.filter(season=imported).order_by("date")
    ]
    assert events == [
        ("May 2019", "month", "development", []),
        ("June 5, 2019", "day", "filming", ["Steven Strait"]),
        ("June 9, 2019", "day", "filming", []),
        ("2020", "year", "music", []),
    ]


def test_import_writes_accolades_linking_person_nominees(imported):
    accolades = [
        (a.year, a.award, a.nominee_text, a.nominee.name if a.nominee else None, a.result)
        for a in Accolade.objects.filter(season=imported).order_by("year", "award")
    ]
    assert accolades == [
        (2019, "Hugo Awards", "Steven Strait", "Steven Strait", "nominated"),
        (2019, "Saturn Awards", "The Expanse", None, "won"),
        (2020, "Saturn Awards", "Dominique Tipper", "Dominique Tipper", "unknown"),
    ]


def test_import_writes_the_markers_into_the_prose_where_the_citations_file_says(imported):
    sections = {section.anchor: section.body for section in imported.sections.all()}
    assert imported.lead.endswith("as a war between Earth and Mars escalates.[4]")
    assert sections["development"] == (
        "In May 2019,[5] the series was renewed for the season. Network president Chris "
        'McCumber said the show was "a priority for the network."[8]'
    )
    assert sections["filming"] == (
        "Filming began on June 5, 2019 in Toronto, with Steven Strait returning as Holden.[6][7] "
        "Additional scenes were shot on June 9."
    )


def test_import_makes_a_reference_with_blank_details_for_each_number_cited(imported):
    assert markers_of(imported) == [4, 5, 8, 6, 7]
    assert list(imported.references.values_list("number", "title", "url")) == [
        (number, "", "") for number in (4, 5, 6, 7, 8)
    ]


def markers_of(season):
    """The numbers of the citation markers in the season's prose, in page order."""
    texts = [season.lead, *season.sections.order_by("position").values_list("body", flat=True)]
    return [number for text in texts for number in marker_numbers(text)]


# --- Importing again --------------------------------------------------------------------


def test_importing_the_same_file_twice_changes_nothing(expanse_file, expanse_citations_file):
    import_quietly(expanse_file, citations=str(expanse_citations_file))
    before = every_row()
    output = import_quietly(expanse_file, citations=str(expanse_citations_file))
    assert every_row() == before  # same rows, same values, same updated_at
    assert re.search(r"\b0 created, 0 updated\b", output), output


def test_the_first_import_reports_what_it_created(expanse_file):
    output = import_quietly(expanse_file)
    assert "The Expanse season 3" in output
    created = re.search(r"\b(\d+) created\b", output)
    assert created
    assert int(created.group(1)) > 0


EDITED = EXPANSE.replace("- Network: Syfy", "- Network: Amazon Prime Video").replace(
    "=== Guest stars ===",
    "=== Recurring ===\n- Cara Gee as Camina Drummer\n\n=== Guest stars ===",
)


def test_importing_an_edited_article_updates_the_season_in_place(tmp_path, expanse_file):
    article_import(path=expanse_file)
    season = Season.objects.get()
    article_import(path=write(tmp_path, "expanse-edited.txt", EDITED))
    assert Season.objects.get().pk == season.pk
    assert Season.objects.get().network == "Amazon Prime Video"
    assert not InfoboxField.objects.filter(key="Network").exists()
    assert Series.objects.count() == 1


def test_importing_an_edited_article_adds_the_new_credit_without_duplicating_any(
    tmp_path, expanse_file
):
    article_import(path=expanse_file)
    credits_before = Credit.objects.count()
    people_before = Person.objects.count()
    article_import(path=write(tmp_path, "expanse-edited.txt", EDITED))
    assert Credit.objects.count() == credits_before + 1
    assert Person.objects.count() == people_before + 1
    recurring = Credit.objects.get(billing="recurring")
    assert (recurring.person.name, recurring.character, recurring.order) == (
        "Cara Gee",
        "Camina Drummer",
        1,
    )
    assert Episode.objects.count() == 3
    assert Review.objects.count() == 5
    assert Event.objects.count() == 4
    assert Accolade.objects.count() == 3


def test_importing_an_edited_article_gives_the_new_section_its_place(tmp_path, expanse_file):
    article_import(path=expanse_file)
    article_import(path=write(tmp_path, "expanse-edited.txt", EDITED))
    titles = list(Section.objects.order_by("position").values_list("title", flat=True))
    assert titles[:4] == ["Cast and characters", "Main", "Recurring", "Guest stars"]
    assert len(titles) == len(set(titles)) == 12


def test_importing_again_leaves_an_editors_episode_title_and_season_status_alone(
    tmp_path, expanse_file
):
    article_import(path=expanse_file)
    Episode.objects.filter(number=1).update(title="Fight or Flight")
    Season.objects.update(status=Season.Status.DRAFT)
    article_import(path=write(tmp_path, "expanse-edited.txt", EDITED))
    assert Episode.objects.get(number=1).title == "Fight or Flight"
    assert Season.objects.get().status == Season.Status.DRAFT


def test_a_section_titled_like_a_part_of_the_page_takes_the_pages_next_free_anchor():
    article = parse_article(
        "= Made Up season 1 =\n\nThe lead.\n\n== Contents ==\n\nA.\n\n"
        "== References ==\n\nB.\n\n== References ==\n\nC.\n"
    )

    assert [s.anchor for s in article.sections] == ["contents", "references-2", "references-3"]
