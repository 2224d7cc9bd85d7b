"""Learner's edition: loading CC-CEDICT and HSK data, and the cost of dictionary notes.

    python bench/learner_speed.py

1. In fresh processes: time to load CC-CEDICT (parsing the .gz, and from the cached parsed
   form), the word-reading overrides derived from it, and the HSK word list.
2. `annotate build` of Tatoeba and 西游记 to TEI, HTML and JSON with and without
   `--dictionary cedict --level 3`, taken in turn six times (every other round learner first),
   and the slowdown: best time against best time, and the median of the rounds' ratios.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "data" / "corpus" / name for name in ("tatoeba_cmn_zh.txt", "xiyouji_s.txt")]
LOAD = """
import time
t = time.perf_counter()
from annotate import dictionary
dictionary.cedict_senses()
a = time.perf_counter()
from annotate.readings import phrase_overrides
phrase_overrides()
b = time.perf_counter()
dictionary.hsk_words("2025")
c = time.perf_counter()
print(f"{a - t:.3f} {b - a:.3f} {c - b:.3f}")
"""


def load_times(cache_home: str) -> list[float]:
    env = {**os.environ, "XDG_CACHE_HOME": cache_home, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, env=env, check=True).stdout
    return [float(x) for x in out.split()]


def build(corpus: Path, extra: list[str]) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "annotate", "build", str(corpus), "--out", out, "--format",
                        "tei,html,json", "--jobs", "1", *extra], check=True, capture_output=True, cwd=out)
        return time.perf_counter() - start


def compare(corpus: Path, rounds: int = 6) -> tuple[float, float, float]:
    """Plain and learner builds taken in turn, `rounds` times: the best time of each, and the
    median of each round's ratio. This shared 2-core VM drifts by 10% over minutes: runs in turn
    see the same drift, where three plain runs and then three learner runs did not; and every
    other round runs the learner build first, so that a drift within a round favours neither."""
    plain, learner = [], []
    learner_options = ["--dictionary", "cedict", "--level", "3"]
    for round_ in range(rounds):
        if round_ % 2:
            learner.append(build(corpus, learner_options))
            plain.append(build(corpus, []))
        else:
            plain.append(build(corpus, []))
            learner.append(build(corpus, learner_options))
    return min(plain), min(learner), statistics.median(b / a for a, b in zip(plain, learner))


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        cold = load_times(cache)
        warm = load_times(cache)
    print(f"CC-CEDICT senses by reading: {cold[0]:.2f} s parsing and preparing once, {warm[0]:.2f} s from the cache")
    print(f"reading overrides from CC-CEDICT: {cold[1]:.2f} s to build once, {warm[1]:.3f} s from the cache")
    print(f"HSK word list: {warm[2]:.3f} s")
    print(f"per process, cached: {sum(warm):.2f} s")
    for corpus in CORPORA:
        characters = len(corpus.read_text(encoding="utf-8").replace("\n", ""))
        plain, learner, ratio = compare(corpus)
        print(f"build {corpus.name} ({characters:,} characters): {plain:.2f} s plain, {learner:.2f} s with "
              f"--dictionary cedict --level 3 (best of 6, in turn): {characters / plain / 1000:.0f} vs "
              f"{characters / learner / 1000:.0f} K chars/s, {learner / plain - 1:+.1%}; median of the rounds "
              f"{ratio - 1:+.1%}")


if __name__ == "__main__":
    main()
