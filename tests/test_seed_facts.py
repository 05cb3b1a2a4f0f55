"""The facts of the seed article, as the database holds them after loading the fixtures.

The seed article and its citations file (seeds/jessica-jones-season-2.txt and
seeds/jessica-jones-season-2.citations.txt, in this repository) are the specification: every
expectation below is read from the article, not from what the importer happens to produce.

Why one long module: it is the seed article's specification read top to bottom (season,
cast, crew, reviews, events, accolades, citations), and splitting it would scatter one
document's facts over several files.
"""

import datetime
import re

import pytest

from catalog.domain.vocabulary import MARKER_RE, marker_numbers, strip_markers
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    Outlet,
    Person,
    Reference,
    Review,
    Section,
    citations_in,
)
from tests.seed import (
    ARTICLE_LINES,
    ARTICLE_TEXT,
    CITED,
    COVER_ARTISTS,
    GUEST_CAST,
    MAIN_CAST,
    ONLY_MENTIONED,
    RECURRING_CAST,
)

pytestmark = pytest.mark.django_db


def is_sentence_of_article(text):
    """True if `text` stands in the article as a whole sentence (or a paragraph's sentences)."""
    if not re.search(r"[.!?][\"”]?$", text):
        return False
    for match in re.finditer(re.escape(text), ARTICLE_TEXT):
        before = ARTICLE_TEXT[: match.start()]
        if before == "" or before.endswith("\n") or re.search(r"[.!?][\"”]? $", before):
            return True
    return False


def cast_of(billing):
    return [
        (credit.person.name, credit.character)
        for credit in Credit.objects.filter(billing=billing)
        .select_related("person")
        .order_by("order", "id")
    ]


def aggregates_of(season):
    return season.reviews.filter(kind=Review.Kind.AGGREGATE)


def critic_reviews_of(season):
    return season.reviews.filter(kind=Review.Kind.CRITIC)


def event_from(source_words, date, precision):
    return Event.objects.get(source__contains=source_words, date=date, date_precision=precision)


# Season ------------------------------------------------------------------------------------


def test_season_belongs_to_the_series_jessica_jones_as_its_second_season(season):
    assert season.series.name == "Jessica Jones"
    assert season.number == 2
    assert season.title == "Jessica Jones season 2"
    assert season.slug == "jessica-jones-season-2"


def test_season_lead_keeps_its_three_paragraphs_in_order(season):
    paragraphs = season.lead_paragraphs

    assert len(paragraphs) == 3
    assert paragraphs[0].startswith(
        "The second season of the American television series Jessica Jones, which is based on"
    )
    assert paragraphs[1].startswith("Krysten Ritter stars as Jones, with Rachael Taylor,")
    assert paragraphs[2].startswith("The season was released on Netflix on March 8, 2018.")
    assert paragraphs[2].endswith("A third season of Jessica Jones was ordered on April 12, 2018.")


def test_season_lead_paragraphs_are_the_articles_own_words(season):
    assert len(season.lead_paragraphs) == 3
    for paragraph in season.lead_paragraphs:
        assert paragraph in ARTICLE_LINES


def test_season_infobox_values_are_typed_on_the_season(season):
    assert season.background_color == "#412304"
    assert season.network == "Netflix"
    assert season.episode_count == 13
    assert season.release_date == datetime.date(2018, 3, 8)
    assert season.episode_list_title == "List of Jessica Jones episodes"


def test_season_infobox_keeps_no_line_for_what_the_season_types_or_credits(season):
    """Every key of the seed's infobox is a season field or credits: each is kept there only."""
    assert list(season.infobox_fields.all()) == []


def test_season_sections_follow_the_article_order_with_their_heading_levels(season):
    sections = [(section.title, section.level) for section in season.sections.order_by("position")]

    assert sections == [
        ("Episodes", 2),
        ("Cast and characters", 2),
        ("Main", 3),
        ("Recurring", 3),
        ("Notable guests", 3),
        ("Production", 2),
        ("Development", 3),
        ("Writing", 3),
        ("Casting", 3),
        ("Filming", 3),
        ("Music", 3),
        ("Marvel Cinematic Universe tie-ins", 3),
        ("Marketing", 2),
        ("Release", 2),
        ("Reception", 2),
        ("Critical response", 3),
        ("Accolades", 3),
    ]


