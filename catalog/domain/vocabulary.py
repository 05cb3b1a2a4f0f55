"""The domain's words, one home each: what the importer reads and the pages show agree here.

- Billing: the order of the cast groups and the heading words that name each group. Any
  heading the importer accepts for a cast group is the heading the page puts that group under.
- Seasons' names: the words an article calls a season by ("series", "part"), the words that
  make a title one work's only season ("miniseries"), ordinals and Roman numerals.
- Event kinds: the headings and the words that imply a kind, and which kinds are production.
- Anchors: the one function that makes a heading's anchor, for the importer and the page,
  with one set of anchors the page keeps for itself.
- Paragraphs: prose is stored with one blank line between paragraphs and "\\n" line endings;
  text from a browser (CRLF) or an old Mac (CR) is read the same way.
- Infobox keys: one table (INFOBOX_KEYS) of both Wikipedia templates' keys: which `- Key:
  Value` lines the site keeps as a season's own fields, crew or cast credits (shown from there,
  edited there), and which it keeps as lines, as written.
- Sentences: where prose splits into sentences (the importer's facts, a citation's sentence).
- Citation markers: `[24]` in prose, where the words reference 24 backs end.
- Numbers in words and quotations: the number words an article writes ("three out of five"),
  and where a sentence's quotations are (a critic's words, not the article's).

Nothing here touches the database or imports the models: the models import it.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Value, When
from django.utils.text import get_text_list, slugify

# Billing -------------------------------------------------------------------------------------


class Billing(models.TextChoices):
    """A cast credit's group, in the article's order (not the alphabet's)."""

    MAIN = "main", "Main"
    RECURRING = "recurring", "Recurring"
    GUEST = "guest", "Guest"


# The heading a page gives a cast group when the article has none for it.
BILLING_HEADINGS = {
    Billing.MAIN: "Main",
    Billing.RECURRING: "Recurring",
    Billing.GUEST: "Notable guests",
}
# The heading titles that name each cast group, as season articles write them (drama, sitcom,
# animation, competition, documentary), one row a group: a heading matches a row's words
# whole, after an optional "The season's" and with its case and spaces ignored.
BILLING_HEADING_WORDS = {
    Billing.MAIN: [
        "main", "main cast", "starring", "also starring", "series regulars", "series regular",
        "regulars", "principal cast", "main characters", "voice cast", "main voice cast",
        "voices", "main voices", "starring voices", "hosts", "host", "presenters",
        "presenter", "hosts and judges", "judges", "judge", "judging panel", "panel",
        "panelists", "panellists", "narrator", "narrators", "narration", "contestants",
        "contestant", "cast members", "housemates", "participants", "competitors",
        "main judges", "main hosts", "interviewees", "interview subjects", "featuring",
    ],
    Billing.RECURRING: [
        "recurring", "recurring cast", "recurring characters", "recurring voices",
        "supporting", "supporting cast", "supporting characters", "co-starring",
        "additional voices", "recurring voice cast", "supporting voice cast",
    ],
    Billing.GUEST: [
        "guest", "guests", "guest cast", "guest star", "guest stars", "guest starring",
        "notable guests", "notable guest stars", "notable guest cast", "special guest",
        "special guests", "special guest star", "special guest stars", "guest voices",
        "guest voice cast", "guest judges", "guest judge", "guest hosts", "guest appearances",
        "cameos", "cameo appearances", "notable guest appearances", "special appearances",
        "special appearance", "guest performers",
    ],
}  # fmt: skip
# The role a cast member holds under a heading that names one and no character ("Judges":
# a judge): the credit notes it; its character is only what the article gives as one.
HEADING_ROLE_WORDS = {
    "host": "Host", "hosts": "Host", "presenter": "Presenter", "presenters": "Presenter",
    "judge": "Judge", "judges": "Judge", "guest judges": "Guest judge",
    "guest judge": "Guest judge", "narrator": "Narrator", "narrators": "Narrator",
    "narration": "Narrator", "guest hosts": "Guest host", "panelists": "Panelist",
    "panellists": "Panellist", "contestants": "Contestant", "contestant": "Contestant",
    "housemates": "Housemate", "competitors": "Competitor", "participants": "Participant",
    "main judges": "Judge", "main hosts": "Host", "interviewees": "Interviewee",
    "interview subjects": "Interviewee",
}  # fmt: skip
_HEADING_PREFIX_RE = re.compile(r"^(?:the\s+)?(?:season|series)(?:'s|’s|')?\s+", re.I)
BILLING_HEADING_PATTERNS = [
    (billing, re.compile(rf"^(?:{'|'.join(re.escape(w) for w in words)})$", re.I))
    for billing, words in BILLING_HEADING_WORDS.items()
]
# The heading titles of the section that holds the cast groups.
CAST_SECTION_PATTERN = re.compile(
    r"^(?:main\s+)?(?:voice\s+)?(?:cast|characters|cast\s+and\s+characters|cast\s+and\s+crew"
    r"|contestants|participants|hosts\s+and\s+judges|judges\s+and\s+hosts)$",
    re.I,
)


def heading_words(title):
    """A heading as the tables compare it: spaces collapsed, "The season's" dropped."""
    return _HEADING_PREFIX_RE.sub("", " ".join(title.split()))


def heading_role(title):
    """The role word a cast heading gives its people ("Judges": "Judge"), or ""."""
    return HEADING_ROLE_WORDS.get(heading_words(title).lower(), "")


def billing_of_heading(title):
    """The billing a cast heading names ("Series regulars" is main), or None."""
    title = heading_words(title)
    for billing, pattern in BILLING_HEADING_PATTERNS:
        if pattern.match(title):
            return billing
    return None


def is_cast_heading(title):
    return bool(CAST_SECTION_PATTERN.match(heading_words(title)))


def billing_rank(field="billing"):
    """Billing is stored as text, so the database needs its order spelled out: main, then
    recurring, then guest; no billing (crew) last."""
    return Case(
        *(When(**{field: billing}, then=Value(rank)) for rank, billing in enumerate(Billing)),
        default=Value(len(Billing)),
    )


# Seasons' names -----------------------------------------------------------------------------

# The words an article calls a season by, in its title and its prose: "season" (American),
# "series" (British and Australian: "Doctor Who series 12", "the second series"), "part"
# (Money Heist part 3), "volume", "chapter", "book".
SEASON_WORDS = ("season", "series", "part", "volume", "chapter", "book")
# Words in a title's brackets (or the lead's first sentence) that make the article one
# work's only season, with no number: "Chernobyl (miniseries)", "X (TV series)". Such a
# season is numbered 1 (a season's number is required, and a wiki lists it as its first).
SINGLE_SEASON_WORDS = (
    "miniseries", "mini-series", "limited series", "serial", "TV serial", "television serial",
    "TV series", "television series", "TV programme", "TV program", "docuseries",
    "documentary series", "anthology series",
)  # fmt: skip
# Ordinals as an article writes them ("the second series", "Season Two" is NUMBER_WORDS').
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
ROMAN_NUMERALS = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
    "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15,
}  # fmt: skip


