"""Crew named in prose: one table of job words (catalog/importer/job_words.py) and a few
sentence shapes over it (catalog/importer/credits.py), and a note for each sentence that names
a job next to a person but credits nobody.

The articles in tests/articles/jobs-*.txt are made up; each sentence-level case below is a
phrasing the importer must read (or must refuse, saying so in a note).
"""

from pathlib import Path

import pytest

from catalog.importer import article_import, parse_article
from catalog.importer.credits import sentence_credits
from catalog.importer.text import NAME_RE
from catalog.models import Credit

ARTICLES = Path(__file__).parent / "articles"
HARBOR_LIGHTS = ARTICLES / "jobs-harbor-lights-season-2.txt"
COPPER_VALLEY = ARTICLES / "jobs-copper-valley-season-3.txt"


def crew(article):
    return [
        (credit.person, credit.job, credit.episode)
        for credit in article.credits
        if credit.department == "crew"
    ]


def notes(article):
    return [(note.line, note.kind, note.text) for note in article.notes]


def sentence_of(path, line, starting):
    """The sentence of the article's line that starts with these words."""
    text = path.read_text().split("\n")[line - 1]
    start = text.index(starting)
    end = text.find(". ", start)
    return text[start : end + 1 if end != -1 else len(text)]


# Two made-up articles: every credit, every note ---------------------------------------------


def test_harbor_lights_credits_every_crew_member_the_article_names():
    article = parse_article(HARBOR_LIGHTS.read_text(), str(HARBOR_LIGHTS))

    assert crew(article) == [
        ("Nora Castell", "showrunner", None),  # infobox; again "serving as", "co-showrunners"
        ("Dev Mistry", "showrunner", None),  # "A and B served as co-showrunners"
        ("Owen Pryce", "consulting producer", None),  # "joined the season as a ... and writer"
        ("Owen Pryce", "writer", None),
        ("Hanna Olsen", "writer", None),  # "A, B, and C wrote the season's episodes"
        ("Marcus Webb", "writer", None),
        ("Leila Farouk", "writer", None),
        ("Ada Quill", "executive producer", None),  # "Creator A returned as an ..."
        ("Dev Mistry", "executive producer", None),  # "A executive produced ... alongside B"
        ("Simone Achebe", "director", 1),  # "was hired to direct the first two episodes"
        ("Simone Achebe", "director", 2),
        ("Felix Grant", "director", 8),  # "with A directing the finale"
        ("Yusuf Demir", "director", 3),  # "directed the third, fourth, fifth and sixth ..."
        ("Yusuf Demir", "director", 4),
        ("Yusuf Demir", "director", 5),
        ("Yusuf Demir", "director", 6),
        ("Carla Benn", "director", 3),
        ("Carla Benn", "director", 4),
        ("Carla Benn", "director", 5),
        ("Carla Benn", "director", 6),
        ("Rosa Lindqvist", "cinematographer", None),  # "served as the season's ..."
        ("Theo Marsh", "cinematographer", 7),  # "hired as director of photography for the
        ("Theo Marsh", "cinematographer", 8),  # last two episodes"
        ("Jonas Weir", "composer", None),  # "A and B composed the score"
        ("Clara Obi", "composer", None),  # again: "The theme music was written by A"
        ("Ann Ruddle", "illustrator", 1),
        ("Bo Perrin", "illustrator", 2),
        ("Cy Haddon", "illustrator", 3),
        ("Di Moreau", "illustrator", 4),
        ("Ed Lannon", "illustrator", 5),
        ("Fi Sorensen", "illustrator", 6),
        ("Gus Tabor", "illustrator", 7),
        ("Hal Okonjo", "illustrator", 8),
    ]


def test_harbor_lights_notes_are_exactly_the_sentences_it_could_not_use():
    article = parse_article(HARBOR_LIGHTS.read_text(), str(HARBOR_LIGHTS))

    assert notes(article) == [
        (29, "job", "Marta Lind, who directed the first season, did not return."),
        (32, "job", "Directing duties went to Pia Holm."),
        (35, "job", "Composer Ines Castillo, who scored The Lantern, was approached but declined."),
        (38, "dropped", sentence_of(HARBOR_LIGHTS, 38, "The illustrators included")),
    ]
    assert [note.message for note in article.notes[:3]] == [
        "names a job (directed) but no person could be credited",
        "names a job (Directing) but no person could be credited",
        "names a job (Composer) but no person could be credited",
    ]
    assert "9 illustrators are listed for 8 episodes" in article.notes[3].message


