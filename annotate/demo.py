"""The committed examples beside the main job's output: an embed demo and screenshots.

    python -m annotate.demo [OUT_DIR]     (default out/; screenshots need /usr/bin/chromium)

The embed demo puts the seed's fragment inside a host page whose own CSS is hostile (a global
`* { font-family: serif; line-height: 1 }`, `p { margin: 0 }`, a CSS reset that includes
`ruby` and hides `rt`), to show that the fragment keeps its layout anywhere.
"""
from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

HOSTILE_CSS = """
/* The host site's own CSS: deliberately hostile to embedded content. */
html, body, div, span, h1, h2, p, a, button, label, input, article, section, footer, ruby, rt, rp, dl, dt, dd {
  margin: 0; padding: 0; border: 0; font-size: 100%; font: inherit; vertical-align: baseline; }
* { font-family: serif; line-height: 1; }
p { margin: 0; }
ruby { display: inline; ruby-position: under; }
rt { display: none; font-size: 200%; }
button { display: block; width: 100%; background: #ccc; }
a { color: red; }
body { font-size: 12px; color: #222; background: #eee; }
.host { max-width: 60rem; margin: 0 auto; padding: 1rem; background: #fff; }
"""


def embed_demo(fragment: bytes) -> bytes:
    """A host page with hostile CSS around an HTML fragment."""
    html = etree.Element("html", lang="en")
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    etree.SubElement(head, "title").text = "zh-annotate: a fragment embedded in a hostile page"
    etree.SubElement(head, "style").text = HOSTILE_CSS
    body = etree.SubElement(html, "body")
    host = etree.SubElement(body, "div", {"class": "host"})
    etree.SubElement(host, "h1").text = "A host page with hostile CSS"
    etree.SubElement(host, "p").text = (
        "Everything below is the fragment written by `annotate build --format html-fragment`, pasted in as it is."
    )
    serialized = etree.tostring(html, method="html", encoding="unicode")
    marker = '<div class="host">'
    head_part, tail = serialized.split(marker, 1)
    inner_end = tail.rindex("</div>")
    page = head_part + marker + tail[:inner_end] + fragment.decode("utf-8") + tail[inner_end:]
    return ("<!DOCTYPE html>\n" + page + "\n").encode("utf-8")


def seed_fragment(root: Path) -> bytes:
    import annotate

    seed = root / "seeds" / "ningbo-alibaba.txt"
    translation = seed.with_name("ningbo-alibaba.en.txt")
    glossary = annotate.load_glossary(root / "glossary")
    document = annotate.annotate_text(seed.read_text(encoding="utf-8"), source=seed.name, glossary=glossary,
                                      translation=translation.read_text(encoding="utf-8"),
                                      translation_name=translation.name)
    return annotate.write(document, "html-fragment")


