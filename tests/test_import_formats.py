"""The article format as Wikipedia writes it, whatever the country and the genre (issue 23):
titles in every form, the infobox keys of Wikipedia's "Infobox television season" and
"Infobox television" templates, and cast under any heading a season article uses, in lists
and in prose. Each made-up article in tests/articles/ has every fact pinned here."""

import datetime
from pathlib import Path

import pytest

from catalog.domain.vocabulary import (
    INFOBOX_KEYS,
    INFOBOX_LINE_KEYS,
    Billing,
    billing_of_heading,
    heading_role,
    infobox_meaning,
)
from catalog.importer import ArticleError, article_import, parse_article
from catalog.importer.dates import DateProblem, parse_release
from catalog.importer.errors import LineProblem
from catalog.importer.titles import Title, read_title

ARTICLES = Path(__file__).parent / "articles"


def parsed(name):
    path = ARTICLES / name
    return parse_article(path.read_text(), str(path))


def credits_of(article):
    return [(c.person, c.billing, c.character, c.job, c.episode) for c in article.credits]


# --- Titles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "series", "number", "word"),
    [
        ("Jessica Jones season 2", "Jessica Jones", 2, "season"),
        ("Jessica Jones (season 2)", "Jessica Jones", 2, "season"),
        ("Doctor Who series 12", "Doctor Who", 12, "series"),
        ("Doctor Who (series 12)", "Doctor Who", 12, "series"),
        ("Money Heist part 3", "Money Heist", 3, "part"),
        ("The Crown: Season Two", "The Crown", 2, "season"),
        ("Fargo season two", "Fargo", 2, "season"),
        ("Money Heist Part III", "Money Heist", 3, "part"),
        ("The second season of Fargo", "Fargo", 2, "season"),
        ("Fargo (third season)", "Fargo", 3, "season"),
        ("Star Trek: Picard season 3", "Star Trek: Picard", 3, "season"),
        # A country or year telling two shows of one name apart, inside the brackets.
        ("The Ledger (American season 2)", "The Ledger", 2, "season"),
        ("Open House (British series 5)", "Open House", 5, "series"),
        ("Night Desk (U.S. season three)", "Night Desk", 3, "season"),
        ("Harbour (2019 season 1)", "Harbour", 1, "season"),
    ],
)
def test_a_title_gives_the_series_the_number_and_the_season_word(title, series, number, word):
    assert read_title(title) == Title(series, number, word)


@pytest.mark.parametrize(
    ("title", "series"),
    [
        ("Chernobyl (miniseries)", "Chernobyl"),
        ("The Night Of (limited series)", "The Night Of"),
        ("Fleabag (TV series)", "Fleabag"),
        ("The Office (2005 TV series)", "The Office"),
    ],
)
def test_a_title_of_one_work_is_its_only_season(title, series):
    assert read_title(title) == Title(series, 1, "season", numbered=False)


def test_a_whole_show_s_article_of_several_seasons_is_refused_at_its_count():
    text = "= Fleabag (TV series) =\n\nInfobox\n- No. of series: 2\n\nLead.\n"

    with pytest.raises(ArticleError) as refused:
        parse_article(text, "fleabag.txt")

    assert refused.value.line == 4
    assert "a show of 2 seasons, not one season" in refused.value.problem


def test_a_title_with_no_number_is_a_miniseries_when_the_lead_says_so():
    lead = "Mare of Easttown is an American crime drama television miniseries created by A B."

    assert read_title("Mare of Easttown", lead) == Title(
        "Mare of Easttown", 1, "season", numbered=False
    )


def test_an_anthology_season_named_by_its_subtitle_takes_its_number_from_the_lead():
    lead = (
        "The third season of the American horror anthology television series American "
        "Horror Story, subtitled Coven, takes place in New Orleans."
    )

    assert read_title("American Horror Story: Coven", lead) == Title(
        "American Horror Story", 3, "season"
    )


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Jessica Jones", "The second season of the series Jessica Jones follows her."),
        ("Star Trek: Picard", "The first season of Star Trek: Picard follows him."),
        ("Jessica Jones season", ""),
        ("Season 2", ""),
    ],
)
def test_a_title_that_names_no_season_is_refused_with_the_forms_it_may_take(title, lead):
    with pytest.raises(LineProblem) as refused:
        read_title(title, lead)

    assert refused.value.line == 1
    assert "`series 2`, `part 3`" in refused.value.problem
    assert "`= Chernobyl (miniseries) =`" in refused.value.problem


