"""`annotate edit`: a local server that shows an edition's own page with an edit layer on top,
and saves the corrections to its TEI master.

The standard library's HTTP server is enough for one person and seven routes, and adds no
dependency. The server:
- binds 127.0.0.1 only, at a free port;
- answers only under a random token (`/TOKEN/…`), and a POST only with the token in the
  `X-Annotate-Token` header too (a page elsewhere cannot set it), and only when the Host header
  names this server (DNS rebinding);
- never takes a file name from the client: it edits the edition it was started with and writes
  only that file and its outputs beside it (or, after a conflict, a copy whose name it chooses);
- serves the page under a Content-Security-Policy that allows its own script and nothing else.

The corrections are operations (editing.py) kept in an undo list; the edition on screen is
the TEI as opened with the operations up to the undo position replayed.
"""
from __future__ import annotations

import gc
import hashlib
import json
import re
import secrets
import threading
from base64 import b64encode
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .editing import Edition, EditError, choices, lookup, unsure
from .errors import AnnotateError

HOST = "127.0.0.1"
LARGEST_REQUEST = 1 << 20
"""Bytes of a request body, at most: an edit is a few hundred."""
DEFAULT_FORMATS = ("html", "json")
"""Rendered again after a save, with every other format already beside the edition."""
FIRST_PART = 1 << 19
"""Bytes of a long page sent as a page of its own, ended where a paragraph ends; the rest of
the article is held back and the editor's script adds it in slices. Chromium's parser lets
no click through until a page is all parsed (1.8 s for 40 chapters of 西游记, a 28 MB page),
and a page of half a megabyte is parsed at once."""
SLICE = 1 << 19
"""Bytes of the article the script adds at a time, the page answering clicks in between."""
BLOCKS = "p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|td|th|figure|figcaption|pre|div"
"""The tags a section's top-level elements (headings, paragraphs, lists, tables, quotations,
figures, code) are made of; the inline ones inside them (ruby, span, button…) never hold a block."""


class Conflict(AnnotateError):
    """The edition changed on disk since the editor opened (or last saved) it."""


@dataclass
class Rendering:
    state: str = "idle"
    """`idle`, `rendering`, `done` or `failed`."""
    outputs: list[str] = field(default_factory=list)
    message: str = ""


