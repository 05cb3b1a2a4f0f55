"""The infobox header's text colour is computed to reach WCAG AA on the season's colour, and
every text colour of the stylesheet reaches AA on the background it is used on."""

import re
from itertools import product
from pathlib import Path

import pytest
from django.conf import settings

from catalog.pages.colors import (
    AA_NORMAL_TEXT,
    contrast_ratio,
    header_colors,
    readable_text_color,
    relative_luminance,
)

SITE_CSS = Path(settings.BASE_DIR) / "catalog" / "static" / "catalog" / "site.css"


def test_the_ratio_follows_the_wcag_formula():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
    # The WCAG example: #767676 on white is just AA.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_the_seed_season_colour_gets_white_text_with_aa_contrast():
    assert readable_text_color("#412304") == "#ffffff"
    assert contrast_ratio("#ffffff", "#412304") >= AA_NORMAL_TEXT


@pytest.mark.parametrize("light", ["#ffffff", "#eaecf0", "#ffff00", "#c0ffee", "#f5deb3"])
def test_light_colours_get_black_text_with_aa_contrast(light):
    assert readable_text_color(light) == "#000000"
    assert contrast_ratio("#000000", light) >= AA_NORMAL_TEXT


def test_every_background_colour_gets_aa_text():
    # Every colour of a 16-step grid over each channel, extremes and mid-greys included.
    steps = [f"{v:02x}" for v in range(0, 256, 17)]
    for r, g, b in product(steps, repeat=3):
        background = f"#{r}{g}{b}"
        ratio = contrast_ratio(readable_text_color(background), background)
        assert ratio >= AA_NORMAL_TEXT, background


def test_a_season_without_a_colour_gets_the_default_header():
    assert header_colors("") == ("#eaecf0", "#000000")
    assert header_colors("#FFFF00") == ("#ffff00", "#000000")


# (text, background) pairs the stylesheet uses, by custom property name.
CSS_TEXT_PAIRS = [
    ("text", "page"),
    ("text", "panel"),
    ("text", "header-cell"),
    ("text", "mark"),
    ("muted", "page"),
    ("muted", "panel"),
    ("link", "page"),
    ("link", "panel"),
    ("link", "header-cell"),
    ("link-visited", "page"),
    ("link", "mixed-bg"),  # a link that is the :target highlight
    ("page", "link"),  # the search button
    ("positive-text", "positive-bg"),
    ("mixed-text", "mixed-bg"),
    ("text", "mixed-bg"),  # the draft banner
    ("negative-text", "negative-bg"),
]


@pytest.mark.parametrize(("foreground", "background"), CSS_TEXT_PAIRS)
def test_the_stylesheet_text_colours_reach_aa(foreground, background):
    colors = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", SITE_CSS.read_text()))
    assert contrast_ratio(colors[foreground], colors[background]) >= AA_NORMAL_TEXT