def test_copper_valley_credits_every_crew_member_the_article_names():
    article = parse_article(COPPER_VALLEY.read_text(), str(COPPER_VALLEY))

    assert crew(article) == [
        ("Mara Ellison", "creator", None),  # infobox; again "The series was created by A"
        ("Mara Ellison", "showrunner", None),  # "Series creator A also served as showrunner
        # for the third season"; again "A, who also served as showrunner"
        ("Mara Ellison", "executive producer", None),  # "A, B, and C executive produced ..."
        ("Paul Dray", "executive producer", None),
        ("Wen Zhao", "executive producer", None),
        ("Sam Okoye", "head writer", None),  # "A was the season's head writer"
        ("Rhea Blum", "writer", None),  # "the season's writers A and B"
        ("Tariq Nasser", "writer", None),
        ("Sam Okoye", "writer", 5),  # "Episodes five and six were co-written by A and B"
        ("Sam Okoye", "writer", 6),
        ("Leo Hart", "writer", 5),
        ("Leo Hart", "writer", 6),
        ("Bianca Ruiz", "director", 1),  # "directed the season premiere and the finale"
        ("Bianca Ruiz", "director", 10),
        ("Leo Hart", "director", 7),  # "directed episodes seven, eight, nine and eleven"
        ("Leo Hart", "director", 8),
        ("Leo Hart", "director", 9),
        ("Kofi Mensah", "editor", None),  # "edited all ten episodes"
        ("Ottilie Park", "costume designer", None),  # "The costumes were designed by A"
        ("Ruben Alves", "production designer", None),  # ", and A was hired as ..."
        ("Juniper Vale", "composer", None),  # "The score was provided by A"; "A's score"
        ("Arlo Finch", "composer", None),  # "additional music by A and B"
        ("Hollis Grey", "composer", None),
    ]


def test_copper_valley_notes_are_exactly_the_sentences_it_could_not_use():
    article = parse_article(COPPER_VALLEY.read_text(), str(COPPER_VALLEY))

    assert notes(article) == [
        (25, "job", "Gil Varro, a writer on the first season, left the series."),
        (28, "dropped", "Leo Hart directed episodes seven, eight, nine and eleven."),
        (28, "job", "The title sequence was created by the studio Elastic North."),
        (31, "job", "Pavel Stroud, who composed the score for Night Harbor, was not involved."),
    ]
    assert article.notes[1].message == (
        "names episode 11 of a season of 10 episodes; the episodes past the last were not credited"
    )


def test_each_prose_credit_keeps_its_sentence_and_paragraph_line():
    article = parse_article(COPPER_VALLEY.read_text(), str(COPPER_VALLEY))
    lines = COPPER_VALLEY.read_text().split("\n")

    prose = [credit for credit in article.credits if not credit.source.startswith("- ")]

    assert prose  # not only infobox and cast lines
    for credit in prose:
        assert credit.source in lines[credit.line - 1]


@pytest.mark.django_db
def test_importing_credits_each_numbered_episode_and_the_season(tmp_path):
    season, _summary = article_import(path=HARBOR_LIGHTS)

    directors = Credit.objects.filter(season=season, job="director").order_by(
        "episode__number", "person__name"
    )
    assert [(c.episode.number, c.person.name) for c in directors] == [
        (1, "Simone Achebe"),
        (2, "Simone Achebe"),
        (3, "Carla Benn"),
        (3, "Yusuf Demir"),
        (4, "Carla Benn"),
        (4, "Yusuf Demir"),
        (5, "Carla Benn"),
        (5, "Yusuf Demir"),
        (6, "Carla Benn"),
        (6, "Yusuf Demir"),
        (8, "Felix Grant"),
    ]
    assert Credit.objects.get(season=season, job="cinematographer", episode=None).person.name == (
        "Rosa Lindqvist"
    )


# One sentence at a time: the phrasings each shape reads ------------------------------------

ARTICLE = """\
= Test Harbour season 2 =

Infobox
{episodes}
The second season of the series Test Harbour.

== Production ==
{sentence}
"""


