"""Critics, aggregators and ratings in a critical-response section, however the article words
them, and a note for every sentence that looked like one but gave nothing.

The two articles in tests/articles/reviews-*.txt are made up, written as Wikipedia writes
them: every review they hold must come out, and their notes must be exactly the sentences the
importer could not use (some are there on purpose).
"""

from pathlib import Path

import pytest

from catalog.domain.ratings import parse_rating
from catalog.importer import article_import, import_text
from catalog.importer.parse import parse_article
from catalog.models import Review
from tests.seed import ARTICLE_TEXT

ARTICLES = Path(__file__).parent / "articles"
REVIEW_KINDS = {"review", "rating", "aggregate"}


def article_named(name):
    return parse_article((ARTICLES / name).read_text(encoding="utf-8"), name)


def critical_response(paragraph):
    return f"= Test Show season 1 =\n\n== Reception ==\n\n=== Critical response ===\n{paragraph}\n"


def critics(article):
    """(line, outlet, critic, rating as written, 0-100 score, sentiment) of each critic."""
    return [
        (r.line, r.outlet, r.critic, r.rating_text, r.score, r.sentiment)
        for r in article.reviews
        if r.kind == "critic"
    ]


def aggregates(article):
    """(line, aggregator, score as written, score, average, review count, consensus)."""
    return [
        (r.line, r.outlet, r.rating_text, r.score, r.average_rating, r.sample_size, r.consensus)
        for r in article.reviews
        if r.kind == "aggregate"
    ]


def notes(article):
    return [(note.line, note.kind, note.text) for note in article.notes]


# --- Harbor Lights season 3 ---------------------------------------------------------------


@pytest.fixture(scope="module")
def harbor():
    return article_named("reviews-harbor-lights-season-3.txt")


def test_harbor_lights_aggregators_in_other_orders_and_wordings(harbor):
    assert aggregates(harbor) == [
        # "reported a 99% approval rating", the review count before the average
        (23, "Rotten Tomatoes", "99%", 99, "8.6/10", 40,
         "Harbor Lights weathers its own storm with grace, grit, and the best ensemble on "
         "television."),
        # "holds a weighted average score of 81 out of 100"
        (23, "Metacritic", "81 out of 100", 81, "", 15, "universal acclaim"),
    ]  # fmt: skip
    assert all(r.is_aggregator for r in harbor.reviews if r.kind == "aggregate")


def test_harbor_lights_critics_however_they_are_introduced(harbor):
    assert critics(harbor) == [
        (25, "Variety", "Dana Whitlock", "A−", 91, "positive"),  # Writing for Variety, A
        (25, "The A.V. Club", "Priya Castellanos", "B+", 83, "positive"),  # In her review for
        (25, "The Hollywood Reporter", "Marcus Bell", "four stars out of five", 80, "positive"),
        (27, "Vulture", "Hannah Oyelaran", "9.2 out of 10", 92, "positive"),  # said Vulture's A
        (27, "Den of Geek", "Rosa Lindqvist", "three and a half stars", 70, "positive"),
        (27, "The Guardian", "Tom Achebe", "two stars", 40, "mixed"),  # A, reviewing for Y,
        (29, "Slant Magazine", "Jo Park", "★★★½", 70, "positive"),  # rated in the next sentence
        (29, "Screen Rant", "Ola Nwosu", "4/5", 80, "positive"),  # "Screen Rants Ola Nwosu"
        (29, "Cinema Blend", "Kay Doyle", "11 out of 10", None, ""),  # kept, cannot be scaled
        (29, "Polygon", "Lena Fischer", "C-", 42, "mixed"),
    ]


def test_harbor_lights_excerpts_and_scope(harbor):
    details = {r.critic: (r.excerpt, r.scope) for r in harbor.reviews if r.kind == "critic"}
    assert details["Priya Castellanos"] == (
        "the patience of its storytelling",
        "first six episodes",
    )
    assert details["Marcus Bell"] == ("Nothing else on television looks this good", "")
    assert details["Jo Park"] == ("does half the acting", "")


