"""A date's clause, rewritten to read as a sentence on its own.

A sentence holding several dates is cut at its clause breaks (", with", ", which", ", while",
", ahead of", "; ", ...); each date's event text is its own clause. A clause that starts
with a connective is rewritten into a sentence with its subject:

- "with Ritter having indicated in May 2016 that ..." -> "Ritter indicated in May 2016 that ..."
- "with the scripts completed by October 2016" -> "The scripts were completed by October 2016."
- "with filming beginning in May 2017" -> "Filming began in May 2017."
- "which was revealed in July" -> "This was revealed in July."
- "while Lee joined in May 2019" / "and Lee joined ..." -> "Lee joined in May 2019."
- "and concluded in July 2021" (its verb, not its subject) -> "Filming concluded in July 2021."
- "announcing the cast in July 2019" -> "<the main clause's subject> announced the cast ..."
- "ahead of its debut in other markets by 2022" -> "<subject> debuted in other markets by 2022."
- "and New Zealand on March 16" (no verb of its own) takes the main clause's words up to
  their place: "The season was released in Australia on March 2 and New Zealand on March 16"
  -> "The season was released in New Zealand on March 16."

A clause that cannot be rewritten so keeps the whole sentence, which reads on its own.
"""

import re
from dataclasses import dataclass