# --- Infobox keys ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "meaning"),
    [
        ("No. of episodes", "field episode_count"),
        ("Original network", "field network"),
        ("Network", "field network"),
        ("Original release", "field release_date"),
        ("Released", "field release_date"),
        ("Release", "field release_date"),
        ("Episode list", "field episode_list_title"),
        ("Created by", "job creator"),
        ("Developed by", "job developer"),
        ("Showrunner(s)", "job showrunner"),
        ("Composer", "job composer"),
        ("Music by", "job composer"),
        ("Theme music composer", "job theme music composer"),
        ("Executive producers", "job executive producer"),
        ("Producers", "job producer"),
        ("Cinematography", "job cinematographer"),
        ("Editors", "job editor"),
        ("Starring", "cast "),
        ("Voices of", "cast "),
        ("Presented by", "cast Presenter"),
        ("Narrated by", "cast Narrator"),
        ("Judges", "cast Judge"),
    ],
)
def test_each_template_key_means_one_field_job_or_cast(key, meaning):
    found = infobox_meaning(key)
    kind = "field" if found.field else "job" if found.job else "cast"
    assert f"{kind} {found.field or found.job or found.role}" == meaning


def test_the_template_keys_kept_as_lines_are_no_field_job_or_cast():
    for key in INFOBOX_LINE_KEYS:
        assert infobox_meaning(key) is None, key
    assert not set(INFOBOX_KEYS) & set(INFOBOX_LINE_KEYS)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2015-01-05", datetime.date(2015, 1, 5), ""),
        ("January 5, 2015", datetime.date(2015, 1, 5), ""),
        ("5 January 2015", datetime.date(2015, 1, 5), ""),
        ("January 5 – February 23, 2015", datetime.date(2015, 1, 5), "February 23, 2015"),
        ("5 January 2015 – 23 February 2015", datetime.date(2015, 1, 5), "23 February 2015"),
        ("5 January – 23 February 2015", datetime.date(2015, 1, 5), "23 February 2015"),
        ("2015-01-05 – 2015-02-23", datetime.date(2015, 1, 5), "2015-02-23"),
        ("12 – 15 March 2021", datetime.date(2021, 3, 12), "15 March 2021"),
        ("January 5, 2015 – present", datetime.date(2015, 1, 5), ""),
    ],
)
def test_a_release_is_its_first_day_and_a_range_keeps_its_last(value, first, last):
    assert parse_release(value) == (first, last)


@pytest.mark.parametrize("value", ["soon", "February 23 – January 5, 2015", "2015-13-01"])
def test_a_release_that_is_no_date_or_ends_before_it_starts_is_refused(value):
    with pytest.raises(DateProblem):
        parse_release(value)


# --- Cast headings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "billing", "role"),
    [
        ("Also starring", Billing.MAIN, ""),
        ("Main voice cast", Billing.MAIN, ""),
        ("Voice cast", Billing.MAIN, ""),
        ("Hosts", Billing.MAIN, "Host"),
        ("Presenters", Billing.MAIN, "Presenter"),
        ("Judges", Billing.MAIN, "Judge"),
        ("Narrator", Billing.MAIN, "Narrator"),
        ("Contestants", Billing.MAIN, "Contestant"),
        ("Supporting cast", Billing.RECURRING, ""),
        ("Guest", Billing.GUEST, ""),
        ("Guest starring", Billing.GUEST, ""),
        ("Special guest", Billing.GUEST, ""),
        ("Special guest stars", Billing.GUEST, ""),
        ("Guest stars", Billing.GUEST, ""),
        ("The season's guest stars", Billing.GUEST, ""),
        ("Guest judges", Billing.GUEST, "Guest judge"),
    ],
)
def test_a_cast_heading_names_its_billing_and_any_role(heading, billing, role):
    assert (billing_of_heading(heading), heading_role(heading)) == (billing, role)


# --- A British "series" article -------------------------------------------------------------


@pytest.fixture(scope="module")
def fenwick():
    return parsed("british-fenwick-marsh-series-2.txt")


def test_a_british_series_article_is_read_in_its_own_word(fenwick):
    assert (fenwick.series, fenwick.number, fenwick.season_word) == ("Fenwick Marsh", 2, "series")
    assert (fenwick.network, fenwick.release_date, fenwick.episode_count) == (
        "ITV",
        datetime.date(2020, 1, 5),
        6,
    )
    assert [(line.key, line.value) for line in fenwick.infobox] == [
        ("Last aired", "9 February 2020"),
        ("Country of origin", "United Kingdom"),
    ]


