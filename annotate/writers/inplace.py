"""Annotated blocks put back into the page they were read from (readers.page).

Each text node a block took (its `run` marks) is replaced by the markup of the block's tokens
in it: ruby over every Han character (the same ruby as the project's own pages), a glossary
term in a `<span class="zha-term">`, and where a term's note shows, a note reference. Nothing
else of the page changes: head, attributes, ids, classes, comments, scripts, styles, forms.

Notes are footnotes: in an e-book `<a epub:type="noteref">` to an `<aside epub:type="footnote">`
at the end of the chapter, which e-readers open as pop-ups; in a web page, a link to a list of
notes at the end of the body. The page gets the stylesheet (inline, or linked) and, unless
turned off, the bar of switches (pinyin, tone colours, traditional characters).

The markup of a text node is made as a string (every piece escaped, as the other writers do) and
the node is given a placeholder; the page is serialised once and the placeholders replaced.
"""
from __future__ import annotations

import re
import secrets

from lxml import etree

from ..errors import InvariantError
from ..model import Block, Document
from .common import escape_attribute, escape_text
from .html import READING_LANG, asset, rubies

EPUB_NS = "http://www.idpf.org/2007/ops"
XHTML = "http://www.w3.org/1999/xhtml"
PLACEHOLDER = "\ue000zha{}-{}\ue001"
"""Where a piece of markup goes, until the page is serialised: private-use marks around a
number and a nonce drawn for each page after the page was read, so no text of the input (which
may hold U+E000 and anything else) can be taken for a placeholder."""


class Annotations:
    """The markup of annotated words over a text the tool does not lay out itself (a web page or
    a book's chapter, annotated in place; a book made from text): ruby, a term, and where its
    note shows, a numbered reference to the note; and the notes themselves.

    Needs `document`, `hant`, `rt_lang`, `book` (EPUB footnotes, in XML; one script), `noted`
    (entry id → its number here) and, in a book, `convert` (write the traditional forms)."""

    convert = False

    def word(self, token, may_refer: bool = True) -> str:
        """One token; `may_refer`: the place may hold a link (not inside a link, button or label)."""
        if token.kind != "han":
            return escape_text(token.text)
        if self.book:  # one script, nothing hidden: the source's own, or the traditional forms asked for
            text = (token.traditional or token.text) if self.convert else token.text
            ruby = rubies(text, token.readings, None, self.hant, self.rt_lang, token.known)
        else:
            ruby = rubies(token.text, token.readings, token.traditional or token.simplified, self.hant, self.rt_lang,
                          token.known)
        if not token.note_ids:
            return ruby
        entry_id = token.note_ids[0]
        markup = f'<span class="zha-term">{ruby}</span>'
        if token.note_here and entry_id in self.document.glossary and may_refer:
            number = self.noted.setdefault(entry_id, str(len(self.noted) + 1))
            kind = ' epub:type="noteref" role="doc-noteref"' if self.book else ""
            markup += (f'<a class="zha-noteref" href="#zha-fn-{entry_id}"{kind}>'
                       f'<sup>{number}</sup></a>')
        return markup

    def footnotes(self) -> str:
        """The notes referred to here, as EPUB 3 footnotes."""
        glossary = self.document.glossary
        return "".join(
            f'<aside epub:type="footnote" role="doc-footnote" id="zha-fn-{entry_id}" class="zha-footnote" '
            f'lang="en" xml:lang="en"><p>{self.note(glossary[entry_id])}</p></aside>'
            for entry_id in self.noted)

    def note(self, entry) -> str:
        """A note's text: the term, its pinyin, its gloss and the entry's note."""
        both = ' xml:lang="{}"' if self.book else ""  # an XML document says a language twice
        pinyin = (f' <i lang="zh-Latn-pinyin"{both.format("zh-Latn-pinyin")}>{escape_text(entry.written_pinyin)}</i>'
                  if entry.written_pinyin else "")
        note = f" — {escape_text(entry.note)}" if entry.note else ""
        term, lang = (entry.traditional, "zh-Hant") if self.convert and entry.traditional else (entry.term, "zh-Hans")
        return (f'<b lang="{lang}"{both.format(lang)}>{escape_text(term)}</b>{pinyin}: '
                f"{escape_text(entry.gloss)}{note}")


