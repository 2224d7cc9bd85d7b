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

import re
from functools import lru_cache
from importlib import resources

from lxml import etree

from ..constants import CEDICT_ATTRIBUTION, CEDICT_LICENCE, OPENCC_CONFIGS as CONFIGS, STANDARDS, level_name
from ..model import PROFILE_KEYS, Block, Document, Section
from ..syllables import tone_of
from ..version import __version__
from .common import Sink, Structure, escape_attribute, escape_text, markup_id, serialize, start_tag, with_marks

READING_LANG = {"marks": "zh-Latn-pinyin", "numbers": "zh-Latn-pinyin", "zhuyin": "zh-Bopo"}
PAGE_CSS = (
    "html{background:#fffdf8;color-scheme:light dark}body{margin:0;padding:1rem 0}"
    "@media (prefers-color-scheme:dark){html{background:#16181b}}"
)


def asset(name: str) -> str:
    """The text of a packaged asset: `zh-annotate.css` or `zh-annotate.js`."""
    return resources.files("annotate").joinpath("assets", name).read_text(encoding="utf-8")


LAYOUTS = (("under", "under each sentence"), ("side", "side by side"), ("tap", "on tap"), ("off", "off"))
"""The translation's layouts in a bilingual edition, chosen by radio buttons that CSS reads."""
GLOSS_WORD = re.compile(r"[A-Za-z][A-Za-z' -]*[A-Za-z]")


class _Beads:
    """Where each bead's translation goes: after the last source sentence of the bead (a bead
    the translator added, with no source, after the bead before it)."""

    def __init__(self, alignment) -> None:
        self.language = escape_attribute(alignment.language)
        self.texts = {t.id: t.text for t in alignment.target}
        self.untranslated = {number for number, link in enumerate(alignment.links) if link.source and not link.target}
        """Beads whose source sentences have no translation (the translator left them out)."""
        self.of: dict[str, int] = {}
        self.following: dict[str, list] = {}
        last = None
        for number, link in enumerate(alignment.links):
            for sentence in link.source:
                self.of[sentence] = number
            if link.source:
                last = link.source[-1]
            self.following.setdefault(last, []).append(link)
        self.leading = self.following.pop(None, [])
        """Beads with no source before the first source sentence: shown before it."""

    def index(self, sentence: str) -> int:
        return self.of.get(sentence, -1)

    def after(self, sentence: str) -> list:
        return self.following.get(sentence, [])

    def opening(self, number: int) -> str:
        """A bead's opening tags: a bead the translator left out says so, in every layout."""
        if number in self.untranslated:
            return '<span class="zha-bead zha-untr" tabindex="0" title="not translated"><span class="zha-src">'
        return '<span class="zha-bead" tabindex="0"><span class="zha-src">'

    def target_markup(self, link, glossed: dict[str, str]) -> str:
        """`<span class="zha-tgt">` with the bead's translation sentences; words of a term's gloss
        found there open the term's note."""
        if not link.target:
            return '<span class="zha-tgt zha-none" lang="en">not translated</span>'
        sentences = []
        for sentence_id in link.target:
            text = self.texts[sentence_id].strip()
            sentences.append(f'<span class="zha-tsent" id="zha-sn-{sentence_id}">{_link_glosses(text, glossed)}</span>')
        return f'<span class="zha-tgt" lang="{self.language}">' + " ".join(sentences) + "</span>"


def _link_glosses(text: str, glossed: dict[str, str]) -> str:
    """The translation's text, escaped, a term's gloss (its first sense) made a button that opens the term's note."""
    spans = []
    for entry_id, gloss in glossed.items():
        first = re.split(r"[;/(,]", gloss, maxsplit=1)[0].strip()
        match = GLOSS_WORD.fullmatch(first)
        if match is None or len(first) < 3:
            continue
        found = re.search(r"(?<![A-Za-z])" + re.escape(first) + r"(?![A-Za-z])", text, re.IGNORECASE)
        if found and not any(a < found.end() and found.start() < b for a, b, _ in spans):
            spans.append((found.start(), found.end(), entry_id))
    parts, position = [], 0
    for start, end, entry_id in sorted(spans):
        parts.append(escape_text(text[position:start]))
        parts.append(f'<button type="button" class="zha-tw" popovertarget="zha-pop-{entry_id}">'
                     f"{escape_text(text[start:end])}</button>")
        position = end
    parts.append(escape_text(text[position:]))
    return "".join(parts)