def test_a_british_series_article_gives_every_credit(fenwick):
    assert credits_of(fenwick) == [
        ("Imogen Pryce", "main", "DI Rose Hale", "", None),
        ("Callum Reid", "main", "DS Tom Ashby", "", None),
        ("Ade Okonjo", "main", "Dr Femi Lawal", "", None),
        # "Guest stars in the series included A as B, C as D and E as F."
        ("Martin Fell", "guest", "Arthur Dunne", "", None),
        ("Sadie Lomax", "guest", "Jenny Dunne", "", None),
        ("Peter Voss", "guest", "Canon Hugh Marlow", "", None),
        # "Also appearing are A (B) and C (D)."
        ("Nell Abbott", "guest", "Kate Ashby", "", None),
        ("Rhodri Evans", "guest", "PC Gareth Bowen", "", None),
        ("Harriet Cole", None, "", "creator", None),
        # "A, who created the programme, returned as writer for every episode of the series."
        ("Harriet Cole", None, "", "writer", None),
        ("Lena Sørensen", None, "", "director", 1),
        ("Lena Sørensen", None, "", "director", 2),
        ("Lena Sørensen", None, "", "director", 3),
        # "..., and Ravi Mistry helmed the remaining three."
        ("Ravi Mistry", None, "", "director", 4),
        ("Ravi Mistry", None, "", "director", 5),
        ("Ravi Mistry", None, "", "director", 6),
        # "The series' director of photography is Owen Blake."
        ("Owen Blake", None, "", "cinematographer", None),
        # "Composer Judith Fairweather returned from the first series, ..."
        ("Judith Fairweather", None, "", "composer", None),
    ]


def test_a_british_series_article_gives_every_review_and_event(fenwick):
    assert [
        (r.outlet, r.critic, r.rating_text, r.score, r.average_rating, r.sample_size)
        for r in fenwick.reviews
    ] == [
        # "Of the 24 reviews collected by Rotten Tomatoes, 88% are positive, ..."
        ("Rotten Tomatoes", None, "88%", 88, "7.6/10", 24),
        ("The Guardian", "Lucy Mangan", "four stars out of five", 80, "", None),
    ]
    assert [(e.date, e.date_precision, e.kind, e.text) for e in fenwick.events] == [
        (datetime.date(2020, 1, 5), "day", "release", "The series premiered on 5 January 2020."),
        (datetime.date(2020, 2, 9), "day", "release", "The series concluded on 9 February 2020."),
        (datetime.date(2018, 3, 1), "month", "development",
         "ITV renewed Fenwick Marsh for a second series in March 2018."),
        (datetime.date(2019, 4, 1), "month", "filming",
         "Filming took place in Norfolk from April to July 2019."),
        (datetime.date(2019, 7, 1), "month", "filming",
         "Filming took place in Norfolk from April to July 2019."),
    ]  # fmt: skip


def test_a_british_series_article_notes_only_the_first_series_composer(fenwick):
    # "... while Marcus Hale scored series 1": another series' job, which credits no one here.
    assert [(n.line, n.kind, n.message) for n in fenwick.notes] == [
        (30, "job", "names a job (scored) but no person could be credited"),
    ]


@pytest.mark.django_db
def test_a_british_series_article_imports_as_read():
    season, _summary = article_import(path=ARTICLES / "british-fenwick-marsh-series-2.txt")

    assert (season.title, season.series.name, season.number) == (
        "Fenwick Marsh series 2",
        "Fenwick Marsh",
        2,
    )
    assert season.slug == "fenwick-marsh-series-2"
    assert season.credits.count() == 18
    # At its place in the box: the release's.
    assert list(season.infobox_fields.values_list("key", "value")) == [
        ("Last aired", "9 February 2020"),
        ("Country of origin", "United Kingdom"),
    ]


# --- An infobox with every template key -----------------------------------------------------


@pytest.fixture(scope="module")
def salt_road():
    return parsed("infobox-the-salt-road-miniseries.txt")