class Session:
    """One edition being edited: the TEI as opened, the operations, the edition they make."""

    def __init__(self, path: Path, first_part: int = FIRST_PART, slice_size: int = SLICE) -> None:
        """`first_part`, `slice_size`: of a long page (FIRST_PART, SLICE); tests cut a short one."""
        from .planning import read_input

        self.first_part, self.slice_size = first_part, slice_size
        self.path = path
        self.opened = read_input(path)
        parsing = _Parsing(self.opened)
        _warm()  # while lxml parses, which leaves the interpreter free
        self.digest = _digest(self.opened)
        root = parsing.root()
        self.operations: list[dict] = []
        self.position = 0
        """How many operations are applied (the rest can be redone)."""
        self.saved_position = 0
        self.lock = threading.RLock()
        self.pool = None
        self.version = 0
        """Of the article last sent to the page (changes)."""
        self._sent: tuple[str, list[str], str] | None = None
        self._checked = None
        self._unchecked: bytes | None = None
        self.edition = self._open(self.opened, root)
        del root
        self._parsing = parsing
        """Its tree is freed once the readings the model was unsure of are found (`_find_unsure`):
        freeing a book's tree holds up the other threads 0.4 s, which neither the first
        reading's popover nor the first edit need wait for."""
        self.rendering = Rendering()
        self.quiet = threading.Event()
        """Clear while a popover's question is being answered: the rest of a long page waits."""
        self.quiet.set()
        self._asking = 0
        self._asking_lock = threading.Lock()
        self._unsure: dict[int, str] | None = None
        self._unsure_ready = threading.Event()
        self._unsure_started = False
        self.pages = 0
        self._held: dict[int, _Held] = {}
        """The rest of the last page served, if it was cut, by the page's number, until its
        script takes it."""

    def _load(self, data: bytes, checked: bool = True, root=None) -> Edition:
        from .render import load

        with _kept():
            document, _ = load(data, str(self.path), checked=checked, spellings=False, root=root)
            return Edition(document)

    def _open(self, data: bytes, root) -> Edition:
        """The edition, read at once from its tree (None: it is not well-formed), while its check
        against the profile (most of the time on a book) runs in the helper process; where
        reading unchecked fails, read checked, for the message that says what to fix."""
        try:
            if root is None:
                raise ValueError("not well-formed")
            edition = self._load(data, checked=False, root=root)
        except Exception:  # noqa: BLE001 (a TEI that does not fit the profile: the checked read says why)
            return self._load(data)
        self._unchecked = data  # checked once the page is shown (wait_unsure): the browser needs the cores first
        return edition

    def _helper(self, function, *arguments):
        """`function(*arguments)` in the helper process (an AsyncResult): the check and the
        analysis take seconds of a book, which would hold up every answer of this one. A pool
        of multiprocessing's, not concurrent.futures': Ctrl-C stops its work at once (terminate),
        where an executor finishes the running task first (17 s on a book)."""
        import multiprocessing

        if self.pool is None:
            self.pool = multiprocessing.get_context("spawn").Pool(1)
        return self.pool.apply_async(function, arguments)

    @property
    def problems(self) -> list[str]:
        """What the check of the edition as opened found (empty until it is done)."""
        if self._checked is None or not self._checked.ready():
            return []
        try:
            return self._checked.get()
        except Exception:  # noqa: BLE001 (no helper process here: a save checks what it writes either way)
            return []

    def close(self) -> None:
        self._parsing.done()
        if self.pool is not None:
            self.pool.terminate()

    def _find_unsure(self) -> None:
        """In a process of its own: the analysis takes seconds of a book, which would hold up
        every answer of this one."""
        from .editing import unsure_in

        with self.lock:  # block texts and places never change, whatever is edited
            document = self.edition.document
            arguments = ([block.text for block in self.edition.blocks], document.script,
                         document.settings.reading, document.settings.variant)
        try:
            try:
                found = self._helper(unsure_in, *arguments).get()
            except Exception:  # noqa: BLE001 (no process to spare, or none can start here: in this one, then)
                found = unsure_in(*arguments)
            with self.lock:
                self._unsure = unsure(self.edition, found)
        except Exception:  # noqa: BLE001 (the marks are a help: without them the editor still edits)
            self._unsure = {}
        self._unsure_ready.set()
        self._parsing.done()

    # ------------------------------------------------------------------ editing

    def edit(self, operation: dict) -> str:
        with self.lock:
            try:
                message = self.edition.apply(operation)
            except EditError:  # refused before anything changed
                raise
            except Exception as error:  # noqa: BLE001 (a fault of ours: the edition as it was, and the reason)
                self._replay()
                raise EditError(f"this edit failed ({type(error).__name__}: {error}); nothing changed") from None
            del self.operations[self.position:]
            self.operations.append(operation)
            self.position += 1
            return message

    def undo(self) -> str:
        with self.lock:
            if not self.position:
                raise EditError("nothing to undo")
            self.position -= 1
            self._replay()
            return "undone: " + self.operations[self.position]["op"]

    def redo(self) -> str:
        with self.lock:
            if self.position == len(self.operations):
                raise EditError("nothing to redo")
            operation = self.operations[self.position]
            message = self.edition.apply(operation)
            self.position += 1
            return "redone: " + message

    def _replay(self, data: bytes | None = None) -> Edition:
        edition = self._load(self.opened if data is None else data)
        for operation in self.operations[:self.position]:
            edition.apply(operation)
        self.edition = edition
        return edition

    def reload(self) -> str:
        """The edition as it is on disk now, with this session's edits applied again."""
        from .planning import read_input

        with self.lock:
            data = read_input(self.path)
            keep = self.edition
            try:
                self._replay(data)
            except (EditError, AnnotateError) as error:
                self.edition = keep
                raise EditError(f"your edits do not apply to the edition on disk ({error}): nothing reloaded; "
                                "save a copy instead") from None
            self.opened, self.digest = data, _digest(data)
            self.saved_position = -1
            return f"reloaded {self.path.name} from disk; your {self.position} edit(s) applied again"

    # ------------------------------------------------------------------ what the page shows

    def state(self) -> dict:
        with self.lock:
            edition = self.edition
            alignment = edition.document.alignment
            beads = [] if alignment is None else [
                {"source": list(link.source), "target": list(link.target), "confidence": round(link.confidence, 3),
                 "fixed": link.fixed} for link in alignment.links]
            current = self._unsure or {}
            return {"places": len(edition.places), "beads": beads,
                    "unsure": sorted(at for at, reading in current.items() if edition.reading_at(at) == reading),
                    "undo": self.position, "redo": len(self.operations) - self.position,
                    "unsaved": self.position != self.saved_position, "edition": self.path.name,
                    "problems": self.problems, "version": self.version,
                    "entries": {i: {"term": e.term, "gloss": e.gloss} for i, e in edition.document.glossary.items()}}

    def wait_unsure(self, seconds: float = 120) -> None:
        """Wait for the places the model was unsure of: found once, when the page first asks
        (after it is shown: on a book the analysis takes seconds)."""
        with self.lock:
            if not self._unsure_started:
                self._unsure_started = True
                if self._unchecked is not None:
                    self._checked = self._helper(_problems, self._unchecked, self.path.name)
                    self._unchecked = None
                threading.Thread(target=self._find_unsure, daemon=True).start()
        self._unsure_ready.wait(seconds)

    def changes(self, version: str | None) -> dict:
        """The article as it is now, for a page that shows the article of `version`: the sections
        (and the glossary after them) that differ, or the whole article when the page's version
        is not the last one sent (another tab, a reload) or more than sections changed."""
        from .writers import write

        with self.lock:
            article = write(self.edition.document, "html-fragment", style=False).decode("utf-8")
            old = self._sent if version == str(self.version) else None
            known = self._children if old is not None else {}
            new = self._remember(article)
            if old is None or old[0] != new[0] or len(old[1]) != len(new[1]) or not new[1]:
                return {"version": self.version, "article": article}
            sections, children = {}, []
            for k, (before, after) in enumerate(zip(old[1], new[1])):
                if before == after:
                    if k in known:
                        self._children[k] = known[k]
                    continue
                change = _changed_children(known.get(k) or _children(before), after)
                if change is None:  # not cut into elements: the whole section
                    sections[k] = after
                    continue
                units, start, count, total = change
                self._children[k] = units
                children.append({"section": k, "start": start, "count": count, "total": total,
                                 "markup": "".join(units[start:len(units) - (total - start - count)])})
            return {"version": self.version, "sections": sections, "children": children,
                    "tail": new[2] if new[2] != old[2] else None}

    def _remember(self, article: str) -> tuple[str, list[str], str]:
        self.version += 1
        self._sent = _pieces(article)
        self._children: dict[int, list[str]] = {}
        """The top-level elements of sections, where an edit has needed them (a long section is cut once)."""
        return self._sent

    def page(self, out) -> None:
        """The edition's page, written to `out` as the writer makes it (the browser lays out the
        first section while the rest is written), with the editor's stylesheet and script: the
        script first in the body, so that a reading can be clicked before the page is all there.
        A long page ends after its first part (FIRST_PART) with a marker naming the rest, which
        the script then asks for (`rest`) and adds in slices."""
        from .writers import feed, open_sink

        with self.lock:
            self.pages += 1
            self._held.clear()  # a page not finished loading elsewhere is to be loaded again
            held = self._held[self.pages] = _Held()
            written = _Injecting(out, self.pages, self._may_go_on, self.first_part)
            try:
                feed(self.edition.document, [open_sink("html", written, self.edition.document)])
                if written.cut is None:
                    self._held.pop(self.pages, None)
                else:
                    held.slices = _rest(b"".join(written.seen[written.cut:]).decode("utf-8"), self.slice_size)
            finally:
                held.ready.set()
            page = b"".join(written.seen).decode("utf-8")  # while the page adds the rest
            self._remember(page[page.index("<article"):page.rindex("</article>") + len("</article>")])

    def _may_go_on(self) -> None:
        """Wait, before more of the rest of a long page is written, for any popover being answered."""
        self.quiet.wait(5)

    @contextmanager
    def answering(self):
        """A question a person waits for (a reading's popover): the rest of a long page, which
        the page does not wait for, is written after it, not beside it (one interpreter lock)."""
        with self._asking_lock:
            self._asking += 1
            self.quiet.clear()
        try:
            yield
        finally:
            with self._asking_lock:
                self._asking -= 1
                if not self._asking:
                    self.quiet.set()

    def rest(self, number: int, seconds: float = 120) -> list[tuple[str, str]]:
        """The rest of page `number` (held back after its first part) as slices: (`section`,
        elements to add to the last section of the article) or (`article`, elements to add to
        the article). Given once; refused for any other page (one sent whole, an older one)."""
        held = self._held.get(number)
        if held is None or not held.ready.wait(seconds):
            raise EditError("this page is not the editor's latest: reload it")
        self._held.pop(number, None)
        if held.slices is None:
            raise EditError("the page could not be written: reload it")
        return held.slices

    # ------------------------------------------------------------------ saving

    def save(self, copy: bool = False) -> str:
        """Write the edition to its TEI: checked against the profile, refused if the file changed
        on disk since it was opened or saved, written atomically; then its other formats are
        rendered again in the background. `copy`: to a new file beside it instead."""
        from .outputs import write_atomic
        from .validate import check
        from .writers import write

        with self.lock:
            data = write(self.edition.document, "tei")
            problems = check(data)
            if problems:
                first = problems[0]
                raise EditError(f"not saved: the edition would not fit the TEI profile (line {first.line}: "
                                f"{first.message}); undo the last edit")
            if copy:
                target = self._copy_name()
            else:
                target = self.path
                try:
                    now = target.read_bytes()
                except OSError:
                    now = None
                if now is None or _digest(now) != self.digest:
                    raise Conflict(f"{self.path.name} changed on disk since the editor opened it: nothing was "
                                   "saved, and your edits are still here. Reload it (your edits are applied again) "
                                   "or save a copy.")
            write_atomic(target, data)
            if not copy:
                self.digest = _digest(data)
                self.saved_position = self.position
            self._render(target)
            return f"saved {target.name}"

    def _copy_name(self) -> Path:
        from .readers import stem_of

        stem = stem_of(self.path.name)
        for n in range(1, 1000):
            candidate = self.path.with_name(f"{stem}.edited{'' if n == 1 else f'-{n}'}.tei.xml")
            if not candidate.exists():
                return candidate
        raise EditError("too many copies beside the edition: remove some")

    def _render(self, target: Path) -> None:
        from .readers import stem_of
        from .writers import FORMATS

        stem = stem_of(target.name)
        formats = [name for name, kind in FORMATS.items() if name != "tei" and
                   (name in DEFAULT_FORMATS or (target.parent / f"{stem}{kind.suffix}").exists())]
        self.rendering = Rendering("rendering")
        threading.Thread(target=self._render_now, args=(target, formats), daemon=True).start()

    def _render_now(self, target: Path, formats: list[str]) -> None:
        from .render import render

        try:
            result = render(target, formats, target.parent)
            self.rendering = Rendering("done", [Path(p).name for p in result.outputs])
        except Exception as error:  # shown on the page; the TEI is saved either way
            self.rendering = Rendering("failed", message=f"{type(error).__name__}: {error}")


