"""The words that carry meaning in a critical-response section, one table each.

reviews.py matches sentence structures over these tables (the rating forms and their words are
catalog/domain/ratings.py's); a new wording is a new entry here, not a new pattern there.
"""

# Review verbs: what a critic does in the sentence that introduces their review
# ("Jo Berry of Digital Spy said ...", "..., wrote Jo Berry of Digital Spy").
REVIEW_VERBS = (
    "said", "wrote", "noted", "felt", "called", "praised", "criticized", "criticised",
    "described", "gave", "awarded", "found", "opined", "argued", "stated", "commented",
    "concluded", "rated", "scored", "graded", "declared", "observed", "remarked", "added",
    "complained", "lauded", "dismissed", "panned", "enjoyed", "considered", "deemed",
    "thought", "believed", "highlighted", "singled", "summed", "likened", "compared",
    "questioned", "assigned", "admired", "commended", "hailed", "applauded", "agreed",
    "disagreed", "echoed",
    # a verdict told with "was": "Variety's Tom Reyes was more measured, praising ..."
    r"(?:was|were) (?:more |less |also |far |much |equally |largely |similarly |somewhat )?"
    r"(?:measured|critical|positive|negative|impressed|unimpressed|enthusiastic|lukewarm|harsh|"
    r"kinder|warmer|cooler|mixed|disappointed|won over|reserved|convinced|persuaded|"
    r"sceptical|skeptical)",
    r"(?:was|were) left (?:disappointed|cold|unimpressed|wanting more)",
)  # fmt: skip
# The verbs that may come before the critic ("..., wrote Jo Berry of Digital Spy").
INVERTED_VERBS = (
    "said", "wrote", "noted", "opined", "argued", "stated", "commented", "concluded",
    "observed", "remarked", "added", "declared", "complained",
)  # fmt: skip
# A leading phrase that names the outlet before the critic ("Writing for Variety, Jo Berry
# ..."), and the phrase after a comma that does the same ("Jo Berry, reviewing for Variety, ...").
# Each is a regular-expression fragment that ends just before "for"/"in" and the outlet.
OUTLET_FIRST = (
    r"Writing",
    r"Reviewing(?: the [^,]+?)?",
    r"In (?:his|her|their|a|an) (?:[\w-]+ )?review(?: of [^,]+?)?",  # "In his four-star review"
)
# (What a critic is, "a critic", "the television critic", is CRITIC_NOUNS, below.)
OUTLET_AFTER_COMMA = (
    r"reviewing(?: the [^,]+?)?", r"writing", r"who (?:writes|wrote|reviews|reviewed)",
)  # fmt: skip
# What a critic is called before their name ("Vox critic Todd VanDerWerff argued ...") or in
# place of it ("a reviewer for Die Welt was less convinced": the outlet's review, no critic).
CRITIC_NOUNS = (
    "critic", "reviewer", "TV critic", "television critic", "film critic", "chief critic",
    "columnist",
)  # fmt: skip
# Where one sentence holds a second critic's review: the connector before a clause that names
# the critic and outlet ("A of X gave it four stars, while Y's B rated it 4/5").
CLAUSE_CONNECTORS = (r", while ", r", whereas ", r", and ", r", but ", r"; ", r": ")
# Words that start a sentence as its subject but are never an outlet's name, for a sentence
# that names an outlet alone ("Fotogramas was more enthusiastic, rating it 3.5 out of 5").
NOT_AN_OUTLET = (
    "He", "She", "They", "It", "This", "That", "These", "Those", "Critics", "Reviewers",
    "Others", "Some", "Many", "Most", "Several", "Both", "All", "One", "Another", "Each",
    "Viewers", "Audiences", "Fans", "Everyone", "Nobody", "Few",
)  # fmt: skip
# Words that start a sentence but are not part of an outlet's name ("However, Variety's ...").
SENTENCE_ADVERBS = (
    "Also", "And", "But", "Conversely", "However", "Likewise", "Meanwhile", "Similarly",
    "Still", "Elsewhere", "Additionally",
)  # fmt: skip
# A review's overall tone, from its introducing sentence.
MIXED_WORDS = (
    "mixed", "measured", "lukewarm", "ambivalent", "reserved",
    r"less (?:enthusiastic|impressed|convinced|persuaded)",
)  # fmt: skip
NEGATIVE_WORDS = (
    "negative", "disappointed", "disappointing", "bored", "panned", "unimpressed", "disliked",
    "criticized", "criticised", "scathing",
)  # fmt: skip
POSITIVE_WORDS = ("positive", "praised", "enjoyed", "glowing", "rave", "favorable", "favourable")