def test_harbor_lights_notes_are_exactly_the_sentences_it_could_not_use(harbor):
    # In article order: by line, then by where the sentence stands in its paragraph.
    assert notes(harbor) == [
        (23, "aggregate", "The season holds a 75% approval rating among audiences."),
        (27, "review", 'The Guardian\'s reviewer called the season "a quiet triumph".'),
        (29, "rating",
         'Kay Doyle of Cinema Blend gave it 11 out of 10, calling it "perfect television".'),
        (29, "rating", "She gave the finale alone an A, her only top grade."),
        (29, "review", "Writing in a newsletter, Sam Ortiz praised the cast."),
        (31, "rating", "Several outlets gave the season 4 out of 5."),
        (31, "aggregate", "Metacritic later listed the season among the best of the year."),
    ]  # fmt: skip


def test_each_note_says_what_was_not_understood_or_dropped(harbor):
    messages = [note.message for note in harbor.notes]
    assert messages == [
        "an aggregator score, but no aggregator named",
        "looks like a review, but names no critic with an outlet",
        "the rating '11 out of 10' is kept with no score: more than its maximum",
        "a second rating (A) in one review; the first was kept",
        "looks like a review, but names no critic with an outlet",
        "a rating (4 out of 5) with no critic and outlet to belong to",
        "looks like an aggregator result, but no score was found",
    ]


# --- The Quiet Orchard season 1 -----------------------------------------------------------


@pytest.fixture(scope="module")
def orchard():
    return article_named("reviews-the-quiet-orchard-season-1.txt")


def test_quiet_orchard_aggregators(orchard):
    assert aggregates(orchard) == [
        # "88% of 24 critics gave the season a positive review", "an average rating of x out
        # of y", a consensus after a colon
        (21, "Rotten Tomatoes", "88%", 88, "7.4 out of 10", 24,
         "Slow to blossom but rich in flavor, The Quiet Orchard rewards patient viewers."),
        # "assigned a score of 62 out of 100 to the season", "which indicates"
        (21, "Metacritic", "62 out of 100", 62, "", 11, "generally favorable reviews"),
    ]  # fmt: skip


def test_quiet_orchard_critics(orchard):
    assert critics(orchard) == [
        (23, "IndieWire", "Ben Travers", "B−", 67, "positive"),  # Reviewing ... for IndieWire
        # In a positive review for RogerEbert.com; 3.5 out of 4 is 87.5, rounded half up
        (23, "RogerEbert.com", "Tessa Marlow", "three and a half stars out of four", 88,
         "positive"),
        (23, "TV Guide", "Keith Ramos", "3.5/5", 70, "positive"),  # a typographic apostrophe
        (25, "Slate", "Iris Vance", "C+", 58, "mixed"),  # opined A, writing for Slate,
        (25, "Empire Magazine", "Ravi Sethi", "two out of five stars", 40, "mixed"),
        (25, "The Atlantic", "Owen Pike", "", None, ""),  # said A of Outlet
        (25, "The Ringer", "Mara Quint", "A−", 91, "positive"),  # a quoted typographic minus
        (27, "Vox", "Gwen Holt", "six stars", None, ""),
        (27, "Pajiba", "Ray Lin", "E", None, ""),
    ]  # fmt: skip
    travers = next(r for r in orchard.reviews if r.critic == "Ben Travers")
    assert travers.scope == "first four episodes"


def test_quiet_orchard_notes(orchard):
    assert notes(orchard) == [
        (21, "aggregate", "The season's Rotten Tomatoes score later fell."),
        (27, "review", "Writing for Pod Society, the hosts praised its score."),
        (27, "rating", "Gwen Holt of Vox gave it six stars."),
        (27, "rating",
         'Ray Lin of Pajiba gave the season an "E", calling it "an orchard of nothing".'),
    ]  # fmt: skip
    assert [note.message for note in orchard.notes[2:]] == [
        "the rating 'six stars' is kept with no score: more than five stars, and no maximum given",
        "the rating 'E' is kept with no score: a letter grade off the scale (A+ to F−)",
    ]


