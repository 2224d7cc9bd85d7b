"""Documents annotated where they are: a web page, and an EPUB book chapter by chapter.

Read (readers.page, readers.epub) → analyse (the same passes as any source) → write back
(writers.inplace, writers.epub). A page's blocks also stream to the other formats asked for
(TEI, JSON, the fragment), since they are the model every writer reads.
"""
from __future__ import annotations

from .errors import InputError
from .model import Block, Document

BOOK_CHUNK = 30_000
"""Characters of chapters annotated together: short chapters would give the context model small
batches (a chapter of 西游记 is 7,000 characters); memory still holds a few chapters, not the book."""

def _context(document: Document, glossary, script: str):
    from .pipeline import Context

    return Context(glossary, document.settings, script, profile=document.profile, spellings=False)


def _sample(blocks: list[Block]) -> str:
    sample, size = [], 0
    for block in blocks:
        sample.append(block.text)
        size += len(block.text)
        if size >= 3_000:
            break
    return "".join(sample)


def convert_page(data: bytes, name: str, relative: str, options, glossary, outputs: dict) -> tuple[Document, bytes]:
    """A web page (or a lone XHTML file) → the Document and the page annotated in place; the
    other formats in `outputs` (name → binary stream) are written from the same blocks."""
    from .pipeline import stream
    from .readers.page import parse_html, parse_xhtml
    from .variants import detect_script
    from .writers import FORMATS, open_sink
    from .writers.inplace import InPlace

    xml = name.lower().endswith(".xhtml")
    page = parse_xhtml(data, name) if xml else parse_html(data, name)
    script = detect_script(_sample(page.blocks))
    document = Document(source=relative, characters=sum(len(b.text) for b in page.blocks), title_text=page.title,
                        encoding="utf-8", script=script, settings=options.settings())
    if not page.blocks:
        document.notices.append(f"{name}: no Chinese text in its <body>; the page is written with nothing added")
    context = _context(document, glossary, script)
    context.spellings = "json" in options.formats
    sinks = [open_sink(format_name, outputs[format_name], document) for format_name in options.formats
             if format_name in outputs and format_name in FORMATS and format_name != "html"]
    stream(document, context, page.events(), sinks)
    writer = InPlace(document, page, controls=options.controls, stylesheet=options.stylesheet)
    for index, block in enumerate(page.blocks):
        writer.put(index, block)
    return document, writer.finish()


HTML5_RENAMED = {"acronym": ("abbr", None), "tt": ("code", None), "big": ("span", "font-size:larger")}
"""XHTML 1.1 elements an EPUB 2 chapter may use that HTML5 (so EPUB 3) has not: the element that
means the same, and a style where only the look was meant."""


def _html5(tree) -> None:
    """What an EPUB 2 chapter needs to be valid in an EPUB 3 book, changing no text:
    `<a name="x">` becomes `<a id="x">` (links to it still land); `acronym`, `tt` and `big`
    become `abbr`, `code` and a larger `span`; a table's `summary` goes (HTML5 has none)."""
    xhtml = "{http://www.w3.org/1999/xhtml}"
    for old, (new, style) in HTML5_RENAMED.items():
        for element in list(tree.iter(xhtml + old)):
            element.tag = xhtml + new
            if style:
                element.set("style", f"{style};{element.get('style')}" if element.get("style") else style)
    for table in tree.iter(xhtml + "table"):
        table.attrib.pop("summary", None)
    ids = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
    for anchor in tree.iter("{http://www.w3.org/1999/xhtml}a"):
        name = anchor.get("name")
        if name is None:
            continue
        del anchor.attrib["name"]
        if anchor.get("id") is None and name not in ids and name.strip() and " " not in name:
            anchor.set("id", name)
            ids.add(name)


def convert_book(source, name: str, relative: str, options, glossary, out) -> Document:
    """An EPUB (a path or a binary file) → the Document, the annotated book written to `out`,
    a chapter at a time."""
    from .errors import BookError
    from .readers.epub import open_book

    try:
        book = open_book(source, name)
        try:
            return _annotate_book(book, name, relative, options, glossary, out)
        finally:
            book.archive.close()
    except BookError:
        raise
    except InputError as error:  # a chapter that is not well-formed, an entry that cannot be read
        raise BookError(str(error)) from None


def _annotate_book(book, name: str, relative: str, options, glossary, out) -> Document:
    from .writers.epub import BookWriter

    settings = options.settings()
    document = Document(source=relative, title_text=book.title, encoding="utf-8", settings=settings)
    writer = BookWriter(book, out)
    try:
        _chapters(book, name, document, options, glossary, writer)
    except BaseException:
        writer.abandon()
        raise
    return document


def _chapters(book, name, document, options, glossary, writer) -> None:
    from .pipeline import CHUNK, annotate_blocks, collect_glossary
    from .readers.page import parse_xhtml
    from .variants import detect_script
    from .writers.epub import HTML5_DOCTYPE
    from .writers.inplace import InPlace

    context = None
    chapters = book.chapters()
    if not chapters:
        raise InputError(f"{name}: the book has no XHTML chapters to annotate")
    pending: list = []  # chapters read, not yet annotated: a few at a time, so the model works in big batches

    def flush() -> None:
        blocks = [block for _, page in pending for block in page.blocks]
        for start in range(0, len(blocks), CHUNK):
            annotate_blocks(blocks[start:start + CHUNK], context)
        for item, page in pending:
            context.start_section()
            for block in page.blocks:
                if block.kind == "head":
                    context.start_section()
                collect_glossary(document, block, context)
            write(item, page)
        pending.clear()

    def write(item, page) -> None:
        if writer.upgrade:
            _html5(page.tree)
        chapter = InPlace(document, page, book=True, stylesheet=writer.href(item.path, writer.css_path),
                          doctype=HTML5_DOCTYPE if writer.upgrade else None)
        for index, block in enumerate(page.blocks):
            chapter.put(index, block)
        writer.chapter(item.path, chapter.finish())

    size = 0
    for item in chapters:
        page = parse_xhtml(book.read(item.path), f"{name}: {item.path}")
        document.characters += sum(len(b.text) for b in page.blocks)
        if context is None and page.blocks:
            document.script = detect_script(_sample(page.blocks))
            context = _context(document, glossary, document.script)
        if context is None:  # nothing Chinese so far: written as it is
            write(item, page)
            continue
        pending.append((item, page))
        size += sum(len(b.text) for b in page.blocks)
        if size >= BOOK_CHUNK:
            flush()
            size = 0
    if pending:
        flush()
    if context is None:
        document.notices.append(f"{name}: no Chinese text in its chapters; the book is written with nothing added")
    nav = {i.path for i in book.items.values() if "nav" in i.properties.split()}
    ncx = {i.path for i in book.items.values() if i.media_type == "application/x-dtbncx+xml"}
    writer.finish(document, {book.opf_path, *nav, *ncx})

