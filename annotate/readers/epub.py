"""An EPUB book, opened as the untrusted archive it is: its package document, spine and chapters.

Checked before anything is read: the file is a zip; no entry's path is absolute or climbs out
of the book (`../../x`); the declared sizes of the entries add up to something a book can be;
the book is not encrypted (`META-INF/encryption.xml` naming anything but fonts obfuscated the
IDPF's or Adobe's way, which is not DRM); `META-INF/container.xml` names a package document
that is there and well-formed. Each failure is one line naming the book and what to do.

Chapters are parsed one at a time (readers.page), as the writer asks for them, so memory holds
one chapter, not the book.
"""
from __future__ import annotations

import posixpath
import stat
import zipfile
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from ..errors import BookError
from ..languages import is_language_tag

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
ENCRYPTION = "http://www.w3.org/2001/04/xmlenc#"
FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
MAX_TOTAL = 2 << 30
"""Declared (uncompressed) bytes of all entries together, at most: 2 GiB, far beyond any book."""
MAX_RATIO = 200
"""Declared size over compressed size, at most, for an entry over 10 MB: a zip bomb's is thousands."""
XHTML_TYPES = ("application/xhtml+xml",)
CHUNK = 1 << 20
"""Bytes inflated at a time when an entry is read."""


@dataclass(slots=True)
class Item:
    id: str
    href: str
    """As the package document writes it (relative to the package document, URL-encoded)."""
    path: str
    """The entry's name in the zip."""
    media_type: str
    properties: str = ""


@dataclass(slots=True)
class Book:
    name: str
    archive: zipfile.ZipFile
    opf_path: str
    package: object
    """The package document's parsed tree (lxml), which the writer amends."""
    version: str
    items: dict[str, Item] = field(default_factory=dict)
    spine: list[str] = field(default_factory=list)
    """Item ids, in reading order."""
    language: str | None = None
    title: str | None = None

    @property
    def folder(self) -> str:
        """The package document's folder in the zip (`OEBPS`), or ``."""
        return posixpath.dirname(self.opf_path)

    def item_by_path(self, path: str) -> Item | None:
        return next((i for i in self.items.values() if i.path == path), None)

    def chapters(self) -> list[Item]:
        """The XHTML documents to annotate: those of the spine, in its order, then any other the
        manifest lists (notes a chapter links to); not the navigation document."""
        order = [self.items[i] for i in self.spine if i in self.items]
        order += [i for i in self.items.values() if i not in order]
        paths: dict[str, Item] = {}  # a chapter the spine or manifest lists twice is annotated and written once
        for item in order:
            if item.media_type in XHTML_TYPES and "nav" not in item.properties.split():
                paths.setdefault(item.path, item)
        return list(paths.values())

    def read(self, path: str) -> bytes:
        return read_entry(self.archive, path, self.name)


def read_entry(archive: zipfile.ZipFile, path: str, name: str) -> bytes:
    """An entry's bytes, inflated a chunk at a time and never past the size its header
    declares (which open_book checked): an entry that inflates to more is damaged or a bomb,
    and stops at that size with the archive's CRC error, before memory grows."""
    try:
        info = archive.getinfo(path)
        chunks, size = [], 0
        with archive.open(info) as entry:
            while chunk := entry.read(CHUNK):
                size += len(chunk)
                if size > info.file_size:  # zipfile stops at the declared size; this is the second lock
                    raise zipfile.BadZipFile(f"{path} inflates to more than the {info.file_size:,} bytes "
                                             "its header declares")
                chunks.append(chunk)
        return b"".join(chunks)
    except KeyError:
        raise BookError(f"{name}: the package lists {path}, which the book does not contain") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise BookError(f"{name}: {path} cannot be read from the archive ({error}); the book is "
                        "damaged, or compressed in a way zip readers rarely support") from None


