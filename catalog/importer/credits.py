"""Cast lists, and the crew that the infobox and the prose credit on this season.

Only what the article states as a role on this season becomes a credit: a list item under a
cast heading, a person-valued infobox key, or prose of the shapes below. A person who is only
mentioned or quoted gets no credit.
"""

import bisect
import functools
import re
from collections import Counter

from catalog.domain.vocabulary import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    billing_of_heading,
    heading_role,
    infobox_meaning,
    is_cast_heading,
    number_of,
    split_sentences,
)
from catalog.importer.accolades import clean
from catalog.importer.data import CreditData, Note
from catalog.importer.episodes import prose_titles, titles_as_numbers
from catalog.importer.errors import LineProblem
from catalog.importer.job_words import (
    ANY_VERB,
    COMPANION_VERB,
    COMPANY_WORDS,
    DEBUT_WORD,
    DEBUT_WORDS,
    IRREGULAR_PAST,
    JOB_IDIOM,
    JOB_IDIOMS,
    JOB_WORD_RE,
    NOT_NAME_WORDS,
    NOT_WORK_VERBS,
    ROLE,
    ROLE_MODIFIER,
    ROLE_MODIFIERS,
    ROLE_NOUN,
    ROLE_NOUNS,
    SEASON_NOUNS,
    TEAM_NOUNS,
    WORK_NOUN,
    made_thing_decides,
    reviewing_verb,
    role_job,
    verb_job,
    work_job,
)
from catalog.importer.reviews import is_review_paragraph
from catalog.importer.text import (
    CAPITAL,
    NAME,
    NAME_PARTICLES,
    NAME_WORD,
    outside_quotes,
    split_list,
    surname,
)

CAST_ITEM_RE = re.compile(r"^(?P<name>.+?)\s+as\s+(?P<character>.+?)\s*$")

PER_EPISODE_RE = re.compile(
    r"[Tt]he (?P<noun>[a-z ]+?) (?:included|were), in (?:respective )?order for each episode:\s*"
    r"(?P<names>.+?)\.?$"
)


# Numbers of episodes as an article writes them: "the first two episodes", "episode five".
COUNT_WORDS = [word for word, value in NUMBER_WORDS.items() if value]
ORDINAL = "|".join(ORDINAL_WORDS)

# A job word's people for the notes: at most six lower-case words away.
NOTE_GAP = r"(?:[\s,]+[a-z][\w'’-]*)"
NOTE_WINDOW = 600  # characters before a job word where its people may stand
# The jobs whose credit says what was made (its note): the made thing is the work.
MAKERS = {"artist", "designer", "illustrator"}

