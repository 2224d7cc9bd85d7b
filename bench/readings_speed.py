"""Speed of the readings passes on 西游记, beside plain pypinyin.pinyin in the same run.

    python bench/readings_speed.py [--limit N]

The paragraphs are segmented first (not timed); then the passes that decide readings
(dictionary readings, the context model for polyphones, the rules) run over every paragraph,
on one core, with every dictionary and the model already loaded, and the per-word cache empty.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "xiyouji_s.txt"


def main(limit: int | None = None) -> None:
    import pypinyin

    from annotate import readings
    from annotate.model import Block
    from annotate.pipeline import CHUNK
    from annotate.polyphones import model
    from annotate.segment import add_words

    lines = [line for line in CORPUS.read_text("utf-8").splitlines() if line.strip()][:limit]
    chars = sum(len(line) for line in lines)
    blocks = [Block("p", line, n) for n, line in enumerate(lines, 1)]
    for block in blocks:
        add_words(block, None, "Hans")
    readings.phrase_overrides()
    model()
    pypinyin.pinyin("预热")
    readings._cache.clear()

    start = time.perf_counter()
    for first in range(0, len(blocks), CHUNK):  # as the pipeline does: the model over CHUNK paragraphs at once
        chunk = blocks[first:first + CHUNK]
        readings.add_readings(chunk)
        for block in chunk:
            readings.apply_context_rules(block)
    ours = time.perf_counter() - start

    start = time.perf_counter()
    for line in lines:
        pypinyin.pinyin(line)
    plain = time.perf_counter() - start
    decided = sum(s == "model" for b in blocks for t in b.tokens for s in t.sources)
    print(f"{chars:,} characters, {len(lines):,} paragraphs; model decided {decided:,} readings")
    print(f"readings passes: {ours:.2f} s ({chars / ours / 1000:.0f} K chars/s); "
          f"plain pypinyin.pinyin: {plain:.2f} s ({chars / plain / 1000:.0f} K chars/s); "
          f"ratio {plain / ours:.2f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[1]) if args[:1] == ["--limit"] else None)
