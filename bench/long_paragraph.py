"""Peak memory on a paragraph without line breaks (issue 16, issue 25: under 300 MB at any length).

    python bench/long_paragraph.py

1. `'很长的段落。' * 200000` on one line (1.2 million characters, as scraped or exported text
   often is), built with --format tei,html and with tei,html,json.
2. 西游记 (../shared/data/corpus/xiyouji_s.txt) with every punctuation mark, space and line
   break taken out, repeated to 5 million characters on one line: a run with no sentence end at
   all, which is cut into pieces of at most pipeline.PART characters at a clause mark, a space or
   a word boundary (pipeline.cut_inside); built with tei,html,json.

Peak RSS by /usr/bin/time -v. The paragraph is annotated and written a part at a time
(pipeline.LONG_PARAGRAPH, PART); for text with sentence ends the output is the same as the whole
paragraph's (tests/test_batch.py).
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

XIYOUJI = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "xiyouji_s.txt"


def unpunctuated(size: int) -> str:
    """西游记's letters alone (no punctuation, no spaces, no line breaks), repeated to `size`."""
    text = XIYOUJI.read_text(encoding="utf-8")
    letters = "".join(c for c in text if unicodedata.category(c)[0] in "LN")
    return (letters * (size // len(letters) + 1))[:size]


def build(folder: str, source: Path, formats: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "annotate", "build", str(source),
                             "--out", f"{folder}/out", "--format", formats, "--force", "--jobs", "1"],
                            capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, peak


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.txt"
        source.write_text("很长的段落。" * 200_000 + "\n", encoding="utf-8")
        for formats in ("tei,html", "tei,html,json"):
            seconds, peak = build(folder, source, formats)
            print(f"1.2 M characters with sentence ends, {formats}: {seconds:.1f} s, peak {peak / 1024:.0f} MB")
        source = Path(folder) / "run.txt"
        source.write_text(unpunctuated(5_000_000) + "\n", encoding="utf-8")
        seconds, peak = build(folder, source, "tei,html,json")
        print(f"5 M characters of 西游记 without a punctuation mark, tei,html,json: {seconds:.1f} s, "
              f"peak {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