# The sentence shapes that credit crew, over the tables of job_words. PEOPLE is one name or
# several joined by commas and "and" (the Oxford comma too).
AND_LIST = r"(?:,\s+|,?\s+and\s+)"
# A name here (text.NAME: two to six words) is a whole run of capitalised words, ending at
# its run's end and starting nowhere right after a capitalised word: so that a long run of
# them costs linear time, not quadratic.
NAME_WORDS = rf"{NAME}(?![\w-]| {CAPITAL})"
PERSON = "".join(rf"(?<!\b{CAPITAL}[\w'’.-]{{{k}}}\s)" for k in range(20)) + NAME_WORDS
PEOPLE = rf"{PERSON}(?:{AND_LIST}{PERSON}){{0,19}}"  # twenty people at most: linear time
# People who do something start a clause: not after a preposition ("designed by A, and B was
# hired as ...": B, not A, was hired).
SUBJECT = (
    r"(?<![\w'’-])"
    # "A, appearing as B, directed": B is a character, not the doer
    + "".join(rf"(?<!\b{word}\s)" for word in ["by", "to", "for", "from", "on", "at", "in", "as"])
    # not after "of" either, but for "the writing team of A and B" (job_words.TEAM_NOUNS)
    + r"(?:(?<!\bof\s)"
    + "".join(rf"|(?<=\b{noun}\sof\s)" for noun in TEAM_NOUNS)
    + ")"
    + "".join(
        # "A replaced B as showrunner": B no longer holds the job
        rf"(?<!\b{word}\s)"
        for word in ["replaced", "replacing", "succeeded", "succeeding"]
    )
)
# People after "by" end where their clause does ("by A, and B was hired": only A).
PEOPLE_END = (
    r"(?=[,;:(]|\.(?:\s|$)|\s+(?:and|with|in|for|on|who|as|from|at|of|during|while|alongside)\b|$)"
)
# What may stand between the people and their verb: "A also wrote", "A was hired to compose".
AUX = (
    r"(?:(?:also|jointly|together|later|then|again|would|will|each|both|has|had|have|alone|solely|"
    r"(?:was|were)\s+(?:hired|set|brought\s+on|chosen|tapped|asked)\s+to|"
    r"return(?:ed|ing|s)?\s+to|(?:went|came)\s+on\s+to)\s+)*"
)
# "A, who also served as showrunner": the relative clause says what A did (on this season when
# what follows names no other work).
WHO = r"(?:,\s+who)?"
# A clause ends at punctuation or where another person's clause begins ("... and B directed").
# A comma inside a list of episodes ("the third, fourth and fifth episodes") ends no clause.
EPISODE_LIST_COMMA = (
    rf"[,:](?=\s+(?:and\s+|as\s+well\s+as\s+|along\s+with\s+)?(?:the\s+)?(?:season'?s?\s+)?"
    rf"(?:{ORDINAL}|{'|'.join(COUNT_WORDS)}|\d+|episodes?|premiere|pilot|finale|last|final)\b)"
)
CLAUSE_END = (
    rf"(?=(?!{EPISODE_LIST_COMMA})[,;:(]|\.(?:\s|$)"
    r"|\s+(?:and|while|with|but|whereas|alongside)\s+[A-Z]|$)"
)
PEOPLE_BEFORE_RE = re.compile(rf"(?P<people>{PEOPLE})(?P<gap>{NOTE_GAP}{{0,6}})[\s,]*$")
# After a job word a name may follow a capitalised one ("Composer Ann Lee").
PEOPLE_AFTER_RE = re.compile(
    rf"(?P<gap>{NOTE_GAP}{{0,6}})[\s,]+(?P<people>{NAME_WORDS}(?:{AND_LIST}{NAME_WORDS}){{0,19}})"
)
# 1. PEOPLE VERB WHAT: "A and B composed the score", "A was hired to compose the score",
#    "A directed all eight episodes", "with A directing the first two episodes".
# Two verbs of one doer: "A wrote and directed the finale", "A wrote or co-wrote every episode".
VERBS = rf"(?P<verb>{ANY_VERB})(?:\s+(?:and|or)\s+(?P<verb2>{ANY_VERB}))?"
# "A of Siren Pictures produced the season": the company they work for, between.
OF_COMPANY = (
    rf"(?:\s+(?:of|from|at)\s+(?:{CAPITAL}[\w'’.&-]*\s+){{0,4}}?"
    rf"(?:{'|'.join(map(re.escape, COMPANY_WORDS))})\b)?"
)
ACTIVE_RE = re.compile(
    rf"{SUBJECT}(?P<people>{PEOPLE}){OF_COMPANY}{WHO},?\s+{AUX}{VERBS}\b"
    rf"(?P<what>(?:{EPISODE_LIST_COMMA}|[^,;:(])*?){CLAUSE_END}"
)
# A relative clause may end on its episode's title, set off by a comma ("A, who directed the
# sixth episode, "Sunset", co-wrote ..."; the title read as "episode 6" by then).
TITLED = r'(?:,\s+(?:["“][^"“”]{1,60}["”]|episode\s+\d+))?'
# 1b. The same after a relative clause, an apposition or a participle: "A, who created the
#     series, again wrote every episode", "A, the series' creator, wrote the finale", "A, also
#     appearing on screen as B, directed the last two episodes", "A, one of its founders, developed
#     the series".
ACTIVE_AFTER_WHO_RE = re.compile(
    rf"{SUBJECT}(?P<people>{PEOPLE}),\s+(?:who\s+[^,]{{1,80}}{TITLED}|(?:the|a|an|its|their|one\s+of)\s+[^,]{{1,60}}"
    r"|(?:also\s+)?[a-z]+ing\s+[^,]{1,80}),"
    rf"\s+{AUX}{VERBS}\b"
    rf"(?P<what>(?:{EPISODE_LIST_COMMA}|[^,;:(])*?){CLAUSE_END}"
)
# 2. WHAT (was) VERB by PEOPLE: "The score was provided by A", "All music composed by A",
#    several verbs of one doer ("created, written and directed by A", "created and run by A":
#    each job verb among them),
#    "Oscar's paintings were created by comic book artist A" (a role before the name is its job).
PASSIVE_RE = re.compile(
    rf"\b(?P<verbs>(?:[A-Za-z][\w-]*(?:,\s+|,?\s+(?:and|or)\s+)){{0,4}}?)"
    rf"(?P<verb>(?i:{ANY_VERB}|{COMPANION_VERB}))\s+by\s+(?P<role>(?:[a-z][\w'’-]*\s+){{0,4}}?)(?P<people>{PEOPLE})"
    + PEOPLE_END
)
# 3. THING by PEOPLE: "with music by A", "Costumes by A".
THING_BY_RE = re.compile(rf"(?i:\b(?P<thing>{WORK_NOUN}))\s+by\s+(?P<people>{PEOPLE}){PEOPLE_END}")
# 4. PEOPLE served as / was hired as / joined the season as / returned as / was ROLE(S):
#    "A served as showrunner", "A joined the season as an executive producer and writer",
#    "with A as showrunner".
LINK = (
    r"(?:(?:serv(?:ed|es|ing|e)|act(?:ed|s|ing)|work(?:ed|s|ing)|return(?:ed|s|ing)|"
    r"continu(?:ed|es|ing|e)|"
    r"signed\s+on|came\s+(?:on|aboard)|took\s+over|stepped\s+in|remain(?:ed|s)?|"
    r"stay(?:ed|s)?\s+on|"
    rf"(?:replac|succeed)(?:ed|es|ing|s)?\s+{PERSON}|(?:(?:was|were|is|are)\s+(?:also\s+)?)?"
    r"(?:hired|named|chosen|"
    r"brought\s+(?:on|in)|announced|confirmed|set|tapped|credited)|"
    r"join(?:ed|s|ing)(?:\s+the\s+(?:season|series|show|production|crew|writing\s+staff))?)"
    r"\s+as|(?:was|were|is|are)\s+(?:named|appointed|made|promoted\s+to)|was|were|is|are|became"
    r"|remained"
    # "with A as showrunner": a bare "as" (a role noun must follow, so "A as Jessica" is none).
    r"|as)"
)
ROLE_AS_RE = re.compile(
    rf"{SUBJECT}(?P<people>{PEOPLE})(?:,\s+who(?:\s+[^,]{{1,80}},)?)?"
    r"\s+(?:(?:also|later|again|then|would|will|once|once\s+more)\s+)*"
    rf"{LINK}\s+(?P<roles>{ROLE}(?:{AND_LIST}{ROLE}){{0,5}})\b(?!\s+{PERSON})"
    rf"(?P<tail>(?:{EPISODE_LIST_COMMA}|[^,;:])*?){CLAUSE_END}"
)
# 5. The season's ROLE PEOPLE: "series showrunner A", "the season's writers A and B". A role
#    before a name without "season" or "series" may be another work's ("The Defenders writer A").
BARE_ROLE = rf"(?:(?:{ROLE_MODIFIER})\s+){{0,3}}(?:{ROLE_NOUN})"
APPOSITION_RE = re.compile(
    rf"\b(?i:season|series)(?:'s|'|’s|’)?\s+(?P<roles>{BARE_ROLE}(?:{AND_LIST}{BARE_ROLE}){{0,5}})"
    rf",?\s+(?P<people>{PEOPLE})"
)
# 7. ROLES (for the season) included / were PEOPLE: "Writers for the season included A and B",
#    "The season's directors included A, B and C" (what stands before the roles in their
#    clause must name no other work: "The Lantern's writers included A" is not this season's).
INCLUDED_RE = re.compile(
    rf"(?i:\b(?P<roles>{BARE_ROLE}(?:{AND_LIST}{BARE_ROLE}){{0,5}}))"
    r"(?P<tail>(?:\s+(?:for|on|of|in)\s+the\s+(?:season|series))?)\s+"
    r"(?:also\s+)?(?:included|include|includes|were|are|was|is)\s+"
    rf"(?P<people>{PEOPLE}){PEOPLE_END}"
)
# 8. ROLE PEOPLE came back / joined: "Cinematographer Owen Blake returned", "..., and composer
#    A joined the series" (a role before a name that only stands there, "Composer A was
#    unavailable", credits nobody). "returned from the first season" is this season's too.
ROLE_FIRST_RE = re.compile(
    rf"(?:^|[,;:]\s+|\b(?:and|while|whereas|but)\s+)(?:(?:[Tt]he|[Ss]eries|[Ss]eason)\s+)?"
    rf"(?P<roles>(?i:{BARE_ROLE}))\s+(?P<people>{NAME_WORDS}(?:{AND_LIST}{PERSON}){{0,19}})\s+"
    r"(?:(?:also|again|later)\s+)?"
    r"(?:return(?:ed|s|ing)|join(?:ed|s|ing)|came\s+(?:on\s+)?(?:aboard|back|on)|signed\s+on"
    r"|(?:was|were)\s+(?:hired|brought\s+(?:on|in|back)|tapped|enlisted)|serv(?:ed|es)"
    r"|work(?:ed|s))\b(?!\s+as\b)"  # "Creator A returned as a producer": the role after "as"
    rf"(?P<tail>(?:{EPISODE_LIST_COMMA}|[^,;:(])*?){CLAUSE_END}"
)
# 8b. ROLE PEOPLE did something: "Costume designer A chose the tracksuits", "Production
#     designer A, who worked closely with B, ..." (not "Composer A declined": NOT_WORK_VERBS; not
#     a job verb with another work after it: "Composer A, who scored The Lantern, ...").
ROLE_ACTION_RE = re.compile(
    rf"(?:^|[,;:]\s+|\b(?:and|while|whereas|but|with)\s+)(?:(?:[Tt]he|[Ss]eries|[Ss]eason)\s+)?"
    rf"(?P<roles>(?i:{BARE_ROLE}))\s+(?P<people>{NAME_WORDS}(?:{AND_LIST}{PERSON}){{0,19}})"
    r"(?:,\s+who)?\s+(?:(?:also|again|later|then|once)\s+)?"
    # "Creator A returned as a producer": the role after "as" (shape 4)
    rf"(?P<verb>[a-z]+ed|{IRREGULAR_PAST})\b(?!\s+as\b)(?P<tail>[^,;:(]*?){CLAUSE_END}"
)
# "returned from the first season": where they came back from, not where they work now.
RETURNED_FROM_RE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:\w+\s+)?(?:seasons?|series|parts?)(?:\s+\d+)?\b", re.I
)
# 5b. PEOPLE, the season's ROLE: "A, the series' creator, wrote ...".
APPOSITION_AFTER_RE = re.compile(
    rf"{SUBJECT}(?P<people>{PEOPLE}),\s+(?:the\s+)?(?:(?i:season|series|show)(?:'s|'|’s|’)?\s+)?"
    rf"(?P<roles>{BARE_ROLE}(?:{AND_LIST}{BARE_ROLE}){{0,5}}),"
)
# 6. PEOPLE's THING: "Juniper Vale's score", "A and B's costumes for the season".
POSSESSIVE_RE = re.compile(
    rf"{SUBJECT}(?P<people>{PEOPLE})(?:'s|’s|'|’)\s+(?:(?:original|new|additional)\s+)?"
    rf"(?P<thing>{WORK_NOUN})\b(?P<tail>[^,;:(]*?){CLAUSE_END}"
)
# A clause that goes on a passive one with the verb left out: ", episode five by B".
GAPPED_PASSIVE_RE = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?P<what>(?:the|episodes?)\s+[^,;:(]{0,60}?)\s+by\s+"
    rf"(?P<people>{PEOPLE}){PEOPLE_END}"
)
# A clause that goes on an active one with the verb left out: ", B the fifth and sixth".
GAPPED_ACTIVE_RE = re.compile(
    rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?P<people>{PEOPLE})\s+"
    rf"(?P<what>(?:the|episodes?)\s+(?:{EPISODE_LIST_COMMA}|[^,;:(])*?){CLAUSE_END}"
)
# A credit with no job word: "A was credited with the third and eighth", "A received sole
# credit for the third episode", "A received her first credit with episode 8", "A shared credit
# with B on the tenth". Its job is the one the sentence (or the paragraph) gave last.
CREDIT_PHRASE = (
    r"(?:(?:was|were)\s+(?:also\s+)?credited\s+(?:with|for|on)|return(?:ed|s)\s+for"
    r"|(?:received|receives|earned|earns|shared|shares|took|takes|got|gets)\s+"
    r"(?:(?:sole|her|his|their|a|an|the|first|only|joint|shared|co-?writing|writing|directing)\s+)"
    rf"{{0,3}}credits?\s+(?:with\s+(?P<partners>{PEOPLE})\s+)?(?:for|with|on))"
)
EPISODES_WHAT = (
    rf"(?P<what>(?:the|episodes?|{'|'.join(COUNT_WORDS)})\s+(?:{EPISODE_LIST_COMMA}|[^,;:(])*?)"
    + CLAUSE_END
)
CREDITED_RE = re.compile(
    rf"(?:{SUBJECT}(?P<people>{PEOPLE})(?:,\s+[^,]{{1,80}},)?\s+(?:(?:also|again|later|then)\s+)?"
    rf"|\b)(?P<phrase>{CREDIT_PHRASE})\s+{EPISODES_WHAT}"
)
# People each with their episodes in brackets: "were handled by A ("The Injury"), B (the
# thirteenth and fifteenth episodes) and C (the fourteenth)".
EACH_IN_BRACKETS = rf"(?P<people>{PERSON}\.?)\s+\((?P<what>[^()]{{1,60}})\)"
BY_EACH_RE = re.compile(rf"\b(?P<verb>{ANY_VERB})\s+by\s+{EACH_IN_BRACKETS}")
GAPPED_EACH_RE = re.compile(rf"(?:,\s+(?:and\s+)?|,?\s+and\s+){EACH_IN_BRACKETS}")
# A second passive verb of the same subject: "was written by A and directed by B".
PASSIVE_AND_RE = re.compile(
    rf"\s+and\s+(?:was\s+|were\s+)?(?P<verb>{ANY_VERB})\s+by\s+(?P<people>{PEOPLE}){PEOPLE_END}"
)
# A job said by an idiom: "A was behind the camera for episodes eleven and twelve".
IDIOM_RE = re.compile(
    rf"{SUBJECT}(?P<people>{PEOPLE})\s+(?:was|were)\s+(?:also\s+|again\s+)?"
    rf"(?P<idiom>{JOB_IDIOM})\s+(?:for|on)\s+{EPISODES_WHAT}"
)
# A clause that goes on a credit with its words left out: ", and B for the fourth", ", with B
# on the fourth".
GAPPED_CREDIT_RE = re.compile(
    rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?:with\s+)?(?P<people>{PEOPLE})\s+(?:for|on|with)\s+"
    + EPISODES_WHAT
)
# A clause that goes on another with the same doer left out: ", and wrote the finale".
CONTINUED_RE = re.compile(
    rf",?\s+(?:and|but)\s+{AUX}{VERBS}\b"
    rf"(?P<what>(?:{EPISODE_LIST_COMMA}|[^,;:(])*?){CLAUSE_END}"
)
# A credit phrase that goes on a clause with its doer left out: "A wrote the fifth episode,
# and shared credit with B on the tenth" (A and B, in the job the clause before gave).
CONTINUED_CREDIT_RE = re.compile(
    rf",?\s+(?:and|but)\s+(?P<phrase>{CREDIT_PHRASE})\s+{EPISODES_WHAT}"
)
# A first credit in a job: "A made his directorial debut on episode 9", "A, the director of
# photography, made her episodic directing debut with the fourth chapter".
DEBUT_RE = re.compile(
    rf"{SUBJECT}(?P<people>{PEOPLE}),?\s+(?:also\s+)?(?:made|makes|making)\s+"
    rf"(?:his|her|their)\s+(?:[a-z]+\s+)?(?P<kind>(?i:{DEBUT_WORD}))\s+debut\s+(?:on|with|in)\s+"
    rf"(?P<what>(?:{EPISODE_LIST_COMMA}|[^,;:(])*?){CLAUSE_END}"
)
# The episode first: "The finale marked A's directorial debut".
DEBUT_MARKED_RE = re.compile(
    rf"\b(?:marked|was|became)\s+(?P<people>{PEOPLE})(?:'s|’s)\s+(?:[a-z]+\s+)?"
    rf"(?P<kind>(?i:{DEBUT_WORD}))\s+debut\b"
)
# A sentence that opens with a pronoun: its doer is the one person the sentence before credited.
PRONOUN_SUBJECT_RE = re.compile(r"^(?:He|She)(?=\s)")
# More episodes of the same doer and verb after the people shared with: ", and the finale".
MORE_EPISODES_RE = re.compile(r",?\s+and\s+" + EPISODES_WHAT)
# Others who shared the job, right after its clause: "A composed the score with B",
# "A executive produced the season alongside B and C".
SHARED_WITH_RE = re.compile(
    rf"\s+(?:alongside|with|together\s+with)\s+(?P<people>{PEOPLE}){PEOPLE_END}"
    # after a comma only where the people end their clause: "the ninth, episode 9, with B,"
    rf"|,\s+(?:alongside|with|together\s+with)\s+(?P<listed>{PEOPLE})(?=[,;.]|$)"
)

