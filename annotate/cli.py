"""The `annotate` command: the only module that reads argv, prints, or picks an exit code."""
from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import click

from .errors import AnnotateError, InputError
from .planning import DEFAULT_GLOBS, Job, is_book, outputs_of, plan, read_input, refuse_overwrites, regular_file
from .version import __version__

FORMAT_NAMES = ("tei", "html", "html-fragment", "json", "vocab", "tmx", "tsv", "intertext", "epub")
DEFAULT_FORMATS = "tei,html,json"


def _formats(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMAT_NAMES]
    if unknown or not names:
        raise click.BadParameter(f"{', '.join(unknown) or value!r}: choose from {', '.join(FORMAT_NAMES)}")
    return list(dict.fromkeys(names))


def _regular(ctx, param, value: Path | None) -> Path | None:
    """A companion file (a translation, a corrected alignment) must be a regular file: a device or
    a pipe would be read for ever (its content is hashed for the manifest before anything else)."""
    try:
        return regular_file(value)
    except InputError as error:
        raise click.BadParameter(str(error)) from None


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
              help="Directory for the outputs (mirrors the input tree; nothing is written outside it).")
@click.option("--format", "formats", default=DEFAULT_FORMATS, show_default=True,
              help=f"Comma-separated list of {', '.join(FORMAT_NAMES)}: vocab is an Anki-ready TSV; tmx, tsv and "
                   "intertext are the alignment, for a bilingual edition; epub a book from a text or Markdown source "
                   "(an .epub input is always written as an .epub).")
@click.option("--capitalize-names", is_flag=True,
              help="Capitalise names in the ruby too (Níngbō); word spellings always capitalise them.")
@click.option("--tone-sandhi", is_flag=True,
              help="Show 一 and 不 in their spoken tones (yí gè, bú shì); the JSON always has both.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(exists=False, path_type=Path),
              help="Glossary TSV file or directory (repeatable). Default: ./glossary when it exists.")
@click.option("--reading", type=click.Choice(["marks", "numbers", "zhuyin"]), default="marks", show_default=True,
              help="How readings are written: zhōng, zhong1 or ㄓㄨㄥ.")
@click.option("--variant", type=click.Choice(["tw", "hk", "t"]), default=None,
              help="Traditional standard: OpenCC s2tw, s2hk or s2t. Default: tw. A book holds one script: an .epub "
                   "keeps its own; a book made from a simplified text (--format epub) is simplified, or traditional "
                   "when --variant is given.")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help=f"Which files of a directory to read (repeatable). Default: {' '.join(DEFAULT_GLOBS)}.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes. Default: the number of CPUs.")
@click.option("--encoding", default="auto", show_default=True,
              help="Input encoding: auto (detect), utf-8, utf-16, gb18030 (gbk), big5.")
@click.option("--replace-invalid", is_flag=True,
              help="Replace characters XML cannot hold with U+FFFD (and say how many) instead of stopping.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a JSON report: each file's status, encoding, characters, seconds and errors.")
@click.option("--force", is_flag=True, help="Redo every file, even those unchanged since the last run.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster, e.g. tcp://10.0.0.5:8786 (needs zh-annotate[dask]).")
@click.option("--dictionary", type=click.Choice(["cedict"]), default=None,
              help="Gloss the words the glossary does not cover, from CC-CEDICT, in the sense of their reading.")
@click.option("--level", type=click.IntRange(1, 6), default=None, metavar="N",
              help="The reader's HSK level: words at or below it get no pinyin and no dictionary note.")
@click.option("--translation", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=_regular,
              help="The source's translation, aligned sentence by sentence (one INPUT). In a folder, NAME.LANG.txt "
                   "beside NAME.txt is taken as its translation by itself.")
@click.option("--segments", type=click.Choice(["sentences", "lines"]), default="sentences", show_default=True,
              help="With a translation: split both texts into sentences, or take each line as one sentence.")
@click.option("--alignment", "corrections", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=_regular,
              help="A corrected alignment (beads, TSV of both texts, or InterText) whose beads hold.")
@click.option("--hsk-standard", type=click.Choice(["2025", "2021"]), default="2025", show_default=True,
              help="HSK word list: 2025 (exam syllabus) or 2021 (grading standard GF0025-2021).")
