"""Batch conversion: encodings, faults, incremental runs, interruption, traditional sources, Dask."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from annotate import batch, outputs, pipeline, planning

from . import recover
from .books import make_book
from .conftest import DATA, ROOT


def root_bytes(path):
    return Path(path).read_bytes()

TEXT = "我们学习汉语。\n他说：“台湾的头发。”\n"
ANNOTATE = [sys.executable, "-m", "annotate"]


def visible(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*") if p.name not in (outputs.MANIFEST, outputs.LOCK))  # bookkeeping


def build(*args, cwd=ROOT):
    return subprocess.run(ANNOTATE + ["build", *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1764374400"})


@pytest.fixture
def mixed(tmp_path):
    """A folder of good files in every supported encoding, and bad ones."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "utf8.txt").write_text(TEXT, encoding="utf-8")
    (folder / "utf8-bom.txt").write_bytes(TEXT.encode("utf-8-sig"))
    (folder / "utf16.txt").write_bytes(TEXT.encode("utf-16"))  # with BOM
    (folder / "gb18030.txt").write_bytes((TEXT * 3).encode("gb18030"))
    (folder / "sub" / "big5.txt").write_bytes(("我們學習漢語。他說：「臺灣的頭髮很長。」\n" * 3).encode("big5"))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "fake-bom.txt").write_bytes(b"\xff\xfe" + bytes(range(256)) * 4)
    (folder / "nul.txt").write_bytes("你好\n世\x00界\n".encode())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    return folder


