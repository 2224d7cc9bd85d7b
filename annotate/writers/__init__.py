"""The output formats. Each is a streaming sink: `start`, then `section` and `block` as the
annotated text arrives, then `finish`; `write` runs one over a whole Document in memory.

Markup is always made by lxml (so text is always escaped); what a sink memoises is the
serialised markup of each distinct token, because a book repeats its words thousands of times.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO, Callable

from ..model import Document
from .common import Sink


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    suffix: str
    """File name ending after the stem: `.tei.xml`."""
    load: Callable[[], type[Sink]]


def _tei():
    from .tei import TeiSink

    return TeiSink


def _html():
    from .html import PageSink

    return PageSink


def _fragment():
    from .html import FragmentSink

    return FragmentSink


def _json():
    from .json import JsonSink

    return JsonSink


def _vocab():
    from .vocab import VocabSink

    return VocabSink


def _tmx():
    from .alignment import TmxSink

    return TmxSink


def _tsv():
    from .alignment import TsvSink

    return TsvSink


def _epub():
    from .book import BookSink

    return BookSink


FORMATS = {
    "tei": Format("tei", ".tei.xml", _tei),
    "html": Format("html", ".html", _html),
    "html-fragment": Format("html-fragment", ".fragment.html", _fragment),
    "json": Format("json", ".json", _json),
    "vocab": Format("vocab", ".vocab.tsv", _vocab),
    "tmx": Format("tmx", ".tmx", _tmx),
    "tsv": Format("tsv", ".tsv", _tsv),
    "epub": Format("epub", ".epub", _epub),
}
MULTI_FILE = ("intertext",)
"""Formats written as several files, beside the others (batch._extras): InterText's alignment and its two texts."""


def open_sink(format: str, out: BinaryIO, document: Document, **options) -> Sink:
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    return FORMATS[format].load()(out, document, **options)


def feed(document: Document, sinks: list[Sink]) -> None:
    """Run sinks over a Document that is already annotated and in memory."""
    for sink in sinks:
        sink.start()
    for section in document.sections:
        for sink in sinks:
            sink.section(section)
        for block in section.all_blocks():
            for sink in sinks:
                sink.block(block)
    for sink in sinks:
        sink.finish()


def write(document: Document, format: str, **options) -> bytes:
    """An annotated Document → bytes in one format."""
    if format == "json" and options.get("indent"):
        from .json import pretty

        return pretty(write(document, "json"), options["indent"])
    buffer = io.BytesIO()
    feed(document, [open_sink(format, buffer, document, **options)])
    return buffer.getvalue()
