"""What every sink shares: the Sink protocol, the memo of each distinct token's markup, marks
and containers opened and closed around tokens, and escaping (markup is always made by lxml or
escaped here, so text is always escaped)."""
from __future__ import annotations

import itertools
from typing import BinaryIO, Callable

from lxml import etree

from ..model import Block, Document, Section


class Memo:
    """A cache that keeps what was used lately: entries go into a young generation, which
    becomes the old one when full (the old one is dropped); an entry found in the old one
    moves back into the young. At most twice `limit` entries. Emptying the whole memo when
    full, as before, dropped a book's most frequent words too: on 西游记, 5,000 + 5,000 entries
    miss 92,000 times per format where 10,000 emptied at once miss 105,000 and 5,000 miss 133,000."""

    __slots__ = ("young", "old", "limit")

    def __init__(self, limit: int) -> None:
        self.young: dict = {}
        self.old: dict = {}
        self.limit = limit

    def get(self, key):
        value = self.young.get(key)
        if value is None:
            value = self.old.get(key)
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key, value):
        if len(self.young) >= self.limit:
            self.old, self.young = self.young, {}
        self.young[key] = value
        return value


_WORDS: dict[tuple, Memo] = {}
FLUSH_PARTS = 4_096
"""Pieces of a vocabulary list gathered before they are written (Sink.emit_gathered)."""
MEMO_LIMIT = 10_000
"""Markups per generation of a format's memo, and token keys per generation of the numbering
(markup_id). On 西游记, generations of 5,000 make 92,000 markups per format and of 10,000
70,000; the two generations of three formats hold about 30 MB (peak 279 MB on a 20 MB book)."""


_IDS = Memo(MEMO_LIMIT)
_NEXT_ID = itertools.count()


def markup_id(token) -> int:
    """A number for what decides a token's markup in any format: its text and kind, readings and
    their sources, other-script forms, spoken tones, name, level, notes and spelling. Equal
    tokens get equal numbers while the numbering remembers them; a number is never given to
    anything else (a key forgotten gets a new number), so a memo keyed by it is never wrong."""
    key = (token.text, token.kind, token.readings, token.sources, token.traditional, token.simplified, token.spoken,
           token.written, token.name, token.known, token.level, token.note_ids, token.note_here, token.spelling)
    number = _IDS.young.get(key)
    if number is None:  # from the old generation (moved to the young one), or a new number
        number = _IDS.old.get(key)
        number = _IDS.put(key, next(_NEXT_ID) if number is None else number)
    token.markup_id = number
    return number


class Sink:
    """Writes one format to a binary stream as sections and blocks arrive."""

    def __init__(self, out: BinaryIO, document: Document) -> None:
        self.out = out
        self.document = document
        # Shared by every sink of this process that makes the same markup, across files.
        context = (type(self).__name__, document.settings.reading, document.settings.variant, document.script)
        self._words = _WORDS.setdefault(context, Memo(MEMO_LIMIT))

    #: Whether markup of a noted word is the same at every occurrence (TEI, JSON) or not (HTML ids).
    memoise_notes = True

    def word_markup(self, token, make: Callable) -> str:
        """`make(token)` memoised per word and reading: the same word can be read differently in
        different contexts (了 le / liǎo). The memo's key is the token's `markup_id`, so a word's
        readings and forms are hashed once for all the formats rather than once per format."""
        if token.note_ids and not self.memoise_notes:
            return make(token)
        key = token.markup_id
        if key is None:
            key = markup_id(token)
        markup = self._words.get(key)
        if markup is None:
            markup = self._words.put(key, make(token))
        return markup

    def markups(self, tokens, make: Callable) -> list[str]:
        """`word_markup` of each token, in a loop of its own: a book has a million tokens per
        format, and each call saved is felt."""
        memo, parts = self._words, []
        young, append = memo.young, parts.append
        for token in tokens:
            key = token.markup_id
            if key is None:
                key = markup_id(token)
            markup = young.get(key)
            if markup is None:  # from the old generation (moved to the young one), or made
                markup = memo.put(key, memo.old.get(key) or make(token))
                young = memo.young  # a new generation may have begun
            append(markup)
        return parts

    def emit(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))

    def emit_gathered(self, parts: list[str]) -> None:
        """Write `parts` and empty the list once it holds many: a book's vocabulary list is tens
        of MB, which one joined string would hold in memory two or three times over."""
        if len(parts) > FLUSH_PARTS:
            self.emit("".join(parts))
            parts.clear()

    def start(self) -> None: ...

    def section(self, section: Section) -> None: ...

    def block(self, block: Block) -> None: ...

    def finish(self) -> None: ...


