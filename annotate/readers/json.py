"""A JSON edition this tool wrote (format zh-annotate/1) → the annotated Document it holds.

The JSON carries the whole model (readings and how they were decided, spoken tones, names,
levels, notes, the glossary and the profile), so it is read as it stands; a word spelling
(`word`) is derived and not read back.
"""
from __future__ import annotations

import json

from ..errors import InputError
from ..languages import is_language_tag
from ..model import (Alignment, Block, Container, Document, GlossaryEntry, Link, Mark, Section, Sentence, Settings,
                     Span, Token)
from ..constants import FORMAT_ID
from .common import order_by_first_use


def read(data: bytes, source: str) -> Document:
    """JSON bytes → Document; `source` names the file in messages."""
    try:
        value = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        where = f"{getattr(error, 'lineno', 0)}:{getattr(error, 'colno', 0)}"
        raise InputError(f"{source}:{where}: not JSON ({getattr(error, 'msg', error)})") from None
    except RecursionError:  # arrays or objects nested thousands deep: no edition of ours nests more than ten
        raise InputError(f"{source}: its arrays or objects are nested too deeply to read (an edition of this tool "
                         "nests a few levels); not a zh-annotate edition") from None
    if not isinstance(value, dict) or value.get("format") != FORMAT_ID:
        raise InputError(f"{source}: not a zh-annotate edition (\"format\": \"{FORMAT_ID}\" is missing)")
    try:
        return _document(value)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"{source}: not a zh-annotate edition as the schema describes it ({error!r}); "
                         "check it against annotate/schema/document.schema.json") from None


def _document(value: dict) -> Document:
    options, learner = value["settings"], value.get("learner") or {}
    settings = Settings(
        reading=options["reading"], variant=options["variant"], notes=options.get("notes", "first"),
        tone_sandhi=bool(options.get("tone_sandhi")), capitalize_names=bool(options.get("capitalize_names")),
        dictionary=learner.get("dictionary"), level=learner.get("level"),
        hsk_standard=learner.get("hsk_standard", "2025"), vocab_order=learner.get("vocab_order", "first"),
    )
    document = Document(source=value["source"], characters=value["characters"], title_text=value["title"],
                        encoding=value["encoding"], script=value["script"], settings=settings,
                        replaced=value.get("replaced", 0), front_matter=value.get("front_matter"))
    for section in value["sections"]:
        head = _block(section["head"]) if section["head"] is not None else None
        document.sections.append(Section(section["n"], head, [_block(b) for b in section["blocks"]]))
    for entry in value["glossary"]:
        readings = entry["readings"]
        document.glossary[entry["id"]] = GlossaryEntry(
            id=entry["id"], term=entry["term"], gloss=entry["gloss"],
            pinyin=tuple(readings) if readings is not None else None, written_pinyin=entry["pinyin"],
            traditional=entry["traditional"], note=entry["note"], origin=entry["origin"], level=entry["level"],
            example=entry["example"])
    order_by_first_use(document)
    if value.get("translation"):
        document.alignment = _alignment(value["translation"], document)
    profile = value.get("profile")
    if profile:
        document.profile.update({k: v for k, v in profile["counts"].items() if v})
    return document


def _block(value: dict) -> Block:
    tokens = [_token(t) for t in value["tokens"]]
    spans = [Span(s["id"], s["start"], s["end"]) for s in value.get("sentences", ())]
    containers = tuple(Container(c["kind"], c["number"], bool(c.get("ordered")), c.get("start"))
                       for c in value.get("containers", ()))
    marks = tuple(Mark(m["kind"], m["start"], m["end"], m.get("target"), m.get("text")) for m in value.get("marks", ()))
    return Block(value["kind"], value["text"], value["line"], tokens=tokens, sentences=spans,
                 level=value.get("level", 0), containers=containers, marks=marks, tight=bool(value.get("tight")),
                 header=bool(value.get("header")), info=value.get("info"))


def _alignment(value: dict, document: Document) -> Alignment:
    source = [Sentence(span.id, "".join(t.text for t in block.tokens[span.start:span.end]), number)
              for number, block in enumerate(document.blocks()) for span in block.sentences]
    target = [Sentence(s["id"], s["text"], s["paragraph"]) for s in value["sentences"]]
    links = [Link(tuple(b["source"]), tuple(b["target"]), b["confidence"], b.get("fixed", False))
             for b in value["beads"]]
    if not is_language_tag(value["language"]):
        raise ValueError(f"the translation's language {value['language'][:40]!r} is not a BCP 47 tag")
    return Alignment(value["language"], source, target, links, name=value.get("name", ""),
                     method=value.get("method", ""), source_language="zh-Hant" if document.script == "Hant" else "zh-Hans")


def _token(value: dict) -> Token:
    return Token(
        text=value["text"], kind=value["kind"], readings=tuple(value["readings"]),
        sources=tuple(value.get("sources", ())), name=value.get("name"),
        written=tuple(value.get("written", ())), spoken=tuple(value.get("spoken", ())),
        traditional=value["traditional"], simplified=value.get("simplified"),
        note_ids=tuple(value["glossary"]), level=value.get("level"), known=bool(value.get("known")),
        note_here=bool(value.get("note")), spelling=value.get("word"),
    )