@pytest.mark.parametrize(
    ("title", "openings"),
    [
        ("Development", ["In January 2015, Netflix COO Ted Sarandos stated"]),
        (
            "Writing",
            [
                "Rosenberg and the season's writers were halfway through",
                'Rosenberg wanted to "continue with [the Jessica Jones] character"',
                'Rosenberg also hoped to "further expand on the ensemble',
                "After much of the first season was taken from the Alias comic book,",
            ],
        ),
        (
            "Casting",
            [
                "After the season was ordered, several main cast members revealed",
                "In August 2017, David Tennant was confirmed",
            ],
        ),
        (
            "Filming",
            [
                "Filming began the week of April 3, 2017 in New York City,",
                "Approaching the second season, Rosenberg wanted to increase",
            ],
        ),
        (
            "Music",
            [
                "A soundtrack album for the season was released by Hollywood Records",
                "All music composed by Sean Callery.",
            ],
        ),
        (
            "Marvel Cinematic Universe tie-ins",
            ["The season makes several references to the events of Captain America: Civil War,"],
        ),
        ("Marketing", ["In December 2017, a teaser trailer for the season was released,"]),
        ("Release", ["The second season of Jessica Jones was released on March 8, 2018,"]),
        (
            "Critical response",
            [
                "On review aggregator Rotten Tomatoes, the season has an approval rating of 82%",
                "In her review of the first five episodes of the season, Allison Keene",
                "Digital Spys Jo Berry said in her review,",
                "Conversely, Susana Polo from Polygon was left disappointed",
            ],
        ),
    ],
)
def test_section_body_holds_its_prose_paragraphs_in_order(season, title, openings):
    paragraphs = season.sections.get(title=title).paragraphs

    assert len(paragraphs) == len(openings)
    for paragraph, opening in zip(paragraphs, openings, strict=True):
        assert paragraph.startswith(opening)


def test_music_section_holds_both_of_its_paragraphs_whole(season):
    assert season.sections.get(title="Music").paragraphs == [
        "A soundtrack album for the season was released by Hollywood Records and Marvel Music "
        "digitally on March 16, 2018, featuring selections of the original score for the season "
        'composed by Sean Callery, as well as the original song "I Want Your Cray Cray".',
        "All music composed by Sean Callery.",
    ]


def test_section_paragraphs_are_the_articles_own_lines_with_the_citation_markers(season):
    sections = list(season.sections.all())

    # Not every section has prose (a list, a table), but the article's sections hold 18
    # paragraphs between them.
    assert len(sections) == 17
    assert sum(len(section.paragraphs) for section in sections) == 18
    for section in sections:
        for paragraph in section.paragraphs:
            assert strip_markers(paragraph) in ARTICLE_LINES, (section.title, paragraph[:60])


def test_section_bodies_carry_no_leftover_wiki_markup(season):
    """The transclusion stub and the accolades wikitable tail are not prose."""
    bodies = list(Section.objects.filter(season=season).values_list("body", flat=True))

    assert len(bodies) == 17
    for body in bodies:
        for markup in ("<onlyinclude>", "</onlyinclude>", "|-", "|}", 'scope="row"', "data-sort"):
            assert markup not in body


# Cast ---------------------------------------------------------------------------------------


def test_main_cast_is_the_eight_main_list_items_in_billing_order(season):
    assert cast_of(Credit.Billing.MAIN) == MAIN_CAST


def test_recurring_cast_is_the_eight_recurring_list_items_in_billing_order(season):
    assert cast_of(Credit.Billing.RECURRING) == RECURRING_CAST


def test_guest_cast_is_the_six_notable_guest_list_items_in_billing_order(season):
    assert cast_of(Credit.Billing.GUEST) == GUEST_CAST


def test_cast_credits_are_exactly_the_twenty_two_list_items(season):
    assert season.credits.cast().count() == 22


def test_cast_credits_are_for_the_season_as_a_whole_not_an_episode(season):
    assert not season.credits.cast().filter(episode__isnull=False).exists()


def test_the_main_cast_credits_are_the_infobox_starring_list_in_order(season):
    [line] = [line for line in ARTICLE_LINES if line.startswith("- Starring: ")]
    starring = line.removeprefix("- Starring: ").split(", ")

    assert cast_of(Credit.Billing.MAIN) == [(name, dict(MAIN_CAST)[name]) for name in starring]


