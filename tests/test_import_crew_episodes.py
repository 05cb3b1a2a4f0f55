"""Crew credited episode by episode where the prose names the episodes by their titles, by
bare ordinals or in a list of several kinds: made-up sentences in a made-up season of ten
episodes, read as catalog/importer/credits.py and episodes.py read an article's prose."""

import pytest

from catalog.importer import parse_article

ARTICLE = """\
= Test Harbour season 2 =

Infobox
- Num Episodes: 10

The second season of the series Test Harbour.

== Production ==
{paragraph}
"""


def crew(paragraph):
    """The prose's crew credits as (person, job, episode), in article order."""
    article = parse_article(ARTICLE.format(paragraph=paragraph))
    return [(c.person, c.job, c.episode) for c in article.credits if c.department == "crew"]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # the place, then the title; the title, then the place; the title, then its number
        (
            'Ann Lee wrote the ninth, "Red Water". Bo Chen directed "Red Water".',
            [("Ann Lee", "writer", 9), ("Bo Chen", "director", 9)],
        ),
        (
            'Ann Lee wrote "Red Water", the second episode, and Bo Chen directed "Red Water".',
            [("Ann Lee", "writer", 2), ("Bo Chen", "director", 2)],
        ),
        ('Bo Chen directed "Red Water" (episode four).', [("Bo Chen", "director", 4)]),
        (
            'The season finale, "Red Water", was the last. Bo Chen directed "Red Water".',
            [("Bo Chen", "director", 10)],
        ),
        (
            'The penultimate episode, "Red Water", aired late. Ann Lee wrote "Red Water".',
            [("Ann Lee", "writer", 9)],
        ),
        (
            'Ann Lee wrote the last two episodes, "Red Water" and "Blue Sky". '
            'Bo Chen directed "Blue Sky".',
            [("Ann Lee", "writer", 9), ("Ann Lee", "writer", 10), ("Bo Chen", "director", 10)],
        ),
        # a title the prose never places names no episode: the season as a whole
        ('Bo Chen directed "Red Water".', [("Bo Chen", "director", None)]),
    ],
)
def test_a_title_the_prose_places_names_its_episode_wherever_it_is_quoted(paragraph, expected):
    assert crew(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "episodes"),
    [
        ("Ann Lee wrote the fifth and tenth.", [5, 10]),
        (
            "Ann Lee helmed three episodes, the third, seventh and eighth, while others rested.",
            [3, 7, 8],
        ),
        ("Ann Lee directed the first two episodes, along with the sixth and ninth.", [1, 2, 6, 9]),
        ('Ann Lee wrote the premiere, "Red Water", as well as the finale.', [1, 10]),
        (
            "Ann Lee directed the bulk of the season: the first two episodes and the fifth.",
            [1, 2, 5],
        ),
    ],
)
def test_episodes_named_by_bare_ordinals_or_several_ways_at_once_are_each_credited(
    paragraph, episodes
):
    job = "writer" if "wrote" in paragraph else "director"
    assert crew(paragraph) == [("Ann Lee", job, episode) for episode in episodes]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ann Lee wrote the first season's second episode.",
        "Ann Lee wrote the first of her novels.",
    ],
)
def test_an_ordinal_of_another_thing_names_no_episode(paragraph):
    assert [episode for _p, _j, episode in crew(paragraph)] in ([], [None])


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # several verbs share one "by": each job verb among them credits
        (
            "The season was created, written and directed by Ann Lee.",
            [
                ("Ann Lee", "creator", None),
                ("Ann Lee", "writer", None),
                ("Ann Lee", "director", None),
            ],
        ),
        ("The series was created and run by Ann Lee.", [("Ann Lee", "creator", None)]),
        (
            "Created and written by Ann Lee, the season opens in 1990.",
            [("Ann Lee", "creator", None), ("Ann Lee", "writer", None)],
        ),
        # a verb left out: the clause after names people and episodes only
        (
            "Episode four was directed by Ann Lee, episode five by Bo Chen and episode eight "
            "by Cy Dunn.",
            [("Ann Lee", "director", 4), ("Bo Chen", "director", 5), ("Cy Dunn", "director", 8)],
        ),
        (
            "Ann Lee directed episodes three and four, Bo Chen the fifth and sixth, and Cy Dunn "
            "the seventh.",
            [
                ("Ann Lee", "director", 3),
                ("Ann Lee", "director", 4),
                ("Bo Chen", "director", 5),
                ("Bo Chen", "director", 6),
                ("Cy Dunn", "director", 7),
            ],
        ),
        # a light verb whose object is episodes takes the job the sentence gave before
        (
            "Ann Lee directed the first two episodes, and Bo Chen handled the sixth and seventh.",
            [
                ("Ann Lee", "director", 1),
                ("Ann Lee", "director", 2),
                ("Bo Chen", "director", 6),
                ("Bo Chen", "director", 7),
            ],
        ),
        # the doer left out of a second clause
        (
            "Ann Lee once again served as showrunner, and wrote or co-wrote all ten episodes.",
            [("Ann Lee", "showrunner", None), ("Ann Lee", "writer", None)],
        ),
        (
            "Ann Lee continued as showrunner, and executive produced the season alongside Bo "
            "Chen and Cy Dunn.",
            [
                ("Ann Lee", "showrunner", None),
                ("Ann Lee", "executive producer", None),
                ("Bo Chen", "executive producer", None),
                ("Cy Dunn", "executive producer", None),
            ],
        ),
        (
            "Ann Lee and Bo Chen were also confirmed as executive producers.",
            [("Ann Lee", "executive producer", None), ("Bo Chen", "executive producer", None)],
        ),
        # a first credit in a job
        (
            'The ninth, "Red Water", aired late. Ann Lee made her directorial debut on '
            '"Red Water".',
            [("Ann Lee", "director", 9)],
        ),
        (
            "Ann Lee made her episodic directing debut with the fourth chapter.",
            [("Ann Lee", "director", 4)],
        ),
        ("The finale marked Ann Lee's writing debut.", [("Ann Lee", "writer", 10)]),
        # a job given for some episodes is no credit for the whole season as well
        (
            "Ann Lee was announced as the writer of the series. Ann Lee wrote the first two "
            "episodes.",
            [("Ann Lee", "writer", 1), ("Ann Lee", "writer", 2)],
        ),
    ],
)
def test_crew_shapes_with_words_shared_or_left_out_credit_each_clause(paragraph, expected):
    assert crew(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "The theme was written by Ann Lee, and the closing song was performed by Bo Chen.",
        "Ann Lee directed the first two episodes, and Bo Chen handled the press.",
        "The pilot was made by Ann Lee's former students.",
    ],
)
def test_a_clause_that_names_no_episode_or_job_of_its_own_gets_none_from_its_neighbour(
    paragraph,
):
    assert "Bo Chen" not in {person for person, _job, _episode in crew(paragraph)}


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a title that opens with its number, and chapters counted as episodes
        (
            'Ann Lee wrote the first two chapters and "Chapter 7: The Return".',
            [("Ann Lee", "writer", 1), ("Ann Lee", "writer", 2), ("Ann Lee", "writer", 7)],
        ),
        # job nouns: a co-producer; a writing team is the writers
        ("Ann Lee returned as co-producer.", [("Ann Lee", "co-producer", None)]),
        (
            "The writing team also included Ann Lee and Bo Chen.",
            [("Ann Lee", "writer", None), ("Bo Chen", "writer", None)],
        ),
        # a participle between the doer and the verb; the character named in it is nobody
        (
            "Ann Lee, also appearing on screen as Bo Chen, directed the last two episodes.",
            [("Ann Lee", "director", 9), ("Ann Lee", "director", 10)],
        ),
    ],
)
def test_numbered_titles_job_nouns_and_participles(paragraph, expected):
    assert crew(paragraph) == expected


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        ("Critical response", "Ann Lee of The Post wrote that the season was a triumph."),
        ("Critical response", "The Post's Ann Lee scored the finale 9/10."),
        ("Production", "Ann Lee wrote that the season would be darker."),
    ],
)
def test_a_critic_writing_or_scoring_and_anyone_writing_that_is_no_crew(heading, sentence):
    article = parse_article(
        ARTICLE.format(paragraph="Intro.")
        .replace("== Production ==", f"== {heading} ==")
        .replace("Intro.", sentence)
    )
    assert [c.person for c in article.credits if c.department == "crew"] == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # titles, then as many places
        (
            'Ann Lee penned "Red Water", "Blue Sky" and "Green Hill", the third, fifth and '
            "sixth installments.",
            [("Ann Lee", "writer", 3), ("Ann Lee", "writer", 5), ("Ann Lee", "writer", 6)],
        ),
        (
            'Ann Lee wrote "Red Water" and "Blue Sky" (episodes two and seven).',
            [("Ann Lee", "writer", 2), ("Ann Lee", "writer", 7)],
        ),
        (
            'Ann Lee wrote "Red Water" (the fifth episode), "Blue Sky" (the eighth) and '
            '"Green Hill" (episode nine).',
            [("Ann Lee", "writer", 5), ("Ann Lee", "writer", 8), ("Ann Lee", "writer", 9)],
        ),
        (
            'Ann Lee wrote "Red Water" and "Blue Sky", episodes four and six respectively.',
            [("Ann Lee", "writer", 4), ("Ann Lee", "writer", 6)],
        ),
        # a sentence opening with a pronoun: the one person the sentence before credited
        (
            "Ann Lee wrote most of the scripts. She wrote the first two, and the last two.",
            [
                ("Ann Lee", "writer", 1),
                ("Ann Lee", "writer", 2),
                ("Ann Lee", "writer", 9),
                ("Ann Lee", "writer", 10),
            ],
        ),
    ],
)
def test_titles_listed_with_their_places_and_pronoun_doers(paragraph, expected):
    assert crew(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        # two people credited before: "he" is neither
        "Ann Lee and Bo Chen wrote the scripts. He directed the finale.",
        # titles and places that do not pair up name no episode
        'Ann Lee wrote "Red Water" and "Blue Sky", the third episode.',
    ],
)
def test_a_pronoun_or_a_title_list_that_is_not_plain_names_no_one_or_no_episode(paragraph):
    credits = crew(paragraph)
    assert all(episode in (None, 3) for _p, job, episode in credits if job == "writer")
    assert all(job != "director" for _p, job, _e in credits)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a credit with no job word takes the job the sentence, or the one before, gave
        (
            "Ann Lee wrote the second episode, and Bo Chen was credited with the third and eighth.",
            [("Ann Lee", "writer", 2), ("Bo Chen", "writer", 3), ("Bo Chen", "writer", 8)],
        ),
        (
            "Ann Lee wrote the first two episodes. Bo Chen received sole credit for the third "
            "episode, and Cy Dunn for the fourth.",
            [
                ("Ann Lee", "writer", 1),
                ("Ann Lee", "writer", 2),
                ("Bo Chen", "writer", 3),
                ("Cy Dunn", "writer", 4),
            ],
        ),
        (
            "Ann Lee directed the premiere. She shared credit with Bo Chen on the third "
            "episode, with Cy Dunn on the fourth, and with Di Eng on the penultimate episode.",
            [
                ("Ann Lee", "director", 1),
                ("Bo Chen", "director", 3),
                ("Cy Dunn", "director", 4),
                ("Ann Lee", "director", 3),
                ("Di Eng", "director", 9),
            ],
        ),
        # the people a job was shared with, after the episodes and a comma
        (
            "Ann Lee co-wrote the ninth, with Bo Chen, and the premiere.",
            [("Ann Lee", "writer", 9), ("Bo Chen", "writer", 9), ("Ann Lee", "writer", 1)],
        ),
    ],
)
def test_a_credit_with_no_job_word_takes_the_job_given_before(paragraph, expected):
    assert sorted(crew(paragraph)) == sorted(expected)


