"""Alignment time and memory on long texts: the Bible (42,687 Chinese × 30,000 English sentences).

    python bench/align_bible.py

Runs `annotate align --segments lines --format beads` on the first quarter, half and the whole
of both files (the same share of lines of each), one process each, and reports wall time and
peak memory (ru_maxrss of the child). Time and memory should grow linearly.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIBLE = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "align" / "bible"


def main() -> None:
    zh = (BIBLE / "bible.zh").read_text(encoding="utf-8").splitlines()
    en = (BIBLE / "bible.en").read_text(encoding="utf-8").splitlines()
    for share in (0.25, 0.5, 1.0):
        with tempfile.TemporaryDirectory() as folder:
            source, target = Path(folder, "part.zh"), Path(folder, "part.en")
            source.write_text("\n".join(zh[: round(len(zh) * share)]) + "\n", encoding="utf-8")
            target.write_text("\n".join(en[: round(len(en) * share)]) + "\n", encoding="utf-8")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "annotate", "align", str(source), str(target),
                                     "--segments", "lines", "--format", "beads"], capture_output=True, text=True)
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            if result.returncode:
                raise SystemExit(result.stderr)
            beads = result.stdout.count("\n")
            print(f"{share:>4.0%}: {round(len(zh) * share):,} × {round(len(en) * share):,} sentences, {beads:,} beads, "
                  f"{seconds:.1f} s, peak {max(peak, before) / 1024:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