def test_every_infobox_television_key_goes_where_it_means(salt_road):
    assert (salt_road.series, salt_road.number, salt_road.title) == (
        "The Salt Road",
        1,
        "The Salt Road (miniseries)",
    )
    assert (salt_road.network, salt_road.release_date, salt_road.episode_count) == (
        "Channel 4",
        datetime.date(2021, 3, 12),
        4,
    )
    assert [(line.key, line.value) for line in salt_road.infobox] == [
        ("Genre", "Historical drama"),
        ("Based on", "The Salt Road by Miriam Kett"),
        ("Country of origin", "United Kingdom"),
        ("Original language", "English"),
        ("No. of series", "1"),
        ("Running time", "52–58 minutes"),
        ("Production companies", "Kettle Films, Northlight Television"),
        ("Distributor", "ITV Studios"),
        ("Camera setup", "Single-camera"),
        ("Picture format", "HDTV 1080i"),
        ("Last aired", "15 March 2021"),
    ]
    assert credits_of(salt_road) == [
        ("Nadia Farrow", None, "", "creator", None),
        ("Tom Ashdown", None, "", "developer", None),
        ("Nadia Farrow", None, "", "writer", None),
        ("Karel Novák", None, "", "director", None),
        ("Ines Duarte", "main", "", "", None),
        ("Gideon Marsh", "main", "", "", None),
        ("Yara Haddad", "main", "", "", None),
        ("Bill Oduya", "main", "", "", None),  # "Narrated by": the credit notes Narrator
        ("Lior Ben-Ami", None, "", "theme music composer", None),
        ("Clara Voss", None, "", "composer", None),
        ("Nadia Farrow", None, "", "executive producer", None),  # "A; B"
        ("Helen Bright", None, "", "executive producer", None),
        ("Sam Kettle", None, "", "producer", None),  # "A<br>B"
        ("Rosa Lind", None, "", "producer", None),
        ("Piotr Zaleski", None, "", "cinematographer", None),
        ("Ama Owusu", None, "", "editor", None),
        ("Jon Briggs", None, "", "editor", None),
    ]
    assert [(c.person, c.note) for c in salt_road.credits if c.note] == [("Bill Oduya", "Narrator")]
    assert salt_road.notes == []


@pytest.fixture(scope="module")
def great_loom():
    return parsed("infobox-the-great-loom-series-3.txt")


def test_every_infobox_television_season_key_goes_where_it_means(great_loom):
    assert (great_loom.background_color, great_loom.network, great_loom.episode_count) == (
        "#7a3b69",
        "Channel 4",
        8,
    )
    assert great_loom.release_date == datetime.date(2015, 1, 5)
    assert great_loom.episode_list_title == "List of The Great Loom episodes"
    assert [(line.key, line.value) for line in great_loom.infobox] == [
        ("Last aired", "2015-02-23"),
    ]
    assert credits_of(great_loom) == [
        # "== Contestants ==": no character (the credit notes the role, below)
        ("Amira Shah", "main", "", "", None),
        ("Bethan Lloyd", "main", "", "", None),
        ("Colin Pike", "main", "", "", None),
        # "Showrunner(s): A, B"
        ("Dana Kilby", None, "", "showrunner", None),
        ("Marco Reyes", None, "", "showrunner", None),
        # "Presented by: A and B", "Judges: C, D", "Voices of: E"
        ("Fern Archer", "main", "", "", None),
        ("Josh Malik", "main", "", "", None),
        ("Esme Whitlock", "main", "", "", None),
        ("Rahul Desai", "main", "", "", None),
        ("Pip Harlow", "main", "", "", None),
        ("Tom Gale", None, "", "composer", None),
    ]
    # A judge, a host or a contestant plays no character: the credit notes the role the
    # heading or the key gives, with what the list item adds.
    assert [(c.person, c.note) for c in great_loom.credits if c.note] == [
        ("Amira Shah", "Contestant (winner)"),
        ("Bethan Lloyd", "Contestant (runner-up)"),
        ("Colin Pike", "Contestant"),
        ("Fern Archer", "Presenter"),
        ("Josh Malik", "Presenter"),
        ("Esme Whitlock", "Judge"),
        ("Rahul Desai", "Judge"),
    ]
    assert great_loom.notes == []


@pytest.mark.django_db
def test_an_infobox_of_every_key_imports_as_read():
    season, _summary = article_import(path=ARTICLES / "infobox-the-salt-road-miniseries.txt")

    assert (season.number, season.release_date, season.episodes.count()) == (
        1,
        datetime.date(2021, 3, 12),
        4,
    )
    assert season.credits.filter(job="developer").get().person.name == "Tom Ashdown"
    assert season.infobox_fields.count() == 11


def test_an_unreadable_release_is_refused_at_its_line(tmp_path):
    text = (ARTICLES / "infobox-the-great-loom-series-3.txt").read_text()
    text = text.replace("2015-01-05 – 2015-02-23", "early 2015")

    with pytest.raises(ArticleError) as refused:
        parse_article(text, "loom.txt")

    assert refused.value.line == 12
    assert "'early 2015' is not a date" in refused.value.problem


# --- Cast in prose ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lanterns():
    return parsed("cast-paper-lanterns-season-two.txt")


