"""Aggregator results and critics' reviews from the critical-response prose, with notes.

A review starts at a sentence that names a critic with their outlet and runs until the next
such sentence or the paragraph's end. The structures are matched over the word tables of
catalog.importer.review_words:

- the critic, then the outlet: "Allison Keene of Collider", "Liz Shannon Miller from IndieWire",
  also after the verb ("..., wrote Allison Keene of Collider");
- the outlet first, in a leading phrase: "Writing for Variety, Jo Berry ...", "In her review
  for The A.V. Club, Jo Berry ...", "Reviewing the season for Vulture, Jo Berry ...";
- the critic, then the outlet after a comma: "Jo Berry, reviewing for Variety, ...";
- a possessive, with or without its apostrophe: "Digital Spy's Jo Berry said",
  "Digital Spys Jo Berry said" (a lossy conversion drops it), "said Digital Spy's Jo Berry".
- what the critic is, before their name: "Vox critic Todd VanDerWerff argued";
- no critic: "a reviewer for Die Welt was less convinced", or the outlet alone as the subject
  of a sentence with a rating ("Fotogramas was more enthusiastic, rating it 3.5 out of 5").

A "the" before an outlet is no part of its name ("of the Los Angeles Times"). A sentence that
names several critics is cut into one clause each, at a connector (", while", ", and", "; ",
...) whose clause starts by naming one: each clause is its critic's review, with its rating.

An aggregator sentence names an aggregator (a known one, or "review aggregator X", or "On X,")
and a score (an approval percentage or a score out of 100) in any order with its average, its
review count and its label; a sentence naming two known aggregators is read as one clause
each. The review's rating is the first one written in its sentences (catalog.domain.ratings).

Notes (catalog.importer.data.Note), each with the sentence and its line:
- "review": a sentence that looks like it introduces a review (a review verb next to a name,
  a "Writing for ..." phrase) but names no critic with an outlet;
- "aggregate": a sentence with an aggregator's words (a known aggregator, "approval",
  "consensus", ...; outside a critic's review also a percentage or "out of 100") that gave no
  aggregator result, or named two aggregators and gave a result for only one;
- "rating": a rating that cannot be scaled (kept as written, without a 0-100 figure), a second
  rating in one review (the first is kept) or a rating with no review to belong to.
"""

import re

from catalog.domain.ratings import find_ratings, without_quotations
from catalog.importer import review_words as words
from catalog.importer.data import Note, ReviewData
from catalog.importer.text import NAME, NAME_WORD, outside_quotes, quotations

REVIEW_HEADINGS = re.compile(r"critical (response|reception)|^reception$|^reviews$", re.I)


def any_of(phrases):
    return "|".join(f"(?:{phrase})" for phrase in phrases)


def compiled(phrases):
    return [re.compile(phrase) for phrase in phrases]


VERB = rf"(?:{any_of(words.REVIEW_VERBS)})\b"
INVERTED_VERB = rf"\b(?:{any_of(words.INVERTED_VERBS)})"
# An outlet: up to eight capitalised words, joined by "of", "the", "and" or "&" ("The A.V.
# Club"); bounded, as text.NAME is, to keep searches linear.
OUTLET_WORD = r"[A-Z][\w.&+-]*"
OUTLET = rf"(?:The |A )?{OUTLET_WORD}(?: (?:of |the |and |& )?{OUTLET_WORD}){{0,7}}"
# As above, but a word may carry an apostrophe (the outlet does not end a possessive here).
OUTLET_AFTER = r"(?:The |A )?[A-Z][\w.&'’+-]*(?: (?:of |the |and |& )?[A-Z][\w.&'’+-]*){0,7}"

