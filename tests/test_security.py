"""Hostile and careless inputs, read top to bottom: what an attacker or an unlucky user can hand
the tool, and what it must do instead of what they hoped for (issue 25 and before).

Each case builds its input here, small, from nothing. The promise every case checks: one line
naming the file (and the line or entry where there is one), the exit code the README documents
(3 for an unreadable input of a single-file run, 1 for a file of a batch or a bad book), no
traceback, nothing written outside the output folder, and no input modified.

0. Text never becomes markup: source, glossary and translation text escaped in every format;
   entry ids checked; text that looks like the writers' placeholders stays text.
1. Paths that would escape the folders given: an InterText alignment naming its documents
   elsewhere, a language tag used in a file name, an EPUB entry that is a symbolic link.
2. XML that reaches outside: external entities (XXE) and entity bombs in every XML reader.
3. Archives that lie: damaged books, DRM, zip-slip and zip bombs; an entry inflating past its
   declared size, names given twice, a chapter listed twice.
4. Inputs overwritten and outputs read back: the output folder inside the input folder, an output
   path that is an input of the same run.
5. Depth and size: nesting past what a parser keeps, a line without sentence ends.
6. Runs at the same time, and a run killed with its workers alive.
7. The editor's server (`annotate edit`): only on 127.0.0.1, only with its token, only for its
   own Host, never a file the client names; what a person types in stays text.
"""
from __future__ import annotations

import io
import json
import os
import signal
import struct
import subprocess
import sys
import threading
import time
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from lxml import etree

from annotate import outputs, pipeline
from annotate import annotate_text, write
from annotate.cli import main
from annotate.errors import BookError
from annotate.glossary import load
from annotate.model import GlossaryEntry
from annotate.writers.html import asset

from . import recover
from .books import make_book
from .conftest import DATA, ROOT
from .test_batch import _corpus_folder

ANNOTATE = [sys.executable, "-m", "annotate"]
NS = {"t": "http://www.tei-c.org/ns/1.0"}
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1764374400"}
TEXT = "我们学习汉语。老师说：“好好学习。”\n他们都很高兴。\n"
TRANSLATION = "We study Chinese. The teacher said: \"Study well.\"\nThey are all very happy.\n"


