"""The annotated book: a new EPUB 3 archive with everything of the old one kept.

`mimetype` comes first and stored, as the format requires. Every entry is copied as it was
(cover, images, fonts, styles, the NCX) except the chapters, which the caller gives annotated,
and the package document, navigation document and NCX, which gain what the edition adds:
- the project's stylesheet, in the manifest (each annotated chapter links it);
- the vocabulary as a chapter of its own, at the end of the spine and of both tables of contents;
- `dcterms:modified` (now) and a contributor line naming the tool;
- an EPUB 2 book becomes EPUB 3: version 3.0, and a navigation document made from its NCX
  (which stays, for older readers); its chapters' XHTML 1.1 doctype becomes HTML's.

ebooklib is not used here: reading a book and writing it back through it rewrites the package
document and the navigation (it drops metadata it does not model, such as refinements and
`<guide>`, and regenerates the NCX), which a book that should come back as it was cannot afford.
The archive is worked on with zipfile and lxml instead.
"""
from __future__ import annotations

import posixpath
import shutil
import time
import zipfile
from urllib.parse import quote

from lxml import etree

from ..errors import BookError
from ..model import Document
from ..readers.epub import DC, OPF, Book
from ..version import __version__
from .common import escape_attribute, escape_text
from .html import asset

XHTML = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
NCX = "http://www.daisy.org/z3986/2005/ncx/"
CSS_NAME = "zh-annotate-book.css"
VOCABULARY_NAME = "zh-annotate-vocabulary.xhtml"
NAV_NAME = "zh-annotate-nav.xhtml"
HTML5_DOCTYPE = "<!DOCTYPE html>"


ZIP_EPOCH = 315_532_800
"""1980-01-01T00:00:00Z, the earliest time a zip entry can carry."""


