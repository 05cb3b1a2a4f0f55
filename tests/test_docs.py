"""The README stays a few screens long, and the README and the manual in docs/ link only to files
of the repository.

The docs' own build (`sphinx-build -W -n`, `make docs`) fails on a broken link or anchor between
the docs' pages; this checks, with the tests and without Sphinx, what it cannot see: the README,
and links from the docs to files of the repository that are not pages.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
MAX_README_LINES = 260

FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)[^`]*?\1", re.DOTALL)
# An inline link or image, [text](target "title"): the target up to a space or the closing
# parenthesis; <target> in angle brackets too.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# A reference definition, [label]: target
DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def markdown_files():
    return [README, *sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)]


def manual_files():
    """The README and every file of docs/ (Markdown and the Sphinx configuration)."""
    return [
        README,
        *sorted(p for p in DOCS.rglob("*") if p.is_file() and "_build" not in p.parts),
    ]


def relative_links(text):
    """The relative link targets of Markdown text, outside code blocks and code spans."""
    prose = CODE_SPAN.sub("", FENCE.sub("", text))
    for target in LINK.findall(prose) + DEFINITION.findall(prose):
        if SCHEME.match(target) or target.startswith(("#", "//")):
            continue
        yield target


def test_the_readme_is_a_few_screens_long():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, (
        f"README.md has {len(lines)} lines; at most {MAX_README_LINES}: move the detail to docs/"
    )


def test_the_manual_has_its_pages():
    assert (DOCS / "index.md").is_file()
    assert (DOCS / "conf.py").is_file()
    assert len(markdown_files()) > 2


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_at_a_file_of_the_repository(path):
    broken = []
    for target in relative_links(path.read_text(encoding="utf-8")):
        file_part = target.split("#", 1)[0].split("?", 1)[0]
        resolved = (path.parent / file_part).resolve()
        if not resolved.is_relative_to(ROOT):
            broken.append(f"{target} (outside the repository)")
        elif not resolved.exists():
            broken.append(f"{target} (no such file)")
    assert broken == [], f"{path.relative_to(ROOT)}: {broken}"


def test_the_link_finder_finds_links_and_skips_code():
    text = (
        "[a](docs/api.md#writing) ![b](img.png) [c](https://example.org) [d](#here)\n"
        "`[e](not-a-link.md)`\n"
        "```\n[f](nor-this.md)\n```\n"
        '[g](<spaced.md> "title")\n'
        "[h]: defined.md\n"
    )
    assert list(relative_links(text)) == [
        "docs/api.md#writing",
        "img.png",
        "spaced.md",
        "defined.md",
    ]


@pytest.mark.parametrize("path", manual_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_points_outside_the_repository(path):
    assert "../shared" not in path.read_text(encoding="utf-8")
