"""Many files: convert each file as a stream, in parallel, resumably.

- `convert_file` is the per-file function, the same for every way of running it: it reads the
  file twice as a stream (a cheap first pass for the header facts, then the annotation),
  feeds every format's sink paragraph by paragraph, and renames the finished files into
  place, so memory does not grow with the input and no output is ever half-written.
- `run` runs the jobs in this process, in a process pool (`--jobs`), or on a Dask cluster
  (`--scheduler`), with one progress display, report and manifest for all three.

Which files are read and where their outputs go is `planning`'s; the output folder's manifest,
lock and atomic writes are `outputs`'; a long paragraph's parts are `pipeline.cut_long`'s.
"""
from __future__ import annotations

import io
import json
import os
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Callable

from .errors import AnnotateError, InputError
from .outputs import TEMPORARY, Manifest, file_key, fingerprint, locked, sweep, umask, write_atomic
from .planning import Job, is_book, is_page, read_input
from .version import __version__

MARKDOWN = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a worker needs besides the file, picklable."""

    formats: tuple[str, ...] = ("tei", "html", "json")
    reading: str = "marks"
    variant: str = "tw"
    encoding: str = "auto"
    replace_invalid: bool = False
    dictionary: str | None = None
    level: int | None = None
    hsk_standard: str = "2025"
    notes: str = "first"
    vocab_order: str = "first"
    tone_sandhi: bool = False
    capitalize_names: bool = False
    book_variant: bool = False
    """`--variant` was given: a book made from a simplified text is written in those traditional forms."""
    segments: str = "sentences"
    """How a bilingual edition's texts are cut: `sentences`, or `lines` (each line one sentence)."""
    controls: bool = True
    """A web page annotated in place gets the bar of switches (`--no-controls`: not)."""
    stylesheet: str | None = None
    """Where a web page annotated in place links its stylesheet from (`--assets DIR`); None: inline."""

    def settings(self):
        """The analysis settings among these options: every field of Settings, by name."""
        from .model import Settings

        return Settings(**{f.name: getattr(self, f.name) for f in fields(Settings)})


@dataclass(slots=True)
class Result:
    """What became of one job, as the report lists it."""

    source: str
    status: str = "failed"
    """`written`, `skipped` (unchanged since the last run) or `failed`."""
    encoding: str | None = None
    script: str | None = None
    characters: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    replaced: int = 0
    error: str | None = None
    exit_code: int = 0
    """The error's exit code (3 unreadable input), for a run of one file."""
    key: str | None = None
    relative: str = ""
    notices: list[str] = field(default_factory=list)
    """Warnings that did not stop the file (a translation far shorter than its source …)."""
    unaligned: int | None = None
    """In a bilingual edition: sentences of either side left without a counterpart."""
    doubtful: int | None = None
    """In a bilingual edition: beads of both sides the aligner is unsure of (align.REVIEW_BELOW)."""


# ------------------------------------------------------------------ converting

_worker: dict = {}


GC_THRESHOLDS = (1_000_000, 50, 1_000)
"""The cyclic collector's thresholds while converting (Python's are 700, 10, 10). A book makes
millions of short-lived tokens, which reference counting frees, and next to no cycles (a full
collection after converting a file finds 6 to 15 objects, the same for the seed, Tatoeba and
西游记); at the defaults the collector took about 10% of a conversion. A young generation of a
million objects means a handful of collections in a batch and none in a book: at 100,000 it
still ran 3 times in a plain build of 西游记 and 7 times in a learner's one (0.09 and 0.20 s),
whose caches grow as it goes. Measured in bench/RESULTS.md."""


