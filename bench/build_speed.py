"""Time `annotate build` of 西游记 (725 K characters) to every format, beside plain pypinyin.

    python bench/build_speed.py

Both are measured in the same run on the same paragraphs (one per line of xiyouji_s.txt):
`annotate build` as a user runs it (a subprocess, start-up included, default glossary off),
and `pypinyin.pinyin(paragraph)` in this process. Prints a Markdown table row.
"""
from __future__ import annotations

import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "xiyouji_s.txt"


def time_build(formats: str) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "annotate", "build", str(CORPUS), "--out", out, "--format", formats],
            check=True, cwd=out, capture_output=True,
        )
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(out).iterdir())
    return seconds, size


def time_pypinyin(paragraphs: list[str]) -> float:
    import pypinyin

    pypinyin.pinyin("预热")  # load dictionaries before timing
    start = time.perf_counter()
    for paragraph in paragraphs:
        pypinyin.pinyin(paragraph)
    return time.perf_counter() - start


def main() -> None:
    text = CORPUS.read_text(encoding="utf-8")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    characters = sum(len(p) for p in paragraphs)
    plain = time_pypinyin(paragraphs)
    build, size = time_build("tei,html,html-fragment,json")
    print(f"| {time.strftime('%Y-%m-%d')} | {platform.python_version()} | {characters:,} "
          f"| {build:.1f} s ({characters / build / 1000:.0f} K chars/s, {size / 1e6:.0f} MB written) "
          f"| {plain:.1f} s ({characters / plain / 1000:.0f} K chars/s) | {plain / build:.2f} |")


if __name__ == "__main__":
    main()