def read(sentence, episodes=8):
    """(the prose credits of this one sentence as (person, job, episode), its notes as
    (kind, message)) in a made-up season 2 of `episodes` episodes (None: not said)."""
    count = f"- Num Episodes: {episodes}\n" if episodes else "- Network: Test\n"
    article = parse_article(ARTICLE.format(episodes=count, sentence=sentence))
    credits = [c for c in article.credits if c.source == sentence]
    return (
        [(c.person, c.job, c.episode) for c in credits],
        [(note.kind, note.message) for note in article.notes],
    )


PEOPLE_THEN_VERB = [
    ("Alejandro Gómez composed the score.", [("Alejandro Gómez", "composer")]),  # not ASCII
    ("Ann Lee and Bo Chen composed the score.", [("Ann Lee", "composer"), ("Bo Chen", "composer")]),
    (
        "Ann Lee, Bo Chen and Cy Dunn wrote the season's episodes.",
        [("Ann Lee", "writer"), ("Bo Chen", "writer"), ("Cy Dunn", "writer")],
    ),
    (
        "Ann Lee, Bo Chen, and Cy Dunn wrote the season's episodes.",
        [("Ann Lee", "writer"), ("Bo Chen", "writer"), ("Cy Dunn", "writer")],
    ),
    ("Ann Lee scored the season.", [("Ann Lee", "composer")]),
    ("Ann Lee wrote the music for the season.", [("Ann Lee", "composer")]),
    ("Ann Lee provided the music.", [("Ann Lee", "composer")]),
    ("Ann Lee designed the costumes.", [("Ann Lee", "costume designer")]),
    ("Ann Lee created the series.", [("Ann Lee", "creator")]),
    ("Ann Lee executive produced the season.", [("Ann Lee", "executive producer")]),
    ("Ann Lee also edited the season.", [("Ann Lee", "editor")]),
    ("In the end, Ann Lee produced the season.", [("Ann Lee", "producer")]),
    ("Ann Lee was hired to compose the score.", [("Ann Lee", "composer")]),
    ("Ann Lee returned to write the season.", [("Ann Lee", "writer")]),
    (
        "Ann Lee composed the score with Bo Chen.",
        [("Ann Lee", "composer"), ("Bo Chen", "composer")],
    ),
    (
        "Ann Lee executive produced the season alongside Bo Chen and Cy Dunn.",
        [
            ("Ann Lee", "executive producer"),
            ("Bo Chen", "executive producer"),
            ("Cy Dunn", "executive producer"),
        ],
    ),
    ("Ann Lee composed the score with an orchestra.", [("Ann Lee", "composer")]),
    ("Critics praised Ann Lee's score.", [("Ann Lee", "composer")]),
    (
        "Ann Lee and Bo Chen's costumes for the season were praised.",
        [("Ann Lee", "costume designer"), ("Bo Chen", "costume designer")],
    ),
]

VERB_THEN_BY_PEOPLE = [
    (
        "The music was written by Zoë Núñez and Łukasz Żal.",
        [("Zoë Núñez", "composer"), ("Łukasz Żal", "composer")],
    ),
    ("The score was provided by Ann Lee.", [("Ann Lee", "composer")]),
    (
        "The music was written by Ann Lee and Bo Chen.",
        [("Ann Lee", "composer"), ("Bo Chen", "composer")],
    ),
    ("All music composed by Ann Lee.", [("Ann Lee", "composer")]),
    (
        "The season's score, composed by Ann Lee, was released as an album.",
        [("Ann Lee", "composer")],
    ),
    ("The series was created by Ann Lee.", [("Ann Lee", "creator")]),
    ("The costumes were designed by Ann Lee.", [("Ann Lee", "costume designer")]),
    ("The season was directed by Ann Lee.", [("Ann Lee", "director")]),
    ("The season features music by Ann Lee.", [("Ann Lee", "composer")]),
    ("The cinematography was handled by Ann Lee.", [("Ann Lee", "cinematographer")]),
    (
        "The posters in the season were painted by illustrator Ann Lee.",
        [("Ann Lee", "illustrator")],
    ),
]

