"""The first build after an install against the second (issue 15: at most 2×).

    python bench/first_run.py

"After an install" is simulated with empty caches: a new XDG_CACHE_HOME (zh-annotate's own
cache) and a new TMPDIR (jieba's dictionary cache), so nothing but what the package ships
is ready. Each round: first build, then second build, of seeds/ (all three formats), plain
and learner (`--dictionary cedict --level 3`).
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
ANNOTATE = [sys.executable, "-m", "annotate"]


def build(env: dict, out: str, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run(ANNOTATE + ["build", "seeds/", "--out", out, "--force", *extra], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def main(rounds: int = 3) -> None:
    for label, extra in (("plain", ()), ("learner", ("--dictionary", "cedict", "--level", "3"))):
        firsts, seconds = [], []
        for _ in range(rounds):
            with tempfile.TemporaryDirectory() as home:
                env = {**os.environ, "XDG_CACHE_HOME": f"{home}/cache", "TMPDIR": home}
                firsts.append(build(env, f"{home}/out", *extra))
                seconds.append(build(env, f"{home}/out", *extra))
        first, second = statistics.median(firsts), statistics.median(seconds)
        print(f"{label}: first build {first:.2f} s, second {second:.2f} s, ratio {first / second:.2f} "
              f"(medians of {rounds} rounds)")


if __name__ == "__main__":
    main()