# "the" before an outlet is no part of its name ("Tim Goodman of the San Francisco Chronicle").
CRITIC_OF_RE = re.compile(
    rf"(?P<critic>{NAME}) (?:of|from|at|for) (?:the )?(?P<outlet>{OUTLET_AFTER})"
)
CRITIC_NOUN = any_of(words.CRITIC_NOUNS)
# "Writing for Le Monde, (the critic) Anne Petit ..."
OUTLET_FIRST_RE = re.compile(
    rf"(?i:{any_of(words.OUTLET_FIRST)}) (?:for|in|at) (?:the )?(?P<outlet>{OUTLET_AFTER}), "
    rf"(?:the (?:{CRITIC_NOUN}) )?(?P<critic>{NAME})"
)
# "In The Telegraph, Anita Singh gave it ...": the outlet alone leads, and a review verb follows
# ("For the Los Angeles Times, ..."; not "In the United Kingdom, ...": a place).
IN_OUTLET_RE = re.compile(
    rf"^(?:(?:{any_of(words.SENTENCE_ADVERBS)}),? )?(?:In|(?:For|At)(?: the)?) "
    rf"(?P<outlet>{OUTLET_AFTER}), (?P<critic>{NAME}),? (?:\w+ )?{VERB}"
)
# "Jo Berry, writing for Variety, ...", also without the commas before a review verb; "Jo
# Berry, the television critic for The Boston Globe, ...", "Jo Berry, a critic writing for".
AFTER_COMMA = rf"{any_of(words.OUTLET_AFTER_COMMA)}|(?:(?:a|an|the) )?(?:{CRITIC_NOUN})"
OUTLET_AFTER_COMMA_RE = re.compile(
    rf"(?P<critic>{NAME}),? (?:{AFTER_COMMA})(?: writing| reviewing)? (?:for|in|at) (?:the )?"
    rf"(?P<outlet>{OUTLET_AFTER})(?:,| (?:\w+ )?{VERB})"
)
# What follows a critic named without "of": a comma, a review verb, "in her review".
AFTER_CRITIC = rf"(?=,| (?:\w+ )?{VERB}| in (?:his|her|their) review)"
APOSTROPHE_RE = re.compile(rf"(?P<outlet>{OUTLET})['’]s? (?P<critic>{NAME}){AFTER_CRITIC}")
INVERTED_APOSTROPHE_RE = re.compile(
    rf"{INVERTED_VERB} (?P<outlet>{OUTLET})['’]s? (?P<critic>{NAME})"
)
# "Jo Berry (Variety) gave it 4/5": the outlet in brackets.
CRITIC_BRACKET_RE = re.compile(rf"(?P<critic>{NAME}) \((?P<outlet>{OUTLET_AFTER})\){AFTER_CRITIC}")
# "Critic Tim Goodman of ...": what the critic is, before a name, is no part of it.
CRITIC_TITLE_RE = re.compile(rf"^(?i:{CRITIC_NOUN}) ")
# "Vox critic Todd VanDerWerff argued ...", "The Guardian's TV critic Jo Berry said": the
# outlet, what the critic is, the critic (the shortest outlet: "TV" is the noun's).
OUTLET_NOUN_RE = re.compile(
    rf"(?P<outlet>(?:The |A )?{OUTLET_WORD}(?: (?:of |the |and |& )?{OUTLET_WORD}){{0,7}}?)"
    rf"(?:['’]s)? (?:{CRITIC_NOUN}) (?P<critic>{NAME}){AFTER_CRITIC}"
)
# "a reviewer for Die Welt was less convinced": the outlet's review, with no critic named.
UNNAMED_CRITIC_RE = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne) (?:{CRITIC_NOUN}) (?:for|at|from|with) (?:the )?"
    rf"(?P<outlet>{OUTLET_AFTER})"
)
# The apostrophe-less possessive: a run of capitalised words before a review verb.
POSSESSIVE_RUN_RE = re.compile(
    rf"(?P<run>(?:(?:The|A) )?{NAME_WORD}(?: {NAME_WORD}){{2,5}}) (?:\w+ )?{VERB}"
)
# An outlet alone as the sentence's subject, rating the season: "Fotogramas was more
# enthusiastic, rating it 3.5 out of 5".
OUTLET_SUBJECT_RE = re.compile(
    rf"^(?:(?:{any_of(words.SENTENCE_ADVERBS)}),? )?(?P<outlet>{OUTLET}) {VERB}"
)
NOT_AN_OUTLET = set(words.NOT_AN_OUTLET)
NAMING_RES = (
    OUTLET_FIRST_RE,
    OUTLET_AFTER_COMMA_RE,
    IN_OUTLET_RE,
    CRITIC_OF_RE,
    CRITIC_BRACKET_RE,
    OUTLET_NOUN_RE,
    INVERTED_APOSTROPHE_RE,
    APOSTROPHE_RE,
    UNNAMED_CRITIC_RE,
)
CONNECTOR_RE = re.compile(any_of(words.CLAUSE_CONNECTORS))
# Before a clause's critic: nothing, or "the" of a possessive outlet ("the Toronto Star's").
CLAUSE_START_RE = re.compile(r"(?:the |also )?")
# How far after a connector a clause's critic and outlet are looked for: a name and an outlet
# are bounded (text.NAME, OUTLET), so a longer look finds nothing more, and a sentence of many
# connectors is still read in linear time.
CLAUSE_WINDOW = 300
LEADING_ADVERB_RE = re.compile(rf"^(?:{any_of(words.SENTENCE_ADVERBS)}) ")

