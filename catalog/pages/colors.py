"""Readable text on an editor-chosen background colour, by the WCAG 2 contrast formula.

https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio: (L1 + 0.05) / (L2 + 0.05) over the relative
luminances of the lighter and the darker colour. AA asks for at least 4.5 for normal text.
"""

AA_NORMAL_TEXT = 4.5
BLACK = "#000000"
WHITE = "#ffffff"
# Wikipedia's infobox-header grey, for seasons without a colour of their own.
DEFAULT_BACKGROUND = "#eaecf0"


def _channel(value):
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_color):
    hex_color = hex_color.lstrip("#")
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground, background):
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def readable_text_color(background):
    """Black or white, whichever contrasts more; one of them always reaches AA (>= 4.58)."""
    return max((BLACK, WHITE), key=lambda color: contrast_ratio(color, background))


def header_colors(background):
    """(background, text) for a season's infobox header, both lower-case #rrggbb."""
    background = (background or DEFAULT_BACKGROUND).lower()
    return background, readable_text_color(background)
