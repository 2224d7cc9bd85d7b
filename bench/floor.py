"""What a `--jobs 1` build spends outside our own per-token Python loops, measured inside it.

    python bench/floor.py [learner]

Runs `annotate build` of 西游记 in 40 files to TEI, HTML and JSON (as bench/batch_speed.py does;
`learner` adds `--dictionary cedict --level 3`) in this process, with CPU-time wrappers around
the work that no faster Python loop can shorten: start-up (imports and loading the data), the
libraries (rjieba, pypinyin for each new word, the polyphone network in numpy, OpenCC, the
reading rules' regular expressions), making each distinct token's markup, and encoding and
writing the output. What remains is our own per-token work: the passes' loops over tokens,
the writers' loops, and the glue between them.

It prints the split, and the best ratio to plain `pypinyin.pinyin` that a build could reach if
that remainder cost nothing. The wrappers cost a little themselves (about 0.3 µs a call), which
only makes the measured floor higher than the true one; the remainder is the total less the parts.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from batch_speed import CORPUS, split  # noqa: E402

PARTS = {}


def _timed(owner, name: str, label: str) -> None:
    function = getattr(owner, name)

    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            PARTS[label] = PARTS.get(label, 0.0) + time.process_time() - start

    setattr(owner, name, timed)


def plain_pypinyin(paragraphs_of: Path) -> float:
    """Seconds for `pypinyin.pinyin` over the paragraphs, in a process of its own (so that this
    one starts the build as `annotate` would, before pypinyin is imported)."""
    code = ("import sys, time, pypinyin\n"
            "paragraphs = [l for l in open(sys.argv[1], encoding='utf-8').read().split('\\n') if l.strip()]\n"
            "pypinyin.pinyin('预热')\n"
            "start = time.perf_counter()\n"
            "for p in paragraphs: pypinyin.pinyin(p)\n"
            "print(time.perf_counter() - start)\n")
    result = subprocess.run([sys.executable, "-c", code, str(paragraphs_of)], capture_output=True, text=True, check=True)
    return float(result.stdout)


def main() -> None:
    learner = sys.argv[1:] == ["learner"]
    text = CORPUS.read_text(encoding="utf-8")
    started = time.process_time()
    from annotate import batch, cli, polyphones, readings, segment, variants
    from annotate.writers import html, json, tei
    from annotate.writers.common import Sink

    _timed(segment, "cut", "rjieba (words)")
    _timed(readings, "_convert_plain", "pypinyin (each new word)")
    _timed(polyphones.Model, "decide", "polyphone network (numpy)")
    _timed(variants, "convert_same_length", "OpenCC (other script)")
    _timed(variants, "detect_script", "OpenCC (each file's script)")
    _timed(readings, "_apply_pattern_rules", "reading rules (regular expressions)")
    _timed(tei.TeiSink, "_make", "markup of each distinct token")
    _timed(html.ArticleSink, "_make", "markup of each distinct token")
    _timed(html.ArticleSink, "_button", "markup of each distinct token")
    _timed(json, "_token", "markup of each distinct token")
    _timed(Sink, "emit", "encoding and writing the output")
    first = {}
    convert = batch.convert

    def noted(*args, **kwargs):
        first.setdefault("at", time.process_time())
        return convert(*args, **kwargs)

    batch.convert = noted
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        split(text, 40, folder)
        sys.argv = ["annotate", "build", str(folder), "--format", "tei,html,json", "--glossary",
                    str(ROOT / "glossary"), "--out", str(Path(tmp) / "out"), "--jobs", "1"]
        if learner:
            sys.argv += ["--dictionary", "cedict", "--level", "3"]
        try:
            cli.main()
        except SystemExit:
            pass
        total = time.process_time() - started
    plain = plain_pypinyin(CORPUS)
    PARTS["start-up (imports, loading the data)"] = first["at"] - started
    outside = sum(PARTS.values())
    print(f"| part of a `--jobs 1` build{' (learner)' if learner else ''} | CPU s | share |")
    print("|---|---|---|")
    for label, seconds in sorted(PARTS.items(), key=lambda item: -item[1]):
        print(f"| {label} | {seconds:.2f} | {seconds / total:.0%} |")
    print(f"| **all of the above** | **{outside:.2f}** | **{outside / total:.0%}** |")
    print(f"| our per-token loops and glue (the rest) | {total - outside:.2f} | {(total - outside) / total:.0%} |")
    print(f"| whole build | {total:.2f} | |")
    print(f"\nplain pypinyin.pinyin over the same paragraphs: {plain:.2f} s; the build now: {plain / total:.2f}× "
          f"its throughput (CPU time); with the rest free: at best {plain / outside:.2f}×")

if __name__ == "__main__":
    main()
