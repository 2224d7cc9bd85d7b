"""Render an edition: a TEI (possibly edited by hand) or JSON edition → the other formats.

The edition is read back into the model as it stands (readers/), the text an editor added
without markup is analysed (pipeline.annotate_added), and the writers run over the result:
corrections made in the TEI reach the page, the fragment and the JSON, and nothing given is
analysed again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Document


@dataclass(slots=True)
class Rendered:
    """What rendering one edition did."""

    source: str
    outputs: list[str] = field(default_factory=list)
    added: int = 0
    """Characters of text added without markup, analysed now."""
    notices: list[str] = field(default_factory=list)


def load(data: bytes, source: str, checked: bool = True, spellings: bool = True, root=None) -> tuple[Document, int]:
    """An edition's bytes → (annotated Document, characters analysed now). `checked=False`: a
    TEI is not checked against the profile first (readers.tei.read), and `root` is its tree
    where the caller has parsed it already; `spellings=False`: words get no GB/T 16159 spelling
    (only the JSON shows it)."""
    from .pipeline import add_spellings, annotate_added
    from .readers import READERS, reader_for

    reader = reader_for(source)
    if reader is None or not reader.annotated:
        reader = READERS["json"] if data.lstrip()[:1] == b"{" else READERS["tei"]
    document = reader.load()(data, source) if checked or reader.name != "tei" else \
        reader.load()(data, source, checked=False, root=root)
    added = annotate_added(document)
    document.characters += added
    for block in document.blocks() if spellings else ():  # a TEI does not write words' spellings: the JSON shows them
        add_spellings(block)
    return document, added


def render(path: Path, formats: list[str], out_dir: Path) -> Rendered:
    """Render the edition at `path` into `out_dir`, one file per format, each written atomically."""
    from .outputs import write_atomic
    from .planning import read_input
    from .readers import stem_of
    from .writers import FORMATS, write

    data = read_input(path)
    document, added = load(data, str(path))
    result = Rendered(str(path), added=added, notices=document.notices)
    stem = stem_of(path.name)
    outputs = {name: write(document, name) for name in formats}  # every format made before any is written
    for name, output in outputs.items():
        target = out_dir / f"{stem}{FORMATS[name].suffix}"
        write_atomic(target, output)
        result.outputs.append(str(target))
    return result
