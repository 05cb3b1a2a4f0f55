"""The word diff that the admin's revision and compare pages and the import preview show for
prose: the old text with what was removed in <del>, the new text with what was added in <ins>,
compared word by word (catalog/history/diff.py)."""

import pytest
from django.utils.safestring import SafeString

from catalog.history.diff import word_diff


def test_the_same_text_is_shown_unmarked_on_both_sides():
    assert word_diff("Jessica takes the case.", "Jessica takes the case.") == (
        "Jessica takes the case.",
        "Jessica takes the case.",
    )


def test_a_replaced_word_is_struck_out_on_the_left_and_inserted_on_the_right():
    assert word_diff("the cat sat", "the dog sat") == (
        "the <del>cat</del> sat",
        "the <ins>dog</ins> sat",
    )


def test_a_word_added_at_the_end_is_only_inserted():
    assert word_diff("one two", "one two three") == ("one two", "one two<ins> three</ins>")


def test_a_word_removed_from_the_middle_is_only_struck_out():
    assert word_diff("one two three", "one three") == ("one <del>two </del>three", "one three")


def test_a_change_at_the_start_is_marked_at_the_start():
    assert word_diff("cat sat", "dog sat") == ("<del>cat</del> sat", "<ins>dog</ins> sat")


def test_two_changed_words_with_one_space_between_are_one_mark_not_two():
    assert word_diff("a b c d", "a x y d") == ("a <del>b c</del> d", "a <ins>x y</ins> d")


def test_two_changed_words_after_a_kept_word_are_one_mark_too():
    assert word_diff("a b c d e", "x b y z e") == (
        "<del>a</del> b <del>c d</del> e",
        "<ins>x</ins> b <ins>y z</ins> e",
    )


def test_a_whole_text_rewritten_is_one_mark_on_each_side():
    assert word_diff("the cat", "a dog") == ("<del>the cat</del>", "<ins>a dog</ins>")


def test_a_word_kept_between_two_changes_stays_unmarked():
    assert word_diff("a b c", "x b y") == (
        "<del>a</del> b <del>c</del>",
        "<ins>x</ins> b <ins>y</ins>",
    )


def test_a_space_kept_before_the_first_change_is_not_drawn_into_it():
    assert word_diff(" x", " y") == (" <del>x</del>", " <ins>y</ins>")


def test_a_space_kept_after_the_last_change_is_not_drawn_into_it():
    assert word_diff("x ", "y ") == ("<del>x</del> ", "<ins>y</ins> ")


def test_a_space_between_a_change_and_a_kept_word_is_not_drawn_into_the_change():
    assert word_diff("a b c d", "x b c y") == (
        "<del>a</del> b c <del>d</del>",
        "<ins>x</ins> b c <ins>y</ins>",
    )


def test_changed_spacing_is_shown_as_a_change():
    assert word_diff("a  b", "a b") == ("a<del>  </del>b", "a<ins> </ins>b")


def test_paragraph_breaks_are_kept_as_written():
    old, new = word_diff("First para.\n\nSecond para.", "First para.\n\nSecond line.")

    assert old == "First para.\n\nSecond <del>para.</del>"
    assert new == "First para.\n\nSecond <ins>line.</ins>"


def test_the_texts_are_escaped_kept_words_and_changes_alike():
    assert word_diff('say <b> & "q"', 'say <i> & "q"') == (
        "say <del>&lt;b&gt;</del> &amp; &quot;q&quot;",
        "say <ins>&lt;i&gt;</ins> &amp; &quot;q&quot;",
    )


def test_the_result_is_safe_html_for_the_templates():
    old, new = word_diff("a", "b")

    assert isinstance(old, SafeString)
    assert isinstance(new, SafeString)


@pytest.mark.parametrize(("old", "new"), [("", "new words"), ("old words", "")])
def test_an_empty_side_gets_no_empty_mark(old, new):
    left, right = word_diff(old, new)

    assert "<del></del>" not in left
    assert "<ins></ins>" not in right
    assert (left, right) == (
        f"<del>{old}</del>" if old else "",
        f"<ins>{new}</ins>" if new else "",
    )


def test_one_word_changed_in_long_prose_is_the_only_mark():
    words = [f"word{n}" for n in range(300)]
    old = " ".join(words)
    new = " ".join("changed" if word == "word150" else word for word in words)

    left, right = word_diff(old, new)

    assert left == old.replace("word150", "<del>word150</del>")
    assert right == new.replace("changed", "<ins>changed</ins>")


def test_a_word_moved_in_long_prose_marks_that_word_not_all_it_moved_past():
    # Over 200 words and spaces: difflib's "autojunk" would take the spaces for junk and mark
    # the 89 words between the two places instead.
    words = [f"w{n}" for n in range(120)]
    old = " ".join(words)
    new = " ".join(words[:10] + words[11:100] + ["w10"] + words[100:])

    left, right = word_diff(old, new)

    assert left == old.replace("w9 w10 w11", "w9<del> w10</del> w11")
    assert right == new.replace("w99 w10 w100", "w99 <ins>w10 </ins>w100")
