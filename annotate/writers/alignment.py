"""Writers of an alignment alone, for translators: beads, TSV, TMX 1.4b and InterText.

Each takes the model's `Alignment` (sentences of both sides and the beads that pair them).

- beads: one bead a line, `[0, 1]:[0]`, 0-based sentence numbers of source : translation
  (`[]` for none), the notation of the alignment literature;
- tsv: two columns, the bead's source sentences and its translation (tab-separated, quoted as
  Python's csv does only where a field holds a tab, a quote or a line break): as Tatoeba and
  Anki export pairs;
- tmx: TMX 1.4b, one `<tu>` per bead with its confidence and status in `<prop>`s; a bead with
  one side empty is a `<tu>` with that side's `<tuv>` alone;
- intertext: InterText's three files: each side as `<text><p id="1"><s id="1:1">`, and the
  alignment as `<linkGrp fromDoc toDoc>` of `<link type="1-2" xtargets="1:1;1:1 1:2"
  status="auto|man">`. As in XCES, the first half of `xtargets` (and of `type`) is the
  `fromDoc`'s, here the Chinese source; the second is the translation's.
"""
from __future__ import annotations


from lxml import etree

from ..languages import language_tag
from ..model import Alignment, Sentence
from ..version import __version__
from .common import Sink

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def number(sentence_id: str) -> int:
    """`s12` → 11: a sentence's 0-based number (with `--segments lines`, its line)."""
    return int(sentence_id[1:]) - 1


def write_beads(alignment: Alignment) -> bytes:
    lines = [f"{[number(i) for i in link.source]}:{[number(i) for i in link.target]}" for link in alignment.links]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _texts(alignment: Alignment):
    source = {s.id: s.text for s in alignment.source}
    target = {t.id: t.text for t in alignment.target}
    for link in alignment.links:
        yield link, "".join(source[i] for i in link.source).strip(), " ".join(
            target[i].strip() for i in link.target)


def write_tsv(alignment: Alignment) -> bytes:
    """A bead a line, `source<TAB>translation`, plain (no quoting: quotes are the texts' own, as
    Tatoeba, Anki and readers.pairs take them). A tab or a line break inside a sentence has no
    place in a TSV: it is written as a space."""
    rows = [f"{_field(source)}\t{_field(target)}\n" for _link, source, target in _texts(alignment)]
    return "".join(rows).encode("utf-8")


def _field(text: str) -> str:
    return text.replace("\r\n", " ").translate(FIELD_BREAKS)


FIELD_BREAKS = {ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}


def write_tmx(alignment: Alignment) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "zh-annotate", "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "zh-annotate", "adminlang": "en", "srclang": alignment.source_language, "datatype": "plaintext"})
    body = etree.SubElement(root, "body")
    for link, source, target in _texts(alignment):
        tu = etree.SubElement(body, "tu")
        etree.SubElement(tu, "prop", type="x-confidence").text = f"{link.confidence:.3f}"
        etree.SubElement(tu, "prop", type="x-status").text = "fixed" if link.fixed else "aligned"
        etree.SubElement(tu, "prop", type="x-bead").text = f"{len(link.source)}-{len(link.target)}"
        for language, text, ids in ((alignment.source_language, source, link.source),
                                    (alignment.language, target, link.target)):
            if ids:
                tuv = etree.SubElement(tu, "tuv", {XML_LANG: language})
                etree.SubElement(tuv, "seg").text = text
    etree.indent(root, space=" ")
    doctype = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=doctype) + b"\n"


def intertext_names(stem: str, language: str) -> tuple[str, str, str]:
    """InterText's file names: `{text}.{version}.xml` for each side, `{text}.{from}.{to}.xml` for the alignment.
    The language is part of a file name: a tag that is not BCP 47 (readers check every one) stops here too."""
    language_tag(language, "the translation's language")
    return f"{stem}.zh.xml", f"{stem}.{language}.xml", f"{stem}.zh.{language}.xml"


def intertext_ids(sentences: list[Sentence]) -> dict[str, str]:
    """Sentence id → InterText's `paragraph:sentence` (both 1-based)."""
    ids, counts = {}, {}
    paragraphs = sorted({s.paragraph for s in sentences})
    order = {p: k + 1 for k, p in enumerate(paragraphs)}
    for sentence in sentences:
        counts[sentence.paragraph] = counts.get(sentence.paragraph, 0) + 1
        ids[sentence.id] = f"{order[sentence.paragraph]}:{counts[sentence.paragraph]}"
    return ids


def _intertext_document(sentences: list[Sentence], ids: dict[str, str]) -> bytes:
    root = etree.Element("text")
    paragraph = None
    current = None
    for sentence in sentences:
        if sentence.paragraph != current:
            current = sentence.paragraph
            paragraph = etree.SubElement(root, "p", id=ids[sentence.id].split(":")[0])
        etree.SubElement(paragraph, "s", id=ids[sentence.id]).text = sentence.text.strip()
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8") + b"\n"


def write_intertext(alignment: Alignment, stem: str) -> dict[str, bytes]:
    """The three files of an InterText alignment, by file name."""
    source_name, target_name, link_name = intertext_names(stem, alignment.language)
    source_ids, target_ids = intertext_ids(alignment.source), intertext_ids(alignment.target)
    group = etree.Element("linkGrp", toDoc=target_name, fromDoc=source_name)
    for link in alignment.links:
        etree.SubElement(group, "link", type=f"{len(link.source)}-{len(link.target)}",
                         xtargets=" ".join(source_ids[i] for i in link.source) + ";"
                         + " ".join(target_ids[i] for i in link.target),
                         status="man" if link.fixed else "auto")
    group.text = "\n"
    for child in group:
        child.tail = "\n"
    return {
        source_name: _intertext_document(alignment.source, source_ids),
        target_name: _intertext_document(alignment.target, target_ids),
        link_name: etree.tostring(group, xml_declaration=True, encoding="utf-8") + b"\n",
    }


class AlignmentSink(Sink):
    """A format of the alignment alone (TMX, TSV), written when the document is complete."""

    def finish(self) -> None:
        from ..errors import InputError

        if self.document.alignment is None:
            raise InputError(f"{self.document.source}: --format {self.name} needs a translation (--translation "
                             "FILE, or NAME.LANG.txt beside NAME.txt)")
        self.out.write(self.write(self.document.alignment))


class TmxSink(AlignmentSink):
    name = "tmx"
    write = staticmethod(write_tmx)


class TsvSink(AlignmentSink):
    name = "tsv"
    write = staticmethod(write_tsv)
