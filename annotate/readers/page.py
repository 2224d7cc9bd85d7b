"""An HTML page or an e-book's XHTML chapter → its Chinese text as blocks, the page kept as it is.

The page is parsed (lxml's HTML parser for a web page, its XML parser for XHTML, which must stay
well-formed with its namespaces) and walked in document order. Text is gathered into blocks by
the block-level element it sits in (`p`, `li`, `h2`, `td`…); inline elements (`span`, `a`, `b`)
continue a block, and their emphasis, links and breaks become marks. Each text node a block
takes is a `run` mark, so the in-place writer (writers.inplace) can put the annotated words back
where the text was. Nothing is taken from `<head>`, from `script`, `style`, `code`, `pre`, `kbd`,
`samp`, `textarea`, `svg`, `math`, an existing `ruby`, an element with `translate="no"`, or an
element whose `lang` is not Chinese: an element like these ends the block it interrupts.

A block without a Han character is left out: there is nothing in it to annotate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..chars import IS_HAN
from ..errors import InputError
from ..model import Block, Container, Document, Mark, Section

XHTML = "http://www.w3.org/1999/xhtml"
SKIP = {"script", "style", "code", "pre", "kbd", "samp", "textarea", "svg", "math", "ruby", "template", "noscript",
        "select", "option", "optgroup", "datalist", "title", "iframe", "object", "var", "tt"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "data", "del", "dfn", "em", "font", "i", "img", "ins", "label",
          "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "u", "wbr", "big", "button",
          "output", "meter", "progress", "input"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CONTAINERS = {"blockquote": "quote", "figure": "figure"}
"""Block elements kept as containers in the model (lists and tables are kept in the page, but
their text reaches the other formats as paragraphs)."""
MARKS = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "del": "del", "s": "del", "strike": "del"}
CHINESE = re.compile(r"(zh|cmn|yue|lzh|wuu|hak|nan)(-|$)", re.IGNORECASE)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(slots=True)
class Run:
    """One text node a block took: `element.text` (`tail=False`) or `element.tail`."""

    element: object
    tail: bool


@dataclass(slots=True)
class Page:
    """A parsed page and what its blocks took from it; block `i`'s runs are `runs[i]`."""

    tree: object
    xml: bool
    """XHTML (an e-book's chapter), or an HTML page."""
    name: str
    runs: list[list[Run]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    doctype: bool = True
    """Whether the page has a doctype (a bare fragment saved as .html has none, and gets none)."""

    def events(self) -> list[Section | Block]:
        """The blocks as a stream: a heading opens a section, as in a text source."""
        items: list[Section | Block] = []
        for block in self.blocks:
            if block.kind == "head" and not block.containers:
                items += [Section(head=block), block]
            else:
                if not items:
                    items.append(Section())
                items.append(block)
        return items


def local(tag) -> str:
    """`{http://www.w3.org/1999/xhtml}p` → `p`; comments and processing instructions → ``."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def parse_html(data: bytes, name: str) -> Page:
    """A web page's bytes (its encoding as its BOM or `<meta charset>` says, else UTF-8)."""
    import lxml.html

    if not data.strip():
        raise InputError(f"{name}: empty file, nothing to annotate")
    parser = lxml.html.HTMLParser(encoding=_html_encoding(data), remove_comments=False, remove_pis=False)
    try:
        tree = lxml.html.document_fromstring(data, parser=parser).getroottree()
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"{name}: cannot be read as HTML ({error}); is it a web page?") from None
    page = _page(tree, False, name)
    page.doctype = re.search(rb"<!doctype", data[:4096], re.IGNORECASE) is not None
    return page


def _html_encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    found = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", data[:4096], re.IGNORECASE)
    if found:
        label = found.group(1).decode("ascii").lower()
        import codecs

        try:
            return codecs.lookup({"gb2312": "gb18030", "gbk": "gb18030"}.get(label, label)).name
        except LookupError:
            pass
    return "utf-8"