def open_book(source, name: str) -> Book:
    """A path or a binary file of an EPUB → the Book, or one clear line saying why it cannot be."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise BookError(f"{name}: not an EPUB (not a zip archive, or a damaged one)") from None
    infos = archive.infolist()
    total = 0
    seen: set[str] = set()
    for info in infos:
        entry = info.filename
        parts = entry.replace("\\", "/").split("/")
        if entry.startswith(("/", "\\")) or ".." in parts or (len(entry) > 1 and entry[1] == ":"):
            raise BookError(f"{name}: entry {entry!r} points outside the book; refusing to read it")
        if entry in seen:  # which of the two would a reader take? The DRM check and the copy must agree
            raise BookError(f"{name}: entry {entry!r} is in the archive twice; the book is damaged or forged")
        seen.add(entry)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BookError(f"{name}: entry {entry!r} is a symbolic link, which no book needs and unzipping "
                            "would follow; refusing to read it")
        total += info.file_size
        if info.file_size > 10 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BookError(f"{name}: entry {entry!r} would unpack to {info.file_size:,} bytes from "
                             f"{info.compress_size:,} (a zip bomb?); refusing to read it")
    if total > MAX_TOTAL:
        raise BookError(f"{name}: its entries declare {total:,} bytes in all, more than any book (a zip bomb?); "
                         "refusing to read it")
    names = set(archive.namelist())
    if "META-INF/encryption.xml" in names:
        _check_encryption(read_entry(archive, "META-INF/encryption.xml", name), name)
    if "META-INF/container.xml" not in names:
        raise BookError(f"{name}: not an EPUB: META-INF/container.xml is missing")
    container = _xml(read_entry(archive, "META-INF/container.xml", name), f"{name}: META-INF/container.xml")
    rootfile = container.find(f".//{{{CONTAINER}}}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise BookError(f"{name}: META-INF/container.xml names no package document (rootfile)")
    opf_path = rootfile.get("full-path")
    if opf_path not in names:
        raise BookError(f"{name}: the package document {opf_path} named in META-INF/container.xml is missing")
    root = _xml(read_entry(archive, opf_path, name), f"{name}: {opf_path}")
    if root.tag != f"{{{OPF}}}package":
        raise BookError(f"{name}: {opf_path} is not an OPF package document")
    book = Book(name, archive, opf_path, root.getroottree(), root.get("version", "2.0"))
    manifest = root.find(f"{{{OPF}}}manifest")
    if manifest is None:
        raise BookError(f"{name}: {opf_path} has no manifest")
    for element in manifest.iterfind(f"{{{OPF}}}item"):
        item_id, href = element.get("id"), element.get("href")
        if not item_id or not href:
            continue
        path = posixpath.normpath(posixpath.join(book.folder, unquote(href.split("#")[0])))
        if path.startswith("../") or path == ".." or path.startswith("/"):
            raise BookError(f"{name}: manifest item {item_id!r} points outside the book ({href}); refusing it")
        book.items[item_id] = Item(item_id, href, path, element.get("media-type", ""), element.get("properties", ""))
    spine = root.find(f"{{{OPF}}}spine")
    if spine is None:
        raise BookError(f"{name}: {opf_path} has no spine (reading order)")
    book.spine = [i.get("idref") for i in spine.iterfind(f"{{{OPF}}}itemref") if i.get("idref")]
    language = root.find(f"{{{OPF}}}metadata/{{{DC}}}language")
    book.language = language.text.strip() if language is not None and language.text else None
    if book.language is not None and not is_language_tag(book.language):
        book.language = None  # a tag that is not BCP 47 is data, never copied into markup
    title = root.find(f"{{{OPF}}}metadata/{{{DC}}}title")
    book.title = title.text.strip() if title is not None and title.text else None
    return book


def _check_encryption(data: bytes, name: str) -> None:
    root = _xml(data, f"{name}: META-INF/encryption.xml")
    methods = {m.get("Algorithm") for m in root.iter(f"{{{ENCRYPTION}}}EncryptionMethod")}
    if methods - FONT_OBFUSCATION or not methods:
        raise BookError(f"{name}: the book is encrypted (DRM, META-INF/encryption.xml); only a book without DRM "
                         "can be annotated")


def _xml(data: bytes, where: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = f":{error.lineno}" if getattr(error, "lineno", None) else ""
        raise BookError(f"{where}{line}: not well-formed XML ({error.msg}); the book is damaged") from None


def read(data: bytes, source: str):
    """A book's bytes → a bare Document of its chapters' Chinese text, in spine order, a section
    per chapter (and per heading), all in memory: for the Python API. `annotate build` streams a
    book a few chapters at a time instead (inplace.convert_book)."""
    import io

    from .page import parse_xhtml, to_document

    book = open_book(io.BytesIO(data), source)
    try:
        document = None
        for item in book.chapters():
            part = to_document(parse_xhtml(book.read(item.path), f"{source}: {item.path}"), source)
            if document is None:
                document = part
                document.title_text = book.title or part.title_text
            else:
                document.sections += part.sections
                document.characters += part.characters
        if document is None:
            raise BookError(f"{source}: the book has no XHTML chapters")
        return document
    finally:
        book.archive.close()
