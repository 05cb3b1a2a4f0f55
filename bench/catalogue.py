"""A large, realistic catalogue for measuring the site at size, made from a seed.

`generate(sizes, seed)` writes series, seasons (with their infobox lines, sections, episodes
and references), people, outlets, credits, reviews, events (with their people) and accolades
in the seed article's shapes: cast in main, recurring and guest billing, crew by job (season
jobs such as showrunner and composer, and per-episode jobs such as director and cover artist),
characters, aggregate and critics' reviews with ratings as articles give them, events at day,
month and year precision stored as the first day of their period, prose citing numbered
references. Every season is published.

It is test data, not edits: rows are written in bulk (`bulk_create` in batches), at version 1,
with no revision recorded and no `content_changed` announced. The same seed gives the same
rows: every choice comes from `random.Random`, seeded per part (the people, the outlets, each
season), never from the database's ids or the clock (only the timestamps are the time of the
run).
"""

import random
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from catalog.domain.vocabulary import EventKind, anchor_for
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Outlet,
    Person,
    Reference,
    Review,
    Season,
    Section,
    Series,
)


@dataclass(frozen=True)
class Sizes:
    """How many of each; credits, reviews and events are shared out evenly over the seasons."""

    series: int = 200
    seasons: int = 1000
    people: int = 20000
    outlets: int = 500
    credits: int = 500000
    reviews: int = 50000
    events: int = 100000

    def scaled(self, scale):
        return Sizes(**{f.name: max(1, round(getattr(self, f.name) * scale)) for f in fields(self)})

    def with_counts(self, **counts):
        return replace(self, **{name: n for name, n in counts.items() if n is not None})

    def problems(self):
        """What makes these sizes impossible, in words; empty when they are fine."""
        found = [
            f"--{f.name} must be at least 1." for f in fields(self) if getattr(self, f.name) < 1
        ]
        if not found and self.seasons < self.series:
            found.append(
                f"Every series needs a season: --seasons ({self.seasons}) must be at least "
                f"--series ({self.series})."
            )
        if not found and self.people < MIN_PEOPLE:
            found.append(f"--people must be at least {MIN_PEOPLE} (a season's crew).")
        return found


DEFAULT_SIZES = Sizes()
MIN_PEOPLE = 20
# Seasons written per round of bulk inserts: their episodes first (the credits name them).
SEASONS_PER_ROUND = 20
BATCH_SIZE = 2000

# Words -------------------------------------------------------------------------------------


def words(text):
    """The words of `text`, each once: a repeated one would make two people of one name."""
    return list(dict.fromkeys(text.split()))