# A capitalised word in what a job made says it is another work ("The Defenders' score"),
# unless the words tie it to this season ("Oscar's paintings in the season").
THIS_SEASON_RE = re.compile(
    r"\b(?:in|for|of|on|throughout)\s+(?:the|this)\s+(?:season|series|miniseries)\b"
)
OTHER_SEASON_RE = re.compile(
    r"\b(?:previous|earlier|prior|past|other|former|next|later)\s+(?:seasons?|series)\b"
)


@functools.cache
def numbered_season_re(nouns):
    """ "the first season", "season 3" in the words an article calls a season by (`nouns`:
    "series" too in a British article, "the second series", "series 1")."""
    words = "|".join(rf"{re.escape(noun)}s?" for noun in nouns)
    return re.compile(
        rf"\b(?P<ordinal>{ORDINAL})\s+(?:{words})\b|\b(?:{words})\s+(?P<number>\d+)",
        re.IGNORECASE,
    )


SEASON_NOUN_RE = re.compile(rf"\b(?:{'|'.join(SEASON_NOUNS)})\b", re.IGNORECASE)
NUMBERED_SEASON_RE = re.compile(
    rf"\b(?P<ordinal>{ORDINAL})\s+seasons?\b|\bseasons?\s+(?P<number>\d+)", re.IGNORECASE
)
OPENING_WORDS = {"the", "a", "an", "all", "its", "each", "every", "both", "additional", "this"}
PASSIVE_FILLER_RE = re.compile(
    r"(?:\s+(?:was|were|is|are|been|be|being|has|have|had|would|will|also|all|entirely|"
    r"primarily|jointly|again|later|originally))+\s*$"
)
WHOLE_SEASON_RE = re.compile(
    r"\b(?:all|every|each)\b(?:\s+\w+)?(?:\s+of)?(?:\s+the)?(?:\s+season'?s?’?s?)?\s+episodes?\b"
)
FIRST_LAST_RE = re.compile(
    r"\b(?P<end>first|last|final|opening|closing)\s+(?:(?P<count>\w+)\s+)?(?:episodes?|chapters?)\b"
)
# The episodes left out after a count, as a second clause says them: "and B directed the
# remaining three" (after "A directed the first three episodes").
ELIDED_EPISODES_RE = re.compile(
    r"\b(?P<end>first|last|final|remaining)\s+(?P<count>\w+)(?=\s*(?:[,;:.—–]|$))"
)
COUNTED_EPISODES_RE = re.compile(r"\b(?P<count>\w+)\s+(?:of\s+the\s+(?:season's\s+)?)?episodes?\b")
FIRST_AND_LAST_RE = re.compile(r"\b(?:first|opening)\s+and\s+(?:last|final|closing)\s+episodes\b")
PREMIERE_RE = re.compile(r"\b(?:premiere|pilot)\b")
FINALE_RE = re.compile(r"\bfinale\b")
PENULTIMATE_RE = re.compile(r"\bpenultimate\b")
NUMBER = rf"(?:\d+|{'|'.join(COUNT_WORDS)})\b"
EPISODE_NUMBERS_RE = re.compile(
    rf"\bepisodes?\s+(?P<numbers>{NUMBER}(?:(?:,\s+|,?\s+and\s+){NUMBER})*)"
)
# "episodes one through four", "episodes 1–4", "episodes two to five": every episode between.
EPISODE_RANGE_RE = re.compile(
    r"\bepisodes?\s+(?P<first>\w+)\s*(?:through|thru|to|until|–|-)\s*(?P<last>\w+)\b"
)
# "the third and fifth episodes"; after a job verb also with the noun left out, where the
# ordinals end their clause ("wrote the fifth and tenth", "helmed three episodes, the third,
# seventh and eleventh").
ORDINAL_EPISODES_RE = re.compile(
    rf"\bthe\s+(?P<ordinals>(?:{ORDINAL})(?:(?:,\s+|,?\s+and\s+)(?:{ORDINAL}))*)"
    r"(?:\s+(?:episodes?|chapters?|instalments?|installments?)\b|(?=\s*(?:[,;:.]|$)))"
)


