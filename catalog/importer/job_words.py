"""The words that name a crew job in prose, one table each; credits.py matches sentence shapes
over them. Extend a table, not the grammar, when an article names a job in a new word.

A job is credited as its canonical name (the value of each table): the names the site's
infobox rows and the crew lists use.
"""

import re

# Verbs whose doer holds the job: each written form (base, -s, past, participle, -ing) -> job.
# "executive produced" comes before "produced" so that the longer form wins.
JOB_VERBS = {
    "executive produce": "executive producer",
    "co-write": "writer",
    "co-direct": "director",
    "compose": "composer",
    "score": "composer",
    "direct": "director",
    "helm": "director",
    "write": "writer",
    "pen": "writer",
    "produce": "producer",
    "create": "creator",
    "develop": "developer",
    "photograph": "cinematographer",
    "design": "designer",
    "edit": "editor",
    "choreograph": "choreographer",
    "draw": "artist",
    "paint": "artist",
    "illustrate": "artist",
}
IRREGULAR_FORMS = {
    "write": ["wrote", "written"],
    "co-write": ["co-wrote", "co-written"],
    "draw": ["drew", "drawn"],
    "pen": ["penned", "penning"],
}
# Verbs that carry no job of their own: the thing they name does ("provided the score").
LIGHT_VERBS = ["provide", "supply", "handle", "contribute", "oversee", "deliver", "take charge of"]
LIGHT_IRREGULAR = {"oversee": ["oversaw", "overseen"], "take": ["took", "taken"]}
# Verbs that name no job but share their "by" with job verbs ("created and run by A",
# "designed and built by A"): the job verbs among them credit.
COMPANION_VERBS = ["run", "shot", "filmed", "built", "made"]
# A debut's adjective -> the job it was a first credit in ("made his directorial debut on").
DEBUT_WORDS = {
    "directorial": "director",
    "directing": "director",
    "writing": "writer",
    "screenwriting": "writer",
}
# What a person named with their role may do for the role to be a credit on the season ("Costume
# designer A chose the tracksuits"): a past-tense verb (any "-ed" form, or one of these), but
# not one that only says, refuses or leaves ("Composer A declined", "Writer A said").
IRREGULAR_PASTS = ["chose", "built", "made", "drew", "shot", "took", "gave", "wrote", "found"]
IRREGULAR_PASTS += ["brought", "kept", "oversaw", "set", "put", "began", "spent", "sought"]
NOT_WORK_VERBS = ["said", "told", "stated", "explained", "noted", "added", "declined", "refused"]
NOT_WORK_VERBS += ["praised", "criticized", "criticised", "called", "described", "recalled"]
NOT_WORK_VERBS += ["revealed", "announced", "confirmed", "denied", "claimed", "argued", "died"]
NOT_WORK_VERBS += ["left", "quit", "retired", "resigned", "departed", "exited", "passed", "tweeted"]
NOT_WORK_VERBS += ["posted", "wanted", "hoped", "planned", "expected", "reported", "suggested"]
# Idioms that say a job: "A was behind the camera for the last two episodes" (a director).
JOB_IDIOMS = {
    "behind the camera": "director",
    "in the director's chair": "director",
    "in the director’s chair": "director",
}
# Job verbs that a critic's sentence uses for reviewing ("B wrote that ...", "B scored the
# finale 9/10"): in the critics' paragraphs they credit nobody.
REVIEWING_VERBS = ["write", "score"]
# Verbs that make a thing: what they made decides the job ("wrote the score": a composer). The
# others keep their own job whatever they name ("produced the score": a producer).
MAKING_VERBS = ["compose", "score", "write", "co-write", "create", "design", "draw", "paint"]
MAKING_VERBS += ["illustrate", *LIGHT_VERBS]

# The things a job makes: a noun (singular and plural) -> the job of whoever makes it. This
# decides the job whatever the verb ("the score was written by" is a composer).
WORK_NOUNS = {
    "musical score": "composer",
    "original score": "composer",
    "score": "composer",
    "music": "composer",
    "theme music": "composer",
    "soundtrack": "composer",
    "costume": "costume designer",
    "costumes": "costume designer",
    "production design": "production designer",
    "sets": "production designer",
    "title sequence": "title designer",
    "main titles": "title designer",
    "cinematography": "cinematographer",
    "photography": "cinematographer",
    "editing": "editor",
    "choreography": "choreographer",
    "screenplay": "writer",
    "scripts": "writer",
    "teleplay": "writer",
    "painting": "artist",
    "paintings": "artist",
    "artwork": "artist",
    "illustrations": "artist",
}
# What a verb may have as its object for the job to be this season's: the season itself.
SEASON_NOUNS = ["season", "series", "show", "episodes", "episode", "miniseries", "programme"]
SEASON_NOUNS += ["program", "serial", "part"]

# Role nouns, as after "served as" or "joined the season as": a head noun (singular or
# plural), optionally after lower-case modifiers that stay in the job ("consulting producer").
ROLE_NOUNS = {
    "director of photography": "cinematographer",
    "directors of photography": "cinematographer",
    "co-showrunner": "showrunner",
    "co-showrunners": "showrunner",
    "showrunner": "showrunner",
    "showrunners": "showrunner",
    "composer": "composer",
    "composers": "composer",
    "director": "director",
    "directors": "director",
    "writer": "writer",
    "writers": "writer",
    "producer": "producer",
    "producers": "producer",
    "co-producer": "co-producer",
    "co-producers": "co-producer",
    "writing team": "writer",
    "writing staff": "writer",
    "creator": "creator",
    "creators": "creator",
    "cinematographer": "cinematographer",
    "cinematographers": "cinematographer",
    "editor": "editor",
    "editors": "editor",
    "designer": "designer",
    "designers": "designer",
    "choreographer": "choreographer",
    "supervisor": "supervisor",
    "coordinator": "coordinator",
    "artist": "artist",
    "artists": "artist",
    "illustrator": "illustrator",
    "illustrators": "illustrator",
    "painter": "artist",
}
# Modifiers a role keeps ("executive producer"); others ("new", "lead") are dropped.
ROLE_MODIFIERS = [
    "executive",
    "co-executive",
    "supervising",
    "consulting",
    "associate",
    "line",
    "head",
    "story",
    "staff",
    "costume",
    "production",
    "title",
    "music",
    "casting",
    "stunt",
    "cover",
]