@click.option("--notes", type=click.Choice(["first", "all", "none"]), default="first", show_default=True,
              help="Show a term's note at its first occurrence in each section, at every one, or nowhere.")
@click.option("--vocab-order", type=click.Choice(["first", "level"]), default="first", show_default=True,
              help="Order the vocabulary by first occurrence or by level.")
@click.option("--assets", "assets_href", metavar="DIR",
              help="A web page annotated in place links zh-annotate-page.css from DIR (see `annotate assets`) "
                   "instead of carrying it inline.")
@click.option("--no-controls", is_flag=True, help="A web page annotated in place gets no bar of switches.")
def build(inputs, out_dir, formats, glossaries, reading, variant, globs, jobs, encoding, replace_invalid,
          report_path, force, scheduler, dictionary, level, translation, segments, corrections, hsk_standard, notes,
          vocab_order, tone_sandhi, capitalize_names, assets_href, no_controls):
    """Annotate INPUT files or directories and write study editions to --out.

    \b
    Examples:
      annotate build seeds/                         # every .txt/.md → out/
      annotate build lesson1.txt --format html,tei --reading numbers
      annotate build book/ --out editions --glossary terms.tsv --variant hk
      annotate build corpus/ --glob '*.txt' --jobs 8 --report report.json
      annotate build old/ --encoding big5           # or let auto-detection decide
      echo 我们学习汉语。 | annotate build - --format json
      annotate build lesson.txt --dictionary cedict --level 3 --format html,vocab
      annotate build story.txt --translation story.en.txt     # a bilingual edition
      annotate build stories/ --format tei,html,tmx           # story.en.txt beside story.txt is its translation
      annotate build lesson.md                      # Markdown: headings, lists, tables, code kept
      annotate build page.html                      # a web page annotated in place → out/page.html
      annotate build book.epub                      # an e-book annotated chapter by chapter → out/book.epub

    INPUT `-` reads standard input and writes one format to standard output. A second run
    skips inputs that have not changed (see --force); a bad file is reported and skipped.
    """
    from . import batch
    from .glossary import load
    from .readers.text import codec_for

    names = _formats(formats)
    if encoding != "auto":
        codec_for(encoding)
    glossaries = _glossary_paths(glossaries)
    learner = {"dictionary": dictionary, "level": level, "hsk_standard": hsk_standard, "notes": notes,
               "vocab_order": vocab_order, "tone_sandhi": tone_sandhi,
               "capitalize_names": capitalize_names}
    stylesheet = f"{assets_href.rstrip('/')}/zh-annotate-page.css" if assets_href else None
    options = batch.Options(tuple(names), reading, variant or "tw", encoding, replace_invalid, **learner,
                            book_variant=variant is not None, segments=segments,
                            controls=not no_controls, stylesheet=stylesheet)

    if inputs == ("-",):
        glossary = load(list(glossaries)) if glossaries else None
        if len(names) != 1 and formats != DEFAULT_FORMATS:
            raise click.UsageError("standard input writes one format to standard output: give --format NAME")
        one = dataclasses.replace(options, formats=(names[0],))
        companions = batch._companions(Job("-", "-", "-", _name(translation), _name(corrections)))
        result, outputs = batch.convert_bytes(Job("-", "-", "-"), sys.stdin.buffer.read(), one, glossary,
                                              companions)
        if result.error:
            raise InputError(result.error)
        sys.stdout.buffer.write(outputs[names[0]])
        return

    jobs_list = plan(list(inputs), out_dir, tuple(globs) or DEFAULT_GLOBS)
    if not jobs_list:
        raise InputError(f"{', '.join(inputs)}: no files matching {', '.join(globs or DEFAULT_GLOBS)}")
    if translation is not None or corrections is not None:
        if len(jobs_list) != 1:
            raise click.UsageError("--translation and --alignment go with one INPUT file; in a folder, name a "
                                   "translation NAME.LANG.txt beside NAME.txt")
        jobs_list = [dataclasses.replace(jobs_list[0], translation=_name(translation) or jobs_list[0].translation,
                                         alignment=_name(corrections))]
    read = [path for job in jobs_list for path in (job.source, job.translation, job.alignment)]
    read += [str(path) for path in _glossary_files(glossaries)]
    refuse_overwrites(read, [path for job in jobs_list for path in outputs_of(job, options.formats)]
                            + ([report_path] if report_path else []))
    workers = jobs or os.cpu_count() or 1
    with _Progress(jobs_list) as progress:
        summary = batch.run(jobs_list, options, out_dir, glossary_paths=tuple(str(g) for g in glossaries),
                            workers=workers, force=force, scheduler=scheduler, progress=progress.update,
                            waiting=lambda message: click.echo(f"annotate: {message}", err=True))
    for result in summary.results:
        for notice in result.notices:
            click.echo(f"annotate: {notice}", err=True)
        if result.unaligned or result.doubtful:
            click.echo(f"annotate: {result.source}: {result.unaligned} sentence(s) without a counterpart, "
                       f"{result.doubtful} bead(s) the aligner is unsure of: `annotate review {result.source} "
                       "--beads` lists them", err=True)
    if report_path:
        batch.write_report(report_path, summary, options, out_dir)
    written, skipped, failed = (summary.count(s) for s in ("written", "skipped", "failed"))
    rate = f", {_rate(summary.characters, summary.seconds)}" if written and summary.seconds else ""
    books = sum(is_book(job.source) for job in jobs_list)
    shown = "epub" if books == len(jobs_list) else ", ".join(names) + ("; books: epub" if books else "")
    click.echo(
        f"annotate: {len(jobs_list)} file(s): {written} written, {skipped} unchanged, {failed} failed; "
        f"{summary.characters:,} characters in {summary.seconds:.1f} s{rate} → {out_dir}/ ({shown})",
        err=True,
    )
    if summary.interrupted:
        click.echo("annotate: interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    if failed:
        sys.exit(_exit_code(summary) if len(jobs_list) == 1 else 1)


def _language(value: str | None) -> str | None:
    from .languages import is_language_tag

    if value is not None and not is_language_tag(value):
        raise click.BadParameter(f"{value[:40]!r} is not a language tag (BCP 47: en, de, zh-Hant, en-GB)")
    return value


def _name(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def _rate(characters: int, seconds: float) -> str:
    """1,234,567 characters in 10 s → "123 K chars/s"; small rates without the K."""
    per_second = characters / max(seconds, 1e-6)
    return f"{per_second / 1000:.0f} K chars/s" if per_second >= 10_000 else f"{per_second:.0f} chars/s"


def _exit_code(summary) -> int:
    """A single file's failure keeps its own exit code (3 unreadable input, 70 internal)."""
    return summary.results[0].exit_code


class _Progress:
    """A rich progress bar on a terminal (files, characters, rate, time left); silence otherwise."""

    def __init__(self, jobs) -> None:
        self.total_files = len(jobs)
        self.total_bytes = sum(os.path.getsize(j.source) for j in jobs if os.path.exists(j.source))
        self.done = 0
        self.characters = 0
        self.started = 0.0
        self.bar = None

    def __enter__(self):
        import time

        self.started = time.perf_counter()
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("[bold]annotate"), BarColumn(), TextColumn("{task.fields[files]} files"),
                TextColumn("{task.fields[chars]} chars"), TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False,
            )
            self.bar.start()
            self.task = self.bar.add_task("annotate", total=max(self.total_bytes, 1),
                                          files=f"0/{self.total_files}", chars="0", rate="")
        return self

    def update(self, result, size: int) -> None:
        import time

        self.done += 1
        self.characters += result.characters
        if result.error:
            message = f"annotate: {result.error}"
            self.bar.console.print(message, markup=False, highlight=False) if self.bar else click.echo(message, err=True)
        if result.replaced:
            message = f"annotate: {result.source}: replaced {result.replaced} character(s) XML cannot hold with U+FFFD"
            self.bar.console.print(message, markup=False, highlight=False) if self.bar else click.echo(message, err=True)
        if self.bar:
            elapsed = max(time.perf_counter() - self.started, 1e-6)
            self.bar.update(self.task, advance=size, files=f"{self.done}/{self.total_files}",
                            chars=f"{self.characters:,}", rate=_rate(self.characters, elapsed))

    def __exit__(self, *exc) -> None:
        if self.bar:
            self.bar.stop()


@main.group()
def glossary() -> None:
    """Work with glossary files (TSV, CSV or TBX-Basic)."""


@glossary.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PATH...")
def glossary_check(paths) -> None:
    """Check glossary files and report every problem as `file:line: problem`.

    \b
    Errors: duplicate terms, empty terms or glosses, pinyin whose syllables do not fit
    the term, malformed rows. Warning: a traditional form that disagrees with OpenCC.
    Exit code 4 when there is an error, 0 otherwise.

    \b
    Example:
      annotate glossary check glossary/ terms.tbx
    """
    from .glossary import check

    problems = check(list(paths))
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    click.echo(f"annotate: {errors} error(s), {warnings} warning(s)", err=True)
    if errors:
        sys.exit(4)


def _glossary_files(glossaries) -> list[Path]:
    from .glossary import _expand

    return _expand([Path(g) for g in glossaries if Path(g).exists()])


def _glossary_paths(glossaries: tuple[Path, ...]) -> tuple[Path, ...]:
    """The --glossary paths given, else ./glossary when it exists."""
    if not glossaries and Path("glossary").is_dir():
        return (Path("glossary"),)
    return glossaries


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path), metavar="INPUT...")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(exists=False, path_type=Path),
              help="Glossary file or directory (repeatable). Default: ./glossary when it exists.")
