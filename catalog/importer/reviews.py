"""Aggregator results and critics' reviews from the critical-response prose.

A review starts at a sentence that names a critic with their outlet ("Allison Keene of
Collider", "Liz Shannon Miller from IndieWire", "Digital Spy's Jo Berry") and runs until the
next such sentence or the paragraph's end.
"""

import re
from fractions import Fraction

from catalog.importer.data import ReviewData
from catalog.importer.text import NAME, NAME_WORD, outside_quotes, quotations

REVIEW_HEADINGS = re.compile(r"critical (response|reception)|^reception$|^reviews$", re.I)

APPROVAL_RE = re.compile(r"approval rating of (?P<score>\d{1,3})%")
AVERAGE_RE = re.compile(r"average (?:rating|score) of (?P<average>\d+(?:\.\d+)?/\d+)")
BASED_ON_RE = re.compile(r"based on (?P<count>[\d,]+) (?:reviews|critics)")
OUT_OF_100_RE = re.compile(r"score of (?P<score>\d{1,3}) out of 100")
AGGREGATOR_NAME_RE = re.compile(r"aggregator (?P<name>[A-Z][\w.]*(?: [A-Z][\w.]*)*)")
LEADING_NAME_RE = re.compile(r"^(?:On |At )?(?P<name>[A-Z][\w.]*(?: [A-Z][\w.]*)*)")
CONSENSUS_RE = re.compile(r"consensus reads,? [\"“](?P<text>.+?)[\"”]")
INDICATING_RE = re.compile(r"indicating [\"“](?P<text>[^\"”]+)[\"”]")

OUTLET = r"(?:The |A )?[A-Z][\w.&'’+-]*(?: (?:of |the |and |& )?[A-Z][\w.&'’+-]*)*"
CRITIC_OF_RE = re.compile(rf"(?P<critic>{NAME}) (?:of|from|at|for) (?P<outlet>{OUTLET})")
POSSESSIVE_RE = re.compile(
    rf"(?P<run>(?:(?:The|A) )?{NAME_WORD}(?: {NAME_WORD}){{2,5}}) "
    r"(?:said|wrote|noted|felt|called|praised|criticized|criticised|described|gave|awarded|"
    r"found|opined|argued|stated|commented|concluded)\b"
)

RATING_RES = [
    re.compile(r"(?P<text>(?P<a>\d+(?:\.\d+)?) out of (?P<b>\d+)(?: stars)?)"),
    re.compile(r"(?P<text>(?P<a>\d+(?:\.\d+)?)/(?P<b>\d+))"),
]
GRADE_RE = re.compile(r"\b(?:a|an|grade of|grade) [\"“](?P<grade>[A-F][+\-−]?)[\"”]")
# Letter grades on a 0-100 scale, as Metacritic converts them.
GRADE_SCORES = {
    "A+": 100, "A": 100, "A-": 91, "B+": 83, "B": 75, "B-": 67, "C+": 58, "C": 50,
    "C-": 42, "D+": 33, "D": 25, "D-": 16, "F+": 8, "F": 0, "F-": 0,
}  # fmt: skip
SCOPE_RE = re.compile(
    r"\b(?P<scope>(?:first|opening|last|final) (?:\w+ )?episodes?|(?:entire|whole|full) season)\b"
)
MIXED_RE = re.compile(r"\bmixed\b", re.I)
NEGATIVE_RE = re.compile(
    r"\b(negative|disappointed|disappointing|bored|panned|unimpressed|disliked|criticized|"
    r"criticised|scathing)\b",
    re.I,
)
POSITIVE_RE = re.compile(r"\b(positive|praised|enjoyed|glowing|rave|favorable|favourable)\b", re.I)
MORE_MIXED_RE = re.compile(r"\bmore (mixed|negative|critical)\b", re.I)


def is_review_paragraph(paragraph):
    return any(REVIEW_HEADINGS.search(heading) for heading in paragraph.headings[:1])