FIRST_NAMES = words(
    """
Aaron Abigail Adrian Aisha Alan Alba Alex Alice Amara Amelia Ana Andre Angela Anika Anton Arjun
Astrid Ava Ben Bianca Bruno Caleb Camila Carl Carmen Cecil Chen Chloe Claire Colin Dana Daniel
Dara David Declan Diego Dina Dmitri Eden Elena Eli Elif Emil Emma Enzo Erin Esther Ethan Eva
Farah Felix Fiona Frank Freya Gabriel Gemma George Grace Hana Hannah Hector Helen Hugo Ian Ines
Ingrid Isaac Isla Ivan Jack Jada James Jana Jasper Jin Joan Jonah Jorge Julia Kai Kamal Kara
Karl Kate Keanu Kenji Kira Lars Laura Leah Leon Lila Liam Lina Lucas Lucy Luis Maya Malik Marco
Maria Mark Maya Mei Mila Miles Mina Nadia Naomi Nate Nia Nico Nina Noah Nora Olga Omar Oscar
Paolo Paula Petra Priya Quinn Rafael Rana Ravi Rosa Ruth Sam Sara Selma Seth Sofia Sven Tara
Theo Tomas Uma Vera Victor Wade Willa Yara Yusuf Zara Zoe
"""
)
LAST_NAMES = words(
    """
Abbott Acosta Adler Ahmed Alvarez Andersen Arnold Bailey Baker Banks Barros Bauer Becker Bell
Berg Bishop Blake Bloom Bose Brandt Brooks Burke Byrne Cano Carter Castro Chang Chavez Cohen
Cole Conti Cruz Dalton Das Davies Diaz Dixon Doyle Duarte Dunn Ebert Ellis Engel Evans Falk
Farley Ferrari Fischer Fleming Flores Ford Fox Frost Garcia Gill Gomez Gray Green Gupta Hahn
Hale Hansen Hardy Hayes Hill Holt Hughes Ibarra Ingram Ito Jensen Joshi Kane Kato Keller Khan
Kim Klein Koch Kumar Lang Larsen Lee Lewis Lin Lopez Lund Mason Meyer Mills Moreau Morgan
Murphy Nash Navarro Nguyen Noble Novak Okafor Olsen Ortiz Owens Park Patel Perez Pike Quinn
Rahman Reed Reyes Rossi Ruiz Sato Schmidt Shah Silva Singh Stone Suzuki Tan Torres Turner Vance
Vargas Vogel Wagner Walsh Ward Weber West Wolf Wong Wright Yang Young Zhang Ziegler
"""
)
INITIALS = [""] + [f"{letter}." for letter in "ABCDEFGHJKLMNPRSTW"]
TITLES = ["", "", "", "", "Detective ", "Dr. ", "Officer ", "Agent ", "Captain ", "Young "]
SERIES_WORDS = words(
    """
Amber Atlas Black Blue Broken Cedar Cold Crown Dark Deep Distant Echo Edge Ember Empire Far
Fire Frozen Glass Gold Gray Harbor Hidden High Hollow Iron Last Lost Lunar Midnight Mirror
Night North Ocean Pale Paper Quiet Red Salt Shadow Silent Silver Stone Storm Summer Sun Tide
True Velvet West Wild Winter
"""
)
SERIES_NOUNS = words(
    """
Affairs Bay Bridge City Code Coast County Court Division Falls Files Frontier Garden Hearts
Hill House Kingdom Lane Law Line Lines Manor Men Mile Nights Park Point Protocol Republic River
Road Room Signal Squad Station Street Tower Town Valley Watch Women Years
"""
)
NETWORKS = [
    "Netflix", "HBO", "Hulu", "AMC", "FX", "Showtime", "BBC One", "Channel 4", "ITV", "NBC",
    "CBS", "ABC", "Starz", "Apple TV+", "Prime Video", "Disney+", "Peacock", "Sky Atlantic",
]  # fmt: skip
OUTLET_PLACES = words(
    """
Atlantic Boston Capital Central Chicago Coastal Daily Digital Global Hollywood Independent
London Metro Midwest National Northern Pacific Prairie Screen Southern Sunday Toronto Valley
Weekly Western
"""
)
OUTLET_NOUNS = words(
    """
Bulletin Chronicle Courier Dispatch Gazette Herald Journal Ledger Mirror Monitor Observer Post
Press Record Reporter Review Sentinel Spectator Standard Star Telegraph Times Tribune Voice
"""
)
AGGREGATORS = ["Rotten Tomatoes", "Metacritic"]
LOCATIONS = ["New York City", "Atlanta", "Vancouver", "Toronto", "London", "Belfast", "Prague"]
COUNTRIES = ["United States", "Canada", "United Kingdom", "Ireland", "Australia"]
STUDIOS = ["Marvel Television", "ABC Studios", "Lionsgate Television", "Fremantle", "A24"]
WORDS = words(
    """
answer blood bridge chance choice circle debt dream edge end fall fire ghost glass heart hour
key knife last letter lie light line mask mirror night paper past promise rain river road
secret shadow signal silence smoke stone storm street thread truth voice wall war water wire
"""
)