PEOPLE_AS_ROLE = [
    ("Ann Lee served as showrunner.", [("Ann Lee", "showrunner")]),
    (
        "The network ordered the season in 2020, with Ann Lee as showrunner.",
        [("Ann Lee", "showrunner")],
    ),
    ("The season stars Ann Lee as Jo Park.", []),  # a character is no job
    (
        "Ann Lee served as showrunner alongside Bo Chen.",
        [("Ann Lee", "showrunner"), ("Bo Chen", "showrunner")],
    ),
    (
        "Ann Lee served as the season's showrunner and head writer.",
        [("Ann Lee", "showrunner"), ("Ann Lee", "head writer")],
    ),
    ("Ann Lee was hired as the season's cinematographer.", [("Ann Lee", "cinematographer")]),
    ("Ann Lee joined the series as a supervising producer.", [("Ann Lee", "supervising producer")]),
    ("Ann Lee returned as composer.", [("Ann Lee", "composer")]),
    (
        "Ann Lee and Bo Chen served as co-showrunners.",
        [("Ann Lee", "showrunner"), ("Bo Chen", "showrunner")],
    ),
    ("Ann Lee became the series' director of photography.", [("Ann Lee", "cinematographer")]),
    (
        "The season was produced by Nine Studios, with Ann Lee serving as showrunner.",
        [("Ann Lee", "showrunner")],
    ),
    ("Ann Lee, who also served as showrunner, stayed on.", [("Ann Lee", "showrunner")]),
    ("Ann Lee was the showrunner for the second season.", [("Ann Lee", "showrunner")]),
    ("Series showrunner Ann Lee said the season would be darker.", [("Ann Lee", "showrunner")]),
    (
        "The season's writers Ann Lee and Bo Chen met in March 2020.",
        [("Ann Lee", "writer"), ("Bo Chen", "writer")],
    ),
    (
        "Writers for the season included Ann Lee and Bo Chen.",
        [("Ann Lee", "writer"), ("Bo Chen", "writer")],
    ),
    (
        "The season's directors included Ann Lee, Bo Chen and Cy Dunn.",
        [("Ann Lee", "director"), ("Bo Chen", "director"), ("Cy Dunn", "director")],
    ),
    ("The producers were Marvel Television and Ann Lee.", [("Ann Lee", "producer")]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), PEOPLE_THEN_VERB + VERB_THEN_BY_PEOPLE + PEOPLE_AS_ROLE
)
def test_a_sentence_naming_people_and_their_job_credits_each_for_the_season(sentence, expected):
    credits, notes = read(sentence)

    assert credits == [(person, job, None) for person, job in expected]
    assert notes == []


@pytest.mark.parametrize(
    ("sentence", "episodes"),
    [
        ("Ann Lee directed all eight episodes.", [None]),
        ("Ann Lee directed every episode.", [None]),
        ("Ann Lee directed each of the season's episodes.", [None]),
        ("Ann Lee directed the first two episodes.", [1, 2]),
        ("Ann Lee directed the first episode.", [1]),
        ("Ann Lee directed the last two episodes.", [7, 8]),
        ("Ann Lee directed the final three episodes.", [6, 7, 8]),
        ("Ann Lee directed the pilot.", [1]),
        ("Ann Lee directed the season premiere.", [1]),
        ("Ann Lee directed the finale.", [8]),
        ("Ann Lee directed the premiere and the finale.", [1, 8]),
        ("Ann Lee directed episodes three and five.", [3, 5]),
        ("Ann Lee directed episodes 3, 4 and 5.", [3, 4, 5]),
        ("Ann Lee directed the third and fifth episodes.", [3, 5]),
        ("The first two episodes were directed by Ann Lee.", [1, 2]),
        ("Ann Lee served as director for the last two episodes.", [7, 8]),
    ],
)
def test_episodes_named_exactly_are_credited_one_by_one_else_the_season(sentence, episodes):
    credits, notes = read(sentence)

    assert credits == [("Ann Lee", "director", episode) for episode in episodes]
    assert notes == []


def test_episodes_past_the_seasons_last_are_dropped_with_a_note():
    credits, notes = read("Ann Lee directed episodes seven, eight and nine.")

    assert credits == [("Ann Lee", "director", 7), ("Ann Lee", "director", 8)]
    assert notes == [
        (
            "dropped",
            "names episode 9 of a season of 8 episodes; the episodes past the last were not "
            "credited",
        )
    ]