@dataclass
class _Held:
    ready: threading.Event = field(default_factory=threading.Event)
    slices: list[tuple[str, str]] | None = None
    """None until the page is written (and if writing it failed)."""


class _Injecting:
    """A stream that puts the editor's stylesheet at the end of the page's head and its script
    at the start of its body, as the page goes through; and ends a long page after its first
    part, where a paragraph of a section ends, keeping the rest (`seen`) for the script to ask
    for."""

    HEAD = b'<link rel="icon" href="data:,"><link rel="stylesheet" href="edit.css"></head>'
    BODY = b'<body><script src="edit.js"></script>'
    TAG = re.compile(rf"<(/?)(section|{BLOCKS})([\s>])".encode())

    def __init__(self, out, number: int, may_go_on, first_part: int) -> None:
        from .writers.html import page_end

        self.out = out
        self.first_part = first_part
        self.may_go_on = may_go_on
        self.done = False
        self.seen: list[bytes] = []
        """What the writer wrote: the article is what later edits are compared with."""
        self.sent = 0
        self.open: list[bool] = []
        """The block tags open where the page has got to, each True if a section of the text."""
        self.cut: int | None = None
        """Where the page was ended: how many pieces of `seen` it had."""
        self.ending = (f'</section></article><template id="zhe-more" data-page="{number}"></template>'
                       + page_end()).encode("utf-8")

    def write(self, data: bytes) -> int:
        if not self.done and b"<body>" in data:
            data = data.replace(b"</head>", self.HEAD, 1).replace(b"<body>", self.BODY, 1)
            self.done = True
        if self.cut is not None:
            self.may_go_on()  # the rest waits for what a person is waiting for
        self.seen.append(data)
        if self.cut is None:
            self.out.write(data)
            self.sent += len(data)
            self._follow(data)
            if self.sent >= self.first_part and self.open == [True]:  # between two elements of a section
                self.cut = len(self.seen)
                self.out.write(self.ending)
                self.out.close()
        return len(data)

    def _follow(self, data: bytes) -> None:
        for match in self.TAG.finditer(data):
            if match.group(1):
                if self.open:
                    self.open.pop()
            else:
                self.open.append(match.group(2) == b"section" and
                                 data.startswith(b' class="zha-section"', match.end() - 1))

    def flush(self) -> None:
        pass


