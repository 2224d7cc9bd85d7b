"""The ordered passes that turn a bare Document into an annotated one.

`PASSES` is a literal list: each pass fills in one thing on one block, in this order.
Every pass works a paragraph at a time, so a long text can be annotated as it streams.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import reader
from .glossary import Glossary
from .model import Block, Document, Settings
from .readings import STYLES, add_readings, style_readings
from .segment import add_words
from .variants import CONFIGS, add_traditional, detect_script, to_traditional


@dataclass(slots=True)
class Context:
    """What the passes need besides the block: the glossary and the options."""

    glossary: Glossary | None
    settings: Settings
    script: str = "Hans"
    """The source's script: `Hans`, or `Hant` for a source in traditional characters."""


def apply_glossary(block: Block, context: Context) -> None:
    """A glossary entry's pinyin and traditional form override the analysis for its term."""
    if context.glossary is None:
        return
    for token in block.tokens:
        for entry_id in token.note_ids:
            entry = context.glossary.by_id(entry_id)
            if entry.pinyin is not None:
                token.readings = entry.pinyin
            if entry.traditional is not None and context.script == "Hans":
                token.traditional = entry.traditional


PASSES = [
    ("words", lambda block, context: add_words(block, context.glossary, context.script)),
    ("readings", lambda block, context: add_readings(block)),
    ("other script", lambda block, context: add_traditional(block, context.settings.variant, context.script)),
    ("glossary", apply_glossary),
    ("reading style", lambda block, context: style_readings(block, context.settings.reading)),
]


def annotate_block(block: Block, context: Context) -> None:
    for _name, run in PASSES:
        run(block, context)


def annotate_document(document: Document, glossary: Glossary | None = None, settings: Settings | None = None) -> Document:
    """Run every pass over every block, then list the glossary entries the document uses."""
    settings = settings or Settings()
    if settings.reading not in STYLES:
        raise ValueError(f"unknown reading style {settings.reading!r} (choose from {', '.join(STYLES)})")
    if settings.variant not in CONFIGS:
        raise ValueError(f"unknown variant {settings.variant!r} (choose from {', '.join(CONFIGS)})")
    document.settings = settings
    context = Context(glossary, settings, document.script)
    for block in document.blocks():
        annotate_block(block, context)
        collect_glossary(document, block, context)
    return document


def collect_glossary(document: Document, block: Block, context: Context) -> None:
    """List each entry the block uses in `document.glossary`, completing its traditional form."""
    for token in block.tokens:
        for entry_id in token.note_ids:
            if entry_id in document.glossary:
                continue
            entry = context.glossary.by_id(entry_id)
            if entry.traditional is None:
                converted = to_traditional(entry.term, context.settings.variant)
                if converted != entry.term:
                    entry = replace(entry, traditional=converted)
            document.glossary[entry_id] = entry


def annotate_text(
    text: str,
    *,
    source: str = "-",
    glossary: Glossary | None = None,
    reading: str = "marks",
    variant: str = "tw",
    script: str = "auto",
) -> Document:
    """Chinese text → an annotated Document. 中国 → words, readings (zhōng guó), traditional forms."""
    document = reader.parse(text, source)
    document.script = detect_script(text[:20_000]) if script == "auto" else script
    return annotate_document(document, glossary, Settings(reading=reading, variant=variant))