def init_worker(glossary_paths: tuple[str, ...], glossary=None, options: Options | None = None) -> None:
    """Load dictionaries and the glossary once per process (a pool's initializer), and the
    learner's data (CC-CEDICT, HSK lists) when `options` ask for it."""
    import gc

    from .plain import load_pypinyin

    load_pypinyin()  # first, so that pypinyin gets the cached phrase table
    import pypinyin

    from .glossary import load
    from .polyphones import model
    from .readings import confirmed_words, neutral_tables, phrase_overrides, usual_readings
    from .segment import cut

    cut("预热")
    pypinyin.pinyin("预热")
    phrase_overrides()
    confirmed_words()
    neutral_tables()
    usual_readings()
    model()
    _worker["glossary"] = glossary if glossary is not None else (
        load([Path(p) for p in glossary_paths]) if glossary_paths else None)
    if options is not None and options.settings().learner:
        from .dictionary import cedict_senses, hsk_characters, hsk_words

        cedict_senses()  # for the notes, and for the levels of words the lists lack
        hsk_words(options.hsk_standard)
        hsk_characters(options.hsk_standard)
    # What was just loaded lives as long as the process: out of the collector's sight (and, in
    # forked workers, not copied by it). Tokens are many and their cycles few: collect less often.
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def convert(source, relative: str, options: Options, glossary, outputs: dict[str, io.RawIOBase],
            translation: tuple[str, bytes] | None = None, corrections: tuple[str, bytes] | None = None):
    """Stream one source through the passes into every format's sink; returns the Document.

    With a `translation` (name, bytes), the source is read whole first: its sentences are aligned
    with the translation's (and a corrected alignment's beads hold), then it streams as before."""
    from .readers import text as reader
    from .model import Alignment, Block, Document
    from .pipeline import Context, cut_long, stream
    from .writers import open_sink

    from .variants import detect_script

    front = None
    if relative.lower().endswith(MARKDOWN):
        from .readers import markdown

        facts, items, front = markdown.read_text(source.lines(), source.name, options.replace_invalid)
    else:
        facts = reader.scan(source.lines(), source.name, options.replace_invalid)
    script = detect_script(facts.sample)
    if facts.characters == 0 or facts.blocks == 0:
        raise InputError(f"{source.name}: empty file, nothing to annotate")
    settings = options.settings()
    document = Document(source=relative, characters=facts.characters, title_text=facts.title,
                        encoding=source.encoding, script=script, settings=settings, replaced=facts.replaced,
                        front_matter=front)
    context = Context(glossary, settings, script, profile=document.profile)
    if front is not None or relative.lower().endswith(MARKDOWN):
        events = iter(items)
    else:
        events = reader.events(source.lines(), source.name, replace_invalid=options.replace_invalid)
    if isinstance(translation, Alignment):  # pairs already aligned: each source line is one sentence
        events = list(events)
        blocks = [e for e in events if isinstance(e, Block)]
        if [b.text for b in blocks] != [s.text for s in translation.source]:
            at = next((k for k, (b, s) in enumerate(zip(blocks, translation.source)) if b.text != s.text),
                      min(len(blocks), len(translation.source)))
            raise InputError(f"{source.name}: pair {at + 1}'s Chinese side reads as a section marker or a heading "
                             "(B., # …), not as a sentence; write it otherwise")
        document.alignment = translation
        context.bilingual, context.segments = True, "lines"
    elif translation is not None:
        from .translation import attach

        events = list(events)
        document.alignment, document.notices = attach([e for e in events if isinstance(e, Block)], translation,
                                                      corrections, options.segments)
        context.bilingual, context.segments = True, options.segments
    if document.alignment is not None:
        document.alignment.source_language = "zh-Hant" if script == "Hant" else "zh-Hans"
    from .writers import FORMATS

    sinks = [open_sink(name, outputs[name], document) for name in options.formats if name in outputs and name in FORMATS]
    found = _HanSeen(events if document.alignment is not None else cut_long(events))
    context.spellings = "json" in options.formats  # the one format that shows words' spellings
    stream(document, context, found, sinks)
    if not found.seen:
        document.notices.append(f"{source.name}: no Chinese text in it; the edition is written with nothing "
                                "annotated (is it the right file?)")
    return document


class _HanSeen:
    """The items of a stream, passed on as they come, noting whether any block holds a Han character."""

    def __init__(self, items) -> None:
        self.items, self.seen = items, False

    def __iter__(self):
        from .chars import IS_HAN
        from .model import Block

        for item in self.items:
            if not self.seen and isinstance(item, Block) and item.kind != "code" and IS_HAN.search(item.text):
                self.seen = True
            yield item