def sentence_credits(
    text,
    source,
    line,
    episode_count,
    season=None,
    nouns=("season",),
    *,
    reviewing=False,
    context_job=None,
):
    """(credits, notes, spans) from one sentence's words outside quotes, by every shape above;
    `spans`: where in `text` the shapes that credited someone stand (their job words are used).
    `reviewing`: the sentence is a critic's, where "wrote" and "scored" are reviewing.
    `context_job`: the job the paragraph gave last, for a credit that names none ("A received
    sole credit for the third episode")."""
    credits, notes, spans = [], [], []

    def add(match, people, job, episodes_from="", note=""):
        episodes, problem = episodes_named(episodes_from, episode_count)
        if episodes == [None] and not note:
            note = episodes_counted(episodes_from, episode_count)
        dropped = Note(line=line, kind="dropped", text=source, message=problem)
        if problem and dropped not in notes:
            notes.append(dropped)
        names = person_names(people)
        if problem:  # what was understood: the job, and who had it
            dropped.understood = crew(names[0] if names else "", job, source, line, note=note)
        if names and episodes:
            spans.append(match.span())
        for name in names:
            for number in episodes:
                credits.append(
                    crew(name, job, source, line, note=note, episode=number, order=number or 0)
                )

    def add_active(match, people, last_job):
        """Credit an active clause's people; the job it credited last, or `last_job`."""
        what = match.group("what").strip()
        if not (
            about_this_season(what, season, opening=False, nouns=nouns)
            and names_what_a_job_makes(what)
        ):
            return last_job
        for verb in filter(None, [match.group("verb"), match.group("verb2")]):
            if reviewing and reviewing_verb(verb):
                continue
            job = job_of(verb, what)
            if not job and not verb_job(verb) and names_episodes(what):
                # "A directed the first two, and B handled the sixth": the light verb's
                # episodes take the job the sentence gave before.
                job = last_job
            if job:
                add(match, people + shared_with(text, match.end()), job, what)
                for gapped in gapped_actives(text, match.end()):
                    add(gapped, gapped.group("people"), job, gapped.group("what"))
                for more in more_episodes(text, match.end()):
                    # ", and the penultimate episode, with C": the same doer, more episodes
                    add(more, people + shared_with(text, more.end()), job, more.group("what"))
                last_job = job
        for further in continued_clauses(text, match.end()):
            last_job = add_active(further, people, last_job)
        for credited in following(CONTINUED_CREDIT_RE, text, match.end()):
            if last_job and names_episodes(credited.group("what")):
                partners = credited.group("partners")
                add(
                    credited,
                    ", ".join(filter(None, [people, partners])),
                    last_job,
                    credited["what"],
                )
        return last_job

    last_job = context_job
    active = [*ACTIVE_RE.finditer(text), *ACTIVE_AFTER_WHO_RE.finditer(text)]
    for match in sorted(active, key=lambda found: found.start()):
        last_job = add_active(match, match.group("people"), last_job)
    for match in DEBUT_RE.finditer(text):
        add(match, match.group("people"), DEBUT_WORDS[match.group("kind").lower()], match["what"])
    for match in DEBUT_MARKED_RE.finditer(text):
        subject = passive_subject(text, match.start())
        if names_episodes(subject):
            add(match, match.group("people"), DEBUT_WORDS[match.group("kind").lower()], subject)
    for match in PASSIVE_RE.finditer(text):
        subject = passive_subject(text, match.start())
        role = role_job(match.group("role")) if match.group("role").strip() else None
        if match.group("role").strip() and not role:
            continue  # "by a team led by A": A's job is not said
        if not about_this_season(subject, season, opening=True, nouns=nouns):
            continue
        verbs = [*re.findall(r"[A-Za-z][\w-]*", match.group("verbs")), match.group("verb")]
        jobs = [role] if role else [job_of(verb, subject) for verb in verbs if verb_job_form(verb)]
        # What an artist made is said with the credit ("Oscar's paintings").
        thing = thing_made(subject)
        for job in filter(None, dict.fromkeys(jobs)):
            note = thing if job in MAKERS and not SEASON_NOUN_RE.search(thing) else ""
            add(match, match.group("people"), job, subject, note=note)
            for gapped in gapped_passives(text, match.end()):
                add(gapped, gapped.group("people"), job, gapped.group("what"))
        for more in following(PASSIVE_AND_RE, text, match.end()):
            if job := job_of(more.group("verb"), subject):
                add(more, more.group("people"), job, subject)
    for match in THING_BY_RE.finditer(text):
        add(match, match.group("people"), work_job(match.group("thing")))
    for match in ROLE_AS_RE.finditer(text):
        tail = match.group("tail")
        if names_other_work(tail) or other_season(tail, season, nouns):
            continue
        people = match.group("people") + shared_with(text, match.end())
        for role in split_list(match.group("roles")):
            add(match, people, role_job(role), tail)
        for further in continued_clauses(text, match.end()):
            last_job = add_active(further, match.group("people"), last_job)
    for match in ROLE_FIRST_RE.finditer(text):
        tail = RETURNED_FROM_RE.sub("", match.group("tail"))
        if names_other_work(tail) or other_season(tail, season, nouns):
            continue
        for role in split_list(match.group("roles")):
            add(match, match.group("people"), role_job(role), tail)
    for match in ROLE_ACTION_RE.finditer(text):
        verb, tail = match.group("verb"), match.group("tail")
        if verb in NOT_WORK_VERBS or other_season(tail, season, nouns):
            continue
        if verb_job_form(verb) and not about_this_season(tail, season, opening=False, nouns=nouns):
            continue  # "Composer A, who scored The Lantern": another work's
        for role in split_list(match.group("roles")):
            add(match, match.group("people"), role_job(role), tail)
    for match in POSSESSIVE_RE.finditer(text):
        if about_this_season(match.group("tail"), season, opening=False, nouns=nouns):
            add(match, match.group("people"), work_job(match["thing"]), match["tail"])
    for match in INCLUDED_RE.finditer(text):
        before = re.split(r"[,;:(]", text[: match.start()])[-1]
        if about_this_season(before, season, opening=True, nouns=nouns):
            for role in split_list(match.group("roles")):
                add(match, match.group("people"), role_job(role))
    for match in [*APPOSITION_RE.finditer(text), *APPOSITION_AFTER_RE.finditer(text)]:
        for role in split_list(match.group("roles")):
            add(match, match.group("people"), role_job(role))
    # A credit with no job word: the sentence's main job so far, or the paragraph's.
    job = main_job(credits) or context_job
    for match in IDIOM_RE.finditer(text):
        add(match, match.group("people"), JOB_IDIOMS[match.group("idiom")], match.group("what"))
    for match in BY_EACH_RE.finditer(text):
        each_job = verb_job(match.group("verb")) or job
        for each in [match, *following(GAPPED_EACH_RE, text, match.end())]:
            if each_job and names_episodes(each.group("what")):
                add(each, each.group("people"), each_job, each.group("what"))
    for match in CREDITED_RE.finditer(text):
        if job and names_episodes(match.group("what")):
            people = ", ".join(filter(None, [match.group("people"), match.group("partners")]))
            add(match, people, job, match.group("what"))
            for gapped in following(GAPPED_CREDIT_RE, text, match.end(), episodes_only=True):
                add(gapped, gapped.group("people"), job, gapped.group("what"))
    return credits, notes, spans


def main_job(credits):
    """The crew job the credits give most (on a tie, the first); None for none."""
    jobs = Counter(credit.job for credit in credits if credit.department == "crew")
    return max(jobs, key=jobs.get) if jobs else None


# A date names no other work: "hired as showrunner in March 2019".
DATE_PHRASE_RE = re.compile(
    r"\b(?:in|on|by|from|until|during)\s+(?:early\s+|late\s+|mid-)?(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,2})?,?"
    r"(?:\s+\d{4})?"
)


def verb_job_form(word):
    """Whether a word is a form of a job or light verb (not a companion: "run")."""
    return bool(re.fullmatch(ANY_VERB, word.lower()))


def following(pattern, text, end, *, episodes_only=False):
    """The clauses of `pattern` that follow one another from `end` (each from where the one
    before ended); with `episodes_only`, while their "what" names episodes and nothing else."""
    found = []
    while (match := pattern.match(text, end)) and (
        not episodes_only or names_episodes(match.group("what"))
    ):
        found.append(match)
        end = match.end()
    return found


def gapped_passives(text, end):
    """The clauses that go on a passive one with its verb left out, each an episode and its
    people: "Episode four was directed by A, episode five by B and episode eight by C"."""
    return following(GAPPED_PASSIVE_RE, text, end, episodes_only=True)


def gapped_actives(text, end):
    """The clauses that go on an active one with its verb left out, each people and their
    episodes: "A directed episodes three and four, B the fifth and sixth, and C the seventh"."""
    return following(GAPPED_ACTIVE_RE, text, end, episodes_only=True)


def continued_clauses(text, end):
    """The clauses that go on one with its doer left out: "A served as showrunner, and wrote
    or co-wrote all ten episodes"; "A continued as showrunner, and executive produced the
    season alongside B"."""
    return following(CONTINUED_RE, text, end)


def names_episodes(words):
    """Whether the words are only episodes, named exactly ("episode five", "the fifth and
    sixth"): no clause with a verb of its own ("the closing song was performed")."""
    if re.search(rf"\b(?:was|were|is|are|been|being|{ANY_VERB})\b", words):
        return False
    return None not in episodes_named(words, None)[0] or bool(
        FIRST_LAST_RE.search(words.lower())
        or FINALE_RE.search(words.lower())
        or PENULTIMATE_RE.search(words.lower())
    )


def names_other_work(tail):
    """Whether the words after a role say it was on another work ("for The Lantern"); a
    company is none ("producers for Wiedemann & Berg": the company they produced it for)."""
    tail = PEOPLES_EPISODES_RE.sub("episodes", DATE_PHRASE_RE.sub("", tail))
    match = re.match(r"\s+(?:on|for|of|in|at|with)\b(?P<rest>.*[A-Z].*)", tail)
    return bool(match) and not COMPANY_RE.match(match.group("rest"))


# A company after a role's preposition: capitalised words with "&" or a company word among them.
COMPANY_RE = re.compile(
    rf"\s*(?:{CAPITAL}[\w'’.-]*\s+)*?(?:&|(?:{'|'.join(map(re.escape, COMPANY_WORDS))})\b)"
)


def more_episodes(text, end):
    """The episodes a clause goes on to name after the people it shared them with: "co-wrote
    the ninth, with B, and the penultimate episode, with C"."""
    shared = SHARED_WITH_RE.match(text, end)
    if not shared:
        return []
    return following(MORE_EPISODES_RE, text, shared.end(), episodes_only=True)


def shared_with(text, end):
    """ ", B and C" when the clause ending at `end` goes on "with B and C" or "alongside B and
    C"; else nothing."""
    match = SHARED_WITH_RE.match(text, end)
    return f", {match.group('people') or match.group('listed')}" if match else ""


def person_names(people):
    """The people of a list as written, without an opening word that is no name ("Composer A
    B" -> "A B"); a company ("Marvel Television") or a possessive ("A's") is nobody's credit."""
    names = []
    items = split_list(people)
    if items and re.search(r"\b(?:Jr|Sr)\.$", people.strip()):
        items[-1] += "."  # "Victor Nelli Jr.": the period is the name's, not the sentence's
    for item in items:
        words = item.split()
        while words and (words[0] in NOT_NAME_WORDS or words[0].lower() in ROLE_NOUNS):
            words.pop(0)
        possessive = words and re.search(r"['’]s?$", words[-1])  # "A's score" is no doer
        if len(words) >= 2 and not possessive and not any(w in COMPANY_WORDS for w in words):
            names.append(" ".join(words))
    return names


def job_of(verb, what):
    """The job of who VERBed WHAT: the made thing's ("wrote the score": composer) where the verb
    makes things, else the verb's own."""
    made = work_job(what)
    if made and made_thing_decides(verb):
        return made
    return verb_job(verb) or made


def names_what_a_job_makes(what):
    """An active verb credits a job on the season only with no object ("A produced"), or one
    naming the season, its episodes or a thing a job makes ("the score"): "A wrote a novel"
    does not."""
    lower = what.lower()
    elided = ELIDED_EPISODES_RE.search(lower)
    if re.match(r"that\b", lower):
        return False  # "A wrote that the season ...": what A said, not what A made
    return (
        not lower
        or bool(work_job(lower))
        or bool(SEASON_NOUN_RE.search(lower))
        or bool(PREMIERE_RE.search(lower) or FINALE_RE.search(lower))
        or bool(ORDINAL_EPISODES_RE.search(lower))
        or bool(elided and number_of(elided.group("count")))
    )


