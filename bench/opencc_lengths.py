"""Every OpenCC config we use keeps the length of every paragraph of the whole of 西游记.

    python bench/opencc_lengths.py

The tests check the first 720 paragraphs (tests/data/xiyouji_s.txt); this checks all 5,607
(../shared/data/corpus/xiyouji_s.txt). convert_same_length raises on the first that changes.
"""
from __future__ import annotations

import time
from pathlib import Path

from annotate.variants import CONFIGS, convert_same_length

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "xiyouji_s.txt"


def main() -> None:
    lines = CORPUS.read_text(encoding="utf-8").split("\n")
    for config in sorted(set(CONFIGS.values())):
        start = time.perf_counter()
        for line in lines:
            convert_same_length(line, config)
        print(f"{config}: {len(lines)} paragraphs, {sum(map(len, lines))} characters, lengths kept "
              f"({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
