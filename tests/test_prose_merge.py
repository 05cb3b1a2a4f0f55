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

    def test_the_same_edit_while_one_editor_also_adds_a_paragraph_does_not_merge(self):
        # Paragraphs are matched by position: with one added, none can be matched.
        same = "One?\n\nTwo.\n\nThree."
        assert merge_paragraphs(self.BASE, same, same + "\n\nFour.") is None
        assert merge_paragraphs(self.BASE, same + "\n\nFour.", same) is None

    def test_the_same_edit_while_one_editor_also_removes_a_paragraph_does_not_merge(self):
        assert merge_paragraphs(self.BASE, "One?\n\nTwo.\n\nThree.", "One?\n\nTwo.") is None
        assert merge_paragraphs(self.BASE, "One?\n\nTwo.", "One?\n\nTwo.\n\nThree.") is None

    def test_the_same_edit_of_one_paragraph_beside_an_edit_of_another_is_kept(self):
        assert merge_paragraphs(
            self.BASE, "One?\n\nTwo.\n\nThree, edited by them.", "One?\n\nTwo.\n\nThree."
        ) == ("One?\n\nTwo.\n\nThree, edited by them.")
        assert merge_paragraphs(
            self.BASE, "One?\n\nTwo.\n\nThree.", "One?\n\nTwo.\n\nThree, edited by me."
        ) == ("One?\n\nTwo.\n\nThree, edited by me.")

    def test_both_adding_a_different_paragraph_does_not_merge(self):
        assert merge_paragraphs(self.BASE, self.BASE + "\n\nFour.", self.BASE + "\n\nFive.") is None
        assert merge_paragraphs(self.BASE, "Zero.\n\n" + self.BASE, self.BASE + "\n\nFour.") is None

    def test_both_adding_the_same_paragraph_is_that_addition(self):
        added = self.BASE + "\n\nFour."
        assert merge_paragraphs(self.BASE, added, added) == added

    def test_blank_lines_between_and_around_paragraphs_are_no_paragraphs(self):
        theirs = "\n\nOne, edited by them.\n\n\n\nTwo.\n \n\t\nThree.\n\n"
        mine = "One.\r\n\r\nTwo.\r\n\r\nThree, edited by me.\r\n"
        assert merge_paragraphs(self.BASE, theirs, mine) == (
            "One, edited by them.\n\nTwo.\n\nThree, edited by me."
        )

    def test_an_edit_that_only_moves_blank_lines_changes_no_paragraph(self):
        assert merge_paragraphs(
            self.BASE, "One.\n\n\n\nTwo.\n\nThree.\n", "One.\n\nTwo.\n\nThree, edited by me."
        ) == ("One.\n\nTwo.\n\nThree, edited by me.")

    def test_the_same_text_sent_by_both_editors_is_that_text(self):
        # Two requests never share a string: equal texts, not the same object.
        theirs = "\n\n".join(["One.", "Two.", "Three.", "Four."])
        mine = "\n\n".join(["One.", "Two.", "Three."]) + "\n\nFour."
        assert theirs is not mine

        assert merge_paragraphs(self.BASE, theirs, mine) == "One.\n\nTwo.\n\nThree.\n\nFour."

    def test_both_removing_the_same_paragraph_beside_other_edits_does_not_merge(self):
        assert merge_paragraphs(self.BASE, "One.\n\nTwo.", "One?\n\nTwo.") is None
        assert merge_paragraphs(self.BASE, "One?\n\nTwo.", "One.\n\nTwo.") is None

    def test_edits_of_the_same_paragraph_do_not_merge_whichever_sorts_first(self):
        # Theirs, mine and the base in every order of their letters.
        for theirs, mine in [("Zed.", "Alpha."), ("Alpha.", "Zed."), ("Oz.", "Ox.")]:
            assert merge_paragraphs("One.", theirs, mine) is None
            assert merge_paragraphs("One.\n\nTwo.", f"{theirs}\n\nTwo.", f"{mine}\n\nTwo.") is None

    def test_a_long_article_merges_edits_of_different_paragraphs(self):
        # More paragraphs than CPython keeps one int object for (256): lengths are compared
        # by value.
        base = [f"Paragraph {n}." for n in range(300)]
        theirs = ["Edited by them." if n == 10 else p for n, p in enumerate(base)]
        mine = ["Edited by me." if n == 290 else p for n, p in enumerate(base)]

        merged = merge_paragraphs(*("\n\n".join(t) for t in (base, theirs, mine)))

        assert merged is not None
        assert merged.split("\n\n") == [
            {10: "Edited by them.", 290: "Edited by me."}.get(n, p) for n, p in enumerate(base)
        ]
