"""The readings an editor should check: polyphones decided by a fallback, or by the model
with low confidence, one row per distinct word and reading with its first context.

    annotate review seeds/                  # TSV on standard output
    annotate review book.txt --format json

Fix a row by adding the word and its pinyin to `glossary/readings.tsv`; the override is read
at every build, so it survives every regeneration.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .align import REVIEW_BELOW as BEAD_REVIEW_BELOW
from .readings import EVERYDAY

REVIEW_BELOW = 0.9
"""Model readings less sure than this are listed."""
SETTLED = EVERYDAY - {"为"}
"""Function words standing alone, in their usual reading, are not listed (的 de, 了 le, 都 dōu):
the rules read their other uses; they are the ones the model is not asked about. 为 stays
listed: wèi "for" and wéi "as" are both common."""

COLUMNS = ("file", "line", "column", "word", "char", "reading", "source", "confidence", "count", "context")


@dataclass(slots=True)
class Item:
    file: str
    line: int
    column: int
    """1-based column of the character in its line."""
    word: str
    char: str
    reading: str
    source: str
    """`default` (the character's usual reading: nothing in context decided it) or `model`."""
    confidence: float | None
    count: int
    """Occurrences of this word read this way in the file."""
    context: str


TEXT_GLOBS = ("*.txt", "*.md", "*.markdown")
"""What review reads in a folder: text and Markdown sources (a page or a book: review its TEI)."""


def _read(name: str):
    from .errors import InputError
    from .planning import is_book, is_page

    if is_page(name) or is_book(name):
        raise InputError(f"{name}: annotate review reads text and Markdown sources; build the page or book and "
                         "check its readings in the TEI it writes")
    data = Path(name).read_bytes()
    if name.lower().endswith((".md", ".markdown")):
        from .readers.markdown import read as read_markdown

        return read_markdown(data, name)
    from .readers.text import read

    return read(data, name)


def doubtful(token, word: str, offset: int, polyphones) -> bool:
    """Whether the reading of `word[offset]` (the token's simplified form) is one to check: a
    polyphone read by a fallback, or by the model with low confidence. The editor marks the same."""
    char = word[offset]
    if char not in polyphones or (len(word) == 1 and char in SETTLED) or not token.sources:
        return False
    source = token.sources[offset]
    confidence = token.confidence[offset] if token.confidence else None
    return source == "default" or (source == "model" and confidence is not None and confidence < REVIEW_BELOW)


def review(paths: list[Path], glossary=None) -> list[Item]:
    """Items for every file (or every text and Markdown file under a folder), in reading order."""
    from .planning import plan
    from .pipeline import annotate_document
    from .polyphones import model

    polyphones = model().polyphones
    items: list[Item] = []
    for job in plan([str(p) for p in paths], Path("."), TEXT_GLOBS):
        document = annotate_document(_read(job.source), glossary)
        found: dict[tuple, Item] = {}
        for block in document.blocks():
            column = 0
            for token in block.tokens:
                word = token.simplified or token.text
                for offset, char in enumerate(word):
                    if not doubtful(token, word, offset, polyphones):
                        continue
                    source = token.sources[offset]
                    confidence = token.confidence[offset] if token.confidence else None
                    key = (word, offset, token.readings[offset], source)
                    if key in found:
                        found[key].count += 1
                        continue
                    at = column + offset
                    found[key] = Item(job.source, block.line, at + 1, word, char, token.readings[offset], source,
                                      confidence, 1, block.text[max(0, at - 12):at + 13])
                column += len(token.text)
        items.extend(found.values())
    return items


def as_tsv(items: list[Item]) -> str:
    lines = ["\t".join(COLUMNS)]
    for item in items:
        values = asdict(item)
        values["confidence"] = "" if item.confidence is None else f"{item.confidence:.2f}"
        lines.append("\t".join(str(values[c]).replace("\t", " ").replace("\n", " ") for c in COLUMNS))
    return "\n".join(lines) + "\n"


def as_json(items: list[Item]) -> str:
    return json.dumps([asdict(item) for item in items], ensure_ascii=False, indent=1) + "\n"


BEADS_BELOW = BEAD_REVIEW_BELOW
"""Beads less sure than this are listed by `annotate review --beads` (one-sided beads always are)."""
BEAD_COLUMNS = ("file", "bead", "confidence", "source", "translation")


@dataclass(slots=True)
class BeadItem:
    file: str
    bead: str
    """`[3, 4]:[5]`: 0-based sentence numbers of source and translation."""
    confidence: float
    source: str
    translation: str


def review_beads(paths: list[Path], translation: Path | None = None, below: float = BEADS_BELOW) -> list[BeadItem]:
    """The beads a person should check, with both texts: first the sentences left without a
    counterpart (one-sided beads: left out by the translator, or added), then the beads the aligner
    is least sure of, least sure first; for each file with a translation (`translation`, or
    NAME.LANG.txt beside NAME.txt). Beads the user fixed are not listed."""
    from .planning import plan
    from .translation import load

    items: list[tuple[bool, BeadItem]] = []
    for job in plan([str(p) for p in paths], Path("."), TEXT_GLOBS):
        other = translation if translation is not None and len(paths) == 1 else (
            Path(job.translation) if job.translation else None)
        if other is None:
            continue
        alignment = load(Path(job.source), other).alignment
        source = {s.id: s.text.strip() for s in alignment.source}
        target = {t.id: t.text.strip() for t in alignment.target}
        number = {s.id: k for k, s in enumerate(alignment.source)} | {t.id: k for k, t in enumerate(alignment.target)}
        for link in alignment.links:
            one_sided = not link.source or not link.target
            if (one_sided or link.confidence < below) and not link.fixed:
                items.append((one_sided, BeadItem(job.source, f"{[number[i] for i in link.source]}:{[number[i] for i in link.target]}",
                                      round(link.confidence, 3), "".join(source[i] for i in link.source),
                                      " ".join(target[i] for i in link.target))))
    return [item for _, item in sorted(items, key=lambda pair: (not pair[0], pair[1].confidence))]


def beads_as_tsv(items: list[BeadItem]) -> str:
    lines = ["\t".join(BEAD_COLUMNS)]
    for item in items:
        values = asdict(item)
        lines.append("\t".join(str(values[c]).replace("\t", " ").replace("\n", " ") for c in BEAD_COLUMNS))
    return "\n".join(lines) + "\n"