# Event kinds ---------------------------------------------------------------------------------


class EventKind(models.TextChoices):
    DEVELOPMENT = "development", "Development"
    WRITING = "writing", "Writing"
    CASTING = "casting", "Casting"
    FILMING = "filming", "Filming"
    MUSIC = "music", "Music"
    MARKETING = "marketing", "Marketing"
    RELEASE = "release", "Release"
    RECEPTION = "reception", "Reception"
    OTHER = "other", "Other"


# The kinds of the making of a season: the article's short timeline shows these.
PRODUCTION_KINDS = frozenset(
    {
        EventKind.DEVELOPMENT,
        EventKind.WRITING,
        EventKind.CASTING,
        EventKind.FILMING,
        EventKind.MUSIC,
    }
)
# An event's kind is what its clause says happened; the heading it stands under only decides
# between kinds the clause's words leave open, or gives one where they name none.
# Section headings and the kinds they name ("Marketing and release" names two).
KIND_HEADINGS = [
    (EventKind.DEVELOPMENT, r"development|pre-production"),
    (EventKind.WRITING, r"writing|scripts?"),
    (EventKind.CASTING, r"casting|cast"),
    (EventKind.FILMING, r"filming|production|shooting|photography|directing"),
    (EventKind.MUSIC, r"music|score|soundtrack"),
    (EventKind.MARKETING, r"marketing|promotion"),
    (EventKind.RELEASE, r"release|broadcast|distribution|home media"),
    (EventKind.RECEPTION, r"reception|critical response|accolades|ratings|viewership"),
]
# Things that carry their own kind whatever was done with them: a trailer released is
# marketing and an album released is music, not the season's release.
KIND_THINGS = [
    (
        EventKind.MARKETING,
        r"trailers?|teasers?|posters?|first look|footage|key art|promos?|panel|press"
        r"|red carpet|(?:announc\w*|confirm\w*|revealed) the (?:\w+ )?(?:release|broadcast"
        r"|premiere|air) date",
    ),
    (EventKind.MUSIC, r"soundtracks?|albums?|singles?|score|songs?"),
]
# The words that say what happened, one table per kind, in the order that decides when a
# clause names several and its heading none of them.
KIND_WORDS = [
    (
        EventKind.DEVELOPMENT,
        r"renew\w*|commission\w*|green-?lit|green-?light\w*|picked up|conceiv\w*|pitch\w*"
        r"|develop\w*|research\w*|project|hired|spin-?offs?|return for"
        r"|for an? (?:\w+ )?(?:season|series)"
        r"|ordered|orders?(?= [^.;]{0,30}\b(?:seasons?|series|episodes?|miniseries|pilot)\b)"
        r"|(?:series|season|episode|[\w-]+-episode) order|(?:its|the|an?) order"
        r"|(?:last|final) (?:season|series)|(?:show|series)['’]s? (?:last|final)",
    ),
    (
        EventKind.WRITING,
        r"writers['’]? room|scripts?|screenplays?|teleplays?|wrote|written|writing|write",
    ),
    (
        EventKind.CASTING,
        r"cast(?= as| in)|(?:was|were|been|being|be) cast|casting|(?:main|supporting|guest"
        r"|recurring|to the) cast|joined|joining|roles?|auditions?|contestants|ensemble"
        r"|line-?up",
    ),
    (
        EventKind.FILMING,
        r"film\w*|shoot\w*|shot|wrapped|principal photography|(?<!-)production|location work"
        r"|reshoots?",
    ),
    (
        EventKind.RELEASE,
        r"releas\w*|premiere\w*|air|aired|airing|broadcast\w*|debut\w*|streaming|available"
        r"|removed|concluded|ended|finished|ran|installments?|(?:time )?slot|screening",
    ),
    (
        EventKind.RECEPTION,
        r"reviews?|reviewed|nominat\w*|awards?|prizes?|won|viewers|viewership|watched"
        r"|ratings|audiences?|most-watched|records?",
    ),
]
# Words that say something happened but not what: a kind only where nothing else gives one.
KIND_WEAK_WORDS = [(EventKind.DEVELOPMENT, r"announc\w*")]