@click.option("--format", "output_format", type=click.Choice(["tsv", "json"]), default="tsv", show_default=True)
@click.option("--beads", is_flag=True, help="List the alignment's sentences without a counterpart, then its least "
              "confident beads, with both texts, instead (a file's translation: --translation, or NAME.LANG.txt "
              "beside NAME.txt).")
@click.option("--translation", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=_regular,
              help="With --beads and one INPUT: its translation.")
def review(inputs, glossaries, output_format, beads, translation) -> None:
    """List the readings an editor should check, with their context.

    \b
    A row is a polyphone that nothing in its context decided (its usual reading) or that
    the context model chose with less than 90% confidence: one row per word and reading,
    with its first position and how often it occurs. To fix one, add the word and its
    pinyin to glossary/readings.tsv (columns: term, pinyin); every build reads it.

    \b
    With --beads, the alignment's beads the aligner is least sure of (confidence under 0.5),
    least sure first, with both texts: correct them in an exported TSV or InterText file and
    pass it to build or align with --alignment.

    \b
    Examples:
      annotate review seeds/
      annotate review lesson.txt --format json > check.json
      annotate review story.txt --beads --translation story.en.txt
    """
    from .glossary import load
    from .review import as_json, as_tsv, beads_as_tsv, review as find, review_beads

    if beads:
        found = review_beads(list(inputs), translation)
        if output_format == "json":
            import json

            click.echo(json.dumps([dataclasses.asdict(item) for item in found], ensure_ascii=False, indent=1))
        else:
            click.echo(beads_as_tsv(found), nl=False)
        click.echo(f"annotate: {len(found)} bead(s) to check", err=True)
        return
    glossaries = _glossary_paths(glossaries)
    items = find(list(inputs), load(list(glossaries)) if glossaries else None)
    click.echo(as_json(items) if output_format == "json" else as_tsv(items), nl=False)
    click.echo(f"annotate: {len(items)} reading(s) to check", err=True)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def assets(directory: Path) -> None:
    """Write the fragment's stylesheet and optional script to DIRECTORY.

    \b
    zh-annotate.css  the same CSS that fragments carry inline (link it under a strict CSP)
    zh-annotate.js   remembers the reader's display choices; everything works without it
    zh-annotate-page.css  for web pages annotated in place (build page.html --assets DIR)

    \b
    Example:
      annotate assets public/static/
    """
    from .outputs import write_atomic
    from .writers.html import asset

    for name in ("zh-annotate.css", "zh-annotate.js", "zh-annotate-page.css"):
        write_atomic(directory / name, asset(name).encode("utf-8"))
        click.echo(f"annotate: wrote {directory / name}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="FILE...")
def validate(files) -> None:
    """Check TEI files against the project's TEI profile.

    \b
    The profile (shipped in the package: annotate/schema/tei_zh_ruby.odd and .rng) is TEI P5
    4.8.0 cut to the modules this tool writes, plus rules a hand edit can break: one Han
    character per <ruby>, one syllable per <rt>, every <term ref> to a glossary entry of the
    same file. Prints `file:line: message` for each problem, or `file: ok`. Exit code 1 when
    any file has a problem, 3 when the only problem is a file that cannot be read.

    \b
    Example:
      annotate validate out/*.tei.xml
    """
    from .validate import check

    failed = unreadable = 0
    for path in files:
        try:
            data = read_input(path)
        except InputError as error:
            click.echo(f"annotate: {error}", err=True)
            failed += 1
            unreadable += 1
            continue
        problems = check(data)
        for problem in problems:
            click.echo(f"{path}:{problem.line or 0}: {problem.message}")
        if problems:
            failed += 1
        else:
            click.echo(f"{path}: ok")
    click.echo(f"annotate: {len(files) - failed} of {len(files)} file(s) fit the TEI profile", err=True)
    if failed:
        sys.exit(3 if unreadable == failed else 1)  # 3: unreadable input, as for every command


@main.command()
@click.argument("editions", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path),
                metavar="EDITION...")