# The season's episodes divided by their directors: "A photographed Kashyap's episodes", "B
# was director of photography for Motwane's" (the noun left out at the clause's end).
PEOPLES_EPISODES_RE = re.compile(
    rf"\b{CAPITAL}[\w-]*['’]s\s+(?:episodes|chapters)\b"
    rf"|\b(?:for|on)\s+{CAPITAL}[\w-]*['’]s\s*$"
)


def about_this_season(words, season, *, opening, nouns=("season",)):
    """False when the words name another work (a capitalised title, "the previous season")
    and do not tie it to this season. `opening`: the words may start the sentence, so their
    first word may be capitalised as a common word ("The score")."""
    words = PEOPLES_EPISODES_RE.sub("episodes", words)
    if other_season(words, season, nouns):
        return False
    if THIS_SEASON_RE.search(words):
        return True
    tokens = words.split()
    common = OPENING_WORDS | set(SEASON_NOUNS)
    if opening and tokens and (tokens[0].lower() in common or work_job(tokens[0])):
        tokens = tokens[1:]
    return not any(token[0].isupper() for token in tokens)


def other_season(words, season, nouns=("season",)):
    """Whether the words name a season other than this one ("the previous season", "the first
    season" in a season 2 article)."""
    lower = words.lower()
    if OTHER_SEASON_RE.search(lower):
        return True
    numbered = numbered_season_re(tuple(nouns)).search(lower)
    if not numbered or season is None:
        return False
    number = numbered.group("number")
    return (int(number) if number else ORDINAL_WORDS[numbered.group("ordinal")]) != season


def passive_subject(text, verb_start):
    """The words before a passive verb that say what was made: its clause, or the clause before
    when its own says nothing ("The score, which was composed by A")."""
    clauses = re.split(r"[,;:(]", text[:verb_start])
    subject = PASSIVE_FILLER_RE.sub("", " " + clauses[-1]).strip()
    subject = re.sub(r"^(?:which|that|who)\b\s*", "", subject)
    if not subject and len(clauses) > 1:
        subject = clauses[-2].strip()
        # "The sixth episode, in which B leaves, was written by A": what the clause is about
        if SUBJECT_RELATIVE_RE.match(subject) and len(clauses) > 2:
            subject = clauses[-3].strip()
    return subject


SUBJECT_RELATIVE_RE = re.compile(r"(?:in|on|during|after)\s+which\b|where\b|when\b|whose\b")


def thing_made(subject):
    """ "Oscar's paintings in the season" -> "Oscar's paintings": what a credit was for."""
    subject = re.sub(r"^(?:The|the)\s+", "", subject)
    return re.sub(r"\s+(?:in|for|of|throughout)\s+the\s+(?:season|series)$", "", subject)


def episodes_named(words, episode_count):
    """([episode numbers], problem) that words name: [None] for the whole season (nothing
    numbered, or "all eight episodes"); "the first two episodes" -> [1, 2]; "the third and
    fifth episodes", "episodes five and six", "the premiere", "the finale" (the last episode).
    Numbers past the season's last episode are dropped with a problem."""
    lower = words.lower()
    if not lower or WHOLE_SEASON_RE.search(lower):
        return [None], None
    numbers, unknown = [], None
    # Each way of naming episodes adds its own: "the first three episodes, along with the
    # sixth and tenth", "the premiere, episode 1, and the finale".
    counted = [*FIRST_LAST_RE.finditer(lower), *ELIDED_EPISODES_RE.finditer(lower)]
    if FIRST_AND_LAST_RE.search(lower) and episode_count:  # "the first and last episodes"
        numbers += [1, episode_count]
        counted = []
    for match in counted:
        if match.group("count") is not None and not number_of(match.group("count")):
            continue
        count = number_of(match.group("count")) if match.group("count") else 1
        if match.group("end") in ("first", "opening"):
            numbers += range(1, count + 1)
        elif episode_count:
            numbers += range(episode_count - count + 1, episode_count + 1)
        else:
            unknown = match.group(0)
    for match in ORDINAL_EPISODES_RE.finditer(lower):
        numbers += [ORDINAL_WORDS[word] for word in split_list(match["ordinals"])]
    for match in EPISODE_RANGE_RE.finditer(lower):
        if all(number_of(match[end]) for end in ("first", "last")):
            numbers += range(number_of(match["first"]), number_of(match["last"]) + 1)
    for match in EPISODE_NUMBERS_RE.finditer(lower):
        if EPISODE_RANGE_RE.match(lower, match.start()):
            continue
        listed = [number_of(word) for word in split_list(match["numbers"])]
        numbers += [] if None in listed else listed
    if PREMIERE_RE.search(lower):
        numbers.append(1)
    if PENULTIMATE_RE.search(lower) and episode_count:
        numbers.append(episode_count - 1)
    if FINALE_RE.search(lower):
        if episode_count:
            numbers.append(episode_count)
        else:
            unknown = "the finale"
    if unknown:
        return [], f"the season's episode count is unknown, so {unknown!r} names no episode"
    if not numbers:
        return [None], None
    numbers = sorted(set(numbers))
    if episode_count and numbers[-1] > episode_count:
        return [number for number in numbers if number <= episode_count], (
            f"names episode {numbers[-1]} of a season of {episode_count} episodes; "
            "the episodes past the last were not credited"
        )
    return numbers, None


def episodes_counted(words, episode_count):
    """ "four episodes" when the words count some of the season's episodes without saying
    which ("directed four episodes of the season"): kept as the season-wide credit's note."""
    match = COUNTED_EPISODES_RE.search(words.lower())
    if not match or WHOLE_SEASON_RE.search(words.lower()):
        return ""
    count = number_of(match.group("count"))
    if not count or (episode_count and count >= episode_count):
        return ""
    return f"{match.group('count')} episode{'s' if count > 1 else ''}"


def unused_job_note(text, source, line, used=(), credited=()):
    """A note when a job word stands next to people (at most six lower-case words between)
    and is neither inside a shape that credited someone (`used`: their spans) nor next to a
    person the sentence credited (`credited`): "names a job (<word>) but no person could be
    credited". One note a sentence, for its first such word."""
    for match in JOB_WORD_RE.finditer(text):
        if any(start <= match.start() < end for start, end in used):
            continue
        # Only the words just before the job word are read: linear time on a long sentence.
        window = max(0, match.start() - NOTE_WINDOW)
        before = PEOPLE_BEFORE_RE.search(text, window, match.start())
        after = PEOPLE_AFTER_RE.match(text, match.end())
        # The people nearest the job word (those before it on a tie) are the ones it names.
        nearest = min(
            (found for found in (before, after) if found and nearby_people(found)),
            key=lambda found: len(re.findall(r"[a-z]\S*", found["gap"])) + (found is after) / 2,
            default=None,
        )
        if nearest and not set(nearby_people(nearest)) & set(credited):
            word = match.group(0)
            message = f"names a job ({word}) but no person could be credited"
            job = word_job(text[max(0, match.start() - 60) : match.start()], word) or ""
            understood = crew(nearby_people(nearest)[0], job, source, line)
            return [Note(line, "job", source, message, understood)]
    return []


def word_job(before, word):
    """The job a job word names, with the modifiers right before it: "composed" -> composer,
    "showrunners" -> showrunner, "... executive producers" -> executive producer."""
    if word.lower() == "showrunning":
        return "showrunner"
    modifiers = []
    for previous in reversed(before.lower().split()):
        if previous not in ROLE_MODIFIERS:
            break
        modifiers.insert(0, previous)
    return role_job(" ".join([*modifiers, word])) or verb_job(word)


def nearby_people(found):
    """The people a match next to a job word names ("A's score" names A)."""
    return person_names(re.sub(r"['’]s?$", "", found["people"]))


# A list item: "Name as Character", "Name as Character: who they are", "Name as Character, a
# detective", "Name (role)", "Name – role", "Name (remark) – remark", or the name alone.
CAST_ITEM_DESCRIPTION_RE = re.compile(r"(?::\s|\s+[–—]\s+|,\s+(?=[a-z]))")
CAST_ITEM_ROLE_RE = re.compile(
    r"^(?P<name>[^(–—]+?)\s*(?=[(–—])(?:\((?P<bracket>[^)]*)\))?\s*(?:[–—]\s*(?P<dash>.+))?$"
)


def cast_item(text):
    """(name, character, remarks) of a cast list's item, as written: the character after
    "as"; else the remarks in brackets or after a dash, which are the character under a
    heading of actors ("A (B)") and what the item adds under a heading of a role ("Sasha
    (Brooklyn) – winner" under Contestants)."""
    match = CAST_ITEM_RE.match(text)
    if match:
        character = CAST_ITEM_DESCRIPTION_RE.split(match.group("character"), maxsplit=1)[0]
        return match.group("name").strip(), voiced(character.strip()), []
    match = CAST_ITEM_ROLE_RE.match(text)
    if match:
        remarks = [match[group].strip() for group in ("bracket", "dash") if match[group]]
        return match.group("name").strip(), "", [remark for remark in remarks if remark]
    return text.strip(), "", []


# "as the voice of Kuiil": the character is Kuiil (a voice role is a role).
VOICE_OF_RE = re.compile(r"^(?:the\s+)?voice\s+of\s+(?=\S)", re.I)


def voiced(character):
    return VOICE_OF_RE.sub("", character)