APPROVAL_RES = compiled(words.APPROVAL_PHRASINGS)
OUT_OF_100_RES = compiled(words.OUT_OF_100_PHRASINGS)
AVERAGE_RES = compiled(words.AVERAGE_PHRASINGS)
COUNT_RES = compiled(words.COUNT_PHRASINGS)
CONSENSUS_RES = compiled(words.CONSENSUS_PHRASINGS)
LABEL_RES = compiled(words.LABEL_PHRASINGS)
AGGREGATOR_NAME = r"(?P<name>[A-Z][\w.]*(?: [A-Z][\w.]*){0,7})"
KNOWN_AGGREGATOR_RE = re.compile(rf"\b(?P<name>{any_of(words.AGGREGATORS)})\b")
AGGREGATOR_ALIAS_RE = re.compile(rf"\b(?:{any_of(words.AGGREGATOR_ALIASES)})\b")
INTRODUCED_AGGREGATOR_RES = [
    re.compile(f"{intro}{AGGREGATOR_NAME}") for intro in words.AGGREGATOR_INTRODUCTIONS
]
LEADING_NAME_RE = re.compile(rf"^{AGGREGATOR_NAME}")
NOT_A_NAME = {"The", "This", "It", "Its", "In", "As", "On", "At", "Overall", "Critics"}
AGGREGATE_WORDS_RE = re.compile(any_of(words.AGGREGATE_WORDS))
SCORE_FIGURE_RE = re.compile(any_of(words.SCORE_FIGURES))

SCOPE_RE = re.compile(rf"\b(?P<scope>{any_of(words.SCOPE_PHRASINGS)})\b")
MIXED_RE = re.compile(rf"\b(?:{any_of(words.MIXED_WORDS)})\b", re.I)
NEGATIVE_RE = re.compile(rf"\b(?:{any_of(words.NEGATIVE_WORDS)})\b", re.I)
POSITIVE_RE = re.compile(rf"\b(?:{any_of(words.POSITIVE_WORDS)})\b", re.I)
MORE_MIXED_RE = re.compile(r"\bmore (mixed|negative|critical)\b", re.I)

# What makes a sentence look like the start of a review, for the notes.
REVIEW_LIKE_RES = [
    re.compile(rf"{NAME}(?:,| (?:also|however|later|then))? {VERB}"),
    re.compile(rf"{INVERTED_VERB} {NAME}"),
    re.compile(rf"(?i:{any_of(words.OUTLET_FIRST)}) (?:for|in|at) [A-Z]"),
    re.compile(rf", (?:{AFTER_COMMA}) (?:for|in|at) [A-Z]"),
    re.compile(rf"{NAME_WORD}['’]s (?:review|reviewer|critic)\b"),
]


def is_review_paragraph(paragraph):
    return any(REVIEW_HEADINGS.search(heading) for heading in paragraph.headings[:1])