class Structure:
    """Which containers (lists, items, quotations, tables, rows) are open, for a sink that
    writes blocks one after another: `enter(block)` closes those the block's chain has left and
    opens the new ones, as strings made by `opening(container, block)` and `closing(container)`."""

    def __init__(self, opening: Callable, closing: Callable) -> None:
        self.open: list = []
        self.opening, self.closing = opening, closing

    def enter(self, block: Block | None) -> str:
        """Markup that leads from the open containers to `block`'s (None: to none at all)."""
        chain = block.containers if block is not None else ()
        keep = 0
        while keep < len(self.open) and keep < len(chain) and self.open[keep] == chain[keep]:
            keep += 1
        parts = [self.closing(c) for c in reversed(self.open[keep:])]
        parts += [self.opening(c, block) for c in chain[keep:]]
        self.open = list(chain)
        return "".join(parts)


def with_marks(block: Block, start: int, end: int, render: Callable, opening: Callable, closing: Callable,
               offsets: list[int] | None = None) -> list[str]:
    """Markup of `block.tokens[start:end]` (each by `render(token)`) with the block's marks around
    them: a mark already running at the stretch's start is opened there, one ending inside it is
    closed after its last token, and every mark still open is closed at the stretch's end (a mark
    across two sentences is written as two). At each place between tokens, marks that end there
    close, then empty marks there (an image, a line break) are written, then marks that start
    there open: so a picture never lands inside inline code. Empty marks at the block's end come
    last. `opening(mark)` and `closing(mark)` give the tags; `run` marks (text nodes of a page)
    are not written."""
    marks = [m for m in block.marks if m.kind != "run"]
    tokens = block.tokens
    if not marks:
        return [render(t) for t in tokens[start:end]]
    offsets = offsets or block.token_offsets()
    first, last = offsets[start], offsets[end]
    last_block = end == len(tokens)
    stack: list = []
    parts: list[str] = []
    at: dict[int, list] = {}  # position → marks to write there (empty ones, and those starting)
    for mark in sorted(marks, key=lambda m: (m.start, m.start != m.end, -m.end)):  # empty before starting
        if mark.start < first < mark.end:  # running already: opened at once
            parts.append(opening(mark))
            stack.append(mark)
        elif first <= mark.start < last or (mark.start == last and last_block and mark.start == mark.end):
            at.setdefault(mark.start, []).append(mark)

    def arrive(position: int) -> None:
        while stack and stack[-1].end <= position:
            parts.append(closing(stack.pop()))
        for mark in at.pop(position, ()):
            if mark.start == mark.end:
                parts.append(opening(mark) + closing(mark))
            else:
                parts.append(opening(mark))
                stack.append(mark)

    for index in range(start, end):
        arrive(offsets[index])
        parts.append(render(tokens[index]))
    if last_block or at:
        arrive(last)
    while stack:
        parts.append(closing(stack.pop()))
    return parts


def escape_text(text: str) -> str:
    """Text as it appears between tags, escaped exactly as lxml escapes it (`<` → `&lt;`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(value: str) -> str:
    """An attribute value as lxml writes it between double quotes."""
    return escape_text(value).replace('"', "&quot;")


def start_tag(tag: str, attributes: dict[str, str], method: str = "xml") -> str:
    """`<tag a="v">`, serialised (and escaped) by lxml."""
    element = etree.Element(tag, attributes)
    element.text = "X"
    serialized = etree.tostring(element, encoding="unicode", method=method)
    return serialized[: serialized.rindex(">X</") + 1]


def serialize(element, method: str = "xml") -> str:
    return etree.tostring(element, encoding="unicode", method=method, with_tail=False)