def test_each_cast_credit_source_is_its_list_line(season):
    """The source is the article's line, bullet and all, as infobox sources are."""
    credits = list(season.credits.cast().select_related("person"))

    assert len(credits) == len(MAIN_CAST) + len(RECURRING_CAST) + len(GUEST_CAST)
    for credit in credits:
        assert credit.source == f"- {credit.person.name} as {credit.character}"
        assert credit.source in ARTICLE_LINES


# Crew ---------------------------------------------------------------------------------------


def crew_names(season, job):
    return list(
        season.credits.crew()
        .filter(job=job)
        .order_by("order", "id")
        .values_list("person__name", flat=True)
    )


def test_the_showrunner_is_melissa_rosenberg(season):
    assert crew_names(season, "showrunner") == ["Melissa Rosenberg"]


def test_raelle_tucker_joined_as_executive_producer_and_writer(season):
    credits = season.credits.crew().filter(person__name="Raelle Tucker")

    assert sorted(credits.values_list("job", flat=True)) == ["executive producer", "writer"]
    for credit in credits:
        assert credit.source.startswith("Raelle Tucker joined the season as an executive producer")


def test_sean_callery_is_the_composer_of_the_score(season):
    assert crew_names(season, "composer") == ["Sean Callery"]
    credit = season.credits.crew().get(job="composer")
    assert "composed by Sean Callery" in credit.source


def test_david_mack_is_credited_as_the_artist_of_oscars_paintings(season):
    credit = season.credits.crew().get(person__name="David Mack")

    assert credit.job == "artist"
    assert "Oscar's paintings" in credit.note
    assert credit.episode is None


def test_thirteen_cover_artists_one_per_episode_in_the_articles_order(season):
    credits = (
        season.credits.crew()
        .filter(job="cover artist")
        .select_related("person", "episode")
        .order_by("episode__number")
    )

    assert [(credit.episode.number, credit.person.name) for credit in credits] == list(
        enumerate(COVER_ARTISTS, start=1)
    )


def test_cover_artist_credits_belong_to_this_seasons_episodes(season):
    credits = list(season.credits.filter(job="cover artist").select_related("episode"))

    assert len(credits) == len(COVER_ARTISTS)
    for credit in credits:
        assert credit.episode.season_id == season.pk


@pytest.mark.parametrize("name", ONLY_MENTIONED)
def test_a_person_only_mentioned_gets_no_credit(season, name):
    assert not season.credits.filter(person__name=name).exists()


@pytest.mark.parametrize("name", ONLY_MENTIONED)
def test_a_person_only_mentioned_gets_no_person_row(season, name):
    assert not Person.objects.filter(name=name).exists()


# Episodes -----------------------------------------------------------------------------------


def test_the_season_has_thirteen_episodes_numbered_one_to_thirteen(season):
    numbers = list(season.episodes.order_by("number").values_list("number", flat=True))

    assert numbers == list(range(1, 14))


def test_episode_titles_stay_blank_for_editors(season):
    assert set(Episode.objects.filter(season=season).values_list("title", flat=True)) == {""}


# Reviews ------------------------------------------------------------------------------------


def test_rotten_tomatoes_aggregate(season):
    review = aggregates_of(season).get(outlet__name="Rotten Tomatoes")

    assert review.critic is None
    assert review.rating_text == "82%"
    assert review.score == 82
    assert review.average_rating == "7.00/10"
    assert review.sample_size == 89
    assert review.consensus == (
        "While Jessica Jones is a slower burn with less focus than its inaugural season, its "
        "enticing new character arc more fully details the most charismatic Defender."
    )


def test_metacritic_aggregate(season):
    review = aggregates_of(season).get(outlet__name="Metacritic")

    assert review.critic is None
    assert review.score == 70
    assert review.sample_size == 19
    assert review.consensus == "generally favorable"


def test_the_aggregators_are_rotten_tomatoes_and_metacritic(season):
    outlets = aggregates_of(season).values_list("outlet__name", flat=True)

    assert sorted(outlets) == ["Metacritic", "Rotten Tomatoes"]
    assert set(Outlet.objects.filter(is_aggregator=True).values_list("name", flat=True)) == {
        "Metacritic",
        "Rotten Tomatoes",
    }


