"""HTML writers: a standalone page and an embeddable fragment, from one article builder.

One `<ruby>` per Han character (`<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>`), so each
reading sits over its own character and stays in the accessibility tree. Every class and id
starts with `zha-`, and the CSS only selects inside `.zha`, so the fragment cannot leak
into a host page. The tree is built with lxml, so every piece of text is escaped.
"""
from __future__ import annotations

from lxml import etree

from .. import __version__
from ..model import Block, Document, Token
from ..variants import CONFIGS

PREFIX = "zha"
READING_LANG = {"marks": "zh-Latn-pinyin", "numbers": "zh-Latn-pinyin", "zhuyin": "zh-Bopo"}

CSS = """
.zha{--zha-ink:#1b1b1b;--zha-paper:#fffdf8;--zha-accent:#0b5fa5;--zha-muted:#555;
 font-family:"Noto Serif CJK SC","Noto Sans CJK SC","Source Han Serif SC","Songti SC","PingFang SC","Microsoft YaHei",serif;
 font-size:1.25rem;line-height:2.6;color:var(--zha-ink);background:var(--zha-paper);
 max-width:40em;margin:0 auto;padding:0 1rem;text-align:start;overflow-wrap:anywhere}
.zha ruby{ruby-position:over;ruby-align:center;padding:0 .06em}
.zha rt{font-family:"Noto Sans","DejaVu Sans",system-ui,sans-serif;font-size:.5em;line-height:1.1;
 padding:0 .125em;-webkit-user-select:none;user-select:none;color:var(--zha-muted)}
.zha-section{margin:0 0 2rem}
.zha-section[data-n]::before{content:attr(data-n) ".";display:block;font-family:system-ui,sans-serif;
 font-size:.9rem;line-height:1.5;color:var(--zha-muted)}
.zha-head{font-size:1.5em;line-height:2.4;margin:.25em 0 .5em;font-weight:700}
.zha-p{margin:0 0 1em;content-visibility:auto;contain-intrinsic-size:auto 6em}
.zha-term{color:inherit;text-decoration:underline dotted var(--zha-accent);text-underline-offset:.4em}
.zha-term:hover,.zha-term:focus{background:#e8f1fb}
.zha-term:focus-visible{outline:2px solid var(--zha-accent);outline-offset:2px}
.zha-glossary{font-size:1rem;line-height:1.6;border-top:1px solid #ccc;padding-top:1rem}
.zha-glossary h2{font-size:1.2em;margin:0 0 .5em}
.zha-glossary dt{font-weight:700;margin-top:.75em}
.zha-glossary dd{margin:0 0 0 1.5em}
.zha-gl-pinyin{font-weight:400;font-style:italic}
.zha-note{display:block;color:var(--zha-muted)}
.zha-back a{color:var(--zha-accent);margin-right:.4em}
.zha-footer{font-family:system-ui,sans-serif;font-size:.8rem;line-height:1.5;color:var(--zha-muted);margin-top:2rem}
@media (max-width:480px){.zha{font-size:1.1rem;padding:0 .5rem}}
@media (prefers-color-scheme:dark){.zha{--zha-ink:#eee;--zha-paper:#16181b;--zha-accent:#7fb8ef;--zha-muted:#b8b8b8}
 .zha-term:hover,.zha-term:focus{background:#24364a}}
""".strip()

PAGE_CSS = "html{background:#fffdf8}body{margin:0;padding:1rem 0}" \
    "@media (prefers-color-scheme:dark){html{background:#16181b}}"


