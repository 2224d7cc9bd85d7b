"""Batch conversion: throughput, parallel speed-up, incremental runs, memory and start-up.

    python bench/batch_speed.py

All in one run, on the same machine state:
1. 西游记 split into 40 files (whole paragraphs, about equal size); plain `pypinyin.pinyin` over
   the same paragraphs in this process; `annotate build` of the folder to TEI, HTML and JSON
   with --jobs 1, with --jobs 2 (the machine's CPUs, the default), and a second, unchanged run.
2. Peak memory (`/usr/bin/time -v`) of `annotate build` on one 5 MB and one 20 MB file.
3. `annotate --version` wall time (median of 5).
Prints Markdown for bench/RESULTS.md.
"""
from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "xiyouji_s.txt"
ANNOTATE = [sys.executable, "-m", "annotate"]


def split(text: str, parts: int, folder: Path) -> None:
    lines = [line for line in text.split("\n") if line.strip()]
    target = sum(map(len, lines)) / parts
    chunk, size, index = [], 0, 0
    for line in lines:
        chunk.append(line)
        size += len(line)
        if size >= target and index < parts - 1:
            (folder / f"part{index:02d}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
            chunk, size, index = [], 0, index + 1
    (folder / f"part{index:02d}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def peak_rss_mb(args: list[str]) -> float:
    result = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024


def main() -> None:
    import pypinyin

    text = CORPUS.read_text(encoding="utf-8")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    characters = sum(map(len, paragraphs))
    pypinyin.pinyin("预热")
    start = time.perf_counter()
    for paragraph in paragraphs:
        pypinyin.pinyin(paragraph)
    plain = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        folder, out1, out2 = Path(tmp) / "in", Path(tmp) / "out1", Path(tmp) / "out2"
        folder.mkdir()
        split(text, 40, folder)
        common = ["build", str(folder), "--format", "tei,html,json", "--glossary", str(ROOT / "glossary")]
        one = timed(ANNOTATE + common + ["--out", str(out1), "--jobs", "1"])
        two = timed(ANNOTATE + common + ["--out", str(out2), "--jobs", "2"])
        again = timed(ANNOTATE + common + ["--out", str(out2), "--jobs", "2"])

        big = Path(tmp) / "big"
        big.mkdir()
        rss = {}
        for megabytes in (5, 20):
            copies = round(megabytes * 1e6 / len(text.encode()))
            path = big / f"book{megabytes}.txt"
            path.write_text(text * copies, encoding="utf-8")
            size = path.stat().st_size / 1e6
            rss[megabytes] = (size, peak_rss_mb(ANNOTATE + ["build", str(path), "--out", str(big / "out"),
                                                            "--format", "tei,html,json", "--jobs", "1"]))
    startup = statistics.median(timed(ANNOTATE[:1] + ["-m", "annotate", "--version"]) for _ in range(5))
    console = statistics.median(timed([str(Path(sys.executable).with_name("annotate")), "--version"]) for _ in range(5))

    day = time.strftime("%Y-%m-%d")
    print("| date | characters | plain pypinyin.pinyin | build --jobs 1 | build --jobs 2 | second run (unchanged) |")
    print(f"| {day} | {characters:,} | {plain:.2f} s ({characters / plain / 1000:.0f} K/s) "
          f"| {one:.2f} s ({characters / one / 1000:.0f} K/s) | {two:.2f} s ({characters / two / 1000:.0f} K/s) "
          f"| {again:.2f} s ({again / two:.0%} of the first) |")
    print(f"\nthroughput vs plain pypinyin: jobs 1 {plain / one:.2f}, jobs 2 {plain / two:.2f}; "
          f"speed-up jobs 2 / jobs 1: {one / two:.2f}×")
    for megabytes, (size, peak) in rss.items():
        print(f"peak RSS, {size:.1f} MB input: {peak:.0f} MB")
    print(f"growth 5 → 20 MB: {rss[20][1] / rss[5][1] - 1:+.1%}")
    print(f"`annotate --version`: {console:.3f} s (console script), {startup:.3f} s (python -m annotate)")


if __name__ == "__main__":
    main()