# Aggregators: the names known to be aggregators, and how a sentence introduces one.
AGGREGATORS = ("Rotten Tomatoes", "Metacritic")
# An aggregator's own word for its score, which names it: "a Metascore of 69".
AGGREGATOR_ALIASES = {"Metascore": "Metacritic", "Tomatometer": "Rotten Tomatoes"}
AGGREGATOR_INTRODUCTIONS = (
    r"aggregators? (?:website |site )?",  # "review aggregator Rotten Tomatoes"
    r"^(?:On|At|According to) ",  # "On Metacritic, ..."
)
# Aggregator phrasings, one regular expression each; named groups: score (the figure),
# written (the score as the article writes it), average, count, consensus.
# A percentage as written: "82%", "82 percent", "82 per cent".
PERCENT = r"(?P<written>(?P<score>\d{1,3})(?:%| percent\b| per cent\b))"
APPROVAL_PHRASINGS = (
    rf"approval (?:rating|score) of {PERCENT}",
    rf"(?:rating|score) of {PERCENT}",
    # "a 93% approval rating", "a 93% "Fresh" rating" (the quoted word is left out)
    rf"{PERCENT} (?:(?:approval|Fresh|fresh) )?(?:rating|score)",
    rf"{PERCENT} approval",
    rf"{PERCENT} of (?:the )?(?:[\d,]+ )?(?:critics|reviews|critical reviews"
    r"|critics' reviews|reviewers)",
    rf"{PERCENT}(?: of (?:them|critics|reviewers))? gave (?:the|it|this)"
    r"(?: \w+)? (?:a )?(?:positive|favou?rable) review",
    # from the reviews' side: "Of the 45 reviews collected by X, 91% are positive", "based on
    # 45 reviews, 91% of which were positive"
    rf"{PERCENT}(?: of (?:which|them|those|these))? (?:are|were|is|was|"
    r"have been|had been|being) (?:positive|favou?rable|fresh)",
    rf"(?:[Cc]ertified )?[Ff]resh (?:rating )?(?:at|of) {PERCENT}",  # "certified fresh at 93%"
)
OUT_OF_100_PHRASINGS = (
    r"(?:score|Metascore|rating) of (?P<written>(?P<score>\d{1,3})(?: out of 100|/100))",
    r"(?P<written>(?P<score>\d{1,3})(?: out of 100|/100))",
    # Metacritic's own word for its score out of 100: "a Metascore of 69"
    r"Metascore of (?P<written>(?P<score>\d{1,3}))\b(?![%/.]| out of| percent| per cent)",
)
AVERAGE_PHRASINGS = (
    r"(?<!weighted )average(?: (?:rating|score))?(?: of)? "
    r"(?P<average>\d+(?:\.\d+)?(?:/| out of )\d+)",
    r"averaging (?P<average>\d+(?:\.\d+)?(?:/| out of )\d+)",
)
COUNT_PHRASINGS = (
    r"(?i:based on|from|of|across|out of) (?:the )?(?P<count>\d[\d,]*) "
    r"(?:critics'? |critic |critical )?(?:reviews|critics|reviewers)",
    r"\b(?P<count>\d[\d,]*) (?:critics'? |critic )?reviews\b",
)
CONSENSUS_PHRASINGS = (
    r"consensus (?:reads|states|says|summarizes|summarises|calls (?:it|the \w+))[,:]? "
    r"[\"“](?P<consensus>.+?)[\"”]",
)
# A label an aggregator gives its score ("indicating "generally favorable" reviews").
LABEL_PHRASINGS = (
    r"(?:indicating|signifying|signaling|signalling|meaning|which (?:indicates|signifies)) "
    r"[\"“](?P<consensus>[^\"”]+)[\"”]",
)
# Words that make a sentence look like an aggregator result: noted if none came out of it.
AGGREGATE_WORDS = (
    r"aggregator", r"approval", r"weighted average", r"Metascore", r"consensus", *AGGREGATORS,
)  # fmt: skip
# Score figures that look like an aggregator's outside a critic's review (in one, a rating).
SCORE_FIGURES = (r"\d%", r"\bout of 100\b", r"/100\b")

# Which episodes a review covers ("the first five episodes", "the entire season").
SCOPE_PHRASINGS = (
    r"(?:first|opening|last|final) (?:\w+ )?episodes?",
    r"(?:entire|whole|full) season",
)
