"""`--format epub` for a text or Markdown source: an EPUB 3 book made by ebooklib.

Each section is a chapter (its heading the chapter's title); a cover page with the title comes
first, a navigation document and an NCX list the chapters, and the vocabulary is the last
chapter. Ruby, terms and notes are marked up as in a book annotated in place (writers.inplace):
a note is an EPUB 3 footnote, which e-readers open as a pop-up. The structure (headings,
lists, quotations, tables, code, emphasis, links) is written as XHTML.
"""
from __future__ import annotations

import hashlib
import uuid

from ..model import Block, Document, Section
from .common import Sink, Structure, escape_attribute, escape_text, with_marks
from .epub import CSS_NAME, EPUB_NS, XHTML, vocabulary_entries
from .html import READING_LANG, asset, container_closing, container_opening, mark_closing, xhtml_mark_opening
from .inplace import Annotations


class BookSink(Annotations, Sink):
    """Collects chapters as the text streams in; `finish` writes the book."""

    def __init__(self, out, document: Document) -> None:
        super().__init__(out, document)
        self.chapters: list[tuple[str, list[str]]] = []  # (title, markup pieces)
        self.structure = Structure(container_opening, container_closing)
        self.hant = document.script == "Hant"
        self.rt_lang = READING_LANG[document.settings.reading]
        self.noted: dict[str, str] = {}
        self.book = True  # notes are EPUB footnotes
        self.convert = document.settings.book_variant and not self.hant  # the traditional forms asked for
        self.lang = "zh-Hant" if self.hant or self.convert else "zh-Hans"
        self.digest = hashlib.sha256()
        self.in_link: set[int] = set()

    def section(self, section: Section) -> None:
        self._close_chapter()
        head = section.head
        if head is not None and self.convert and head.tokens:
            title = "".join(t.traditional or t.text for t in head.tokens).strip() or None
        else:
            title = head.text.strip() if head is not None and head.text.strip() else None
        self.chapters.append((title or f"{len(self.chapters) + 1}", []))
        self.noted = {}

    def block(self, block: Block) -> None:
        if not self.chapters:
            self.chapters.append((self.document.title, []))
        parts = self.chapters[-1][1]
        self.digest.update(block.text.encode("utf-8"))
        if not block.continues:
            parts.append(self.structure.enter(block))
        opening, closing = _tags(block)
        if not block.continues:
            parts.append(opening)
        links = [(m.start, m.end) for m in block.marks if m.kind == "link"]
        self.in_link, position = set(), 0
        for token in block.tokens:  # a note reference (a link) may not sit inside a link
            if any(s <= position < e for s, e in links):
                self.in_link.add(id(token))
            position += len(token.text)
        parts += with_marks(block, 0, len(block.tokens), lambda token: self.word(token, id(token) not in self.in_link),
                            _mark_opening, mark_closing)
        if not block.continued:
            parts.append(closing)

    def _close_chapter(self) -> None:
        if not self.chapters:
            return
        parts = self.chapters[-1][1]
        parts.append(self.structure.enter(None))
        parts.append(self.footnotes())

    def finish(self) -> None:
        try:
            from ebooklib import epub
        except ImportError:
            from ..errors import InputError

            raise InputError(f"{self.document.source}: --format epub needs EbookLib: pip install 'zh-annotate[epub]'") \
                from None

        self._close_chapter()
        document = self.document
        book = epub.EpubBook()
        book.set_identifier(f"urn:uuid:{uuid.UUID(bytes=self.digest.digest()[:16])}")
        book.set_title(document.title)
        book.set_language(self.lang)
        book.add_metadata("DC", "contributor", "zh-annotate (pinyin, traditional forms and notes)")
        css = epub.EpubItem(uid="zha-css", file_name=f"style/{CSS_NAME}", media_type="text/css",
                            content=asset(CSS_NAME).encode("utf-8"))
        book.add_item(css)
        # Chapters are given as whole XHTML documents (EpubItem): EpubHtml would re-serialise
        # them pretty-printed, which puts spaces between the rubies of a heading.
        pages = [("cover", document.title, "cover.xhtml", self.lang,
                  f'<section epub:type="cover" class="zha-cover"><h1>{escape_text(document.title)}</h1>'
                  f'<p lang="en" xml:lang="en">A study edition with pinyin, made with zh-annotate.</p></section>')]
        for number, (title, parts) in enumerate(self.chapters, start=1):
            pages.append((f"chapter-{number:03d}", title, f"chapter-{number:03d}.xhtml", self.lang, "".join(parts)))
        if document.glossary:
            pages.append(("vocabulary", "Vocabulary", "vocabulary.xhtml", "en",
                          '<section epub:type="glossary" role="doc-glossary"><h1>Vocabulary</h1>'
                          f'<dl class="zha-vocab">{vocabulary_entries(document)}</dl></section>'))
        items = []
        for uid, title, name, lang, body in pages:
            content = (f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="{XHTML}" '
                       f'xmlns:epub="{EPUB_NS}" lang="{lang}" xml:lang="{lang}"><head><title>{escape_text(title)}'
                       f'</title><link rel="stylesheet" type="text/css" href="style/{CSS_NAME}"/></head>'
                       f"<body>{body}</body></html>\n")
            item = epub.EpubItem(uid=uid, file_name=name, media_type="application/xhtml+xml",
                                 content=content.encode("utf-8"))
            book.add_item(item)
            items.append((item, title))
        book.toc = [epub.Link(item.file_name, title, item.id) for item, title in items[1:]]
        book.add_item(epub.EpubNcx())
        book.add_item(epub.EpubNav())
        book.spine = [items[0][0], "nav", *(item for item, _ in items[1:])]
        epub.write_epub(self.out, book, {"epub3_pages": False})


def _mark_opening(mark) -> str:
    """As on a page, but a picture the book does not hold is its description."""
    if mark.kind == "image":
        return f'<span class="zha-img">[{escape_text(mark.text or "image")}]</span>'
    return xhtml_mark_opening(mark)


def _tags(block: Block) -> tuple[str, str]:
    kind = block.kind
    if kind == "head":
        level = min(max(block.level, 1), 6)
        return f"<h{level}>", f"</h{level}>"
    if kind == "p":
        return ("", "") if block.tight else ("<p>", "</p>")
    if kind == "code":
        language = f' class="language-{escape_attribute(block.info)}"' if block.info else ""
        return f"<pre><code{language}>", "</code></pre>"
    if kind == "cell":
        return ("<th>", "</th>") if block.header else ("<td>", "</td>")
    return "<figcaption>", "</figcaption>"