# An "and" joins two clauses only where both sides hold a date: otherwise it ends a list
# ("Ireland, Australia, and New Zealand on March 16").
BREAK_RE = re.compile(
    r",\s+(?=(?P<word>with|and|but|which|while|whereas|ahead of|after|before|following"
    r"|[a-z]+ing)\b)"
    r"|\s+(?=(?P<bare>and)\s)"
    r"|;\s+"
)
# "-ing" words that open a phrase or name a process, not a participle clause.
NOT_CLAUSE_ING = {"including", "according", "during", "filming", "casting", "writing", "shooting"}
PREPOSITIONS = {"in", "on", "at", "to", "for", "by", "from", "across", "during", "until"}
MODALS = {"would", "will", "could", "might", "may", "should", "can", "must"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"}
# Finite verbs that do not end in -ed, for telling a clause from a bare list item.
FINITE = {
    "was", "were", "is", "are", "has", "had", "have", "did", "does", "became", "began", "came",
    "said", "told", "wrote", "took", "gave", "made", "got", "went", "left", "joined", "met",
    "won", "ran", "shot", "set", "put", "cast", "held", "kept", "sold", "saw", "knew", "chose",
    "found", "brought", "read", "led", "hired", "returned", "spoke", "grew",
    *MODALS,
}  # fmt: skip
# -ing and past participles whose simple past is not the regular "-ed".
IRREGULAR_ING = {
    "saying": "said", "having": "had", "making": "made", "writing": "wrote",
    "beginning": "began", "taking": "took", "getting": "got", "giving": "gave",
    "coming": "came", "becoming": "became", "telling": "told", "leaving": "left",
    "putting": "put", "setting": "set", "casting": "cast", "shooting": "shot",
    "running": "ran", "bringing": "brought", "finding": "found", "holding": "held",
    "keeping": "kept", "selling": "sold", "seeing": "saw", "knowing": "knew",
    "choosing": "chose", "winning": "won", "meeting": "met", "leading": "led",
    "reading": "read", "speaking": "spoke", "going": "went", "doing": "did",
}  # fmt: skip
IRREGULAR_PARTICIPLE = {
    "been": "was", "written": "wrote", "begun": "began", "taken": "took", "given": "gave",
    "shown": "showed", "done": "did", "seen": "saw", "known": "knew", "gone": "went",
    "spoken": "spoke", "chosen": "chose", "become": "became", "come": "came", "said": "said",
    "made": "made", "told": "told", "left": "left", "cast": "cast", "shot": "shot",
    "set": "set", "held": "held", "found": "found", "brought": "brought", "won": "won",
}  # fmt: skip
# The three shapes of a "with" clause `absolute` rewrites: "X having done", "X done by ...",
# "X doing".
ADVERB = r"(?P<adverb>(?:also |later |then |soon )?)"
HAVING_DONE_RE = re.compile(rf"(?P<subject>.+?) {ADVERB}having (?P<verb>\w+)\b(?P<tail>.*)")
DONE_RE = re.compile(
    rf"(?P<subject>.+?) {ADVERB}(?P<verb>[a-z]+ed|{'|'.join(IRREGULAR_PARTICIPLE)}) "
    r"(?P<tail>(?:by|in|on|at|as|during|before|after|for|until)\b.*)"
)
DOING_RE = re.compile(rf"(?P<subject>.+?) {ADVERB}(?P<verb>[a-z]+ing)\b(?P<tail>.*)")
# A nominalised event after "ahead of its ...": the noun and the verb it stands for.
NOUN_VERBS = {
    "debut": "debuted", "release": "was released", "premiere": "premiered",
    "return": "returned", "launch": "launched", "arrival": "arrived",
}  # fmt: skip


@dataclass(frozen=True)
class Segment:
    start: int  # in the sentence
    end: int
    connective: str  # the word the segment opens with ("with", "and", ...), "" for the first


def segments_of(sentence, mentions):
    """The clauses of a sentence: cut at every break, but at an "and" or a "with" only
    between dates."""
    breaks = [
        (m.start(), m.end(), m.group("word") or m.group("bare") or "")
        for m in BREAK_RE.finditer(sentence)
    ]

    def has_date(start, end):
        return any(start <= mention.start < end for mention in mentions)

    # For each break, the end of the last comma or semicolon break before it and the start of
    # the first one after it (two passes: linear in the breaks).
    marked_before, last = [], None
    for start, end, _word in breaks:
        marked_before.append(last)
        if sentence[start] in ",;":
            last = end
    marked_after, first = [], None
    for start, _end, _word in reversed(breaks):
        marked_after.append(first)
        if sentence[start] in ",;":
            first = start
    marked_after.reverse()
    kept = []
    for index, (start, end, word) in enumerate(breaks):
        if word in ("and", "with") or word.endswith("ing"):
            # Only between two dates: otherwise a list's "and", a phrase ("including"), or
            # a "with" that only adds to its clause ("premiered on May 9, with two episodes").
            # A bare "and" is read up to the breaks beside it that a comma or semicolon
            # makes, so that "..., and a screening for the cast and crew was held on 4 July"
            # is one clause, not two.
            if word in NOT_CLAUSE_ING:
                continue
            before = kept[-1][1] if kept else 0
            after = breaks[index + 1][0] if index + 1 < len(breaks) else len(sentence)
            if sentence[start] != "," and marked_before[index] is not None:
                before = max(before, marked_before[index])
            after = len(sentence) if marked_after[index] is None else marked_after[index]
            if not (has_date(before, start) and has_date(end, after)):
                continue
        kept.append((start, end, word))
    segments, position, connective = [], 0, ""
    for start, end, word in kept:
        segments.append(Segment(position, start, connective))
        position, connective = end, word
    segments.append(Segment(position, len(sentence), connective))
    return segments


def segment_of(segments, mention):
    for segment in segments:
        if segment.start <= mention.start < segment.end:
            return segment
    return segments[-1]


def as_sentence(text):
    """Capitalised, ending with a full stop."""
    text = text.strip().rstrip(",;: ")
    text = text[:1].upper() + text[1:]
    if not re.search(r"[.!?][\"”’]?$", text):
        text += "."
    return text


def words(text):
    return re.findall(r"[\w'’+-]+", text)


NOT_VERBS_IN_ED = {"hundred", "need", "indeed", "speed", "seed", "red", "bed", "shed"}


def is_finite(word):
    """A finite verb: a common one, or a lower-case word in -ed (not "Ted", "hundred"); a
    capitalised word inside a clause is a name or a month ("May"), not a verb."""
    if word in NOT_VERBS_IN_ED:
        return False
    return word in FINITE or bool(re.fullmatch(r"[a-z]+ed", word))


def has_finite_verb(text):
    return any(is_finite(word) for word in words(text))


def past_of(word):
    word = word.lower()
    if word in IRREGULAR_ING:
        return IRREGULAR_ING[word]
    if word in IRREGULAR_PARTICIPLE:
        return IRREGULAR_PARTICIPLE[word]
    if word.endswith("ing"):
        return word[:-3] + "ed"  # stating -> stated, planning -> planned
    return word


# A phrase before the subject: "In March 2017, ", "On January 17, 2016, ", "By July, ".
LEADING_PHRASE_RE = re.compile(
    r"^(?:In|On|By|During|After|Before|Since|Until|Following|Throughout)\b[^,]*"
    r"(?:,\s*\d{4})?,\s+"
)


def without_leading_phrase(text):
    return LEADING_PHRASE_RE.sub("", text.strip(), count=1)


def main_clause(sentence, first):
    """The first clause without its leading phrase: its subject first."""
    return without_leading_phrase(sentence[first.start : first.end])


def subject_of(clause):
    """The words before the clause's first finite verb, or None."""
    tokens = clause.split()
    for index, token in enumerate(tokens):
        word = token.strip(",;")
        after_determiner = index and tokens[index - 1].lower() in DETERMINERS  # "the cast"
        if index and not after_determiner and is_finite(word):
            subject = " ".join(tokens[:index])
            if subject.lower() not in DETERMINERS:
                return subject
            return None
    return None


def rewrite(sentence, segments, segment, mentions):
    """The segment as a sentence with its subject, or None where it cannot be rewritten."""
    text = sentence[segment.start : segment.end].strip().rstrip(",;")
    word = segment.connective
    if not word:
        return as_sentence(text)
    rest = text[len(word) :].strip() if text.lower().startswith(word) else text
    if not rest:
        return None
    main = main_clause(sentence, segments[0])
    subject = subject_of(main)
    if word in ("and", "but", "while", "whereas", "after", "before", "following"):
        if re.match(r"(?:its|their|the \w+'s|the \w+’s) ", rest):
            return nominal(rest, subject)
        if word in ("after", "before", "following") and rest.startswith("which "):
            return as_sentence(f"{word} this, {rest[len('which ') :]}")  # "after which NBC ..."
        if has_finite_verb(rest) and subject_of(rest):
            return as_sentence(rest)
        first = rest.split()[0] if rest.split() else ""
        if word in ("and", "but") and subject and is_finite(first):
            # "and concluded in July", "and was broadcast ..." share the main clause's subject
            return as_sentence(f"{bare_subject(subject)} {rest}")
        if word == "and" and subject and first.endswith("ing") and first not in NOT_CLAUSE_ING:
            # "beginning in January and wrapping in March": "Filming wrapped in March."
            return as_sentence(f"{bare_subject(subject)} {past_of(first)}{rest[len(first) :]}")
        if word == "and":
            return gapped(sentence, segments, segment, rest, mentions)
        return None
    if word == "ahead of":
        return nominal(rest, subject)
    if word == "with":
        return absolute(rest)
    if word == "which":
        if re.match(r"(?:was|were|is|are|had|has|would|will|[a-z]+ed)\b", rest):
            return as_sentence("This " + rest)
        return None
    if word.endswith("ing") and subject:
        return as_sentence(f"{subject} {past_of(word)} {rest}")
    return None


def bare_subject(subject):
    """A subject without the phrase set before it: "A co-production between ESPN Films and
    Netflix, the series" -> "the series"; "The seven-episode series," -> "The seven-episode
    series"."""
    return subject.rstrip(", ").rsplit(", ", 1)[-1]


def absolute(rest):
    """A "with" clause: "X having done", "X doing", "X done" -> "X did", "X was done"."""
    match = HAVING_DONE_RE.match(rest)
    if match:
        past = past_of(match.group("verb"))
        return as_sentence(f"{match['subject']} {match['adverb']}{past}{match['tail']}")
    match = DONE_RE.match(rest)
    if match and match["subject"].split()[-1].lower() not in DETERMINERS:
        be = "were" if match["subject"].split()[-1].endswith("s") else "was"
        verb = f"{be} {match['adverb']}{match['verb']}"
        return as_sentence(f"{match['subject']} {verb} {match['tail']}")
    match = DOING_RE.match(rest)
    if match and match["subject"].split()[-1].lower() not in DETERMINERS:
        past = past_of(match.group("verb"))
        return as_sentence(f"{match['subject']} {match['adverb']}{past}{match['tail']}")
    return None


def nominal(rest, subject):
    """ "its debut in X by 2022" -> "<subject> debuted in X by 2022"."""
    match = re.match(r"(?P<owner>its|their|the \w+['’]s) (?P<noun>\w+)\b(?P<tail>.*)", rest)
    if not match or match["noun"] not in NOUN_VERBS:
        return None
    owner = match["owner"]
    if owner in ("its", "their"):
        if not subject:
            return None
        owner = subject
    else:
        owner = owner[:-2]
    return as_sentence(f"{owner} {NOUN_VERBS[match['noun']]}{match['tail']}")


def gapped(sentence, segments, segment, rest, mentions):
    """ "and New Zealand on March 16" after "... in Australia on March 2": the main clause's
    words up to the place the fragment fills."""
    index = segments.index(segment)
    previous = segments[index - 1]
    dates = [m for m in mentions if previous.start <= m.start < previous.end]
    if not dates:
        return None
    main = sentence[previous.start : dates[-1].start]
    # Cut at the preposition the fragment opens with, else at the one before the main
    # clause's own date phrase ("in Australia on" -> "in").
    first = rest.split()[0].lower()
    cut = None
    if first in PREPOSITIONS:
        # As many prepositional phrases as the fragment has, counted back from the main
        # clause's date: "debuting on BBC Four in the UK on 12 March and on The CW in the US
        # on 15 August" -> "debuting on The CW in the US on 15 August".
        phrases = sum(1 for token in rest.split() if token.lower() in PREPOSITIONS)
        tokens = [t for t in re.finditer(r"\S+", main) if t.group().lower() in PREPOSITIONS]
        if 1 < phrases <= len(tokens) and tokens[-phrases].group().lower() == first:
            cut = tokens[-phrases].start() - 1
        else:
            cut = main.lower().rfind(f" {first} ")
        if cut == -1:
            return None
        prefix = main[:cut]
    else:
        tokens = list(re.finditer(r"\S+", main))
        prepositions = [t for t in tokens if t.group().lower() in PREPOSITIONS]
        if len(prepositions) < 2:
            return None
        prefix = main[: prepositions[-2].end()]
    prefix = without_leading_phrase(prefix)
    return as_sentence(f"{prefix.strip()} {rest}")


# What a clause says happened, for its kind: its words without what only places it in time
# ("ahead of the second season's premiere", "before the finale had aired", ", the same night
# the Cavaliers won the Finals"), without asides about someone (", who was best known for
# writing comedies,") and without quotations (someone's words, not the article's).
TIME_PHRASE_RE = re.compile(
    r"\b(?:ahead of|before|after|(?<!the )following|during|despite|unlike)\b[^,;]*"
    r"|,\s*the (?:same )?(?:day|night|week|weekend)\b[^,;]*"
)
ASIDE_RE = re.compile(
    r",\s+(?:who|whose)\b[^,;]*,"  # ", who was best known for writing comedies,"
    r"|^(?:[A-Z]\w+ed|[a-z]+ed)\b[^,;]*,"  # "Created and written by A, ..."
)
QUOTATION_RE = re.compile(r"\"[^\"]*\"|“[^”]*”")


def what_happened(clause, date_start=None):
    """The clause's words that say what happened: time phrases (except the one holding the
    date at `date_start`), asides and quotations blanked out."""

    def blank(match):
        if date_start is not None and match.start() <= date_start < match.end():
            return match.group()
        return " " * len(match.group())

    for pattern in (QUOTATION_RE, ASIDE_RE, TIME_PHRASE_RE):
        clause = pattern.sub(blank, clause)
    return clause
