"""The write path's three-way merge of prose (catalog.content.services, "Edit conflicts"): two edits
of the same text, both made from one base version, are kept together when they changed
different paragraphs. Paragraphs are split and joined as stored prose keeps them
(catalog.domain.vocabulary)."""

from catalog.domain.vocabulary import join_paragraphs, split_paragraphs


def merge_paragraphs(base, theirs, mine):
    """Two edits of the same prose, made from `base`, as one text, when they changed different
    paragraphs (and neither added or removed one); None when they overlap."""
    if theirs == mine:
        return mine
    old, their_paragraphs, my_paragraphs = (split_paragraphs(t) for t in (base, theirs, mine))
    if not len(old) == len(their_paragraphs) == len(my_paragraphs):
        return None
    merged = []
    for before, their, my in zip(old, their_paragraphs, my_paragraphs, strict=True):
        if my in (before, their):
            merged.append(their)
        elif their == before:
            merged.append(my)
        else:
            return None
    return join_paragraphs(merged)
