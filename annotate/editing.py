"""Corrections a person makes to an edition: a reading, a bead, a note. Plain operations on the
model, each a small dict (so the editor can keep them in an undo list, send them as JSON and
replay them), checked before anything changes: an edit that cannot apply raises EditError with
the reason and leaves the edition as it was.

    edition = Edition(document)
    edition.apply({"op": "reading", "at": 12, "reading": "de"})          # the 13th reading of the text
    edition.apply({"op": "reading", "at": 12, "reading": "de", "every": True})
    edition.apply({"op": "merge", "sentence": "s4"})                    # s4's bead and the next one
    edition.apply({"op": "split", "sentence": "s7"})                    # s7 begins a bead of its own
    edition.apply({"op": "move", "sentence": "t9", "to": "previous"})   # a translation sentence
    edition.apply({"op": "untranslated", "sentence": "s5"})             # the translator left s5 out
    edition.apply({"op": "gloss", "entry": "gl-toufa", "gloss": "hair"})
    edition.apply({"op": "unnote", "entry": "gl-toufa"})
    edition.apply({"op": "term", "start": 3, "end": 5, "gloss": "…"})  # readings 3 and 4 become a term

Readings are addressed by their place: the n-th Han character with a reading, in document order,
which is the n-th `<ruby>` of the page. Places never move: no edit adds or removes a reading.
Beads are addressed by a sentence they hold. A bead an edit makes is fixed (confidence 1.0), as
in a corrected alignment (`--alignment`), and the rest stays as it was aligned.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from bisect import bisect_right

from .errors import AnnotateError, GlossaryError
from .model import Block, Document, GlossaryEntry, Link, Span, Token
from .readers.common import order_by_first_use
from .syllables import parse_pinyin, spell, tone_marks

MAX_TEXT = 2_000
"""Longest gloss or note an editor may type, in characters."""
OPERATIONS = ("reading", "merge", "split", "move", "untranslated", "gloss", "unnote", "term")


class EditError(AnnotateError):
    """An edit that cannot apply, with the reason, for the person who asked for it."""


class Edition:
    """A Document being corrected, with the places of its readings."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.blocks: list[Block] = list(document.blocks())
        self.places: list[tuple[int, int, int]] = [place for b in range(len(self.blocks)) for place in self._places_of(b)]
        """(block, token, character in the token) of each reading, in document order."""

    def _places_of(self, b: int) -> list[tuple[int, int, int]]:
        return [(b, t, c) for t, token in enumerate(self.blocks[b].tokens)
                for c, reading in enumerate(token.readings) if reading is not None]

    # ------------------------------------------------------------------ reading places

    def place(self, at) -> tuple[Block, int, Token, int]:
        if type(at) is not int or not 0 <= at < len(self.places):
            raise EditError(f"there is no reading number {at!r} (the edition has {len(self.places)})")
        b, t, c = self.places[at]
        block = self.blocks[b]
        return block, t, block.tokens[t], c

    def reindex(self, b: int) -> None:
        """The places of block `b` again, after its tokens were cut or joined."""
        start = bisect_right(self.places, (b, -1, -1))
        end = bisect_right(self.places, (b, 1 << 60, 0))
        self.places[start:end] = self._places_of(b)

    def reading_at(self, at: int) -> str:
        _, _, token, c = self.place(at)
        return token.readings[c]

    def occurrences(self, word: str, char: int) -> list[int]:
        """The places of the `char`-th character of every token written `word`, in order."""
        return [at for at, (b, t, c) in enumerate(self.places) if c == char and self.blocks[b].tokens[t].text == word]

    def word_at(self, at: int) -> tuple[str, int]:
        """The word the reading is in (its simplified form) and the character's offset in it."""
        _, _, token, c = self.place(at)
        return token.simplified or token.text, c

    # ------------------------------------------------------------------ applying

    def apply(self, operation: dict) -> str:
        """Make one correction; returns what was done, in a few words."""
        if not isinstance(operation, dict) or operation.get("op") not in OPERATIONS:
            raise EditError(f"unknown edit (one of {', '.join(OPERATIONS)})")
        return getattr(self, "_" + operation["op"])(operation)

    def _reading(self, operation: dict) -> str:
        at = operation.get("at")
        _, _, token, c = self.place(at)
        style = self.document.settings.reading
        reading = syllable(operation.get("reading"), token.text[c], style)
        targets = self.occurrences(token.text, c) if operation.get("every") else [at]
        for i in targets:
            _, _, other, k = self.place(i)
            _set_reading(other, k, reading)
        where = f"{len(targets)} occurrences of {token.text}" if len(targets) > 1 else token.text
        return f"{token.text[c]} read {reading} in {where}"

    def _gloss(self, operation: dict) -> str:
        entry = self._entry(operation.get("entry"))
        gloss = _typed(operation.get("gloss"), "gloss")
        if not gloss:
            raise EditError("a note needs a gloss: to remove the note, use Remove note")
        changes = {"gloss": gloss}
        if "note" in operation:
            changes["note"] = _typed(operation.get("note"), "note") or None
        self.document.glossary[entry.id] = dataclasses.replace(entry, **changes)
        return f"note on {entry.term} changed"

    def _unnote(self, operation: dict) -> str:
        entry = self._entry(operation.get("entry"))
        del self.document.glossary[entry.id]
        for block in self.blocks:
            for token in block.tokens:
                if entry.id in token.note_ids:
                    token.note_ids = tuple(i for i in token.note_ids if i != entry.id)
                    if not token.note_ids:
                        token.note_here = False
                    token.markup_id = None
        return f"note on {entry.term} removed"

    def _entry(self, entry_id) -> GlossaryEntry:
        entry = self.document.glossary.get(entry_id) if isinstance(entry_id, str) else None
        if entry is None:
            raise EditError(f"the edition has no note {entry_id!r}")
        return entry

    def _term(self, operation: dict) -> str:
        start, end = operation.get("start"), operation.get("end")
        if type(end) is not int or type(start) is not int or not start < end:
            raise EditError("select the characters of the term")
        first, last = self.place(start), self.place(end - 1)
        block = first[0]
        if block is not last[0]:
            raise EditError("a term lies within one paragraph: select fewer characters")
        b = self.blocks.index(block)
        offsets = block.token_offsets()
        begin, stop = offsets[first[1]] + first[3], offsets[last[1]] + last[3] + 1
        if any(s_start < begin < s_end < stop or begin < s_start < stop < s_end
               for s_start, s_end in ((offsets[s.start], offsets[s.end]) for s in block.sentences)):
            raise EditError("a term lies within one sentence: select fewer characters")
        for token, left in zip(block.tokens, offsets):
            if token.note_ids and left < stop and begin < left + len(token.text):
                noted = self.document.glossary.get(token.note_ids[0])
                raise EditError(f"{token.text} already has a note ({noted.term if noted else token.note_ids[0]}): "
                                "remove that note first")
        gloss = _typed(operation.get("gloss"), "gloss")
        if not gloss:
            raise EditError("a new term needs a gloss")
        style = self.document.settings.reading
        given = _term_pinyin(operation.get("pinyin"), block.text[begin:stop], style)
        token = _join(block, b, begin, stop)
        self.reindex(b)
        term = token.text
        if given is not None:
            pinyin, written, readings = given
        else:
            pinyin, readings = _marks(token.readings, style), None
            written = " ".join(s for s in pinyin if s) if pinyin else None
        from .glossary import _make_id

        base = entry_id = _make_id(term, written)
        n = 1
        while entry_id in self.document.glossary:
            n += 1
            entry_id = f"{base}-{n}"
        self.document.glossary[entry_id] = GlossaryEntry(entry_id, term, gloss, pinyin, written,
                                                         token.traditional, source="editor")
        count = 0
        for block_here in self.blocks:
            for each in block_here.tokens:
                if each is token or (each.text == term and not each.note_ids):
                    each.note_ids = (entry_id, *each.note_ids)
                    each.markup_id = None
                    count += 1
                    for i, reading in enumerate(readings or ()):
                        if reading is not None and each.readings[i] is not None and each.readings[i] != reading:
                            _set_reading(each, i, reading)
        _show_notes(self.document, entry_id)
        order_by_first_use(self.document)  # as an edition is read
        return f"{term} is a term, with its note ({count} occurrence{'s' if count > 1 else ''})"

    # ------------------------------------------------------------------ beads

    def _alignment(self):
        alignment = self.document.alignment
        if alignment is None:
            raise EditError("this edition has no translation to align")
        return alignment

    def _bead_of(self, sentence) -> int:
        alignment = self._alignment()
        for k, link in enumerate(alignment.links):
            if sentence in link.source or sentence in link.target:
                return k
        raise EditError(f"there is no sentence {sentence!r} in the alignment")

    def _bead(self, operation: dict) -> tuple[list[Link], str, int, Link]:
        """The beads, the sentence the operation names, and the number of its bead and the bead."""
        links = self._alignment().links
        sentence = operation.get("sentence")
        k = self._bead_of(sentence)
        return links, sentence, k, links[k]

    def _texts(self) -> dict[str, str]:
        """Every sentence's text, by id, of both sides."""
        alignment = self._alignment()
        return {s.id: s.text for s in alignment.source} | {t.id: t.text for t in alignment.target}

    def _merge(self, operation: dict) -> str:
        links, _, k, _ = self._bead(operation)
        if k + 1 >= len(links):
            raise EditError("this is the last bead: there is none after it to merge with")
        a, b = links[k], links[k + 1]
        links[k:k + 2] = [Link(a.source + b.source, a.target + b.target, 1.0, True)]
        return f"beads {k + 1} and {k + 2} merged"

    def _split(self, operation: dict) -> str:
        links, sentence, k, link = self._bead(operation)
        texts = self._texts()
        if sentence in link.source:
            j = link.source.index(sentence)
            if j == 0:
                raise EditError("this sentence already begins its bead: split before a later sentence of it")
            c = _cut(link.source, j, link.target, texts)
            first, second = (link.source[:j], link.target[:c]), (link.source[j:], link.target[c:])
        else:
            j = link.target.index(sentence)
            if j == 0:
                raise EditError("this translation sentence already begins its bead: split before a later one")
            c = _cut(link.target, j, link.source, texts)
            first, second = (link.source[:c], link.target[:j]), (link.source[c:], link.target[j:])
        links[k:k + 1] = [Link(*first, 1.0, True), Link(*second, 1.0, True)]
        return f"bead {k + 1} split in two"

    def _move(self, operation: dict) -> str:
        links, sentence, k, link = self._bead(operation)
        to = operation.get("to")
        if sentence not in link.target:
            raise EditError("only a translation sentence moves to a neighbouring bead")
        if to == "previous":
            if k == 0 or link.target[0] != sentence:
                raise EditError("only the first translation sentence of a bead, after another bead, moves back")
            neighbour = links[k - 1]
            pair = [Link(neighbour.source, neighbour.target + (sentence,), 1.0, True),
                    Link(link.source, link.target[1:], 1.0, True)]
            start = k - 1
        elif to == "next":
            if k + 1 >= len(links) or link.target[-1] != sentence:
                raise EditError("only the last translation sentence of a bead, before another bead, moves on")
            neighbour = links[k + 1]
            pair = [Link(link.source, link.target[:-1], 1.0, True),
                    Link(neighbour.source, (sentence,) + neighbour.target, 1.0, True)]
            start = k
        else:
            raise EditError("move to the previous or the next bead")
        links[start:start + 2] = [p for p in pair if p.source or p.target]
        return f"translation sentence moved to the {to} bead"

    def _untranslated(self, operation: dict) -> str:
        links, sentence, k, link = self._bead(operation)
        if sentence not in link.source:
            raise EditError("only a sentence of the source is left untranslated")
        if not link.target:
            raise EditError("this sentence is already marked untranslated")
        j, rest = link.source.index(sentence), tuple(s for s in link.source if s != sentence)
        alone = Link((sentence,), (), 1.0, True)
        if not rest:
            beads = [alone, Link((), link.target, 1.0, True)]
        elif j == 0:
            beads = [alone, Link(rest, link.target, 1.0, True)]
        elif j == len(link.source) - 1:
            beads = [Link(rest, link.target, 1.0, True), alone]
        else:
            c = _cut(link.source, j, link.target, self._texts())
            beads = [Link(link.source[:j], link.target[:c], 1.0, True), alone,
                     Link(link.source[j + 1:], link.target[c:], 1.0, True)]
        links[k:k + 1] = [bead for bead in beads if bead.source or bead.target]
        return "sentence marked untranslated"