# Words of a capitalised run that say it is a company, not a person.
COMPANY_WORDS = [
    "Television",
    "Studios",
    "Studio",
    "Productions",
    "Production",
    "Pictures",
    "Entertainment",
    "Records",
    "Music",
    "Films",
    "Media",
    "Network",
    "Company",
    "Group",
    "Netflix",
    "Effects",
    "Inc.",
]
# Nouns for people who work as one ("The writing team of A and B co-wrote ..."): after
# "NOUN of" the people are still the clause's doers, where "of" alone makes them no subject.
TEAM_NOUNS = ["team", "duo", "pair", "partnership", "trio"]
# Capitalised words that open a sentence or a title, not a person's name ("Composer Ann Lee").
NOT_NAME_WORDS = [
    "The",
    "A",
    "An",
    "In",
    "On",
    "By",
    "With",
    "Series",
    "Season",
    "Actress",
    "Actor",
    "Both",
]


def forms(verb, irregular):
    """Every written form of a verb: base, -s, past and participle, -ing; of a phrase that ends
    in a preposition ("take charge of"), its first word's forms with the rest ("executive
    produce" is inflected at its end)."""
    if verb.split()[-1] in ("of", "on", "over"):
        head, rest = verb.split(" ", 1)
        return sorted((f"{form} {rest}" for form in forms(head, irregular)), key=len, reverse=True)
    stem = verb[:-1] if verb.endswith("e") else verb
    result = {verb, f"{verb}s", f"{stem}ed", f"{stem}ing"}
    if verb.endswith("e"):
        result.add(f"{verb}d")
    result.update(irregular.get(verb, []))
    return sorted(result, key=len, reverse=True)


def alternation(words):
    """A regex alternation of the words, longest first (so "musical score" beats "score")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Every form of every verb above -> its base form.
VERB_OF_FORM = {
    form: verb
    for verb, irregular in [
        *((verb, IRREGULAR_FORMS) for verb in JOB_VERBS),
        *((verb, LIGHT_IRREGULAR) for verb in LIGHT_VERBS),
    ]
    for form in forms(verb, irregular)
}
ANY_VERB = alternation(VERB_OF_FORM)
IRREGULAR_PAST = alternation(IRREGULAR_PASTS)
JOB_IDIOM = alternation(JOB_IDIOMS)
COMPANION_VERB = alternation(COMPANION_VERBS)
DEBUT_WORD = alternation(DEBUT_WORDS)
JOB_VERB = alternation(form for form, verb in VERB_OF_FORM.items() if verb in JOB_VERBS)
WORK_NOUN = alternation(WORK_NOUNS)
ROLE_NOUN = alternation(ROLE_NOUNS)
ROLE_MODIFIER = alternation(ROLE_MODIFIERS)
# A role as written: "an executive producer", "the season's cinematographer", "co-showrunners".
ROLE = (
    r"(?:(?:an?|the|its|their|his|her)\s+)?(?:(?:season|series)(?:'s|'|’s|’)?\s+)?"
    r"(?:(?:new|lead|main|sole|principal|primary)\s+)?"
    rf"(?:(?:{ROLE_MODIFIER})\s+){{0,3}}(?:{ROLE_NOUN})\b"
)
# Every word that makes a sentence look as if it names a job (for the notes); a light verb
# alone names none ("A delivered a speech").
WORK_NOUN_RE = re.compile(rf"\b(?:{WORK_NOUN})\b")
JOB_WORD_RE = re.compile(rf"\b(?:{JOB_VERB}|{ROLE_NOUN}|showrunning)\b", re.IGNORECASE)


def reviewing_verb(form):
    """Whether a verb form is one a critic reviews with ("wrote", "scored")."""
    return VERB_OF_FORM.get(form.lower()) in REVIEWING_VERBS


def verb_job(form):
    """The job a verb form gives its doer; None for a light verb ("provided")."""
    return JOB_VERBS.get(VERB_OF_FORM.get(form.lower()))


def made_thing_decides(form):
    """Whether what this verb made decides the job ("wrote the score": a composer)."""
    return VERB_OF_FORM.get(form.lower()) in MAKING_VERBS


def work_job(text):
    """The job of whoever made the thing a phrase names ("the original score" -> composer)."""
    match = WORK_NOUN_RE.search(text.lower())
    return WORK_NOUNS[match.group(0)] if match else None


def role_job(role):
    """ "an executive producer" -> "executive producer"; "co-showrunners" -> "showrunner";
    "director of photography" -> "cinematographer"; None when no role noun ends it."""
    words = role.lower().split()
    for length in (3, 2):
        if " ".join(words[-length:]) in ROLE_NOUNS:
            return ROLE_NOUNS[" ".join(words[-length:])]
    if not words or words[-1] not in ROLE_NOUNS:
        return None
    modifiers = [word for word in words[:-1] if word in ROLE_MODIFIERS]
    return " ".join([*modifiers, ROLE_NOUNS[words[-1]]])