@pytest.mark.parametrize(
    ("outlet", "critic", "rating_text", "score", "sentiment"),
    [
        ("Collider", "Allison Keene", "4 out of 5 stars", 80, "positive"),
        # A letter grade becomes a score on Metacritic's scale: a B is 75.
        ("IndieWire", "Liz Shannon Miller", "B", 75, "positive"),
        # No rating is given for these three: none is invented.
        ("Digital Spy", "Jo Berry", "", None, "positive"),
        ("The Washington Post", "David Betancourt", "", None, "mixed"),
        ("Polygon", "Susana Polo", "", None, "negative"),
    ],
)
def test_critic_review(season, outlet, critic, rating_text, score, sentiment):
    review = critic_reviews_of(season).get(outlet__name=outlet)

    assert review.critic.name == critic
    assert review.rating_text == rating_text
    assert review.score == score
    assert review.sentiment == sentiment


def test_the_critic_reviews_are_the_five_the_article_describes_in_its_order(season):
    reviews = critic_reviews_of(season).order_by("order", "id")

    assert [(review.outlet.name, review.critic.name) for review in reviews] == [
        ("Collider", "Allison Keene"),
        ("IndieWire", "Liz Shannon Miller"),
        ("Digital Spy", "Jo Berry"),
        ("The Washington Post", "David Betancourt"),
        ("Polygon", "Susana Polo"),
    ]


def test_keenes_review_covers_the_first_five_episodes(season):
    review = critic_reviews_of(season).get(critic__name="Allison Keene")

    assert review.scope == "first five episodes"


@pytest.mark.parametrize("critic", ["Jo Berry", "David Betancourt"])
def test_a_review_that_does_not_say_which_episodes_it_covers_has_a_blank_scope(season, critic):
    assert critic_reviews_of(season).get(critic__name=critic).scope == ""


def test_outlets_whose_apostrophe_the_article_dropped_keep_their_real_names(season):
    """The article writes "Digital Spys Jo Berry" and "The Washington Posts David Betancourt"."""
    assert Outlet.objects.filter(name="Digital Spy").exists()
    assert Outlet.objects.filter(name="The Washington Post").exists()
    assert not Outlet.objects.filter(name__in=["Digital Spys", "The Washington Posts"]).exists()
    assert not Person.objects.filter(name__startswith="Spys").exists()
    assert not Person.objects.filter(name__startswith="Posts").exists()


def test_critic_excerpts_are_words_quoted_in_the_article(season):
    reviews = list(critic_reviews_of(season).select_related("critic"))

    assert len(reviews) == 5
    for review in reviews:
        assert review.excerpt, review.critic.name
        assert f'"{review.excerpt}' in ARTICLE_TEXT, review.critic.name


def test_review_sources_are_sentences_of_the_article(season):
    reviews = list(Review.objects.filter(season=season))

    assert len(reviews) == 7  # five critics' and the two aggregators'
    for review in reviews:
        assert is_sentence_of_article(review.source), review.source


# Events -------------------------------------------------------------------------------------


def test_august_2016_is_stored_as_the_month_not_its_first_day(season):
    event = event_from("by August 2016", datetime.date(2016, 8, 1), Event.Precision.MONTH)

    assert event.kind == Event.Kind.WRITING
    assert event.date_display == "August 2016"
    assert not season.events.filter(
        date=datetime.date(2016, 8, 1), date_precision=Event.Precision.DAY
    ).exists()


def test_filming_start_on_april_3_2017_is_a_day(season):
    event = event_from("Filming began the week of April 3, 2017", datetime.date(2017, 4, 3), "day")

    assert event.kind == Event.Kind.FILMING
    assert event.date_display == "April 3, 2017"


def test_on_march_16_in_the_release_paragraph_takes_the_year_2022_from_its_context(season):
    event = event_from("available on Disney+", datetime.date(2022, 3, 16), Event.Precision.DAY)

    assert event.kind == Event.Kind.RELEASE
    assert not season.events.filter(
        source__contains="Disney+", date=datetime.date(2018, 3, 16)
    ).exists()


def test_by_july_in_casting_is_july_2017(season):
    event = event_from("By July, Leah Gibson", datetime.date(2017, 7, 1), Event.Precision.MONTH)

    assert event.kind == Event.Kind.CASTING
    assert event.date_display == "July 2017"