def test_critics_become_people_of_the_article(orchard):
    assert {"Ben Travers", "Ray Lin", "Owen Pike"} <= set(orchard.people)


def test_the_seed_gives_no_review_notes():
    article = parse_article(ARTICLE_TEXT)
    assert [note for note in article.notes if note.kind in REVIEW_KINDS] == []


# --- One sentence at a time ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "outlet", "critic", "rating_text", "score"),
    [
        ("Writing for The New Yorker, Ana Ruiz gave it 3/4.", "The New Yorker", "Ana Ruiz",
         "3/4", 75),
        ("In his review for Uproxx, Alan Sepp called it a B+ grade effort.", "Uproxx",
         "Alan Sepp", "B+", 83),
        ('"A slog," wrote Lou Bird of The Wrap, who gave it one and a half stars.', "The Wrap",
         "Lou Bird", "one and a half stars", 30),
        ('"Tender and wise," said Time\'s Judy Barrow.', "Time", "Judy Barrow", "", None),
        ("Meanwhile Paste's Joe Ruiz scored it 8.5 out of 10.", "Paste", "Joe Ruiz",
         "8.5 out of 10", 85),
        ("Max Cole, writing for Vanity Fair, graded it an A-.", "Vanity Fair", "Max Cole", "A-",
         91),
        ("Digital Spys Jo Lane said the season earned a grade of D+.", "Digital Spy", "Jo Lane",
         "D+", 33),
        ("Eve Hart of Empire gave it ★★★☆☆.", "Empire", "Eve Hart", "★★★☆☆", 60),
        # a score out of 100 from a critic is a rating, not an aggregator's
        ("Rob Kent of IGN gave it 85 out of 100.", "IGN", "Rob Kent", "85 out of 100", 85),
        ("Rob Kent of IGN liked it. He gave it 85 out of 100.", "IGN", "Rob Kent",
         "85 out of 100", 85),
        # names beyond ASCII
        ("Zoë Núñez of Variety gave it 4/5.", "Variety", "Zoë Núñez", "4/5", 80),
        ("Writing for Slant, Łukasz Żal gave it a B.", "Slant", "Łukasz Żal", "B", 75),
        # "the" before the outlet is no part of its name
        ("Nora Vale of the Harbour Gazette called it a triumph.", "Harbour Gazette",
         "Nora Vale", "", None),
        ("For the Lakeside Tribune, Omar Reyes gave it 3/4.", "Lakeside Tribune", "Omar Reyes",
         "3/4", 75),
        # what the critic is, before their name
        ("Pinewood Weekly critic Lou Ambers argued that it soared.", "Pinewood Weekly",
         "Lou Ambers", "", None),
        ("The Beacon's TV critic Lou Ambers gave it four stars.", "The Beacon", "Lou Ambers",
         "four stars", 80),
        # "writing for" without its commas, "who writes for"
        ("Lou Ambers writing for Variety called it a triumph.", "Variety", "Lou Ambers", "",
         None),
        ("Lou Ambers, who writes for Variety, gave it 7/10.", "Variety", "Lou Ambers", "7/10",
         70),
        ("The Evening Courier gave it four stars.", "The Evening Courier", None, "four stars",
         80),
        ("Critic Lou Ambers of Slate called it superb.", "Slate", "Lou Ambers", "", None),
        ("Writing for Le Soir, the critic Ana Petit gave it 4/5.", "Le Soir", "Ana Petit", "4/5",
         80),
        ("Ana Petit (Le Soir) gave it 4/5.", "Le Soir", "Ana Petit", "4/5", 80),
        ("Lou Ambers, a critic writing for Variety, called it a triumph.", "Variety",
         "Lou Ambers", "", None),
        ("Lou Ambers, the television critic for The Harbour Globe, gave it a B.",
         "The Harbour Globe", "Lou Ambers", "B", 75),
        ("Lou Ambers of IGN gave it an 8.5.", "IGN", "Lou Ambers", "8.5", 85),
        ("In his four-star review for Empire, Lou Ambers praised it.", "Empire", "Lou Ambers",
         "four-star", 80),
        # an outlet's review with no critic named
        ("A reviewer for Der Kurier was less convinced, rating it 2/5.", "Der Kurier", None,
         "2/5", 40),
        # an outlet alone as the subject, with a rating
        ("Cinemanía was more enthusiastic, rating it 3.5 out of 5.", "Cinemanía", None,
         "3.5 out of 5", 70),
        # verdicts and verbs
        ("Ida Moss of Slate was more reserved about the finale.", "Slate", "Ida Moss", "", None),
        ("The Clarion's Abe Lund questioned the ending.", "The Clarion", "Abe Lund", "", None),
        # grades after a longer object, a quoted title or "assigned"
        ('Kit Rowe of Uproxx gave "Glass Houses" an A−.', "Uproxx", "Kit Rowe", "A−", 91),
        ("Kit Rowe of Uproxx graded the season as a whole a B+.", "Uproxx", "Kit Rowe", "B+", 83),
        ("Kit Rowe of Uproxx assigned the season a C.", "Uproxx", "Kit Rowe", "C", 50),
        # a bare decimal scored or rated is out of ten
        ("Writing for Paste, Amy Lark scored the premiere 8.9.", "Paste", "Amy Lark", "8.9", 89),
    ],
)  # fmt: skip
def test_a_critic_sentence(sentence, outlet, critic, rating_text, score):
    article = parse_article(critical_response(sentence))
    assert [row[:5] for row in critics(article)] == [(6, outlet, critic, rating_text, score)]
    assert article.notes == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rotten Tomatoes holds an approval rating of 91% from 34 reviews, with an average "
         "score of 8/10.", ("Rotten Tomatoes", "91%", 91, "8/10", 34, "")),
        ("According to Metacritic, the season has a weighted average score of 55/100 based on "
         "9 reviews, signifying \"mixed or average\" reviews.",
         ("Metacritic", "55/100", 55, "", 9, "mixed or average")),
        ("Review aggregator Rotten Tomatoes reported that 100% of 12 critics gave the season a "
         "positive review, averaging 9.1/10.", ("Rotten Tomatoes", "100%", 100, "9.1/10", 12, "")),
        ("Critics Hub gives the season an approval rating of 90%.",
         ("Critics Hub", "90%", 90, "", None, "")),
        ("The season has a Metascore of 74 out of 100 on Metacritic.",
         ("Metacritic", "74 out of 100", 74, "", None, "")),
        # a quoted word, "percent", "certified fresh at", the aggregator's own word for its score
        ('The season has a 93% "Fresh" rating on Rotten Tomatoes from 27 critics.',
         ("Rotten Tomatoes", "93%", 93, "", 27, "")),
        ("The season holds a 93 percent approval rating on Rotten Tomatoes, based on 27 reviews.",
         ("Rotten Tomatoes", "93 percent", 93, "", 27, "")),
        ("The season is certified fresh at 91% on Rotten Tomatoes.",
         ("Rotten Tomatoes", "91%", 91, "", None, "")),
        ('The season received a Metascore of 69 based on 12 reviews, indicating "generally '
         'favorable reviews".', ("Metacritic", "69", 69, "", 12, "generally favorable reviews")),
        ("The season holds a Tomatometer score of 88% from 40 reviews.",
         ("Rotten Tomatoes", "88%", 88, "", 40, "")),
    ],
)  # fmt: skip
def test_an_aggregator_sentence(sentence, expected):
    article = parse_article(critical_response(sentence))
    assert [row[1:] for row in aggregates(article)] == [expected]
    assert article.notes == []