# The seed's cast groups, with how many of each a season has (the guests fill what is left).
MAIN_CAST = (6, 10)
RECURRING_CAST = (8, 20)
# Crew for the whole season: job -> how many people.
SEASON_JOBS = [
    ("showrunner", (1, 1)),
    ("creator", (1, 2)),
    ("composer", (1, 2)),
    ("executive producer", (3, 6)),
    ("producer", (2, 4)),
    ("casting director", (1, 1)),
    ("production designer", (1, 1)),
]
# Crew credited episode by episode (as the seed's cover artists are).
EPISODE_JOBS = ["director", "writer", "editor", "director of photography", "cover artist"]
EPISODES = (8, 13)
SECTIONS = [
    (2, "Episodes"),
    (2, "Cast and characters"),
    (2, "Production"),
    (3, "Development"),
    (3, "Writing"),
    (3, "Casting"),
    (3, "Filming"),
    (3, "Music"),
    (2, "Release"),
    (3, "Marketing"),
    (2, "Reception"),
    (3, "Critical response"),
    (3, "Accolades"),
]
REFERENCES = (8, 20)
# An event's precision, as often as the seed has each (10 days, 13 months, 2 years in 25).
PRECISIONS = [
    (Event.Precision.DAY, 10),
    (Event.Precision.MONTH, 13),
    (Event.Precision.YEAR, 2),
]
EVENT_SENTENCES = {
    EventKind.DEVELOPMENT: [
        "{network} ordered the season {when}.",
        "A new season of {series} was announced {when}.",
        "Development of the season began {when}, with {person} attached.",
    ],
    EventKind.WRITING: [
        "{person} began writing episode {episode} {when}.",
        "The writers' room opened {when}.",
        "Scripts for the first {episode} episodes were complete {when}.",
    ],
    EventKind.CASTING: [
        "{person} was cast as {character} {when}.",
        "{person} joined the season {when}.",
        "Casting for the recurring roles was announced {when}.",
    ],
    EventKind.FILMING: [
        "Filming began in {location} {when}.",
        "Filming of episode {episode} wrapped {when}.",
        "{person} directed episode {episode}, shot {when}.",
    ],
    EventKind.MUSIC: [
        "{person} recorded the score {when}.",
        "The soundtrack album was released {when}.",
    ],
    EventKind.MARKETING: [
        "A teaser trailer was released {when}.",
        "The first poster of the season was revealed {when}.",
        "The season had its premiere in {location} {when}.",
    ],
    EventKind.RELEASE: [
        "The season was released on {network} {when}.",
        "Episode {episode} premiered {when}.",
    ],
    EventKind.RECEPTION: [
        "{person} was nominated for an award {when}.",
        "Reviews of the first episodes appeared {when}.",
    ],
}
AWARDS = {
    "Primetime Emmy Awards": ["Outstanding Drama Series", "Outstanding Lead Actress in a Drama"],
    "Primetime Creative Arts Emmy Awards": [
        "Outstanding Music Composition for a Series (Original Dramatic Score)",
        "Outstanding Main Title Design",
    ],
    "Saturn Awards": ["Best Superhero Television Series", "Best Actress on Television"],
    "Golden Globe Awards": ["Best Television Series – Drama", "Best Actor – Television Drama"],
    "Critics' Choice Television Awards": ["Best Drama Series", "Best Supporting Actor"],
}
CONSENSUS = [
    "A slower burn than before, but its new character arc more fully rewards patience.",
    "Sharp writing and a committed cast carry the season past its uneven middle.",
    "Handsomely made, if too long by a few episodes.",
    "Ambitious and strange, the season is never less than watchable.",
]
# Metacritic's words for a score.
METACRITIC_WORDS = [
    (81, "universal acclaim"),
    (61, "generally favorable"),
    (40, "mixed or average"),
    (0, "generally unfavorable"),
]
LETTER_GRADES = {"A": 100, "A-": 91, "B+": 83, "B": 75, "B-": 67, "C+": 58, "C": 50, "C-": 42}


# Names -------------------------------------------------------------------------------------


def person_names(count, seed):
    """`count` distinct names "First [M.] Last", in a seeded order."""
    space = len(FIRST_NAMES) * len(INITIALS) * len(LAST_NAMES)
    if count > space:
        raise ValueError(f"At most {space} people can be named.")
    rng = random.Random(f"{seed}:people")
    names = []
    for n in rng.sample(range(space), count):
        n, last = divmod(n, len(LAST_NAMES))
        first, initial = divmod(n, len(INITIALS))
        parts = [FIRST_NAMES[first], INITIALS[initial], LAST_NAMES[last]]
        names.append((" ".join(p for p in parts if p), f"{LAST_NAMES[last]}, {FIRST_NAMES[first]}"))
    return names