def run(*args: str | Path, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real command in a process of its own (so a hang is a time-out, not a stuck test run)."""
    return subprocess.run(ANNOTATE + [str(a) for a in args], capture_output=True, text=True, cwd=cwd or ROOT,
                          env=ENV, timeout=timeout)


def one_line(result: subprocess.CompletedProcess, name: str, *, code: int, says: str) -> None:
    """The file's failure is one line, starting `annotate: `, naming it and saying `says`; the
    exit code `code`; no traceback."""
    output = result.stderr
    assert result.returncode == code, output
    lines = [line for line in output.splitlines() if name in line and says in line]
    assert len(lines) == 1 and lines[0].startswith("annotate: "), output
    assert "Traceback" not in output and "Error:" not in output, output


def files_written(folder: Path) -> set[str]:
    """What a run left in `folder` for a user: its own bookkeeping (the manifest, the lock) aside."""
    return {p for p in files_below(folder) if not Path(p).name.startswith(".annotate-")}


def files_below(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


# ------------------------------------------------------------------ 0. text never becomes markup

@pytest.fixture(scope="module")
def test_glossary():
    return load([DATA / "glossary.tsv"])


@pytest.mark.parametrize("fmt", ["tei", "html", "html-fragment", "json"])
def test_source_and_glossary_text_are_escaped(fmt, test_glossary):
    document = annotate_text('<script>alert(1)</script> & "x" 和<危险>。', glossary=test_glossary)
    data = write(document, fmt)
    assert b"<script>alert" not in data and b"<b>" not in data
    if fmt == "json":
        loaded = json.loads(data)
        assert loaded["glossary"][0]["gloss"] == 'a <b>bold</b> & "quoted" gloss'
        return
    if fmt == "tei":
        root = etree.fromstring(data)
        text = "".join(root.xpath("//t:body//t:p//text()[not(ancestor::t:rt or ancestor::t:reg or ancestor::t:note)]", namespaces=NS))
        gloss = root.xpath("string(//t:gloss)", namespaces=NS)
    else:
        root = lxml.html.fromstring(data.decode("utf-8"))
        text = "".join(recover.from_html(data))
        gloss = root.xpath("string(//dd/*[@class='zha-gloss'])")
        assert root.xpath("string(//*[@popover]/*[@class='zha-gloss'])") == gloss
        assert not root.xpath("//b")
        assert [s.text for s in root.xpath("//script")] == ([asset("zh-annotate.js")] if fmt == "html" else [])
    assert text == '<script>alert(1)</script> & "x" 和<危险>。'
    assert gloss == 'a <b>bold</b> & "quoted" gloss'


@pytest.mark.parametrize("unsafe", ['gl-a"b', "gl-<x>", "gl-A", ""])
def test_an_entry_id_writers_could_not_put_in_markup_unescaped_is_refused(unsafe):
    # Writers put entry ids into attributes as they are; an entry is the one place ids are checked.
    with pytest.raises(ValueError, match="entry id"):
        GlossaryEntry(id=unsafe, term="中国", gloss="China")
    assert GlossaryEntry(id="cd-12", term="中国", gloss="China").id == "cd-12"


HOSTILE_PAGE = ('<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>页</title></head><body>\n'
                '<p>我们学习汉语。<img src="a.png" alt="\ue000zha0\ue001"> 他说 " onerror="alert(1)" x="中文。</p>\n'
                '<p>\ue000zha99999\ue001 和 \ue000zha1-0\ue001 都是文字。</p>\n</body></html>\n')


def test_page_text_that_looks_like_a_placeholder_stays_text(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    result = run("build", tmp_path / "in" / "page.html", "--out", tmp_path / "out", "--format", "html")
    assert result.returncode == 0, result.stderr
    page = lxml.html.fromstring((tmp_path / "out" / "page.html").read_bytes())
    assert not page.xpath("//@*[starts-with(name(), 'on')]"), "an input attribute came alive"
    assert [img.get("alt") for img in page.xpath("//img")] == ["\ue000zha0\ue001"]
    text = page.text_content()
    for kept in ('" onerror="alert(1)" x="', "\ue000zha99999\ue001", "\ue000zha1-0\ue001"):
        assert kept in text


def test_chapter_text_that_looks_like_a_placeholder_stays_well_formed(tmp_path):
    chapter = ('<h1>第一章</h1>\n<p>我们学习汉语。<img src="../images/pic.png" alt="&#xE000;zha0&#xE001;"/> 他说 '
               '&quot; onerror=&quot;alert(1)&quot; x=&quot;中文。&#xE000;zha99999&#xE001;</p>')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "book.epub").write_bytes(make_book(3, [("第一章", chapter)]))
    result = run("build", tmp_path / "in" / "book.epub", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "book.epub") as book:
        root = etree.fromstring(book.read("OEBPS/text/ch1.xhtml"))  # well-formed, or this raises
    assert not root.xpath("//@*[starts-with(local-name(), 'on')]")
    assert "\ue000zha99999\ue001" in "".join(root.itertext())


# ------------------------------------------------------------------ 1. escapes from the folders given

def _intertext(folder: Path, from_doc: str, to_doc: str = "story.en.xml") -> Path:
    """A corrected InterText alignment whose linkGrp names `from_doc` as the Chinese document."""
    path = folder / "story.zh.en.xml"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<linkGrp toDoc="{to_doc}" fromDoc="{from_doc}">\n'
                    '<link type="1-1" xtargets="1:1;1:1" status="man"/>\n</linkGrp>\n', encoding="utf-8")
    return path


@pytest.fixture
def story(tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    (folder / "story.en.txt").write_text(TRANSLATION, encoding="utf-8")
    return folder


@pytest.mark.parametrize("doc", ["../secret/secret.xml", "{secret}", "/dev/zero", "..", "sub/../../secret/secret.xml"])
def test_an_alignment_never_reads_a_document_outside_its_folder(story, tmp_path, doc):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "secret.xml").write_text('<text><s id="1:1">THE SECRET TEXT</s></text>', encoding="utf-8")
    corrected = _intertext(story, doc.format(secret=secret / "secret.xml"))
    result = run("align", "story.txt", "story.en.txt", "--alignment", corrected.name, "--format", "tsv", cwd=story,
                 timeout=60)  # /dev/zero read whole took 3.4 GB before it failed
    one_line(result, "story.zh.en.xml", code=3, says="not a file name beside it")
    assert "SECRET" not in result.stdout + result.stderr


def test_an_alignment_never_opens_a_fifo_or_a_link_out_of_its_folder(story, tmp_path):
    os.mkfifo(story / "story.zh.xml")  # opening it would wait for a writer for ever
    corrected = _intertext(story, "story.zh.xml")
    result = run("align", "story.txt", "story.en.txt", "--alignment", corrected.name, "--format", "tsv", cwd=story,
                 timeout=60)
    one_line(result, "story.zh.en.xml", code=3, says="not a regular file in its folder")
    (tmp_path / "elsewhere.xml").write_text('<text><s id="1:1">THE SECRET TEXT</s></text>', encoding="utf-8")
    (story / "story.zh.xml").unlink()
    (story / "story.zh.xml").symlink_to(tmp_path / "elsewhere.xml")
    result = run("align", "story.txt", "story.en.txt", "--alignment", corrected.name, "--format", "tsv", cwd=story)
    one_line(result, "story.zh.en.xml", code=3, says="not a regular file in its folder")
    assert "SECRET" not in result.stdout + result.stderr


def test_an_alignment_still_reads_its_own_documents(story):
    """The documents beside it are read, and a text that changed is named (the feature the checks guard)."""
    assert run("align", "story.txt", "story.en.txt", "--format", "intertext", "-o", "story.zh.en.xml",
               cwd=story).returncode == 0
    assert {"story.zh.xml", "story.en.xml", "story.zh.en.xml"} <= files_below(story)
    path = story / "story.zh.en.xml"
    path.write_text(path.read_text(encoding="utf-8").replace('status="auto"', 'status="man"'), encoding="utf-8")
    (story / "story.txt").write_text(TEXT.replace("我们", "你们"), encoding="utf-8")
    result = run("align", "story.txt", "story.en.txt", "--alignment", "story.zh.en.xml", "--format", "tsv", cwd=story)
    assert result.returncode == 0 and "no longer matches the corrected alignment" in result.stderr, result.stderr


EVIL_TMX = ('<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4"><header srclang="zh" datatype="plaintext" '
            'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n'
            '<tu><tuv xml:lang="zh"><seg>我们学习汉语。</seg></tuv><tuv xml:lang="{lang}"><seg>We study Chinese.</seg>'
            '</tuv></tu>\n</body></tmx>\n')


@pytest.mark.parametrize("lang", ["en/../../../PWNED", "en\" onload=\"x", "en/x", ""])
def test_a_language_tag_never_becomes_a_file_name(tmp_path, lang):
    folder = tmp_path / "work"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "evil.tmx").write_text(EVIL_TMX.format(lang=lang.replace('"', "&quot;")), encoding="utf-8")
    before = files_below(tmp_path)
    aligned = run("align", "evil.tmx", "--format", "intertext", "-o", "a/b/x.xml", cwd=folder)
    built = run("build", "evil.tmx", "--format", "intertext", "--out", "out", cwd=folder)
    if lang == "":  # no language at all is no attack: the translation is taken as English
        assert aligned.returncode == 0 and built.returncode == 0, aligned.stderr + built.stderr
        assert {"a/b/x.en.xml", "out/evil.zh.en.xml"} <= files_below(folder)
        return
    one_line(aligned, "evil.tmx", code=3, says="is not a language tag")
    one_line(built, "evil.tmx", code=3, says="is not a language tag")
    assert files_written(tmp_path) == before  # nothing written, anywhere


def test_align_refuses_a_language_option_that_is_no_tag(story):
    result = run("align", "story.txt", "story.en.txt", "--language", "en/../x", "--format", "intertext", "-o", "s.xml",
                 cwd=story)
    assert result.returncode == 2 and "is not a language tag" in result.stderr and "Traceback" not in result.stderr
    assert not (story / "s.xml").exists()


def _symlink_entry(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix
    info.external_attr = (0o120777 << 16)  # a symbolic link: unzip creates it, pointing at `target`
    return info


def test_an_epub_entry_that_is_a_symbolic_link_is_refused(tmp_path):
    data = io.BytesIO(make_book(3))
    with zipfile.ZipFile(data, "a") as archive:
        archive.writestr(_symlink_entry("OEBPS/images/passwd", "../../../../etc/passwd"), "../../../../etc/passwd")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "book.epub").write_bytes(data.getvalue())
    result = run("build", tmp_path / "in" / "book.epub", "--out", tmp_path / "out")
    one_line(result, "book.epub", code=1, says="is a symbolic link")
    assert not (tmp_path / "out" / "book.epub").exists()


@pytest.mark.parametrize("args, code", [
    (["build", "story.txt", "--translation", "/dev/zero"], 2),
    (["build", "story.txt", "--translation", "pipe.txt"], 2),
    (["build", "story.txt", "--alignment", "/dev/zero"], 2),
    (["build", "pipe.txt"], 3),
    (["align", "story.txt", "/dev/zero"], 2),
    (["align", "/dev/zero", "story.en.txt"], 3),
    (["render", "/dev/zero"], 1),
    (["validate", "/dev/zero"], 3),
    (["validate", "pipe.txt"], 3),
])
def test_a_device_or_a_pipe_is_never_read(story, args, code):
    """/dev/zero read whole until memory ran out (a MemoryError traceback); a FIFO waited for a
    writer for ever, and for a translation it hung before anything else, hashing it for the
    manifest. Each is one line, refused before it is opened."""
    os.mkfifo(story / "pipe.txt")
    result = run(*args, cwd=story, timeout=60)
    assert result.returncode == code, result.stderr
    assert "not a regular file" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (story / "out").exists() or not files_written(story / "out")


# ------------------------------------------------------------------ 2. XML that reaches outside

SECRET = "TOPSECRET-9271"


def _secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _doctype(root: str, secret: Path) -> str:
    return f'<!DOCTYPE {root} [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'


LAUGHS = ("<!DOCTYPE TEI [" + '<!ENTITY a "lollollollollollollollollollol">'
          + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefg", "bcdefgh")) + "]>\n")


def _edition(story: Path) -> Path:
    assert run("build", "story.txt", "--format", "tei", "--out", "ed", cwd=story).returncode == 0
    return story / "ed" / "story.tei.xml"


def test_a_tei_edition_reads_no_external_entity(story, tmp_path):
    secret = _secret(tmp_path)
    edition = _edition(story)
    text = edition.read_text(encoding="utf-8")
    at = text.index("<TEI")
    text = text[:at] + _doctype("TEI", secret) + text[at:]
    body = text.index("<body>")
    edition.write_text(text[:body] + text[body:].replace("<p>", "<p>&x;", 1), encoding="utf-8")
    line = next(k for k, row in enumerate(edition.read_text(encoding="utf-8").splitlines(), 1) if "&x;" in row)
    result = run("render", edition, "--out", story / "site")
    one_line(result, f"story.tei.xml:{line}", code=1, says="&x; refers to an entity of a DTD, which is never read")
    assert SECRET not in result.stdout + result.stderr and not (story / "site").exists()


def test_an_entity_bomb_is_refused_at_once(story):
    edition = _edition(story)
    text = edition.read_text(encoding="utf-8")
    at = text.index("<TEI")
    body = text.index("<body>")
    edition.write_text(text[:at] + LAUGHS + text[at:body] + text[body:].replace("<p>", "<p>&h;", 1), encoding="utf-8")
    result = run("render", edition, "--out", story / "site", timeout=60)
    one_line(result, "story.tei.xml", code=1, says="not well-formed XML")


def test_pairs_pages_and_chapters_read_no_external_entity(tmp_path):
    secret = _secret(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    tmx = EVIL_TMX.format(lang="en").replace('<?xml version="1.0" encoding="utf-8"?>\n', "")
    (folder / "pairs.tmx").write_text(_doctype("tmx", secret) + tmx.replace("We study", "We &x; study"),
                                      encoding="utf-8")
    (folder / "page.xhtml").write_text('<?xml version="1.0"?>\n' + _doctype("html", secret)
                                       + '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>'
                                       "<body><p>我们&x;学习汉语。</p></body></html>\n", encoding="utf-8")
    (folder / "page.html").write_text(_doctype("html", secret) + "<html><body><p>我们&x;学习汉语。</p></body></html>",
                                      encoding="utf-8")
    chapter = "<h1>第一章</h1><p>我们&x;学习汉语。</p>"
    book = make_book(3, [("第一章", chapter)])
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    chapter_file = files["OEBPS/text/ch1.xhtml"].decode("utf-8")
    files["OEBPS/text/ch1.xhtml"] = chapter_file.replace("<!DOCTYPE html>\n", _doctype("html", secret)).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    (folder / "book.epub").write_bytes(out.getvalue())
    result = run("build", folder, "--out", tmp_path / "out", "--format", "tei,html,json,tsv")
    assert "Traceback" not in result.stderr, result.stderr
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".epub":
                with zipfile.ZipFile(path) as archive:
                    data = b"".join(archive.read(n) for n in archive.namelist())
            assert SECRET.encode() not in data, path


def test_an_intertext_alignment_reads_no_external_entity(story, tmp_path):
    secret = _secret(tmp_path)
    path = story / "story.zh.en.xml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + _doctype("linkGrp", secret)
                    + '<linkGrp toDoc="story.en.xml" fromDoc="story.zh.xml">\n'
                    '<link type="1-1" xtargets="1:1;1:1" status="man"/><!-- &x; -->\n</linkGrp>\n', encoding="utf-8")
    (story / "story.zh.xml").write_text('<?xml version="1.0"?>\n' + _doctype("text", secret)
                                        + '<text><p id="1"><s id="1:1">&x;</s></p></text>\n', encoding="utf-8")
    result = run("align", "story.txt", "story.en.txt", "--alignment", path.name, "--format", "tsv", cwd=story)
    assert "Traceback" not in result.stderr and SECRET not in result.stdout + result.stderr


# ------------------------------------------------------------------ 3. archives that lie

def _rezip(data: bytes, change) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            changed = change(info.filename, source.read(info))
            if changed is not None:
                archive.writestr(changed[0], changed[1])
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("OEBPS/big.bin", b"\0" * (40 << 20))
    return out.getvalue()


@pytest.mark.parametrize("name, make, message", [
    ("corrupt", lambda: b"PK\x03\x04 not really a zip", "not an EPUB (not a zip archive"),
    ("no-opf", lambda: _rezip(make_book(3), lambda n, c: None if n.endswith(".opf") else (n, c)),
     "package document OEBPS/content.opf named in META-INF/container.xml is missing"),
    ("broken-opf", lambda: _rezip(make_book(3), lambda n, c: (n, c.replace(b"<manifest>", b"<manifest", 1))
                                  if n.endswith(".opf") else (n, c)), "content.opf:"),
    ("bad-chapter", lambda: _rezip(make_book(3), lambda n, c: (n, c.replace(b"</p>", b"", 1))
                                   if n.endswith("ch1.xhtml") else (n, c)), "ch1.xhtml:"),
    ("drm", lambda: make_book(3, extra={"META-INF/encryption.xml": AES}), "encrypted (DRM"),
    ("escape", lambda: make_book(3, extra={"../../evil.txt": "x"}), "points outside the book"),
    ("bomb", _bomb, "zip bomb"),
])
def test_bad_books_are_one_line_and_leave_nothing(tmp_path, name, make, message):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{name}.epub").write_bytes(make())
    (folder / "good.epub").write_bytes(make_book(3))
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if f"{name}.epub" in line]
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("annotate: "), result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / f"{name}.epub").exists()
    assert [p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")] == ["good.epub"]



def _lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """The zip with `name`'s uncompressed size set to `size` in its local header and central directory."""
    data = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, size)
    return bytes(data)


