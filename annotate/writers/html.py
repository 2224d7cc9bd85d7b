"""HTML writers: a standalone page and an embeddable fragment, from one article builder.

One `<ruby>` per Han character (`<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>`), so each
reading sits over its own character and stays in the accessibility tree. Where the
traditional form differs, both forms are in the base (`<span class="zha-s">发</span>
<span class="zha-t">髮</span>`) and CSS shows one. The display controls are checkboxes that
CSS `:has()` reads, so they work without script; the optional script only remembers them.
Glossary terms are buttons that open a native `popover` beside the term.

Every class and id starts with `zha-`, and the CSS only selects inside `.zha`, so the
fragment cannot leak into a host page. The tree is built with lxml: all text is escaped.
"""
from __future__ import annotations

from importlib import resources

from lxml import etree

from .. import __version__
from ..model import Block, Document, Token
from ..readings import tone_of
from ..variants import CONFIGS

PREFIX = "zha"
READING_LANG = {"marks": "zh-Latn-pinyin", "numbers": "zh-Latn-pinyin", "zhuyin": "zh-Bopo"}
CONTROLS = (
    ("pinyin", "Pinyin", True),
    ("traditional", "Traditional characters", False),
    ("tones", "Tone colours", False),
    ("notes", "Notes", True),
)
PAGE_CSS = (
    "html{background:#fffdf8;color-scheme:light dark}body{margin:0;padding:1rem 0}"
    "@media (prefers-color-scheme:dark){html{background:#16181b}}"
)


def asset(name: str) -> str:
    """The text of a packaged asset: `zh-annotate.css` or `zh-annotate.js`."""
    return resources.files("annotate").joinpath("assets", name).read_text(encoding="utf-8")