def extract_reviews(paragraphs):
    reviews = []
    for paragraph in paragraphs:
        if not is_review_paragraph(paragraph):
            continue
        segments = []  # (review, its sentences) for the critics' reviews of this paragraph
        for sentence in paragraph.sentences:
            text = sentence.text
            aggregate = aggregate_review(text, len(reviews), paragraph.line)
            if aggregate:
                reviews.append(aggregate)
                segments.append((None, []))
                continue
            consensus = CONSENSUS_RE.search(text)
            if consensus and reviews and reviews[-1].kind == "aggregate":
                reviews[-1].consensus = consensus.group("text").rstrip()
                continue
            started = critic_review(text, len(reviews), reviews, paragraph.line)
            if started:
                reviews.append(started)
                segments.append((started, [text]))
            elif segments:
                segments[-1][1].append(text)
        for review, texts in segments:
            if review:
                add_detail(review, " ".join(texts))
    return reviews


def aggregate_review(text, order, line):
    approval = APPROVAL_RE.search(text)
    out_of_100 = OUT_OF_100_RE.search(text)
    if not approval and not out_of_100:
        return None
    named = AGGREGATOR_NAME_RE.search(text) or LEADING_NAME_RE.search(text)
    if not named:
        return None
    average = AVERAGE_RE.search(text)
    based_on = BASED_ON_RE.search(text)
    indicating = INDICATING_RE.search(text)
    score = approval or out_of_100
    return ReviewData(
        outlet=named.group("name"),
        is_aggregator=True,
        kind="aggregate",
        critic=None,
        rating_text=f"{score.group('score')}%"
        if approval
        else f"{score.group('score')} out of 100",
        score=int(score.group("score")),
        average_rating=average.group("average") if average else "",
        sample_size=int(based_on.group("count").replace(",", "")) if based_on else None,
        consensus=indicating.group("text") if indicating else "",
        excerpt="",
        sentiment="",
        scope="",
        order=order,
        source=text,
        line=line,
    )


def critic_and_outlet(text):
    """(critic, outlet) named by a sentence, or None."""
    plain = outside_quotes(text)
    match = CRITIC_OF_RE.search(plain)
    if match:
        return match.group("critic"), match.group("outlet")
    match = POSSESSIVE_RE.search(plain)
    if match:
        words = match.group("run").split()
        # The critic is the last two or three words; the outlet before them ends in a
        # possessive, whose apostrophe the conversion may have dropped ("Digital Spys").
        for critic_length in (2, 3):
            outlet_words = words[:-critic_length]
            if not outlet_words:
                break
            last = outlet_words[-1]
            for suffix in ("'s", "’s", "'", "’", "s"):
                if last.endswith(suffix) and len(last) > len(suffix) + 1:
                    outlet_words[-1] = last[: -len(suffix)]
                    return " ".join(words[-critic_length:]), " ".join(outlet_words)
    return None


def critic_review(text, order, earlier, line):
    named = critic_and_outlet(text)
    if not named:
        return None
    critic, outlet = named
    plain = outside_quotes(text)
    rating_text, score = rating_of(text, plain)
    sentiment = ""
    if MIXED_RE.search(plain):
        sentiment = "mixed"
    elif NEGATIVE_RE.search(plain):
        sentiment = "negative"
    elif POSITIVE_RE.search(plain):
        sentiment = "positive"
    elif score is not None:
        sentiment = "positive" if score >= 61 else "mixed" if score >= 40 else "negative"
    # "In a more mixed review" says the review before it was the more positive one.
    if (
        MORE_MIXED_RE.search(plain)
        and earlier
        and earlier[-1].kind == "critic"
        and not earlier[-1].sentiment
    ):
        earlier[-1].sentiment = "positive"
    review = ReviewData(
        outlet=outlet,
        is_aggregator=False,
        kind="critic",
        critic=critic,
        rating_text=rating_text,
        score=score,
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
    return review


def rating_of(text, plain):
    for pattern in RATING_RES:
        match = pattern.search(plain)
        if match:
            a, b = Fraction(match.group("a")), Fraction(match.group("b"))
            if b > 0 and 0 <= a <= b:
                return match.group("text"), round(a / b * 100)
    match = GRADE_RE.search(text)
    if match:
        grade = match.group("grade").replace("−", "-")
        return grade, GRADE_SCORES[grade]
    return "", None


def add_detail(review, text):
    """The excerpt (the first quotation of three words or more) and the scope of a review."""
    for quote in quotations(text):
        if len(quote.split()) >= 3:
            review.excerpt = quote.strip().rstrip(",")
            break
    match = SCOPE_RE.search(text)
    if match:
        review.scope = match.group("scope")