def test_a_folder_of_encodings_and_faults(mixed, tmp_path):
    out, report = tmp_path / "out", tmp_path / "report.json"
    result = build(mixed, "--out", out, "--format", "tei,json", "--jobs", "2", "--report", report)
    assert result.returncode == 1
    good = ["gb18030", "sub/big5", "utf16", "utf8", "utf8-bom"]
    assert visible(out) == sorted(f"{g}{s}" for g in good for s in (".json", ".tei.xml"))
    assert hidden(out) == [], "no temporary or partial files are left"
    errors = [line for line in result.stderr.splitlines() if line.startswith("annotate: ") and "file(s)" not in line]
    assert sorted(errors) == sorted([
        f"annotate: {mixed / 'binary.txt'}: byte 128: not UTF-8 (0x80), and not readable as GB18030 or Big5 either; "
        "if it is text, pass --encoding NAME",
        f"annotate: {mixed / 'empty.txt'}: empty file, nothing to annotate",
        f"annotate: {mixed / 'fake-bom.txt'}: starts with a UTF-16 byte-order mark but does not read as text in it "
        "(a binary file?); if it is text, pass --encoding NAME",
        f"annotate: {mixed / 'nul.txt'}:2:2: character U+0000 cannot be written to XML; remove it, or pass --replace-invalid",
    ])
    assert "9 file(s): 5 written, 0 unchanged, 4 failed" in result.stderr
    files = {Path(f["source"]).name: f for f in json.loads(report.read_text())["files"]}
    assert {name: files[name]["encoding"] for name in files if files[name]["status"] == "written"} == {
        "utf8.txt": "utf-8", "utf8-bom.txt": "utf-8", "utf16.txt": "utf-16", "gb18030.txt": "gb18030", "big5.txt": "big5"}
    assert files["nul.txt"]["status"] == "failed" and "U+0000" in files["nul.txt"]["error"]
    assert files["gb18030.txt"]["characters"] == len((TEXT * 3).replace("\n", "")) and files["gb18030.txt"]["seconds"] > 0
    # the text came through the right decoding, and the TEI header says which
    tei = etree.parse(str(out / "sub" / "big5.tei.xml"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert "big5" in tei.xpath("string(//t:sourceDesc)", namespaces=ns)
    assert "".join(tei.xpath("//t:body//t:p[1]//t:rb//text()[not(ancestor::t:reg)]", namespaces=ns)).startswith("我們學習漢語")
    assert json.loads((out / "gb18030.json").read_text())["sections"][0]["blocks"][0]["text"] == "我们学习汉语。"


def test_told_encoding_and_mojibake_guard(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes(("我們學習漢語，臺灣的頭髮很長。\n" * 5).encode("big5"))
    wrong = build(source, "--out", tmp_path / "out", "--encoding", "utf-8")
    assert wrong.returncode == 3 and "cannot be decoded as utf-8" in wrong.stderr
    right = build(source, "--out", tmp_path / "out", "--encoding", "big5", "--format", "json")
    assert right.returncode == 0
    assert json.loads((tmp_path / "out" / "a.json").read_text())["encoding"] == "big5"


def test_replace_invalid_says_how_many(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes("你\x01好\x02\n再见\x0b。\n".encode())
    result = build(source, "--out", tmp_path / "out", "--replace-invalid", "--format", "tei,json")
    assert result.returncode == 0, result.stderr
    assert f"annotate: {source}: replaced 3 character(s) XML cannot hold with U+FFFD" in result.stderr
    data = json.loads((tmp_path / "out" / "a.json").read_text())
    assert data["sections"][0]["blocks"][0]["text"] == "你\ufffd好\ufffd"
    assert "3 characters XML cannot hold were replaced" in (tmp_path / "out" / "a.tei.xml").read_text()


def test_second_run_skips_unchanged_inputs_and_redoes_changed_ones(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.txt").write_text(f"{name}：你好。", encoding="utf-8")
    assert "3 written, 0 unchanged" in build(folder, "--out", out).stderr
    before = {p: (out / p).stat().st_mtime_ns for p in visible(out)}
    assert "0 written, 3 unchanged" in build(folder, "--out", out).stderr
    assert before == {p: (out / p).stat().st_mtime_ns for p in visible(out)}
    (folder / "b.txt").write_text("b：再见。", encoding="utf-8")
    assert "1 written, 2 unchanged" in build(folder, "--out", out).stderr
    assert "3 written, 0 unchanged" in build(folder, "--out", out, "--reading", "numbers").stderr  # options changed
    glossary = tmp_path / "g.tsv"
    glossary.write_text("term\tgloss\n你好\thello\n", encoding="utf-8")
    assert "3 written, 0 unchanged" in build(folder, "--out", out, "--reading", "numbers", "--glossary", glossary).stderr
    glossary.write_text("term\tgloss\n你好\thi\n", encoding="utf-8")
    assert "3 written, 0 unchanged" in build(folder, "--out", out, "--reading", "numbers", "--glossary", glossary).stderr
    (out / "a.json").unlink()
    assert "1 written, 2 unchanged" in build(folder, "--out", out, "--reading", "numbers", "--glossary", glossary).stderr
    assert "3 written, 0 unchanged" in build(folder, "--out", out, "--reading", "numbers", "--glossary", glossary,
                                             "--force").stderr


def test_glob_and_nothing_outside_out(tmp_path):
    folder = tmp_path / "in"
    (folder / "deep" / "er").mkdir(parents=True)
    (folder / "deep" / "er" / "x.text").write_text("你好", encoding="utf-8")
    (folder / "y.txt").write_text("你好", encoding="utf-8")
    result = build(folder, "--out", tmp_path / "out", "--glob", "*.text", "--format", "json")
    assert result.returncode == 0
    assert visible(tmp_path / "out") == ["deep/er/x.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    clash = build(folder / "y.txt", folder / "deep" / "er" / "x.text", tmp_path / "in" / "y.txt", "--out", tmp_path / "o2")
    assert clash.returncode == 3 and "would overwrite the outputs of" in clash.stderr


def _corpus_folder(tmp_path, files=12, lines=60):
    folder = tmp_path / "in"
    folder.mkdir()
    text = (DATA / "xiyouji_s.txt").read_text(encoding="utf-8").split("\n")
    for i in range(files):
        (folder / f"part{i:02d}.txt").write_text("\n".join(text[i * lines:(i + 1) * lines]) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_a_run_stopped_halfway_resumes(tmp_path, how):
    folder = _corpus_folder(tmp_path)
    out = tmp_path / "out"
    # SIGINT as a terminal sends it, even where pytest itself runs in the background (a shell starts a
    # background job with SIGINT ignored, the child inherits that, and Python then never raises
    # KeyboardInterrupt: the run would finish, exit 0, and the test would fail for the harness's sake)
    process = subprocess.Popen(ANNOTATE + ["build", str(folder), "--out", str(out), "--jobs", "1"], cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(visible(out)) < 9 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(how)
    stderr = process.communicate(timeout=60)[1]
    assert process.returncode == (-9 if how == signal.SIGKILL else 130), stderr
    if how == signal.SIGINT:
        assert "interrupted; run the same command again to resume" in stderr and "Traceback" not in stderr
    done = {Path(p).stem.split(".")[0] for p in visible(out)}
    assert 3 <= len(done) < 12
    for stem in done:  # every output that exists is complete: it parses
        if (out / f"{stem}.tei.xml").exists():
            etree.parse(str(out / f"{stem}.tei.xml"))
    resumed = build(folder, "--out", out, "--jobs", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert hidden(out) == []
    assert len(visible(out)) == 36
    fresh = tmp_path / "fresh"
    assert build(folder, "--out", fresh, "--jobs", "1").returncode == 0
    assert all((out / p).read_bytes() == (fresh / p).read_bytes() for p in visible(fresh))


def test_a_killed_worker_fails_its_file_and_the_next_run_resumes(tmp_path, monkeypatch):
    folder = _corpus_folder(tmp_path, files=4, lines=20)
    out = tmp_path / "out"
    jobs = planning.plan([str(folder)], out)
    victim = jobs[1].source

    def dying(job, options):
        if job.source == victim:
            os.kill(os.getpid(), signal.SIGKILL)
        return batch.convert_file(job, options)

    # The pool sends its task function by name; a forked worker finds this one under it.
    dying.__module__, dying.__qualname__ = "annotate.batch", "_run_local"
    monkeypatch.setattr(batch, "_run_local", dying)
    summary = batch.run(jobs, batch.Options(("json",)), out, workers=2)
    failed = [r for r in summary.results if r.status == "failed"]
    assert failed and all("worker process died" in r.error for r in failed)
    assert hidden(out) == []
    monkeypatch.undo()
    again = batch.run(jobs, batch.Options(("json",)), out, workers=2)
    assert again.count("failed") == 0 and again.count("written") == len(failed)


def test_traditional_sources_are_read_through_their_simplified_form(tmp_path, assert_valid_tei):
    lines_t = (DATA / "xiyouji_t_101-140.txt").read_text(encoding="utf-8").splitlines()
    lines_s = (DATA / "xiyouji_s.txt").read_text(encoding="utf-8").split("\n")[100:140]
    (tmp_path / "t.txt").write_text("\n".join(lines_t), encoding="utf-8")
    (tmp_path / "s.txt").write_text("\n".join(lines_s), encoding="utf-8")
    result = build(tmp_path / "t.txt", tmp_path / "s.txt", "--out", tmp_path / "out", "--format", "tei,json,html")
    assert result.returncode == 0, result.stderr
    t = json.loads((tmp_path / "out" / "t.json").read_text())
    s = json.loads((tmp_path / "out" / "s.json").read_text())
    assert (t["script"], s["script"]) == ("Hant", "Hans")
    tokens_t = [tok for sec in t["sections"] for b in sec["blocks"] for tok in b["tokens"]]
    tokens_s = [tok for sec in s["sections"] for b in sec["blocks"] for tok in b["tokens"]]
    assert "".join(x["text"] for x in tokens_t) == "".join(x for x in lines_t if x.strip())  # the source, unchanged
    assert [x["readings"] for x in tokens_t] == [x["readings"] for x in tokens_s]  # read as its simplified form
    assert any(x.get("simplified") for x in tokens_t) and not any(x["traditional"] for x in tokens_t)
    root = assert_valid_tei((tmp_path / "out" / "t.tei.xml").read_bytes())
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hant"
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("//t:reg[@type='simplified'][@xml:lang='zh-Hans']", namespaces=ns)
    html = (tmp_path / "out" / "t.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant">' in html and "Simplified characters" in html
    sources = [x for x in lines_t if x.strip()]
    assert recover.from_html(html.encode()) == sources and recover.from_tei(root_bytes(tmp_path / "out" / "t.tei.xml")) == sources


def test_dask_gives_the_same_bytes_as_the_local_path(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed", reason="the dask extra is part of the test extra")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764374400")  # the workers run in this process: the book's date
    folder = _corpus_folder(tmp_path, files=3, lines=15)
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "book.epub").write_bytes(make_book(3))  # a book and a page travel as bytes too
    (folder / "page.html").write_text("<!DOCTYPE html><html lang=zh><title>页</title><p>我们学习汉语。</p></html>",
                                      encoding="utf-8")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                                  protocol="tcp://", host="127.0.0.1") as cluster:
        remote = build(folder, "--out", tmp_path / "remote", "--scheduler", cluster.scheduler_address,
                       "--glossary", ROOT / "glossary", "--report", tmp_path / "report.json")
    local = build(folder, "--out", tmp_path / "local", "--glossary", ROOT / "glossary")
    assert remote.returncode == local.returncode == 1
    assert visible(tmp_path / "remote") == visible(tmp_path / "local") and len(visible(tmp_path / "local")) == 13
    for name in visible(tmp_path / "local"):
        assert (tmp_path / "remote" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["summary"] == {"written": 5, "skipped": 0, "failed": 1}
    (folder / "bad.txt").unlink()  # failed files are retried on every run; without it, nothing is left to do
    again = build(folder, "--out", tmp_path / "remote", "--scheduler", "tcp://127.0.0.1:1", "--glossary", ROOT / "glossary")
    assert "0 written, 5 unchanged" in again.stderr  # so the scheduler is not even contacted


def test_progress_bar_on_a_terminal(tmp_path):
    import pty

    folder = _corpus_folder(tmp_path, files=3, lines=10)
    leader, follower = pty.openpty()
    process = subprocess.Popen(ANNOTATE + ["build", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1"],
                               cwd=ROOT, stdin=follower, stdout=follower, stderr=follower,
                               env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "TERM": "xterm"})
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    text = output.decode("utf-8", "replace")
    assert process.returncode == 0
    assert "3/3 files" in text and re.search(r"[\d,]+ chars ", text) and re.search(r"\d+ (K )?chars/s", text)


def test_no_terminal_means_one_summary_line(tmp_path):
    folder = _corpus_folder(tmp_path, files=3, lines=10)
    result = build(folder, "--out", tmp_path / "out")
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("annotate: 3 file(s): 3 written")


@pytest.mark.parametrize("extra", [(), ("--dictionary", "cedict", "--level", "3", "--notes", "all")])
def test_a_paragraph_without_line_breaks_is_written_a_part_at_a_time_with_the_same_output(tmp_path, monkeypatch,
                                                                                         extra):
    """A book scraped into one line: annotated and written in parts cut after sentence ends, for
    memory, giving exactly the bytes the whole paragraph gives."""
    from click.testing import CliRunner

    from annotate.cli import main

    text = "".join(line.strip() for line in (DATA / "xiyouji_s.txt").read_text(encoding="utf-8").splitlines()[:200])
    source = tmp_path / "one-line.txt"
    source.write_text("回目\n" + text + "\n", encoding="utf-8")
    assert len(text) > 20_000

    def run(out):
        result = CliRunner().invoke(main, ["build", str(source), "--out", str(tmp_path / out), "--jobs", "1",
                                           "--format", "tei,html,json", *extra], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return {p.name: p.read_bytes() for p in (tmp_path / out).iterdir() if not p.name.startswith(".")}

    whole = run("whole")
    monkeypatch.setattr(pipeline, "LONG_PARAGRAPH", 3_000)
    monkeypatch.setattr(pipeline, "PART", 1_000)
    parts = run("parts")
    assert parts == whole and len(whole) == 3
    from annotate.model import Block

    assert len(list(pipeline.cut_long([Block("p", text, 2)]))) > 15  # it was cut indeed
