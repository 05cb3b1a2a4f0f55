"""Text helpers: reading a file safely, quotations, names (sentences, quotation marks and number
words: catalog.domain.vocabulary)."""

import re
import unicodedata
from pathlib import Path

from catalog.domain.vocabulary import quoted_spans
from catalog.importer.errors import ArticleError

# A person's name: two to six capitalised words; initials ("J. R.") and hyphens allowed.
# Bounded, so that a search over a long run of capitalised words stays linear (unbounded,
# each start position matched the whole run: quadratic, minutes on a pasted article).
# Letters beyond ASCII too ("Alejandro Gómez", "Zoë Kravitz", "Łukasz Żal").
CAPITAL = "[A-ZÀ-ÖØ-ÞĆČĐŁŃŚŠŹŻŽ]"
NAME_WORD = rf"(?:{CAPITAL}\.|{CAPITAL}(?:[^\W\d_]|['’\-])+)"
# Particles written in lower case (or, some of them, capitalised) between the words of a name
# ("Baran bo Odar", "Ludwig van Beethoven", "Leonardo da Vinci"): only ever read between two
# capitalised name words, so an ordinary lower-case word never joins a name.
NAME_PARTICLES = (
    "De", "de", "Van", "van", "von", "da", "del", "La", "Le",
    "la", "le", "di", "du", "der", "den", "bin", "al", "bo",
)  # fmt: skip
NAME_PARTICLE = rf"(?:(?:{'|'.join(NAME_PARTICLES)}) )"
NAME = rf"{NAME_WORD}(?: {NAME_PARTICLE}?{NAME_WORD}){{1,5}}"
NAME_RE = re.compile(NAME)


def read_article(path, max_bytes):
    """The file's text, or an ArticleError naming what is wrong with it."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ArticleError(path, None, f"cannot read the file ({error.strerror})") from error
    if size > max_bytes:  # before reading it
        raise ArticleError(
            path, None, f"the file is {size} bytes, over the limit of {max_bytes} bytes"
        )
    return article_text(path.read_bytes(), path, max_bytes)


def article_text(data, name, max_bytes):
    """An article's bytes (a file's, an upload's, a pasted text's) as text with "\n" line
    endings, or an ArticleError naming `name` and what is wrong with them."""
    if len(data) == 0:
        raise ArticleError(name, None, "the file is empty")
    if len(data) > max_bytes:
        raise ArticleError(
            name, None, f"the file is {len(data)} bytes, over the limit of {max_bytes} bytes"
        )
    if b"\x00" in data:
        raise ArticleError(name, None, "the file is binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleError(
            name, line, f"the file is not UTF-8 text (bad byte at offset {error.start})"
        ) from error
    if not text.strip():
        raise ArticleError(name, None, "the file holds only white space")
    control = re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if control:
        line = text[: control.start()].count("\n") + 1
        raise ArticleError(name, line, "the file holds control characters: is it binary?")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def quotations(text):
    """The quoted passages of a text, in order."""
    return [text[a + 1 : b] for a, b in quoted_spans(text)]


def outside_quotes(text):
    spans = quoted_spans(text)
    kept, last = [], 0
    for a, b in spans:
        kept.append(text[last:a])
        last = b + 1
    kept.append(text[last:])
    return " ".join(kept)


def normalise(text):
    """Letters and digits only, lower case: what survives a lossy conversion of the text."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.lower() if ch.isalnum())


def normalised_with_map(text):
    """normalise(text), and for each of its characters the index it came from in text."""
    chars, index = [], []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFKD", ch).lower():
            if part.isalnum():
                chars.append(part)
                index.append(i)
    return "".join(chars), index


def sort_name(name):
    """`Krysten Ritter` -> `Ritter, Krysten`; a one-word name stays as it is."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[-1]}, {' '.join(parts[:-1])}"


def split_list(value):
    """`A, B, and C` -> [A, B, C]."""
    value = re.sub(r",?\s+and\s+", ", ", value.strip().rstrip("."))
    return [item.strip() for item in value.split(",") if item.strip()]


def surname(name):
    """A full name's surname as prose writes it alone: its last word with the lower-case
    particles before it ("Baran bo Odar": "bo Odar"; "Vince Gilligan": "Gilligan")."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and words[start - 1] in NAME_PARTICLES and words[start - 1].islower():
        start -= 1
    return " ".join(words[start:])
