"""The write path's three-way merge of prose: edits of different paragraphs both kept."""

from catalog.domain.prose_merge import merge_paragraphs


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
