"""Accolades tables as Wikipedia writes them: a year or an award given once with `rowspan` for
the rows below it, a category shared by two nominees, results "Won" and "Nominated", a
references cell at the end of each row, and the older tables that repeat nothing and write
fewer cells instead."""

from catalog.importer import parse_article

HEAD = """= Saltmarsh season 2 =

Infobox
- Network: Channel 4

Saltmarsh is a drama series.

== Accolades ==

"""


def accolades(table):
    article = parse_article(HEAD + table, "saltmarsh.txt")
    return [(a.year, a.award, a.category, a.nominee, a.result) for a in article.accolades]


ROWSPANS = """|-
! scope="row" rowspan="5" | 2022
| rowspan="4" | BAFTA TV Awards
| Best Drama Series
| Saltmarsh
| Won
|
|-
| Best Actress
| data-sort-value="Reyes, Ana" | Ana Reyes
| Nominated
|
|-
| rowspan="2" | Best Supporting Actor
| data-sort-value="Okafor, Ben" | Ben Okafor
| Won
|
|-
| data-sort-value="Hale, Tom" | Tom Hale
| Nominated
|
|-
| Royal Television Society Awards
| Best Writer
| data-sort-value="Moss, Ida" | Ida Moss
| Nominated
|
|-
! scope="row" | 2023
| International Emmy Awards
| Best Drama Series
| Saltmarsh
|
|
|}
"""


def test_rowspan_cells_stand_in_their_column_for_the_rows_below():
    assert accolades(ROWSPANS) == [
        (2022, "BAFTA TV Awards", "Best Drama Series", "Saltmarsh", "won"),
        (2022, "BAFTA TV Awards", "Best Actress", "Ana Reyes", "nominated"),
        (2022, "BAFTA TV Awards", "Best Supporting Actor", "Ben Okafor", "won"),
        # The category's span: this row writes only its nominee and result.
        (2022, "BAFTA TV Awards", "Best Supporting Actor", "Tom Hale", "nominated"),
        # The award's span has ended, the year's has not.
        (2022, "Royal Television Society Awards", "Best Writer", "Ida Moss", "nominated"),
        (2023, "International Emmy Awards", "Best Drama Series", "Saltmarsh", "unknown"),
    ]


def test_a_spanned_nominee_keeps_its_sort_key_as_a_person():
    article = parse_article(HEAD + ROWSPANS, "saltmarsh.txt")
    hale = article.accolades[3]
    assert (hale.nominee, hale.nominee_sort_name, hale.nominee_is_person) == (
        "Tom Hale",
        "Hale, Tom",
        True,
    )
    assert hale.source == "2022 | BAFTA TV Awards | Best Supporting Actor | Tom Hale | Nominated | "


def test_a_table_without_rowspan_continues_the_year_and_award_from_fewer_cells():
    table = """|-
! scope="row" | 2021
| Peabody Awards
| Entertainment
| Saltmarsh
| Won
|-
| Best Ensemble
| Saltmarsh
| Nominated
|}
"""
    assert accolades(table) == [
        (2021, "Peabody Awards", "Entertainment", "Saltmarsh", "won"),
        (2021, "Peabody Awards", "Best Ensemble", "Saltmarsh", "nominated"),
    ]