def test_cast_in_lists_and_prose_is_credited_in_billing_order(lanterns):
    assert (lanterns.series, lanterns.number) == ("Paper Lanterns", 2)
    assert credits_of(lanterns)[:11] == [
        ("Amy Tran", "main", "Pip", "", None),  # "as Pip: a girl who ..."
        ("Luis Ortega", "main", "Captain Moss", "", None),  # "as Captain Moss, a retired ..."
        ("Beth Ward", "main", "Granny Fern", "", None),
        # "Recurring voices include A as B, C as D and E as F."
        ("Ken Ito", "recurring", "Professor Ash", "", None),
        ("Maya Lin", "recurring", "Queen Selene", "", None),
        ("Omar Said", "recurring", "Gill", "", None),
        ("Rhea Banks", "guest", "Tilly", "", None),
        ("Hugo Lamb", "guest", "Himself", "", None),
        ("Kate Ng", "guest", "Dr. Vera Quist", "", None),
        ("Tomas Berg", "guest", "Old Reed", "", None),
        ("Lia Fox", "guest", "Miss Pennywhistle", "", None),
    ]


def test_crew_shapes_of_the_prose_cast_article(lanterns):
    assert [
        (person, job, episode) for person, _b, _c, job, episode in credits_of(lanterns)[11:]
    ] == [
        ("Dana Kilby", "showrunner", None),
        # "A and B wrote the premiere, and C was hired to write the finale."
        ("Dana Kilby", "writer", 1),
        ("Marco Reyes", "writer", 1),
        ("Lena Park", "writer", 8),
        ("Ines Cole", "composer", None),  # "A served as the season's composer."
        # "Reyes served as co-showrunner for the last four episodes."
        ("Marco Reyes", "showrunner", 5),
        ("Marco Reyes", "showrunner", 6),
        ("Marco Reyes", "showrunner", 7),
        ("Marco Reyes", "showrunner", 8),
        # "A directed episodes one through four, while the fifth and sixth episodes were
        # directed by B. Storyboard artist C helmed the last two episodes."
        ("Tim Osei", "director", 1),
        ("Tim Osei", "director", 2),
        ("Tim Osei", "director", 3),
        ("Tim Osei", "director", 4),
        ("Ana Ruiz", "director", 5),
        ("Ana Ruiz", "director", 6),
        ("Ben Hart", "director", 7),
        ("Ben Hart", "director", 8),
        ("Jo Webb", "editor", None),  # "The season's editor is A."
    ]


def test_the_prose_cast_article_gives_its_review_and_event_and_no_note(lanterns):
    assert [
        (r.outlet, r.rating_text, r.score, r.average_rating, r.sample_size)
        for r in lanterns.reviews
    ] == [
        # "based on 15 reviews, 93% of which were positive"
        ("Rotten Tomatoes", "93%", 93, "8.1/10", 15),
    ]
    assert [(e.date, e.kind) for e in lanterns.events] == [(datetime.date(2015, 1, 5), "release")]
    assert [(line.key, line.value) for line in lanterns.infobox] == [
        ("Last aired", "February 23, 2015"),
    ]
    assert lanterns.notes == []


# --- Crew shapes, one sentence each ----------------------------------------------------------


def read_sentence(sentence):
    """The credits (person, job, episode, note) and notes of one sentence in a season 2 article
    of ten episodes."""
    text = (
        f"= Probe season 2 =\n\nInfobox\n- No. of episodes: 10\n\nLead.\n\n== Crew ==\n{sentence}\n"
    )
    article = parse_article(text)
    credits = [(c.person, c.job, c.episode, c.note) for c in article.credits]
    return credits, [n.message for n in article.notes]


A, B = "Ann Lee", "Bo Chen"