def series_names(count, seed):
    rng = random.Random(f"{seed}:series")
    space = len(SERIES_WORDS) * len(SERIES_NOUNS)
    names = []
    for n in rng.sample(range(space * 4), count) if count <= space * 4 else range(count):
        word, noun = divmod(n % space, len(SERIES_NOUNS))
        name = f"{SERIES_WORDS[word]} {SERIES_NOUNS[noun]}"
        names.append(name if n < space else f"{name} {['II', 'III', 'IV'][n // space - 1]}")
    return names


def outlet_names(count, seed):
    rng = random.Random(f"{seed}:outlets")
    space = len(OUTLET_PLACES) * len(OUTLET_NOUNS)
    names = []
    for n in rng.sample(range(space * 2), min(count, space * 2)):
        place, noun = divmod(n % space, len(OUTLET_NOUNS))
        name = f"{OUTLET_PLACES[place]} {OUTLET_NOUNS[noun]}"
        names.append(f"The {name}" if n >= space else name)
    names += [f"Screen Review {n}" for n in range(1, count - len(names) + 1)]
    return names


def characters(rng, count):
    """`count` distinct character names for one season."""
    space = len(TITLES) * len(FIRST_NAMES) * len(LAST_NAMES)
    result = []
    for n in rng.sample(range(space), min(count, space)):
        n, last = divmod(n, len(LAST_NAMES))
        title, first = divmod(n, len(FIRST_NAMES))
        result.append(f"{TITLES[title]}{FIRST_NAMES[first]} {LAST_NAMES[last]}")
    return result


def date_display(day, precision):
    if precision == Event.Precision.YEAR:
        return str(day.year)
    if precision == Event.Precision.MONTH:
        return f"{day:%B} {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


def shares(total, parts):
    """`total` shared out over `parts` as evenly as whole numbers go."""
    base, extra = divmod(total, parts)
    return [base + (1 if n < extra else 0) for n in range(parts)]


# One season --------------------------------------------------------------------------------


@dataclass
class Plan:
    """One season's rows before they are written: plain values, people and outlets by index."""

    season: dict
    infobox: list
    sections: list
    references: list
    episodes: list
    credits: list  # dicts; "person_index" into the people, "episode_number" or None
    reviews: list  # dicts; "outlet_index", "critic_index" (None: an unsigned review)
    events: list  # dicts; "people_indexes"
    accolades: list


def plan_season(*, seed, index, series_index, series_name, number, sizes, n_credits,
                n_reviews, n_events, main_cast, outlets_by_name):  # fmt: skip
    rng = random.Random(f"{seed}:season:{index}")
    title = f"{series_name} season {number}"
    network = NETWORKS[series_index % len(NETWORKS)]
    released = date(1995, 1, 1) + timedelta(days=rng.randrange(30 * 365))
    episode_count = rng.randint(*EPISODES)
    n_references = rng.randint(*REFERENCES)

    def cite():
        return f"[{rng.randint(1, n_references)}]"

    season = {
        "number": number,
        "title": title,
        "slug": slugify(title),
        "background_color": f"#{rng.randrange(0x1000000):06x}",
        "network": network,
        "release_date": released,
        "episode_count": episode_count,
        "episode_list_title": f"List of {series_name} episodes",
        "lead": (
            f"The {ordinal(number)} season of the television series {series_name} follows its "
            f"characters through a new case.{cite()} It was released on {network} on "
            f"{date_display(released, Event.Precision.DAY)}.{cite()}\n\n"
            f"The season received {rng.choice(['positive', 'mixed', 'generally favorable'])} "
            f"reviews.{cite()}"
        ),
    }
    infobox = [
        {"position": 1, "key": "Location", "value": rng.choice(LOCATIONS)},
        {"position": 2, "key": "Country", "value": rng.choice(COUNTRIES)},
        {"position": 3, "key": "Production company", "value": rng.choice(STUDIOS)},
    ]
    taken = set()
    sections = []
    for position, (level, heading) in enumerate(SECTIONS, start=1):
        body = "" if heading == "Episodes" else (
            f"The {heading.lower()} of the season is told here in brief. "
            f"It began with the {rng.choice(WORDS)} and the {rng.choice(WORDS)}.{cite()}"
        )  # fmt: skip
        sections.append(
            {
                "position": position,
                "level": level,
                "title": heading,
                "anchor": anchor_for(heading, taken),
                "body": body,
            }
        )
    references = [{"number": n} for n in range(1, n_references + 1)]
    episodes = [
        {"number": n, "title": f"The {rng.choice(WORDS).title()} {rng.choice(WORDS).title()}"}
        for n in range(1, episode_count + 1)
    ]
    credits = plan_credits(rng, sizes, n_credits, episode_count, main_cast)
    reviews = plan_reviews(rng, sizes, n_reviews, outlets_by_name)
    cast_people = [c["person_index"] for c in credits] or [0]
    events = plan_events(
        rng, n_events, released, network, series_name, episode_count, credits, cast_people
    )
    accolades = plan_accolades(rng, released, credits)
    return Plan(season, infobox, sections, references, episodes, credits, reviews, events,
                accolades)  # fmt: skip


