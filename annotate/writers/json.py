"""JSON writer: the model as data, for apps that draw their own interface.

The shape is described by `annotate/schema/document.schema.json` (JSON Schema 2020-12).
"""
from __future__ import annotations

import json

from .. import __version__
from ..model import Block, Document

FORMAT_ID = "zh-annotate/1"


def _block(block: Block) -> dict:
    return {
        "kind": block.kind,
        "line": block.line,
        "text": block.text,
        "tokens": [
            {
                "text": token.text,
                "kind": token.kind,
                "readings": list(token.readings),
                "traditional": token.traditional,
                "glossary": list(token.note_ids),
            }
            for token in block.tokens
        ],
    }


def to_data(document: Document) -> dict:
    """The document as plain JSON-ready data."""
    return {
        "format": FORMAT_ID,
        "generator": {"name": "zh-annotate", "version": __version__},
        "source": document.source,
        "title": document.title,
        "characters": document.characters,
        "settings": {"reading": document.settings.reading, "variant": document.settings.variant},
        "sections": [
            {
                "n": section.n,
                "head": _block(section.head) if section.head is not None else None,
                "blocks": [_block(block) for block in section.blocks],
            }
            for section in document.sections
        ],
        "glossary": [
            {
                "id": entry.id,
                "term": entry.term,
                "gloss": entry.gloss,
                "pinyin": entry.written_pinyin,
                "readings": list(entry.pinyin) if entry.pinyin else None,
                "traditional": entry.traditional,
                "note": entry.note,
            }
            for entry in document.glossary.values()
        ],
    }


def write_json(document: Document, *, indent: int | None = None) -> bytes:
    """The document as UTF-8 JSON; compact by default (an indent makes Python's encoder 5× slower)."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(to_data(document), ensure_ascii=False, indent=indent, separators=separators)
    # < > & only occur inside strings here; escaping them keeps the JSON safe to inline in HTML.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")
