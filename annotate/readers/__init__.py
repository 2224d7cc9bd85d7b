"""Readers, mirroring the writers: bytes of a format → the model, each registered by name.

- `text`: a plain source → a bare Document of sections and blocks, for the analysis to fill
  in (streamed by `batch`, a paragraph at a time);
- `markdown`: Markdown → the same, its blocks with kinds (headings with levels, list items,
  quotations, table cells, code) and inline marks (markdown-it-py);
- `page`, `epub`: a web page, an e-book → the Document of their Chinese text. `annotate build`
  uses the parsed page (`page.parse_html`, `epub.open_book`) itself, to annotate it in place
  (`inplace`), a book a few chapters at a time;
- `tei`, `json`: an edition this tool wrote → the annotated Document it shows. What the edition
  gives (words, readings, traditional forms, terms, notes, levels, the translation) goes into the
  model as it stands; text an editor added without markup comes back as tokens of kind `text`,
  which `pipeline.annotate_added` analyses (and only those);
- `pairs` (not registered: it reads companions, not documents): translations, sentence pairs
  and corrected alignments.

A reader knows a format, not the analysis.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Document


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    """File name endings this reader takes: `.tei.xml`."""
    load: Callable[[], Callable[[bytes, str], Document]]
    annotated: bool = True
    """Whether what it reads is an edition (annotated), or a source for the analysis."""


def _text():
    from .text import read

    return read


def _markdown():
    from .markdown import read

    return read


def _page():
    from .page import read

    return read


def _epub():
    from .epub import read

    return read


def _tei():
    from .tei import read

    return read


def _json():
    from .json import read

    return read


READERS = {
    "text": Reader("text", (".txt", ".text"), _text, annotated=False),
    "markdown": Reader("markdown", (".md", ".markdown"), _markdown, annotated=False),
    "page": Reader("page", (".html", ".htm", ".xhtml"), _page, annotated=False),
    "epub": Reader("epub", (".epub",), _epub, annotated=False),
    "tei": Reader("tei", (".tei.xml", ".xml"), _tei),
    "json": Reader("json", (".json",), _json),
}


def reader_for(name: str) -> Reader | None:
    """The reader whose suffix the file name ends with (longest suffix first), else None."""
    lower = name.lower()
    found = [(len(s), r) for r in READERS.values() for s in r.suffixes if lower.endswith(s)]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def stem_of(name: str) -> str:
    """`ch1.tei.xml` → `ch1`, `ch1.json` → `ch1`: the name outputs are made from."""
    reader = reader_for(name)
    if reader is None:
        return name.rsplit(".", 1)[0]
    suffix = max((s for s in reader.suffixes if name.lower().endswith(s)), key=len)
    return name[: len(name) - len(suffix)]
