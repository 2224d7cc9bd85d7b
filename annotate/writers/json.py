"""JSON writer: the model as data, for apps that draw their own interface.

The shape is described by `annotate/schema/document.schema.json` (JSON Schema 2020-12).
Every value is encoded as `json.dumps` encodes it; `<`, `>` and `&` are written as `\\u003c` etc. (they only
occur inside strings), so the JSON is safe to inline in HTML.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _string  # what json.dumps writes a str as (ensure_ascii=False)

from ..constants import FORMAT_ID
from ..model import PROFILE_KEYS, Block, Document, Section
from ..version import __version__
from .common import Sink



def _dumps(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def token_json(text: str, kind: str, readings: tuple, traditional: str | None, simplified: str | None,
               note_ids: tuple, level: int | None, known: bool, note_here: bool, sources: tuple = (),
               written: tuple = (), spoken: tuple = (), name: str | None = None, spelling: str | None = None) -> str:
    """One token's JSON, as `_dumps` writes the object (tests/test_writers.py compares the two):
    put together from its encoded strings, a few times faster than building a dict to encode."""
    parts = ['{"text":', _string(text), ',"kind":', _string(kind), ',"readings":', _strings(readings),
             ',"traditional":', "null" if traditional is None else _string(traditional),
             ',"glossary":', _strings(note_ids)]
    if kind == "han" and sources:
        parts += (',"sources":', _strings(sources))
        if spelling is not None:
            parts += (',"word":', _string(spelling))
    if name:
        parts += (',"name":', _string(name))
    if spoken:
        parts += (',"written":', _strings(written), ',"spoken":', _strings(spoken))
    if simplified is not None:
        parts += (',"simplified":', _string(simplified))
    if level is not None:
        parts += (',"level":', str(int(level)))
    if known:
        parts.append(',"known":true')
    if note_here:
        parts.append(',"note":true')
    parts.append("}")
    token = "".join(parts)
    if "<" in token or ">" in token or "&" in token:
        token = token.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return token


def _strings(values) -> str:
    """A JSON array of strings and nulls."""
    return "[" + ",".join("null" if value is None else _string(value) for value in values) + "]"


def _token(t) -> str:
    return token_json(t.text, t.kind, t.readings, t.traditional, t.simplified, t.note_ids, t.level, t.known, t.note_here,
                      t.sources, t.written, t.spoken, t.name, t.spelling)


def _block_opening(block: Block, text: str) -> str:
    """A block's JSON up to its tokens: `{"kind":…,"line":…,"text":…,"tokens":[`, with its
    structure (level, containers, marks…) between its text and its tokens where it has one."""
    return "".join(_block_opening_pieces(block, text))


TEXT_PIECE = 1 << 16
"""Characters of a paragraph's text encoded at a time (a scraped book's one line is millions)."""


def _block_opening_pieces(block: Block, text: str):
    """_block_opening in pieces, the text a TEXT_PIECE at a time: a character's JSON does not
    depend on its neighbours, so the pieces join to the same string."""
    yield f'{{"kind":"{block.kind}","line":{block.line},"text":"'
    for start in range(0, len(text), TEXT_PIECE):
        yield _dumps(text[start:start + TEXT_PIECE])[1:-1]
    yield f'",{structure_json(block)}"tokens":['


def structure_json(block: Block) -> str:
    """`"level":2,"containers":[…],"marks":[…],` for the fields a block has (nothing for a plain paragraph)."""
    found = {}
    if block.level:
        found["level"] = block.level
    if block.containers:
        found["containers"] = [{"kind": c.kind, "number": c.number, **({"ordered": True} if c.ordered else {}),
                                **({"start": c.start} if c.start is not None else {})} for c in block.containers]
    marks = [m for m in block.marks if m.kind != "run"]
    if marks:
        found["marks"] = [{"kind": m.kind, "start": m.start, "end": m.end,
                           **({"target": m.target} if m.target is not None else {}),
                           **({"text": m.text} if m.text is not None else {})} for m in marks]
    if block.tight:
        found["tight"] = True
    if block.header:
        found["header"] = True
    if block.info:
        found["info"] = block.info
    return "".join(f'"{key}":{_dumps(value)},' for key, value in found.items())


def block_json(block: Block, markups=lambda tokens, make: [make(t) for t in tokens]) -> str:
    tokens = ",".join(markups(block.tokens, _token))
    sentences = ""
    if block.sentences:
        sentences = ',"sentences":' + _dumps([{"id": s.id, "start": s.start, "end": s.end} for s in block.sentences])
    return f"{_block_opening(block, block.text)}{tokens}]{sentences}}}"


def translation_json(alignment) -> dict:
    """The translation: its sentences, and the beads that pair them with the source's (by id)."""
    return {
        "language": alignment.language,
        "name": alignment.name,
        "method": alignment.method,
        "sentences": [{"id": s.id, "text": s.text, "paragraph": s.paragraph} for s in alignment.target],
        "beads": [{"source": list(link.source), "target": list(link.target), "confidence": round(link.confidence, 3),
                   "fixed": link.fixed} for link in alignment.links],
    }