class _Chunked:
    """HTTP/1.1 chunked transfer of what is written, in pieces of about 64 KB."""

    def __init__(self, wfile) -> None:
        self.wfile = wfile
        self.pending: list[bytes] = []
        self.size = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self.pending.append(data)
        self.size += len(data)
        if self.size >= 1 << 16:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.size:
            self.wfile.write(b"%x\r\n%s\r\n" % (self.size, b"".join(self.pending)))
        self.pending, self.size = [], 0

    def close(self) -> None:
        if not self.closed:
            self.flush()
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
            self.closed = True


_INLINE: dict[str, str] = {}


def inline_hashes() -> dict[str, str]:
    """CSP hashes of the inline script and style every page carries (the same for every
    edition: the page's CSS and its option-remembering script)."""
    if not _INLINE:
        from .model import Document
        from .writers import write

        page = write(Document("-"), "html")
        _INLINE["script"] = " ".join(_hashes(page, b"script"))
        _INLINE["style"] = " ".join(_hashes(page, b"style"))
    return _INLINE


SECTION = '<section class="zha-section"'
AFTER_SECTIONS = re.compile(r'<section class="zha-glossary"|<div class="zha-pops"|<footer class="zha-footer"|</article>')


def _pieces(article: str) -> tuple[str, list[str], str]:
    """An article's HTML as what comes before its sections, each section, and what comes after
    them (glossary, notes, footer). Text never holds a tag (the writer escapes it), so the
    writer's own tags are where they seem to be."""
    prefix, *rest = article.split(SECTION)
    sections = [SECTION + part for part in rest]
    tail = ""
    if sections:
        last = sections[-1]
        end = AFTER_SECTIONS.search(last)
        sections[-1], tail = last[:end.start()], last[end.start():]
        tail = tail[:tail.rindex("</article>")]
    return prefix, sections, tail