def test_of_several_ratings_in_a_review_the_first_written_is_kept_and_the_others_noted():
    sentence = 'Rob Kent of IGN gave it two stars, revised to 4 out of 5, then a "B".'
    article = parse_article(critical_response(sentence))
    assert [row[:5] for row in critics(article)] == [(6, "IGN", "Rob Kent", "two stars", 40)]
    assert [note.message for note in article.notes] == [
        "a second rating (4 out of 5) in one review; the first was kept",
        "a second rating (B) in one review; the first was kept",
    ]


def test_two_aggregators_in_one_sentence_give_one_result_each():
    sentence = (
        "Rotten Tomatoes reported an approval rating of 93% based on 30 reviews, while "
        "Metacritic assigned a score of 77 out of 100 based on 12 critics, indicating "
        '"generally favorable reviews".'
    )
    article = parse_article(critical_response(sentence))
    assert aggregates(article) == [
        (6, "Rotten Tomatoes", "93%", 93, "", 30, ""),
        (6, "Metacritic", "77 out of 100", 77, "", 12, "generally favorable reviews"),
    ]
    assert [r.source for r in article.reviews] == [sentence, sentence]
    assert [r.order for r in article.reviews] == [0, 1]
    assert article.notes == []


def test_an_aggregator_without_a_score_beside_one_with_a_score_is_noted():
    sentence = "Rotten Tomatoes reported an approval rating of 93%, and Metacritic agreed."
    article = parse_article(critical_response(sentence))
    assert aggregates(article) == [(6, "Rotten Tomatoes", "93%", 93, "", None, "")]
    assert [(n.kind, n.text, n.message) for n in article.notes] == [
        ("aggregate", sentence, "names more than one aggregator, and not each with a score"),
    ]