def convert_file(job: Job, options: Options) -> Result:
    """The per-file function of the local runs: read the file, write its outputs atomically."""
    from .readers import text as reader
    from .writers import FORMATS

    started = time.perf_counter()
    result = Result(job.source, relative=job.relative)
    if is_book(job.source):
        return _book_file(job, options, result, started)
    temporary: dict[str, Path] = {}
    files: dict[str, io.BufferedWriter] = {}
    try:
        page = read_input(Path(job.source)) if is_page(job.source) else None
        translation, corrections = (None, None) if page is not None else _companions(job)
        pairs = _pairs(job.source, read_input(Path(job.source))) if _is_pairs(job.source) else None
        if pairs is not None:
            source, translation = pairs
        elif page is None:
            source = reader.open_source(Path(job.source), name=job.source, encoding=options.encoding)
        stem = Path(job.stem)
        stem.parent.mkdir(parents=True, exist_ok=True)
        for name in options.formats:
            if name in FORMATS:
                temporary[name] = stem.with_name(f".{stem.name}{FORMATS[name].suffix}{TEMPORARY}{os.getpid()}")
                files[name] = temporary[name].open("wb")
        if page is not None:
            from .inplace import convert_page

            document, annotated = convert_page(page, job.source, job.relative, options, _worker.get("glossary"), files)
            if "html" in files:
                files["html"].write(annotated)
            encoding = "utf-8"  # a page is written in UTF-8, whatever it was read in
        else:
            document = convert(source, job.relative, options, _worker.get("glossary"), files, translation, corrections)
            encoding = source.encoding
        extras = _extras(document, options, stem)
        for handle in files.values():
            handle.close()
        mode = 0o666 & ~umask()
        for name, path in temporary.items():
            final = stem.with_name(stem.name + FORMATS[name].suffix)
            os.chmod(path, mode)
            os.replace(path, final)
            result.outputs.append(str(final))
        for path, data in extras.items():
            write_atomic(path, data)
            result.outputs.append(str(path))
        _describe(result, document, encoding)
        result.status = "written"
    except AnnotateError as error:
        result.error, result.exit_code = str(error), error.exit_code
    finally:
        for handle in files.values():
            handle.close()
        for path in temporary.values():
            path.unlink(missing_ok=True)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _book_file(job: Job, options: Options, result: Result, started: float) -> Result:
    """An EPUB → `<out>/NAME.epub`, written to a temporary file first: a failure leaves nothing."""
    from .inplace import convert_book

    stem = Path(job.stem)
    final = stem.with_name(stem.name + ".epub")
    temporary = stem.with_name(f".{stem.name}.epub{TEMPORARY}{os.getpid()}")
    try:
        stem.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as out:
            document = convert_book(job.source, job.source, job.relative, options, _worker.get("glossary"), out)
        os.chmod(temporary, 0o666 & ~umask())
        os.replace(temporary, final)
        result.outputs.append(str(final))
        _describe(result, document, "utf-8")
        result.status = "written"
    except AnnotateError as error:
        result.error, result.exit_code = str(error), error.exit_code
    finally:
        temporary.unlink(missing_ok=True)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def convert_bytes(job: Job, data: bytes, options: Options, glossary,
                  companions: tuple | None = None) -> tuple[Result, dict[str, bytes]]:
    """The per-file function of a cluster run: bytes in, bytes out (no shared file system needed);
    `companions`: the translation and corrected alignment as (name, bytes), read by the client."""
    from .inplace import convert_book, convert_page
    from .readers import text as reader
    from .writers import FORMATS

    started = time.perf_counter()
    result = Result(job.source, relative=job.relative)
    buffers = {name: io.BytesIO() for name in options.formats if name in FORMATS}
    try:
        translation, corrections = companions or (None, None)
        encoding = "utf-8"  # a book or a page is written in UTF-8
        if is_book(job.source):
            buffers = {"epub": io.BytesIO()}
            document = convert_book(io.BytesIO(data), job.source, job.relative, options, glossary, buffers["epub"])
        elif is_page(job.source):
            document, annotated = convert_page(data, job.source, job.relative, options, glossary, buffers)
            if "html" in buffers:
                buffers["html"].write(annotated)
        else:
            if _is_pairs(job.source):
                source, translation = _pairs(job.source, data)
            else:
                source = reader.open_source(data=data, name=job.source, encoding=options.encoding)
            document = convert(source, job.relative, options, glossary, buffers, translation, corrections)
            encoding = source.encoding
        _describe(result, document, encoding)
        result.status = "written"
    except AnnotateError as error:
        result.error, result.exit_code = str(error), error.exit_code
        buffers = {}
    result.seconds = round(time.perf_counter() - started, 3)
    return result, {name: buffer.getvalue() for name, buffer in buffers.items()}


