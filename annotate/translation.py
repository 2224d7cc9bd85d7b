"""Files of a source and its translation → the model's Alignment, and an alignment's files.

Reads the texts (readers.pairs), splits and aligns them (bilingual), takes a corrected
alignment into account, and writes `annotate align`'s outputs (writers.alignment).
"""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Alignment, Sentence
from .planning import read_input, regular_file

PAIR_SUFFIXES = (".tsv", ".tmx")
RATIO_WARNING = 3.0
"""A translation this many times longer or shorter than its source (in characters, against the
expected ratio) is reported: it may be the wrong file, or a summary."""


@dataclass(slots=True)
class Loaded:
    alignment: Alignment
    notices: list[str] = field(default_factory=list)


def read_text(path: Path, chinese: bool) -> str:
    """A file's text: the source with the source reader's encoding detection, a translation as UTF-8/16."""
    from .readers.pairs import decode_translation

    if chinese:
        from .readers.text import open_source

        return "\n".join(open_source(path).lines())
    return decode_translation(read_input(path), str(path))


def sides(source_text: str, translation_text: str, segments: str) -> tuple[list[Sentence], list[Sentence]]:
    """Both texts' sentences (`segments="lines"`: a line is a sentence, its id its line number)."""
    from .bilingual import sentences_of, split_chinese, split_translation
    from .readers.pairs import paragraphs

    if segments == "lines":
        found = []
        for text, prefix in ((source_text, "s"), (translation_text, "t")):
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            kept = [(k, line) for k, line in enumerate(lines) if line.strip()]
            found.append(sentences_of([line for _, line in kept], prefix, None, "lines", [k for k, _ in kept]))
        return found[0], found[1]
    source_paragraphs, _ = paragraphs(source_text)
    target_paragraphs, _ = paragraphs(translation_text)
    return (sentences_of(source_paragraphs, "s", split_chinese),
            sentences_of(target_paragraphs, "t", split_translation))


def read_pairs(name: str, data: bytes) -> tuple[list[tuple[str, str]], str | None]:
    """Sentence pairs already aligned, from a TSV or a TMX (by its name), and the translation's
    language where the file says it (a TMX does)."""
    from .readers.pairs import read_tmx_pairs, read_tsv_pairs

    if name.lower().endswith(".tmx"):
        return read_tmx_pairs(data, name)
    return read_tsv_pairs(data, name), None


def load(source: Path, translation: Path | None, *, segments: str = "sentences", language: str | None = None,
         corrections: Path | None = None) -> Loaded:
    """Read, split and align; a TSV or TMX of pairs (as `source`, without a translation) is taken as given."""
    from .bilingual import paired
    from .readers.pairs import language_of

    if not regular_file(source).is_file():
        raise InputError(f"{source}: cannot read: no such file")
    if translation is None:
        if not source.name.lower().endswith(PAIR_SUFFIXES):
            raise InputError(f"{source}: no translation given: pass the translation's file too, or a TSV/TMX of pairs")
        pairs, found = read_pairs(str(source), read_input(source))
        return Loaded(paired(pairs, language or found or "en", name=str(source)))
    source_text = read_text(source, chinese=True)
    translation_text = read_text(translation, chinese=False)
    notices = faults(str(source), str(translation), source_text, translation_text)
    source_sentences, target_sentences = sides(source_text, translation_text, segments)
    correction = (str(corrections), read_input(corrections)) if corrections is not None else None
    alignment, more = _align(source_sentences, target_sentences, language or language_of(translation.name) or "en",
                             str(translation), correction)
    return Loaded(alignment, notices + more)


def attach(blocks, translation: tuple[str, bytes], corrections: tuple[str, bytes] | None,
           segments: str = "sentences") -> tuple[Alignment, list[str]]:
    """A source's blocks (before annotation) and its translation's bytes → the Alignment, and notices.

    The source's sentences are cut from each block's text as pipeline.mark_sentences cuts them
    (split_chinese; with `segments="lines"`, a block is one sentence), so their ids agree."""
    from .bilingual import sentences_of, split_chinese, split_translation
    from .readers.pairs import decode_translation, language_of, paragraphs

    name, data = translation
    text = decode_translation(data, name)
    blocks = [block for block in blocks if block.kind != "code"]  # code is not translated
    notices = faults("source", name, "\n".join(block.text for block in blocks), text)
    target_paragraphs, _ = paragraphs(text)
    source = sentences_of([block.text for block in blocks], "s", split_chinese, segments)
    target = sentences_of(target_paragraphs, "t", split_translation, segments)
    alignment, more = _align(source, target, language_of(name) or "en", Path(name).name, corrections)
    return alignment, notices + more


def _align(source: list[Sentence], target: list[Sentence], language: str, name: str,
           corrections: tuple[str, bytes] | None) -> tuple[Alignment, list[str]]:
    """Align the two sides, a corrected alignment's beads holding; the notices it gives."""
    from .bilingual import make_alignment

    notices, fixed = [], None
    if corrections is not None:
        fixed, notice = read_corrections(Path(corrections[0]), source, target, corrections[1])
        if notice:
            notices.append(f"{corrections[0]}: {notice}")
    alignment = make_alignment(source, target, language, fixed=fixed, name=name)
    return alignment, notices + _unaligned(alignment, name)


def _unaligned(alignment: Alignment, name: str) -> list[str]:
    unaligned = sum(1 for link in alignment.links if not link.source or not link.target)
    if unaligned and len(alignment.links) and unaligned / len(alignment.links) > 0.2:
        return [f"{name}: {unaligned} of {len(alignment.links)} beads have a sentence on one side only: check that "
                "this is the translation of this text"]
    return []


