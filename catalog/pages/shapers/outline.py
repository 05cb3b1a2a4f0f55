"""The season article's outline: its headings as a tree, with the structured blocks placed.

Plain in, plain out: the article's sections come in as `Heading`s (title, anchor, level,
paragraphs) and the blocks the season has as `Blocks`; nothing here reads the database, so
the placement rules can be tested on their own.

The rules:
- The sections nest by level, in article order.
- Each block goes under the article's own heading for it: the episode table under
  "episodes", each cast group under the heading whose title names its billing (the words of
  `vocabulary.billing_of_heading`, the importer's words), a short timeline at the end of
  "production", the ratings and reviews under "reception" or else "critical-response", the
  accolades under "accolades". A block with no heading gets one appended at the end, so
  nothing is left out. A cast group with no credits and no heading gets no heading, and a
  season with no events gets no timeline.
- A heading with nothing under it (no prose, no block with content, no such subsection) is
  left out, so a season with few facts shows no empty part (and its contents list none).
- Heading tags follow the depth in the tree, not the article's level, so none is skipped.
- Stored anchors are kept as they are, so a section's link finds it; only appended headings
  get a generated one, which never takes a stored or reserved anchor.
"""

from dataclasses import dataclass, field

from catalog.domain.vocabulary import (
    BILLING_HEADINGS,
    anchor_for,
    billing_of_heading,
    is_cast_heading,
    is_reserved_anchor,
)

EPISODE_ANCHORS = {"episodes", "episode-list"}
CAST_ANCHORS = {"cast-and-characters", "cast"}
# The id of the part that holds the cast groups (search results link to it).
CAST_SECTION_ID = "cast"


@dataclass(frozen=True)
class Heading:
    """One section of the article as stored: the outline's input."""

    title: str
    anchor: str
    level: int = 2
    paragraphs: list = field(default_factory=list)


@dataclass
class CastGroup:
    billing: str
    list_id: str
    credits: list


@dataclass
class Blocks:
    """Which structured blocks the season has."""

    episodes: bool = False
    timeline: bool = False
    cast_groups: list = field(default_factory=list)  # CastGroup, in billing order
    reviews: bool = False
    accolades: bool = False


@dataclass
class Node:
    """A heading of the page with its prose, its structured block and its subsections."""

    title: str
    anchor: str
    paragraphs: list = field(default_factory=list)
    block: str = ""
    cast_group: CastGroup | None = None
    section_id: str = ""
    children: list = field(default_factory=list)
    depth: int = 0
    appended: bool = False  # made by the page, not stored: its anchor is generated

    @property
    def heading_tag(self):
        # From the depth in the outline, not the article's level, so no level is ever skipped.
        return f"h{min(self.depth + 2, 6)}"


def build_outline(headings, blocks):
    """The page's outline: a list of root `Node`s."""
    roots = nest(headings)
    place_blocks(roots, blocks)
    roots = prune(roots)
    set_depths(roots)
    set_anchors(roots)
    return roots


def nest(headings):
    roots, stack = [], []
    for heading in headings:
        node = Node(heading.title, heading.anchor, list(heading.paragraphs))
        while stack and stack[-1][0] >= heading.level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(node)
        stack.append((heading.level, node))
    return roots


def prune(nodes):
    """`nodes` without the headings that would stand empty: no prose, no block with content
    and no subsection left."""
    kept = []
    for node in nodes:
        node.children = prune(node.children)
        has_block = node.block and (node.block != "cast" or node.cast_group.credits)
        if node.paragraphs or has_block or node.children:
            kept.append(node)
    return kept


def walk(nodes):
    """Every node, depth first in page order."""
    for node in nodes:
        yield node
        yield from walk(node.children)


def find(nodes, matches):
    return next((node for node in walk(nodes) if matches(node)), None)


def find_anchor(nodes, anchors):
    return find(nodes, lambda node: node.anchor in anchors)


def append(nodes, title):
    node = Node(title, "", appended=True)
    nodes.append(node)
    return node


def place_blocks(roots, blocks):
    # The order matters where headings are appended: it is the order they appear in.
    if blocks.episodes:
        node = find_anchor(roots, EPISODE_ANCHORS) or append(roots, "Episodes")
        node.block = "episodes"
    if any(group.credits for group in blocks.cast_groups):
        place_cast(roots, blocks.cast_groups)
    if blocks.timeline:
        production = find_anchor(roots, {"production"})
        if production:
            append(production.children, "Timeline").block = "timeline"
        else:
            append(roots, "Production timeline").block = "timeline"
    if blocks.reviews:
        node = find_anchor(roots, {"reception"}) or find_anchor(roots, {"critical-response"})
        node = node or append(roots, "Reception")
        node.block = "reviews"
    if blocks.accolades:
        node = find_anchor(roots, {"accolades"}) or append(roots, "Accolades")
        node.block = "accolades"


def place_cast(roots, groups):
    """Each cast group under the heading that names its billing: in the cast section first,
    else anywhere (the importer reads a cast list under such a heading wherever it is)."""
    cast = find(roots, lambda n: n.anchor in CAST_ANCHORS or is_cast_heading(n.title))
    placed = []
    for group in groups:
        names_group = names_billing(group.billing)
        node = (cast and find(cast.children, names_group)) or find(roots, names_group)
        if node is None and group.credits:
            cast = cast or append(roots, "Cast and characters")
            node = append(cast.children, BILLING_HEADINGS[group.billing])
        if node is not None:
            node.block, node.cast_group = "cast", group
            placed.append(node)
    listed = [node for node in placed if node.cast_group.credits]
    holder = cast or (listed[0] if listed else None)
    if holder is not None:
        holder.section_id = CAST_SECTION_ID


def names_billing(billing):
    return lambda node: billing_of_heading(node.title) == billing


def set_depths(nodes, depth=0):
    for node in nodes:
        node.depth = depth
        set_depths(node.children, depth + 1)


def set_anchors(roots):
    """Stored anchors as they are; a legacy one that is blank, reserved or repeated, and every
    appended heading's, made by `anchor_for` among all the others, so no id repeats."""
    nodes = list(walk(roots))
    stored = [node for node in nodes if not node.appended]
    taken = {node.anchor for node in stored if node.anchor}
    kept = set()
    for node in stored:
        if not node.anchor or is_reserved_anchor(node.anchor) or node.anchor in kept:
            node.anchor = anchor_for(node.anchor or node.title, taken)
        kept.add(node.anchor)
    for node in nodes:
        if node.appended:
            node.anchor = anchor_for(node.title, taken)
