"""How many of a season article's facts the importer reads right: each article `<slug>.txt`
beside its `<slug>.facts.json`, the facts a person wrote down from the text before the
importer ever read it (the format: docs/importing.md, "The blind corpus").

    make score-articles                              # tests/articles/blind
    make score-articles ARGS='path/to/folder --missed'
    make score-articles ARGS='--record'              # write tests/articles/blind/known-misses.json

A fact is one season field (series, number, network, release date, episode count) or one row
(a cast or crew credit, a review, an aggregate score, a dated event, an accolade). It is right
when the importer gives exactly it; an article the importer refuses scores 0. Rows the importer
gives that the facts do not hold are counted apart ("extra"): they are wrong too, but they do
not lower the score of what was there to read.
"""

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jjsite.settings")

BLIND = ROOT / "tests" / "articles" / "blind"
# What the importer still gets wrong in the blind corpus, by article; tests/test_import_blind.py
# fails when it differs, so a fix must remove its entries and a regression cannot add any.
KNOWN_MISSES = BLIND / "known-misses.json"
SEASON_FIELDS = ("series", "number", "network", "release_date", "episode_count")
ROWS = ("cast", "crew", "reviews", "aggregates", "events", "accolades")
# Quotation marks and dashes as typed or as a word processor writes them, compared as one.
_SAME = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _plain(value):
    """A value compared without case, spacing or typographic variants; None stays None."""
    if value is None or isinstance(value, int):
        return value
    text = unicodedata.normalize("NFC", str(value)).translate(_SAME)
    return " ".join(text.split()).casefold() or None


def _fact(kind, values):
    return (kind, *(_plain(value) for value in values))


def expected_facts(facts):
    """The facts file's facts, as comparable tuples."""
    found = [_fact(name, [facts[name]]) for name in SEASON_FIELDS if facts[name] is not None]
    for kind in ROWS:
        found += [_fact(kind, row) for row in facts[kind]]
    return found


def _event_date(event):
    iso = event.date.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4]}[event.date_precision]


def read_facts(article, season_fields=SEASON_FIELDS):
    """What the importer read (catalog.importer.data.ArticleData), as the same tuples; of the
    season's fields, only `season_fields` (those the facts give: a miniseries' facts give no
    number, where the importer must give one)."""
    release = article.release_date.isoformat() if article.release_date else None
    season = {
        "series": article.series,
        "number": article.number,
        "network": article.network or None,
        "release_date": release,
        "episode_count": article.episode_count,
    }
    found = [
        _fact(name, [value])
        for name, value in season.items()
        if value is not None and name in season_fields
    ]
    for credit in article.credits:
        if credit.department == "cast":
            found.append(_fact("cast", [credit.person, credit.character, credit.billing]))
        else:
            found.append(_fact("crew", [credit.person, credit.job, credit.episode]))
    for review in article.reviews:
        if review.kind == "aggregate":
            found.append(_fact("aggregates", [review.outlet, review.score, review.sample_size]))
        else:
            found.append(_fact("reviews", [review.outlet, review.critic, review.rating_text]))
    found += [_fact("events", [_event_date(e), e.date_precision, e.kind]) for e in article.events]
    found += [
        _fact("accolades", [a.year, a.award, a.category, a.nominee, a.result])
        for a in article.accolades
    ]
    return found


@dataclass
class Score:
    name: str
    expected: int
    right: int
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    refused: str = ""

    @property
    def percent(self):
        # One decimal: 1,110 of 1,113 is 99.7%, not "100%".
        return round(100 * self.right / self.expected, 1) if self.expected else 100.0


def score_article(path):
    """Reads the article at `path` as the importer does and compares it with its facts."""
    from catalog.importer import ArticleError, parse_article

    path = Path(path)
    facts = json.loads(path.with_suffix(".facts.json").read_text())
    expected = Counter(expected_facts(facts))
    try:
        article = parse_article(path.read_text(encoding="utf-8"), str(path))
    except ArticleError as error:
        total = sum(expected.values())
        return Score(path.stem, total, 0, sorted(expected.elements(), key=str), [], str(error))
    read = Counter(read_facts(article, [name for name in SEASON_FIELDS if facts[name] is not None]))
    right = expected & read
    return Score(
        name=path.stem,
        expected=sum(expected.values()),
        right=sum(right.values()),
        missed=sorted((expected - read).elements(), key=str),
        extra=sorted((read - expected).elements(), key=str),
    )


def known_misses(scores):
    """The scores' misses as known-misses.json holds them: only articles with any."""
    return {
        score.name: {
            "refused": score.refused.split(": ", 1)[-1] if score.refused else "",
            "missed": [list(fact) for fact in score.missed],
            "extra": [list(fact) for fact in score.extra],
        }
        for score in scores
        if score.refused or score.missed or score.extra
    }


def misses_json(misses):
    """known-misses.json's text: one fact a line, so that a fix's change reads line by line."""
    dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    articles = []
    for name, article in misses.items():
        kinds = [f'  "refused": {dump(article["refused"])}']
        for kind in ("missed", "extra"):
            facts = ",\n".join(f"   {dump(fact)}" for fact in article[kind])
            kinds.append(f'  "{kind}": [\n{facts}\n  ]' if facts else f'  "{kind}": []')
        articles.append(f" {dump(name)}: {{\n" + ",\n".join(kinds) + "\n }")
    return "{\n" + ",\n".join(articles) + "\n}\n"


def articles_in(folder):
    return sorted(p for p in Path(folder).glob("*.txt") if p.with_suffix(".facts.json").exists())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(BLIND))
    parser.add_argument("--missed", action="store_true", help="list each missed and extra fact")
    parser.add_argument(
        "--record", action="store_true", help=f"write the misses to {KNOWN_MISSES.name}"
    )
    options = parser.parse_args(argv)

    import django

    django.setup()
    scores = [score_article(path) for path in articles_in(options.folder)]
    if not scores:
        parser.error(f"no article with a .facts.json beside it in {options.folder}")
    width = max(len(score.name) for score in scores)
    print(f"{'article':<{width}}  right  facts       %  extra")
    for score in scores:
        print(
            f"{score.name:<{width}}  {score.right:>5}  {score.expected:>5}  {score.percent:>5}%"
            f"  {len(score.extra):>5}" + ("  refused" if score.refused else "")
        )
        if options.missed:
            if score.refused:
                print(f"    refused: {score.refused}")
            for fact in score.missed:
                print(f"    missed: {fact}")
            for fact in score.extra:
                print(f"    extra:  {fact}")
    if options.record:
        KNOWN_MISSES.write_text(misses_json(known_misses(scores)))
    right = sum(score.right for score in scores)
    expected = sum(score.expected for score in scores)
    extra = sum(len(score.extra) for score in scores)
    print(
        f"{'total':<{width}}  {right:>5}  {expected:>5}  {round(100 * right / expected, 1):>5}%"
        f"  {extra:>5}"
    )


if __name__ == "__main__":
    main()