def ordinal(n):
    """The first eight in words ("first", ...), then figures: 9th, 11th, 21st, 102nd, 111th."""
    words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
    if n <= len(words):
        return words[n - 1]
    # 11, 12 and 13 take "th" in every hundred; otherwise the last digit decides.
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def plan_credits(rng, sizes, quota, episode_count, main_cast):
    """Exactly `quota` credits: the main cast (the series' own, season after season),
    recurring cast, season crew, episode crew, then guests, one episode each, to fill up."""
    credits = []

    def anyone():
        return rng.randrange(sizes.people)

    n_main = min(len(main_cast), quota)
    n_recurring = rng.randint(*RECURRING_CAST)
    n_guests = max(quota, 0)  # at most; the rest come first
    names = characters(rng, n_main + n_recurring + n_guests)
    for order, person in enumerate(main_cast[:n_main], start=1):
        credits.append(cast(person, "main", names.pop(), order))
    for order in range(1, n_recurring + 1):
        credits.append(cast(anyone(), "recurring", names.pop(), order))
    for job, (low, high) in SEASON_JOBS:
        for order, person in enumerate(rng.sample(range(sizes.people), rng.randint(low, high)), 1):
            credits.append(crew(person, job, order))
    for job in EPISODE_JOBS:
        for episode in range(1, episode_count + 1):
            credits.append(crew(anyone(), job, 1, episode))
    credits = credits[:quota]
    order = 0
    while len(credits) < quota:
        order += 1
        episode = 1 + order % episode_count
        credits.append(cast(anyone(), "guest", names.pop(), order, episode))
    return credits


def cast(person, billing, character, order, episode=None):
    return {
        "person_index": person,
        "department": "cast",
        "billing": billing,
        "character": character,
        "job": "",
        "order": order,
        "episode_number": episode,
        "source": f"- {{name}} as {character}",
    }


def crew(person, job, order, episode=None):
    where = f" of episode {episode}" if episode else ""
    return {
        "person_index": person,
        "department": "crew",
        "billing": None,
        "character": "",
        "job": job,
        "order": order,
        "episode_number": episode,
        "source": f"{{name}} was the {job}{where}.",
    }


