"""zh-annotate: Chinese text → study editions with pinyin ruby, traditional forms and glossary notes.

    >>> import annotate
    >>> document = annotate.annotate_text("我们学习汉语。")
    >>> data = annotate.write(document, "tei")
"""
from __future__ import annotations

from .version import __version__

__all__ = ["__version__", "annotate_text", "load_glossary", "read", "write"]


def annotate_text(text, **options):
    """Chinese text → an annotated `Document` (see `annotate.pipeline.annotate_text`)."""
    from .pipeline import annotate_text as run

    return run(text, **options)


def read(data: bytes, source: str = "-"):
    """Source bytes → a bare `Document` (sections, headings, paragraphs; no words yet)."""
    from .readers.text import read as run

    return run(data, source)


def load_glossary(*paths):
    """Glossary files or directories → a `Glossary` to pass to `annotate_text(glossary=…)`."""
    from pathlib import Path

    from .glossary import load

    return load([Path(p) for p in paths])


def write(document, format: str, **options) -> bytes:
    """An annotated `Document` → bytes in one format: tei, html, html-fragment or json."""
    from .writers import write as run

    return run(document, format, **options)