# --- Ratings on their own ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("A+", 100), ("A", 100), ("A−", 91), ("A-", 91), ("A–", 91),
        ("B+", 83), ("B", 75), ("B−", 67), ("C+", 58), ("C", 50), ("C-", 42),
        ("D+", 33), ("D", 25), ("D-", 16), ("F", 0),
        ("9.2 out of 10", 92), ("3.5/5", 70), ("7.00/10", 70), ("70 out of 100", 70),
        ("4 out of 5 stars", 80), ("4 stars out of 5", 80), ("three out of four", 75),
        ("three and a half stars", 70), ("three-and-a-half stars", 70), ("3½ stars", 70),
        ("four-star", 80), ("five stars", 100), ("½ star", 10),
        ("★★★½", 70), ("★★★★★", 100), ("★★☆☆", 50),
        ("2.5 out of 4", 63),  # 62.5, rounded half up
        ("twelve out of twenty", 60),  # number words to twenty, as the other readers
    ],
)  # fmt: skip
def test_a_rating_keeps_its_text_and_gets_a_0_to_100_score(text, score):
    rating = parse_rating(text)
    assert (rating.text, rating.score, rating.problem) == (text, score, "")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("11 out of 10", "more than its maximum"),
        ("3/0", "a maximum of 0"),
        ("0/0", "a maximum of 0"),  # not a score of 0, nor of 100
        ("seven stars", "more than five stars, and no maximum given"),
        ('"E"', "a letter grade off the scale (A+ to F−)"),
        ('"A++"', "a letter grade off the scale (A+ to F−)"),
    ],
)
def test_a_rating_that_cannot_be_scaled_keeps_its_text_without_a_score(text, problem):
    rating = parse_rating(text)
    assert (rating.text, rating.score, rating.problem) == (text.strip('"'), None, problem)


@pytest.mark.parametrize("text", ["", "a good season", "the A-game", "Season 2", "24 episodes"])
def test_text_that_is_no_rating(text):
    assert parse_rating(text) is None


# --- Saved ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["reviews-harbor-lights-season-3.txt", "reviews-the-quiet-orchard-season-1.txt"]
)
def test_every_review_read_is_saved_as_read(name):
    season, _ = article_import(path=ARTICLES / name)
    saved = [
        (r.outlet.name, r.outlet.is_aggregator, r.critic.name if r.critic else None,
         r.rating_text, r.score, r.average_rating, r.sample_size, r.consensus)
        for r in Review.objects.filter(season=season).select_related("outlet", "critic")
        .order_by("order")
    ]  # fmt: skip
    assert saved == [
        (r.outlet, r.is_aggregator, r.critic, r.rating_text, r.score, r.average_rating,
         r.sample_size, r.consensus)
        for r in article_named(name).reviews
    ]  # fmt: skip