class JsonSink(Sink):
    """Writes the document object as the text streams in; the glossary comes last.

    A section is written when its first block arrives, because its `head` comes first.
    """

    def __init__(self, out, document: Document) -> None:
        super().__init__(out, document)
        self.sections = 0
        self.pending: Section | None = None  # announced, not yet written
        self.open = False  # a section's "blocks" array is open
        self.blocks = 0
        self.part_tokens = False  # a cut paragraph's tokens written so far

    def start(self) -> None:
        d = self.document
        head = {
            "format": FORMAT_ID,
            "generator": {"name": "zh-annotate", "version": __version__},
            "source": d.source,
            "title": d.title,
            "characters": d.characters,
            "encoding": d.encoding,
            "script": d.script,
            **({"replaced": d.replaced} if d.replaced else {}),
            "settings": {"reading": d.settings.reading, "variant": d.settings.variant, "notes": d.settings.notes,
                         "tone_sandhi": d.settings.tone_sandhi, "capitalize_names": d.settings.capitalize_names},
        }
        if d.settings.learner:
            from ..constants import STANDARDS

            head["learner"] = {"dictionary": d.settings.dictionary, "level": d.settings.level,
                               "hsk_standard": d.settings.hsk_standard, "hsk_name": STANDARDS[d.settings.hsk_standard],
                               "vocab_order": d.settings.vocab_order}
        if d.front_matter:
            head["front_matter"] = json.loads(json.dumps(d.front_matter, ensure_ascii=False, default=str))
        if d.alignment is not None:
            head["translation"] = translation_json(d.alignment)
        if d.settings.dictionary == "cedict":
            from ..constants import CEDICT_ATTRIBUTION, CEDICT_LICENCE

            head["attribution"] = [{"data": "CC-CEDICT", "text": CEDICT_ATTRIBUTION, "licence": CEDICT_LICENCE}]
        self.emit(_dumps(head)[:-1] + ',"sections":[')

    def _write_pending(self, head: Block | None) -> None:
        head_json = block_json(head, self.markups) if head is not None else "null"
        self.emit(f'{"," if self.sections else ""}{{"n":{_dumps(self.pending.n)},"head":{head_json},"blocks":[')
        self.sections += 1
        self.pending, self.open, self.blocks = None, True, 0

    def _close(self) -> None:
        if self.pending is not None:
            self._write_pending(None)
        if self.open:
            self.emit("]}")
            self.open = False

    def section(self, section: Section) -> None:
        self._close()
        self.pending = section

    def block(self, block: Block) -> None:
        if self.pending is not None:
            self._write_pending(block if block.kind == "head" else None)
            if block.kind == "head":
                return
        if block.continues or block.continued:
            self._part(block)
            return
        self.emit(("," if self.blocks else "") + block_json(block, self.markups))
        self.blocks += 1

    def _part(self, block: Block) -> None:
        """A part of a long paragraph cut for memory: the same JSON as the whole paragraph's."""
        if not block.continues:
            self.emit("," if self.blocks else "")
            for piece in _block_opening_pieces(block, block.whole):  # the whole paragraph's text, never held twice
                self.emit(piece)
            self.blocks += 1
            self.part_tokens = False
        tokens = ",".join(self.markups(block.tokens, _token))
        if tokens:
            self.emit(("," if self.part_tokens else "") + tokens)
            self.part_tokens = True
        if not block.continued:
            self.emit("]}")

    def finish(self) -> None:
        self._close()
        self.emit('],"glossary":[')
        entries = self.document.vocabulary()
        for start in range(0, len(entries), 2_000):  # in pieces: a book's glossary is tens of MB
            glossary = [
                {
                    "id": entry.id,
                    "term": entry.term,
                    "gloss": entry.gloss,
                    "pinyin": entry.written_pinyin,
                    "readings": list(entry.pinyin) if entry.pinyin else None,
                    "traditional": entry.traditional,
                    "note": entry.note,
                    "origin": entry.origin,
                    "level": entry.level,
                    "example": entry.example,
                }
                for entry in entries[start:start + 2_000]
            ]
            self.emit(("," if start else "") + _dumps(glossary)[1:-1])
        tail = "]"
        if self.document.settings.learner:
            profile = self.document.profile
            total = sum(profile.values())
            tail += ',"profile":' + _dumps({"words": total, "counts": {k: profile.get(k, 0) for k in PROFILE_KEYS},
                                             "shares": {k: round(profile.get(k, 0) / (total or 1), 4)
                                                        for k in PROFILE_KEYS}})
        self.emit(tail + "}\n")


def pretty(data: bytes, indent: int) -> bytes:
    """The same JSON, indented (for reading and for golden files)."""
    text = json.dumps(json.loads(data), ensure_ascii=False, indent=indent)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n").encode("utf-8")
