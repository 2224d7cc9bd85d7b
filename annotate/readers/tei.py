"""A TEI edition this tool wrote, possibly edited by hand → the annotated Document it shows.

Everything the edition gives is taken as it stands: each `<seg type="word">` or `<term>` is a
token, each `<ruby>` a character with its reading (a second `<rt>` is the other tone of 一 or
不), `<choice>` its other-script form, `@ana` its kind of name, level and whether the reader
knows it, a `<note>` after a term the place its note shows, the `<back>` list the glossary
entries and the vocabulary profile. Text directly inside `<p>` or `<head>` is text an editor
added (or spaces and symbols, which the writer leaves bare): it becomes a token of kind `text`
for `pipeline.annotate_added` to analyse.

A sentence (or a paragraph without sentences) exactly as the writer makes it is read from its
serialization with one regular expression, which is most of a book and a third of the time of
reading it element by element; anything else in it (a note, a mark, a hand edit, attributes in
another order) sends it the element-by-element way, which gives the same tokens.

The edition is first checked against the profile (validate.check): a hand edit that breaks it
is an InputError naming the file, the line and what to fix.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import fields
from operator import attrgetter

from lxml import etree

from ..chars import is_han
from ..errors import InputError
from ..languages import is_language_tag
from ..model import (PROFILE_KEYS, Alignment, Block, Container, Document, GlossaryEntry, Link, Mark, Section, Sentence,
                     Settings, Span, Token)
from .common import order_by_first_use

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SOURCE_LINE = re.compile(r"^Converted from the plain text file (.*) \((\d+) characters(?:, ([^,()]+))?\)\.$", re.S)
OPTION = re.compile(r"([a-z -]+)=([^;]*?)(?: \([^)]*\))?(?:;|\.$)")
LEVEL = re.compile(r"^(?:HSK (\d)(?:–9)?|outside HSK)$")
COUNT = re.compile(r": (\d+) \(")
NAME_KINDS = ("person", "place", "organisation", "name")
STRUCTURAL = ("p", "list", "quote", "table")


RUBY, RB, RT, CHOICE, ORIG, REG = (f"{TEI}{name}" for name in ("ruby", "rb", "rt", "choice", "orig", "reg"))


def parse(data: bytes):
    """TEI bytes → lxml's tree (its root). lxml leaves the interpreter to other threads meanwhile."""
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


def read(data: bytes, source: str, checked: bool = True, root=None) -> Document:
    """TEI bytes → Document; `source` names the file in messages. `checked=False` skips the
    check against the profile, for a caller that runs it meanwhile (the editor: it takes most
    of the time on a book) and reads again, checked, where reading unchecked fails. `root`:
    `parse(data)`, where the caller has it already."""
    from ..validate import check

    problems = check(data) if checked else []
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more: run annotate validate {source})" if len(problems) > 1 else ""
        raise InputError(f"{source}:{first.line or 0}: {first.message}{more}")
    with collector_paused():
        return _Reader(source).document(parse(data) if root is None else root)