BLOCK_TAG = re.compile(rf"<(/?)(?:{BLOCKS})[\s>]")


def _children(section: str, start: int = 0, end: int | None = None) -> list[str] | None:
    """The top-level elements of a section's HTML (`<section …>…</section>`), each as a string;
    or of `section[start:end]`, a run of whole elements. None where there is anything else at the
    top (the caller then sends the whole section). Text never holds `<` (the writer escapes it),
    so every `<p` is a tag."""
    if end is None:
        start, end = section.index(">") + 1, section.rindex("</section>")
    units, depth, begin = [], 0, start
    for match in BLOCK_TAG.finditer(section, start, end):
        if match.group(1):
            depth -= 1
            if depth == 0:
                close = section.index(">", match.end() - 1) + 1
                units.append(section[begin:close])
                begin = close
            elif depth < 0:
                return None
        else:
            if depth == 0:
                if section[begin:match.start()].strip():
                    return None  # text, or an element of another kind, at the top
                begin = match.start()
            depth += 1
    if depth or section[begin:end].strip():
        return None
    return units


def _rest(rest: str, size: int = SLICE) -> list[tuple[str, str]]:
    """What a page held back after its first part (ended between two elements of a section) as
    slices of about SLICE characters for the page to add: the rest of that section's elements,
    each later section (a long one as its start tag, then its elements), and what follows the
    sections. Sections are never nested, and text never holds a tag (the writer escapes it)."""
    rest = rest[:rest.rindex("</article>")]
    close = rest.index("</section>")
    slices = _slices(rest, 0, close, size)
    after = rest[close + len("</section>"):]
    prefix, sections, tail = _pieces(after + "</article>")
    if not sections:
        prefix, tail = "", after
    if prefix:
        slices.append(("article", prefix))
    for section in sections:
        if len(section) <= size:
            slices.append(("article", section))
        else:
            opening = section.index(">") + 1
            slices.append(("article", section[:opening] + "</section>"))
            slices += _slices(section, opening, section.rindex("</section>"), size)
    if tail:
        slices.append(("article", tail))
    return slices


