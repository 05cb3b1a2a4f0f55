"""Citations move into the text: each stored Citation becomes its marker `[N]` in the prose,
then the Citation table goes.

A marker is put where the page showed the citation: in the first paragraph of its section's
body (of the season's lead, without a section) that holds its sentence, `offset` characters
into the sentence; markers at one place keep the order of their ids. A citation whose
sentence is no longer in the text was shown nowhere (an edit had reworded it: the bug this
change fixes) and is dropped. Going back recreates the empty table and leaves the markers in
the text. The permissions on citations go too (editors held them through their group).

The placement is written out here rather than imported, so that this migration keeps doing
what it does whatever the code becomes.
"""

import re
from collections import defaultdict

from django.db import migrations, models

PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")


def paragraphs_with_starts(text):
    """(start in text, paragraph) of each paragraph as the page split them, stripped."""
    start = 0
    for match in [*PARAGRAPH_BREAK_RE.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            yield start + len(piece) - len(piece.lstrip()), piece.strip()
        if match:
            start = match.end()


def marker_position(text, sentence, offset):
    for start, paragraph in paragraphs_with_starts(text):
        found = paragraph.find(sentence)
        if found >= 0:
            return start + found + min(offset, len(sentence))
    return None


def with_markers(text, markers):
    """`text` with each (position, id, number) of `markers` written in as `[number]`."""
    pieces, done = [], 0
    for position, _id, number in sorted(markers):
        pieces += [text[done:position], f"[{number}]"]
        done = position
    return "".join([*pieces, text[done:]])


def markers_into_text(apps, schema_editor):
    Citation = apps.get_model("catalog", "Citation")
    Season = apps.get_model("catalog", "Season")
    Section = apps.get_model("catalog", "Section")
    texts = {}  # ("body", section pk) or ("lead", season pk) -> the text, with "\n" endings
    markers = defaultdict(list)
    citations = Citation.objects.select_related("reference__season", "section").order_by("id")
    for citation in citations:
        if citation.section_id:
            key, text = ("body", citation.section_id), citation.section.body
        else:
            key, text = ("lead", citation.reference.season_id), citation.reference.season.lead
        texts.setdefault(key, text.replace("\r\n", "\n").replace("\r", "\n"))
        position = marker_position(texts[key], citation.sentence, citation.offset)
        if position is not None:
            markers[key].append((position, citation.pk, citation.reference.number))
    for (field, pk), placed in markers.items():
        model = Section if field == "body" else Season
        model.objects.filter(pk=pk).update(**{field: with_markers(texts[(field, pk)], placed)})


def forget_citation_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="catalog", content_type__model="citation"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_revisions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(markers_into_text, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="season",
            name="lead",
            field=models.TextField(
                blank=True,
                help_text="Paragraphs separated by a blank line. A reference's number in "
                "brackets, [24], cites it where the cited words end; the reference must exist.",
            ),
        ),
        migrations.AlterField(
            model_name="section",
            name="body",
            field=models.TextField(
                blank=True,
                help_text="Paragraphs separated by a blank line. A reference's number in "
                "brackets, [24], cites it where the cited words end; the reference must exist.",
            ),
        ),
        migrations.DeleteModel(
            name="Citation",
        ),
        migrations.DeleteModel(
            name="HistoricalCitation",
        ),
        migrations.RunPython(forget_citation_permissions, migrations.RunPython.noop),
    ]