class InPlace(Annotations):
    """Writes one page's annotated blocks back into it; `finish()` gives the page's bytes."""

    def __init__(self, document: Document, page, *, book: bool = False, controls: bool = True,
                 stylesheet: str | None = None, doctype: str | None = None) -> None:
        """`book`: an e-book chapter (EPUB footnotes, no switches); `stylesheet`: the href to link
        the CSS from (None: inline, in a `<style>`; for a chapter, always linked)."""
        self.document, self.page, self.book = document, page, book
        self.controls = controls and not book
        self.stylesheet = stylesheet
        self.doctype = doctype
        """A doctype to write instead of the page's own (an EPUB 2 chapter in an EPUB 3 book)."""
        self.hant = document.script == "Hant"
        self.rt_lang = READING_LANG[document.settings.reading]
        self.pieces: list[str] = []
        self.nonce = secrets.token_hex(8)
        self.noted: dict[str, str] = {}  # entry id → its note's number in this page

    def put(self, index: int, block: Block) -> None:
        """Block `index` of the page, annotated: its tokens go back into the text nodes it took."""
        runs = self.page.runs[index]
        bounds = [m.end for m in block.marks if m.kind == "run"]
        markup: list[list[str]] = [[] for _ in runs]
        run, position = 0, 0
        for token in block.tokens:
            while run < len(bounds) - 1 and position >= bounds[run]:
                run += 1
            markup[run].append(self.word(token, not _in_link(runs[run])))
            position += len(token.text)
        for taken, parts in zip(runs, markup):
            self.pieces.append("".join(parts))
            placeholder = PLACEHOLDER.format(self.nonce, len(self.pieces) - 1)
            if taken.tail:
                taken.element.tail = placeholder
            else:
                taken.element.text = placeholder

    def finish(self) -> bytes:
        """The page with its annotations, styles, switches and notes, serialised."""
        root = self.page.tree.getroot()
        head = _child(root, "head")
        body = _child(root, "body")
        if head is None:  # a page without a head (a bare fragment saved as .html): the style needs one
            head = etree.Element(_tag(root, "head"))
            root.insert(0, head)
            etree.SubElement(head, _tag(root, "title")).text = self.document.title
        if not self.page.xml and not any(_local(m) == "meta" and (m.get("charset") or (m.get("http-equiv") or "").lower()
                                                                 == "content-type") for m in head):
            head.insert(0, etree.Element("meta", charset="utf-8"))  # the page is written in UTF-8: it says so
        self._insert(head, self._style())
        if body is not None and self.controls:
            self._insert(body, self._controls(), first=True)
        if body is not None and self.noted:
            self._insert(body, self._notes())
        if self.page.xml:
            text = etree.tostring(self.page.tree, encoding="unicode", doctype=self.doctype)
            declaration = "<?xml version='1.0' encoding='utf-8'?>\n"
            if self.book and "xmlns:epub=" not in text[:text.find(">", text.find("<html")) + 1]:
                text = re.sub(r"<html\b", f'<html xmlns:epub="{EPUB_NS}"', text, count=1)
            text = declaration + text
        else:
            doctype = self.page.tree.docinfo.doctype if self.page.doctype else ""  # libxml2 would add HTML 4's
            text = etree.tostring(self.page.tree, encoding="unicode", method="html", doctype=doctype)
            if not doctype:
                text = text.lstrip("\n")
            text = _utf8_meta(text)
        found = re.compile(re.escape(PLACEHOLDER.format(self.nonce, "@")).replace("@", "([0-9]+)"))
        text, count = found.subn(lambda m: self.pieces[int(m.group(1))], text)
        if count != len(self.pieces):
            raise InvariantError(f"{self.document.source}: {count} of {len(self.pieces)} annotated runs found in the "
                                 "serialised page")
        return text.encode("utf-8")

    def _insert(self, parent, markup: str, first: bool = False) -> None:
        """Raw markup as the first or last thing in `parent`: a placeholder there, replaced when written."""
        self.pieces.append(markup)
        holder = PLACEHOLDER.format(self.nonce, len(self.pieces) - 1)
        if first:
            parent.text = holder + (parent.text or "")
        elif len(parent):
            parent[-1].tail = (parent[-1].tail or "") + holder
        else:
            parent.text = (parent.text or "") + holder

    def _style(self) -> str:
        if self.stylesheet is not None:
            return f'<link rel="stylesheet" href="{escape_attribute(self.stylesheet)}"{" /" if self.page.xml else ""}>'
        return f"<style class=\"zha-style\">{asset(page_css(self.book))}</style>"

    def _controls(self) -> str:
        other = ("simplified", "Simplified characters") if self.hant else ("traditional", "Traditional characters")
        choices = [("pinyin", "Pinyin", True)]
        if self.document.settings.level is not None:
            choices.append(("level", f"Pinyin only above HSK {self.document.settings.level}", True))
        choices += [(*other, False), ("tones", "Tone colours", False)]
        checked, end = (' checked="checked"', "/>") if self.page.xml else (" checked", ">")  # XHTML is XML
        boxes = "".join(f'<label class="zha-control"><input type="checkbox" class="zha-opt-{name}"'
                        f'{checked if on else ""}{end} {label}</label>' for name, label, on in choices)
        return f'<div class="zha-controls" role="group" aria-label="Display options" lang="en">{boxes}</div>'

    def _notes(self) -> str:
        if self.book:
            return self.footnotes()
        items = "".join(f'<li id="zha-fn-{entry_id}">{self.note(self.document.glossary[entry_id])}</li>'
                        for entry_id in self.noted)
        return f'<section class="zha-notes" lang="en" aria-label="Notes"><h2>Notes</h2><ol>{items}</ol></section>'


def page_css(book: bool) -> str:
    return "zh-annotate-book.css" if book else "zh-annotate-page.css"


def _local(element) -> str:
    return element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""


def _child(root, name: str):
    return next((e for e in root if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1].lower() == name), None)


def _tag(parent, name: str) -> str:
    namespace = parent.tag[1:].split("}")[0] if parent.tag.startswith("{") else None
    return f"{{{namespace}}}{name}" if namespace else name


INTERACTIVE = {"a", "button", "label", "summary"}
"""Elements a note reference (a link) may not sit inside."""


def _in_link(run) -> bool:
    element = run.element.getparent() if run.tail else run.element
    while element is not None:
        if isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1].lower() in INTERACTIVE:
            return True
        element = element.getparent()
    return False


def _utf8_meta(text: str) -> str:
    """The page is written in UTF-8: its `<meta charset>` (or http-equiv) says so."""
    text = re.sub(r'(<meta\b[^>]*\bcharset\s*=\s*["\']?)[A-Za-z0-9_-]+', r"\g<1>utf-8", text, count=1,
                  flags=re.IGNORECASE)
    return text