def test_the_last_episodes_of_a_season_of_unknown_length_credit_nobody_with_a_note():
    credits, notes = read("Ann Lee directed the last two episodes.", episodes=None)

    assert credits == []
    assert notes == [
        (
            "dropped",
            "the season's episode count is unknown, so 'last two episodes' names no episode",
        )
    ]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # Another work, another season: no credit on this one.
        ("Ann Lee, who composed The Lantern's score, returned.", "composed"),
        ("Ann Lee composed the score for The Lantern.", "composed"),
        ("Ann Lee's score for The Lantern was praised.", "score"),
        ("Ann Lee, a writer on the first season, left.", "writer"),
        ("Ann Lee directed the previous season.", "directed"),
        ("The Lantern's showrunner Ann Lee visited the set.", "showrunner"),
        ("Ann Lee served as showrunner on The Lantern.", "showrunner"),
        ("The Lantern writers Ann Lee and Bo Chen met the cast.", "writers"),
        ("The Lantern's writers included Ann Lee and Bo Chen.", "writers"),
        # Phrasings not understood.
        ("Ann Lee wrote a novel.", "wrote"),
        ("Directing duties went to Ann Lee.", "Directing"),
        ("Composer Ann Lee was unavailable.", "Composer"),
        ("The score was composed by a team led by Ann Lee.", "composed"),
    ],
)
def test_a_job_next_to_a_person_that_credits_nobody_is_a_note(sentence, word):
    credits, notes = read(sentence)

    assert credits == []
    assert notes == [("job", f"names a job ({word}) but no person could be credited")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The season was produced by Marvel Television.",  # a company, not a person
        'Ann Lee said "Bo Chen composed the score" in an interview.',  # a quotation
        "Ann Lee was cast as Ruth Okafor.",  # a role in the cast, no job
        "Rosenberg wanted more female directors.",  # nobody named next to the job
        "Ann Lee delivered a speech at the premiere.",  # a light verb alone names no job
    ],
)
def test_a_sentence_naming_no_person_in_a_job_is_neither_a_credit_nor_a_note(sentence):
    assert read(sentence) == ([], [])


# The seed: the general grammar finds no credit the article does not state -----------------

SEED = Path(__file__).resolve().parent.parent / "seeds" / "jessica-jones-season-2.txt"


def test_the_seeds_crew_is_what_its_article_states_and_nothing_more():
    article = parse_article(SEED.read_text(), str(SEED))
    season_crew = [(person, job) for person, job, episode in crew(article) if episode is None]

    assert season_crew == [
        ("Melissa Rosenberg", "showrunner"),  # infobox; "with Melissa Rosenberg serving as
        # showrunner"; "series showrunner Melissa Rosenberg"
        ("Raelle Tucker", "executive producer"),
        ("Raelle Tucker", "writer"),
        ("David Mack", "artist"),  # "created by comic book artist David Mack"
        ("Sean Callery", "composer"),  # "the original score for the season composed by ..."
    ]
    # "The season was produced by Marvel Television ...": a company, no credit.
    assert not [c for c in article.credits if "Marvel" in c.person]


def test_the_seeds_only_job_note_is_the_defenders_producers():
    article = parse_article(SEED.read_text(), str(SEED))

    job_notes = [note for note in article.notes if note.kind in ("job", "dropped")]
    assert [(note.line, note.kind, note.message) for note in job_notes] == [
        (58, "job", "names a job (producers) but no person could be credited")
    ]
    assert "The Defenders executive producers and writers Doug Petrie" in job_notes[0].text


@pytest.mark.parametrize(
    ("sentence", "credited", "word"),
    [
        (
            "Ann Lee composed the score, and Bo Chen, who directed The Lantern, visited the set.",
            [("Ann Lee", "composer", None)],
            "directed",
        ),
        (
            "Ann Lee served as showrunner, while the editor Bo Chen came from The Lantern.",
            [("Ann Lee", "showrunner", None)],
            "editor",
        ),
    ],
)
def test_a_sentence_that_credits_one_person_notes_the_job_it_left(sentence, credited, word):
    credits, notes = read(sentence)

    assert credits == credited
    assert notes == [("job", f"names a job ({word}) but no person could be credited")]


# The bounds that keep reading linear in the length of a sentence (unbounded, these took
# minutes); `make bench-import` times them.
def test_no_name_starts_inside_a_long_run_of_capitalised_words():
    sentence = " ".join(["Ann"] * 8000) + " directed the score."
    credits, _notes, _used = sentence_credits(sentence, sentence, 1, 8, 2)

    assert credits == []


