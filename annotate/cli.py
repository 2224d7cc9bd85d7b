"""The `annotate` command: the only module that reads argv, prints, or picks an exit code."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__
from .errors import AnnotateError, InputError

FORMAT_NAMES = ("tei", "html", "html-fragment", "json")
DEFAULT_FORMATS = "tei,html,json"
INPUT_SUFFIXES = (".txt", ".md")


def _formats(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMAT_NAMES]
    if unknown or not names:
        raise click.BadParameter(f"{', '.join(unknown) or value!r}: choose from {', '.join(FORMAT_NAMES)}")
    return list(dict.fromkeys(names))


class Group(click.Group):
    """Maps library errors to one line on stderr and their exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AnnotateError as error:
            if ctx.params.get("traceback"):
                raise
            click.echo(f"annotate: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotate")
@click.option("--traceback", is_flag=True, hidden=True, help="Show the traceback of an error.")
def main(traceback: bool) -> None:
    """Turn Chinese text into study editions: pinyin ruby, traditional forms, glossary notes."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory for the outputs (mirrors the input tree).")
@click.option("--format", "formats", default=DEFAULT_FORMATS, show_default=True,
              help="Comma-separated list of tei, html, html-fragment, json.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(exists=False, path_type=Path),
              help="Glossary TSV file or directory (repeatable). Default: ./glossary when it exists.")
@click.option("--reading", type=click.Choice(["marks", "numbers", "zhuyin"]), default="marks", show_default=True,
              help="How readings are written: zhōng, zhong1 or ㄓㄨㄥ.")
@click.option("--variant", type=click.Choice(["tw", "hk", "t"]), default="tw", show_default=True,
              help="Traditional standard: OpenCC s2tw, s2hk or s2t.")
def build(inputs, out_dir, formats, glossaries, reading, variant):
    """Annotate INPUT files or directories and write study editions to --out.

    \b
    Examples:
      annotate build seeds/                         # every .txt/.md → out/
      annotate build lesson1.txt --format html,tei --reading numbers
      annotate build book/ --out editions --glossary terms.tsv --variant hk
      echo 我们学习汉语。 | annotate build - --format json

    INPUT `-` reads standard input and writes one format to standard output.
    """
    from .glossary import load
    from .pipeline import annotate_document
    from .model import Settings
    from .reader import read
    from .writers import FORMATS, write

    names = _formats(formats)
    if not glossaries and Path("glossary").is_dir():
        glossaries = (Path("glossary"),)
    glossary = load(list(glossaries)) if glossaries else None
    settings = Settings(reading=reading, variant=variant)

    if inputs == ("-",):
        if len(names) != 1:
            names = names[:1] if formats == DEFAULT_FORMATS else names
            if len(names) != 1:
                raise click.UsageError("standard input writes one format to standard output: give --format NAME")
        document = annotate_document(read(sys.stdin.buffer.read(), "-"), glossary, settings)
        sys.stdout.buffer.write(write(document, names[0]))
        return

    jobs = list(_plan(inputs, out_dir))
    failed = 0
    for source, stem in jobs:
        try:
            try:
                data = source.read_bytes()
            except OSError as error:
                raise InputError(f"{source}: cannot read: {error.strerror}") from None
            document = annotate_document(read(data, str(source)), glossary, settings)
            for name in names:
                _write_atomic(stem.with_name(stem.name + FORMATS[name].suffix), write(document, name))
        except AnnotateError as error:
            failed += 1
            click.echo(f"annotate: {error}", err=True)
            if len(jobs) == 1:
                sys.exit(error.exit_code)
    written = len(jobs) - failed
    click.echo(f"annotate: {written} of {len(jobs)} file(s) written to {out_dir}/ ({', '.join(names)})", err=True)
    if failed:
        sys.exit(1)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def assets(directory: Path) -> None:
    """Write the fragment's stylesheet and optional script to DIRECTORY.

    \b
    zh-annotate.css  the same CSS that fragments carry inline (link it under a strict CSP)
    zh-annotate.js   remembers the reader's display choices; everything works without it

    \b
    Example:
      annotate assets public/static/
    """
    from .writers.html import asset

    for name in ("zh-annotate.css", "zh-annotate.js"):
        _write_atomic(directory / name, asset(name).encode("utf-8"))
        click.echo(f"annotate: wrote {directory / name}", err=True)


def _plan(inputs, out_dir: Path):
    """(source file, output path without suffix) for every input; directories are searched recursively."""
    for value in inputs:
        path = Path(value)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            for file in found:
                relative = file.relative_to(path)
                yield file, out_dir / relative.with_suffix("")
        elif path.exists():
            yield path, out_dir / path.with_suffix("").name
        else:
            raise InputError(f"{value}: no such file or directory")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