def _describe(result: Result, document, encoding: str) -> None:
    result.encoding = encoding
    result.script = document.script
    result.characters = document.characters
    result.replaced = document.replaced
    result.notices = list(document.notices)
    if document.alignment is not None:
        from .align import unsure

        links = document.alignment.links
        result.unaligned = sum(len(link.source) + len(link.target) for link in links if not link.source or not link.target)
        result.doubtful = sum(map(unsure, links))


def _is_pairs(name: str) -> bool:
    """Inputs that are sentence pairs already aligned (Tatoeba's and Anki's TSV, a TMX)."""
    from .translation import PAIR_SUFFIXES

    return name.lower().endswith(PAIR_SUFFIXES)


def _pairs(name: str, data: bytes):
    """A TSV or TMX of pairs → the source (its Chinese sides, one a line) and their Alignment."""
    from .bilingual import paired
    from .readers import text as reader
    from .translation import read_pairs

    pairs, language = read_pairs(name, data)
    language = language or "en"
    if any("\n" in zh or "\r" in zh for zh, _ in pairs):
        raise InputError(f"{name}: a pair's Chinese side holds a line break; give each pair on one line")
    lines = [zh for zh, _ in pairs if zh.strip()]
    pairs = [(zh if zh.strip() else "", en) for zh, en in pairs]
    source = reader.open_source(data=("\n".join(lines) + "\n").encode("utf-8"), name=name, encoding="utf-8")
    return source, paired(pairs, language, name=Path(name).name)


def _companions(job: Job) -> tuple[tuple[str, bytes] | None, tuple[str, bytes] | None]:
    """The job's translation and corrected alignment, as (name, bytes)."""

    translation, corrections = ((name, read_input(Path(name))) if name else None for name in (job.translation, job.alignment))
    return translation, corrections


def _extras(document, options: Options, stem: Path) -> dict[Path, bytes]:
    """Files of formats that are several files (InterText: the alignment and its two texts)."""
    if "intertext" not in options.formats:
        return {}
    from .writers.alignment import write_intertext

    if document.alignment is None:
        raise InputError(f"{document.source}: --format intertext needs a translation (--translation FILE, or "
                         "NAME.LANG.txt beside NAME.txt)")
    return {stem.with_name(name): data for name, data in write_intertext(document.alignment, stem.name).items()}


def _run_local(job: Job, options: Options) -> Result:
    return convert_file(job, options)


# ------------------------------------------------------------------ running

@dataclass(slots=True)
class Summary:
    results: list[Result] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def characters(self) -> int:
        return sum(r.characters for r in self.results if r.status == "written")


def run(jobs: list[Job], options: Options, out_dir: Path, *, glossary_paths: tuple[str, ...] = (),
        workers: int = 1, force: bool = False, scheduler: str | None = None,
        progress: Callable[[Result, int], None] | None = None, glossary=None,
        waiting: Callable[[str], None] | None = None) -> Summary:
    """Convert every job that is not current; `progress(result, size_in_bytes)` after each. One run
    at a time writes into `out_dir`: `waiting(message)` is told when this one waits for another."""
    if glossary is None and glossary_paths:  # a bad glossary stops the run before it touches `out_dir`
        from .glossary import load

        glossary = load([Path(p) for p in glossary_paths])
    with locked(out_dir, waiting):
        return _run(jobs, options, out_dir, glossary_paths=glossary_paths, workers=workers, force=force,
                    scheduler=scheduler, progress=progress, glossary=glossary)