def test_the_end_of_production_on_the_defenders_is_not_a_season_event(season):
    """ "This followed the end of production on The Defenders in March": that series' date
    (March 2017), not this season's; the sentence's other date, Ritter's, stays."""
    assert not season.events.filter(text__startswith="This followed").exists()
    assert not season.events.filter(
        date=datetime.date(2017, 3, 1), kind=Event.Kind.FILMING
    ).exists()
    event = event_from("end of production on The Defenders", datetime.date(2016, 5, 1), "month")
    assert event.text == (
        "Ritter indicated in May 2016 that the season would film back-to-back with The Defenders."
    )
    assert list(event.people.values_list("name", flat=True)) == ["Krysten Ritter"]


def test_the_defenders_release_in_2017_is_not_a_development_event(season):
    """ "... the season would air after The Defenders released in 2017": a date about The
    Defenders, which the sentence does not make the season's."""
    assert not season.events.filter(source__contains="The Defenders released in 2017").exists()
    assert not season.events.filter(kind=Event.Kind.DEVELOPMENT, date__year=2017).exists()


def test_by_the_end_of_2022_is_a_year(season):
    event = event_from("by the end of 2022", datetime.date(2022, 1, 1), Event.Precision.YEAR)

    assert event.kind == Event.Kind.RELEASE
    assert event.date_display == "2022"


def test_the_soundtrack_release_is_a_music_event(season):
    event = event_from("A soundtrack album", datetime.date(2018, 3, 16), Event.Precision.DAY)

    assert event.kind == Event.Kind.MUSIC


def test_the_trailer_on_february_7_2018_is_a_marketing_event(season):
    event = event_from("A trailer was released", datetime.date(2018, 2, 7), Event.Precision.DAY)

    assert event.kind == Event.Kind.MARKETING


def test_the_third_season_order_on_april_12_2018_is_a_development_event(season):
    event = event_from("A third season", datetime.date(2018, 4, 12), Event.Precision.DAY)

    assert event.kind == Event.Kind.DEVELOPMENT


def test_a_year_quoted_in_a_review_is_not_an_event(season):
    """Polo's "never let go in 2015" is a critic's words, not a fact of the timeline."""
    assert not season.events.filter(source__contains="never let go in 2015").exists()
    assert not season.events.filter(date__year=2015, date_precision=Event.Precision.YEAR).exists()


def test_every_event_source_is_a_sentence_of_the_article(season):
    events = list(season.events.all())

    assert len(events) == 23
    for event in events:
        assert is_sentence_of_article(event.source), event.source


def test_every_event_text_reads_on_its_own_and_is_drawn_from_its_source(season):
    """A clause of its source sentence, rewritten as a sentence with its subject: "with the
    scripts completed by the end of October 2016" -> "The scripts were completed by ..."."""
    events = list(season.events.all())

    assert len(events) == 23
    for event in events:
        assert event.text[:1].isupper(), event.text
        assert event.text.rstrip('"').endswith("."), event.text
        assert not event.text.lower().startswith(("and ", "with ", "while ", "which ", "ahead "))
        words = [word for word in event.text.rstrip('."').split() if word.islower()]
        changed = [word for word in words if word not in event.source]
        assert len(changed) <= 2, (event.text, changed)


@pytest.mark.parametrize(
    ("source_words", "date", "names"),
    [
        ("In March 2017, J. R. Ramirez", datetime.date(2017, 3, 1), {"J. R. Ramirez"}),
        ("In April 2017, Janet McTeer", datetime.date(2017, 4, 1), {"Janet McTeer"}),
        ("By July, Leah Gibson", datetime.date(2017, 7, 1), {"Leah Gibson"}),
        (
            "In August 2017, David Tennant",
            datetime.date(2017, 8, 1),
            {"David Tennant", "Wil Traval"},
        ),
    ],
)
def test_casting_event_involves_the_people_cast(season, source_words, date, names):
    event = event_from(source_words, date, Event.Precision.MONTH)

    assert names <= set(event.people.values_list("name", flat=True))