def _slices(section: str, start: int, end: int, size: int) -> list[tuple[str, str]]:
    """`section[start:end]`, a run of its elements, in slices of whole elements of about `size`
    characters."""
    units = _children(section, start, end)
    if units is None:  # not cut into elements: one slice
        units = [section[start:end]]
    slices, run, length = [], [], 0
    for unit in units:
        if run and length + len(unit) > size:
            slices.append(("section", "".join(run)))
            run, length = [], 0
        run.append(unit)
        length += len(unit)
    last = "".join(run)
    if last.strip():
        slices.append(("section", last))
    return slices


def _changed_children(units: list[str] | None, after: str) -> tuple[list[str], int, int, int] | None:
    """Where a section changed, by its top-level elements: (the new section's elements, the
    first that changed, how many of the old ones it replaces, how many the old section had).
    Only the stretch between the unchanged elements at both ends is cut again."""
    if units is None:
        return None
    begin, end = after.index(">") + 1, after.rindex("</section>")
    head = 0
    position = begin
    while head < len(units) and after.startswith(units[head], position):
        position += len(units[head])
        head += 1
    tail, stop = 0, end
    while tail < len(units) - head and after.endswith(units[len(units) - 1 - tail], position, stop):
        stop -= len(units[len(units) - 1 - tail])
        tail += 1
    middle = _children(after, position, stop)
    if middle is None:
        return None
    new = units[:head] + middle + units[len(units) - tail:]
    return new, head, len(units) - head - tail, len(units)


def _warm() -> None:
    """Load what the first reading popover needs (CC-CEDICT, pypinyin's tables), so that the
    first click answers at once."""
    import pypinyin

    from .dictionary import cedict

    cedict()
    pypinyin.pinyin("中", heteronym=True)


