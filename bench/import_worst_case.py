"""How long the importer takes to read (parse, no database) articles built to be slow: long
runs of capitalised words, long lists of people, long outlets, many months, quotations, dates
and dates relative to them ("the following day") in one sentence, each in a Production and a
Critical response section; prints a table.

    make bench-import                 # sizes 4,000 and 20,000 words (about 128 KB, the admin limit)
    make bench-import ARGS='--words 1000 4000 16000'

Reading time should grow in step with the size (linear): a figure that grows as its square
means a pattern that matches from every position to the end of a run.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jjsite.settings")

BODIES = {
    "capitalised run": lambda n: " ".join(["Ann"] * n) + " said it was good.",
    "run, then 'of Outlet'": lambda n: " ".join(["Ann"] * n) + " of Variety wrote.",
    "list of people": lambda n: " ".join(["Ann Lee, Bo Chen and"] * (n // 4)) + " Cy Dunn wrote.",
    "long outlet": lambda n: "Writing for " + " ".join(["The"] * n) + ", Ann Lee said.",
    "months": lambda n: " ".join(["In June Netflix said"] * (n // 4)) + ".",
    "quotations": lambda n: " ".join(['"Ann Lee said'] * (n // 3)) + ".",
    "dates": lambda n: " ".join(["In March 2017 Ann Lee joined,"] * (n // 5)) + ".",
    "relative dates": lambda n: (
        " ".join(["On May 2, 2017 it aired the following day"] * (n // 8)) + "."
    ),
}


def article(body):
    return f"""= Made Up season 1 =

Infobox
- Network: Netflix

The first season of Made Up.

== Production ==
=== Development ===
{body}

== Reception ==
=== Critical response ===
{body}

== Cast ==
=== Main ===
- Ann Lee as Bo
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[4000, 20000])
    args = parser.parse_args()

    import django

    django.setup()
    from catalog.importer import parse_article

    print(f"{'article body':<24}" + "".join(f"{n:>10,} w" for n in args.words) + "   (seconds)")
    for name, body in BODIES.items():
        cells = []
        for n in args.words:
            text = article(body(n))
            started = time.perf_counter()
            parse_article(text)
            cells.append(f"{time.perf_counter() - started:>12.2f}")
        print(f"{name:<24}" + "".join(cells), flush=True)


if __name__ == "__main__":
    main()