def _el(parent, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


@lru_cache(maxsize=8_192)
def ruby(char: str, reading: str, other: str | None, hant: bool, rt_lang: str, known: bool = False) -> str:
    """One `<ruby>`: the character (with its other-script form where it differs) and its reading.
    A word the reader knows is marked `zha-known`, so the level switch can hide its reading."""
    element = etree.Element("ruby", {"class": f"zha-{tone_of(reading)}" + (" zha-known" if known else "")})
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


@lru_cache(maxsize=16_384)
def rubies(text: str, readings: tuple, other: str | None, hant: bool, rt_lang: str, known: bool = False) -> str:
    """The HTML of one word: one ruby per Han character, other characters as text."""
    if len(text) == 1 and readings:  # most words of a book: one character
        reading = readings[0]
        return escape_text(text) if reading is None else ruby(text, reading, other, hant, rt_lang, known)
    parts = []
    for i, (char, reading) in enumerate(zip(text, readings or (None,) * len(text))):
        parts.append(escape_text(char) if reading is None else
                     ruby(char, reading, other[i] if other else None, hant, rt_lang, known))
    return "".join(parts)


SAFE_LINK = re.compile(r"(?:https?:|mailto:|ftp:|#|/|\./|\.\./|[^:/?#]+(?:[/?#]|$))", re.IGNORECASE)
"""Link targets written as links: web and mail addresses and relative paths (never `javascript:`)."""
LOCAL_IMAGE = re.compile(r"(?!/)(?![A-Za-z][A-Za-z0-9+.-]*:)|data:image/", re.IGNORECASE)
"""Image sources loaded in a page: relative paths beside it and data: images, never the network."""
MARK_TAGS = {"em": "em", "strong": "strong", "del": "s", "code": "code"}


def mark_opening(mark) -> str:
    """The HTML start tag of a mark (an image or a line break: the whole element)."""
    kind = mark.kind
    if kind in MARK_TAGS:
        return f"<{MARK_TAGS[kind]}>"
    if kind == "link":
        if mark.target is None or not SAFE_LINK.match(mark.target):
            return '<span class="zha-link">'
        title = f' title="{escape_attribute(mark.text)}"' if mark.text else ""
        return f'<a href="{escape_attribute(mark.target)}"{title}>'
    if kind == "image":
        alt = escape_attribute(mark.text or "")
        if mark.target and LOCAL_IMAGE.match(mark.target):
            return f'<img src="{escape_attribute(mark.target)}" alt="{alt}">'
        # a picture on the web is not fetched (a page loads nothing from elsewhere): linked instead
        target = mark.target or ""
        if SAFE_LINK.match(target):
            return f'<a class="zha-img-link" href="{escape_attribute(target)}">[{escape_text(mark.text or "image")}]</a>'
        return f'<span class="zha-img-link">[{escape_text(mark.text or "image")}]</span>'
    if kind == "break":
        return "<br>"
    if kind == "verbatim":
        return '<span translate="no">'
    return ""


def xhtml_mark_opening(mark) -> str:
    """mark_opening, written as XML (an e-book's XHTML): empty elements closed."""
    markup = mark_opening(mark)
    if mark.kind == "break":
        return "<br/>"
    if markup.startswith("<img "):
        return markup[:-1] + "/>"
    return markup


def mark_closing(mark) -> str:
    kind = mark.kind
    if kind in MARK_TAGS:
        return f"</{MARK_TAGS[kind]}>"
    if kind == "link":
        return "</a>" if mark.target is not None and SAFE_LINK.match(mark.target) else "</span>"
    if kind == "verbatim":
        return "</span>"
    return ""


def container_opening(container, block) -> str:
    kind = container.kind
    if kind == "list":
        if container.ordered:
            start = f' start="{container.start}"' if container.start not in (None, 1) else ""
            return f'<ol class="zha-list"{start}>'
        return '<ul class="zha-list">'
    return {"item": "<li>", "quote": '<blockquote class="zha-quote">', "table": '<table class="zha-table">',
            "row": "<tr>", "figure": '<figure class="zha-figure">'}[kind]


def container_closing(container) -> str:
    if container.kind == "list":
        return "</ol>" if container.ordered else "</ul>"
    return {"item": "</li>", "quote": "</blockquote>", "table": "</table>", "row": "</tr>",
            "figure": "</figure>"}[container.kind]


class ArticleSink(Sink):
    """Writes `<article class="zha">` as the text streams in; glossary and notes at the end."""

    memoise_notes = False  # occurrences the appendix links back to have their own id

    def __init__(self, out, document: Document, *, style: bool = True) -> None:
        super().__init__(out, document)
        self.learner = document.settings.learner
        if self.learner:  # the profile goes first but is known last: hold the body back
            import tempfile

            self.final, self.out = out, tempfile.TemporaryFile()
        self.style = style
        self.hant = document.script == "Hant"
        self.rt_lang = READING_LANG[document.settings.reading]
        self.sections = 0
        self.numbers: dict[str, str] = {}
        self.occurrences: dict[str, list[str]] = {}
        self.later: set[str] = set()  # dictionary entries whose first occurrence is written
        self.beads = _Beads(document.alignment) if document.alignment is not None else None
        self.structure = Structure(container_opening, container_closing)

    def open_article(self) -> None:
        classes = "zha zha-hant" if self.hant else "zha"
        self.emit(start_tag("article", {"class": classes, "lang": "zh-Hant" if self.hant else "zh-Hans"}, "html"))
        if self.style:
            self.emit(serialize(_el(etree.Element("x"), "style", asset("zh-annotate.css")), "html"))
        controls = etree.Element("div", {"class": "zha-controls", "role": "group", "aria-label": "Display options",
                                         "lang": "en"})
        other = ("simplified", "Simplified characters") if self.hant else ("traditional", "Traditional characters")
        choices = [("pinyin", "Pinyin", True)]
        if self.document.settings.level is not None:
            choices.append(("level", f"Pinyin only above HSK {self.document.settings.level}", True))
        choices += [(*other, False), ("tones", "Tone colours", False), ("notes", "Notes", True)]
        for name, label, checked in choices:
            wrapper = _el(controls, "label", class_="zha-control")
            box = _el(wrapper, "input", type="checkbox", class_=f"zha-opt-{name}", data_zha_option=name)
            if checked:
                box.set("checked", "checked")
            box.tail = " " + label
        if self.beads is not None:
            group = _el(controls, "fieldset", class_="zha-layouts")
            _el(group, "legend", "Translation:")
            for value, label in LAYOUTS:
                wrapper = _el(group, "label", class_="zha-control")
                radio = _el(wrapper, "input", type="radio", name="zha-layout", value=value, class_=f"zha-lay-{value}",
                            data_zha_layout=value)
                if value == "under":
                    radio.set("checked", "checked")
                radio.tail = " " + label
        self.emit(serialize(controls, "html"))
        if self.learner:
            self.emit(serialize(self._profile(), "html"))

    def _profile(self):
        profile = self.document.profile
        total = sum(profile.values()) or 1
        section = etree.Element("section", {"class": "zha-profile", "lang": "en", "aria-labelledby": "zha-profile-h"})
        _el(section, "h2", "Vocabulary profile", id="zha-profile-h")
        _el(section, "p", f"Running words at each level of {STANDARDS[self.document.settings.hsk_standard]}:")
        listing = _el(section, "ul")
        for key in PROFILE_KEYS:
            share = 100 * profile.get(key, 0) / total
            item = _el(listing, "li")
            name = "outside the lists" if key == "outside" else level_name(int(key))
            _el(item, "span", name, class_="zha-profile-level")
            _el(item, "meter", f"{share:.1f}%", min="0", max="100", value=f"{share:.1f}", aria_label=name)
            _el(item, "span", f"{share:.1f}%", class_="zha-profile-share")
        return section

    def section(self, section: Section) -> None:
        self.emit(self.structure.enter(None))
        if self.sections:
            self.emit("</section>")
        self.sections += 1
        attributes = {"class": "zha-section", "id": f"zha-s{self.sections}"}
        if section.n is not None:
            attributes["data-n"] = section.n
        self.emit(start_tag("section", attributes, "html"))

    def block(self, block: Block) -> None:
        if not block.continues:
            self.emit(self.structure.enter(block))
        if block.sentences and self.beads is not None and block.kind in ("head", "p"):
            self._bilingual(block)
            return
        opening, closing = self._tags(block)
        parts = [] if block.continues else [opening]
        parts += self._marked(block, 0, len(block.tokens))
        if not block.continued:
            parts.append(closing)
        self.emit("".join(parts))

    def _tags(self, block: Block) -> tuple[str, str]:
        """The start and end tags of a block of its kind."""
        kind = block.kind
        if kind == "head":
            level = min(block.level, 6) if block.level else 2  # Markdown's keep their levels; a text's (B. …) is h2
            return f'<h{level} class="zha-head">', f"</h{level}>"
        if kind == "p":
            return ("", "") if block.tight else ('<p class="zha-p">', "</p>")
        if kind == "code":
            language = f' class="language-{escape_attribute(block.info)}"' if block.info else ""
            return f'<pre class="zha-code" translate="no"><code{language}>', "</code></pre>"
        if kind == "cell":
            return ("<th>", "</th>") if block.header else ("<td>", "</td>")
        return "<figcaption>", "</figcaption>"  # caption

    def _marked(self, block: Block, start: int, end: int) -> list[str]:
        """The block's tokens from `start` to `end`, inside the inline marks that cover them."""
        if not block.marks:
            return self._tokens(block.tokens[start:end])
        return with_marks(block, start, end, lambda token: "".join(self._tokens([token])), mark_opening, mark_closing)

    def _bilingual(self, block: Block) -> None:
        """A paragraph as its beads (source sentences, then their translation), or a heading
        with its translation under it. A bead whose sentences run on into the next paragraph
        shows its translation there, after its last sentence."""
        beads = self.beads
        if block.kind == "head":
            opening, closing = self._tags(block)
            parts = [opening]
            translations, beads.leading = list(beads.leading), []
            for span in block.sentences:
                parts += self._sentence(block, span)
                translations += beads.after(span.id)
            parts.append(closing)
            if translations:
                parts.append(f'<p class="zha-tgt zha-tgt-head" lang="{beads.language}">'
                             + " ".join(beads.target_markup(link, self._glossed(block, link)) for link in translations)
                             + "</p>")
            self.emit("".join(parts))
            return
        parts = ['<div class="zha-p zha-bi">' if block.tight else '<p class="zha-p zha-bi">']
        if beads.leading:  # the translation begins with sentences the source does not have
            parts.append('<span class="zha-bead" tabindex="0"><span class="zha-src"></span>'
                         + "".join(beads.target_markup(link, {}) for link in beads.leading) + "</span>")
            beads.leading = []
        open_bead = None
        for span in block.sentences:
            bead = beads.index(span.id)
            if bead != open_bead:
                if open_bead is not None:
                    parts.append("</span></span>")
                parts.append(beads.opening(bead))
                open_bead = bead
            parts += self._sentence(block, span)
            following = beads.after(span.id)
            if following:
                parts.append("</span>")
                parts.append("".join(beads.target_markup(link, self._glossed(block, link)) for link in following))
                parts.append("</span>")
                open_bead = None
        if open_bead is not None:
            parts.append("</span></span>")
        parts.append("</div>" if block.tight else "</p>")
        self.emit("".join(parts))

    def _sentence(self, block: Block, span) -> list[str]:
        """A source sentence: its words in a span the translation's layouts and links address."""
        return [f'<span class="zha-sent" id="zha-sn-{span.id}">', *self._marked(block, span.start, span.end),
                "</span>"]

    def _glossed(self, block: Block, link) -> dict[str, str]:
        """The bead's glossary entries (id → gloss) from its source sentences in this block."""
        wanted = set(link.source)
        found = {}
        for span in block.sentences:
            if span.id in wanted:
                for token in block.tokens[span.start:span.end]:
                    for entry_id in token.note_ids:
                        entry = self.document.glossary.get(entry_id)
                        if entry is not None:
                            found[entry_id] = entry.gloss
        return found

    def _tokens(self, tokens) -> list[str]:
        if not any(token.note_ids for token in tokens):
            return self.markups(tokens, self._make)
        parts = []
        later, memo = self.later, self._words
        for token in tokens:
            note_ids = token.note_ids
            if not note_ids or note_ids[0] in later:
                # a word, or a dictionary word again (the appendix links only to its first
                # occurrence): the same markup every time, memoised as in Sink.markups
                key = token.markup_id
                if key is None:
                    key = markup_id(token)
                if note_ids:  # its note's number is this document's (the memo is shared across files)
                    key = (key, self.numbers[note_ids[0]])
                markup = memo.young.get(key)
                if markup is None:  # from the old generation (moved to the young one), or made
                    markup = memo.put(key, memo.old.get(key) or (
                        self._make(token) if not note_ids else self._button(token, note_ids[0], self.numbers[note_ids[0]])))
                parts.append(markup)
                continue
            entry_id = note_ids[0]
            number = self.numbers.setdefault(entry_id, str(len(self.numbers) + 1))
            seen = self.occurrences.setdefault(entry_id, [])
            anchor = f"zha-{entry_id}-{len(seen) + 1}"
            seen.append(anchor)
            parts.append(self._button(token, entry_id, number, anchor))
            if entry_id.startswith("cd-"):
                later.add(entry_id)
        return parts

    def _button(self, token, entry_id: str, number: str, anchor: str | None = None) -> str:
        """A glossary or dictionary term: a button that opens its popover; `anchor` is the id the
        appendix links back to. Every attribute value is ours (ids are [a-z0-9-], checked when an
        entry is made: model.SAFE_ID), so the tag needs no escaping; a start tag per occurrence
        through lxml cost seconds."""
        classes = "zha-term zha-first" if token.note_here else "zha-term"
        anchor_id = f' id="{anchor}"' if anchor else ""
        note = f' data-note="{number}"' if token.note_here else ""  # numbered where the note shows
        return (f'<button type="button" class="{classes}"{anchor_id} popovertarget="zha-pop-{entry_id}"{note}>'
                + rubies(token.text, token.readings, token.traditional or token.simplified, self.hant, self.rt_lang,
                         token.known) + "</button>")

    def _make(self, token) -> str:
        if token.kind == "han":
            return rubies(token.text, token.readings, token.traditional or token.simplified, self.hant, self.rt_lang,
                          token.known)
        return escape_text(token.text)

    def close_article(self) -> None:
        self.emit(self.structure.enter(None))
        if self.sections:
            self.emit("</section>")
        document = self.document
        parts: list[str] = []
        if document.glossary:
            # Tens of thousands of entries for a book with a dictionary: written from strings,
            # every piece of text through escape_text / escape_attribute (as lxml would).
            title = "Vocabulary" if self.learner else "Glossary"
            parts.append('<section class="zha-glossary" id="zha-glossary" lang="en" aria-labelledby="zha-glossary-h">'
                         f'<h2 id="zha-glossary-h">{title}</h2><dl>')
            shown = {}  # each entry's label and gloss show twice: in the list and in its popover
            for entry in document.vocabulary():
                number = self.numbers.setdefault(entry.id, str(len(self.numbers) + 1))
                label, gloss = shown[entry.id] = self._label(entry), escape_text(entry.gloss)
                parts.append(f'<dt id="zha-{entry.id}" data-note="{number}">{label}</dt><dd>'
                             f'<span class="zha-gloss">{gloss}</span>')
                if entry.note:
                    parts.append(f'<span class="zha-note">{escape_text(entry.note)}</span>')
                if entry.example and self.learner:
                    parts.append(f'<q class="zha-example" lang="zh-Hans">{escape_text(entry.example)}</q>')
                anchors = self.occurrences.get(entry.id, [])
                if entry.origin != "glossary":
                    anchors = anchors[:1]  # a dictionary word links back to where it first occurs
                if anchors:
                    term = escape_attribute(entry.term)
                    links = "".join(f'<a href="#{anchor}" aria-label="occurrence {n} of {term}">{n}</a>'
                                    for n, anchor in enumerate(anchors, start=1))
                    parts.append(f'<span class="zha-back">In the text: {links}</span>')
                parts.append("</dd>")
                self.emit_gathered(parts)
            parts.append('</dl></section><div class="zha-pops" lang="en">')
            for entry in document.glossary.values():
                label, gloss = shown[entry.id]
                parts.append(f'<div popover="auto" id="zha-pop-{entry.id}" class="zha-pop">'
                             f'<p class="zha-pop-term">{label}</p><p class="zha-gloss">{gloss}</p>')
                if entry.note:
                    parts.append(f'<p class="zha-note">{escape_text(entry.note)}</p>')
                parts.append(f'<p><a href="#zha-{entry.id}">In the glossary</a></p></div>')
                self.emit_gathered(parts)
            parts.append("</div>")
        source_script = "traditional (readings from its simplified form)" if self.hant else "simplified"
        other = "simplified forms from OpenCC t2s" if self.hant else \
            f"traditional forms from OpenCC {CONFIGS[document.settings.variant]}"
        tones = ", spoken tones of 一 and 不" if document.settings.tone_sandhi else ""
        footer = (f"Study edition made with zh-annotate {__version__}: readings from pypinyin, CC-CEDICT and "
                  f"g2pM's context model ({document.settings.reading}{tones}), {other}; "
                  f"source: {escape_text(document.source)}, {source_script}.")
        if document.settings.dictionary == "cedict":
            footer += (" " + escape_text(CEDICT_ATTRIBUTION.split(" (")[0]) + f' (<a href="{CEDICT_LICENCE}">'
                       "CC BY-SA 4.0</a>).")
        parts.append(f'<footer class="zha-footer" lang="en">{footer}</footer>')
        self.emit("".join(parts) + "</article>")

    def _label(self, entry) -> str:
        """Term, traditional form, pinyin (and level, origin) of an entry, as HTML."""
        parts = [f'<span lang="zh-Hans" class="zha-gl-term">{escape_text(entry.term)}</span> ']
        if entry.traditional:
            parts.append(f'<span lang="zh-Hant">{escape_text(entry.traditional)}</span> ')
        if entry.written_pinyin:
            parts.append(f'<span class="zha-gl-pinyin" lang="zh-Latn-pinyin">{escape_text(entry.written_pinyin)}</span>')
        if self.learner:
            parts.append(f'<span class="zha-level">{level_name(entry.level)}</span> ')
        if entry.origin == "cedict":
            parts.append('<span class="zha-origin">CC-CEDICT</span>')
        return "".join(parts)

    def release(self) -> None:
        """Write what was held back, after the opening (which now knows the profile)."""
        import shutil

        body, self.out = self.out, self.final
        self.opening()
        body.seek(0)
        offset = 0
        try:  # file to file in the kernel: a book's learner page holds back 100 MB
            import os

            self.out.flush()
            source, target = body.fileno(), self.out.fileno()
            size = os.fstat(source).st_size
            while offset < size:
                sent = os.sendfile(target, source, offset, size - offset)
                if not sent:
                    raise OSError("sendfile sent nothing")
                offset += sent
            self.out.seek(0, os.SEEK_END)
        except (AttributeError, OSError, ValueError):  # a stream in memory, or no sendfile here
            if offset:
                self.out.seek(0, 2)  # past what was sent
            body.seek(offset)
            shutil.copyfileobj(body, self.out)
        body.close()


class FragmentSink(ArticleSink):
    """One `<article class="zha">` with its own scoped CSS; no script needed to read it.

    `style=False` leaves the CSS out, for hosts that link `zh-annotate.css` (`annotate assets`).
    """

    def start(self) -> None:
        if not self.learner:
            self.opening()

    def opening(self) -> None:
        self.open_article()

    def finish(self) -> None:
        if self.learner:
            self.release()
        self.close_article()
        self.emit("\n")


class PageSink(ArticleSink):
    """A standalone HTML page: everything inline, no external resources."""

    def __init__(self, out, document: Document) -> None:
        super().__init__(out, document, style=False)

    def start(self) -> None:
        if not self.learner:
            self.opening()

    def opening(self) -> None:
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
        if self.learner:
            self.release()
        self.close_article()
        self.emit(page_end())


def page_end() -> str:
    """What a page has after its article: the script that remembers the reader's choices, and
    the end of the document (also where the editor ends the first part of a long page)."""
    return serialize(_el(etree.Element("x"), "script", asset("zh-annotate.js")), "html") + "</body></html>\n"