def extract_reviews(paragraphs, known=()):
    """(reviews, notes) of the critical-response paragraphs; `known`: the names of the people
    the article credits (never taken for an outlet)."""
    reviews, notes = [], []
    for paragraph in paragraphs:
        if not is_review_paragraph(paragraph):
            continue
        line = paragraph.line
        segments = []  # [critic review or None, its sentences]
        more_positive = []  # reviews that a later "more mixed review" says were the positive one
        for sentence in paragraph.sentences:
            text = sentence.text
            plain = outside_quotes(text)  # the article's own words: quotations are the critics'
            named = critic_and_outlet(plain)
            # A sentence's first words name an aggregator only in a sentence about one
            # ("Critics Hub gives it a 90% approval rating", not "He gave it 85 out of 100").
            leading_name = not named and AGGREGATE_WORDS_RE.search(plain)
            aggregates = [
                aggregate_review(part, len(reviews) + i, line, leading_name, source=text)
                for i, part in enumerate(aggregator_clauses(text))
            ]
            if any(aggregates):
                reviews += [aggregate for aggregate in aggregates if aggregate]
                if not all(aggregates):
                    message = "names more than one aggregator, and not each with a score"
                    unread = aggregator_clauses(text)[aggregates.index(None)]
                    understood = partial_aggregate(unread, line, source=text)
                    notes.append(Note(line, "aggregate", text, message, understood))
                segments.append([None, []])
                continue
            consensus = first_group(CONSENSUS_RES, text, "consensus")
            if consensus and reviews and reviews[-1].kind == "aggregate":
                reviews[-1].consensus = consensus.rstrip()
                continue
            if named:
                # "In a more mixed review" says the review before it was the more positive one.
                if MORE_MIXED_RE.search(text) and reviews and reviews[-1].kind == "critic":
                    more_positive.append(reviews[-1])
                for clause, clause_named in review_clauses(text) or [(text, named)]:
                    review = critic_review(
                        text, outside_quotes(clause), clause_named, len(reviews), line
                    )
                    reviews.append(review)
                    segments.append([review, [clause]])
                continue
            alone = outlet_alone(text, plain, [*known, *(r.critic for r in reviews if r.critic)])
            if alone:
                review = critic_review(text, plain, alone, len(reviews), line)
                reviews.append(review)
                segments.append([review, [text]])
                continue
            in_critic_review = bool(segments) and segments[-1][0] is not None
            if AGGREGATE_WORDS_RE.search(plain) or (
                SCORE_FIGURE_RE.search(plain) and not in_critic_review
            ):
                understood = partial_aggregate(text, line)
                notes.append(Note(line, "aggregate", text, aggregate_problem(plain), understood))
                segments.append([None, []])
            elif any(pattern.search(plain) for pattern in REVIEW_LIKE_RES):
                message = "looks like a review, but names no critic with an outlet"
                notes.append(Note(line, "review", text, message, partial_review(text, line)))
                segments.append([None, [text]])
            elif segments:
                segments[-1][1].append(text)
            else:
                segments.append([None, [text]])
        for review, texts in segments:
            notes += rate(review, texts, line)
            if review:
                add_detail(review, " ".join(texts))
        for review in more_positive:
            review.sentiment = review.sentiment or "positive"
    return reviews, notes


def first_group(patterns, text, group):
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match.group(group)
    return None


def first_match(patterns, text):
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match
    return None


def aggregator_named(text, leading_name):
    for pattern in [KNOWN_AGGREGATOR_RE, *INTRODUCED_AGGREGATOR_RES]:
        match = pattern.search(text)
        if match:
            return match.group("name")
    match = AGGREGATOR_ALIAS_RE.search(text)
    if match:  # "a Metascore of 69": Metacritic's
        return words.AGGREGATOR_ALIASES[match.group()]
    match = LEADING_NAME_RE.search(text)
    if leading_name and match and match.group("name") not in NOT_A_NAME:
        return match.group("name")
    return None


def aggregate_problem(plain):
    score = first_match(APPROVAL_RES, plain) or first_match(OUT_OF_100_RES, plain)
    if score and not aggregator_named(plain, leading_name=True):
        return "an aggregator score, but no aggregator named"
    return "looks like an aggregator result, but no score was found"


def aggregator_clauses(text):
    """A sentence cut before each further aggregator it names ("Rotten Tomatoes gives 90%;
    on Metacritic, it has a score of 70 out of 100"): one clause per aggregator."""
    clauses, start, seen = [], 0, set()
    for match in KNOWN_AGGREGATOR_RE.finditer(text):
        if seen and match.group("name") not in seen:
            cut = max(
                text.rfind("; ", start, match.start()), text.rfind(", ", start, match.start())
            )
            if cut > start:
                clauses.append(text[start:cut])
                start = cut + 2
        seen.add(match.group("name"))
    return [*clauses, text[start:]]