class _Parsing:
    """An edition's TEI parsed by lxml in a thread (`readers.tei.parse`), which leaves the
    interpreter to this one meanwhile. `root()` waits for the tree (None if it is not
    well-formed); `done()` says it has been read, and the thread frees it and tidies the memory
    it was in (`_tidy`) before it ends."""

    def __init__(self, data: bytes) -> None:
        from .readers.tei import parse

        self.tree = None
        self.parsed, self.read = threading.Event(), threading.Event()
        threading.Thread(target=self._run, args=(parse, data), daemon=True).start()

    def _run(self, parse, data: bytes) -> None:
        try:
            self.tree = parse(data)
        except Exception:  # noqa: BLE001 (the checked read says what is wrong)
            self.tree = None
        self.parsed.set()
        self.read.wait()
        self.tree = None  # the last reference: freed here, where it was made
        _tidy()

    def root(self):
        self.parsed.wait()
        return self.tree

    def done(self) -> None:
        self.read.set()


def _tidy() -> None:
    """Have the C library gather the pieces freed in this thread's memory arena before the
    thread ends. A tree of a book is a million small pieces; glibc gathers them lazily, on the
    next larger request in the arena, and an ended thread's arena goes to the next thread
    started: the next request would wait 0.3 s before its first byte. One request of 64 KB,
    made here through ctypes, gathers them now, when the page has just become whole (the
    other threads are held up as long, 0.3 s on a book, by the memory given back)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        malloc, free = libc.malloc, libc.free
        malloc.restype, malloc.argtypes, free.argtypes = ctypes.c_void_p, [ctypes.c_size_t], [ctypes.c_void_p]
        free(malloc(1 << 16))
    except (OSError, AttributeError, TypeError):  # no C library to be found this way: nothing to tidy
        pass


def _problems(data: bytes, name: str) -> list[str]:
    from .validate import check

    return [f"{name}:{problem.line or 0}: {problem.message}" for problem in check(data)[:3]]


@contextmanager
def _kept():
    """An edition read with Python's cycle collector paused, then moved out of its way: a book
    is a million objects, none of them in a cycle, which it would otherwise walk whenever the
    page's writing makes more (0.15 s before the address is printed on 40 chapters of 西游记,
    more after). They are still freed, by their counts, when the session lets them go."""
    from .readers.tei import collector_paused

    with collector_paused():
        yield
        gc.freeze()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hashes(page: bytes, tag: bytes) -> list[str]:
    """CSP hashes of the page's own inline scripts or styles."""
    found = re.findall(rb"<" + tag + rb">(.*?)</" + tag + rb">", page, re.DOTALL)
    return [f"'sha256-{b64encode(hashlib.sha256(body).digest()).decode()}'" for body in found]


def asset(name: str) -> bytes:
    from importlib import resources

    return resources.files("annotate").joinpath("assets", name).read_bytes()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def handle_error(self, request, client_address) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser closed the page before an answer came: nothing to tell
        super().handle_error(request, client_address)

    def __init__(self, session: Session, port: int = 0) -> None:
        self.session = session
        self.token = secrets.token_urlsafe(24)
        super().__init__((HOST, port), Handler)
        self.port = self.server_address[1]
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}

    def server_close(self) -> None:
        super().server_close()
        self.session.close()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/{self.token}/"