@click.option("--format", "formats", default="html,html-fragment,json", show_default=True,
              help="Comma-separated list of tei, html, html-fragment, json, vocab.")
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory for the outputs, named after each edition (ch1.tei.xml → ch1.html).")
def render(editions, formats, out_dir) -> None:
    """Render TEI (or JSON) editions, as edited, to other formats.

    \b
    Readings, traditional forms, terms, notes, sections and headings come from the edition as
    it stands; nothing it gives is analysed again. Text added without markup (a sentence typed
    into a <p>) is analysed, and only that text. An edit that breaks the TEI profile stops
    that edition with `file:line: what to fix`; the others go on (exit code 1 at the end).

    \b
    Examples:
      annotate render out/lesson.tei.xml --out site/
      annotate render out/*.tei.xml --format html,json --out site/
    """
    from .render import render as run

    from .readers import stem_of
    from .writers import FORMATS

    names = _formats(formats)
    refuse_overwrites(editions, [out_dir / f"{stem_of(path.name)}{FORMATS[name].suffix}"
                                 for path in editions for name in names if name in FORMATS])
    failed = 0
    for path in editions:
        try:
            result = run(path, names, out_dir)
        except AnnotateError as error:
            click.echo(f"annotate: {error}", err=True)
            failed += 1
            continue
        for notice in result.notices:
            click.echo(f"annotate: {notice}", err=True)
        added = f"; {result.added} added character(s) analysed" if result.added else ""
        click.echo(f"annotate: {path} → {', '.join(result.outputs)}{added}", err=True)
    click.echo(f"annotate: {len(editions) - failed} of {len(editions)} edition(s) rendered to {out_dir}/", err=True)
    if failed:
        sys.exit(1)


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("translation", required=False, type=click.Path(dir_okay=False, path_type=Path), callback=_regular)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of standard output (for intertext: the alignment file, its two texts beside it).")
@click.option("--format", "output_format", type=click.Choice(["beads", "tsv", "tmx", "intertext"]), default="tsv",
              show_default=True, help="beads ([0, 1]:[0] a line), tsv (two columns), tmx (TMX 1.4b), intertext.")
