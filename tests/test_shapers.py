"""The page shapers on their own: the outline's placement rules on plain headings (no
database), and the person page's profile."""

from types import SimpleNamespace

import pytest

from catalog.content.selectors import people_for_profile
from catalog.domain.vocabulary import RESERVED_ANCHORS, Billing
from catalog.pages.shapers import PersonProfile
from catalog.pages.shapers.outline import (
    Blocks,
    CastGroup,
    Heading,
    Node,
    build_outline,
    set_anchors,
    walk,
)

# A section's text: a heading with none and nothing placed under it is left out.
PROSE = [["Some words."]]

SEED_HEADINGS = [
    Heading("Episodes", "episodes", 2, PROSE),
    Heading("Cast and characters", "cast-and-characters", 2, PROSE),
    Heading("Main", "main", 3, PROSE),
    Heading("Recurring", "recurring", 3, PROSE),
    Heading("Notable guests", "notable-guests", 3, PROSE),
    Heading("Production", "production", 2, PROSE),
    Heading("Development", "development", 3, PROSE),
    Heading("Reception", "reception", 2, PROSE),
    Heading("Critical response", "critical-response", 3, PROSE),
    Heading("Accolades", "accolades", 3, PROSE),
]


def groups(main=1, recurring=1, guest=1):
    """Cast groups in billing order with that many (stand-in) credits each."""
    counts = {Billing.MAIN: main, Billing.RECURRING: recurring, Billing.GUEST: guest}
    return [
        CastGroup(billing, f"{billing}-cast", [f"{billing} {n}" for n in range(count)])
        for billing, count in counts.items()
    ]


def every_block(**counts):
    return Blocks(
        episodes=True, cast_groups=groups(**counts), reviews=True, accolades=True, timeline=True
    )


def outline_of(nodes):
    """(title, anchor, block, heading tag) of every node, in page order."""
    return [(n.title, n.anchor, n.block, n.heading_tag) for n in walk(nodes)]


def node(nodes, title):
    (found,) = [n for n in walk(nodes) if n.title == title]
    return found


# Placement ----------------------------------------------------------------------------------


def test_blocks_go_under_the_articles_own_headings_and_only_the_timeline_is_added():
    outline = build_outline(SEED_HEADINGS, every_block())
    assert outline_of(outline) == [
        ("Episodes", "episodes", "episodes", "h2"),
        ("Cast and characters", "cast-and-characters", "", "h2"),
        ("Main", "main", "cast", "h3"),
        ("Recurring", "recurring", "cast", "h3"),
        ("Notable guests", "notable-guests", "cast", "h3"),
        ("Production", "production", "", "h2"),
        ("Development", "development", "", "h3"),
        ("Timeline", "timeline", "timeline", "h3"),
        ("Reception", "reception", "reviews", "h2"),
        ("Critical response", "critical-response", "", "h3"),
        ("Accolades", "accolades", "accolades", "h3"),
    ]
    assert node(outline, "Cast and characters").section_id == "cast"
    cast_lists = [n.cast_group.list_id for n in walk(outline) if n.block == "cast"]
    assert cast_lists == ["main-cast", "recurring-cast", "guest-cast"]


def test_an_article_without_headings_gets_one_per_block_at_the_end():
    headings = [Heading("Plot", "plot", 2, [[{"text": "Once."}]])]
    outline = build_outline(headings, every_block(recurring=0))
    assert outline_of(outline) == [
        ("Plot", "plot", "", "h2"),
        ("Episodes", "episodes", "episodes", "h2"),
        ("Cast and characters", "cast-and-characters", "", "h2"),
        # No recurring credits and no heading for them: no "Recurring" heading.
        ("Main", "main", "cast", "h3"),
        ("Notable guests", "notable-guests", "cast", "h3"),
        ("Production timeline", "production-timeline", "timeline", "h2"),
        ("Reception", "reception", "reviews", "h2"),
        ("Accolades", "accolades", "accolades", "h2"),
    ]
    assert outline[0].paragraphs == [[{"text": "Once."}]]
    assert node(outline, "Cast and characters").section_id == "cast"


