"""Time to load and lay out a study edition in headless Chromium (Debian's, via Playwright).

    python bench/browser_load.py

Builds the HTML page of the seed and of the whole of 西游记 (725 K characters), then for each
opens it from a file URL and measures, in the page, the time from navigation start until the
first contentful paint (when a reader can start), until the load event, and until the first
frame after a forced layout of the whole page.
Prints Markdown table rows; median of 3 runs.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from annotate.demo import CHROMIUM_ARGS  # noqa: E402

INPUTS = [ROOT / "seeds" / "ningbo-alibaba.txt", ROOT.parent / "shared" / "data" / "corpus" / "xiyouji_s.txt"]
TIMING = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  document.body.getBoundingClientRect();  // force style and layout of everything that is not skipped
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  done({load: nav.loadEventEnd, ready: performance.now(), paint: paint ? paint.startTime : NaN,
        nodes: document.getElementsByTagName('*').length});
})))"""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for source in INPUTS:
            subprocess.run([sys.executable, "-m", "annotate", "build", str(source), "--out", folder, "--format", "html"],
                           check=True, capture_output=True, cwd=ROOT)
            page_file = Path(folder) / (source.stem + ".html")
            runs = []
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                start = time.perf_counter()
                page.goto(page_file.as_uri(), timeout=120_000)
                result = page.evaluate(TIMING)
                result["wall"] = (time.perf_counter() - start) * 1000
                runs.append(result)
                page.close()
            load = statistics.median(r["load"] for r in runs)
            ready = statistics.median(r["ready"] for r in runs)
            paint = statistics.median(r["paint"] for r in runs)
            print(f"| {time.strftime('%Y-%m-%d')} | {source.name} | {page_file.stat().st_size / 1e6:.1f} MB "
                  f"| {runs[0]['nodes']:,} | {paint / 1000:.2f} s | {load / 1000:.2f} s | {ready / 1000:.2f} s |")
        browser.close()


if __name__ == "__main__":
    main()
