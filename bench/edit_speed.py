"""How fast the editor (`annotate edit`) saves, and how soon it is usable on a long edition.

    python bench/edit_speed.py

1. The seed's bilingual edition (out/ningbo-alibaba.tei.xml, copied): one reading corrected
   through the server's API, then a save; timed from the save request until the TEI is written
   and the HTML and JSON are rendered again (the status says `done`). Median of 5.
2. 西游记 (../shared/data/corpus/xiyouji_s.txt): the first 40 chapters, and the first 100,000
   characters, each built into a TEI edition (not timed). Then, timed: the editor's session
   opened (the TEI read into the model), the page loaded in Debian's chromium, the first
   reading's popover open. Median of 3. Then the same from the command, as a person runs it:
   `annotate edit --no-browser` started in a new process, the page opened at the address it
   prints (three runs). For the 40 chapters, also a reading clicked while the page's script
   is still adding the rest of the page (a long page comes as its first half megabyte, and the
   rest is added in slices), and when the whole page is there and numbered (three runs).
Prints Markdown table rows for bench/RESULTS.md.
"""
from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from annotate.demo import CHROMIUM_ARGS  # noqa: E402
from annotate.editor import Server, serving  # noqa: E402

XIYOUJI = ROOT.parent / "shared" / "data" / "corpus" / "xiyouji_s.txt"


def post(server: Server, route: str, body: dict) -> dict:
    request = urllib.request.Request(server.url + "api/" + route, json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-Annotate-Token": server.token})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def status(server: Server) -> str:
    with urllib.request.urlopen(server.url + "api/status") as response:
        return json.loads(response.read())["state"]


def save_seed(folder: Path) -> list[float]:
    for path in (ROOT / "out").glob("ningbo-alibaba.*"):
        shutil.copy(path, folder / path.name)
    times = []
    with serving(folder / "ningbo-alibaba.tei.xml") as server:
        for run in range(5):
            post(server, "edit", {"op": "reading", "at": 4, "reading": "wéi" if run % 2 == 0 else "wèi"})
            start = time.perf_counter()
            post(server, "save", {})
            while status(server) != "done":
                time.sleep(0.005)
            times.append(time.perf_counter() - start)
    return times


CLICK = """() => new Promise(done => {
  document.querySelector('article.zha .zha-section ruby').dispatchEvent(
    new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
  const wait = () => {
    const pop = document.querySelector('#zhe-pop');
    if (!pop.hidden && pop.querySelector('.zhe-choice')) requestAnimationFrame(() => done(performance.now()));
    else requestAnimationFrame(wait);
  };
  wait();
})"""


EDIT = """() => new Promise(done => {
  // the popover of the first reading is open: pick another reading, until the page shows it
  const rt = document.querySelector('article.zha .zha-section ruby rt');
  const before = rt.textContent;
  const other = [...document.querySelectorAll('#zhe-pop .zhe-choice')].find(b => b.getAttribute('aria-pressed') !== 'true');
  const start = performance.now();
  other.click();
  const wait = () => {
    const now = document.querySelector('article.zha .zha-section ruby rt');
    if (now.textContent !== before) requestAnimationFrame(() => done(performance.now() - start));
    else requestAnimationFrame(wait);
  };
  wait();
})"""


def chapters(count: int) -> str:
    text = XIYOUJI.read_text(encoding="utf-8")
    heads = [m.start() for m in re.finditer(r"^第[一二三四五六七八九十百零]+回", text, re.M)]
    return text[:heads[count]]


def open_long(folder: Path, name: str, text: str, browser) -> tuple[int, list[tuple[float, float, float]]]:
    source = folder / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "annotate", "build", str(source), "--out", str(folder), "--format", "tei"],
                   check=True, capture_output=True)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        with serving(folder / f"{name}.tei.xml") as server:
            opened = time.perf_counter() - start
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server.url, wait_until="commit")
            page.wait_for_selector("article.zha .zha-section ruby", state="attached")
            drawn = page.evaluate(CLICK) / 1000  # the page's clock: since the navigation began
            page.wait_for_selector("body[data-zhe-ready]")
            ready = page.evaluate("performance.now()") / 1000
            edited = page.evaluate(EDIT) / 1000
            runs.append((opened, drawn, ready, edited))
            page.close()
    return len(text), runs