@click.option("--segments", type=click.Choice(["sentences", "lines"]), default="sentences", show_default=True,
              help="sentences: split both texts into sentences; lines: each line is one sentence as it is.")
@click.option("--language", metavar="TAG", callback=lambda ctx, param, value: _language(value), help="The translation's language (BCP 47). Default: from its file "
              "name (story.en.txt → en), else en.")
@click.option("--alignment", "corrections", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=_regular,
              help="A corrected alignment (beads, TSV of both texts, or InterText): its beads hold, the rest is "
                   "aligned around them.")
def align(source, translation, output, output_format, segments, language, corrections) -> None:
    """Align a Chinese text with its translation, sentence by sentence, without annotating.

    \b
    Beads pair 0–4 sentences a side (1-1, 1-2, 2-1, 2-2, 1-3, 3-1 …, and 1-0 / 0-1 for an
    omission or an addition), each with a confidence. Paragraph breaks on both sides are
    anchors. A TSV or TMX of pairs given alone is read as already aligned.

    \b
    Examples:
      annotate align story.txt story.en.txt --format tmx -o story.tmx
      annotate align ch1.zh ch1.en --segments lines --format beads
      annotate align story.txt story.en.txt --format intertext -o story.xml
      annotate align story.txt story.en.txt --alignment corrected.tsv --format tsv
    """
    from .align import REVIEW_BELOW, unsure
    from .outputs import write_atomic
    from .translation import load, outputs

    if output is not None:
        refuse_overwrites([source, translation, corrections], [output])
    loaded = load(source, translation, segments=segments, language=language, corrections=corrections)
    for notice in loaded.notices:
        click.echo(f"annotate: {notice}", err=True)
    written = outputs(loaded.alignment, output_format, output)
    refuse_overwrites([source, translation, corrections], [path for path in written if path is not None])
    for path, data in written.items():
        if path is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write_atomic(path, data)
            click.echo(f"annotate: wrote {path}", err=True)
    links = loaded.alignment.links
    unaligned = sum(1 for link in links if not link.source or not link.target)
    doubtful = sum(map(unsure, links))
    click.echo(f"annotate: {len(loaded.alignment.source)} source and {len(loaded.alignment.target)} translation "
               f"sentence(s) in {len(links)} bead(s), {unaligned} with one side only, {doubtful} with confidence "
               f"under {REVIEW_BELOW}", err=True)