SCREENSHOTS = [
    ("screenshot-desktop-light.png", 1280, 900, "light", "under"),
    ("screenshot-desktop-dark.png", 1280, 900, "dark", "under"),
    ("screenshot-phone-light.png", 390, 844, "light", "under"),
    ("screenshot-phone-dark.png", 390, 844, "dark", "under"),
    ("screenshot-layout-side.png", 1280, 900, "light", "side"),
    ("screenshot-layout-side-phone.png", 390, 844, "light", "side"),
    ("screenshot-layout-tap.png", 1280, 900, "light", "tap"),
]
"""Name, viewport, colour scheme and the translation's layout (under each sentence, side by side, on tap)."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def screenshots(page_path: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, width, height, scheme, layout in SCREENSHOTS:
            page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme,
                                    device_scale_factor=1)
            page.goto(page_path.resolve().as_uri())
            page.wait_for_load_state("load")
            radio = page.locator(f"input.zha-lay-{layout}")
            if radio.count():
                radio.check()
                if layout == "tap":  # a reader tapped the third sentence of the first paragraph
                    page.locator(".zha-bi .zha-bead").nth(2).focus()
                page.locator(".zha-bi").first.scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -120)")
            page.screenshot(path=str(out / name))
            page.close()
            written.append(out / name)
        browser.close()
    return written


def seed_book(root: Path) -> bytes:
    """The seed as a plain EPUB 3, as a publisher would have it: a chapter per section, no pinyin."""
    import io
    import zipfile

    from .readers.text import parse
    from .writers.common import escape_text

    document = parse((root / "seeds" / "ningbo-alibaba.txt").read_text(encoding="utf-8"), "ningbo-alibaba.txt")
    chapters = []
    for section in document.sections:
        body = [f"<h1>{escape_text(section.head.text)}</h1>"] if section.head else []
        body += [f"<p>{escape_text(block.text)}</p>" for block in section.blocks]
        chapters.append("\n".join(body))
    files = {"META-INF/container.xml": '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
             'opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/'
             'oebps-package+xml"/></rootfiles></container>'}
    items = "".join(f'<item id="c{n}" href="c{n}.xhtml" media-type="application/xhtml+xml"/>' for n in range(len(chapters)))
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    links = "".join(f'<li><a href="c{n}.xhtml">{n + 1}</a></li>' for n in range(len(chapters)))
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" '
             'xmlns:epub="http://www.idpf.org/2007/ops" lang="zh-CN" xml:lang="zh-CN"><head><title>{}</title></head>'
             '<body>{}</body></html>')
    for n, body in enumerate(chapters):
        files[f"OEBPS/c{n}.xhtml"] = xhtml.format(escape_text(document.title), body)
    files["OEBPS/nav.xhtml"] = xhtml.format("目录", f'<nav epub:type="toc"><ol>{links}</ol></nav>')
    files["OEBPS/book.opf"] = (
        '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">'
        f'urn:uuid:5d1f1f2e-6c0e-4a53-9d43-3b1b2c0a9e11</dc:identifier><dc:title>{escape_text(document.title)}</dc:title>'
        '<dc:language>zh-CN</dc:language><meta property="dcterms:modified">2026-01-01T00:00:00Z</meta></metadata>'
        f'<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>{items}'
        f'</manifest><spine>{spine}</spine></package>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


def book_screenshot(root: Path, out: Path) -> Path:
    """`annotate build book.epub --dictionary cedict --level 3` on the seed as a book; its first
    chapter, as an e-reader's browser engine shows it, at phone width."""
    import io
    import tempfile
    import zipfile

    from playwright.sync_api import sync_playwright

    from .batch import Options
    from .glossary import load
    from .inplace import convert_book

    annotated = io.BytesIO()
    convert_book(io.BytesIO(seed_book(root)), "ningbo-alibaba.epub", "ningbo-alibaba.epub",
                 Options(formats=("epub",), dictionary="cedict", level=3), load([root / "glossary"]), annotated)
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(annotated) as book:
        book.extractall(folder)  # our own book, just written: its paths are ours
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
            page.goto((Path(folder) / "OEBPS" / "c1.xhtml").as_uri())
            page.wait_for_load_state("load")
            page.add_style_tag(content="body{margin:16px;font-size:19px;line-height:2.3;font-family:'Noto Serif CJK SC',"
                                       "serif}")  # an e-reader's own page margins and type
            page.screenshot(path=str(out / "screenshot-epub-phone.png"))
            browser.close()
    return out / "screenshot-epub-phone.png"


LEFT_OUT = (' In the industrial internet in particular, the powerful computing capacity of Alibaba Cloud can '
            'connect the "information islands" up and down the industrial chain and raise productivity.')
"""A sentence of the seed's English (s5's translation) that the editor's screenshot leaves out."""


def omission_edition(root: Path) -> bytes:
    """The seed's bilingual edition (TEI) with LEFT_OUT missing from the English: the aligner
    leaves s5 untranslated, in a bead the editor marks for checking."""
    import annotate

    english = (root / "seeds" / "ningbo-alibaba.en.txt").read_text(encoding="utf-8")
    document = annotate.annotate_text((root / "seeds" / "ningbo-alibaba.txt").read_text(encoding="utf-8"),
                                      source="lesson.txt", glossary=annotate.load_glossary(root / "glossary"),
                                      translation=english.replace(LEFT_OUT, ""), translation_name="lesson.en.txt")
    return annotate.write(document, "tei")


def editor_screenshot(root: Path, out: Path) -> Path:
    """`annotate edit` on omission_edition: a reading's popover open over a sentence, beside the
    bead the aligner left without a translation (marked for checking)."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from .editor import serving

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lesson.tei.xml"
        path.write_bytes(omission_edition(root))
        with serving(path) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
            page.goto(server.url)
            page.wait_for_selector('body[data-zhe-ready="unsure"]')
            page.locator("#zha-sn-s4").scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, 120)")
            page.locator("#zha-sn-s6 ruby.zhe-unsure, #zha-sn-s6 ruby").first.click()
            page.wait_for_selector("#zhe-pop:not([hidden]) .zhe-choice")
            page.screenshot(path=str(out / "screenshot-editor.png"))
            browser.close()
    return out / "screenshot-editor.png"


def main(argv: list[str]) -> None:
    root = Path(__file__).resolve().parent.parent
    out = Path(argv[0]) if argv else root / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "embed-demo.html").write_bytes(embed_demo(seed_fragment(root)))
    print(f"wrote {out / 'embed-demo.html'}")
    for path in screenshots(out / "ningbo-alibaba.html", out):
        print(f"wrote {path}")
    print(f"wrote {book_screenshot(root, out)}")
    print(f"wrote {editor_screenshot(root, out)}")


if __name__ == "__main__":
    main(sys.argv[1:])