# ---------------------------------------------------------------------- helpers


def syllable(typed, char: str, style: str) -> str:
    """What a person typed or picked as the reading of `char` → one syllable in the edition's
    style: hǎo, hao3 and hao5 / hao (neutral) are read; anything that is not one pinyin syllable
    is refused with the reason."""
    from .validate import syllables

    if not isinstance(typed, str) or not typed.strip() or len(typed) > 12:
        raise EditError("type one syllable, such as hǎo or hao3")
    text = unicodedata.normalize("NFC", typed.strip().lower())
    known = syllables()
    if style == "zhuyin" and text in known["zhuyin"]:
        return text
    try:
        (marks,) = parse_pinyin(text.replace("0", "5"), "字", "reading")
    except (GlossaryError, ValueError):
        raise EditError(f"{typed.strip()!r} is not one pinyin syllable (type hǎo or hao3)") from None
    if marks not in known["pinyin"]:
        raise EditError(f"{typed.strip()!r} is not a syllable of Mandarin")
    return spell(marks, style)


def _term_pinyin(typed, term: str, style: str):
    """A new term's pinyin as typed (`yìqíng`, `yi4 qing2`) → (syllables in tone marks, as
    written, readings in the edition's style), checked against the term; None if none typed."""
    from .validate import syllables

    if typed is None or (isinstance(typed, str) and not typed.strip()):
        return None
    if not isinstance(typed, str) or len(typed) > 200:
        raise EditError("type the term's pinyin, such as yìqíng or yi4 qing2")
    try:
        marks = parse_pinyin(typed, term, "pinyin")
    except GlossaryError as error:
        raise EditError(str(error).removeprefix("pinyin: ")) from None
    known = syllables()["pinyin"]
    wrong = [m for m in marks if m is not None and m not in known]
    if wrong:
        raise EditError(f"{wrong[0]!r} is not a syllable of Mandarin")
    written = " ".join(m for m in marks if m is not None)  # in tone marks, however it was typed
    return marks, written, tuple(None if m is None else spell(m, style) for m in marks)