@contextmanager
def collector_paused():
    """Python's cycle collector paused while a book becomes a million tokens (none of them
    garbage: it would walk them again and again, a quarter of the time of reading a book)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.inline_notes: list[tuple[str, str, int]] = []  # (entry id, note text, line)
        self.made: dict[str, Token] = {}
        """The token of each child read from its serialization (canonical), by that serialization."""

    def fail(self, element, message: str):
        line = element.sourceline if element is not None else 0
        raise InputError(f"{self.source}:{line}: {message}")

    def document(self, root) -> Document:
        header = root.find(f"{TEI}teiHeader")
        application = header.find(f".//{TEI}application[@ident='zh-annotate']")
        if application is None:
            self.fail(header, "not an edition made by zh-annotate (no <application ident=\"zh-annotate\"> in the "
                              "header): render reads the TEI this tool writes")
        options_p = next((p for p in application.iterfind(f"{TEI}p") if (p.text or "").startswith("Options: ")), None)
        if options_p is None:
            self.fail(application.find(f"{TEI}p") if application.find(f"{TEI}p") is not None else application, "the header's options line (<p>Options: …</p>) is missing: it says how the "
                                   "edition was made; restore it from the original")
        options = dict((k.strip(), v.strip()) for k, v in OPTION.findall(options_p.text[len("Options: "):]))
        settings = self.settings(options, options_p)
        script = "Hant" if root.get(XML_LANG) == "zh-Hant" else "Hans"
        self.hant = script == "Hant"  # a word's other form is its simplified one
        source_p = header.find(f"{TEI}fileDesc/{TEI}sourceDesc/{TEI}p")
        match = SOURCE_LINE.match(source_p.text or "") if source_p is not None else None
        if match is None:
            self.fail(source_p if source_p is not None else header,
                      "the source line (<p>Converted from the plain text file …</p>) was changed; restore it")
        title = header.find(f"{TEI}fileDesc/{TEI}titleStmt/{TEI}title")
        encoding = options.get("source encoding")
        document = Document(
            source=match.group(1), characters=int(match.group(2)),
            title_text=title.text if title is not None else None,
            encoding=None if encoding in (None, "text") else encoding, script=script, settings=settings,
            replaced=int(options.get("replaced", "0") or 0),
        )
        text = root.find(f"{TEI}text")
        group = text.find(f"{TEI}group")
        translation = links = None
        if group is not None:  # a bilingual edition: the source's text, the translation's, the links
            texts = group.findall(f"{TEI}text")
            if len(texts) != 2:
                self.fail(group, "a bilingual edition's <group> holds two <text>s: the source's and the translation's")
            text, translation = texts
            links = group.find(f"{TEI}linkGrp")
        body = text.find(f"{TEI}body")
        self.numbers = 0
        for div in body.iterfind(f"{TEI}div"):
            if div.find(f"{TEI}gap") is not None and not len(div.findall(f"{TEI}p")):
                continue  # the empty source's placeholder
            section = Section(n=div.get("n"))
            for element in div:
                if element.tag == f"{TEI}head" and section.head is None and not section.blocks:
                    section.head = self.block(element, "head")
                elif isinstance(element.tag, str):
                    section.blocks += self.structure(element, ())
            document.sections.append(section)
        back = text.find(f"{TEI}back")
        if back is not None:
            self.glossary(back, document)
            self.profile(back, document)
        self.reconcile_notes(document)
        if translation is not None:
            lines = [p.text or "" for p in application.iterfind(f"{TEI}p")]
            document.alignment = self.alignment(translation, links, lines, document)
        order_by_first_use(document)
        return document

    def settings(self, options: dict, element) -> Settings:
        def value(key, default=None):
            found = options.get(key, default)
            return None if found == "none" else found

        try:
            level = value("level")
            return Settings(
                reading=options["reading"], variant=options["variant"], notes=options.get("notes", "first"),
                tone_sandhi=options.get("tone-sandhi") == "yes", capitalize_names=options.get("capitalize-names") == "yes",
                dictionary=value("dictionary"), level=int(level) if level else None,
                hsk_standard=options.get("hsk-standard", "2025"), vocab_order=options.get("vocabulary-order", "first"),
            )
        except (KeyError, ValueError) as error:
            self.fail(element, f"the options line lacks or garbles {error}: restore it from the original")

    def structure(self, element, containers: tuple) -> list[Block]:
        """The blocks of one child of a division: a paragraph, or a list, quotation or table
        with the blocks inside it (each knowing its containers, outermost first)."""
        tag = etree.QName(element).localname
        if tag == "p":
            code = element.find(f"{TEI}code")
            if element.get("rend") == "pre" and code is not None and len(element) == 1:
                text = code.text or ""
                tokens = [Token(text, "verbatim")] if text else []
                return [Block("code", text, element.sourceline or 0, containers=containers, info=code.get("lang"),
                              tokens=tokens)]
            rend = element.get("rend") or ""
            if rend[:1] == "h" and rend[1:].isdigit():
                return [self.block(element, "head", containers, level=int(rend[1:]))]
            return [self.block(element, "p", containers)]
        if tag == "head" and containers:
            return [self.block(element, "caption" if containers[-1].kind == "figure" else "head", containers)]
        kinds = {"list": "list", "item": "item", "quote": "quote", "table": "table", "row": "row", "figure": "figure"}
        if tag == "cell":
            block = self.block(element, "cell", containers)
            block.header = element.get("role") == "label"
            return [block]
        if tag not in kinds:
            self.fail(element, f"<{tag}> inside a division: the text is in <head>, <p>, <list>, <quote> and <table>")
        self.numbers += 1
        start = element.get("n")
        container = Container(kinds[tag], self.numbers, tag == "list" and element.get("rend") == "numbered",
                              int(start) if tag == "list" and start and start.isdigit() else None)
        inner = (*containers, container)
        blocks: list[Block] = []
        if tag == "item" and (element.text and element.text.strip() or any(
                etree.QName(c).localname not in STRUCTURAL for c in element if isinstance(c.tag, str))):
            blocks.append(self.block(element, "p", inner, tight=True, skip=STRUCTURAL))  # the item's own text
        for child in element:
            if isinstance(child.tag, str) and (tag != "item" or etree.QName(child).localname in STRUCTURAL):
                blocks += self.structure(child, inner)
        return blocks

    def block(self, element, kind: str, containers: tuple = (), level: int = 0, tight: bool = False,
              skip: tuple = ()) -> Block:
        """`skip`: children that are blocks of their own (an item's nested list), left out here."""
        self.marks: list[Mark] = []
        tokens: list[Token] = []
        spans: list[list] = []  # [id, first token, end token] in this list's indices
        if len(element) and element[0].tag != f"{TEI}s" and self.canonical(element, tokens):
            children = ()  # a monolingual edition's paragraph, read whole
        else:
            children = element
            if element.text:
                tokens.append(Token(element.text, "text"))
        for child in children:
            if isinstance(child.tag, str) and etree.QName(child).localname in skip:
                if tokens and tokens[-1].kind == "text" and not tokens[-1].text.strip():
                    tokens.pop()  # the indentation before a nested list
                continue
            if isinstance(child.tag, str) and child.tag == f"{TEI}s":
                start = len(tokens)
                self.words(child, tokens)
                spans.append([child.get(XML_ID) or "", start, len(tokens)])
                if child.tail:
                    tokens.append(Token(child.tail, "text"))
                continue
            self.one(child, element, tokens)
            if child.tail:
                tokens.append(Token(child.tail, "text"))
        sentences = self.spans(spans, tokens, element)
        kept = [t for t in tokens if t.text]
        if len(kept) != len(tokens):
            sentences = _reindex(sentences, tokens, kept)
        rend = element.get("rend") or ""
        if kind == "head" and not level and rend[:1] == "h" and rend[1:].isdigit():
            level = int(rend[1:])
        marks = tuple(sorted(self.marks, key=lambda m: (m.start, m.start == m.end, -m.end)))
        return Block(kind, "".join(t.text for t in kept), element.sourceline or 0, tokens=kept, sentences=sentences,
                     level=level, containers=containers, tight=tight, marks=marks)

    def words(self, element, tokens: list[Token]) -> None:
        """The tokens of an <s>: its words and text."""
        if self.canonical(element, tokens):
            return
        if element.text:
            tokens.append(Token(element.text, "text"))
        for child in element:
            self.one(child, element, tokens)
            if child.tail:
                tokens.append(Token(child.tail, "text"))

    def spans(self, spans: list[list], tokens: list[Token], element) -> list[Span]:
        """The block's sentences; tokens outside every <s> (text an editor typed between
        sentences) join the sentence after them (after the last one: the last)."""
        if not spans:
            return []
        for k, span in enumerate(spans):
            if not span[0]:
                self.fail(element, "an <s> without its xml:id: the links of the alignment point to it")
            span[1] = 0 if k == 0 else spans[k - 1][2]
        spans[-1][2] = len(tokens)
        return [Span(i, a, b) for i, a, b in spans]

    def one(self, child, element, tokens: list[Token]) -> None:
        """One child of a <p>, <head> or <s>: a word, punctuation, a note, or inline markup
        (emphasis, a link, code, a picture, a line break), which becomes a mark."""
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == f"{TEI}term" or (tag == f"{TEI}seg" and child.get("type") != "verbatim"):  # most children: a word
            tokens.append(self.word(child))
            return
        if tag == f"{TEI}pc":
            tokens.append(Token(child.text or "", "punct", (None,) * len(child.text or "")))
            return
        position = sum(len(t.text) for t in tokens)  # where a mark goes: only for the few that are not words
        if tag in (f"{TEI}hi", f"{TEI}ref"):
            self.words(child, tokens)
            end = sum(len(t.text) for t in tokens)
            if tag == f"{TEI}ref":
                self.marks.append(Mark("link", position, end, child.get("target")))
            else:
                kind = {"italic": "em", "bold": "strong", "strikethrough": "del"}.get(child.get("rend") or "", "em")
                self.marks.append(Mark(kind, position, end))
        elif tag == f"{TEI}code" or (tag == f"{TEI}seg" and child.get("type") == "verbatim"):
            text = child.text or ""
            if text:
                tokens.append(Token(text, "verbatim"))
            if tag == f"{TEI}code":
                self.marks.append(Mark("code", position, position + len(text)))
        elif tag == f"{TEI}lb":
            self.marks.append(Mark("break", position, position))
        elif tag == f"{TEI}figure":
            graphic, description = child.find(f"{TEI}graphic"), child.find(f"{TEI}figDesc")
            self.marks.append(Mark("image", position, position, graphic.get("url") if graphic is not None else None,
                                   "".join(description.itertext()) if description is not None else None))
        elif tag == f"{TEI}note":
            owner = next((t for t in reversed(tokens) if t.note_ids), None)
            if owner is None:
                self.fail(child, "a <note> that follows no glossary term: a note shows after the <term> it "
                                 "explains; move it there or delete it")
            owner.note_here = True
            self.inline_notes.append((owner.note_ids[0], "".join(child.itertext()), child.sourceline))
        elif tag:
            self.fail(child, f"<{etree.QName(child).localname}> inside <{etree.QName(element).localname}>: "
                             "words are <seg type=\"word\">, <term> or <pc>; other text may be typed plainly")

    def canonical(self, sentence, tokens: list[Token]) -> bool:
        """The tokens of an <s>, or of a paragraph without sentences, as the writer makes it
        (words of rubies, punctuation, plain text), read from its serialization in one pass,
        added to `tokens`; False, adding nothing, where there is anything else in it (a note,
        a mark, a hand edit). Each child is read once per edition (a book says the same words
        again and again): every other occurrence is a copy of its token."""
        markup = etree.tostring(sentence, encoding="unicode", with_tail=False)
        start, end = markup.find(">") + 1, markup.rfind("</")
        if start == 0 or end < start:
            return False  # an empty <s/>
        pieces = _PIECE.findall(markup, start, end)
        if sum(map(len, pieces)) != end - start:
            return False  # something between them that is not a child as the writer makes it
        made = self.made
        for piece in pieces:
            token = made.get(piece)
            if token is None:
                token = made[piece] = self.piece(piece)
            tokens.append(Token(*_copy(token)))
        return True

    def piece(self, piece: str) -> Token:
        """The token of one child of a sentence that `_PIECE` matched."""
        word_ana, word_rubies, ref, term_ana, term_rubies, plain_ana, plain_word, punct, text = \
            _CHILD.fullmatch(piece).groups()
        if punct is not None:
            return Token(punct, "punct", (None,) * len(punct))
        if text is not None:
            return Token(text, "text")
        if plain_word is not None:
            chars = list(plain_word)
            return self.token(chars, [None] * len(chars), chars, [None] * len(chars), None, plain_ana, None)
        rubies = word_rubies if word_rubies is not None else term_rubies
        return self.token(*_rubies(rubies), word_ana if ref is None else term_ana, ref)

    def word(self, element) -> Token:
        ref = element.get("ref") if element.tag == f"{TEI}term" else None
        return self.token(*self.rubies(element), element.get("ana"), ref)

    def token(self, text: Sequence, readings: Sequence, others: Sequence, said: Sequence, said_type: str | None,
              ana: str | None, ref: str | None) -> Token:
        """A word's token from its characters, readings, other-script forms, other tones of 一
        and 不 (and which those are), its @ana and, for a <term>, its @ref."""
        word = "".join(text)
        other = "".join(others)
        han = any(r is not None for r in readings) or any(is_han(c) for c in word)
        token = Token(word, "han" if han else "latin", tuple(readings) if han else (None,) * len(word))
        if han:
            token.sources = (("edition",) * len(readings) if None not in readings
                             else tuple(None if r is None else "edition" for r in readings))
            if ana:
                kinds = [a.lstrip("#") for a in ana.split()]
                token.name = next((a for a in kinds if a in NAME_KINDS), None)
                token.level = next((int(a[3:]) for a in kinds if a.startswith("hsk") and a[3:].isdigit()), None)
                token.known = "known" in kinds
            if other != word:
                if self.hant:
                    token.simplified = other
                else:
                    token.traditional = other
            if said_type is not None:
                shown = token.readings
                heard = tuple(s if s is not None else r for s, r in zip(said, shown))
                token.written, token.spoken = (heard, shown) if said_type == "written" else (shown, heard)
        if ref is not None:
            token.note_ids = tuple(r.lstrip("#") for r in ref.split())
        return token

    def rubies(self, element) -> tuple[list, list, list, list, str | None]:
        """A word's characters, readings, other-script forms, other tones of 一 and 不, and
        which those are (spoken or written), read element by element: any word the profile allows."""
        text, readings, others, said = [], [], [], []
        said_type = None

        def plain(string: str | None):
            for char in string or "":
                text.append(char)
                readings.append(None)
                others.append(char)
                said.append(None)

        plain(element.text)
        for child in element:
            localname = "ruby" if child.tag == RUBY else etree.QName(child).localname
            if localname == "ruby":  # most of a book: read by hand, not by path, for speed
                rb = main = second = None
                for part in child:
                    if part.tag == RB:
                        rb = part
                    elif part.tag == RT:
                        subtype = part.get("subtype")
                        if subtype is None:
                            main = part if main is None else main
                        elif subtype in ("spoken", "written") and second is None:
                            second = part
                if main is None:
                    main = child.find(RT)
                choice = rb[0] if len(rb) else None
                if choice is not None and choice.tag == CHOICE:
                    orig, reg = choice.find(ORIG), choice.find(REG)
                else:
                    orig, reg = rb.find(f".//{TEI}orig"), rb.find(f".//{TEI}reg")
                char = orig.text if orig is not None else rb.text
                text.append(char)
                readings.append((main.text or "").strip())
                others.append(reg.text if reg is not None else char)
                said.append((second.text or "").strip() if second is not None else None)
                if second is not None:
                    said_type = second.get("subtype")
            elif localname == "choice":  # a character without its reading (an older edition's known word)
                orig, reg = child.find(f"{TEI}orig"), child.find(f"{TEI}reg")
                text.append(orig.text or "")
                readings.append(None)
                others.append(reg.text if reg is not None else orig.text or "")
                said.append(None)
            else:
                self.fail(child, f"<{localname}> inside a word: a word holds <ruby> per Han character and plain "
                                 "text for anything else")
            plain(child.tail)
        return text, readings, others, said, said_type

    def glossary(self, back, document: Document) -> None:
        from ..errors import GlossaryError
        from ..syllables import parse_pinyin

        listing = back.find(f"{TEI}div[@type='glossary']/{TEI}list")
        if listing is None:
            return
        children = list(listing)
        for label, item in zip(children[::2], children[1::2]):
            if etree.QName(label).localname != "label" or etree.QName(item).localname != "item":
                self.fail(label, "the glossary list pairs a <label> (the term) with an <item> (its gloss)")
            term = label.find(f"{TEI}term[@{XML_ID}]")
            if term is None:
                self.fail(label, "a glossary <label> without its <term xml:id>: the id is what <term ref> points to")
            traditional = label.find(f"{TEI}term[@{XML_LANG}='zh-Hant']")
            written = label.find(f"{TEI}term[@{XML_LANG}='zh-Latn-pinyin']")
            gloss = item.find(f"{TEI}gloss")
            if gloss is None or not "".join(gloss.itertext()).strip():
                self.fail(item, f"glossary entry {term.get(XML_ID)} has no <gloss>: give it one")
            plain_note = next((n for n in item.iterfind(f"{TEI}note") if n.get("type") is None), None)
            level = item.find(f"{TEI}note[@type='level']")
            origin = "cedict" if item.find(f"{TEI}note[@type='source']") is not None else "glossary"
            example = item.find(f"{TEI}cit/{TEI}quote")
            term_text = term.text or ""
            written_text = written.text if written is not None else None
            pinyin = None
            if written_text:
                try:
                    pinyin = parse_pinyin(written_text, term_text, f"{self.source}:{written.sourceline}")
                except GlossaryError:
                    pinyin = None  # the written spelling stays as it is; readings come from each occurrence
            level_value = None
            if level is not None:
                found = LEVEL.match((level.text or "").strip())
                if found is None:
                    self.fail(level, f"level {level.text!r}: write HSK 1 … HSK 6, HSK 7–9 or outside HSK")
                level_value = int(found.group(1)) if found.group(1) else None
            try:
                entry = GlossaryEntry(
                    id=term.get(XML_ID), term=term_text, gloss="".join(gloss.itertext()), pinyin=pinyin,
                    written_pinyin=written_text, traditional=traditional.text if traditional is not None else None,
                    note="".join(plain_note.itertext()) if plain_note is not None else None,
                    source=f"{self.source}:{term.sourceline}", origin=origin, level=level_value,
                    example="".join(example.itertext()) if example is not None else None,
                )
            except ValueError as error:
                self.fail(term, str(error))
            document.glossary[entry.id] = entry

    def profile(self, back, document: Document) -> None:
        listing = back.find(f"{TEI}div[@type='profile']/{TEI}list")
        if listing is None:
            return
        for item in listing.iterfind(f"{TEI}item"):
            key, found = item.get("n"), COUNT.search(item.text or "")
            if key not in PROFILE_KEYS or found is None:
                self.fail(item, "a profile item reads `HSK 3: 12 (3.4%)` with n=\"3\"; restore it")
            count = int(found.group(1))
            if count:
                document.profile[key] = count

    def alignment(self, translation, links, lines: list[str], document: Document) -> Alignment:
        """The source's sentences (the blocks' spans), the translation's (paragraph by paragraph),
        and the beads: the links, and a one-sided bead for each sentence no link names, in order."""
        facts = {k.strip(): v.strip() for k, v in OPTION.findall(next(
            (line[len("Translation: "):] for line in lines if line.startswith("Translation: ")), ""))}
        method = next((line[len("Alignment: "):] for line in lines if line.startswith("Alignment: ")), "")
        source = [Sentence(span.id, "".join(t.text for t in block.tokens[span.start:span.end]), number)
                  for number, block in enumerate(document.blocks()) for span in block.sentences]
        target: list[Sentence] = []
        for number, paragraph in enumerate(translation.iter(f"{TEI}p")):
            lead = paragraph.text or ""
            for element in paragraph.iterfind(f"{TEI}s"):
                if not element.get(XML_ID):
                    self.fail(element, "an <s> without its xml:id: the links of the alignment point to it")
                target.append(Sentence(element.get(XML_ID), lead + "".join(element.itertext()) + (element.tail or ""),
                                       number))
                lead = ""
        order = {s.id: k for k, s in enumerate(source)}
        target_order = {t.id: k for k, t in enumerate(target)}
        beads: list[Link] = []
        for link in links.iterfind(f"{TEI}link") if links is not None else ():
            ids, confidence = self.pointing(link, 1.0)
            src = tuple(i for i in ids if i.startswith("s"))
            tgt = tuple(i for i in ids if i.startswith("t"))
            for i, known, side in [(i, order, "source") for i in src] + [(i, target_order, "translation") for i in tgt]:
                if i not in known:
                    self.fail(link, f"the link names {i!r}, which is no sentence of the {side}")
            beads.append(Link(src, tgt, confidence, link.get("type") == "fixed"))
        one_sided: dict[str, tuple[float, bool, int]] = {}
        for position, pointer in enumerate(links.iterfind(f"{TEI}ptr") if links is not None else ()):
            ids, confidence = self.pointing(pointer, 0.0)
            for i in ids:
                if i not in order and i not in target_order:
                    self.fail(pointer, f"the pointer names {i!r}, which is no sentence of the source or the translation")
                one_sided[i] = (confidence, pointer.get("subtype") == "fixed", position)
        name = facts.get("file", "")
        language = translation.get(XML_LANG) or facts.get("language", "en")
        if not is_language_tag(language):
            self.fail(translation, f"xml:lang {language[:40]!r} is not a language tag (BCP 47: en, de, en-GB)")
        return Alignment(language, source, target,
                         _with_one_sided(beads, source, target, order, target_order, one_sided),
                         name="" if name == "none" else name, method=method,
                         source_language="zh-Hant" if document.script == "Hant" else "zh-Hans")

    def pointing(self, element, default: float) -> tuple[list[str], float]:
        """A <link>'s or <ptr>'s targets (ids without the #) and its @cert (`default` without one)."""
        cert = element.get("cert")
        try:
            confidence = float(cert) if cert is not None else default
        except ValueError:
            self.fail(element, f"@cert {cert!r}: write the confidence as a number from 0 to 1")
        return [t.lstrip("#") for t in (element.get("target") or "").split()], confidence

    def reconcile_notes(self, document: Document) -> None:
        """A note in the body repeats its entry of the glossary list, which is what counts (an
        entry is edited there, once for all its notes): a note that differs from its entry is
        written anew from it, and the difference is a notice for the editor."""
        for entry_id, text, line in self.inline_notes:
            entry = document.glossary.get(entry_id)
            if entry is None:
                continue  # validate.check has already said the ref points nowhere
            if text != entry.gloss + (f" — {entry.note}" if entry.note else ""):
                where = entry.source.rsplit(":", 1)[-1]
                document.notices.append(f"{self.source}:{line}: this note differs from the entry {entry_id} in the "
                                        f"glossary list (line {where}), which is what counts: edit the entry there")


# A ruby as the writer makes it (ruby_markup), serialized: the character, or <choice> of it and
# its other form; its reading; the other tone of 一 or 不. A word made of these alone is read from
# its serialization in one pass (most of a book); any other word, element by element.
_RUBY = re.compile(
    r'<ruby><rb>(?:([^<&\s])|<choice><orig>([^<&\s])</orig>'
    r'<reg type="(?:traditional|simplified)" xml:lang="zh-Han[st]">([^<&]+)</reg></choice>)</rb>'
    r'<rt type="[a-z-]+" xml:lang="[A-Za-z-]+">([^<&\s]*)</rt>'
    r'(?:<rt type="[a-z-]+" subtype="(spoken|written)" xml:lang="[A-Za-z-]+">([^<&\s]*)</rt>)?</ruby>')


def _ungrouped(pattern: str) -> str:
    """`pattern` with its groups made non-capturing."""
    return re.sub(r"\((?!\?)", "(?:", pattern)


_RUBIES = "(?:" + _ungrouped(_RUBY.pattern) + ")+"
# A child of an <s> as the writer makes it: a word of rubies (its @ana), a term of rubies (its
# @ref and @ana), a word without rubies (Latin letters, digits), punctuation, or plain text.
_CHILD = re.compile(
    f'<seg type="word"(?: ana="([^"<&]*)")?>({_RUBIES})</seg>'
    f'|<term ref="([^"<&]*)"(?: ana="([^"<&]*)")?>({_RUBIES})</term>'
    r'|<seg type="word"(?: ana="([^"<&]*)")?>([^<&]+)</seg>'
    r'|<pc>([^<&]+)</pc>'
    r'|([^<&]+)')
_PIECE = re.compile(_ungrouped(_CHILD.pattern))
"""_CHILD without its groups: findall gives each child's serialization."""


_copy = attrgetter(*(f.name for f in fields(Token) if f.init))
"""A token's fields, for a copy of it (its tuples are shared: they are never changed in place)."""


def _rubies(markup: str) -> tuple:
    """`_Reader.rubies` of the serialization of rubies that _RUBIES matched whole."""
    chars, origs, regs, readings, subtypes, seconds = zip(*_RUBY.findall(markup))
    if "" in chars:  # characters given with their other form, in <choice>
        chars = tuple(char or orig for char, orig in zip(chars, origs))
        others = tuple(reg or char for reg, char in zip(regs, chars))
    else:
        others = chars
    if 'subtype="' not in markup:
        return chars, readings, others, (None,) * len(chars), None
    said_type = [subtype for subtype in subtypes if subtype][-1]
    return chars, readings, others, tuple(second if subtype else None for subtype, second in zip(subtypes, seconds)), \
        said_type


def _reindex(spans: list[Span], before: list[Token], after: list[Token]) -> list[Span]:
    """Spans over `before` → the same spans over `after` (the same tokens, empty ones dropped)."""
    position = {id(t): k for k, t in enumerate(after)}
    new_index, k = [], 0
    for token in before:
        new_index.append(k)
        if id(token) in position:
            k += 1
    new_index.append(k)
    return [Span(s.id, new_index[s.start], new_index[s.end]) for s in spans]


def _with_one_sided(links: list[Link], source: list[Sentence], target: list[Sentence], order: dict,
                    target_order: dict, pointers: dict[str, tuple[float, bool, int]]) -> list[Link]:
    """The links in order, with a one-sided bead for every sentence no link names: its confidence
    and whether it is fixed from its `<ptr>`, where there is one; between two links, the source's
    and the translation's in the order of their pointers (the source's first where there are none)."""
    linked_source = {i for link in links for i in link.source}
    linked_target = {i for link in links for i in link.target}
    links = sorted(links, key=lambda link: (order[link.source[0]], target_order[link.target[0]]))
    full: list[Link] = []
    i = j = 0
    for link in links + [None]:
        stop_i = order[link.source[0]] if link else len(source)
        stop_j = target_order[link.target[0]] if link else len(target)
        lone_source = [(pointers.get(source[k].id, (0.0, False, -1)), Link((source[k].id,), (), 0.0))
                       for k in range(i, stop_i) if source[k].id not in linked_source]
        lone_target = [(pointers.get(target[k].id, (0.0, False, len(pointers))), Link((), (target[k].id,), 0.0))
                       for k in range(j, stop_j) if target[k].id not in linked_target]
        full += _merged(lone_source, lone_target)
        i, j = max(i, stop_i), max(j, stop_j)
        if link is None:
            break
        full.append(link)
        i = max(i, order[link.source[-1]] + 1)
        j = max(j, target_order[link.target[-1]] + 1)
    return full


def _merged(lone_source: list, lone_target: list) -> list[Link]:
    """Two sides' one-sided beads, each side in its order, merged by their pointers' positions."""
    merged: list[Link] = []
    a = b = 0
    while a < len(lone_source) or b < len(lone_target):
        take_source = b == len(lone_target) or (a < len(lone_source) and lone_source[a][0][2] <= lone_target[b][0][2])
        (confidence, fixed, _), bead = lone_source[a] if take_source else lone_target[b]
        merged.append(Link(bead.source, bead.target, confidence, fixed))
        a, b = (a + 1, b) if take_source else (a, b + 1)
    return merged
