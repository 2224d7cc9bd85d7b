"""Peak memory on a paragraph without line breaks (issue 16: under 300 MB).

    python bench/long_paragraph.py

`'很长的段落。' * 200000` on one line (1.2 million characters, as scraped or exported text often
is), built with --format tei,html and with tei,html,json; peak RSS by /usr/bin/time -v. The
paragraph is annotated and written a part at a time (batch.LONG_PARAGRAPH, PART), and the
output is the same as the whole paragraph's (tests/test_batch.py).
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.txt"
        source.write_text("很长的段落。" * 200_000 + "\n", encoding="utf-8")
        for formats in ("tei,html", "tei,html,json"):
            start = time.perf_counter()
            result = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "annotate", "build", str(source),
                                     "--out", f"{folder}/out", "--format", formats, "--force"],
                                    capture_output=True, text=True, check=True)
            seconds = time.perf_counter() - start
            peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
            print(f"{formats}: {seconds:.1f} s, peak {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