@main.command()
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path), callback=_regular)
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="For a source that is not an edition yet: where it is built first.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1 (0: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the address; do not open a browser.")
@click.pass_context
def edit(ctx, edition, out_dir, port, no_browser) -> None:
    """Correct an edition in the browser: readings, beads and notes, saved to its TEI.

    \b
    EDITION is a TEI edition (the master), or a source (story.txt) that is built first into
    --out with the translation beside it (story.en.txt), the edition then opened. The editor
    is a page served on 127.0.0.1 only, under a random token; Ctrl-C stops it. A save writes
    the TEI (checked against the profile, refused if the file changed on disk meanwhile) and
    renders its other formats again.

    \b
    Examples:
      annotate edit out/story.tei.xml
      annotate edit story.txt                 # builds out/story.tei.xml first
      annotate edit out/story.tei.xml --no-browser --port 8765
    """
    import signal
    import threading

    from .editor import Server, Session
    from .readers import reader_for

    reader = reader_for(edition.name)
    if reader is not None and reader.annotated and reader.name != "tei":
        raise click.UsageError(f"{edition}: the editor saves to a TEI edition: give its .tei.xml")
    if reader is None or not reader.annotated:
        jobs_list = plan([str(edition)], out_dir, DEFAULT_GLOBS)
        if len(jobs_list) != 1 or is_book(jobs_list[0].source):
            raise click.UsageError(f"{edition}: give a TEI edition, or one text or Markdown file to build first")
        try:
            ctx.invoke(build, inputs=(str(edition),), out_dir=out_dir, formats="tei,html,json")
        except SystemExit as stop:
            if stop.code:
                raise
        edition = outputs_of(jobs_list[0], ("tei",))[0]
    session = Session(edition)
    try:
        server = Server(session, port)
    except OSError as error:
        raise InputError(f"cannot listen on 127.0.0.1:{port}: {error.strerror}") from None
    click.echo(f"annotate: editing {edition} at {server.url} (Ctrl-C to stop)", err=True)
    if not no_browser:
        import webbrowser

        webbrowser.open(server.url)
    # Ctrl-C asks the serving loop to stop from another thread rather than raising
    # KeyboardInterrupt, which is lost when it lands inside a weakref callback or the collector.
    def stop(signum, frame) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    previous = {number: signal.signal(number, stop) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.serve_forever()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        server.server_close()
    unsaved = session.position != session.saved_position
    click.echo(f"annotate: editor stopped{'; unsaved edits were dropped' if unsaved else ''}", err=True)
