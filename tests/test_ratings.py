"""The rating reader's rules, one case each: what is a rating, which text is kept, which of
several comes first, and what is no rating at all (catalog/domain/ratings.py)."""

import pytest

from catalog.domain.ratings import find_ratings, parse_rating


def read(text):
    """(text kept, 0-100 score) of each rating in `text`, in order."""
    return [(rating.text, rating.score) for rating in find_ratings(text)]


@pytest.mark.parametrize(
    ("text", "kept", "score"),
    [
        # A half glyph among empty stars: out of all the glyphs written, the half one counted.
        ("★★★½☆", "★★★½☆", 70),
        ("★½☆☆☆", "★½☆☆☆", 30),
        ("★★★⯪", "★★★⯪", 70),  # the other half glyph
        ("★★⯪☆", "★★⯪☆", 63),
        # "star rating" is part of the rating as written, not left behind.
        ("four-star rating", "four-star rating", 80),
        ("a two star rating", "two star rating", 40),
        # Spaces around a value are not the rating's.
        ("  4/5 ", "4/5", 80),
        (" A− ", "A−", 91),
        ("\tB+\n", "B+", 83),
        ("0/5", "0/5", 0),
    ],
)
def test_a_rating_on_its_own_keeps_exactly_its_words(text, kept, score):
    rating = parse_rating(text)
    assert (rating.text, rating.score, rating.problem) == (kept, score, "")


def test_a_maximum_of_0_gives_no_score():
    rating = parse_rating("0/0")
    assert (rating.text, rating.score, rating.problem) == ("0/0", None, "a maximum of 0")
    assert (rating.value, rating.maximum) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "4/5 or 3/5",  # two ratings: which one the value means is not ours to pick
        "3/5, ★★★★☆",
        "two stars out of five, then four stars",
        '"B+" and "A"',
    ],
)
def test_a_value_holding_two_ratings_is_no_one_rating(text):
    assert len(find_ratings(text)) == 2
    assert parse_rating(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "3/10/2018",  # a date
        "10/3/18",
        "2018/3/10",
        "released on 3/10/2018.",
        "the 2.0/2.1 update",  # versions
        "iOS 17.2/17.3",
        "v2/3",
        "1.2.3/4",
    ],
)
def test_a_slash_number_inside_a_date_or_a_version_is_no_rating(text):
    assert find_ratings(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Critics rated it Average.",
        "She graded it Excellent, her word.",
        "He gave it Bad marks.",
        "an Average grade",
        "Average",
    ],
)
def test_a_grade_letter_starting_a_word_is_no_grade(sentence):
    assert find_ratings(sentence) == []
    assert parse_rating(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        'He called it "four out of five television" and moved on.',
        'She wrote "3/5 at best" of the pilot.',
        "The poster read “★★★★★ magic” above the title.",
        'Her verdict, "three stars and no more", was quoted widely.',
    ],
)
def test_numbers_and_stars_inside_a_quotation_are_the_critics_words_not_a_rating(sentence):
    assert find_ratings(sentence) == []


def test_a_rating_beside_a_quotation_is_read_and_the_quotation_is_not():
    sentence = 'He called it "four out of five television" and gave it 3/5.'
    assert read(sentence) == [("3/5", 60)]


def test_several_ratings_in_a_sentence_come_in_the_order_written():
    # The importer keeps the first of them (tests/test_import_reviews.py).
    assert read("It got two stars, then 4 out of 5, then ★★★☆☆ and a B+ grade.") == [
        ("two stars", 40),
        ("4 out of 5", 80),
        ("★★★☆☆", 60),
        ("B+", 83),
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("4 stars out of 5", "4 stars out of 5"),  # not "4 stars" too
        ("4 out of 5 stars", "4 out of 5 stars"),  # not "5 stars" too
        ("three and a half stars", "three and a half stars"),  # not "a half stars"
    ],
)
def test_a_rating_inside_a_longer_one_is_not_read_again(text, kept):
    assert [rating.text for rating in find_ratings(text)] == [kept]


def test_six_stars_is_more_than_five_with_no_maximum_but_five_is_all_of_them():
    assert parse_rating("five stars").score == 100
    assert parse_rating("★★★★★").score == 100
    assert parse_rating("★★★★★★").problem == "more than five stars, and no maximum given"
    assert parse_rating("5.5 stars").problem == "more than five stars, and no maximum given"


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("1/8", 13),  # 12.5, half up
        ("2.5 out of 4", 63),  # 62.5, half up (not to the even 62)
        ("1/3", 33),  # 33.3, down
        ("2/3", 67),  # 66.7, up
        ("5/5", 100),  # all of it is no more than its maximum
    ],
)
def test_a_score_is_rounded_half_up(text, score):
    assert parse_rating(text).score == score


def test_a_scaled_rating_keeps_its_value_on_its_own_scale():
    rating = parse_rating("3.5 out of 4")
    assert (rating.value, rating.maximum) == (7 / 2, 4)


@pytest.mark.parametrize(
    ("text", "kept", "score"),
    [
        ('gave it a "C−"', "C−", 42),  # quoted, with the typographic minus
        ("gave it a “D–”", "D–", 16),  # typographic quotes, an en dash
        ("graded it an A-.", "A-", 91),
        ("rated it B, no more", "B", 75),
        ("gave the season a C+;", "C+", 58),
        ("awarding the finale an F", "F", 0),
        ("a grade of A (the first)", "A", 100),
        ("an A- grade", "A-", 91),
    ],
)
def test_a_grade_is_quoted_or_named_as_one(text, kept, score):
    assert read(text) == [(kept, score)]