def from_command(path: Path, browser) -> tuple[float, float]:
    """`annotate edit PATH --no-browser` in a process of its own, as a person runs it: seconds
    until it prints the address (Python started, the TEI read), then until the first popover."""
    import re
    import signal

    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "annotate", "edit", str(path), "--no-browser"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = process.stdout.readline()
        address = time.perf_counter() - start
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(re.search(r"http://\S+", line).group(), wait_until="commit")
        page.wait_for_selector("article.zha .zha-section ruby", state="attached")
        drawn = page.evaluate(CLICK) / 1000
        page.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)
    return address, drawn


WHILE_LOADING = """() => new Promise(done => {
  // a reading far into the page, clicked while the script is still adding the rest of it
  const t0 = performance.now();
  const rubies = document.querySelectorAll('article.zha .zha-section ruby');
  rubies[rubies.length - 1].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
  const wait = () => {
    const pop = document.querySelector('#zhe-pop');
    if (!pop.hidden && pop.querySelector('.zhe-choice')) requestAnimationFrame(() => done([t0, performance.now() - t0]));
    else requestAnimationFrame(wait);
  };
  wait();
})"""


def while_loading(path: Path, browser) -> tuple[float, float, float]:
    """`annotate edit` in a new process; once the page has 100,000 readings (the rest still being
    added), one is clicked: (when, seconds until its popover, seconds until the whole page is
    there and numbered), on the page's clock."""
    import signal

    process = subprocess.Popen([sys.executable, "-m", "annotate", "edit", str(path), "--no-browser"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = process.stdout.readline()
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(re.search(r"http://\S+", line).group(), wait_until="commit")
        while page.evaluate("document.getElementsByTagName('ruby').length") < 100_000:
            time.sleep(0.05)
        clicked, popover = page.evaluate(WHILE_LOADING)
        page.wait_for_selector("body[data-zhe-ready]", timeout=120_000)
        ready = page.evaluate("performance.now()")
        page.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)
    return clicked / 1000, popover / 1000, ready / 1000


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        times = save_seed(Path(folder))
        print(f"| seed edition: save + HTML and JSON rendered again | median {statistics.median(times):.2f} s "
              f"(max {max(times):.2f} s) |")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, text in (("xiyouji-100k", XIYOUJI.read_text(encoding="utf-8")[:100_000]),
                           ("xiyouji-40", chapters(40))):
            characters, runs = open_long(Path(folder), name, text, browser)
            opened, drawn, ready, edited = (statistics.median(values) for values in zip(*runs))
            print(f"| {name} ({characters:,} chars) | session opened {opened:.2f} s | first reading's popover "
                  f"drawn {drawn:.2f} s | whole page numbered {ready:.2f} s | opened + popover {opened + drawn:.2f} s "
                  f"| a reading changed, until shown {edited:.2f} s |")
            commands = [from_command(Path(folder) / f"{name}.tei.xml", browser) for _ in range(3)]
            address, drawn = (statistics.median(values) for values in zip(*commands))
            totals = sorted(a + d for a, d in commands)
            print(f"| {name}: `annotate edit` in a new process | address printed {address:.2f} s | popover drawn "
                  f"{drawn:.2f} s after | command to popover {statistics.median(totals):.2f} s "
                  f"({', '.join(f'{t:.2f}' for t in totals)}) |")
            if name == "xiyouji-40":
                loading = [while_loading(Path(folder) / f"{name}.tei.xml", browser) for _ in range(3)]
                print(f"| {name}: a reading clicked while the rest is added (at {statistics.median(c for c, _, _ in loading):.2f} s) "
                      f"| popover drawn after {', '.join(f'{p:.2f}' for _, p, _ in loading)} s "
                      f"| whole page there and numbered {', '.join(f'{r:.2f}' for _, _, r in loading)} s |")
        browser.close()


if __name__ == "__main__":
    main()