@pytest.mark.parametrize(
    ("sentence", "credits"),
    [
        ("Ann Lee and Bo Chen wrote the premiere.", [(A, "writer", 1, ""), (B, "writer", 1, "")]),
        ("Ann Lee was hired to write the finale.", [(A, "writer", 10, "")]),
        ("Ann Lee served as composer.", [(A, "composer", None, "")]),
        ("Ann Lee helmed the first two episodes.",
         [(A, "director", 1, ""), (A, "director", 2, "")]),
        ("Ann Lee directed episodes one through three.",
         [(A, "director", 1, ""), (A, "director", 2, ""), (A, "director", 3, "")]),
        ("The fifth and sixth episodes were directed by Ann Lee.",
         [(A, "director", 5, ""), (A, "director", 6, "")]),
        ("The season's composer is Ann Lee.", [(A, "composer", None, "")]),
        ("Cinematographer Ann Lee returned for the season.", [(A, "cinematographer", None, "")]),
        ("Ann Lee took over as showrunner from Bo Chen.", [(A, "showrunner", None, "")]),
        ("Ann Lee replaced Bo Chen as showrunner.", [(A, "showrunner", None, "")]),
        ("Ann Lee, the series creator, wrote the finale.",
         [(A, "writer", 10, ""), (A, "creator", None, "")]),
        ("Ann Lee wrote and directed the finale.",
         [(A, "writer", 10, ""), (A, "director", 10, "")]),
        ("The season's showrunner, Ann Lee, wrote the premiere.",
         [(A, "writer", 1, ""), (A, "showrunner", None, "")]),
        ("Ann Lee, the showrunner, said the season would be darker.",
         [(A, "showrunner", None, "")]),
        ("Ann Lee was announced as showrunner in March 2019.", [(A, "showrunner", None, "")]),
        ("In March 2019, Ann Lee was named showrunner of the season.",
         [(A, "showrunner", None, "")]),
        ("Ann Lee remained as showrunner for the season.", [(A, "showrunner", None, "")]),
        ("Ann Lee stayed on as showrunner.", [(A, "showrunner", None, "")]),
        ("Ann Lee directed the first and last episodes.",
         [(A, "director", 1, ""), (A, "director", 10, "")]),
        ("Both Ann Lee and Bo Chen directed two episodes each.",
         [(A, "director", None, "two episodes"), (B, "director", None, "two episodes")]),
        # a count of episodes that says not which: the season's credit, noted with the count
        ("Ann Lee directed four episodes of the season.",
         [(A, "director", None, "four episodes")]),
        ("Ann Lee served as director for three episodes.",
         [(A, "director", None, "three episodes")]),
    ],
)  # fmt: skip
def test_a_crew_shape_credits_its_people_and_notes_nothing(sentence, credits):
    assert read_sentence(sentence) == (credits, [])


def read_under(heading, sentence):
    """The cast credits (person, billing, character) and aggregator results of one sentence
    under `heading`."""
    text = "= Probe series 2 =\n\nInfobox\n- No. of episodes: 10\n\nLead.\n\n"
    text += f"== {heading} ==\n{sentence}\n"
    article = parse_article(text)
    cast = [(c.person, c.billing, c.character) for c in article.credits]
    results = [(r.outlet, r.score, r.sample_size, r.average_rating) for r in article.reviews]
    return cast + results, [n.message for n in article.notes]


@pytest.mark.parametrize(
    ("heading", "sentence", "read"),
    [
        ("Guest", "Ann Lee as Jo Park, Bo Chen as Max Reyes, and Cy Dunn as the Narrator.",
         [(A, "guest", "Jo Park"), (B, "guest", "Max Reyes"),
          ("Cy Dunn", "guest", "the Narrator")]),  # as written, as the lists keep it
        ("Recurring", "Ann Lee plays Jo Park, a detective, and Bo Chen portrays Max Reyes.",
         [(A, "recurring", "Jo Park"), (B, "recurring", "Max Reyes")]),
        ("Special guest stars",
         "The series features appearances from Ann Lee (as herself) and Bo Chen (Max).",
         [(A, "guest", "Herself"), (B, "guest", "Max")]),
        ("Cast and characters",
         "Notable guest stars include Ann Lee, who played Jo Park, and Bo Chen.",
         [(A, "guest", "Jo Park"), (B, "guest", "")]),
        ("Guest", "Guest stars include Ann Lee, Bo Chen and Cy Dunn.",
         [(A, "guest", ""), (B, "guest", ""), ("Cy Dunn", "guest", "")]),
        ("Cast and characters",
         "The season features guest appearances from Ann Lee and Bo Chen (as Max).",
         [(A, "guest", ""), (B, "guest", "Max")]),
        ("Cast and characters", "Also starring are Ann Lee as Jo and Bo Chen as Max.",
         [(A, "main", "Jo"), (B, "main", "Max")]),
        ("Critical response",
         "Of the 45 reviews collected by Rotten Tomatoes, 91% are positive, with an average "
         "rating of 7.8/10.", [("Rotten Tomatoes", 91, 45, "7.8/10")]),
        ("Critical response",
         "Rotten Tomatoes collected 45 reviews, 91% of which were positive.",
         [("Rotten Tomatoes", 91, 45, "")]),
        ("Critical response",
         "On Rotten Tomatoes, based on 45 reviews, 91% of which were positive, the season has "
         "an average of 7.8/10.", [("Rotten Tomatoes", 91, 45, "7.8/10")]),
        ("Critical response",
         "Rotten Tomatoes reports that 91% of 45 critical reviews are positive.",
         [("Rotten Tomatoes", 91, 45, "")]),
        ("Critical response",
         "Of 45 critics surveyed by Rotten Tomatoes, 91% gave the series a positive review.",
         [("Rotten Tomatoes", 91, 45, "")]),
    ],
)  # fmt: skip
def test_cast_in_prose_and_aggregates_from_the_reviews_side(heading, sentence, read):
    assert read_under(heading, sentence) == (read, [])