def now() -> time.struct_time:
    """The time a book is made at: SOURCE_DATE_EPOCH when set (reproducible builds), else now;
    never before 1980, which a zip cannot say (clamped, as reproducible-builds tools do)."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return time.gmtime(max(int(epoch) if epoch.isdigit() else time.time(), ZIP_EPOCH))


class BookWriter:
    """Writes the new archive as the chapters come, then the package documents at the end."""

    def __init__(self, book: Book, out) -> None:
        self.book = book
        self.zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.zip.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip", compress_type=zipfile.ZIP_STORED)
        self.written: set[str] = {"mimetype"}
        self.upgrade = not book.version.startswith("3")
        self.css_path = self._free(posixpath.join(book.folder, CSS_NAME))
        self.vocabulary_path = self._free(posixpath.join(book.folder, VOCABULARY_NAME))

    def _free(self, path: str) -> str:
        names = set(self.book.archive.namelist())
        stem, dot, suffix = path.rpartition(".")
        number = 1
        while path in names:
            number += 1
            path = f"{stem}-{number}.{suffix}"
        return path

    def abandon(self) -> None:
        """Stop writing (the caller throws the output away)."""
        try:
            self.zip.close()
        except (OSError, ValueError):
            pass

    def href(self, from_path: str, to_path: str) -> str:
        """A link from one entry to another, relative, URL-encoded."""
        return quote(posixpath.relpath(to_path, posixpath.dirname(from_path) or "."))

    def chapter(self, path: str, data: bytes) -> None:
        self._put(path, data)

    def _put(self, path: str, data: bytes) -> None:
        names = self.book.archive.namelist()
        info = self.book.archive.getinfo(path) if path in names else zipfile.ZipInfo(path, now()[:6])
        copy = zipfile.ZipInfo(path, date_time=info.date_time)
        copy.external_attr = info.external_attr
        self.zip.writestr(copy, data, compress_type=zipfile.ZIP_DEFLATED)
        self.written.add(path)

    def finish(self, document: Document, later: set[str]) -> None:
        """Copy every entry not written yet (but those in `later`, rewritten here), then the
        stylesheet, the vocabulary, the navigation, the NCX and the package document."""
        book = self.book
        for info in book.archive.infolist():
            if info.filename in self.written or info.filename in later or info.is_dir():
                continue
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr = info.external_attr
            copy.compress_type = info.compress_type if info.compress_type in (0, 8) else zipfile.ZIP_DEFLATED
            try:
                with book.archive.open(info) as source, \
                        self.zip.open(copy, "w", force_zip64=info.file_size > 1 << 31) as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
                raise BookError(f"{book.name}: {info.filename} cannot be read from the archive ({error}); the book "
                                "is damaged") from None
            self.written.add(info.filename)
        self._put(self.css_path, asset(CSS_NAME).encode("utf-8"))
        vocabulary = bool(document.glossary)
        if vocabulary:
            self._put(self.vocabulary_path, vocabulary_chapter(document, self.vocabulary_path, self.css_path, self))
        nav = next((i for i in book.items.values() if "nav" in i.properties.split()), None)
        nav_path = nav.path if nav is not None else self._free(posixpath.join(book.folder, NAV_NAME))
        ncx = self._ncx_item()
        if nav is not None:
            self._put(nav.path, self._amend_nav(book.read(nav.path), nav.path, vocabulary))
        else:
            self._put(nav_path, self._nav_from_ncx(ncx, nav_path, vocabulary))
        if ncx is not None:
            self._put(ncx.path, self._amend_ncx(book.read(ncx.path), ncx.path, vocabulary))
        self._put(book.opf_path, self._package(document, nav_path if nav is None else None, vocabulary))
        self.zip.close()

    # ------------------------------------------------------------ navigation

    def _ncx_item(self):
        book = self.book
        spine = book.package.getroot().find(f"{{{OPF}}}spine")
        toc = spine.get("toc") if spine is not None else None
        if toc and toc in book.items:
            return book.items[toc]
        return next((i for i in book.items.values() if i.media_type == "application/x-dtbncx+xml"), None)

    def _amend_nav(self, data: bytes, path: str, vocabulary: bool) -> bytes:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        if vocabulary:
            toc = next((n for n in root.iter(f"{{{XHTML}}}nav") if n.get(f"{{{EPUB_NS}}}type", "").split()[:1] == ["toc"]),
                       None)
            listing = toc.find(f"{{{XHTML}}}ol") if toc is not None else None
            if listing is not None:
                item = etree.SubElement(listing, f"{{{XHTML}}}li")
                link = etree.SubElement(item, f"{{{XHTML}}}a", href=self.href(path, self.vocabulary_path))
                link.text = "Vocabulary"
                item.tail = listing[-2].tail if len(listing) > 1 else None
        return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8",
                              doctype=HTML5_DOCTYPE if self.upgrade else None)

    def _nav_from_ncx(self, ncx, path: str, vocabulary: bool) -> bytes:
        """An EPUB 3 navigation document with the NCX's table of contents (nested as it nests)."""
        entries = []
        if ncx is not None:
            root = etree.fromstring(self.book.read(ncx.path), etree.XMLParser(resolve_entities=False, no_network=True))
            nav_map = root.find(f"{{{NCX}}}navMap")
            if nav_map is not None:
                entries = [self._nav_point(p, ncx.path, path) for p in nav_map.iterfind(f"{{{NCX}}}navPoint")]
        if not entries:  # no NCX to go by: the spine's documents
            entries = [f'<li><a href="{escape_attribute(self.href(path, self.book.items[i].path))}">'
                       f"{escape_text(posixpath.basename(self.book.items[i].path))}</a></li>"
                       for i in self.book.spine if i in self.book.items]
        if vocabulary:
            entries.append(f'<li><a href="{escape_attribute(self.href(path, self.vocabulary_path))}">Vocabulary</a></li>')
        title = escape_text(self.book.title or "Contents")
        lang = escape_attribute(self.book.language or "zh")
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="{XHTML}" '
                f'xmlns:epub="{EPUB_NS}" lang="{lang}" xml:lang="{lang}"><head><title>{title}</title></head><body>'
                f'<nav epub:type="toc" id="toc"><h1>{title}</h1><ol>{"".join(entries)}</ol></nav></body></html>\n'
                ).encode("utf-8")

    def _nav_point(self, point, ncx_path: str, nav_path: str) -> str:
        label = "".join(point.find(f"{{{NCX}}}navLabel").itertext()).strip() if point.find(f"{{{NCX}}}navLabel") \
            is not None else ""
        content = point.find(f"{{{NCX}}}content")
        src = content.get("src", "") if content is not None else ""
        target, _, fragment = src.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(ncx_path), target))
        href = self.href(nav_path, path) + (f"#{fragment}" if fragment else "")
        children = [self._nav_point(p, ncx_path, nav_path) for p in point.iterfind(f"{{{NCX}}}navPoint")]
        nested = f"<ol>{''.join(children)}</ol>" if children else ""
        return f'<li><a href="{escape_attribute(href)}">{escape_text(label or target)}</a>{nested}</li>'

    def _amend_ncx(self, data: bytes, path: str, vocabulary: bool) -> bytes:
        if not vocabulary:
            return data
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(data, parser)
        nav_map = root.find(f"{{{NCX}}}navMap")
        if nav_map is None:
            return data
        orders = [int(p.get("playOrder")) for p in root.iter(f"{{{NCX}}}navPoint") if (p.get("playOrder") or "").isdigit()]
        point = etree.SubElement(nav_map, f"{{{NCX}}}navPoint", id="zha-vocabulary")
        if orders:
            point.set("playOrder", str(max(orders) + 1))
        label = etree.SubElement(etree.SubElement(point, f"{{{NCX}}}navLabel"), f"{{{NCX}}}text")
        label.text = "Vocabulary"
        etree.SubElement(point, f"{{{NCX}}}content", src=self.href(path, self.vocabulary_path))
        tree = root.getroottree()
        return etree.tostring(tree, xml_declaration=True, encoding="utf-8", doctype=tree.docinfo.doctype or None)

    # ------------------------------------------------------------ package document

    def _package(self, document: Document, new_nav: str | None, vocabulary: bool) -> bytes:
        book = self.book
        root = book.package.getroot()
        opf = f"{{{OPF}}}"
        if self.upgrade:
            root.set("version", "3.0")
        metadata, manifest, spine = root.find(f"{opf}metadata"), root.find(f"{opf}manifest"), root.find(f"{opf}spine")
        layouts = [(parent, _layout(parent)) for parent in (metadata, manifest, spine)]
        for meta in list(metadata.iterfind(f"{opf}meta")):
            if meta.get("property") == "dcterms:modified":
                metadata.remove(meta)
        contributor = etree.SubElement(metadata, f"{{{DC}}}contributor")
        contributor.text = f"zh-annotate {__version__} (pinyin, traditional forms and notes)"
        modified = etree.SubElement(metadata, f"{opf}meta", property="dcterms:modified")
        modified.text = time.strftime("%Y-%m-%dT%H:%M:%SZ", now())
        if self.upgrade:
            _epub3_metadata(metadata)
        ids = {i.get("id") for i in root.iter() if i.get("id")}

        def new_id(base: str) -> str:
            candidate, number = base, 1
            while candidate in ids:
                number += 1
                candidate = f"{base}-{number}"
            ids.add(candidate)
            return candidate

        etree.SubElement(manifest, f"{opf}item", id=new_id("zha-css"), href=self.href(book.opf_path, self.css_path),
                         **{"media-type": "text/css"})
        if new_nav is not None:
            etree.SubElement(manifest, f"{opf}item", id=new_id("zha-nav"), href=self.href(book.opf_path, new_nav),
                             properties="nav", **{"media-type": "application/xhtml+xml"})
        if vocabulary:
            vocabulary_id = new_id("zha-vocabulary")
            etree.SubElement(manifest, f"{opf}item", id=vocabulary_id,
                             href=self.href(book.opf_path, self.vocabulary_path),
                             **{"media-type": "application/xhtml+xml"})
            etree.SubElement(spine, f"{opf}itemref", idref=vocabulary_id)
        for parent, (between, closing) in layouts:
            _indent_new(parent, between, closing)
        return etree.tostring(book.package, xml_declaration=True, encoding="utf-8")


