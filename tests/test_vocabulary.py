"""The domain's words: one rule each, shared by the importer and the pages."""

import pytest

from catalog.vocabulary import (
    RESERVED_ANCHORS,
    Billing,
    EventKind,
    anchor_for,
    billing_of_heading,
    is_reserved_anchor,
    kind_of_headings,
    kind_of_words,
    merge_paragraphs,
    split_paragraphs,
)


@pytest.mark.parametrize(
    ("title", "billing"),
    [
        ("Main", Billing.MAIN),
        ("Main cast", Billing.MAIN),
        ("Starring", Billing.MAIN),
        ("Series regulars", Billing.MAIN),
        ("Recurring", Billing.RECURRING),
        ("Recurring cast", Billing.RECURRING),
        ("Notable guests", Billing.GUEST),
        ("Notable guest stars", Billing.GUEST),
        ("Guest cast", Billing.GUEST),
        ("  notable   GUESTS ", Billing.GUEST),
        ("Production", None),
        ("Main themes", None),
    ],
)
def test_a_cast_heading_names_its_billing(title, billing):
    assert billing_of_heading(title) == billing


def test_billing_order_is_the_articles():
    assert list(Billing) == [Billing.MAIN, Billing.RECURRING, Billing.GUEST]


class TestAnchors:
    def test_an_anchor_is_the_slugified_title(self):
        assert anchor_for("Marvel Cinematic Universe tie-ins", set()) == (
            "marvel-cinematic-universe-tie-ins"
        )

    def test_the_pages_own_ids_are_never_taken(self):
        assert anchor_for("References", set()) == "references-2"
        assert anchor_for("Contents", set()) == "contents"
        assert anchor_for("Content", set()) == "content-2"
        assert anchor_for("Cite note 4", set()) == "cite-note-4-2"

    def test_a_repeated_title_gets_the_next_free_suffix(self):
        taken = set()
        assert [anchor_for("Music", taken) for _ in range(3)] == ["music", "music-2", "music-3"]
        assert taken == {"music", "music-2", "music-3"}

    def test_a_title_with_no_letters_gets_the_fallback(self):
        assert anchor_for("!!!", set(), fallback="section-4") == "section-4"

    def test_reserved_anchors_include_the_citation_ids(self):
        assert all(is_reserved_anchor(a) for a in RESERVED_ANCHORS)
        assert is_reserved_anchor("cite-ref-12-3")
        assert is_reserved_anchor("cite-note-12")
        assert not is_reserved_anchor("cite-note-12-2")
        assert not is_reserved_anchor("casting")


class TestParagraphs:
    @pytest.mark.parametrize("break_", ["\n\n", "\r\n\r\n", "\r\r", "\n \n", "\r\n\n"])
    def test_paragraphs_split_on_a_blank_line_of_any_ending(self, break_):
        assert split_paragraphs(f"One line.{break_}Two lines.") == ["One line.", "Two lines."]

    def test_a_single_line_break_stays_inside_a_paragraph(self):
        assert split_paragraphs("One\r\nparagraph.") == ["One\nparagraph."]


class TestEventKinds:
    def test_the_nearest_heading_that_names_a_kind_wins(self):
        assert kind_of_headings(("Casting", "Production")) == EventKind.CASTING
        assert kind_of_headings(("Tie-ins", "Production")) == EventKind.FILMING
        assert kind_of_headings(("Tie-ins",)) is None

    def test_words_give_the_kind_where_headings_do_not(self):
        assert kind_of_words("the trailer was shown") == EventKind.MARKETING
        assert kind_of_words("nothing to see") == EventKind.OTHER


class TestMergingTwoEditsOfProse:
    BASE = "One.\n\nTwo.\n\nThree."

    def test_edits_of_different_paragraphs_are_both_kept(self):
        theirs = "One, edited by them.\n\nTwo.\n\nThree."
        mine = "One.\n\nTwo.\n\nThree, edited by me."

        assert merge_paragraphs(self.BASE, theirs, mine) == (
            "One, edited by them.\n\nTwo.\n\nThree, edited by me."
        )

    def test_edits_of_the_same_paragraph_do_not_merge(self):
        assert (
            merge_paragraphs(self.BASE, "One!\n\nTwo.\n\nThree.", "One?\n\nTwo.\n\nThree.") is None
        )

    def test_an_added_paragraph_does_not_merge(self):
        assert (
            merge_paragraphs(self.BASE, "One.\n\nTwo.\n\nThree.\n\nFour.", "One?\n\nTwo.\n\nThree.")
            is None
        )

    def test_the_same_edit_made_twice_is_that_edit(self):
        assert merge_paragraphs(self.BASE, "One?\n\nTwo.\n\nThree.", "One?\n\nTwo.\n\nThree.") == (
            "One?\n\nTwo.\n\nThree."
        )