def _el(parent, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def build_article(document: Document, *, style: bool = False) -> etree._Element:
    """The `<article class="zha">` that both the page and the fragment show."""
    article = etree.Element("article", {"class": PREFIX, "lang": "zh-Hans"})
    if style:
        _el(article, "style", CSS)
    rt_lang = READING_LANG[document.settings.reading]
    occurrences: dict[str, list[str]] = {}
    for number, section in enumerate(document.sections, start=1):
        element = _el(article, "section", class_="zha-section", id=f"zha-s{number}")
        if section.n is not None:
            element.set("data-n", section.n)
        if section.head is not None:
            _add_tokens(_el(element, "h2", class_="zha-head"), section.head, rt_lang, occurrences)
        for block in section.blocks:
            _add_tokens(_el(element, "p", class_="zha-p"), block, rt_lang, occurrences)
    if document.glossary:
        _build_glossary(article, document, occurrences)
    footer = _el(article, "footer", class_="zha-footer", lang="en")
    footer.text = (
        f"Study edition made with zh-annotate {__version__}: readings from pypinyin "
        f"({document.settings.reading}), traditional forms from OpenCC {CONFIGS[document.settings.variant]}, "
        f"source: {document.source}."
    )
    return article


def _add_tokens(parent, block: Block, rt_lang: str, occurrences: dict[str, list[str]]) -> None:
    last = None
    for token in block.tokens:
        if token.kind != "han" and not token.note_ids:
            if last is None:
                parent.text = (parent.text or "") + token.text
            else:
                last.tail = (last.tail or "") + token.text
            continue
        if token.note_ids:
            entry_id = token.note_ids[0]
            seen = occurrences.setdefault(entry_id, [])
            anchor = f"zha-{entry_id}-{len(seen) + 1}"
            seen.append(anchor)
            last = _el(parent, "a", class_="zha-w zha-term", href=f"#zha-{entry_id}", id=anchor)
        else:
            last = _el(parent, "span", class_="zha-w")
        if token.traditional:
            last.set("title", token.traditional)
        _add_characters(last, token, rt_lang)


def _add_characters(word, token: Token, rt_lang: str) -> None:
    previous = None
    for char, reading in zip(token.text, token.readings or (None,) * len(token.text)):
        if reading is None:
            if previous is None:
                word.text = (word.text or "") + char
            else:
                previous.tail = (previous.tail or "") + char
            continue
        ruby = etree.SubElement(word, "ruby")
        ruby.text = char
        etree.SubElement(ruby, "rp").text = "("
        rt = etree.SubElement(ruby, "rt", lang=rt_lang)
        rt.text = reading
        etree.SubElement(ruby, "rp").text = ")"
        previous = ruby


def _build_glossary(article, document: Document, occurrences: dict[str, list[str]]) -> None:
    section = _el(article, "section", class_="zha-glossary", id="zha-glossary", lang="en")
    _el(section, "h2", "Glossary")
    listing = _el(section, "dl")
    for entry in document.glossary.values():
        term = _el(listing, "dt", id=f"zha-{entry.id}")
        _el(term, "span", entry.term, lang="zh-Hans").tail = " "
        if entry.traditional:
            _el(term, "span", entry.traditional, lang="zh-Hant").tail = " "
        if entry.written_pinyin:
            _el(term, "span", entry.written_pinyin, class_="zha-gl-pinyin", lang="zh-Latn-pinyin")
        detail = _el(listing, "dd")
        _el(detail, "span", entry.gloss, class_="zha-gloss")
        if entry.note:
            _el(detail, "span", entry.note, class_="zha-note")
        anchors = occurrences.get(entry.id, [])
        if anchors:
            back = _el(detail, "span", class_="zha-back")
            back.text = "Occurs: "
            for number, anchor in enumerate(anchors, start=1):
                _el(back, "a", str(number), href=f"#{anchor}", aria_label=f"occurrence {number}")


def _serialize(element) -> str:
    return etree.tostring(element, method="html", encoding="unicode")


def write_fragment(document: Document) -> bytes:
    """One `<article class="zha">` with its own scoped CSS; no script needed to read it."""
    return (_serialize(build_article(document, style=True)) + "\n").encode("utf-8")


def write_page(document: Document) -> bytes:
    """A standalone HTML page: everything inline, no external resources."""
    html = etree.Element("html", lang="zh-Hans")
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "meta", name="generator", content=f"zh-annotate {__version__}")
    _el(head, "title", document.title)
    _el(head, "style", PAGE_CSS + "\n" + CSS)
    body = _el(html, "body")
    body.append(build_article(document))
    return ("<!DOCTYPE html>\n" + _serialize(html) + "\n").encode("utf-8")