def plan_reviews(rng, sizes, quota, outlets_by_name):
    """The two aggregators' results, then critics' reviews, `quota` in all."""
    reviews = []
    score = rng.randint(35, 98)
    sample = rng.randint(20, 120)
    if quota >= 1:
        reviews.append(
            {
                "outlet_index": outlets_by_name["Rotten Tomatoes"],
                "kind": "aggregate",
                "critic_index": None,
                "rating_text": f"{score}%",
                "score": score,
                "average_rating": f"{score / 10 - 1 + rng.random():.2f}/10",
                "sample_size": sample,
                "consensus": rng.choice(CONSENSUS),
                "source": (
                    f"On review aggregator Rotten Tomatoes, the season has an approval rating of "
                    f"{score}% based on {sample} reviews."
                ),
            }
        )
    if quota >= 2:
        meta = max(10, min(100, score + rng.randint(-15, 5)))
        words = next(w for floor, w in METACRITIC_WORDS if meta >= floor)
        critics = rng.randint(8, 40)
        reviews.append(
            {
                "outlet_index": outlets_by_name["Metacritic"],
                "kind": "aggregate",
                "critic_index": None,
                "rating_text": f"{meta} out of 100",
                "score": meta,
                "sample_size": critics,
                "consensus": words,
                "source": (
                    f"Metacritic assigned the season a score of {meta} out of 100 based on "
                    f'{critics} critics, indicating "{words}" reviews.'
                ),
            }
        )
    pairs = set()
    n_critics = max(1, sizes.people // 10)
    first_outlet = len(AGGREGATORS)
    n_outlets = max(1, sizes.outlets - first_outlet)
    for _ in range(len(reviews), quota):
        outlet = first_outlet + rng.randrange(n_outlets) if sizes.outlets > first_outlet else 0
        critic = rng.randrange(n_critics)
        if (outlet, critic) in pairs:
            critic = None  # the outlet's own unsigned review
        pairs.add((outlet, critic))
        rating_text, score = rng.choice(
            [
                (f"{(stars := rng.randint(1, 5))} out of 5 stars", stars * 20),
                (grade := rng.choice(list(LETTER_GRADES)), LETTER_GRADES[grade]),
                (f"{(tens := rng.randint(3, 10))}/10", tens * 10),
                ("", None),
            ]
        )
        sentiment = (
            rng.choice(["positive", "mixed", "negative"])
            if score is None
            else "positive" if score >= 70 else "mixed" if score >= 50 else "negative"
        )  # fmt: skip
        excerpt = (
            f"the season's {rng.choice(WORDS)} is its {rng.choice(['strength', 'weakness'])}, "
            f"and the {rng.choice(WORDS)} {rng.choice(['lingers', 'fades', 'works'])}"
        )
        reviews.append(
            {
                "outlet_index": outlet,
                "kind": "critic",
                "critic_index": critic,
                "rating_text": rating_text,
                "score": score,
                "scope": rng.choice(["", "", "", "first five episodes", "first episode"]),
                "excerpt": excerpt,
                "sentiment": sentiment,
                "source": f'{{critic}} of {{outlet}} said the season "{excerpt}".',
            }
        )
    for order, review in enumerate(reviews):
        review["order"] = order
    return reviews


def plan_events(rng, quota, released, network, series_name, episode_count, credits, people):
    """`quota` dated events around the release, each sentence once per date."""
    kinds = list(EVENT_SENTENCES)
    precisions = [p for p, _ in PRECISIONS]
    weights = [w for _, w in PRECISIONS]
    cast_credits = [c for c in credits if c["department"] == "cast"] or credits
    seen = set()
    events = []
    while len(events) < quota:
        kind = rng.choice(kinds)
        precision = rng.choices(precisions, weights)[0]
        offset = rng.randint(-900, 60) if kind != EventKind.RECEPTION else rng.randint(0, 400)
        day = released + timedelta(days=offset)
        if precision == Event.Precision.MONTH:
            day = day.replace(day=1)
        elif precision == Event.Precision.YEAR:
            day = day.replace(month=1, day=1)
        credit = rng.choice(cast_credits) if cast_credits else None
        person = credit["person_index"] if credit else rng.choice(people)
        when = ("on " if precision == Event.Precision.DAY else "in ") + date_display(day, precision)
        text = rng.choice(EVENT_SENTENCES[kind]).format(
            network=network,
            series=series_name,
            when=when,
            person="{person}",
            character=credit["character"] if credit else "a new role",
            episode=rng.randint(1, episode_count),
            location=rng.choice(LOCATIONS),
        )
        key = (day, precision, text)
        if key in seen:
            continue
        seen.add(key)
        involved = [person] if "{person}" in text else []
        events.append(
            {"date": day, "date_precision": precision, "kind": kind, "text": text,
             "people_indexes": involved}
        )  # fmt: skip
    return events


def plan_accolades(rng, released, credits):
    accolades = []
    seen = set()
    main = [c for c in credits if c.get("billing") == "main"] or credits
    for _ in range(rng.randint(0, 4)):
        award = rng.choice(list(AWARDS))
        category = rng.choice(AWARDS[award])
        year = released.year + rng.randint(0, 1)
        nominee = rng.choice(main)["person_index"] if main else None
        key = (year, award, category, nominee)
        if key in seen:
            continue
        seen.add(key)
        accolades.append(
            {
                "year": year,
                "award": award,
                "category": category,
                "nominee_index": nominee,
                "result": rng.choice(["won", "nominated", "nominated", "unknown"]),
            }
        )
    return accolades


# Writing -----------------------------------------------------------------------------------


@dataclass
class Report:
    series: int = 0
    seasons: int = 0
    people: int = 0
    outlets: int = 0
    credits: int = 0
    reviews: int = 0
    events: int = 0
    accolades: int = 0
    episodes: int = 0
    sections: int = 0


def existing_by_slug(model, slugs):
    return dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def free_slug(slug, taken):
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def generate(sizes, seed, *, progress=None):
    """Write the catalogue of `sizes` from `seed`, all or nothing; a `Report` of what it wrote.

    In a database that already has content, people and outlets of the same slug are reused
    (a person is one person), and a series or season whose slug is taken gets "-2"."""
    now = timezone.now()
    stamps = {"created_at": now, "updated_at": now, "version": 1}
    report = Report()
    with transaction.atomic():
        # People and outlets: by index, as the plans name them.
        names = person_names(sizes.people, seed)
        slugs = [slugify(name) for name, _ in names]
        known = existing_by_slug(Person, slugs)
        new_people = [
            Person(name=name, slug=slug, sort_name=sort_name, **stamps)
            for (name, sort_name), slug in zip(names, slugs, strict=True)
            if slug not in known
        ]
        Person.objects.bulk_create(new_people, batch_size=BATCH_SIZE)
        known.update({p.slug: p.pk for p in new_people})
        people = [known[slug] for slug in slugs]
        person_name = dict(zip(people, (name for name, _ in names), strict=True))
        report.people = len(new_people)
        if progress:
            progress(f"{report.people} people")

        outlet_list = AGGREGATORS + outlet_names(max(sizes.outlets - len(AGGREGATORS), 0), seed)
        outlet_list = outlet_list[: max(sizes.outlets, len(AGGREGATORS))]
        outlet_slugs = [slugify(name) for name in outlet_list]
        known = existing_by_slug(Outlet, outlet_slugs)
        new_outlets = [
            Outlet(name=name, slug=slug, is_aggregator=name in AGGREGATORS, **stamps)
            for name, slug in zip(outlet_list, outlet_slugs, strict=True)
            if slug not in known
        ]
        Outlet.objects.bulk_create(new_outlets, batch_size=BATCH_SIZE)
        known.update({o.slug: o.pk for o in new_outlets})
        outlets = [known[slug] for slug in outlet_slugs]
        outlet_name = dict(zip(outlets, outlet_list, strict=True))
        outlets_by_name = {name: n for n, name in enumerate(outlet_list)}
        report.outlets = len(new_outlets)

        # Series, each with its main cast for all its seasons.
        taken = set(Series.objects.values_list("slug", flat=True))
        series_list = series_names(sizes.series, seed)
        series = [
            Series(name=name, slug=free_slug(slugify(name), taken), **stamps)
            for name in series_list
        ]
        Series.objects.bulk_create(series, batch_size=BATCH_SIZE)
        report.series = len(series)
        casts = []
        for n in range(sizes.series):
            rng = random.Random(f"{seed}:series:{n}")
            casts.append(rng.sample(range(sizes.people), rng.randint(*MAIN_CAST)))

        taken_seasons = set(Season.objects.values_list("slug", flat=True))
        credit_shares = shares(sizes.credits, sizes.seasons)
        review_shares = shares(sizes.reviews, sizes.seasons)
        event_shares = shares(sizes.events, sizes.seasons)
        for start in range(0, sizes.seasons, SEASONS_PER_ROUND):
            plans = []
            for index in range(start, min(start + SEASONS_PER_ROUND, sizes.seasons)):
                number, series_index = divmod(index, sizes.series)
                plans.append(
                    plan_season(
                        seed=seed,
                        index=index,
                        series_index=series_index,
                        series_name=series_list[series_index],
                        number=number + 1,
                        sizes=sizes,
                        n_credits=credit_shares[index],
                        n_reviews=review_shares[index],
                        n_events=event_shares[index],
                        main_cast=casts[series_index],
                        outlets_by_name=outlets_by_name,
                    )
                )
            write_round(
                plans,
                series=[series[(start + n) % sizes.series] for n in range(len(plans))],
                people=people,
                person_name=person_name,
                outlets=outlets,
                outlet_name=outlet_name,
                stamps=stamps,
                taken_seasons=taken_seasons,
                report=report,
            )
            if progress:
                progress(f"{report.seasons} of {sizes.seasons} seasons")
    return report


def write_round(plans, *, series, people, person_name, outlets, outlet_name, stamps,
                taken_seasons, report):  # fmt: skip
    """Write a few seasons' plans: seasons and episodes first (for their ids), then the rest."""
    seasons = [
        Season(
            series=one_series,
            status=Season.Status.PUBLISHED,
            **{**plan.season, "slug": free_slug(plan.season["slug"], taken_seasons)},
            **stamps,
        )
        for plan, one_series in zip(plans, series, strict=True)
    ]
    Season.objects.bulk_create(seasons, batch_size=BATCH_SIZE)
    episodes = [
        Episode(season=season, **row, **stamps)
        for plan, season in zip(plans, seasons, strict=True)
        for row in plan.episodes
    ]
    Episode.objects.bulk_create(episodes, batch_size=BATCH_SIZE)
    episode_ids = {(e.season_id, e.number): e.pk for e in episodes}

    def rows(model, part):
        return [
            model(season=season, **row, **stamps)
            for plan, season in zip(plans, seasons, strict=True)
            for row in getattr(plan, part)
        ]

    InfoboxField.objects.bulk_create(rows(InfoboxField, "infobox"), batch_size=BATCH_SIZE)
    Section.objects.bulk_create(rows(Section, "sections"), batch_size=BATCH_SIZE)
    Reference.objects.bulk_create(rows(Reference, "references"), batch_size=BATCH_SIZE)

    credits = []
    reviews = []
    events = []
    event_people = []
    accolades = []
    for plan, season in zip(plans, seasons, strict=True):
        for row in plan.credits:
            row = dict(row)
            person = people[row.pop("person_index")]
            episode = episode_ids.get((season.pk, row.pop("episode_number")))
            source = row.pop("source").format(name=person_name[person])
            credits.append(
                Credit(season=season, person_id=person, episode_id=episode, source=source,
                       **row, **stamps)
            )  # fmt: skip
        for row in plan.reviews:
            row = dict(row)
            outlet = outlets[row.pop("outlet_index")]
            critic_index = row.pop("critic_index")
            critic = people[critic_index] if critic_index is not None else None
            by = person_name[critic] if critic else "A critic"
            source = row.pop("source").format(critic=by, outlet=outlet_name[outlet])
            reviews.append(
                Review(season=season, outlet_id=outlet, critic_id=critic, source=source,
                       **row, **stamps)
            )  # fmt: skip
        for row in plan.events:
            row = dict(row)
            involved = [people[n] for n in row.pop("people_indexes")]
            if involved:
                row["text"] = row["text"].replace("{person}", person_name[involved[0]])
            events.append(Event(season=season, source=row["text"], **row, **stamps))
            event_people.append(involved)
        for row in plan.accolades:
            row = dict(row)
            nominee_index = row.pop("nominee_index")
            nominee = people[nominee_index] if nominee_index is not None else None
            source = f"{row['year']} | {row['award']} | {row['category']}"
            accolades.append(
                Accolade(season=season, nominee_id=nominee,
                         nominee_text=person_name.get(nominee, ""), source=source,
                         **row, **stamps)
            )  # fmt: skip
    Credit.objects.bulk_create(credits, batch_size=BATCH_SIZE)
    Review.objects.bulk_create(reviews, batch_size=BATCH_SIZE)
    Event.objects.bulk_create(events, batch_size=BATCH_SIZE)
    Through = Event.people.through
    Through.objects.bulk_create(
        [
            Through(event_id=event.pk, person_id=person)
            for event, involved in zip(events, event_people, strict=True)
            for person in involved
        ],
        batch_size=BATCH_SIZE,
    )
    Accolade.objects.bulk_create(accolades, batch_size=BATCH_SIZE)
    report.seasons += len(seasons)
    report.episodes += len(episodes)
    report.sections += sum(len(plan.sections) for plan in plans)
    report.credits += len(credits)
    report.reviews += len(reviews)
    report.events += len(events)
    report.accolades += len(accolades)