# A name of two or more capitalised words ("ESPN Films", "Hollywood Records", "Film
# Victoria") names a company or a work, not what happened: its words give no kind.
_NAME_RE = re.compile(r"(?<!^)\b[A-Z][\w'’.-]*(?:\s+(?:of |and |the |for )?[A-Z][\w'’.-]*)+")


_COMPILED = {}


def _kinds_named(patterns, text):
    text = _NAME_RE.sub(" ", text)
    found = []
    for kind, pattern in patterns:
        if pattern not in _COMPILED:
            _COMPILED[pattern] = re.compile(rf"\b(?:{pattern})\b", re.I)
        if _COMPILED[pattern].search(text):
            found.append(kind)
    return found


def _kind_named(patterns, text):
    kinds = _kinds_named(patterns, text)
    return kinds[0] if kinds else None


def names_a_kind(text):
    """Whether a clause's own words name a kind (a thing or a happening)."""
    return bool(_kind_named(KIND_THINGS, text) or _kind_named(KIND_WORDS, text))


def kind_of_headings(headings):
    """The kinds the nearest heading names, in KIND_HEADINGS' order ("Marketing and release"
    names two); none where it names none ("Controversy" under "Release" is not about the
    release)."""
    return tuple(_kinds_named(KIND_HEADINGS, headings[0])) if headings else ()