@pytest.mark.parametrize(
    ("heading", "sentence", "read"),
    [
        # Words between the person and "as": a verb with what it adds, a relative clause,
        # a participle, an apposition; an alias in brackets stays with the character.
        ("Guest", "Cy Dunn returns in flashbacks as Pia Ros (Lima), a courier.",
         [("Cy Dunn", "guest", "Pia Ros (Lima)")]),
        ("Guest", "Ann Lee appears in the second episode as the ferryman who rows Jo across.",
         [(A, "guest", "the ferryman")]),
        ("Guest", "Bo Chen, who starred in the first series, guest stars as the Warden.",
         [(B, "guest", "the Warden")]),
        ("Cast and characters",
         "Among the guest stars were Ann Lee, reprising her role as the florist Jo Park; and "
         "Bo Chen, Lee's real-life husband, as the mayor.",
         [(A, "guest", "Jo Park"), (B, "guest", "the mayor")]),
        # A description before the name is no part of the character; "the voice of" neither.
        ("Recurring", "Ann Lee appears as Tom's estranged aunt Rita Varga.",
         [(A, "recurring", "Rita Varga")]),
        ("Main", "The series stars Bo Chen as harbour master Max Reyes.",
         [(B, "main", "Max Reyes")]),
        ("Recurring", "Cy Dunn appears as the voice of Kip.", [("Cy Dunn", "recurring", "Kip")]),
        # Several people playing as many characters, in turn; a shared surname.
        ("Recurring", "Ann Lee and Bo Chen also recur as Tom and Kit Varga, the twins.",
         [(A, "recurring", "Tom Varga"), (B, "recurring", "Kit Varga")]),
        ("Recurring", "Ann Lee and Bo Chen play Jo Park and Max Reyes.",
         [(A, "recurring", "Jo Park"), (B, "recurring", "Max Reyes")]),
        # A character played by the people after it.
        ("Recurring",
         "Jo Park is portrayed by Ann Lee in 1990 and by Bo Chen in 2020, while the teenage "
         "Max and Lu Reyes are played by Cy Dunn and Di Moss respectively.",
         [(A, "recurring", "Jo Park"), (B, "recurring", "Jo Park"),
          ("Cy Dunn", "recurring", "Max"), ("Di Moss", "recurring", "Lu Reyes")]),
        # The sentence's billing words over the heading's, not a relative clause's.
        ("Recurring", "Ann Lee guest stars as Jo Park, and Bo Chen appears as Max Reyes.",
         [(A, "guest", "Jo Park"), (B, "guest", "Max Reyes")]),
        ("Recurring",
         "Among the guest performers, Ann Lee appears as Jo Park, and Bo Chen plays Max Reyes.",
         [(A, "guest", "Jo Park"), (B, "guest", "Max Reyes")]),
        ("Guest", "Ann Lee, who starred in the first series, returns as Jo Park.",
         [(A, "guest", "Jo Park")]),
        ("Main", "The series stars Ann Lee as Jo Park, with guest appearances from Bo Chen.",
         [(A, "main", "Jo Park"), (B, "guest", "")]),
        ("Main", "Ann Lee was cast as Jo Park in March 2020, and Bo Chen co-stars as Max.",
         [(A, "main", "Jo Park"), (B, "main", "Max")]),
        ("Recurring", "Bo Chen joined the cast as Max Reyes, the mayor's son.",
         [(B, "recurring", "Max Reyes")]),
        ("Guest", "Notable guests include Ann Lee as herself and Bo Chen as a waiter.",
         [(A, "guest", "Herself"), (B, "guest", "a waiter")]),
        ("Guest", "Guest stars include Ann Lee as Jo Park, Bo Chen and Cy Dunn.",
         [(A, "guest", "Jo Park"), (B, "guest", ""), ("Cy Dunn", "guest", "")]),
        # No character's name before "played by": nobody is credited with a description.
        ("Recurring", "The Reyes twins are played by Ann Lee and Bo Chen.", []),
        ("Recurring", "Jo Park's mother is played by Ann Lee.", []),
        ("Recurring", "Ann Lee, Bo Chen and Cy Dunn return as the Park siblings.", []),
        # A heading of a role: its people play no character.
        ("Guest judges", "Ann Lee and Bo Chen appeared as guest judges in the premiere.",
         [(A, "guest", ""), (B, "guest", "")]),
        ("Guest judges", "Ann Lee served as guest judge in the final.", [(A, "guest", "")]),
        ("Guest judges", "Other guest judges included Bo Chen, Kesha and Cy Dunn.",
         [(B, "guest", ""), ("Kesha", "guest", ""), ("Cy Dunn", "guest", "")]),
    ],
)  # fmt: skip
def test_cast_in_prose_with_words_around_the_character(heading, sentence, read):
    assert read_under(heading, sentence) == (read, [])