def test_a_season_with_events_has_its_timeline_at_the_end_of_production():
    assert outline_of(build_outline([], Blocks(timeline=True))) == [
        ("Production timeline", "production-timeline", "timeline", "h2"),
    ]
    headings = [
        Heading("Production", "production", 2, PROSE),
        Heading("Filming", "filming", 3, PROSE),
        Heading("Locations", "locations", 4, PROSE),
        Heading("Release", "release", 2, PROSE),
    ]
    production = build_outline(headings, Blocks(timeline=True))[0]
    assert [c.title for c in production.children] == ["Filming", "Timeline"]
    assert production.children[-1].block == "timeline"


def test_a_season_without_events_has_no_timeline():
    assert build_outline([], Blocks()) == []
    outline = build_outline([Heading("Production", "production", 2, PROSE)], Blocks())
    assert outline_of(outline) == [("Production", "production", "", "h2")]


def test_reviews_go_under_reception_else_under_critical_response():
    headings = [
        Heading("Release", "release", 2, PROSE),
        Heading("Critical response", "critical-response", 3, PROSE),
    ]
    outline = build_outline(headings, Blocks(reviews=True))
    assert node(outline, "Critical response").block == "reviews"
    assert "Reception" not in [n.title for n in walk(outline)]

    reception = Heading("Reception", "reception", 2, PROSE)
    outline = build_outline([*headings, reception], Blocks(reviews=True))
    assert node(outline, "Reception").block == "reviews"
    assert node(outline, "Critical response").block == ""


def test_no_block_no_heading():
    outline = build_outline([Heading("Episodes", "episodes", 2, PROSE)], Blocks())
    assert [(n.title, n.block) for n in walk(outline)] == [("Episodes", "")]


def test_a_heading_with_nothing_under_it_is_left_out():
    headings = [
        Heading("Episodes", "episodes", 2),
        Heading("Production", "production", 2),
        Heading("Filming", "filming", 3),  # empty, so its parent is empty too
        Heading("Reception", "reception", 2),
        Heading("Critical response", "critical-response", 3, PROSE),
        Heading("Accolades", "accolades", 2),
        Heading("Cast", "cast", 2),
        Heading("Recurring", "recurring", 3),  # a cast group with no one in it
    ]
    outline = build_outline(headings, Blocks(cast_groups=groups(0, 0, 0)))
    assert outline_of(outline) == [
        ("Reception", "reception", "", "h2"),
        ("Critical response", "critical-response", "", "h3"),
    ]
    # The same headings hold what the season has.
    outline = build_outline(headings, every_block(recurring=0))
    assert [(n.title, n.block) for n in walk(outline)] == [
        ("Episodes", "episodes"),
        ("Production", ""),
        ("Timeline", "timeline"),
        ("Reception", "reviews"),
        ("Critical response", ""),
        ("Accolades", "accolades"),
        ("Cast", ""),
        ("Main", "cast"),
        ("Notable guests", "cast"),
    ]


def test_heading_tags_follow_the_depth_so_no_level_is_skipped():
    headings = [
        Heading("Top", "top", 2, PROSE),
        Heading("Deep", "deep", 4, PROSE),
        Heading("Deeper", "deeper", 6, PROSE),
        Heading("Back", "back", 3, PROSE),
        Heading("Production", "production", 2, PROSE),
    ]
    outline = build_outline(headings, Blocks(timeline=True))
    assert [(n.title, n.depth, n.heading_tag) for n in walk(outline)] == [
        ("Top", 0, "h2"),
        ("Deep", 1, "h3"),
        ("Deeper", 2, "h4"),
        ("Back", 1, "h3"),
        ("Production", 0, "h2"),
        ("Timeline", 1, "h3"),
    ]


