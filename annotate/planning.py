"""Which files a run reads and where their outputs go: directories searched recursively by glob
(never the output folder, nor another run's), each file's stem mirrored under `--out`, a
translation `NAME.LANG.txt` paired with `NAME.txt`, and no output that would overwrite an input."""
from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .outputs import MANIFEST

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
BOOK_SUFFIXES = (".epub",)


def is_page(name: str) -> bool:
    """A web page (or a lone XHTML file), annotated in place."""
    return name.lower().endswith(PAGE_SUFFIXES)


def is_book(name: str) -> bool:
    """An e-book, annotated chapter by chapter into a new book."""
    return name.lower().endswith(BOOK_SUFFIXES)


DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml", "*.epub")


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and where its outputs go."""

    source: str
    """The path as the user will recognise it, for messages."""
    relative: str
    """The path below its input directory: the manifest key, and the name recorded in outputs."""
    stem: str
    """Output path without suffix, inside --out: `out/unit1/lesson`."""
    translation: str | None = None
    """The translation to align with the source (`--translation`, or `NAME.LANG.EXT` beside it)."""
    alignment: str | None = None
    """A corrected alignment whose beads hold (`--alignment`)."""


def plan(inputs: list[str], out_dir: Path, globs: tuple[str, ...] = DEFAULT_GLOBS) -> list[Job]:
    """Jobs for files and directories (searched recursively for names matching `globs`; the output
    folder and any other folder of this tool's outputs are not inputs, so a run never reads back
    what an earlier one wrote)."""
    jobs: list[Job] = []
    for value in inputs:
        path = Path(value)
        if path.is_dir():
            found = sorted(p for p in _walk(path, out_dir) if _matches(p.relative_to(path), globs))
            pairs = [(p, p.relative_to(path)) for p in found]
        elif path.is_file():
            pairs = [(path, Path(path.name))]
        elif path.exists():
            raise InputError(f"{value}: not a regular file (a device, a pipe or a socket); give a file or a folder")
        else:
            raise InputError(f"{value}: no such file or directory")
        translations = _translations([file for file, _ in pairs] if path.is_dir() else _beside(path))
        for file, relative in pairs:
            if any(part.startswith(".") for part in relative.parts):
                continue  # hidden files and folders, our own temporary files among them
            if file in translations.values():
                continue  # a translation is aligned with its source, not annotated itself
            translation = translations.get(file)
            jobs.append(Job(str(file), relative.as_posix(), str(out_dir / relative.with_suffix("")),
                            str(translation) if translation else None))
    seen: dict[str, str] = {}
    root = out_dir.resolve()
    for job in jobs:
        if job.stem in seen:
            raise InputError(f"{job.source}: would overwrite the outputs of {seen[job.stem]} ({job.stem}.*)")
        if not Path(job.stem).resolve().is_relative_to(root):
            raise InputError(f"{job.source}: its outputs would fall outside {out_dir}")
        seen[job.stem] = job.source
    return jobs


def _walk(folder: Path, out_dir: Path):
    """The files below `folder`, but not inside `out_dir` nor inside any folder holding a manifest
    of this tool (another run's `--out`)."""
    skip = out_dir.resolve()
    for root, folders, files in os.walk(folder):
        here = Path(root)
        if here.resolve() == skip or MANIFEST in files:
            folders.clear()
            continue
        folders.sort()
        yield from (here / name for name in files if (here / name).is_file())


def outputs_of(job: Job, formats: tuple[str, ...]) -> list[Path]:
    """The files a job will write (a book: its .epub; InterText's three beside the others)."""
    from .readers.pairs import language_of
    from .writers import FORMATS
    from .writers.alignment import intertext_names

    stem = Path(job.stem)
    if is_book(job.source):
        return [stem.with_name(stem.name + ".epub")]
    found = [stem.with_name(stem.name + FORMATS[name].suffix) for name in formats if name in FORMATS]
    if "intertext" in formats:
        language = (language_of(job.translation) if job.translation else None) or "en"
        found += [stem.with_name(name) for name in intertext_names(stem.name, language)]
    return found


def refuse_overwrites(inputs, outputs) -> None:
    """Stop (exit 3, before anything is written) if an output path is an input of the same run:
    the same path, or another name of the same file (a link, a hard link)."""
    def names(path) -> list:
        found: list = [os.path.normcase(os.path.realpath(path))]
        try:
            info = os.stat(path)
            found.append((info.st_dev, info.st_ino))
        except OSError:
            pass  # an output not written yet: its path is its only name
        return found

    read = {key: path for path in inputs if path is not None and Path(path).is_file() for key in names(path)}
    for path in outputs:
        for key in names(path):
            if key in read:
                raise InputError(f"{path}: would overwrite {read[key]}, an input of this run; write the outputs "
                                 "elsewhere (--out DIR, -o FILE, --report FILE)")


def _beside(path: Path) -> list[Path]:
    """A file given alone and the files beside it that may be its translation (NAME.LANG.EXT)."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    try:
        siblings = sorted(p for p in path.parent.iterdir() if p.name.startswith(stem + ".") and p.is_file())
    except OSError:
        siblings = []
    return [path] + [p for p in siblings if p != path]


def _translations(files: list[Path]) -> dict[Path, Path]:
    """`NAME.LANG.EXT` beside `NAME.EXT` (LANG a BCP 47 tag: en, de, en-GB) is the translation of it."""
    from .readers.pairs import language_of

    names = {file.name: file for file in files}
    found = {}
    for file in files:
        language = language_of(file.name)
        if language is None or file.suffix.lower() not in (".txt", ".md", ".markdown", ".text"):
            continue  # web pages and books carry their own languages: paired with nothing
        stem = file.name[: -len(file.suffix)][: -len(language) - 1]
        for candidate in (stem + file.suffix, stem + ".txt", stem + ".md"):
            source = names.get(candidate)
            if source is not None and source.parent == file.parent and source != file:
                found[source] = file
                break
    return found


def _matches(relative: Path, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(relative.name, g) or fnmatch.fnmatch(relative.as_posix(), g) for g in globs)


def read_input(path: Path) -> bytes:
    """An input file's bytes, or one line naming it: a device (`/dev/zero`), a pipe or a folder
    is refused before it is opened, since reading one would never end or never start."""
    regular_file(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None


def regular_file(path: Path | None) -> Path | None:
    """`path` (or None), unless it names a device, a pipe or a folder: then one line naming it.
    Nothing is opened; a path that does not exist is left for the reading to report."""
    if path is not None and path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise InputError(f"{path}: not a regular file (a device, a pipe or a folder); give a file")
    return path
