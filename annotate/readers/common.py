"""What several readers share: sections made from a stream, and glossary entries in order of use."""
from __future__ import annotations

from ..model import Document


def collect(items, document: Document) -> Document:
    """A reader's stream of sections and blocks → the document's sections: a section's heading is
    its `head`; every other block (a heading inside a list or a quotation among them) is one of
    its blocks."""
    from ..model import Section

    for item in items:
        if isinstance(item, Section):
            document.sections.append(item)
        elif item is not document.sections[-1].head:
            document.sections[-1].blocks.append(item)
    return document


def order_by_first_use(document: Document) -> None:
    """`Document.glossary` in order of first use, as analysis makes it (an edition lists its
    entries in the vocabulary's order, which may be by level)."""
    order = {}
    for block in document.blocks():
        for token in block.tokens:
            for entry_id in token.note_ids:
                if entry_id in document.glossary:
                    order.setdefault(entry_id, None)
    rest = [i for i in document.glossary if i not in order]
    document.glossary = {i: document.glossary[i] for i in [*order, *rest]}