def _marks(readings, style: str):
    """An edition's readings in tone marks, for a glossary entry (None in zhuyin)."""
    if style == "marks":
        return tuple(readings)
    if style == "numbers":
        return tuple(None if r is None else tone_marks(r)[0] for r in readings)
    return None


def _set_reading(token: Token, c: int, reading: str) -> None:
    def put(values, value):
        values = list(values)
        values[c] = value
        return tuple(values)

    token.readings = put(token.readings, reading)
    if token.sources:
        token.sources = put(token.sources, "edited")
    if token.confidence:
        token.confidence = put(token.confidence, None)
    if token.spoken:  # the written and spoken tones of 一 and 不 are both the reading given now
        token.written, token.spoken = put(token.written, reading), put(token.spoken, reading)
        if token.written == token.spoken:
            token.written = token.spoken = ()
    token.spelling = None
    token.markup_id = None


def _typed(value, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise EditError(f"the {what} must be text")
    text = " ".join(value.split())
    if len(text) > MAX_TEXT:
        raise EditError(f"the {what} is longer than {MAX_TEXT} characters")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co") or ch in "\ufffe\uffff" for ch in text):
        raise EditError(f"the {what} holds a control character: type text only")
    return text


def _cut(side: tuple, j: int, other: tuple, texts: dict) -> int:
    """Where to cut `other` when `side` is cut before its j-th sentence: the cut whose share of
    `other`'s characters is nearest the share of `side`'s before the cut."""
    total = sum(len(texts[s]) for s in side) or 1
    share = sum(len(texts[s]) for s in side[:j]) / total
    lengths = [len(texts[s]) for s in other]
    whole = sum(lengths) or 1
    best, best_gap, running = 0, 2.0, 0
    for c in range(len(other) + 1):
        gap = abs(running / whole - share)
        if gap < best_gap:
            best, best_gap = c, gap
        if c < len(other):
            running += lengths[c]
    return best


def _join(block: Block, b: int, begin: int, stop: int) -> Token:
    """Cut the block's tokens at character offsets `begin` and `stop` and join those between
    into one token, which is returned; the block's sentences follow their tokens."""
    offsets = block.token_offsets()
    spans = [(s.id, offsets[s.start], offsets[s.end]) for s in block.sentences]
    tokens: list[Token] = []
    inside: list[Token] = []
    for token, left in zip(block.tokens, offsets):
        right = left + len(token.text)
        cuts = sorted({0, len(token.text), *(x - left for x in (begin, stop) if left < x < right)})
        parts = token.split([(a, z) for a, z in zip(cuts, cuts[1:])]) if len(cuts) > 2 else [token]
        position = left
        for part in parts:
            if begin <= position and position + len(part.text) <= stop:
                inside.append(part)
            else:
                tokens.append(part)
            position += len(part.text)
    joined = _joined(inside)
    position, at = 0, 0
    for i, token in enumerate(tokens):
        if position >= begin:
            at = i
            break
        position += len(token.text)
    else:
        at = len(tokens)
    tokens.insert(at, joined)
    block.tokens = tokens
    offsets = block.token_offsets()
    index = {offset: i for i, offset in enumerate(offsets)}
    block.sentences = [Span(i, index[a], index[z]) for i, a, z in spans]
    return joined


def _joined(tokens: list[Token]) -> Token:
    if len(tokens) == 1:
        return tokens[0]

    def each(name):
        return tuple(value for token in tokens for value in (getattr(token, name) or (None,) * len(token.text)))

    text = "".join(t.text for t in tokens)
    traditional = "".join(t.traditional or t.text for t in tokens)
    simplified = "".join(t.simplified or t.text for t in tokens)
    joined = Token(text, "han", each("readings"), each("sources"), each("confidence"))
    joined.traditional = traditional if traditional != text else None
    joined.simplified = simplified if simplified != text else None
    if any(t.spoken for t in tokens):
        joined.written = tuple(w for t in tokens for w in (t.written or t.readings))
        joined.spoken = tuple(s for t in tokens for s in (t.spoken or t.readings))
    levels = [t.level for t in tokens if t.level is not None]
    joined.level = max(levels) if levels else None
    joined.known = all(t.known for t in tokens)
    return joined


def _show_notes(document: Document, entry_id: str) -> None:
    """Which occurrences of the entry show its note, by the edition's setting: the first in each
    section (`first`), all, or none."""
    every, first = document.settings.notes == "all", document.settings.notes == "first"
    for section in document.sections:
        shown = False
        for block in section.all_blocks():
            for token in block.tokens:
                if token.note_ids and token.note_ids[0] == entry_id:
                    token.note_here = every or (first and not shown)
                    shown = True


# ---------------------------------------------------------------------- what the editor offers


def choices(edition: Edition, at: int) -> dict:
    """The readings the character at place `at` can have, each with a gloss: CC-CEDICT's readings
    of its word, then of the character, pypinyin's heteronyms, and the neutral tone; the current
    one marked. Readings are spelled in the edition's style."""
    import pypinyin

    from .dictionary import cedict
    from .syllables import toneless

    word, c = edition.word_at(at)
    char = word[c]
    style = edition.document.settings.reading
    current = edition.reading_at(at)
    found: dict[str, dict] = {}

    def offer(marks: str, gloss: str, origin: str) -> None:
        marks = unicodedata.normalize("NFC", marks.lower())
        try:
            spelled = spell(marks, style)
        except (ValueError, KeyError):
            return
        if spelled not in found:
            found[spelled] = {"reading": spelled, "gloss": gloss, "origin": origin, "current": spelled == current}

    dictionary = cedict()
    if len(word) > 1:
        for pinyin, _traditional, senses in dictionary.get(word, ()):
            parts = pinyin.split()
            if len(parts) == len(word):
                offer(tone_marks(parts[c])[0], f"{word}: {_first_senses(senses)}", "CC-CEDICT")
    for pinyin, _traditional, senses in dictionary.get(char, ()):
        offer(tone_marks(pinyin)[0], f"{char}: {_first_senses(senses)}", "CC-CEDICT")
    for marks in pypinyin.pinyin(char, heteronym=True, style=pypinyin.Style.TONE)[0]:
        offer(marks, "", "pypinyin")
    if style == "zhuyin":  # the dot before the syllable and no tone mark: ˙ㄉㄜ
        neutral = "˙" + current.lstrip("˙").rstrip("ˊˇˋ")
        found.setdefault(neutral, {"reading": neutral, "gloss": "neutral tone", "origin": "neutral tone",
                                   "current": neutral == current})
    else:
        base = toneless(tone_marks(current)[0] if style == "numbers" else current)
        offer(base.replace("v", "ü"), "neutral tone", "neutral tone")
    if current not in found:
        found = {current: {"reading": current, "gloss": "", "origin": "edition", "current": True}} | found
    return {"at": at, "char": char, "word": word, "current": current, "choices": list(found.values())}


def _first_senses(senses: str, count: int = 3) -> str:
    return "; ".join(senses.split("/")[:count])


def lookup(edition: Edition, start: int, end: int) -> dict:
    """What a new term over places `start`…`end - 1` starts with: its text, readings and CC-CEDICT gloss."""
    from .dictionary import cedict, senses

    if type(start) is not int or type(end) is not int or not start < end:
        raise EditError("select the characters of the term")
    first, last = edition.place(start), edition.place(end - 1)
    if first[0] is not last[0]:
        raise EditError("a term lies within one paragraph: select fewer characters")
    block = first[0]
    offsets = block.token_offsets()
    begin, stop = offsets[first[1]] + first[3], offsets[last[1]] + last[3] + 1
    term = block.text[begin:stop]
    readings = [edition.reading_at(i) for i in range(start, end)]
    style = edition.document.settings.reading
    marks = _marks(readings, style)
    gloss = senses(term, marks) if marks and len(marks) == len(term) else None
    if gloss is None:
        gloss = next((_first_senses(text, 6) for _, _, text in cedict().get(term, ())), "")
    pinyin = None
    for written, _, _ in cedict().get(term, ()):  # CC-CEDICT's reading, the one in the edition first
        syllables = [s.lower() for s in tone_marks(written)]
        if len(syllables) == len([c for c in readings if c is not None]):
            if pinyin is None or (marks and [m for m in marks if m] == syllables):
                pinyin = " ".join(syllables)
    if pinyin is None:
        pinyin = " ".join(r for r in (marks or readings) if r)
    return {"term": term, "readings": readings, "gloss": gloss or "", "pinyin": pinyin}


def unsure_in(texts: list[str], script: str, reading: str, variant: str) -> list[tuple[int, int, str]]:
    """(paragraph, character offset, reading) of each reading the model is unsure of in these
    paragraphs (the review list's criteria: a polyphone read by a fallback, or by the context
    model with low confidence). Plain data in and out: the editor runs it in another process."""
    from .model import Section, Settings
    from .pipeline import annotate_document
    from .polyphones import model
    from .review import doubtful

    fresh = Document("-", [Section(blocks=[Block("p", text, 0) for text in texts])], script=script)
    annotate_document(fresh, None, Settings(reading=reading, variant=variant))
    polyphones = model().polyphones
    found = []
    for b, block in enumerate(fresh.blocks()):
        position = 0
        for token in block.tokens:
            word = token.simplified or token.text
            for offset in range(len(word)):
                if token.readings and token.readings[offset] is not None and doubtful(token, word, offset, polyphones):
                    found.append((b, position + offset, token.readings[offset]))
            position += len(token.text)
    return found


def unsure(edition: Edition, found: list[tuple[int, int, str]] | None = None) -> dict[int, str]:
    """The places whose reading the model was unsure of, with that reading, where the edition
    still reads it so. A TEI keeps readings, not how they were decided: the text is analysed
    again for this (`found`: unsure_in's answer, when it ran elsewhere)."""
    if found is None:
        settings = edition.document.settings
        found = unsure_in([block.text for block in edition.blocks], edition.document.script, settings.reading,
                          settings.variant)
    offsets = [block.token_offsets() for block in edition.blocks]
    where = {(b, offsets[b][t] + c): at for at, (b, t, c) in enumerate(edition.places)}
    marked = {}
    for b, offset, reading in found:
        at = where.get((b, offset))
        if at is not None and edition.reading_at(at) == reading:
            marked[at] = reading
    return marked