def test_the_deepest_heading_tag_is_h6():
    assert Node("x", "x", depth=9).heading_tag == "h6"


# Cast groups by the heading's title ------------------------------------------------------------


def test_cast_groups_are_found_by_the_words_of_their_headings():
    headings = [
        Heading("Cast and characters", "cast-and-characters", 2, PROSE),
        Heading("Series regulars", "series-regulars", 3, PROSE),
        Heading("Notable guest stars", "notable-guest-stars", 3, PROSE),
    ]
    outline = build_outline(headings, Blocks(cast_groups=groups(recurring=0)))
    assert [(n.title, n.anchor, n.block) for n in walk(outline)][:3] == [
        ("Cast and characters", "cast-and-characters", ""),
        ("Series regulars", "series-regulars", "cast"),
        ("Notable guest stars", "notable-guest-stars", "cast"),
    ]
    assert node(outline, "Series regulars").cast_group.billing == Billing.MAIN
    assert node(outline, "Notable guest stars").cast_group.billing == Billing.GUEST
    titles = [n.title for n in walk(outline)]
    for invented in ("Main", "Recurring", "Notable guests"):
        assert invented not in titles


def test_a_cast_heading_without_credits_keeps_its_group_and_a_missing_one_is_appended():
    headings = [
        Heading("Cast", "the-cast", 2, PROSE),
        Heading("Recurring cast", "recurring-cast-2", 3, PROSE),
    ]
    outline = build_outline(headings, Blocks(cast_groups=groups(main=2, recurring=0, guest=0)))
    cast = outline[0]
    assert cast.section_id == "cast"
    assert [(c.title, c.anchor, c.cast_group.billing) for c in cast.children] == [
        ("Recurring cast", "recurring-cast-2", Billing.RECURRING),
        ("Main", "main", Billing.MAIN),
    ]
    # An article heading for a group shows its (empty) list rather than nothing.
    assert cast.children[0].cast_group.credits == []


def test_a_cast_heading_outside_the_cast_section_is_still_its_groups_heading():
    # The importer reads a cast list under such a heading wherever it stands.
    headings = [Heading("Starring", "starring", 2, PROSE), Heading("Guests", "guests", 2, PROSE)]
    outline = build_outline(headings, Blocks(cast_groups=groups(recurring=0)))
    assert [(n.title, n.block) for n in walk(outline)][:2] == [
        ("Starring", "cast"),
        ("Guests", "cast"),
    ]
    assert "Cast and characters" not in [n.title for n in walk(outline)]
    # The first group's heading holds the id the search results link to.
    assert outline[0].section_id == "cast"


def test_without_cast_credits_the_cast_headings_get_no_lists():
    headings = [Heading("Cast", "cast-and-characters", 2, PROSE), Heading("Main", "main", 3, PROSE)]
    outline = build_outline(headings, Blocks(cast_groups=groups(0, 0, 0)))
    # Their text stays; no timeline either, as the season has no events.
    assert [n.block for n in walk(outline)] == ["", ""]
    assert outline[0].section_id == ""


# Anchors ---------------------------------------------------------------------------------------


def test_stored_anchors_stay_as_they_are():
    headings = [
        Heading("References", "references-2", 2, PROSE),
        Heading("Sources", "custom-anchor", 2, PROSE),
        Heading("Episodes", "episode-list", 2, PROSE),
    ]
    outline = build_outline(headings, Blocks(episodes=True))
    assert [n.anchor for n in outline][:3] == ["references-2", "custom-anchor", "episode-list"]
    assert outline[2].block == "episodes"