def test_the_importer_extracts_twenty_three_events(season):
    """Every date of the season the prose states outside quotations, once:

    Development: January 2015, July 2015, January 17, 2016. Writing: August 2016, October
    2016. Casting: March 2017, July 2017 (Ramirez revealed), April 2017, July 2017 ("By
    July"), August 2017. Filming: April 3, 2017, May 2016, September 14, 2017, October 2016.
    Music: March 16, 2018. Marketing: December 2017, February 7, 2018, March 7, 2018.
    Release: March 8, 2018, March 1, 2022, March 16, 2022, 2022. Lead: April 12, 2018 (the
    third season order), the one lead date that the body does not give; the lead's other
    dates (January 2016, April 2017, September 2017, March 8, 2018) summarise body events and
    are not repeated. The year
    quoted in Polo's review is not a fact of the timeline, nor are The Defenders' dates (its
    release in 2017, its end of production in March 2017).
    """
    periods = sorted((event.date, event.date_precision) for event in season.events.all())

    assert len(periods) == 23
    assert periods == sorted(
        [
            (datetime.date(2015, 1, 1), "month"),
            (datetime.date(2015, 7, 1), "month"),
            (datetime.date(2016, 1, 17), "day"),
            (datetime.date(2016, 8, 1), "month"),
            (datetime.date(2016, 10, 1), "month"),
            (datetime.date(2017, 3, 1), "month"),
            (datetime.date(2017, 7, 1), "month"),
            (datetime.date(2017, 4, 1), "month"),
            (datetime.date(2017, 7, 1), "month"),
            (datetime.date(2017, 8, 1), "month"),
            (datetime.date(2017, 4, 3), "day"),
            (datetime.date(2016, 5, 1), "month"),
            (datetime.date(2017, 9, 14), "day"),
            (datetime.date(2016, 10, 1), "month"),
            (datetime.date(2018, 3, 16), "day"),
            (datetime.date(2017, 12, 1), "month"),
            (datetime.date(2018, 2, 7), "day"),
            (datetime.date(2018, 3, 7), "day"),
            (datetime.date(2018, 3, 8), "day"),
            (datetime.date(2022, 3, 1), "day"),
            (datetime.date(2022, 3, 16), "day"),
            (datetime.date(2022, 1, 1), "year"),
            (datetime.date(2018, 4, 12), "day"),
        ]
    )


# Accolades ----------------------------------------------------------------------------------


def test_the_season_has_one_accolade_the_2018_creative_arts_emmy_nomination(season):
    accolade = Accolade.objects.get(season=season)

    assert accolade.year == 2018
    assert accolade.award == "Primetime Creative Arts Emmy Awards"
    assert (
        accolade.category == "Outstanding Music Composition for a Series (Original Dramatic Score)"
    )


def test_the_accolade_nominee_is_sean_callery_as_a_person(season):
    accolade = Accolade.objects.get(season=season)

    assert accolade.nominee == Person.objects.get(name="Sean Callery")
    assert accolade.nominee_text == "Sean Callery"


def test_the_accolade_result_is_unknown_because_its_cell_is_empty(season):
    assert Accolade.objects.get(season=season).result == Accolade.Result.UNKNOWN


# Citations ----------------------------------------------------------------------------------


def citations_of(season):
    return citations_in(season, list(season.sections.order_by("position")))


@pytest.mark.parametrize(("number", "start", "end", "cited_words", "section"), CITED)
def test_reference_marker_cites_the_right_words(season, number, start, end, cited_words, section):
    body = season.sections.get(title=section).body
    words_before = [
        strip_markers(body[: found.start()])
        for found in MARKER_RE.finditer(body)
        if int(found.group(1)) == number
    ]
    assert [words for words in words_before if words.endswith(cited_words)] != [], words_before
    [citation] = [
        citation
        for citation in citations_of(season)
        if (citation.number, citation.section.title) == (number, section)
        and citation.sentence.endswith(end)
    ]
    if start is not None:
        assert citation.sentence.startswith(start)


def test_the_citations_are_exactly_the_twenty_markers_of_the_citations_file(season):
    texts = [season.lead, *season.sections.values_list("body", flat=True)]
    numbers = [number for text in texts for number in marker_numbers(text)]

    assert sorted(numbers) == sorted(number for number, *_rest in CITED)


def test_each_reference_number_has_one_reference_with_blank_details(season):
    references = Reference.objects.filter(season=season)

    assert sorted(references.values_list("number", flat=True)) == sorted(
        {number for number, *_rest in CITED}
    )
    for reference in references:
        assert reference.title == ""
        assert reference.url == ""
        assert reference.publisher == ""
        assert reference.published is None


def test_each_cited_sentence_is_written_as_the_article_writes_it(season):
    """The citations file keeps apostrophes the article lost; the sentence is the article's."""
    citations = citations_of(season)

    assert len(citations) == len(CITED)
    for citation in citations:
        assert citation.sentence in ARTICLE_TEXT, citation.sentence