def test_a_list_of_people_sharing_a_job_is_read_to_at_most_twenty_names():
    sentence = " ".join(["Ann Lee, Bo Chen and"] * 2000) + " Cy Dunn directed."
    credits, _notes, _used = sentence_credits(sentence, sentence, 1, 8, 2)

    assert len(credits) == 20
    assert {credit.person for credit in credits} == {"Ann Lee", "Bo Chen", "Cy Dunn"}
    assert {credit.job for credit in credits} == {"director"}


def test_a_long_run_of_job_words_still_credits_the_person_after_it():
    sentence = "writers " * 5000 + "included Ann Lee."
    credits, _notes, _used = sentence_credits(sentence, sentence, 1, 8, 2)

    assert [(credit.person, credit.job) for credit in credits] == [("Ann Lee", "writer")]


# A bare surname stands for the one person the cast lists or the infobox name by it ----------

SURNAMES = """\
= Test Harbour season 2 =

Infobox
- Num Episodes: 8
- Showrunner: Mara Ellison
- Composer: Juno Park

The second season of the series Test Harbour.

== Cast ==
=== Main ===
- Ann Park as Jo
- Ted Quill as Sam

== Production ==
{sentence}
"""


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ellison also wrote the finale.", [("Mara Ellison", "writer", 8)]),
        ("Ellison and Quill directed the first two episodes.", [
            ("Mara Ellison", "director", 1), ("Mara Ellison", "director", 2),
            ("Ted Quill", "director", 1), ("Ted Quill", "director", 2),
        ]),
        # A person the prose credited before, even in the same sentence.
        ("Ann Lee and Owen Castillo co-wrote the premiere, while Castillo was hired to write "
         "the finale.", [
            ("Ann Lee", "writer", 1), ("Owen Castillo", "writer", 1),
            ("Owen Castillo", "writer", 8),
        ]),
        # Two known people share "Park": which one is not said, so nobody is credited.
        ("Park directed the finale.", []),
        # The surname ends someone else's full name: that person, not the showrunner.
        ("Dora Ellison directed the finale.", [("Dora Ellison", "director", 8)]),
    ],
)  # fmt: skip
def test_a_bare_surname_credits_the_known_person_it_stands_for(sentence, expected):
    article = parse_article(SURNAMES.format(sentence=sentence))
    credits = [(c.person, c.job, c.episode) for c in article.credits if c.source == sentence]

    assert sorted(credits) == sorted(expected)


def sentence_crew(article, sentence):
    """The crew credits (person, job, episode) the article's sentence gives."""
    credits = parse_article(article).credits
    return sorted((c.person, c.job, c.episode) for c in credits if c.source == sentence)


# A name's lower-case particle (text.NAME_PARTICLES): inside a full name, and with the bare
# surname the prose writes ("bo Kessler", "Bo Kessler" opening a sentence) ------------------

PARTICLES = SURNAMES.replace("Showrunner: Mara Ellison", "Showrunner: Pia bo Kessler")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The finale was directed by bo Kessler.", [("Pia bo Kessler", "director", 8)]),
        ("Bo Kessler also wrote the finale.", [("Pia bo Kessler", "writer", 8)]),
        ("Ivo van Daal directed the finale.", [("Ivo van Daal", "director", 8)]),
        ("The finale was written by Lena di Sarro and Ted Quill.", [
            ("Lena di Sarro", "writer", 8), ("Ted Quill", "writer", 8),
        ]),
    ],
)  # fmt: skip
def test_a_name_particle_stays_in_the_name_and_its_bare_surname(sentence, expected):
    assert sentence_crew(PARTICLES.format(sentence=sentence), sentence) == sorted(expected)


def test_a_particle_word_outside_a_name_joins_none():
    # A particle joins a name only between two capitalised words.
    text = "Ted Quill al fresco, as Ann Park le said, and bo Kessler alone"

    assert [match.group() for match in NAME_RE.finditer(text)] == ["Ted Quill", "Ann Park"]