def plain_words(text):
    """The article's own words of a sentence, single-spaced: "a 93% "Fresh" rating" is "a 93%
    rating"."""
    return " ".join(outside_quotes(text).split())


def aggregate_review(text, order, line, leading_name, source=None):
    """The aggregator result of a sentence (or of one clause of `source`), or None."""
    plain = plain_words(text)
    score = first_match(APPROVAL_RES, plain) or first_match(OUT_OF_100_RES, plain)
    if not score or int(score.group("score")) > 100:
        return None
    name = aggregator_named(plain, leading_name)
    if not name:
        return None
    count = first_group(COUNT_RES, plain, "count")
    return ReviewData(
        outlet=name,
        is_aggregator=True,
        kind="aggregate",
        critic=None,
        rating_text=score.group("written"),
        score=int(score.group("score")),
        average_rating=first_group(AVERAGE_RES, plain, "average") or "",
        sample_size=int(count.replace(",", "")) if count else None,
        consensus=first_group([*LABEL_RES, *CONSENSUS_RES], text, "consensus") or "",
        excerpt="",
        sentiment="",
        scope="",
        order=order,
        source=source or text,
        line=line,
    )


def critic_and_outlet(plain):
    """(critic, outlet) named by a sentence (its words outside quotations), or None; the
    critic is None for an outlet's review that names none ("a reviewer for Die Welt")."""
    named = naming(plain)
    return named[:2] if named else None


def naming(plain):
    """(critic, outlet, where the naming starts) of a sentence or clause, or None."""
    for pattern in NAMING_RES:
        match = pattern.search(plain)
        if match:
            # A sentence's closing period is no part of the outlet ("of The Atlantic.").
            outlet = LEADING_ADVERB_RE.sub("", match.group("outlet")).removesuffix(".")
            critic = match.groupdict().get("critic")
            untitled = CRITIC_TITLE_RE.sub("", critic or "")
            if critic and len(untitled.split()) >= 2:
                critic = untitled
            return critic, outlet, match.start()
    match = POSSESSIVE_RUN_RE.search(plain)
    if match:
        words_ = LEADING_ADVERB_RE.sub("", match.group("run")).split()
        # The critic is the last two or three words; the outlet before them ends in a
        # possessive whose apostrophe the conversion dropped ("Digital Spys").
        for critic_length in (2, 3):
            outlet_words = words_[:-critic_length]
            if not outlet_words:
                break
            last = outlet_words[-1]
            if last.endswith("s") and len(last) > 2:
                outlet_words[-1] = last[:-1]
                critic = " ".join(words_[-critic_length:])
                return critic, " ".join(outlet_words), match.start()
    return None


def outlet_alone(text, plain, people):
    """(None, outlet) of a sentence whose subject is an outlet alone and that gives a rating
    ("Fotogramas was more enthusiastic, rating it 3.5 out of 5"), or None: never a word of
    someone the article names (a critic's surname: "Mangan gave it ...") nor a pronoun or
    quantifier ("She gave ...", "Several outlets ...")."""
    match = OUTLET_SUBJECT_RE.search(plain)
    if not match or not find_ratings(text):
        return None
    outlet = LEADING_ADVERB_RE.sub("", match.group("outlet"))
    named_words = {word for name in people for word in name.split()}
    if set(re.sub(r"^(?:The|A) ", "", outlet).split()) & (named_words | NOT_AN_OUTLET):
        return None
    return None, outlet