def _run(jobs: list[Job], options: Options, out_dir: Path, *, glossary_paths: tuple[str, ...], workers: int,
         force: bool, scheduler: str | None, progress, glossary) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    sweep(out_dir)
    manifest = Manifest(out_dir)
    settings_key = fingerprint(options, glossary_paths)
    todo: list[tuple[Job, str, int]] = []
    for job in jobs:
        try:
            key = file_key(job.source, settings_key, job.translation, job.alignment)
        except OSError as error:
            result = Result(job.source, relative=job.relative, error=f"{job.source}: cannot read: {error.strerror}",
                            exit_code=3)
            summary.results.append(result)
            progress and progress(result, 0)
            continue
        size = os.path.getsize(job.source)
        if not force and manifest.is_current(job, key):
            result = Result(job.source, status="skipped", relative=job.relative, key=key, outputs=manifest.outputs(job))
            summary.results.append(result)
            progress and progress(result, size)
            continue
        todo.append((job, key, size))

    def finished(result: Result, key: str, size: int) -> None:
        result.key = key
        manifest.record(result)
        manifest.save()
        summary.results.append(result)
        progress and progress(result, size)

    try:
        if not todo:
            pass
        elif scheduler:
            _run_dask(todo, options, glossary, scheduler, finished)
        elif workers <= 1 or len(todo) == 1:
            init_worker(glossary_paths, glossary, options)
            for job, key, size in todo:
                finished(convert_file(job, options), key, size)
        else:
            _run_pool(todo, options, glossary_paths, workers, finished, glossary)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        manifest.save(force=True)
        sweep(out_dir)
    summary.seconds = time.perf_counter() - started
    return summary


def _run_pool(todo, options: Options, glossary_paths, workers: int, finished, glossary=None) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool
    import multiprocessing

    parent = os.getpid()
    if "fork" in multiprocessing.get_all_start_methods():
        # Load everything once here (frozen); forked workers start with it (shared, copy-on-write).
        init_worker(glossary_paths, glossary, options)
        pool = ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(parent,))
    else:
        pool = ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(parent, glossary_paths, glossary, options))
    try:
        futures = {pool.submit(_run_local, job, options): (job, key, size) for job, key, size in todo}
        for future in as_completed(futures):
            job, key, size = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                result = Result(job.source, relative=job.relative, exit_code=1,
                                error=f"{job.source}: a worker process died (killed?); run again to resume")
            finished(result, key, size)
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


ORPHAN_CHECK = 0.5
"""Seconds between a worker's looks at whether the run that started it is still there."""


def _start_worker(parent: int, *load) -> None:
    """A pool worker's first act: exit when the run that started it dies (killed with -9, its
    workers would otherwise wait on their queue for ever), then load what it needs (spawned)."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="zh-annotate-orphan-watch", daemon=True).start()
    if load:
        init_worker(*load)


def _run_dask(todo, options: Options, glossary, scheduler: str, finished) -> None:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise AnnotateError("--scheduler needs Dask: pip install 'zh-annotate[dask]'") from None
    from .writers import FORMATS

    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise AnnotateError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    try:
        shared = client.scatter(glossary, broadcast=True) if glossary is not None else None
        futures = {}
        for job, key, size in todo:
            data = Path(job.source).read_bytes()
            companions = _companions(job)
            futures[client.submit(convert_bytes, job, data, options, shared, companions, pure=False)] = (job, key, size)
        for future in as_completed(futures):
            job, key, size = futures[future]
            result, outputs = future.result()
            if result.status == "written":
                stem = Path(job.stem)
                for name in [*options.formats, *(n for n in outputs if n not in options.formats)]:  # a book: epub
                    if name in outputs and name in FORMATS:
                        final = stem.with_name(stem.name + FORMATS[name].suffix)
                        write_atomic(final, outputs[name])
                        result.outputs.append(str(final))
            finished(result, key, size)
    finally:
        client.close()


def write_report(path: Path, summary: Summary, options: Options, out_dir: Path) -> None:
    data = {
        "tool": f"zh-annotate {__version__}",
        "options": asdict(options),
        "out": str(out_dir),
        "seconds": round(summary.seconds, 3),
        "interrupted": summary.interrupted,
        "summary": {s: summary.count(s) for s in ("written", "skipped", "failed")},
        "files": [{k: v for k, v in asdict(r).items() if k not in ("key", "relative", "exit_code")}
                  for r in summary.results],
    }
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