def _epub3_metadata(metadata) -> None:
    """EPUB 2's `opf:` attributes on Dublin Core elements are not EPUB 3's: a creator's role and
    sort name become refinements (`<meta refines>`), an identifier's scheme is dropped (the
    identifier stays), and a date's event goes."""
    opf = f"{{{OPF}}}"
    counter = 0
    for element in list(metadata):
        if not isinstance(element.tag, str):
            continue
        for attribute in ("role", "file-as", "scheme", "event"):
            value = element.attrib.pop(f"{opf}{attribute}", None)
            if value is None or attribute in ("scheme", "event"):
                continue
            if not element.get("id"):
                counter += 1
                element.set("id", f"zha-meta-{counter}")
            meta = etree.Element(f"{opf}meta", refines="#" + element.get("id"),
                                 property="role" if attribute == "role" else "file-as")
            if attribute == "role":
                meta.set("scheme", "marc:relators")
            meta.text = value
            element.addnext(meta)


def _layout(parent) -> tuple[str | None, str | None]:
    """How a package element lays out its children: the whitespace after each but the last, and
    after the last (before the closing tag); None where it has none."""
    children = list(parent)
    if len(children) < 2 or not (children[0].tail or "x").isspace():
        return None, None
    return children[0].tail, children[-1].tail


def _indent_new(parent, between: str | None, closing: str | None) -> None:
    """Children added to a package element (they have no tail) laid out as the older ones."""
    if between is None:
        return
    for child in parent:
        if child.tail is None:
            child.tail = between
    parent[-1].tail = closing


def vocabulary_chapter(document: Document, path: str, css_path: str, writer: BookWriter) -> bytes:
    """The vocabulary as an XHTML chapter: each term with its traditional form, pinyin and gloss."""
    css = escape_attribute(writer.href(path, css_path))
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="{XHTML}" xmlns:epub="{EPUB_NS}" '
            f'lang="en" xml:lang="en"><head><title>Vocabulary</title><link rel="stylesheet" type="text/css" '
            f'href="{css}"/></head><body><section epub:type="glossary" role="doc-glossary">'
            f'<h1>Vocabulary</h1><dl class="zha-vocab">{vocabulary_entries(document)}</dl></section></body></html>\n'
            ).encode("utf-8")


def vocabulary_entries(document: Document) -> str:
    """`<dt>`/`<dd>` pairs of the vocabulary, as XHTML."""
    entries = []
    for entry in document.vocabulary():
        traditional = f' <span lang="zh-Hant" xml:lang="zh-Hant">{escape_text(entry.traditional)}</span>' \
            if entry.traditional else ""
        pinyin = f' <i lang="zh-Latn-pinyin" xml:lang="zh-Latn-pinyin">{escape_text(entry.written_pinyin)}</i>' \
            if entry.written_pinyin else ""
        note = f"<br/>{escape_text(entry.note)}" if entry.note else ""
        entries.append(f'<dt id="zha-v-{entry.id}"><span lang="zh-Hans" xml:lang="zh-Hans">{escape_text(entry.term)}'
                       f"</span>{traditional}{pinyin}</dt><dd>{escape_text(entry.gloss)}{note}</dd>")
    return "".join(entries)
