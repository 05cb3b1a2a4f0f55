"""The domain's words: one rule each, shared by the importer and the pages."""

import pytest

from catalog.domain.vocabulary import (
    RESERVED_ANCHORS,
    Billing,
    EventKind,
    anchor_for,
    billing_of_heading,
    infobox_key,
    is_reserved_anchor,
    is_typed_infobox_key,
    kind_of_headings,
    kind_of_words,
    marker_numbers,
    sentence_at,
    split_markers,
    split_paragraphs,
    split_sentences,
    strip_markers,
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
    def test_the_nearest_heading_gives_the_kinds_it_names(self):
        assert kind_of_headings(("Casting", "Production")) == (EventKind.CASTING,)
        assert kind_of_headings(("Marketing and release",)) == (
            EventKind.MARKETING,
            EventKind.RELEASE,
        )
        # "Controversy" under "Release" is not about the release.
        assert kind_of_headings(("Controversy", "Release")) == ()

    def test_a_thing_gives_its_kind_whatever_was_done_with_it(self):
        assert kind_of_words("Netflix released a teaser trailer") == EventKind.MARKETING
        assert kind_of_words("The soundtrack album was released", (EventKind.RELEASE,)) == (
            EventKind.MUSIC
        )

    def test_the_words_give_the_kind_and_the_heading_only_decides_between_them(self):
        renewal = "Netflix renewed the series for a fourth season"
        assert kind_of_words(renewal, (EventKind.RELEASE,)) == EventKind.DEVELOPMENT
        premiere = "The premiere aired on VH1 and drew 990,000 viewers"
        assert kind_of_words(premiere, (EventKind.RECEPTION,)) == EventKind.RECEPTION
        assert kind_of_words(premiere) == EventKind.RELEASE

    def test_the_heading_gives_the_kind_where_the_words_name_none(self):
        # "announced" says something happened, not what: a kind only where nothing else is.
        assert kind_of_words("A second season was announced") == EventKind.DEVELOPMENT
        assert kind_of_words("It was announced", (EventKind.CASTING,)) == EventKind.CASTING
        assert kind_of_words("The cast gathered for a read-through", (EventKind.FILMING,)) == (
            EventKind.FILMING
        )
        assert kind_of_words("nothing to see") == EventKind.OTHER

    def test_a_name_of_capitalised_words_gives_no_kind(self):
        assert kind_of_words("Funding came from Film Victoria") == EventKind.OTHER


class TestCitationMarkers:
    def test_a_marker_is_a_reference_number_in_brackets_where_the_cited_words_end(self):
        assert split_markers("by August 2016,[25] with the scripts.[24]") == [
            "by August 2016,",
            25,
            " with the scripts.",
            24,
        ]

    def test_markers_side_by_side_stay_apart_with_no_text_between(self):
        assert split_markers("dilemma.[28][33]") == ["dilemma.", 28, 33]

    @pytest.mark.parametrize(
        "words", ["[as a] concept", "bring [Taylor] in", "performance [...] Pacing", "[i]t"]
    )
    def test_bracketed_words_are_the_articles_own_not_markers(self, words):
        assert split_markers(words) == [words]
        assert marker_numbers(words) == []

    def test_only_a_number_as_the_page_shows_it_is_a_marker(self):
        # No leading zero and no space: "[024]" and "[ 24 ]" are text.
        assert marker_numbers("[024] [ 24 ] [2a] [24]") == [24]

    def test_the_numbers_come_in_order_with_repeats(self):
        assert marker_numbers("A.[33] B.[25] C.[33]") == [33, 25, 33]

    def test_stripping_the_markers_leaves_the_words(self):
        assert strip_markers("Filming wrapped,[47] then [as a] note.[6][8]") == (
            "Filming wrapped, then [as a] note."
        )


class TestSentences:
    PARAGRAPH = "J. R. Ramirez was cast in March. He joined [as a] lead. Filming began."

    def test_a_position_right_after_a_sentence_belongs_to_that_sentence(self):
        end_of_first = self.PARAGRAPH.index(" He")
        assert sentence_at(self.PARAGRAPH, end_of_first) == "J. R. Ramirez was cast in March."

    def test_a_position_inside_a_sentence_belongs_to_it(self):
        assert sentence_at(self.PARAGRAPH, self.PARAGRAPH.index("lead")) == (
            "He joined [as a] lead."
        )

    def test_the_end_of_the_paragraph_belongs_to_its_last_sentence(self):
        assert sentence_at(self.PARAGRAPH, len(self.PARAGRAPH)) == "Filming began."


class TestInfoboxKeys:
    @pytest.mark.parametrize(
        ("key", "name"),
        [
            ("Num-episodes", "numepisodes"),
            ("Executive-producer", "executiveproducer"),
            ("first_aired", "firstaired"),
            ("Bg  Color", "bgcolor"),
            ("Created - by", "createdby"),
            ("Release date", "releasedate"),
        ],
    )
    def test_a_key_is_compared_without_case_spaces_hyphens_or_underscores(self, key, name):
        assert infobox_key(key) == name

    @pytest.mark.parametrize(
        "key",
        ["Num-episodes", "Executive-producer", "first-aired", "Created-by", "Music-by",
         "Background-colour", "Episode-list", "STARRING", "Number of episodes"],
    )  # fmt: skip
    def test_hyphenated_keys_are_the_sites_own_fields(self, key):
        assert is_typed_infobox_key(key)

    @pytest.mark.parametrize("key", ["Location", "Filming-location", "Based-on", "Genre"])
    def test_other_keys_are_kept_as_lines(self, key):
        assert not is_typed_infobox_key(key)


class TestAbbreviations:
    @pytest.mark.parametrize(
        "paragraph",
        [
            "He met the crew (Dr. Smith among them) on set. Filming began.",
            "He met [Mr. Smith] on set. Filming began.",
            "He called it “St. Elsewhere with guns” on set. Filming began.",
            'The shoot moved to "Mt. Hood" for a week. Filming began.',
            "They met Mrs. Lee on set. Filming began.",
        ],
    )
    def test_an_abbreviation_ends_no_sentence_even_after_an_opening_bracket(self, paragraph):
        assert [s.text for s in split_sentences(paragraph)] == [
            paragraph.removesuffix(" Filming began."),
            "Filming began.",
        ]

    def test_a_sentence_ending_in_a_bracket_still_ends(self):
        assert [s.text for s in split_sentences("It aired (in 2016). Filming began.")] == [
            "It aired (in 2016).",
            "Filming began.",
        ]

    def test_an_elision_ends_no_sentence(self):
        assert [
            s.text for s in split_sentences('"The performances [...] Pacing is off." Then.')
        ] == [
            '"The performances [...] Pacing is off."',
            "Then.",
        ]

    def test_initials_end_no_sentence_but_a_word_before_a_capital_does(self):
        assert [
            s.text for s in split_sentences("The A.V. Club liked it. So did J. Doe. Then.")
        ] == [
            "The A.V. Club liked it.",
            "So did J. Doe.",
            "Then.",
        ]

    @pytest.mark.parametrize(
        "paragraph", ["They chose Plan B! Filming began.", "Was it Mr? Filming began."]
    )
    def test_only_a_period_can_be_an_initials_or_an_abbreviations(self, paragraph):
        assert [s.text for s in split_sentences(paragraph)][1:] == ["Filming began."]

    def test_a_sentence_starts_at_its_first_word_not_at_the_space_before_it(self):
        assert [(s.text, s.start) for s in split_sentences("One.   Two.\n Three.")] == [
            ("One.", 0),
            ("Two.", 7),
            ("Three.", 13),
        ]