def review_clauses(text):
    """A sentence cut into one clause per critic it names ("A of X gave it four stars, while
    Y's B rated it 4/5"), each with its (critic, outlet); [] if no clause after a connector
    names one. It is cut at each connector (words.CLAUSE_CONNECTORS) outside quotations whose
    clause starts by naming a critic and outlet; words before the first critic stay with the
    first clause. Each connector's clause is looked at only up to CLAUSE_WINDOW, and the words
    before the first such connector once: linear in the sentence's length."""
    blank = without_quotations(text)
    clauses, start, current = [], 0, None
    for connector in CONNECTOR_RE.finditer(blank):
        window = outside_quotes(text[connector.end() : connector.end() + CLAUSE_WINDOW])
        named = naming(window)
        if not named or not CLAUSE_START_RE.fullmatch(window[: named[2]]):
            continue
        if current is None:
            before = naming(outside_quotes(text[: connector.start()]))
            current = before[:2] if before else None
        if current is not None:
            clauses.append((text[start : connector.start()], current))
            start = connector.end()
        current = named[:2]
    return [*clauses, (text[start:], current)] if current else []


def critic_review(text, plain, named, order, line):
    critic, outlet = named
    sentiment = ""
    if MIXED_RE.search(plain):
        sentiment = "mixed"
    elif NEGATIVE_RE.search(plain):
        sentiment = "negative"
    elif POSITIVE_RE.search(plain):
        sentiment = "positive"
    return ReviewData(
        outlet=outlet,
        is_aggregator=False,
        kind="critic",
        critic=critic,
        rating_text="",
        score=None,
        average_rating="",
        sample_size=None,
        consensus="",
        excerpt="",
        sentiment=sentiment,
        scope="",
        order=order,
        source=text,
        line=line,
    )


def rate(review, texts, line):
    """Give a critic's review the first rating of its sentences; the notes on the others."""
    notes = []
    for text in texts:
        for rating in find_ratings(text):
            if review is None:
                message = f"a rating ({rating.text}) with no critic and outlet to belong to"
            elif review.rating_text:
                message = f"a second rating ({rating.text}) in one review; the first was kept"
            else:
                review.rating_text, review.score = rating.text, rating.score
                if rating.score is not None and not review.sentiment:
                    review.sentiment = (
                        "positive"
                        if rating.score >= 61
                        else "mixed"
                        if rating.score >= 40
                        else "negative"
                    )
                if not rating.problem:
                    continue
                message = f"the rating {rating.text!r} is kept with no score: {rating.problem}"
            understood = partial_review(text, line)
            understood.rating_text, understood.score = rating.text, rating.score
            notes.append(Note(line, "rating", text, message, understood))
    return notes


def partial_aggregate(text, line, source=None):
    """What a sentence that gave no aggregator result does say of one (its aggregator, score,
    average, count), for its note: the rest blank."""
    plain = plain_words(text)
    score = first_match(APPROVAL_RES, plain) or first_match(OUT_OF_100_RES, plain)
    if score and int(score.group("score")) > 100:
        score = None
    count = first_group(COUNT_RES, plain, "count")
    return ReviewData(
        outlet=aggregator_named(plain, leading_name=True) or "",
        is_aggregator=True,
        kind="aggregate",
        rating_text=score.group("written") if score else "",
        score=int(score.group("score")) if score else None,
        average_rating=first_group(AVERAGE_RES, plain, "average") or "",
        sample_size=int(count.replace(",", "")) if count else None,
        source=source or text,
        line=line,
    )


def partial_review(text, line):
    """What a sentence that names no critic with an outlet does say of a review (the first
    name in it, taken for the critic, or for the outlet when a possessive: "The Guardian's
    reviewer"; its first rating), for its note: the rest blank."""
    plain = outside_quotes(text)
    match = re.search(NAME, LEADING_ADVERB_RE.sub("", plain))
    name = match.group() if match else ""
    outlet = re.sub(r"['’]s?$", "", name) if re.search(r"\w['’]s?$", name) else ""
    ratings = find_ratings(text)
    return ReviewData(
        outlet=outlet,
        is_aggregator=False,
        kind="critic",
        critic=None if outlet or not name else name,
        rating_text=ratings[0].text if ratings else "",
        score=ratings[0].score if ratings else None,
        source=text,
        line=line,
    )


def add_detail(review, text):
    """The excerpt (the first quotation of three words or more) and the scope of a review."""
    for quote in quotations(text):
        if len(quote.split()) >= 3:
            review.excerpt = quote.strip().rstrip(",")
            break
    match = SCOPE_RE.search(text)
    if match:
        review.scope = match.group("scope")
