"""The domain's words, one home each: what the importer reads and the pages show agree here.

- Billing: the order of the cast groups and the heading words that name each group. Any
  heading the importer accepts for a cast group is the heading the page puts that group under.
- Event kinds: the headings and the words that imply a kind, and which kinds are production.
- Anchors: the one function that makes a heading's anchor, for the importer and the page,
  with one set of anchors the page keeps for itself.
- Paragraphs: prose is stored with one blank line between paragraphs and "\\n" line endings;
  text from a browser (CRLF) or an old Mac (CR) is read the same way.
- Infobox keys: which `- Key: Value` lines the site keeps as a season's own fields or as
  credits (shown from there, edited there), and which it keeps as lines, as written.
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
# The heading titles that name each cast group, as articles write them.
BILLING_HEADING_PATTERNS = [
    (Billing.MAIN, re.compile(r"^(main|main cast|starring|series regulars?)$", re.I)),
    (Billing.RECURRING, re.compile(r"^recurring( cast)?$", re.I)),
    (Billing.GUEST, re.compile(r"^(notable )?guests?( stars?| cast)?$", re.I)),
]
# The heading titles of the section that holds the cast groups.
CAST_SECTION_PATTERN = re.compile(r"^cast( and characters)?$", re.I)


def billing_of_heading(title):
    """The billing a cast heading names ("Series regulars" is main), or None."""
    title = " ".join(title.split())
    for billing, pattern in BILLING_HEADING_PATTERNS:
        if pattern.match(title):
            return billing
    return None


def is_cast_heading(title):
    return bool(CAST_SECTION_PATTERN.match(" ".join(title.split())))


def billing_rank(field="billing"):
    """Billing is stored as text, so the database needs its order spelled out: main, then
    recurring, then guest; no billing (crew) last."""
    return Case(
        *(When(**{field: billing}, then=Value(rank)) for rank, billing in enumerate(Billing)),
        default=Value(len(Billing)),
    )


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
        r"|removed|concluded|ran|installments?|(?:time )?slot|screening",
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
    """A key compared without case, spaces, hyphens or underscores: "Bg Color" is bgcolor."""
    return re.sub(r"[\s_-]+", "", key.lower())


# Keys whose value is a season's own field, by infobox_key.
INFOBOX_SEASON_FIELDS = {
    **dict.fromkeys(
        ["bgcolor", "bgcolour", "backgroundcolor", "backgroundcolour"], "background_color"
    ),
    **dict.fromkeys(["numepisodes", "episodes", "numberofepisodes"], "episode_count"),
    **dict.fromkeys(["network", "channel"], "network"),
    **dict.fromkeys(["released", "releasedate", "firstaired", "release"], "release_date"),
    **dict.fromkeys(["episodelist", "episodelisttitle"], "episode_list_title"),
}
# Keys that name people, and the crew job each credits them with.
INFOBOX_JOBS = {
    **dict.fromkeys(["showrunner", "showrunners"], "showrunner"),
    **dict.fromkeys(["createdby", "creator"], "creator"),
    **dict.fromkeys(["composer", "musicby"], "composer"),
    **dict.fromkeys(["producer", "producers"], "producer"),
    **dict.fromkeys(["executiveproducer", "executiveproducers"], "executive producer"),
}
# The key whose names are the main cast (the Main list's people, in its order).
INFOBOX_STARRING = "starring"
# The infobox rows the page makes from the crew credits of those jobs: job -> (label, label
# for several people). The page puts each where a wiki's infobox has it.
INFOBOX_CREW_ROWS = {
    "creator": ("Created by", "Created by"),
    "showrunner": ("Showrunner", "Showrunners"),
    "composer": ("Composer", "Composers"),
    "executive producer": ("Executive producer", "Executive producers"),
    "producer": ("Producer", "Producers"),
}


def is_typed_infobox_key(key):
    """Whether the site keeps this key's value elsewhere than as an infobox line."""
    name = infobox_key(key)
    return name in INFOBOX_SEASON_FIELDS or name in INFOBOX_JOBS or name == INFOBOX_STARRING


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


def quoted_spans(paragraph):
    """(start, end) of each "quotation" in a paragraph, pairing quote marks in order."""
    marks = [m.start() for m in re.finditer(r"[\"“”]", paragraph)]
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
