"""Bytes → text → a bare `Document` of sections, headings and paragraphs.

Rules (the seed's layout, and Markdown):
- a line holding only a letter or number and a full stop (`B.`, `3.`) opens a section `n="B"`;
- the next non-empty line, when short and without sentence-final punctuation, is its heading;
- a Markdown heading (`# 标题`) opens a section with that heading;
- every other non-empty line is a paragraph, kept exactly as written.
"""
from __future__ import annotations

import re

from .errors import InputError
from .model import Block, Document, Section

SECTION_MARKER = re.compile(r"[ \t\u3000]*([A-Za-z0-9]{1,3})[.．][ \t\u3000]*")
MARKDOWN_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*")
SENTENCE_FINAL = tuple("。！？!?；;…：:，,、”\"」』）)")
MAX_HEADING_CHARS = 40
# Characters XML 1.0 cannot hold: C0 controls except tab/newline, surrogates, U+FFFE/U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) → text with `\\n` line ends; a clear error otherwise."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{source}: byte {error.start}: not valid UTF-8 (0x{data[error.start]:02x}); "
            "save the file as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_xml_chars(text: str, source: str) -> None:
    """Refuse characters that no XML or HTML output could hold, naming line and column."""
    match = NOT_XML.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        raise InputError(
            f"{source}:{line}:{column}: character U+{ord(match.group()):04X} cannot be "
            "written to XML; remove it from the source"
        )


def is_heading_line(line: str) -> bool:
    """A short line without sentence-final punctuation: the heading after a section marker."""
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(SENTENCE_FINAL)


def parse(text: str, source: str = "-") -> Document:
    """Text (already decoded, `\\n` line ends) → a Document skeleton with no tokens yet."""
    check_xml_chars(text, source)
    document = Document(source=source, characters=len(text.replace("\n", "")))
    section = Section()
    expect_heading = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        marker = SECTION_MARKER.fullmatch(line)
        heading = MARKDOWN_HEADING.fullmatch(line)
        if marker:
            _close(document, section)
            section = Section(n=marker.group(1))
            expect_heading = True
        elif heading and heading.group(2):
            _close(document, section)
            section = Section(head=Block("head", heading.group(2), number))
            expect_heading = False
        elif expect_heading and is_heading_line(line):
            section.head = Block("head", line, number)
            expect_heading = False
        else:
            section.blocks.append(Block("p", line, number))
            expect_heading = False
    _close(document, section)
    return document


def _close(document: Document, section: Section) -> None:
    if section.n is not None or section.head is not None or section.blocks:
        document.sections.append(section)


def read(data: bytes, source: str) -> Document:
    """Source bytes → Document skeleton."""
    return parse(decode(data, source), source)