def test_role_headings_credit_people_who_play_no_character_and_note_their_role():
    text = """= Probe (miniseries) =

Lead.

== Interviewees ==
The series features interviews with many people, including:

- Ann Lee
- Bo Chen

== Contestants ==
- Cy Dunn (Hull) – winner
- Di Moss (Leeds)

=== Special appearances ===
- Ed Hall as the voice of Kip
"""
    article = parse_article(text)

    assert [(c.person, c.billing, c.character, c.note) for c in article.credits] == [
        (A, "main", "", "Interviewee"),
        (B, "main", "", "Interviewee"),
        ("Cy Dunn", "main", "", "Contestant (Hull; winner)"),
        ("Di Moss", "main", "", "Contestant (Leeds)"),
        ("Ed Hall", "guest", "Kip", ""),
    ]


def test_headings_of_one_billing_make_one_list_and_a_role_heading_notes_its_role():
    text = """= Probe season 1 =

Infobox
- Starring: Ann Lee, Bo Chen, Cy Dunn
- Presented by: Di Moss

Lead.

== Cast ==
=== Main ===
- Ann Lee as Jo
- Bo Chen as Max
=== Also starring ===
- Cy Dunn as Pat
=== Judges ===
- Ed Hall
=== Guest ===
- Fi Ray as Lu
"""
    article = parse_article(text)

    # Ed Hall judges: he plays no character, and his credit notes the role.
    assert [(c.person, c.billing, c.order, c.character, c.note) for c in article.credits] == [
        ("Ann Lee", "main", 1, "Jo", ""),
        ("Bo Chen", "main", 2, "Max", ""),
        ("Cy Dunn", "main", 3, "Pat", ""),
        ("Ed Hall", "main", 4, "", "Judge"),
        ("Fi Ray", "guest", 1, "Lu", ""),
        ("Di Moss", "main", 5, "", "Presenter"),
    ]


# --- An episode table, and episodes named by title ------------------------------------------


def test_the_episode_table_gives_titles_and_per_episode_crew_and_the_prose_names_titles():
    article = parsed("episodes-north-shore-season-1.txt")

    assert article.episode_count == 3
    assert article.episode_titles == {1: "Pilot", 2: "The Long Swim", 3: "Ice Out"}
    assert [(c.person, c.job, c.episode) for c in article.credits] == [
        ("Ann Lee", "director", 1),
        ("Cy Dunn", "writer", 1),  # "Cy Dunn & Di Moss"
        ("Di Moss", "writer", 1),
        ("Ed Hall", "director", 2),
        ("Bo Chen", "writer", 2),  # "Teleplay by: Bo Chen; Story by: Cy Dunn"
        ("Cy Dunn", "writer", 2),
        ("Ann Lee", "director", 3),
        ("Di Moss", "writer", 3),
        # '..., and Fay Wu edited "The Long Swim".' (Ann Lee's two are the table's already)
        ("Fay Wu", "editor", 2),
    ]
    assert article.notes == []


@pytest.mark.django_db
def test_an_episode_s_title_is_set_when_it_is_created_and_is_the_editors_after():
    path = ARTICLES / "episodes-north-shore-season-1.txt"
    season, _summary = article_import(path=path)
    assert list(season.episodes.values_list("number", "title")) == [
        (1, "Pilot"),
        (2, "The Long Swim"),
        (3, "Ice Out"),
    ]
    season.episodes.filter(number=1).update(title="Pilot (extended)")

    article_import(path=path)

    assert season.episodes.get(number=1).title == "Pilot (extended)"


def test_a_cast_table_credits_a_row_each_with_the_heading_s_role_and_the_finish():
    text = """= Probe series 3 =

Lead.

== Contestants ==
{| class="wikitable"
! Contestant !! Age !! Occupation !! Hometown !! Result
|-
| [[Dara Quinn]] || 41 || Nurse || Belfast || Winner
|-
| Ezra Bloom[3] || 29 || Teacher || Hull || Runner-up
|-
| colspan="5" | A summary row
|}
"""
    article = parse_article(text)

    assert [(c.person, c.billing, c.order, c.character, c.note) for c in article.credits] == [
        ("Dara Quinn", "main", 1, "", "Contestant (Winner)"),
        ("Ezra Bloom", "main", 2, "", "Contestant (Runner-up)"),
    ]