def role_note(role, remarks=()):
    """What a cast credit under a heading of a role says besides its character: the role, with
    what the item adds ("Contestant (Brooklyn, New York; winner)"); "" under a heading of
    actors. A judge, a host or a contestant plays no character: the character stays as the
    article gives it, blank when it gives none."""
    if not role:
        return ""
    return f"{role} ({'; '.join(remarks)})" if remarks else role


def cast_credits(document):
    """Credits from the list items and the prose under the cast headings, in billing order
    (vocabulary's Billing table names the headings); under a heading that names a role
    ("Judges") each credit notes that role ("Judge"), its character blank unless given."""
    credits = []
    for section in document.sections:
        billing = billing_of_heading(section.title)
        if billing is None:
            if is_cast_heading(section.title):  # "Cast": its prose says the billing
                credits += prose_cast(section.paragraphs, None, len(credits))
            continue
        role = heading_role(section.title)
        # Two headings of one billing ("Main", then "Also starring") make one list, in order.
        before = sum(credit.billing == billing for credit in credits)
        listed = []
        for item in section.items:
            name, character, remarks = cast_item(item.text)
            if not name:
                raise LineProblem(item.number, "this cast line names nobody")
            if not role and not character and remarks:
                character = remarks[0]  # "A (B)", "A – B": B is the character
            listed.append(
                cast(name, billing, before + len(listed) + 1, source=item.raw, line=item.number,
                     character=character, note=role_note(role, remarks))
            )  # fmt: skip
        listed += prose_cast(section.paragraphs, billing, before + len(listed), role)
        listed += table_cast(section, billing, before + len(listed), role)
        credits += listed
    return credits


# Cast in prose, under a cast heading: "A as B, C as D and E as F", "Also appearing are A
# (B) and C (D).", "Guest stars included A as B." Each entry is a person (or several, playing
# as many characters in turn: "A and B recur as C and D Surname"), then "as" (after an acting
# verb, or a relative clause or an apposition: "A, who starred in the first season, guest
# stars as B", "A, Carell's wife, as B", "A returns in flashbacks as B", "A, reprising her
# role as B") and a character, or a verb whose object is the character ("A plays B"), or the
# character in brackets. A character is up to eight words, capitalised or quoted (a nickname),
# with particles between them, and an alias in brackets ("Agustín Ramos (Moscow)").
CHARACTER_WORD = (
    rf"(?:{CAPITAL}[\w'’.-]*|[\"“][^\"”]{{1,40}}[\"”]|himself|herself|themselves|themself)"
)
CHARACTER = (
    rf"{CHARACTER_WORD}(?:\s+(?:(?:of|the|de|van|von|da|la|le|del|du)\s+)*{CHARACTER_WORD}){{0,7}}"
)
ACTING_VERB = (
    r"(?:stars?|starring|starred|appears?|appearing|appeared|plays?|playing|played"
    r"|portrays?|portraying|portrayed|voices?|voicing|voiced|returns?|returning|returned"
    r"|recurs?|recurring|recurred|reprises?|reprising|reprised|serves?|serving|served"
    r"|joins?|joined|joining|(?:guest|co)[- ](?:stars?|starring|starred)"
    r"|(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:re)?cast)"
)
# Between the people and "as": a relative clause or an apposition, then an acting verb and
# what it adds in lower-case words ("in flashbacks", "in the first episode", "her role",
# "joined the cast as").
BEFORE_AS = (
    r"(?:,\s+[^,;:()]{1,60},)?,?"
    rf"(?:\s+(?:(?:also|again|briefly|later|then)\s+)?{ACTING_VERB}(?:\s+[a-z][\w'’-]*){{0,6}}?)?"
    r"\s+as\s+"
)
# Verbs whose object is the character: "A plays B", "A, who voiced B".
PLAYS = r"(?:play(?:s|ed|ing)?|portray(?:s|ed|ing)?|voic(?:e|es|ed|ing))"
CAST_PROSE_RE = re.compile(
    rf"(?<![\w'’-])(?P<people>{PERSON}(?:{AND_LIST}{PERSON}){{0,5}})"
    rf"(?:{BEFORE_AS}|(?:,\s+who)?\s+{PLAYS}\s+|\s+\((?:as\s+)?(?=[^()]{{1,80}}\)))"
    r"(?=(?P<text>[^,;:]{1,100}))"
)
# What stands after "as": a description before the character's name is no part of it ("the
# young Ulrich Nielsen", "Pippa's missing cousin Lisa Newbery", "the voice of Kuiil"); a
# definite description with no name is the character ("the salesman who ...": the salesman).
NOT_DESCRIPTION = (
    r"(?:who|that|which|whose|in|on|at|with|from|for|of|and|or|to|as|by|during|while|after"
    r"|before|when|where|throughout|across|until|since|alongside|opposite|again|also|only"
    r"|respectively|through|over|into|between|among|within|once|twice|is|was|are|were)"
)
DESCRIPTION_WORD = rf"(?!{NOT_DESCRIPTION}\b)[a-z][\w'’-]*"
# "the Park siblings": a name before a noun describes people, and is no character.
ATTRIBUTIVE_RE = re.compile(rf"\s+{DESCRIPTION_WORD}")
DESCRIBED_CHARACTER_RE = re.compile(
    rf"(?:(?P<the>[Tt]he)\s+)?(?:{CAPITAL}[\w-]*['’]s\s+)?(?P<words>(?:{DESCRIPTION_WORD}\s+){{0,4}}?)"
    rf"(?P<character>{CHARACTER})(?:\s+\((?P<alias>[^()]{{1,40}})\))?"
)
CHARACTERS_AND = r"(?:,\s+|,?\s+and\s+)"
UNNAMED_CHARACTER_RE = re.compile(rf"(?:the|an?)(?:\s+{DESCRIPTION_WORD}){{1,3}}\b")
# A last word that cannot be a shared surname: a name particle ("Ana de"), "of", "the".
NOT_SURNAMES = {"of", "the", *(particle.lower() for particle in NAME_PARTICLES)}


def characters_in(text, count=1):
    """(characters, length): the characters (at most `count`, one for each person before "as")
    a text after "as" names, in order ("Ricky and Cate Gillespie": Ricky Gillespie and Cate
    Gillespie, the surname shared), or [] where it names none; and how much of the text they
    take."""
    text = voiced(text.strip())
    characters, consumed, start = [], 0, len(text)
    while True:
        match = DESCRIBED_CHARACTER_RE.match(text)
        if not match:
            break
        character = match["character"]
        if not re.search(r"\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr)\.$", character):
            character = character.rstrip(".")  # the sentence's end
        if re.search(r"['’]s$", character):
            break  # "as Jessica's mother": a description, no name
        if match["the"] and not match["words"] and ATTRIBUTIVE_RE.match(text, match.end()):
            break
        if character in {"himself", "herself", "themselves", "themself"}:
            character = character.capitalize()  # "as himself": Himself, as lists write it
        elif match["the"] and not match["words"]:
            character = f"{match['the']} {character}"  # "the Stranger", as the lists write it
        if match["alias"]:
            character += f" ({match['alias']})"
        characters.append(character)
        consumed = start - len(text) + match.end()
        following = re.match(CHARACTERS_AND, text[match.end() :])
        if not following or len(characters) == count:
            break
        text = text[match.end() + following.end() :]
    if not characters:
        unnamed = UNNAMED_CHARACTER_RE.match(text)
        return ([unnamed.group().strip()], unnamed.end()) if unnamed else ([], 0)
    if len(characters) > 1 and all(len(c.split()) == 1 for c in characters[:-1]):
        surname = characters[-1].split()[-1]
        if len(characters[-1].split()) > 1 and surname.lower() not in NOT_SURNAMES:
            # "Ricky and Cate Gillespie": both are Gillespies
            characters[:-1] = [f"{c} {surname}" for c in characters[:-1]]
    return characters, consumed


# A character played by people named after it: "Helge Doppler is portrayed by A in 2019, by B
# in 1986 and by C in 1953", "The teenage C and D are played by A and B respectively".
PASSIVE_CAST_RE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:played|portrayed|voiced)\s+by\s+"
)
CAST_CLAUSE_BREAK_RE = re.compile(r",\s+(?:while|whereas|but|and)\s+|;\s+|\s+(?:while|whereas)\s+")
# What may follow the characters a passive sentence names: "of 1986", "in 2019", nothing.
SUBJECT_END_RE = re.compile(r"(?:\s+(?:of|in|from)\s+(?:the\s+)?\d{4}s?)?\s*")
SENTENCE_OPENERS = {"The", "A", "An", "This", "These", "Both", "Because", "In", "As"}


def passive_cast(text):
    """(position, name, character) of the characters a sentence says are played by people."""
    found = []
    breaks = [(b.start(), b.end()) for b in CAST_CLAUSE_BREAK_RE.finditer(text)]
    for match in PASSIVE_CAST_RE.finditer(text):
        index = bisect.bisect_left(breaks, (match.start(),))
        subject = text[breaks[index - 1][1] if index else 0 : match.start()]
        after = bisect.bisect_left(breaks, (match.end(),))
        rest = text[match.end() : breaks[after][0] if after < len(breaks) else len(text)]
        characters = [
            c
            for c in re.finditer(rf"(?<![\w'’-]){CHARACTER}", subject)
            if c.group() not in SENTENCE_OPENERS
        ]
        if not characters or not SUBJECT_END_RE.fullmatch(subject[characters[-1].end() :]):
            continue  # "The Reyes twins are played by", "Jo's mother is played by": no name
        characters = [c.group() for c in characters]
        people = [p.group() for p in re.finditer(PERSON, rest)]
        if len(characters) == 1:
            found += [(match.start(), person, characters[0]) for person in people]
        elif characters and len(characters) == len(people):
            found += [(match.start(), p, c) for p, c in zip(people, characters, strict=True)]
    return found