def test_an_appended_heading_never_takes_a_stored_anchor_even_a_later_one():
    headings = [
        Heading("Production", "production", 2, PROSE),
        Heading("Main title theme", "main", 3, PROSE),
        Heading("Timeline", "timeline", 2, PROSE),  # the article's own, after Production
        Heading("Awards", "accolades-2", 2, PROSE),
    ]
    outline = build_outline(headings, every_block())
    anchors = [(n.title, n.anchor) for n in walk(outline)]
    assert anchors[:4] == [
        ("Production", "production"),
        ("Main title theme", "main"),
        ("Timeline", "timeline-2"),  # the short timeline, added under Production
        ("Timeline", "timeline"),
    ]
    assert ("Main", "main-2") in anchors
    assert ("Accolades", "accolades") in anchors
    assert len({a for _t, a in anchors}) == len(anchors)


def test_an_appended_heading_never_takes_a_reserved_anchor():
    nodes = [Node(title, "", appended=True) for title in ("References", "Content", "Cast")]
    nodes.insert(1, Node("Sources", "references-2"))
    set_anchors(nodes)
    assert [n.anchor for n in nodes] == ["references-3", "references-2", "content-2", "cast-2"]
    for n in nodes:
        assert n.anchor not in RESERVED_ANCHORS


def test_a_legacy_reserved_or_repeated_stored_anchor_is_made_unique():
    nodes = [
        Node("References", "references"),
        Node("More references", "references-2"),
        Node("Contents", "toc"),
        Node("Notes", "notes"),
        Node("Notes again", "notes"),
        Node("No anchor", ""),
        Node("Toc", "", appended=True),
    ]
    set_anchors(nodes)
    assert [n.anchor for n in nodes] == [
        "references-3",
        "references-2",
        "toc-2",
        "notes",
        "notes-2",
        "no-anchor",
        "toc-3",
    ]


# The person page -------------------------------------------------------------------------------


def credit(department, season="A season 1", **fields):
    base = {"character": "", "job": "", "note": "", "season": SimpleNamespace(title=season)}
    return SimpleNamespace(department=department, **{**base, **fields})


def person(credits=(), reviews=()):
    return SimpleNamespace(
        name="Ann Actor",
        shown_credits=list(credits),
        shown_reviews=list(reviews),
        shown_events=[],
        shown_accolades=[],
    )


def test_a_profile_splits_cast_and_crew_and_names_the_jobs():
    role = credit("cast", character="Hero")
    directing = credit("crew", job="director")
    writing = credit("crew", job="writer", season="B season 2")
    profile = PersonProfile(person([role, directing, writing]))
    assert profile.cast == [role]
    assert profile.crew == [directing, writing]
    assert profile.jobs == ["actor", "director", "writer"]


def test_the_summary_says_everything_once_in_order():
    review = SimpleNamespace(
        season=SimpleNamespace(title="B season 2"), outlet=SimpleNamespace(name="Polygon")
    )
    credits = [
        credit("cast", character="Hero"),
        credit("cast"),
        # A judge plays no character: the credit's note says what they were.
        credit("cast", note="Judge"),
        # A job credited on several episodes is said once.
        credit("crew", job="cover artist"),
        credit("crew", job="cover artist"),
    ]
    profile = PersonProfile(person(credits, [review]))
    assert profile.summary == (
        "Ann Actor: Hero in A season 1; a role in A season 1; Judge in A season 1; "
        "cover artist on A season 1; "
        "reviewed B season 2 for Polygon."
    )


def test_a_profile_with_nothing_is_the_name_alone():
    profile = PersonProfile(person())
    assert (profile.cast, profile.crew, profile.jobs) == ([], [], [])
    assert profile.summary == "Ann Actor"


@pytest.mark.django_db
def test_a_profile_from_the_selector_reads_the_seed(seed_content):
    profile = PersonProfile(people_for_profile().get(slug="raelle-tucker"))
    assert profile.jobs == ["executive producer", "writer"]
    assert profile.summary == (
        "Raelle Tucker: executive producer on Jessica Jones season 2; "
        "writer on Jessica Jones season 2."
    )
    assert profile.cast == []
