"""The seed article's facts, in their one home for the tests.

Every test that needs a fact of the seed (its slug, its files, its text, who is in it, what it
cites) imports it from here, so that no test module imports another test module or conftest.py.
The seed article and its citations file (seeds/jessica-jones-season-2.txt and
seeds/jessica-jones-season-2.citations.txt, in this repository) are the specification: every
fact below is read from the article.
"""

from pathlib import Path

from django.conf import settings

SEED_SLUG = "jessica-jones-season-2"
SEEDS = Path(settings.BASE_DIR) / "seeds"
ARTICLE = SEEDS / f"{SEED_SLUG}.txt"
CITATIONS = SEEDS / f"{SEED_SLUG}.citations.txt"
# What the importer builds from the seeds, as `make run` loads it.
FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "seed-content.json"

ARTICLE_TEXT = ARTICLE.read_text(encoding="utf-8")
ARTICLE_LINES = ARTICLE_TEXT.splitlines()
CITATION_LINES = CITATIONS.read_text(encoding="utf-8").splitlines()

MAIN_CAST = [
    ("Krysten Ritter", "Jessica Jones"),
    ("Rachael Taylor", 'Patricia "Trish" Walker'),
    ("Eka Darville", "Malcolm Ducasse"),
    ("J. R. Ramirez", "Oscar Arocho"),
    ("Terry Chen", "Pryce Cheng"),
    ("Leah Gibson", "Inez Green"),
    ("Carrie-Anne Moss", "Jeri Hogarth"),
    ("Janet McTeer", "Alisa Jones"),
]
RECURRING_CAST = [
    ("Hal Ozsan", "Griffin Sinclair"),
    ("Maury Ginsberg", "Steven Benowitz"),
    ("Kevin Chacon", "Vido Arocho"),
    ("Rebecca De Mornay", "Dorothy Walker"),
    ("John Ventimiglia", "Eddy Costa"),
    ("Lisa Tharps", "Ruth Sunday"),
    ("Callum Keith Rennie", "Karl Malus"),
    ("Eden Marryshow", "Shane Ryback"),
]
GUEST_CAST = [
    ("Wil Traval", "Will Simpson"),
    ("Elden Henson", "Foggy Nelson"),
    ("Daniel Marcus", "Maury Tuttlebaum"),
    ("David Tennant", "Kilgrave"),
    ("Rob Morgan", "Turk Barrett"),
    ("Tijuana Ricks", "Thembi Wallace"),
]
COVER_ARTISTS = [
    "Stephanie Hans",
    "Jen Bartel",
    "Elizabeth Torque",
    "Kate Niemczyk",
    "Colleen Doran",
    "Erica Henderson",
    "Audrey Mox",
    "Joyce Chin",
    "Jenny Frison",
    "Amy Reeder",
    "Emanuela Lupacchino",
    "June Brigman",
    "Annie Wu",
]
# People the article only mentions or quotes: a network executive, a Marvel executive, the
# writer replaced on this season, The Defenders' writers, an actress of the first season.
ONLY_MENTIONED = [
    "Ted Sarandos",
    "Jeph Loeb",
    "Liz Friedman",
    "Doug Petrie",
    "Marco Ramirez",
    "Miriam Shor",
]

# (number, the cited sentence's start or None, its end, the words the marker stands after,
#  its section). A marker at the start of a line cites the sentence before that line's
#  sentence in the article; an inline marker cites the words before it.
CITED = [
    (
        24,
        "Raelle Tucker joined the season",
        "ABC series, Conviction.",
        "Conviction.",
        "Development",
    ),
    (
        25,
        "Rosenberg and the season's writers",
        "by the end of October 2016.",
        "by August 2016,",
        "Writing",
    ),
    (25, None, "People don't just heal\".", "People don't just heal\".", "Writing"),
    (
        28,
        "It was noted that Kilgrave",
        "what was done with Kilgrave.",
        "what was done with Kilgrave.",
        "Writing",
    ),
    (
        33,
        "It was noted that Kilgrave",
        "what was done with Kilgrave.",
        "what was done with Kilgrave.",
        "Writing",
    ),
    (
        33,
        "It is about female friendship",
        'ping off each other."',
        'ping off each other."',
        "Writing",
    ),
    (
        6,
        "Also joining in the season was Terry Chen as Pryce Cheng.",
        "Also joining in the season was Terry Chen as Pryce Cheng.",
        "as Pryce Cheng.",
        "Casting",
    ),
    (15, "In August 2017, David Tennant", "as Will Simpson.", "as Kilgrave,", "Casting"),
    (42, "In August 2017, David Tennant", "as Will Simpson.", "as a hallucination,", "Casting"),
    (13, "In August 2017, David Tennant", "as Will Simpson.", "as Will Simpson.", "Casting"),
    (12, "Recurring characters in the season", "as Karl Malus.", "as Dorothy Walker,", "Casting"),
    (11, "Recurring characters in the season", "as Karl Malus.", "as Vido Arocho,", "Casting"),
    (10, "Recurring characters in the season", "as Karl Malus.", "as Karl Malus.", "Casting"),
    (
        47,
        "Filming for the season wrapped",
        "on September 14, 2017.",
        "on September 14, 2017.",
        "Filming",
    ),
    (
        8,
        "The season held its red carpet premiere",
        "AMC Loews Lincoln Square.",
        "AMC Loews Lincoln Square.",
        "Marketing",
    ),
    (
        50,
        "The second season of Jessica Jones was released",
        "high-dynamic-range video.",
        "on March 8, 2018,",
        "Release",
    ),
    (
        51,
        "The second season of Jessica Jones was released",
        "high-dynamic-range video.",
        "International Women's Day,",
        "Release",
    ),
    (
        57,
        "The website's critical consensus reads,",
        'the most charismatic Defender."',
        'the most charismatic Defender."',
        "Critical response",
    ),
    (
        60,
        "Miller also felt the plot lacked direction,",
        "agreed with Keene about the pacing issues.",
        "agreed with Keene about the pacing issues.",
        "Critical response",
    ),
    (
        61,
        "He did praise the supporting cast,",
        'that "lags at the beginning".',
        'that "lags at the beginning".',
        "Critical response",
    ),
]
