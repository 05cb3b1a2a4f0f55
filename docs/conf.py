"""Sphinx configuration of the season wiki's manual (docs/*.md, Markdown read by MyST).

Build: sphinx-build -W --keep-going -n -b html docs docs/_build/html
(-W makes every warning, a broken link or a missing anchor among them, fail the build.)
"""

project = "The season wiki"
author = "The season wiki's editors and engineers"

extensions = ["myst_parser"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

# Anchors for headings down to level 3, so that [x](api.md#writing) links resolve; a link to an
# anchor that no heading has is a warning, and with -W an error.
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

# Code blocks are shown as written: no language guessed, no warning for one Pygments cannot lex.
highlight_language = "none"

html_theme = "furo"
html_title = "The season wiki"
html_static_path = []