# More clause shapes over the job tables --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "The writing team of A and B" (job_words.TEAM_NOUNS): the people after "NOUN of" are
        # the clause's doers; after any other "of" they are not.
        ("The writing team of Mina Cole and Rafe Dunn, who joined the staff this season, "
         "co-wrote the finale.", [("Mina Cole", "writer", 8), ("Rafe Dunn", "writer", 8)]),
        ("The duo of Mina Cole and Rafe Dunn directed the finale.", [
            ("Mina Cole", "director", 8), ("Rafe Dunn", "director", 8),
        ]),
        ("A close friend of Mina Cole wrote the finale.", []),
        # A relative clause that ends on its episode's title.
        ('Mina Cole, who both wrote and directed the third episode, "Dry Dock", co-wrote the '
         "finale with Rafe Dunn.", [
            ("Mina Cole", "writer", 3), ("Mina Cole", "director", 3),
            ("Mina Cole", "writer", 8), ("Rafe Dunn", "writer", 8),
        ]),
        # "alone", "solely" between the doer and the verb.
        ("Rafe Dunn alone wrote the finale.", [("Rafe Dunn", "writer", 8)]),
        ("Ellison solely directed the finale.", [("Mara Ellison", "director", 8)]),
        # A credit phrase with its doer left out: the clause before's doer.
        ("Rafe Dunn wrote the third episode, and shared credit with Mina Cole on the finale.", [
            ("Mina Cole", "writer", 8), ("Rafe Dunn", "writer", 3), ("Rafe Dunn", "writer", 8),
        ]),
        ("Ellison directed the premiere and received sole credit for the finale.", [
            ("Mara Ellison", "director", 1), ("Mara Ellison", "director", 8),
        ]),
        # "develop" is a job verb (developer) of the series; an apposition with "one of".
        ("Rafe Dunn, one of the studio's founders, developed the series.", [
            ("Rafe Dunn", "developer", None),
        ]),
        ("Rafe Dunn developed the series for television.", [("Rafe Dunn", "developer", None)]),
        ("Rafe Dunn developed a friendship with the crew.", []),
        # "photograph" is a job verb (cinematographer); the season's episodes divided by their
        # directors ("Ellison's episodes", "for Quill's") are the season's, credited season-wide.
        ("Rafe Dunn photographed Ellison's episodes, while Mina Cole was director of "
         "photography for Quill's.", [
            ("Mina Cole", "cinematographer", None), ("Rafe Dunn", "cinematographer", None),
        ]),
        ("Rafe Dunn photographed Ellison's episodes of The Lantern.", []),
    ],
)  # fmt: skip
def test_more_clause_shapes_credit_their_doers(sentence, expected):
    assert sentence_crew(SURNAMES.format(sentence=sentence), sentence) == sorted(expected)


# A surname two known people share stands for the one the paragraph named in full last ------

SHARED = """\
= Test Harbour season 2 =

Infobox
- Num Episodes: 8
- Created by: Ivo Marsh, Lena Marsh

The second season of the series Test Harbour.

== Production ==
{paragraph}
"""


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Lena Marsh said the season was darker. Marsh wrote the finale.", [
            ("Lena Marsh", "writer", 8),
        ]),
        ("Lena Marsh spoke first, then Ivo Marsh. Marsh wrote the finale.", [
            ("Ivo Marsh", "writer", 8),
        ]),
        # No Marsh named in full in the paragraph: which one is not said.
        ("The season was darker. Marsh wrote the finale.", []),
    ],
)  # fmt: skip
def test_a_shared_surname_stands_for_the_one_the_paragraph_named_last(paragraph, expected):
    article = SHARED.format(paragraph=paragraph)
    assert sentence_crew(article, "Marsh wrote the finale.") == expected


# A pronoun opening a clause after a semicolon is the one person the clause before credited,
# and "the episode" there the one episode it credited --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The finale marked Rafe Dunn's directorial debut; he co-directed the episode with "
         "Ellison.", [("Mara Ellison", "director", 8), ("Rafe Dunn", "director", 8)]),
        # The clause before credits two episodes: "the episode" is not said, so no credit.
        ("Rafe Dunn wrote the third and fourth episodes; he co-directed the episode with "
         "Ellison.", [("Rafe Dunn", "writer", 3), ("Rafe Dunn", "writer", 4)]),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_semicolon_is_the_clause_befores_one_person(sentence, expected):
    assert sentence_crew(SURNAMES.format(sentence=sentence), sentence) == sorted(expected)