def _el(parent, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def build_article(document: Document, *, style: bool = False) -> etree._Element:
    """The `<article class="zha">` that both the page and the fragment show."""
    article = etree.Element("article", {"class": PREFIX, "lang": "zh-Hans"})
    if style:
        _el(article, "style", asset("zh-annotate.css"))
    _build_controls(article, document)
    rt_lang = READING_LANG[document.settings.reading]
    numbers = {entry_id: str(n) for n, entry_id in enumerate(document.glossary, start=1)}
    occurrences: dict[str, list[str]] = {}
    for number, section in enumerate(document.sections, start=1):
        element = _el(article, "section", class_="zha-section", id=f"zha-s{number}")
        if section.n is not None:
            element.set("data-n", section.n)
        if section.head is not None:
            _add_tokens(_el(element, "h2", class_="zha-head"), section.head, rt_lang, numbers, occurrences)
        for block in section.blocks:
            _add_tokens(_el(element, "p", class_="zha-p"), block, rt_lang, numbers, occurrences)
    if document.glossary:
        _build_glossary(article, document, numbers, occurrences)
        _build_popovers(article, document)
    footer = _el(article, "footer", class_="zha-footer", lang="en")
    footer.text = (
        f"Study edition made with zh-annotate {__version__}: readings from pypinyin "
        f"({document.settings.reading}), traditional forms from OpenCC {CONFIGS[document.settings.variant]}, "
        f"source: {document.source}."
    )
    return article


def _build_controls(article, document: Document) -> None:
    controls = _el(article, "div", class_="zha-controls", role="group", aria_label="Display options", lang="en")
    for name, label, checked in CONTROLS:
        if name == "notes" and not document.glossary:
            continue
        wrapper = _el(controls, "label", class_="zha-control")
        box = _el(wrapper, "input", type="checkbox", class_=f"zha-opt-{name}", data_zha_option=name)
        if checked:
            box.set("checked", "checked")
        box.tail = " " + label


def _add_tokens(parent, block: Block, rt_lang: str, numbers: dict[str, str], occurrences: dict[str, list[str]]) -> None:
    # Plain words get no wrapper of their own: a 725 K-character book has 400 K of them, and a
    # wrapper changes nothing a reader sees or hears (TEI and JSON keep the word boundaries).
    for token in block.tokens:
        if token.note_ids:
            entry_id = token.note_ids[0]
            seen = occurrences.setdefault(entry_id, [])
            anchor = f"zha-{entry_id}-{len(seen) + 1}"
            seen.append(anchor)
            term = _el(parent, "button", type="button", class_="zha-term", id=anchor,
                       popovertarget=f"zha-pop-{entry_id}", data_note=numbers[entry_id])
            _add_characters(term, token, rt_lang)
        elif token.kind == "han":
            _add_characters(parent, token, rt_lang)
        else:
            _append_text(parent, token.text)


def _append_text(parent, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _add_characters(parent, token: Token, rt_lang: str) -> None:
    """Append one ruby per Han character of `token` to `parent` (other characters as text)."""
    traditional = token.traditional
    for i, (char, reading) in enumerate(zip(token.text, token.readings or (None,) * len(token.text))):
        if reading is None:
            _append_text(parent, char)
            continue
        ruby = etree.SubElement(parent, "ruby", {"class": f"zha-{tone_of(reading)}"})
        if traditional is not None and traditional[i] != char:
            etree.SubElement(ruby, "span", {"class": "zha-s"}).text = char
            etree.SubElement(ruby, "span", {"class": "zha-t", "lang": "zh-Hant"}).text = traditional[i]
        else:
            ruby.text = char
        etree.SubElement(ruby, "rp").text = "("
        etree.SubElement(ruby, "rt", lang=rt_lang).text = reading
        etree.SubElement(ruby, "rp").text = ")"


def _term_label(parent, entry) -> None:
    _el(parent, "span", entry.term, lang="zh-Hans", class_="zha-gl-term").tail = " "
    if entry.traditional:
        _el(parent, "span", entry.traditional, lang="zh-Hant").tail = " "
    if entry.written_pinyin:
        _el(parent, "span", entry.written_pinyin, class_="zha-gl-pinyin", lang="zh-Latn-pinyin")


def _build_glossary(article, document: Document, numbers: dict[str, str], occurrences: dict[str, list[str]]) -> None:
    section = _el(article, "section", class_="zha-glossary", id="zha-glossary", lang="en", aria_labelledby="zha-glossary-h")
    _el(section, "h2", "Glossary", id="zha-glossary-h")
    listing = _el(section, "dl")
    for entry in document.glossary.values():
        _term_label(_el(listing, "dt", id=f"zha-{entry.id}", data_note=numbers[entry.id]), entry)
        detail = _el(listing, "dd")
        _el(detail, "span", entry.gloss, class_="zha-gloss")
        if entry.note:
            _el(detail, "span", entry.note, class_="zha-note")
        anchors = occurrences.get(entry.id, [])
        if anchors:
            back = _el(detail, "span", class_="zha-back")
            back.text = "In the text: "
            for number, anchor in enumerate(anchors, start=1):
                _el(back, "a", str(number), href=f"#{anchor}", aria_label=f"occurrence {number} of {entry.term}")


def _build_popovers(article, document: Document) -> None:
    holder = _el(article, "div", class_="zha-pops", lang="en")
    for entry in document.glossary.values():
        pop = _el(holder, "div", popover="auto", id=f"zha-pop-{entry.id}", class_="zha-pop")
        _term_label(_el(pop, "p", class_="zha-pop-term"), entry)
        _el(pop, "p", entry.gloss, class_="zha-gloss")
        if entry.note:
            _el(pop, "p", entry.note, class_="zha-note")
        _el(_el(pop, "p"), "a", "In the glossary", href=f"#zha-{entry.id}")


def _serialize(element) -> str:
    return etree.tostring(element, method="html", encoding="unicode")


def write_fragment(document: Document, *, style: bool = True) -> bytes:
    """One `<article class="zha">` with its own scoped CSS; no script needed to read it.

    `style=False` leaves the CSS out, for hosts that link `zh-annotate.css` (`annotate assets`).
    """
    return (_serialize(build_article(document, style=style)) + "\n").encode("utf-8")


def write_page(document: Document) -> bytes:
    """A standalone HTML page: everything inline, no external resources."""
    html = etree.Element("html", lang="zh-Hans")
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "meta", name="generator", content=f"zh-annotate {__version__}")
    _el(head, "title", document.title)
    _el(head, "style", PAGE_CSS + "\n" + asset("zh-annotate.css"))
    body = _el(html, "body")
    body.append(build_article(document))
    _el(body, "script", asset("zh-annotate.js"))
    return ("<!DOCTYPE html>\n" + _serialize(html) + "\n").encode("utf-8")
