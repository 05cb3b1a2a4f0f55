"""The season article's shape, computed in Python from a season loaded with `for_article()`.

Nothing here queries the database: every list comes from the prefetched relations, so the
page costs the same number of queries however large the season is.

The article's own sections give the outline, in article order. The structured content (the
episode table, the cast lists, the ratings, the accolades, a short timeline) is placed under
the section whose anchor names it ("episodes", "cast-and-characters" with "main", "recurring"
and "notable-guests", a short timeline at the end of "production", the ratings and reviews
at the top of "reception" or else "critical-response", "accolades"); what an article has no
heading for gets a heading of its own, so nothing is ever left out.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.utils.text import slugify

from catalog.colors import header_colors
from catalog.models import Credit, Event, Review, split_paragraphs

# How many events the article's short timeline shows before linking to the full one.
SHORT_TIMELINE_LENGTH = 6
PRODUCTION_KINDS = {
    Event.Kind.DEVELOPMENT,
    Event.Kind.WRITING,
    Event.Kind.CASTING,
    Event.Kind.FILMING,
    Event.Kind.MUSIC,
}
# Infobox lines shown from typed fields or the credits rather than as written.
TYPED_INFOBOX_KEYS = {
    "bg color",
    "showrunner",
    "starring",
    "num episodes",
    "network",
    "released",
    "episode list",
}
PRODUCTION_COMPANY_KEYS = {"production company", "production companies"}

CAST_GROUPS = [
    # billing, list id, anchors an article may use for the group's heading, default heading
    (Credit.Billing.MAIN, "main-cast", {"main", "main-cast", "starring"}, "Main"),
    (Credit.Billing.RECURRING, "recurring-cast", {"recurring", "recurring-cast"}, "Recurring"),
    (
        Credit.Billing.GUEST,
        "guest-cast",
        {"notable-guests", "guests", "guest", "guest-cast", "guest-stars"},
        "Notable guests",
    ),
]


@dataclass
class Node:
    """A heading of the page with its prose, its structured block and its subsections."""

    title: str
    anchor: str
    paragraphs: list = field(default_factory=list)
    block: str = ""
    cast_group: object = None
    section_id: str = ""
    children: list = field(default_factory=list)
    depth: int = 0

    @property
    def heading_tag(self):
        # From the depth in the outline, not the article's level, so no level is ever skipped.
        return f"h{min(self.depth + 2, 6)}"


@dataclass
class CastGroup:
    billing: str
    list_id: str
    credits: list


@dataclass
class Marker:
    number: int
    ref_id: str


class Citations:
    """Places the reference markers in the prose and numbers each occurrence."""

    def __init__(self, references):
        self.references = references
        self.by_section = {}
        for reference in references:
            reference.backlinks = []
            for citation in reference.citations.all():
                self.by_section.setdefault(citation.section_id, []).append((citation, reference))

    def paragraphs(self, section_id, text):
        """The paragraphs of `text` as lists of pieces: {"text": str} or {"refs": [Marker]}."""
        paragraphs = split_paragraphs(text)
        markers = [[] for _ in paragraphs]
        for citation, reference in self.by_section.get(section_id, []):
            for index, paragraph in enumerate(paragraphs):
                start = paragraph.find(citation.sentence)
                if start >= 0:
                    position = start + min(citation.offset, len(citation.sentence))
                    markers[index].append((position, citation.pk, reference))
                    break
        return [self._pieces(p, sorted(m)) for p, m in zip(paragraphs, markers, strict=True)]

    def _pieces(self, paragraph, markers):
        pieces, done = [], 0
        for position, _pk, reference in markers:
            if position > done:
                pieces.append({"text": paragraph[done:position]})
                done = position
            marker = self._marker(reference)
            if pieces and "refs" in pieces[-1]:
                pieces[-1]["refs"].append(marker)
            else:
                pieces.append({"refs": [marker]})
        if done < len(paragraph):
            pieces.append({"text": paragraph[done:]})
        return pieces

    def _marker(self, reference):
        # Ids follow the page order: cite-ref-N-1 is reference N's first marker.
        ref_id = f"cite-ref-{reference.number}-{len(reference.backlinks) + 1}"
        reference.backlinks.append(ref_id)
        return Marker(reference.number, ref_id)


class SeasonArticle:
    def __init__(self, season):
        self.season = season
        self.series = season.series
        self.sections = list(season.sections.all())
        self.infobox_fields = list(season.infobox_fields.all())
        self.references = list(season.references.all())
        self.credits = list(season.credits.all())
        self.episodes = list(season.episodes.all())
        self.reviews = list(season.reviews.all())
        self.events = list(season.events.all())
        self.accolades = list(season.accolades.all())

        self.header_background, self.header_text = header_colors(season.background_color)
        self.cast_groups = [
            CastGroup(billing, list_id, [c for c in self.cast if c.billing == billing])
            for billing, list_id, _anchors, _title in CAST_GROUPS
        ]
        self.citations = Citations(self.references)
        self.lead = self.citations.paragraphs(None, season.lead)
        self.outline = self._outline()

    # The infobox and the lists: the page and its JSON-LD read each several times.

    @cached_property
    def cast(self):
        return [c for c in self.credits if c.department == Credit.Department.CAST]

    @cached_property
    def crew(self):
        return [c for c in self.credits if c.department == Credit.Department.CREW]

    @cached_property
    def main_cast(self):
        return self.cast_groups[0].credits

    @cached_property
    def showrunners(self):
        return [c.person for c in self.crew if c.job == "showrunner"]

    @cached_property
    def other_infobox_fields(self):
        return [f for f in self.infobox_fields if f.key.lower() not in TYPED_INFOBOX_KEYS]

    @cached_property
    def production_companies(self):
        return [
            name.strip()
            for f in self.infobox_fields
            if f.key.lower() in PRODUCTION_COMPANY_KEYS
            for name in f.value.split(",")
            if name.strip()
        ]

    @cached_property
    def episode_rows(self):
        artists = {}
        for credit in self.crew:
            if credit.job == "cover artist" and credit.episode_id:
                artists.setdefault(credit.episode_id, []).append(credit.person)
        return [(episode, artists.get(episode.pk, [])) for episode in self.episodes]

    @cached_property
    def aggregate_reviews(self):
        return [r for r in self.reviews if r.kind == Review.Kind.AGGREGATE]

    @cached_property
    def critic_reviews(self):
        return [r for r in self.reviews if r.kind == Review.Kind.CRITIC]

    @cached_property
    def short_timeline(self):
        production = [e for e in self.events if e.kind in PRODUCTION_KINDS]
        return production[:SHORT_TIMELINE_LENGTH]

    @cached_property
    def last_changed(self):
        """The latest edit to anything the page shows."""
        objects = [
            self.season,
            self.series,
            *self.sections,
            *self.infobox_fields,
            *self.references,
            *(c for r in self.references for c in r.citations.all()),
            *self.credits,
            *(c.person for c in self.credits),
            *self.episodes,
            *self.reviews,
            *self.events,
            *self.accolades,
        ]
        return max(o.updated_at for o in objects)

    # The outline.

    def _outline(self):
        roots, stack = [], []
        for section in self.sections:
            node = Node(
                section.title,
                section.anchor,
                self.citations.paragraphs(section.pk, section.body),
            )
            while stack and stack[-1][0] >= section.level:
                stack.pop()
            (stack[-1][1].children if stack else roots).append(node)
            stack.append((section.level, node))
        self._place_blocks(roots)
        self._set_depths(roots, 0)
        self._unique_anchors(roots, {"cast", "references", "content", "toc"})
        return roots

    def _place_blocks(self, roots):
        def find(nodes, anchors):
            for node in nodes:
                if node.anchor in anchors:
                    return node
                found = find(node.children, anchors)
                if found:
                    return found
            return None

        if self.episodes:
            node = find(roots, {"episodes", "episode-list"}) or self._append(roots, "Episodes")
            node.block = "episodes"
        if self.cast:
            cast = find(roots, {"cast-and-characters", "cast"}) or self._append(
                roots, "Cast and characters"
            )
            cast.section_id = "cast"
            for group, (_billing, _list_id, anchors, title) in zip(
                self.cast_groups, CAST_GROUPS, strict=True
            ):
                node = find(cast.children, anchors) or self._append(cast.children, title)
                node.block, node.cast_group = "cast", group
        # Always placed: it holds the page's one link to the full timeline.
        production = find(roots, {"production"})
        if production:
            self._append(production.children, "Timeline").block = "timeline"
        else:
            self._append(roots, "Production timeline").block = "timeline"
        if self.reviews:
            node = find(roots, {"reception"}) or find(roots, {"critical-response"})
            node = node or self._append(roots, "Reception")
            node.block = "reviews"
        if self.accolades:
            node = find(roots, {"accolades"}) or self._append(roots, "Accolades")
            node.block = "accolades"

    @staticmethod
    def _append(nodes, title):
        node = Node(title, slugify(title))
        nodes.append(node)
        return node

    def _set_depths(self, nodes, depth):
        for node in nodes:
            node.depth = depth
            self._set_depths(node.children, depth + 1)

    def _unique_anchors(self, nodes, taken):
        for node in nodes:
            anchor, n = node.anchor or "section", 2
            while anchor in taken:
                anchor, n = f"{node.anchor}-{n}", n + 1
            node.anchor = anchor
            taken.add(anchor)
            self._unique_anchors(node.children, taken)