def kind_of_words(text, heading_kinds=()):
    """The kind of what a clause says happened: a thing that carries its own kind (a trailer,
    an album); else, of the kinds its words name, the one its heading names too, or the first;
    else the heading's; else a weak word's; else other."""
    thing = _kind_named(KIND_THINGS, text)
    if thing:
        return thing
    named = _kinds_named(KIND_WORDS, text)
    for kind in named:
        if kind in heading_kinds:
            return kind
    if named:
        return named[0]
    if heading_kinds:
        return heading_kinds[0]
    return _kind_named(KIND_WEAK_WORDS, text) or EventKind.OTHER


# Anchors -------------------------------------------------------------------------------------

# Ids the season page uses for its own parts; an article's heading never takes one.
RESERVED_ANCHORS = frozenset(
    {
        "content",
        "site-search",
        "toc",
        "toc-heading",
        "references",
        "references-heading",
        "cast",
        "main-cast",
        "recurring-cast",
        "guest-cast",
    }
)
# The page's citation ids: cite-note-N and cite-ref-N-K.
CITATION_ID_RE = re.compile(r"^cite-(?:note-\d+|ref-\d+-\d+)$")


def is_reserved_anchor(anchor):
    return anchor in RESERVED_ANCHORS or bool(CITATION_ID_RE.match(anchor))


def anchor_for(title, taken, fallback="section"):
    """A heading's anchor: its title slugified, made unique among `taken` and the page's own
    ids by a -2, -3 ... suffix ("References" is references-2). Adds it to `taken`."""
    base = slugify(title) or fallback
    anchor, suffix = base, 2
    while anchor in taken or is_reserved_anchor(anchor):
        anchor, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(anchor)
    return anchor


# Infobox keys -------------------------------------------------------------------------------


def infobox_key(key):
    """A key compared without case, spaces, hyphens, underscores, periods or brackets: "Bg
    Color" is bgcolor, "No. of episodes" noofepisodes, "Showrunner(s)" showrunners."""
    return re.sub(r"[\s_.()\-]+", "", key.lower())


@dataclass(frozen=True)
class InfoboxMeaning:
    """What an infobox key's value is: a season field, a crew job, a cast billing (with the
    role word its people hold, as "Presented by" gives "Presenter"), or nothing the site
    types (kept as a line, as written)."""

    field: str = ""
    job: str = ""
    cast: str = ""
    role: str = ""


def _field(name):
    return InfoboxMeaning(field=name)


def _job(name):
    return InfoboxMeaning(job=name)


def _cast(role=""):
    return InfoboxMeaning(cast="main", role=role)