@contextmanager
def serving(path: Path, **options):
    """The editor on the edition at `path` (`options` of its Session), its server answering
    from a thread of this process (tests, the benchmark, the README's screenshot); stopped on
    leaving."""
    server = Server(Session(path, **options))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "annotate-edit"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args) -> None:  # noqa: A002 (the base class's name)
        pass  # the terminal shows the address and what is saved, not every request

    def do_GET(self) -> None:  # noqa: N802
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def _serve(self, method: str) -> None:
        server = self.server
        if self.headers.get("Host") not in server.hosts:
            return self._send(421, b"wrong host\n", "text/plain")
        path, _, query = self.path.partition("?")
        prefix = f"/{server.token}/"
        if not secrets.compare_digest(path[:len(prefix)].encode(), prefix.encode()):
            return self._send(404, b"not found\n", "text/plain")
        route = path[len(prefix):]
        if method == "POST":
            origin = self.headers.get("Origin")
            token = self.headers.get("X-Annotate-Token") or ""
            if origin not in (None, f"http://{self.headers.get('Host')}") \
                    or not secrets.compare_digest(token.encode(), server.token.encode()):
                return self._send(403, b"refused\n", "text/plain")
            return self._post(route)
        return self._get(route, query)

    def _get(self, route: str, query: str) -> None:
        session = self.server.session
        if route == "":
            self._headers(200, "text/html; charset=utf-8", None, page=True)
            chunks = _Chunked(self.wfile)
            session.page(chunks)
            chunks.close()
            return None
        if route in ("edit.js", "edit.css"):
            kind = "text/javascript" if route.endswith(".js") else "text/css"
            return self._send(200, asset(f"zh-annotate-edit.{route[5:]}"), f"{kind}; charset=utf-8")
        arguments = _numbers(query)
        try:
            if route == "api/state":
                return self._json(200, session.state())
            if route == "api/unsure":
                session.wait_unsure()
                return self._json(200, session.state())
            # read without the lock, which the page's writing holds: a popover opens while a long
            # page is still being written (an edit replaces a token's readings whole, never in part)
            if route == "api/readings" and "at" in arguments:
                with session.answering():
                    return self._json(200, choices(session.edition, arguments["at"]))
            if route == "api/lookup" and {"start", "end"} <= arguments.keys():
                with session.answering():
                    return self._json(200, lookup(session.edition, arguments["start"], arguments["end"]))
            if route == "api/article":
                return self._json(200, session.changes(None))
            if route == "api/rest" and "page" in arguments:
                return self._json(200, {"slices": session.rest(arguments["page"])})
            if route == "api/status":
                rendering = session.rendering
                return self._json(200, {"state": rendering.state, "outputs": rendering.outputs,
                                        "message": rendering.message})
        except EditError as error:
            return self._json(400, {"error": str(error)})
        return self._send(404, b"not found\n", "text/plain")

    def _post(self, route: str) -> None:
        session = self.server.session
        declared = self.headers.get("Content-Length") or "0"
        length = int(declared) if declared.isdigit() and len(declared) < 10 else LARGEST_REQUEST + 1
        if length > LARGEST_REQUEST or "application/json" not in (self.headers.get("Content-Type") or ""):
            return self._send(400, b"refused\n", "text/plain")
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except (ValueError, UnicodeDecodeError):
            return self._json(400, {"error": "not JSON"})
        actions = {"api/edit": lambda: session.edit(body), "api/undo": session.undo, "api/redo": session.redo,
                   "api/save": lambda: session.save(copy=bool(isinstance(body, dict) and body.get("copy"))),
                   "api/reload": session.reload}
        if route not in actions:
            return self._send(404, b"not found\n", "text/plain")
        try:
            message = actions[route]()
        except Conflict as error:
            return self._json(409, {"error": str(error), "state": session.state()})
        except AnnotateError as error:
            return self._json(400, {"error": str(error), "state": session.state()})
        answer = {"message": message, "state": session.state()}
        if route != "api/save":  # a save changes nothing on the page
            answer |= session.changes(self.headers.get("X-Annotate-Version"))
        return self._json(200, answer)

    def _json(self, status: int, value) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self._headers(status, kind, len(body))
        self.wfile.write(body)

    def _headers(self, status: int, kind: str, length: int | None, page: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length is None:  # the page, not kept alive (send_header closes the connection after it): a long
            # page's response ends after its first part while this thread writes the rest, and a request
            # sent on the same connection would wait for it
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
        else:
            self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        inline = inline_hashes() if page else {"script": "", "style": ""}
        self.send_header("Content-Security-Policy",
                         f"default-src 'none'; script-src 'self' {inline['script']}; style-src 'self' {inline['style']}; "
                         "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                         "frame-ancestors 'none'")
        self.end_headers()


def _numbers(query: str) -> dict[str, int]:
    """The query's numeric arguments (`at=12&x=3`); anything else is ignored."""
    found = {}
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if name in ("at", "start", "end", "page") and value.isdigit() and len(value) < 10:
            found[name] = int(value)
    return found