def test_an_entry_that_inflates_past_its_declared_size_stops_there(tmp_path):
    inflated = b"<p>" + b"a" * (48 << 20) + b"</p>"  # 48 MB of chapter, declared as 2,000 bytes
    book = make_book(3, extra={"OEBPS/text/ch1.xhtml": inflated})
    book = _lie_about_size(book, "OEBPS/text/ch1.xhtml", 2_000)
    from annotate.readers.epub import open_book

    opened = open_book(io.BytesIO(book), "liar.epub")
    tracemalloc.start()
    try:
        with pytest.raises(BookError, match="cannot be read from the archive"):
            opened.read("OEBPS/text/ch1.xhtml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, f"{peak:,} bytes held while reading a 2,000-byte entry"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "liar.epub").write_bytes(book)
    result = run("build", tmp_path / "in" / "liar.epub", "--out", tmp_path / "out")
    one_line(result, "liar.epub", code=1, says="cannot be read from the archive")
    assert not (tmp_path / "out" / "liar.epub").exists()


AES = ('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/'
       'xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
       '<enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData>'
       '</encryption>')
OBFUSCATED = AES.replace("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "http://www.idpf.org/2008/embedding")


def test_an_entry_named_twice_is_refused(tmp_path):
    data = io.BytesIO(make_book(3, extra={"META-INF/encryption.xml": AES}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we mean to write
        with zipfile.ZipFile(data, "a") as archive:
            archive.writestr("META-INF/encryption.xml", OBFUSCATED)  # the DRM check read this one, the copy the first
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "twice.epub").write_bytes(data.getvalue())
    result = run("build", tmp_path / "in" / "twice.epub", "--out", tmp_path / "out")
    one_line(result, "twice.epub", code=1, says="is in the archive twice")
    assert not (tmp_path / "out" / "twice.epub").exists()


def test_a_chapter_listed_twice_is_written_once(tmp_path):
    book = make_book(3)
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    opf = files["OEBPS/content.opf"].decode("utf-8")
    opf = opf.replace('<item id="ch1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>',
                      '<item id="ch1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>'
                      '<item id="again" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>')
    opf = opf.replace('<itemref idref="ch1"/>', '<itemref idref="ch1"/><itemref idref="again"/><itemref idref="ch1"/>')
    files["OEBPS/content.opf"] = opf.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "book.epub").write_bytes(out.getvalue())
    result = run("build", tmp_path / "in" / "book.epub", "--out", tmp_path / "out")
    assert result.returncode == 0 and "Duplicate name" not in result.stderr, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "book.epub") as archive:
        names = archive.namelist()
        assert len(names) == len(set(names)) and "OEBPS/text/ch1.xhtml" in names
        assert archive.read("OEBPS/text/ch1.xhtml").count(b"<rt") > 10  # annotated, once


# ------------------------------------------------------------------ 4. inputs overwritten, outputs read back

def test_a_folder_run_never_reads_its_own_outputs(tmp_path):
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    for _ in range(3):  # out/ is inside the folder being read
        result = run("build", ".", cwd=folder)
        assert result.returncode == 0, result.stderr
    assert not (folder / "out" / "out").exists()
    assert sorted(p for p in files_below(folder) if not Path(p).name.startswith(".")) == [
        "a.txt", "out/a.html", "out/a.json", "out/a.tei.xml"]
    # another run's output folder inside the input (it holds a manifest) is not input either
    result = run("build", ".", "--out", "../elsewhere", cwd=folder)
    assert result.returncode == 0 and "1 file(s)" in result.stderr, result.stderr
    assert not (tmp_path / "elsewhere" / "out").exists()


def _pairs_tsv(folder: Path) -> Path:
    path = folder / "pairs.tsv"
    path.write_text("我们学习汉语。\tWe study Chinese.\tthird column\n他们很高兴。\tThey are happy.\tkept\n",
                    encoding="utf-8")
    return path


def _pairs_tmx(folder: Path) -> Path:
    path = folder / "pairs.tmx"
    path.write_text(EVIL_TMX.format(lang="en").replace("<tu>", "<tu><note>kept</note>"), encoding="utf-8")
    return path


def _page(folder: Path) -> Path:
    path = folder / "page.html"
    path.write_text("<!DOCTYPE html><html lang=zh><title>页</title><p>我们学习汉语。</p></html>", encoding="utf-8")
    return path


def _book(folder: Path) -> Path:
    path = folder / "book.epub"
    path.write_bytes(make_book(3))
    return path


OVERWRITES = {
    "page": (_page, ["build", "page.html", "--out", "."]),
    "book": (_book, ["build", "book.epub", "--out", "."]),
    "tsv": (_pairs_tsv, ["build", "pairs.tsv", "--format", "tsv", "--out", "."]),
    "tmx": (_pairs_tmx, ["build", "pairs.tmx", "--format", "tmx", "--out", "."]),
    "report": (_page, ["build", "page.html", "--out", "out", "--report", "page.html"]),
}


@pytest.mark.parametrize("case", sorted(OVERWRITES))
def test_no_output_overwrites_an_input_of_the_same_run(tmp_path, case):
    make, args = OVERWRITES[case]
    made = make(tmp_path)
    before = made.read_bytes()
    result = run(*args, cwd=tmp_path)
    one_line(result, made.name, code=3, says="an input of this run")
    assert made.read_bytes() == before


def test_a_corrected_alignment_is_not_overwritten_by_the_build_it_corrects(story):
    assert run("build", "story.txt", "--translation", "story.en.txt", "--format", "tsv", cwd=story).returncode == 0
    corrected = story / "out" / "story.tsv"
    corrected.write_text(corrected.read_text(encoding="utf-8") + "", encoding="utf-8")
    before = corrected.read_bytes()
    result = run("build", "story.txt", "--translation", "story.en.txt", "--alignment", "out/story.tsv",
                 "--format", "tsv", "--force", cwd=story)
    one_line(result, "story.tsv", code=3, says="an input of this run")
    assert corrected.read_bytes() == before


def test_render_and_align_do_not_overwrite_their_inputs(story):
    assert run("build", "story.txt", "--format", "tei", "--out", ".", cwd=story).returncode == 0
    edition = story / "story.tei.xml"
    before = edition.read_bytes()
    result = run("render", "story.tei.xml", "--format", "tei", "--out", ".", cwd=story)
    one_line(result, "story.tei.xml", code=3, says="an input of this run")
    assert edition.read_bytes() == before
    text = (story / "story.en.txt").read_bytes()
    result = run("align", "story.txt", "story.en.txt", "-o", "story.en.txt", cwd=story)
    one_line(result, "story.en.txt", code=3, says="an input of this run")
    assert (story / "story.en.txt").read_bytes() == text


# ------------------------------------------------------------------ 5. depth and size

DEEP = 1_500


@pytest.mark.parametrize("name, data, says", [
    ("deep.md", "> " * 10_000 + "我们学习汉语。\n", "nested more than 100 levels"),
    ("rising.md", "".join("> " * k + f"第{k}行。\n" for k in range(1, 200)), "nested more than 100 levels"),
    ("deep.html", "<!DOCTYPE html><html lang=zh><title>页</title><body>" + "<div>" * DEEP + "我们学习汉语。"
     + "</div>" * DEEP + "</body></html>", "elements nested more than 200 deep"),
    ("deep.xhtml", '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>'
     "<body>" + "<div>" * DEEP + "我们学习汉语。" + "</div>" * DEEP + "</body></html>", "elements nested more than 200"),
])
def test_nesting_past_what_a_parser_keeps_is_one_line_not_lost_text(tmp_path, name, data, says):
    (tmp_path / name).write_text(data, encoding="utf-8")
    result = run("build", name, "--out", "out", cwd=tmp_path)
    one_line(result, name, code=3, says=says)
    assert not files_written(tmp_path / "out")


def test_markdown_nested_as_deep_as_it_is_kept_loses_nothing(tmp_path):
    lines = [f"第{k}行。" for k in range(1, 40)]
    (tmp_path / "q.md").write_text("".join("> " * k + line + "\n" for k, line in enumerate(lines, 1)), encoding="utf-8")
    assert run("build", "q.md", "--format", "json", "--out", "out", cwd=tmp_path).returncode == 0
    edition = json.loads((tmp_path / "out" / "q.json").read_text(encoding="utf-8"))
    text = "".join(b["text"] for s in edition["sections"] for b in s["blocks"])
    assert all(line in text for line in lines)


def test_a_deep_chapter_and_a_deep_json_are_one_line(tmp_path):
    chapter = "<h1>第一章</h1>" + "<div>" * DEEP + "<p>我们学习汉语。</p>" + "</div>" * DEEP
    (tmp_path / "deep.epub").write_bytes(make_book(3, [("第一章", chapter)]))
    one_line(run("build", "deep.epub", "--out", "out", cwd=tmp_path), "deep.epub", code=1, says="nested more than 200")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    one_line(run("render", "deep.json", "--out", "out", cwd=tmp_path), "deep.json", code=1, says="nested too deeply")


def test_a_line_without_sentence_ends_is_cut_into_bounded_parts():
    """Text with sentence ends is cut after them, as before; a run without any is cut at a clause
    mark, a space, or between two words, never into parts longer than pipeline.PART."""
    with_ends = "很长的段落。" * 20_000
    ends = list(pipeline.part_ends(with_ends))
    assert ends[-1] == len(with_ends) and all(e % 6 == 0 for e in ends)  # after a 。 each time
    assert all(0 < b - a <= pipeline.PART for a, b in zip([0, *ends], ends))
    run_on = (DATA / "xiyouji_s.txt").read_text(encoding="utf-8")
    run_on = "".join(c for c in run_on if c.isalnum())[:120_000]
    ends = list(pipeline.part_ends(run_on))
    assert ends[-1] == len(run_on) and all(0 < b - a <= pipeline.PART for a, b in zip([0, *ends], ends))
    from annotate.segment import cut

    boundaries, position = set(), pipeline.PART - 64  # no clause mark nor space here: cut between two words
    for word in cut(run_on[pipeline.PART - 64:pipeline.PART]):
        position += len(word)
        boundaries.add(position)
    assert ends[0] in boundaries and ends[0] < pipeline.PART


def test_a_long_line_without_sentence_ends_is_written_whole(tmp_path):
    run_on = (DATA / "xiyouji_s.txt").read_text(encoding="utf-8")
    run_on = "".join(c for c in run_on if c.isalnum())[:90_000]  # more than pipeline.LONG_PARAGRAPH
    (tmp_path / "run.txt").write_text(run_on + "\n", encoding="utf-8")
    result = run("build", "run.txt", "--format", "json,tei", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    edition = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    blocks = [b for s in edition["sections"] for b in s["blocks"]]
    assert len(blocks) == 1 and blocks[0]["text"] == run_on
    assert "".join(t["text"] for t in blocks[0]["tokens"]) == run_on


# ------------------------------------------------------------------ 6. runs at the same time, killed runs

def test_a_second_run_into_the_same_folder_waits_for_the_first(tmp_path):
    folder = _corpus_folder(tmp_path, files=4, lines=20)
    out = tmp_path / "out"
    lines: list[str] = []
    with outputs.locked(out):
        second = subprocess.Popen(ANNOTATE + ["build", str(folder), "--out", str(out), "--jobs", "1"], env=ENV,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        reader = threading.Thread(target=lambda: lines.extend(second.stderr), daemon=True)
        reader.start()
        deadline = time.monotonic() + 90
        while not any("waiting for it to finish" in line for line in lines) and time.monotonic() < deadline:
            assert second.poll() is None, "the second run went on while the first held the folder: " + "".join(lines)
            time.sleep(0.1)
        assert any(f"another run (process {os.getpid()})" in line for line in lines), lines
        time.sleep(1)  # it waits, and writes nothing
        assert second.poll() is None and not files_written(out)
    assert second.wait(timeout=120) == 0
    reader.join(timeout=10)
    assert len([p for p in files_below(out) if p.endswith(".html")]) == 4, lines


def test_two_runs_at_once_lose_nothing(tmp_path):
    folder = _corpus_folder(tmp_path, files=6, lines=25)
    out = tmp_path / "out"
    runs = [subprocess.Popen(ANNOTATE + ["build", str(folder), "--out", str(out), "--jobs", "1", "--force"], env=ENV,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(r.wait(timeout=300), r.stderr.read()) for r in runs]
    assert all(code == 0 for code, _ in results), results
    manifest = json.loads((out / outputs.MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == [f"part{i:02d}.txt" for i in range(6)]
    assert len(files_written(out)) == 18
    assert not [p for p in files_below(out) if outputs.TEMPORARY in p]


def _state(pid: int) -> str | None:
    """A process's state letter from /proc (`Z`: exited, not yet reaped), or None once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc (Linux)")
def test_workers_exit_when_their_run_is_killed(tmp_path):
    folder = _corpus_folder(tmp_path, files=16, lines=120)
    main_run = subprocess.Popen(ANNOTATE + ["build", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2"],
                                env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and main_run.poll() is None:
        time.sleep(0.1)
        workers = _children(main_run.pid)
    assert len(workers) >= 2, "the run never started its workers"
    main_run.send_signal(signal.SIGKILL)
    main_run.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_state(pid) not in (None, "Z") for pid in workers):
        time.sleep(0.2)
    alive = [pid for pid in workers if _state(pid) not in (None, "Z")]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, f"workers {alive} outlived their killed run"


# ------------------------------------------------------------------ 7. the editor's server

def _request(server, method: str, path: str, headers: dict | None = None, body: bytes | None = None,
             address: str = "127.0.0.1"):
    import http.client

    connection = http.client.HTTPConnection(address, server.port, timeout=10)
    headers = {"Host": f"127.0.0.1:{server.port}", **(headers or {})}
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)  # the Host header as given
    for name, value in headers.items():
        if value is not None:
            connection.putheader(name, value)
    if body is not None:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def _post_headers(server, **changes):
    return {"Content-Type": "application/json", "X-Annotate-Token": server.token, **changes}


def test_the_editor_answers_only_with_its_token_and_its_host(editor):
    server, folder = editor
    good = f"/{server.token}/"
    assert _request(server, "GET", good)[0] == 200
    assert _request(server, "GET", "/")[0] == 404
    other = "y" if server.token.endswith("x") else "x"  # a token one character off, never the token itself
    assert _request(server, "GET", f"/{server.token[:-1]}{other}/")[0] == 404
    assert _request(server, "GET", f"/x/{server.token}/")[0] == 404
    # DNS rebinding: a name that resolves to 127.0.0.1 but is not ours
    assert _request(server, "GET", good, {"Host": f"attacker.example:{server.port}"})[0] == 421
    assert _request(server, "GET", good, {"Host": None})[0] == 421
    edit = json.dumps({"op": "reading", "at": 0, "reading": "shǔ"}).encode()
    before = (folder / "ningbo-alibaba.tei.xml").read_bytes()
    # a POST needs the token in a header too, which a page elsewhere cannot set, and no foreign Origin
    assert _request(server, "POST", good + "api/edit", {"Content-Type": "application/json"}, edit)[0] == 403
    assert _request(server, "POST", good + "api/edit", _post_headers(server, **{"X-Annotate-Token": "x"}), edit)[0] == 403
    assert _request(server, "POST", good + "api/edit", _post_headers(server, Origin="http://evil.example"), edit)[0] == 403
    assert _request(server, "POST", good + "api/edit", _post_headers(server, **{"Content-Type": "text/plain"}),
                    edit)[0] == 400  # a form another page posts is text/plain at best
    assert _request(server, "POST", good + "api/save", _post_headers(server, Host="evil.example"), b"{}")[0] == 421
    status, answer = _request(server, "GET", good + "api/state")
    assert status == 200 and json.loads(answer)["undo"] == 0  # none of them edited
    assert (folder / "ningbo-alibaba.tei.xml").read_bytes() == before


@pytest.mark.parametrize("path", ["../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "ningbo-alibaba.tei.xml",
                                  "api/readings?at=0&file=/etc/passwd", "edit.js/../../ningbo-alibaba.html",
                                  "api/../../../etc/passwd", "assets/zh-annotate.js",
                                  "api/rest?page=../../etc/passwd", "api/rest?page=1", "api/rest?page=-1"])
def test_the_editor_never_serves_a_file_the_client_names(editor, path):
    server, folder = editor
    status, data = _request(server, "GET", f"/{server.token}/{path}")
    assert b"root:" not in data and b"<TEI" not in data
    if path == "api/rest?page=1":  # the rest of a page is named by its number, and no page was cut
        assert status == 400 and b"reload" in data
        return
    assert status == 404 or (path.startswith("api/readings") and status == 200 and b'"choices"' in data)


def test_a_save_writes_only_the_edition_and_its_outputs(editor):
    server, folder = editor
    before = {p.name for p in folder.iterdir()}
    body = json.dumps({"copy": False, "path": "/tmp/elsewhere.tei.xml", "file": "../x.tei.xml"}).encode()
    status, _ = _request(server, "POST", f"/{server.token}/api/save", _post_headers(server), body)
    assert status == 200
    time.sleep(0.1)
    for _ in range(100):
        state = json.loads(_request(server, "GET", f"/{server.token}/api/status")[1])["state"]
        if state != "rendering":
            break
        time.sleep(0.1)
    assert {p.name for p in folder.iterdir()} == before
    assert not Path("/tmp/elsewhere.tei.xml").exists() and not (folder.parent / "x.tei.xml").exists()


def test_the_editor_is_not_reachable_on_another_address(editor):
    import socket

    server, _ = editor
    assert server.server_address[0] == "127.0.0.1"
    others = ["127.0.0.2"]
    try:  # this machine's address on its network, where it has one
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        probe.connect(("192.0.2.1", 9))  # a documentation address: nothing is sent
        others.append(probe.getsockname()[0])
        probe.close()
    except OSError:
        pass
    for address in others:
        with pytest.raises(OSError):
            socket.create_connection((address, server.port), timeout=2).close()


def test_a_hostile_note_or_reading_typed_in_stays_text(browser, editor):
    server, folder = editor
    page = browser.new_page()
    try:
        page.goto(server.url)
        page.wait_for_selector("body[data-zhe-ready]")
        hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>&amp; "quoted"'
        page.click("button.zha-term ruby >> nth=0")
        page.wait_for_selector("#zhe-pop:not([hidden]) .zhe-note")
        page.fill('#zhe-pop input[aria-label="Gloss of 数字经济"]', hostile)
        page.get_by_role("button", name="Save note").click()
        page.wait_for_function("() => /changed/.test(document.getElementById('zhe-status').textContent)")
        assert page.text_content("#zha-pop-gl-shuzi-jingji .zha-gloss") == hostile
        assert page.evaluate("window.pwned") is None
        assert page.locator("article.zha img").count() == 0 and page.locator("article.zha script").count() == 0
        # a reading that is not a syllable is refused, with the reason, and nothing changes
        page.click('ruby[data-at="1"]')
        page.wait_for_selector("#zhe-pop:not([hidden])")
        page.fill('#zhe-pop input[aria-label="Type a reading"]', '"><img src=x onerror=window.pwned=3>')
        page.click("#zhe-pop .zhe-typed button")
        page.wait_for_function("() => /syllable/.test(document.getElementById('zhe-status').textContent)")
        assert page.text_content('ruby[data-at="1"] rt') == "zì" and page.evaluate("window.pwned") is None
        page.keyboard.press("Control+s")
        page.wait_for_function("() => /rendered/.test(document.getElementById('zhe-status').textContent)")
    finally:
        page.close()
    saved = (folder / "ningbo-alibaba.tei.xml").read_bytes()
    assert b"&lt;img src=x" in saved and b"<img" not in saved
    html = (folder / "ningbo-alibaba.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror" in html and "<img src=x" not in html


@pytest.mark.parametrize("length", ["-5", "abc", "99999999999", str(2 << 20)])
def test_the_editor_refuses_a_body_it_cannot_measure(editor, length):
    import http.client

    server, _ = editor
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.putrequest("POST", f"/{server.token}/api/edit", skip_host=True)
    for name, value in _post_headers(server, Host=f"127.0.0.1:{server.port}", **{"Content-Length": length}).items():
        connection.putheader(name, value)
    connection.endheaders(b"{}")
    response = connection.getresponse()
    assert response.status == 400  # at once: never a read that waits for a body that will not come
    connection.close()
