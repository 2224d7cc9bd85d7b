"""Bytes → text (encoding) → a stream of sections and blocks, or a bare `Document`.

Rules (the seed's layout, and Markdown):
- a line holding only a letter or number and a full stop (`B.`, `3.`) opens a section `n="B"`;
- the next non-empty line, when short and without sentence-final punctuation, is its heading;
- a Markdown heading (`# 标题`) opens a section with that heading;
- every other non-empty line is a paragraph, kept exactly as written.

Files are read in chunks and decoded incrementally, so memory does not grow with the input.
Encodings: UTF-8 (with or without BOM), UTF-16/32 with a BOM, GB18030 (GBK) and Big5, told or
detected (charset-normalizer, then a check that the text reads as Chinese, never mojibake).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Block, Document, Section
from .common import collect

SECTION_MARKER = re.compile(r"[ \t\u3000]*([A-Za-z0-9]{1,3})[.．][ \t\u3000]*")
MARKDOWN_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*")
SENTENCE_FINAL = tuple("。！？!?；;…：:，,、”\"」』）)")
MAX_HEADING_CHARS = 40
# Characters XML 1.0 cannot hold: C0 controls except tab/newline, surrogates, U+FFFE/U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CHUNK = 1 << 20
SAMPLE = 1 << 18
ENCODINGS = {  # what --encoding accepts, and the codec behind each name
    "utf-8": "utf-8-sig", "utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be", "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030",
    "big5": "big5", "cp950": "cp950", "big5hkscs": "big5hkscs",
}
BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


# ---------------------------------------------------------------- encodings

def codec_for(name: str) -> str:
    key = name.lower().replace("_", "-")
    if key not in ENCODINGS:
        raise InputError(f"unknown encoding {name!r} (choose from auto, {', '.join(sorted(ENCODINGS))})")
    return ENCODINGS[key]


@lru_cache(maxsize=1)
def _frequent_chars() -> frozenset[str]:
    """The 1,500 most frequent Chinese characters (jieba's counts), in both scripts."""
    import jieba
    import opencc

    counts: dict[str, int] = {}
    path = Path(jieba.__file__).with_name("dict.txt")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, *_ = line.split(" ")
            for char in word:
                counts[char] = counts.get(char, 0) + int(freq)
    top = "".join(sorted(counts, key=counts.get, reverse=True)[:1500])
    return frozenset(top + opencc.OpenCC("s2t.json").convert(top))


def reads_as_chinese(text: str) -> bool:
    """Real Chinese text is mostly frequent characters; mojibake is mostly rare ones or kana/Greek."""
    frequent = _frequent_chars()
    wide = [c for c in text if ord(c) > 0x2FFF and not 0x3000 <= ord(c) <= 0x303F and not 0xFF00 <= ord(c) <= 0xFFEF]
    if not wide:
        return True
    return sum(c in frequent for c in wide) / len(wide) >= 0.5


def detect_encoding(sample: bytes, source: str) -> str:
    """BOM, else strict UTF-8, else GB18030 or Big5 as charset-normalizer suggests and the text confirms."""
    for bom, codec in BOMS:
        if sample.startswith(bom):
            if codec != "utf-8-sig":  # UTF-16/32 decode almost any bytes: check it reads as text
                text = codecs.getincrementaldecoder(codec)("replace").decode(sample, final=False)
                if "\ufffd" in text or NOT_XML.search(text) or not reads_as_chinese(text):
                    raise InputError(f"{source}: starts with a {codec.upper()} byte-order mark but does not read "
                                     "as text in it (a binary file?); if it is text, pass --encoding NAME")
            return codec
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        decoder.decode(sample, final=len(sample) < SAMPLE)
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        first_bad = error.start
    from charset_normalizer import from_bytes

    guesses = [m.encoding for m in from_bytes(sample, cp_isolation=["gb18030", "big5", "cp950", "big5hkscs"])]
    candidates = [c for c in guesses if c in ("gb18030", "big5", "cp950", "big5hkscs")]
    candidates += [c for c in ("gb18030", "big5") if c not in candidates]
    for codec in candidates:
        try:
            text = codecs.getincrementaldecoder(codec)("strict").decode(sample, final=len(sample) < SAMPLE)
        except UnicodeDecodeError:
            continue
        if reads_as_chinese(text):
            return codec
    raise InputError(
        f"{source}: byte {first_bad}: not UTF-8 (0x{sample[first_bad]:02x}), and not readable as GB18030 "
        "or Big5 either; if it is text, pass --encoding NAME"
    )


def decode_chunks(chunks: Iterable[bytes], codec: str, source: str) -> Iterator[str]:
    """Decode strictly, chunk by chunk; an undecodable byte is an error naming its offset."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0
    for chunk in chunks:
        pending = len(decoder.getstate()[0]) if hasattr(decoder, "getstate") else 0
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as error:
            position = offset - pending + error.start
            raise InputError(
                f"{source}: byte {position}: cannot be decoded as {codec.removesuffix('-sig')}"
                f"; pass the right --encoding, or fix the file"
            ) from None
        offset += len(chunk)
        if text:
            yield text
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(f"{source}: byte {offset}: the file ends in the middle of a character") from None
    if tail:
        yield tail


def split_lines(pieces: Iterable[str]) -> Iterator[str]:
    """Text pieces → lines without their ends; `\\r\\n` and `\\r` count as `\\n`."""
    held: list[str] = []  # the pieces of a line not ended yet (a long line is joined once, at its end)
    carriage = False  # the last piece ended in \r, whose \n may open the next
    for piece in pieces:
        if carriage:
            piece = "\r" + piece
        carriage = piece.endswith("\r")
        if carriage:
            piece = piece[:-1]
        lines = piece.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if len(lines) > 1:
            held.append(lines[0])
            line, held = "".join(held), []  # the pieces go before the line is used, not after
            yield line
            yield from lines[1:-1]
        held.append(lines[-1])
    last = "".join(held)
    if last or carriage:
        yield last  # a lone \r at the very end is a line end


@dataclass(slots=True)
class Source:
    """A readable input: where its bytes come from, and which codec decodes them."""

    name: str
    codec: str
    path: Path | None = None
    data: bytes | None = None

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            for start in range(0, len(self.data), CHUNK):
                yield self.data[start:start + CHUNK]
            return
        try:
            with self.path.open("rb") as file:
                while chunk := file.read(CHUNK):
                    yield chunk
        except OSError as error:
            raise InputError(f"{self.name}: cannot read: {error.strerror}") from None

    def lines(self) -> Iterator[str]:
        return split_lines(decode_chunks(self.chunks(), self.codec, self.name))

    @property
    def encoding(self) -> str:
        """The encoding's usual name: utf-8, utf-16, gb18030, big5."""
        return {"utf-8-sig": "utf-8"}.get(self.codec, self.codec)


def open_source(path: Path | None = None, *, data: bytes | None = None, name: str | None = None,
                encoding: str = "auto") -> Source:
    """A Source for a file or for bytes in memory, its encoding told or detected."""
    name = name or str(path)
    if encoding != "auto":
        return Source(name, codec_for(encoding), path, data)
    if data is not None:
        sample = data[:SAMPLE]
    else:
        try:
            with path.open("rb") as file:
                sample = file.read(SAMPLE)
        except OSError as error:
            raise InputError(f"{name}: cannot read: {error.strerror}") from None
    return Source(name, detect_encoding(sample, name), path, data)


# ---------------------------------------------------------------- structure

def is_heading_line(line: str) -> bool:
    """A short line without sentence-final punctuation: the heading after a section marker."""
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(SENTENCE_FINAL)


class InvalidCharacters:
    """Refuse characters XML cannot hold (naming line and column), or replace them with U+FFFD."""

    def __init__(self, source: str, replace: bool = False) -> None:
        self.source = source
        self.replace = replace
        self.replaced = 0

    def check(self, line: str, number: int) -> str:
        match = NOT_XML.search(line)
        if match is None:
            return line
        if self.replace:
            line, count = NOT_XML.subn("\ufffd", line)
            self.replaced += count
            return line
        raise InputError(
            f"{self.source}:{number}:{match.start() + 1}: character U+{ord(match.group()):04X} cannot be "
            "written to XML; remove it, or pass --replace-invalid"
        )


def events(lines: Iterable[str], source: str = "-", *, replace_invalid: bool = False,
           invalid: InvalidCharacters | None = None) -> Iterator[Section | Block]:
    """Lines → a stream: a `Section` when one opens, then its blocks (its heading first)."""
    invalid = invalid or InvalidCharacters(source, replace_invalid)
    section = Section()
    announced = False
    expect_heading = False
    for number, line in enumerate(lines, start=1):
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]
        line = invalid.check(line, number)
        if not line.strip():
            continue
        marker = SECTION_MARKER.fullmatch(line)
        heading = MARKDOWN_HEADING.fullmatch(line)
        if marker:
            if not announced and section.n is not None:
                yield section  # a marker with nothing under it is still a section
            section, announced, expect_heading = Section(n=marker.group(1)), False, True
            continue
        if heading and heading.group(2):
            section, expect_heading = Section(), False
            section.head = Block("head", heading.group(2), number, level=len(heading.group(1)))
            yield section
            yield section.head
            announced = True
            continue
        if not announced:
            yield section
            announced = True
        if expect_heading and is_heading_line(line):
            section.head = Block("head", line, number)
            yield section.head
        else:
            yield Block("p", line, number)
        expect_heading = False
    if not announced and section.n is not None:
        yield section