def faults(source: str, translation: str, source_text: str, translation_text: str) -> list[str]:
    """An empty translation is an error; one far longer or shorter than its source a notice."""
    if not translation_text.strip():
        raise InputError(f"{translation}: the translation is empty")
    if not source_text.strip():
        raise InputError(f"{source}: the source is empty")
    zh = sum(1 for c in source_text if not c.isspace())
    en = sum(1 for c in translation_text if not c.isspace())
    expected = 3.0 * zh  # English takes about three letters a Chinese character (MAC: 2.9)
    notices = []
    if en > RATIO_WARNING * expected or en * RATIO_WARNING < expected:
        notices.append(f"{translation}: {en:,} letters against {zh:,} Chinese characters, {en / expected:.1f}× what "
                       "a translation usually takes: is it the translation of this text? Sentences without a "
                       "counterpart stay unaligned")
    return notices


def read_corrections(path: Path, source: list[Sentence], target: list[Sentence], data: bytes):
    """A corrected alignment (beads, TSV of both texts, or InterText) → fixed beads and a notice."""
    from .bilingual import fixed_from_numbers, fixed_from_texts
    from .readers.pairs import read_beads, read_tsv_pairs

    if path.suffix.lower() == ".tsv":
        return fixed_from_texts(read_tsv_pairs(data, str(path)), source, target)
    if path.suffix.lower() == ".xml" or data.lstrip().startswith(b"<"):
        return _intertext_corrections(path, data, source, target)
    return fixed_from_numbers(read_beads(data, str(path)), source, target)


def _intertext_corrections(path: Path, data: bytes, source: list[Sentence], target: list[Sentence]):
    """The links an editor confirmed in InterText (status `man`) → fixed beads. Each names its
    sentences by InterText's `paragraph:sentence` ids of the text as it is now; where the texts
    beside the alignment file say otherwise, the first differing sentence is the notice."""
    from .align import Bead
    from .bilingual import plain
    from .readers.pairs import read_intertext
    from .writers.alignment import intertext_ids

    links, from_doc, to_doc = read_intertext(data, str(path))
    sides = []
    for sentences, doc in ((source, from_doc), (target, to_doc)):
        ids = {v: k for k, v in enumerate(intertext_ids(sentences).values())}
        texts = _document(path, doc) if doc else None
        sides.append((sentences, ids, texts))
    fixed = []
    for left, right, status in links:
        if status != "man":
            continue
        numbers = []
        for (sentences, ids, texts), names in zip(sides, (left, right)):
            for name in names:
                if name not in ids:
                    return fixed, f"a confirmed link names sentence {name}, which the text no longer has"
                sentence = sentences[ids[name]]
                if texts is not None and plain(texts.get(name, "")) != plain(sentence.text):
                    return fixed, (f"the text no longer matches the corrected alignment at {sentence.id} "
                                   f"{sentence.text.strip()[:60]!r} (the corrected file has {texts.get(name, '')[:60]!r}); "
                                   "the confirmed links before it hold, the rest is aligned again")
            numbers.append(tuple(ids[name] for name in names))
        fixed.append(Bead(numbers[0], numbers[1], 1.0, fixed=True))
    return fixed, None


DOCUMENT_LIMIT = 64 << 20
"""Bytes an InterText document beside its alignment may have, at most."""


def _document(alignment: Path, doc: str) -> dict[str, str] | None:
    """The InterText document an alignment's `fromDoc` or `toDoc` names: a file beside the
    alignment, and nothing else. The name is data from the input: a path (`../x`, `/etc/x`), a
    device, a FIFO or an oversized file is refused with one line, never opened or followed."""
    from .readers.pairs import read_intertext_document

    if doc in (".", "..") or any(c in doc for c in "/\\\0") or (len(doc) > 1 and doc[1] == ":"):
        raise InputError(f"{alignment}: its linkGrp names the document {doc!r}, which is not a file name beside it; "
                         "an alignment's fromDoc and toDoc name files in its own folder")
    path = alignment.parent / doc
    try:
        info = path.stat()
    except OSError:
        return None  # not there: the confirmed links are taken without checking their texts
    if not stat.S_ISREG(info.st_mode) or path.resolve().parent != alignment.resolve().parent:
        raise InputError(f"{alignment}: its linkGrp names {doc!r}, which is not a regular file in its folder; "
                         "refusing to read it")
    if info.st_size > DOCUMENT_LIMIT:
        raise InputError(f"{alignment}: {doc} has {info.st_size:,} bytes, more than any InterText document; "
                         "refusing to read it")
    return read_intertext_document(read_input(path), str(path))


def outputs(alignment: Alignment, format: str, target: Path | None) -> dict[Path | None, bytes]:
    """The files `annotate align` writes: path → bytes (None: standard output)."""
    from .writers.alignment import intertext_names, write_beads, write_intertext, write_tmx, write_tsv

    if format == "intertext":
        if target is None:
            raise InputError("--format intertext writes three files: name the alignment's with -o FILE")
        stem = target.name.split(".")[0]
        files = write_intertext(alignment, stem)
        link_name = intertext_names(stem, alignment.language)[2]
        return {(target if name == link_name else target.parent / name): data for name, data in files.items()}
    writer = {"beads": write_beads, "tsv": write_tsv, "tmx": write_tmx}[format]
    return {target: writer(alignment)}