# People listed with no character: "Guest stars include A, B and C", "with appearances from
# A and B" (each credited with no character, noting the heading's role).
CAST_NAMES_RE = re.compile(
    r"\b(?:include[sd]?|including|are|were|featur(?:e|es|ed|ing)|(?:appearances?|cameos?)\s+"
    r"(?:from|by))\s+"
)
# An item of such a list that is only a name (not "who played B", not "A as B": read above);
# one word ("Kesha") in a list that names someone in full too.
NAME_ITEM_RE = re.compile(rf"(?:both\s+)?(?P<name>{NAME})")
MONONYM_ITEM_RE = re.compile(rf"(?P<name>{CAPITAL}[\w'’-]+)")
# The billing a sentence's words give its people, over its heading's: "Adam Arkin guest stars
# as ..." under Recurring is a guest. A relative clause's words are another season's ("A, who
# starred in the first season, guest stars as B").
BILLING_WORDS = [
    ("guest", re.compile(r"\bguest", re.I)),
    ("recurring", re.compile(r"\brecurr?(?:s|ing|ed)?\b", re.I)),
    (
        "main",
        re.compile(
            r"(?<!guest )(?<!guest-)\b(?:star(?:s|ring|red)?|main cast|series regulars?)\b", re.I
        ),
    ),
]
RELATIVE_CLAUSE_RE = re.compile(r",\s+who\s+[^,;]*")


def billing_words(text):
    """(position, billing) of a sentence's billing words, in order, outside relative clauses."""
    text = RELATIVE_CLAUSE_RE.sub(lambda clause: " " * len(clause.group()), text)
    return sorted(
        (found.start(), billing)
        for billing, pattern in BILLING_WORDS
        for found in pattern.finditer(text)
    )


def billing_in(words, position, default):
    """The billing a sentence (its `billing_words`) gives a person at `position`: its one kind
    of billing word, or (of several) the last before them, else its first; `default` (the
    heading's) when it has none."""
    if not words:
        return default
    if len({billing for _, billing in words}) == 1:
        return words[0][1]
    before = [billing for start, billing in words if start <= position]
    return before[-1] if before else words[0][1]


def sentence_cast(text, role=""):
    """(position, name, character) of the people a cast sentence credits, in its order."""
    found, characters_end = [], 0
    while match := CAST_PROSE_RE.search(text, characters_end):
        people = [(text.find(name, match.start()), name) for name in person_names(match["people"])]
        characters, length = characters_in(match["text"], len(people))
        # the next person stands after these characters ("as Agustín Ramos (Moscow)")
        characters_end = match.end() + length
        if len(people) > 1 and len(characters) == len(people):
            found += [(at, p, c) for (at, p), c in zip(people, characters, strict=True)]
        elif characters:
            found.append((*people[-1], characters[0]))
        elif role and any(
            word.startswith(role.split()[-1].lower()) for word in match["text"].lower().split()[:4]
        ):
            # "A and B appeared as guest judges" under Guest judges: each holds the role
            found += [(at, person, "") for at, person in people]
    found += passive_cast(text)
    # the last such word: "features guest appearances from A" lists from "from"
    trigger = next(reversed(list(CAST_NAMES_RE.finditer(text))), None)
    if trigger:
        position, items = trigger.end(), []
        for item in re.split(r",\s+(?:and\s+)?|,?\s+and\s+", text[position:]):
            item_text = item.strip().rstrip(".")
            full = NAME_ITEM_RE.fullmatch(item_text)
            single = MONONYM_ITEM_RE.fullmatch(item_text)
            if full or single:
                items.append((position, (full or single)["name"], "", bool(full)))
            position += len(item) + 1
        # a list of names starts at its word ("are played by A and B" is none) and names
        # someone in full
        starts = re.match(CAPITAL, text[trigger.end() :])
        if starts and any(full for *_, full in items):
            found += [(position, name, character) for position, name, character, _ in items]
    return found


def prose_cast(paragraphs, billing, order, role=""):
    """Cast credits from the prose under a cast heading, each person with their character
    (noting the heading's role), after `order` people of the heading's list. A sentence's
    billing words bill its people ("guest stars"); else the heading does, and under a heading
    with no billing ("Cast") a sentence without them credits nobody."""
    credits = []
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph.text):
            people = {}  # name: (position, character), a character where any reading gives one
            for position, name, character in sorted(
                sentence_cast(sentence.text, role), key=lambda entry: entry[0]
            ):
                if name not in people or (character and not people[name][1]):
                    people[name] = (people.get(name, (position,))[0], character)
            words = billing_words(sentence.text)
            for name, (position, character) in people.items():
                person_billing = billing_in(words, position, billing)
                if person_billing:
                    order += 1
                    credits.append(
                        cast(name, person_billing, order, source=sentence.text,
                             line=paragraph.number, character=character, note=role_note(role))
                    )  # fmt: skip
    return credits


# A cast table's columns (a competition's "Contestant | Age | Hometown | Result"): the one that
# names the people (else the first), and the one that says how each finished.
CAST_NAME_COLUMN_RE = re.compile(
    r"^(?:contestants?|names?|cast(?: members?)?|housemates?|participants?|competitors?|players?"
    r"|bakers?|chefs?|queens?|designers?|actors?|performers?|celebrit(?:y|ies))$",
    re.I,
)
CAST_RESULT_COLUMN_RE = re.compile(r"^(?:result|finish|status|outcome|place|placement)$", re.I)


def table_cast(section, billing, order, role=""):
    """Cast credits from a wikitable under a cast heading: one a row, the name column's person,
    noting the heading's role and how they finished ("Contestant (Winner)")."""
    credits, columns = [], None
    for row, line in zip(section.table_rows, section.table_row_lines, strict=True):
        values = [clean_cell(cell.value) for cell in row]
        if columns is None:
            if all(cell.header for cell in row):
                columns = values
            continue
        if len(values) != len(columns):
            continue  # a row the header does not describe
        named = [i for i, header in enumerate(columns) if CAST_NAME_COLUMN_RE.match(header)]
        result = [i for i, header in enumerate(columns) if CAST_RESULT_COLUMN_RE.match(header)]
        names = person_names(values[named[0] if named else 0])
        finish = [values[result[0]]] if result and values[result[0]] else []
        for name in names:
            order += 1
            credits.append(
                cast(name, billing, order, source=" | ".join(values), line=line,
                     note=role_note(role, finish) if role else "; ".join(finish))
            )  # fmt: skip
    return credits


def clean_cell(value):
    """A table cell's text: wiki links as their text (accolades.clean), no reference markers."""
    return re.sub(r"\[\d+\]", "", clean(value)).strip()


def infobox_names(value):
    """The people of an infobox value: a list by commas, "and", semicolons or line breaks
    (`<br>`), each without a bracketed remark ("A (episodes 1–4)") or a reference marker."""
    value = re.sub(r"<br\s*/?>|\s+/\s+|\s+•\s+|\s*·\s*|;", ", ", value)
    value = re.sub(r"\s*\([^)]*\)|\[\d+\]", "", value)
    return split_list(value)


def infobox_credits(infobox, cast_list):
    """Crew named by infobox keys (vocabulary.INFOBOX_KEYS: "Created by", "Music by",
    "Cinematography", ...) and the main cast its cast keys name ("Starring", "Presented by").

    The box and the cast lists need not agree, as on a real wiki: Starring often names only
    the leads of a longer Main list, or someone the lists bill under another heading. A name
    a cast list gives keeps that list's credit (its billing and character); a name no list
    gives is a main credit with no character (with its key's role word, "Presented by":
    presenter); a list's name the box leaves out is simply not in the box."""
    credits = []
    listed = {credit.person for credit in cast_list}
    for key, value, line in infobox:
        meaning = infobox_meaning(key)
        if meaning is None:
            continue
        names = infobox_names(value)
        if meaning.cast:
            # A cast list names them already (with their characters): the box adds no one.
            order = sum(credit.billing == "main" for credit in [*cast_list, *credits])
            for name in names:
                if name not in listed:
                    order += 1
                    listed.add(name)
                    credits.append(
                        cast(name, "main", order, source=line.text, line=line.number,
                             note=meaning.role)
                    )  # fmt: skip
        elif meaning.job:
            for name in names:
                credits.append(crew(name, meaning.job, line.text, line.number))
    return credits