def test_a_credit_with_no_job_before_it_is_nobody():
    assert crew("Ann Lee was credited with the third and eighth episodes.") == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a role before a name, then something the person did
        (
            "Costume designer Ann Lee chose the green tracksuits worn by the players.",
            [("Ann Lee", "costume designer", None)],
        ),
        (
            "Production designer Ann Lee recreated the newsroom at Docklands Studios.",
            [("Ann Lee", "production designer", None)],
        ),
        (
            "Costume designer Ann Lee, who worked closely with Bo Chen, sourced the looks.",
            [("Ann Lee", "costume designer", None)],
        ),
        (
            "The producers and music supervisor Ann Lee again used licensed songs.",
            [("Ann Lee", "music supervisor", None)],
        ),
        # a nickname in quotes inside a name is part of it
        (
            'Ann "Annie" Lee and Bo Chen served as cinematographers.',
            [('Ann "Annie" Lee', "cinematographer", None), ("Bo Chen", "cinematographer", None)],
        ),
        ("Ann Lee's theme music was retained.", [("Ann Lee", "composer", None)]),
    ],
)
def test_a_role_before_a_name_that_did_the_work_nicknames_and_theme_music(paragraph, expected):
    assert crew(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Composer Ann Lee declined.",
        "Composer Ann Lee said the score would be darker.",
        "Composer Ann Lee, who scored The Lantern, was approached.",
        "Composer Ann Lee was unavailable.",
    ],
)
def test_a_role_before_a_name_that_only_speaks_or_refuses_credits_nobody(paragraph):
    assert crew(paragraph) == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # returning for episodes: the job the paragraph gave
        (
            "Ann Lee directed the premiere. Bo Chen, who had directed the first season, "
            "returned for two episodes: episodes 3 and 6.",
            [("Ann Lee", "director", 1), ("Bo Chen", "director", 3), ("Bo Chen", "director", 6)],
        ),
        # people each with their episodes in brackets
        (
            "Ann Lee directed the premiere. The remaining episodes were handled by Bo Chen "
            "(the third and fifth episodes), Cy Dunn Jr. (episode four) and Di Eng (the sixth).",
            [
                ("Ann Lee", "director", 1),
                ("Bo Chen", "director", 3),
                ("Bo Chen", "director", 5),
                ("Cy Dunn Jr.", "director", 4),
                ("Di Eng", "director", 6),
            ],
        ),
        # two passive verbs of one subject
        (
            "The fourth episode was written by Ann Lee and directed by Bo Chen.",
            [("Ann Lee", "writer", 4), ("Bo Chen", "director", 4)],
        ),
        # a relative clause between the episode and its passive verb
        (
            'The sixth episode, "Red Water", in which Jo Park leaves, was written by Ann Lee.',
            [("Ann Lee", "writer", 6)],
        ),
        # a phrase for a light verb
        (
            "Ann Lee directed the first two episodes, while Bo Chen took charge of the third, "
            "fourth and fifth episodes.",
            [
                ("Ann Lee", "director", 1),
                ("Ann Lee", "director", 2),
                ("Bo Chen", "director", 3),
                ("Bo Chen", "director", 4),
                ("Bo Chen", "director", 5),
            ],
        ),
        # a company after a role's preposition is no other work
        (
            "Ann Lee and Bo Chen served as producers for Lee & Chen, alongside Cy Dunn.",
            [
                ("Ann Lee", "producer", None),
                ("Bo Chen", "producer", None),
                ("Cy Dunn", "producer", None),
            ],
        ),
        ("Ann Lee served as producer for The Lantern.", []),
    ],
)
def test_credits_by_bracket_by_two_passives_and_for_a_company(paragraph, expected):
    assert crew(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # more episodes of the same doer after the people shared with
        (
            "Ann Lee co-wrote two more: the eighth, with Bo Chen, and the penultimate episode, "
            "with Cy Dunn.",
            [
                ("Ann Lee", "writer", 8),
                ("Bo Chen", "writer", 8),
                ("Ann Lee", "writer", 9),
                ("Cy Dunn", "writer", 9),
            ],
        ),
        # an idiom for a job
        (
            "Ann Lee was behind the camera for episodes three and four.",
            [("Ann Lee", "director", 3), ("Ann Lee", "director", 4)],
        ),
        # a role after "with", then what the person did
        (
            "The look was set with cinematographer Ann Lee, who shot the whole season.",
            [("Ann Lee", "cinematographer", None)],
        ),
        # the company a person works for, between the person and the verb
        ("Ann Lee of Siren Pictures produced the season.", [("Ann Lee", "producer", None)]),
    ],
)
def test_more_episodes_idioms_roles_after_with_and_company_people(paragraph, expected):
    assert sorted(set(crew(paragraph))) == sorted(set(expected))


def test_a_surname_stands_for_a_person_named_in_full_as_another_works_doer():
    paragraph = (
        "The series adapts the BBC series of that name created by Ann Lee and Bo Chen. Cy Dunn "
        "executive produced the season with Lee, Chen and Di Eng."
    )
    assert sorted(crew(paragraph)) == sorted(
        [
            ("Cy Dunn", "executive producer", None),
            ("Ann Lee", "executive producer", None),
            ("Bo Chen", "executive producer", None),
            ("Di Eng", "executive producer", None),
        ]
    )