# Every key of Wikipedia's "Infobox television season" and "Infobox television" templates, by
# the name the template shows and by its parameter name, with the spellings articles use: the
# one table from a key to what the site keeps it as. A key that is not here, or maps to None,
# is kept as an infobox line as written (Country of origin, Running time, Production
# companies, Camera setup, ...). "Original release" holds a range: its first day is the
# release date, and its last is kept as the line "Last aired" (the season has no end date).
INFOBOX_KEYS = {
    **dict.fromkeys(
        ["Bg Color", "Bg Colour", "Background color", "Background colour", "bgcolour"],
        _field("background_color"),
    ),
    **dict.fromkeys(
        ["No. of episodes", "Num Episodes", "Episodes", "Number of episodes", "num_episodes"],
        _field("episode_count"),
    ),
    **dict.fromkeys(
        ["Original network", "Network", "Channel", "Original channel", "Original broadcaster",
         "Broadcaster", "Original platform"],
        _field("network"),
    ),
    **dict.fromkeys(
        ["Original release", "Released", "Release", "Release date", "First aired",
         "Original air date", "Original airing", "Premiere", "first_aired", "released"],
        _field("release_date"),
    ),
    **dict.fromkeys(["Episode list", "Episode list title"], _field("episode_list_title")),
    **dict.fromkeys(["Created by", "Creator", "Creators"], _job("creator")),
    **dict.fromkeys(["Developed by", "Developer"], _job("developer")),
    **dict.fromkeys(
        ["Showrunner", "Showrunners", "Showrunner(s)", "Show runner"], _job("showrunner")
    ),
    **dict.fromkeys(
        ["Composer", "Composers", "Composer(s)", "Music by", "Music"], _job("composer")
    ),
    **dict.fromkeys(
        ["Theme music composer", "Theme music composers", "Theme composer"],
        _job("theme music composer"),
    ),
    **dict.fromkeys(["Producer", "Producers", "Producer(s)"], _job("producer")),
    **dict.fromkeys(
        ["Executive producer", "Executive producers", "Executive producer(s)"],
        _job("executive producer"),
    ),
    **dict.fromkeys(
        ["Cinematography", "Cinematographer", "Cinematographers", "Director of photography"],
        _job("cinematographer"),
    ),
    **dict.fromkeys(["Editor", "Editors", "Editor(s)", "Editing", "Edited by"], _job("editor")),
    **dict.fromkeys(["Directed by", "Director", "Directors"], _job("director")),
    **dict.fromkeys(["Written by", "Writer", "Writers", "Screenplay by"], _job("writer")),
    **dict.fromkeys(["Starring", "Cast"], _cast()),
    **dict.fromkeys(["Voices of", "Voice cast", "Voices"], _cast()),
    **dict.fromkeys(["Presented by", "Presenter", "Presenters", "Hosted by", "Host", "Hosts"],
                    _cast("Presenter")),
    **dict.fromkeys(["Narrated by", "Narrator"], _cast("Narrator")),
    **dict.fromkeys(["Judges", "Judge"], _cast("Judge")),
}  # fmt: skip
# The keys kept as lines, named so that the table shows every template key (their value is
# text as written: a work, a company, a place, a format, a duration).
INFOBOX_LINE_KEYS = [
    "Genre", "Based on", "Inspired by", "Opening theme", "Ending theme",
    "Country of origin", "Original language", "No. of seasons", "No. of series",
    "Running time", "Production companies", "Production company", "Distributor",
    "Camera setup", "Picture format", "Audio format", "Location", "Locations",
    "Production locations", "Budget", "Related", "Website", "Last aired", "Season chronology",
    "Preceded by", "Followed by", "Country", "Language", "Company",
]  # fmt: skip
_MEANINGS = {infobox_key(key): meaning for key, meaning in INFOBOX_KEYS.items()}
# Keys whose value is a season's own field, by infobox_key.
INFOBOX_SEASON_FIELDS = {key: m.field for key, m in _MEANINGS.items() if m.field}
# Keys that name people, and the crew job each credits them with.
INFOBOX_JOBS = {key: m.job for key, m in _MEANINGS.items() if m.job}
# Keys whose people are the main cast, and the role word they hold ("" for an actor).
INFOBOX_CAST = {key: m.role for key, m in _MEANINGS.items() if m.cast}
# The line that keeps the last day of an "Original release" range.
INFOBOX_LAST_AIRED = "Last aired"
# The infobox rows the page makes from the crew credits of those jobs: job -> (label, label
# for several people). The page puts each where a wiki's infobox has it.
INFOBOX_CREW_ROWS = {
    "creator": ("Created by", "Created by"),
    "showrunner": ("Showrunner", "Showrunners"),
    "composer": ("Composer", "Composers"),
    "executive producer": ("Executive producer", "Executive producers"),
    "producer": ("Producer", "Producers"),
}


def infobox_meaning(key):
    """What the site keeps a key's value as (InfoboxMeaning), or None: a line as written."""
    return _MEANINGS.get(infobox_key(key))


def is_typed_infobox_key(key):
    """Whether the site keeps this key's value elsewhere than as an infobox line."""
    return infobox_key(key) in _MEANINGS