def prose_credits(paragraphs, episode_count, season=None, known=(), nouns=("season",), episodes=()):
    """Crew credited by the prose (the shapes below), and the per-episode lists.
    Returns (credits, notes): a note for each sentence that names a job next to people it did
    not credit, and for each name dropped from a per-episode list. `season`: this season's
    number, so that "the first season" in a season 2 article is another season. `known`: the
    people the cast lists and the infobox name, whose bare surnames the prose may use."""
    credits, notes = [], []
    # The known people: the cast lists' and the infobox's, and everyone the prose names as the
    # doer of a job anywhere, on this season or another work ("the BBC series created by Ricky
    # Gervais and Stephen Merchant": then "with Gervais, Merchant and B" names them).
    full_names = FullNames([*known, *job_doers(paragraphs)])
    nicknamed = {}  # "Barry Baz Idoine" -> 'Barry "Baz" Idoine', as the article writes it
    # Titles the prose places ("the ninth, "Kafkaesque"") name their episodes too.
    episodes = [*episodes, *prose_titles(paragraphs, episode_count, episodes)]
    for paragraph in paragraphs:
        # In the critics' prose "wrote" and "scored it" are reviewing: the review reader notes
        # what it could not use there.
        reviewing = is_review_paragraph(paragraph)
        previous = []  # the people the sentence before credited
        context_job = None  # the paragraph's last sentence's main job
        named = []  # the people sharing a surname the paragraph has named in full, in order
        for index, sentence in enumerate(paragraph.sentences):
            plain = outside_quotes(
                titles_as_numbers(unquoted_nicknames(sentence.text, nicknamed), episodes)
            )
            if len(previous) == 1 and not reviewing:
                # "A wrote most of the scripts. She wrote the first two ...": she is A.
                plain = PRONOUN_SUBJECT_RE.sub(previous[0], plain)
            read = functools.partial(
                sentence_credits,
                source=sentence.text,
                line=paragraph.line,
                episode_count=episode_count,
                season=season,
                nouns=nouns,
                reviewing=reviewing,
                context_job=context_job,
            )
            text = full_names.written_in(plain, named)
            found, dropped, used = read(text)
            if full_names.learn(credit.person for credit in found):
                # Someone credited here may be named again by surname in the same sentence
                # ("A and Owen Castillo co-wrote the premiere, while Castillo wrote the finale").
                text = full_names.written_in(plain, named)
                found, dropped, used = read(text)
            if resolved := pronoun_after_semicolon(text, read):
                text = resolved
                found, dropped, used = read(text)
            named += full_names.named_in(plain)
            match = PER_EPISODE_RE.search(text)
            if match:
                previous = paragraph.sentences[index - 1].text if index else ""
                listed, too_many = per_episode_credits(
                    match, previous, sentence.text, paragraph.line, episode_count
                )
                found += listed
                dropped += too_many
            credits.extend(found)
            previous = list(dict.fromkeys(c.person for c in found if c.department == "crew"))
            context_job = main_job(found) or context_job
            notes.extend(dropped)
            if not dropped and not reviewing:
                if text != plain:
                    # The notes read the sentence as written: a surname next to a job word
                    # that credited nobody ("Rosenberg and the season's writers were ...") is
                    # no note.
                    _found, _dropped, used = read(plain)
                credited = {credit.person for credit in found}
                notes.extend(unused_job_note(plain, sentence.text, paragraph.line, used, credited))
    for credit in credits:
        credit.person = nicknamed.get(credit.person, credit.person)
    return credits, notes


# A clause after a semicolon that opens with a pronoun: "The finale marked A's directorial
# debut; he co-directed the episode with B".
SEMICOLON_PRONOUN_RE = re.compile(r";\s+(?:he|she)\s+")


def pronoun_after_semicolon(text, read):
    """The text with the pronoun opening a clause after a semicolon written as the one person
    the clause before credited, and "the episode" there as the one episode it credited ("...
    marked A's directorial debut; A co-directed episode 14 with B"); None where there is no
    such clause or the clause before credits no one person on one episode."""
    match = SEMICOLON_PRONOUN_RE.search(text)
    if not match:
        return None
    before = [c for c in read(text[: match.start()])[0] if c.department == "crew"]
    people = list(dict.fromkeys(credit.person for credit in before))
    episodes = list(dict.fromkeys(credit.episode for credit in before))
    if len(people) != 1 or len(episodes) != 1 or episodes[0] is None:
        return None  # the clause before is no one person's one episode
    after = re.sub(r"\bthe episode\b", f"episode {episodes[0]}", text[match.end() :])
    return f"{text[: match.start()]}; {people[0]} {after}"


# A nickname in quotes inside a name: 'Barry "Baz" Idoine'.
NICKNAME_RE = re.compile(rf"\b{NAME_WORD} [\"“]{NAME_WORD}[\"”] {NAME_WORD}(?![\w'’-])")


def unquoted_nicknames(text, nicknamed):
    """The text with each quoted nickname inside a name unquoted, so that the name reads as
    one ('Barry "Baz" Idoine' -> "Barry Baz Idoine"); `nicknamed` learns the name as written."""

    def unquote(match):
        name = re.sub(r"[\"“”]", "", match.group(0))
        nicknamed[name] = match.group(0)
        return name

    return NICKNAME_RE.sub(unquote, text)


def job_doers(paragraphs):
    """Everyone the prose names, in full, as the doer of a job verb ("created by A", "A wrote")."""
    doers = []
    for paragraph in paragraphs:
        if is_review_paragraph(paragraph):
            continue
        text = outside_quotes(paragraph.text)
        for match in [*PASSIVE_RE.finditer(text), *ACTIVE_RE.finditer(text)]:
            doers += person_names(match.group("people"))
    return doers


class FullNames:
    """Bare surnames written as the full names of the known people they stand for, so that
    the shapes above (which read names of two words or more) credit "Rosenberg also wrote the
    finale". The known people are the cast lists' and the infobox's, then each person the
    prose credits (from their sentence on). A surname two known people share, or one that ends
    another full name ("Marco Ramirez" beside J. R. Ramirez), stays as written."""

    def __init__(self, names):
        self.known = []
        self.names, self.shared, self.pattern, self.sharing = {}, {}, None, None
        self.learn(names)

    def learn(self, names):
        """Add people; whether that changed which surnames stand for whom."""
        new = [name for name in dict.fromkeys(names) if name not in self.known]
        if not new:
            return False
        self.known += new
        by_surname = {}
        for name in self.known:
            if len(name.split()) >= 2:
                written = surname(name)  # "bo Odar", its particle with it
                by_surname.setdefault(written, []).append(name)
                if written != name.split()[-1]:  # "Bo Odar said", opening a sentence
                    by_surname.setdefault(written[0].upper() + written[1:], []).append(name)
        names = {key: n[0] for key, n in by_surname.items() if len(n) == 1}
        shared = {key: n for key, n in by_surname.items() if len(n) > 1}
        if names == self.names and shared == self.shared:
            return False
        self.names, self.shared = names, shared
        keys = [*names, *shared]
        surnames = "|".join(re.escape(key) for key in sorted(keys, key=len)[::-1])
        self.pattern = re.compile(rf"(?<![\w'’.-])(?:{surnames})(?![\w'’-])") if keys else None
        people = sorted({name for n in shared.values() for name in n}, key=len)[::-1]
        self.sharing = (
            re.compile(rf"(?<![\w'’.-])(?:{'|'.join(map(re.escape, people))})(?![\w'’-])")
            if people
            else None
        )
        return True

    def named_in(self, text):
        """The known people who share their surname with another that the text names in full,
        in order."""
        return [match.group() for match in self.sharing.finditer(text)] if self.sharing else []

    def written_in(self, text, named=()):
        """The text with each bare surname written as the full name it stands for. A surname
        known people share stands for the one of them the paragraph named in full last
        (`named`, in order: "Daniel Levy said ... Levy wrote the premiere"), else for nobody."""
        if self.pattern is None:
            return text

        def full(match):
            before = text[max(0, match.start() - 40) : match.start()]
            if re.search(rf"{CAPITAL}[\w.'’-]* $", before):
                return match.group()  # already the end of a full name
            if match.group() in self.names:
                return self.names[match.group()]
            last = [name for name in named if name in self.shared[match.group()]]
            return last[-1] if last else match.group()

        return self.pattern.sub(full, text)


def cast(name, billing, order, *, source, line, character="", note=""):
    return CreditData(
        person=name,
        department="cast",
        billing=billing,
        character=character,
        job="",
        order=order,
        episode=None,
        note=note,
        source=source,
        line=line,
    )


def crew(name, job, source, line, note="", episode=None, order=0):
    return CreditData(
        person=name,
        department="crew",
        billing=None,
        character="",
        job=job,
        order=order,
        episode=episode,
        note=note,
        source=source,
        line=line,
    )


def per_episode_credits(match, previous_sentence, source, line, episode_count):
    """(credits, notes): one credit per episode, in order; names past the last episode dropped."""
    noun = match.group("noun").strip()
    job = noun[:-1] if noun.endswith("s") else noun
    if "cover" in previous_sentence.lower() and "cover" not in job:
        job = f"cover {job}"
    names = split_list(match.group("names"))
    notes = []
    if episode_count and len(names) != episode_count:
        # The first name left over, or (too few names) the job alone.
        extra = names[episode_count] if len(names) > episode_count else ""
        notes.append(
            Note(
                line=line,
                kind="dropped",
                text=source,
                message=f"{len(names)} {noun} are listed for {episode_count} episodes; "
                "the extra or missing ones were not credited",
                understood=crew(extra, job, source, line),
            )
        )
        names = names[:episode_count]
    credits = [
        crew(name, job, source, line, episode=number, order=number)
        for number, name in enumerate(names, start=1)
    ]
    return credits, notes


def episode_table_credits(episodes):
    """One crew credit per episode and person of the episode table's columns (EpisodeData)."""
    return [
        crew(name, job, episode.source, episode.line, episode=episode.number, order=episode.number)
        for episode in episodes
        for job, names in episode.crew.items()
        for name in names
    ]


def unique_credits(credits):
    """The first of each (person, department, job, character, episode), in article order. A
    crew job the article gives for some episodes is no credit for the whole season as well
    ("A was announced as the writer", then "A wrote the first four episodes")."""
    seen, result = set(), []
    by_episode = {
        (credit.person, credit.job)
        for credit in credits
        if credit.department == "crew" and credit.episode
    }
    for credit in credits:
        key = (credit.person, credit.department, credit.job, credit.character, credit.episode)
        whole_season = credit.department == "crew" and credit.episode is None
        if whole_season and (credit.person, credit.job) in by_episode:
            continue
        if key not in seen:
            seen.add(key)
            result.append(credit)
    crew_order = 0
    for credit in result:
        if credit.department == "crew" and credit.episode is None:
            crew_order += 1
            credit.order = crew_order
    return result