# --- Shapes read since the blind corpus ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Jo Lamb of Vulture called it "a fine hour", while the Daily Ledger\'s Ann Kerr gave it '
         "three and a half stars out of four.",
         [("Vulture", "Jo Lamb", "", None), ("Daily Ledger", "Ann Kerr",
           "three and a half stars out of four", 88)]),
        ("In The Northern Post, Ed Marsh gave the series four stars, and The Echo's Sam Hale "
         "rated it 5/5.",
         [("The Northern Post", "Ed Marsh", "four stars", 80), ("The Echo", "Sam Hale", "5/5",
           100)]),
        ("Not all critics agreed: The Spur's Ben Cole questioned its length, and Kay Dunn of "
         "Polygon gave it a C.",
         [("The Spur", "Ben Cole", "", None), ("Polygon", "Kay Dunn", "C", 50)]),
        ("Writing for Variety, Lee Park liked it; a reviewer for Le Monde was less convinced.",
         [("Variety", "Lee Park", "", None), ("Le Monde", None, "", None)]),
        ('Ana Petit of Le Soir called it "un chef-d\'œuvre", and Süddeutsche Zeitung critic '
         "Hans Meier agreed.",
         [("Le Soir", "Ana Petit", "", None), ("Süddeutsche Zeitung", "Hans Meier", "", None)]),
        # "and" inside a clause that names no second critic does not cut it
        ("Jo Lamb of Vulture praised Ana Ruiz and Tom Bell, and gave it 4/5.",
         [("Vulture", "Jo Lamb", "4/5", 80)]),
    ],
)  # fmt: skip
def test_each_critic_of_one_sentence_is_a_review_with_its_own_rating(sentence, expected):
    article = parse_article(critical_response(sentence))
    assert [row[1:5] for row in critics(article)] == expected
    assert {r.source for r in article.reviews} == {sentence}
    assert article.notes == []


def test_an_outlet_alone_is_never_a_pronoun_nor_a_critic_named_before():
    paragraph = (
        "Jo Lamb of Vulture called it uneven. Lamb gave it 3/5. She gave the finale a B. "
        "Several outlets gave it 4/5."
    )
    article = parse_article(critical_response(paragraph))
    assert [row[1:5] for row in critics(article)] == [("Vulture", "Jo Lamb", "3/5", 60)]
    assert [note.kind for note in article.notes] == ["rating", "rating"]


def test_a_consensus_that_calls_it_something_is_the_aggregators():
    paragraph = (
        "Rotten Tomatoes reported an 87% approval rating from 38 reviews. The site's critical "
        'consensus calls it "a twisty mystery that rewards patience."'
    )
    article = parse_article(critical_response(paragraph))
    assert aggregates(article) == [
        (6, "Rotten Tomatoes", "87%", 87, "", 38, "a twisty mystery that rewards patience."),
    ]
    assert article.notes == []


@pytest.mark.parametrize(("text", "score"), [("8.9", 89), ("10.0", 100), ("0.5", 5)])
def test_a_bare_decimal_rating_is_out_of_ten(text, score):
    assert parse_rating(text).score == score


@pytest.mark.parametrize("text", ["11.5", "8", "Sam scored 8.9% of the votes"])
def test_a_number_is_no_bare_decimal_rating(text):
    assert parse_rating(text) is None


@pytest.mark.django_db
def test_an_outlets_review_with_no_critic_is_its_own_row_beside_its_critics():
    paragraph = (
        "Lou Ambers of The Beacon gave it 4/5. A reviewer for The Beacon was less convinced, "
        "rating it 2/5."
    )
    season = import_text(text=critical_response(paragraph), source="test").season
    saved = Review.objects.filter(season=season).order_by("order")
    assert [(r.outlet.name, r.critic and r.critic.name, r.rating_text) for r in saved] == [
        ("The Beacon", "Lou Ambers", "4/5"),
        ("The Beacon", None, "2/5"),
    ]
    again = import_text(text=critical_response(paragraph), source="test")
    assert again.summary.line() == "0 created, 0 updated, 8 unchanged"
    assert Review.objects.filter(season=season).count() == 2