# Paragraphs ----------------------------------------------------------------------------------

_LINE_ENDING_RE = re.compile(r"\r\n?")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")


def normalize_newlines(text):
    """CRLF (as browsers post a textarea) and CR become LF."""
    return _LINE_ENDING_RE.sub("\n", text)


def split_paragraphs(text):
    """Stored prose keeps paragraphs apart with a blank line, whatever its line endings."""
    return [p.strip() for p in _PARAGRAPH_BREAK_RE.split(normalize_newlines(text)) if p.strip()]


def join_paragraphs(paragraphs):
    return "\n\n".join(paragraphs)


# Sentences -----------------------------------------------------------------------------------

# Tokens that end with a period without ending a sentence.
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "no", "inc", "co", "ltd", "mt"}
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“\[(]?[A-Z0-9])")


@dataclass
class Sentence:
    text: str
    start: int  # offset in its paragraph


def split_sentences(paragraph):
    """Split prose the way a plain splitter does, but keep initials and abbreviations."""
    sentences = []
    start = 0
    for match in SENTENCE_END_RE.finditer(paragraph):
        before = paragraph[start : match.start()]
        last_word = re.search(r"(\S+)$", before)
        word = last_word.group(1) if last_word else ""
        # an initial ("J."), initials run together ("The A.V. Club") or an abbreviation, also
        # after an opening bracket or quote ("(Dr.", "[Mr.", "“St.")
        if match.group().startswith(".") and (
            re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word) or word.lower().lstrip('(["“') in ABBREVIATIONS
        ):
            continue
        if paragraph[match.start() - 1 : match.start()] == "[":  # an elided "[...]"
            continue
        end = match.end()
        sentences.append(Sentence(paragraph[start:end].strip(), start))
        start = end
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if paragraph[start:].strip():
        sentences.append(Sentence(paragraph[start:].strip(), start))
    return sentences


def sentence_at(paragraph, position):
    """The sentence of `paragraph` whose words end at or after `position`: a marker standing
    right after a sentence's last character cites that sentence."""
    sentences = split_sentences(paragraph)
    for sentence in sentences:
        if position <= sentence.start + len(sentence.text):
            return sentence.text
    return sentences[-1].text if sentences else ""


# Citation markers ----------------------------------------------------------------------------

# A marker is a reference number in square brackets, written where the cited words end
# (`by August 2016,[25] with`; `[28][33]` for two). Only digits, and no leading zero: "[as a]",
# "[Taylor]" and "[...]" are the article's own words, and `[24]` in a text is exactly a marker
# of reference 24, which a database search can find too.
MARKER_RE = re.compile(r"\[(0|[1-9][0-9]*)\]")


def marker(number):
    return f"[{number}]"


def marker_numbers(text):
    """The reference numbers of the markers in `text`, in order, repeats included."""
    return [int(number) for number in MARKER_RE.findall(text)]


def split_markers(paragraph):
    """`paragraph` as its text (str) and its markers (the reference numbers, int), in order;
    no empty text between markers."""
    parts = MARKER_RE.split(paragraph)
    # re.split alternates text and the captured numbers: text, number, text, ...
    return [int(part) if index % 2 else part for index, part in enumerate(parts) if part]


def strip_markers(text):
    """The words alone, as a description or a search snippet shows them."""
    return MARKER_RE.sub("", text)


def and_list(words):
    """ "a", "a and b", "a, b and c": words as a sentence lists them."""
    return get_text_list(list(words), "and")


# Numbers in words and quotations -------------------------------------------------------------

# Numbers as an article writes them in words ("the first two episodes", "three out of five",
# "two weeks later"): one table for every reader.
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20,
}  # fmt: skip


def number_of(word):
    """ "8" or "eight" -> 8; None for any other word (zero included: no count is zero)."""
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word) or None


def quoted_spans(paragraph):
    """(start, end) of each "quotation" in a paragraph, pairing quote marks in order."""
    marks = [m.start() for m in re.finditer(r"[\"“”]", paragraph)]
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
