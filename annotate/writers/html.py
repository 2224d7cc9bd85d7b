"""HTML writers: a standalone page and an embeddable fragment, from one article writer.

One `<ruby>` per Han character (`<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>`), so each
reading sits over its own character and stays in the accessibility tree. Where the other
script's form differs, both forms are in the base (`<span class="zha-s">发</span><span
class="zha-t">髮</span>`) and CSS shows one. The display controls are checkboxes that CSS
`:has()` reads, so they work without script; the optional script only remembers them.
Glossary terms are buttons that open a native `popover` beside the term.

Every class and id starts with `zha-`, and the CSS only selects inside `.zha`, so the
fragment cannot leak into a host page. All markup is made by lxml, so all text is escaped.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lxml import etree

from .. import __version__
from ..model import Block, Document, Section
from ..readings import tone_of
from ..variants import CONFIGS
from . import Sink, escape_text, serialize, start_tag

READING_LANG = {"marks": "zh-Latn-pinyin", "numbers": "zh-Latn-pinyin", "zhuyin": "zh-Bopo"}
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


def _inner(container) -> str:
    """The serialised content of a throwaway `<x>` container."""
    return serialize(container, method="html")[3:-4]


@lru_cache(maxsize=8_192)
def ruby(char: str, reading: str, other: str | None, hant: bool, rt_lang: str) -> str:
    """One `<ruby>`: the character (with its other-script form where it differs) and its reading."""
    element = etree.Element("ruby", {"class": f"zha-{tone_of(reading)}"})
    if other is not None and other != char:
        simplified, traditional = (other, char) if hant else (char, other)
        etree.SubElement(element, "span", {"class": "zha-s", "lang": "zh-Hans"} if hant else {"class": "zha-s"}).text = simplified
        etree.SubElement(element, "span", {"class": "zha-t"} if hant else {"class": "zha-t", "lang": "zh-Hant"}).text = traditional
    else:
        element.text = char
    etree.SubElement(element, "rp").text = "("
    etree.SubElement(element, "rt", lang=rt_lang).text = reading
    etree.SubElement(element, "rp").text = ")"
    return serialize(element, method="html")


def rubies(text: str, readings: tuple, other: str | None, hant: bool, rt_lang: str) -> str:
    """The HTML of one word: one ruby per Han character, other characters as text."""
    return "".join(
        escape_text(char) if reading is None else ruby(char, reading, other[i] if other else None, hant, rt_lang)
        for i, (char, reading) in enumerate(zip(text, readings or (None,) * len(text)))
    )


def _term_label(parent, entry) -> None:
    _el(parent, "span", entry.term, lang="zh-Hans", class_="zha-gl-term").tail = " "
    if entry.traditional:
        _el(parent, "span", entry.traditional, lang="zh-Hant").tail = " "
    if entry.written_pinyin:
        _el(parent, "span", entry.written_pinyin, class_="zha-gl-pinyin", lang="zh-Latn-pinyin")


class ArticleSink(Sink):
    """Writes `<article class="zha">` as the text streams in; glossary and notes at the end."""

    def __init__(self, out, document: Document, *, style: bool = True) -> None:
        super().__init__(out, document)
        self.style = style
        self.hant = document.script == "Hant"
        self.rt_lang = READING_LANG[document.settings.reading]
        self.sections = 0
        self.numbers: dict[str, str] = {}
        self.occurrences: dict[str, list[str]] = {}

    def open_article(self) -> None:
        classes = "zha zha-hant" if self.hant else "zha"
        self.emit(start_tag("article", {"class": classes, "lang": "zh-Hant" if self.hant else "zh-Hans"}, "html"))
        if self.style:
            self.emit(serialize(_el(etree.Element("x"), "style", asset("zh-annotate.css")), "html"))
        controls = etree.Element("div", {"class": "zha-controls", "role": "group", "aria-label": "Display options",
                                         "lang": "en"})
        other = ("simplified", "Simplified characters") if self.hant else ("traditional", "Traditional characters")
        for name, label, checked in (("pinyin", "Pinyin", True), (*other, False), ("tones", "Tone colours", False),
                                     ("notes", "Notes", True)):
            wrapper = _el(controls, "label", class_="zha-control")
            box = _el(wrapper, "input", type="checkbox", class_=f"zha-opt-{name}", data_zha_option=name)
            if checked:
                box.set("checked", "checked")
            box.tail = " " + label
        self.emit(serialize(controls, "html"))

    def section(self, section: Section) -> None:
        if self.sections:
            self.emit("</section>")
        self.sections += 1
        attributes = {"class": "zha-section", "id": f"zha-s{self.sections}"}
        if section.n is not None:
            attributes["data-n"] = section.n
        self.emit(start_tag("section", attributes, "html"))

    def block(self, block: Block) -> None:
        parts = ['<h2 class="zha-head">' if block.kind == "head" else '<p class="zha-p">']
        for token in block.tokens:
            if token.note_ids:
                entry_id = token.note_ids[0]
                number = self.numbers.setdefault(entry_id, str(len(self.numbers) + 1))
                seen = self.occurrences.setdefault(entry_id, [])
                anchor = f"zha-{entry_id}-{len(seen) + 1}"
                seen.append(anchor)
                parts.append(start_tag("button", {"type": "button", "class": "zha-term", "id": anchor,
                                                  "popovertarget": f"zha-pop-{entry_id}", "data-note": number}, "html"))
                parts.append(rubies(token.text, token.readings, token.traditional or token.simplified, self.hant, self.rt_lang))
                parts.append("</button>")
            else:
                parts.append(self.word_markup(token, self._make))
        parts.append("</h2>" if block.kind == "head" else "</p>")
        self.emit("".join(parts))

    def _make(self, token) -> str:
        if token.kind == "han":
            return rubies(token.text, token.readings, token.traditional or token.simplified, self.hant, self.rt_lang)
        return escape_text(token.text)

    def close_article(self) -> None:
        if self.sections:
            self.emit("</section>")
        document = self.document
        holder = etree.Element("x")
        if document.glossary:
            section = _el(holder, "section", class_="zha-glossary", id="zha-glossary", lang="en",
                          aria_labelledby="zha-glossary-h")
            _el(section, "h2", "Glossary", id="zha-glossary-h")
            listing = _el(section, "dl")
            for entry in document.glossary.values():
                number = self.numbers.setdefault(entry.id, str(len(self.numbers) + 1))
                _term_label(_el(listing, "dt", id=f"zha-{entry.id}", data_note=number), entry)
                detail = _el(listing, "dd")
                _el(detail, "span", entry.gloss, class_="zha-gloss")
                if entry.note:
                    _el(detail, "span", entry.note, class_="zha-note")
                anchors = self.occurrences.get(entry.id, [])
                if anchors:
                    back = _el(detail, "span", class_="zha-back")
                    back.text = "In the text: "
                    for n, anchor in enumerate(anchors, start=1):
                        _el(back, "a", str(n), href=f"#{anchor}", aria_label=f"occurrence {n} of {entry.term}")
            pops = _el(holder, "div", class_="zha-pops", lang="en")
            for entry in document.glossary.values():
                pop = _el(pops, "div", popover="auto", id=f"zha-pop-{entry.id}", class_="zha-pop")
                _term_label(_el(pop, "p", class_="zha-pop-term"), entry)
                _el(pop, "p", entry.gloss, class_="zha-gloss")
                if entry.note:
                    _el(pop, "p", entry.note, class_="zha-note")
                _el(_el(pop, "p"), "a", "In the glossary", href=f"#zha-{entry.id}")
        source_script = "traditional (readings from its simplified form)" if self.hant else "simplified"
        other = "simplified forms from OpenCC t2s" if self.hant else \
            f"traditional forms from OpenCC {CONFIGS[document.settings.variant]}"
        _el(holder, "footer", class_="zha-footer", lang="en").text = (
            f"Study edition made with zh-annotate {__version__}: readings from pypinyin "
            f"({document.settings.reading}), {other}; source: {document.source}, {source_script}."
        )
        self.emit(_inner(holder) + "</article>")


class FragmentSink(ArticleSink):
    """One `<article class="zha">` with its own scoped CSS; no script needed to read it.

    `style=False` leaves the CSS out, for hosts that link `zh-annotate.css` (`annotate assets`).
    """

    def start(self) -> None:
        self.open_article()

    def finish(self) -> None:
        self.close_article()
        self.emit("\n")


class PageSink(ArticleSink):
    """A standalone HTML page: everything inline, no external resources."""

    def __init__(self, out, document: Document) -> None:
        super().__init__(out, document, style=False)

    def start(self) -> None:
        head = etree.Element("head")
        _el(head, "meta", charset="utf-8")
        _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
        _el(head, "meta", name="generator", content=f"zh-annotate {__version__}")
        _el(head, "title", self.document.title)
        _el(head, "style", PAGE_CSS + "\n" + asset("zh-annotate.css"))
        lang = "zh-Hant" if self.hant else "zh-Hans"
        self.emit(f'<!DOCTYPE html>\n<html lang="{lang}">' + serialize(head, "html") + "<body>")
        self.open_article()

    def finish(self) -> None:
        self.close_article()
        self.emit(serialize(_el(etree.Element("x"), "script", asset("zh-annotate.js")), "html") + "</body></html>\n")