def parse_xhtml(data: bytes, name: str) -> Page:
    """An XHTML content document: well-formed XML, or one clear line saying where it is not."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                             remove_blank_text=False)
    try:
        root = etree.fromstring(_numeric_entities(data), parser)
    except etree.XMLSyntaxError as error:
        line = f":{error.lineno}" if getattr(error, "lineno", None) else ""
        raise InputError(f"{name}{line}: not well-formed XHTML ({error.msg}); fix the chapter, then run again") from None
    return _page(root.getroottree(), True, name)


def _numeric_entities(data: bytes) -> bytes:
    """HTML's named entities (`&nbsp;`, which an EPUB 2 chapter may use under its XHTML DTD) as
    numeric references, which XML reads without the DTD: the same characters."""
    if b"&" not in data:
        return data
    from html.entities import name2codepoint

    def replace(match):
        name = match.group(1).decode("ascii")
        if name in ("amp", "lt", "gt", "quot", "apos") or name not in name2codepoint:
            return match.group(0)
        return f"&#{name2codepoint[name]};".encode("ascii")

    return re.sub(rb"&([A-Za-z][A-Za-z0-9]*);", replace, data)


MAX_DEPTH = 200
"""Elements nested inside each other, at most (real pages nest a few dozen; libxml2's HTML parser
drops what lies deeper than 256 without a word, and a walk that deep would run out of stack)."""


def _check_depth(root, name: str) -> None:
    """One line naming where a page nests deeper than MAX_DEPTH, rather than lost text or a crash."""
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise InputError(f"{name}:{element.sourceline or 0}: elements nested more than {MAX_DEPTH} deep; "
                             "flatten the markup, then run again")


def _page(tree, xml: bool, name: str) -> Page:
    root = tree.getroot()
    _check_depth(root, name)
    page = Page(tree, xml, name)
    title = next((e for e in root.iter() if local(e.tag) == "title"), None)
    if title is not None and title.text and title.text.strip():
        page.title = title.text.strip()
    body = next((e for e in root if local(e.tag) == "body"), None)
    if body is None:
        return page
    _Walker(page).walk(body, _chinese(body, _chinese(root, None)))
    return page


def _chinese(element, inherited: bool | None) -> bool:
    """Whether text here is Chinese, by the nearest `lang`: none given counts as Chinese."""
    lang = element.get("lang") or element.get(XML_LANG)
    if lang is None:
        return True if inherited is None else inherited
    return bool(CHINESE.match(lang.strip()))


class _Walker:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.text: list[str] = []
        self.runs: list[Run] = []
        self.marks: list[Mark] = []
        self.length = 0
        self.kind, self.level, self.line = "p", 0, 0
        self.containers: tuple = ()
        self.numbers = 0

    def walk(self, element, chinese) -> None:
        if element.text:
            self.take(element, False, chinese, element.sourceline)
        for child in element:
            child_tag = local(child.tag)
            if not child_tag:  # a comment: its tail goes on
                pass
            elif child_tag in SKIP or child.get("translate") == "no" or not _chinese(child, chinese):
                self.flush()
            elif child_tag in INLINE:
                start = self.length
                self.walk(child, _chinese(child, chinese))
                self.inline(child, child_tag, start)
            else:  # a block: what came before it ends here, and it is a block of its own
                self.flush()
                saved = self.kind, self.level, self.containers
                if child_tag in HEADINGS:
                    self.kind, self.level = "head", int(child_tag[1])
                elif child_tag == "figcaption" and self.containers and self.containers[-1].kind == "figure":
                    self.kind, self.level = "caption", 0
                elif self.kind != "head":
                    self.kind, self.level = "p", 0
                if child_tag in CONTAINERS and self.kind == "p":  # a quotation or a figure holds blocks
                    self.numbers += 1
                    self.containers = (*self.containers, Container(CONTAINERS[child_tag], self.numbers))
                self.walk(child, _chinese(child, chinese))
                self.flush()
                self.kind, self.level, self.containers = saved
            if child.tail:  # after a block or a skipped element, this starts a block of its own
                self.take(child, True, chinese, getattr(child, "sourceline", None))

    def inline(self, element, tag: str, start: int) -> None:
        if tag in MARKS and self.length > start:
            self.marks.append(Mark(MARKS[tag], start, self.length))
        elif tag == "a" and element.get("href") is not None and self.length > start:
            self.marks.append(Mark("link", start, self.length, element.get("href")))
        elif tag == "br":
            self.marks.append(Mark("break", self.length, self.length))

    def take(self, element, tail: bool, chinese: bool, line) -> None:
        text = element.tail if tail else element.text
        if not chinese:
            return
        if not self.runs:
            self.line = line or 0
        self.marks.append(Mark("run", self.length, self.length + len(text)))
        self.runs.append(Run(element, tail))
        self.text.append(text)
        self.length += len(text)

    def flush(self) -> None:
        text = "".join(self.text)
        if self.runs and IS_HAN.search(text):
            marks = tuple(sorted(self.marks, key=lambda m: (m.start, m.start == m.end, -m.end)))
            block = Block(self.kind, text, self.line, level=self.level, marks=marks, containers=self.containers)
            self.page.blocks.append(block)
            self.page.runs.append(self.runs)
        self.text, self.runs, self.marks, self.length = [], [], [], 0


def read(data: bytes, source: str) -> Document:
    """A page's bytes → a bare Document of its Chinese text (for the analysis; the page itself is
    `parse_html`/`parse_xhtml`'s, which the in-place writer needs)."""
    page = parse_xhtml(data, source) if source.lower().endswith(".xhtml") else parse_html(data, source)
    return to_document(page, source)


def to_document(page: Page, source: str) -> Document:
    from .common import collect

    document = Document(source=source, characters=sum(len(b.text) for b in page.blocks), title_text=page.title,
                        encoding="utf-8")
    return collect(page.events(), document)