@dataclass(slots=True)
class Facts:
    """What a cheap first pass learns for the header: title, size, script."""

    title: str | None = None
    characters: int = 0
    blocks: int = 0
    sample: str = ""
    """The first few thousand characters of text, for the analysis to tell the script by."""
    replaced: int = 0


def scan(lines: Iterable[str], source: str, replace_invalid: bool = False) -> Facts:
    """Read through once without analysis: the first heading, the character count, a sample."""
    facts = Facts()
    sample: list[str] = []
    sampled = 0
    invalid = InvalidCharacters(source, replace_invalid)
    for item in events(_counting(lines, facts), source, invalid=invalid):
        if isinstance(item, Block):
            facts.blocks += 1
            if item.kind == "head" and facts.title is None and item.text.strip():
                facts.title = item.text.strip()
            if sampled < 3_000:  # enough to tell the script; OpenCC on more costs time
                sample.append(item.text[:SAMPLE_BLOCK])  # not a whole book's line, kept for the whole run
                sampled += len(item.text)
    facts.sample = "".join(sample)
    facts.replaced = invalid.replaced
    return facts


SAMPLE_BLOCK = 10_000
"""Characters of one block that go into the sample, at most."""


def _counting(lines: Iterable[str], facts: Facts) -> Iterator[str]:
    for number, line in enumerate(lines):
        facts.characters += len(line) - (1 if number == 0 and line.startswith("\ufeff") else 0)
        yield line


def parse(text: str, source: str = "-", *, replace_invalid: bool = False) -> Document:
    """Text (any line ends) → a Document skeleton with no tokens yet."""
    text = text.removeprefix("\ufeff")
    document = Document(source=source, characters=len(text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "")))
    invalid = InvalidCharacters(source, replace_invalid)
    collect(events(split_lines([text]), source, invalid=invalid), document)
    document.replaced = invalid.replaced
    return document


def read(data: bytes, source: str = "-", *, encoding: str = "auto", replace_invalid: bool = False) -> Document:
    """Source bytes → Document skeleton (whole text in memory; see `batch` for streaming)."""
    opened = open_source(data=data, name=source, encoding=encoding)
    document = parse("\n".join(opened.lines()), source, replace_invalid=replace_invalid)
    document.encoding = opened.encoding
    return document
