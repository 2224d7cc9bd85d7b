"""Readers of translations and of alignments: plain translations, sentence pairs (TSV, TMX),
and corrected alignments (beads, TSV with both texts, InterText).

Formats only: each returns texts or numbers for `bilingual` to use.
"""
from __future__ import annotations

import ast
import codecs
import re
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..languages import language_tag

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MARKER = re.compile(r"[ \t\u3000]*(?:[A-Z]|[0-9]{1,3})[.．][ \t\u3000]*")
"""A section marker line of a translation: `B.`, `12.` (not a one-word sentence such as `No.`)."""
HEADING = re.compile(r"#{1,6}[ \t]+")
LANGUAGE = re.compile(r"^([a-z]{2,3})(?:-[A-Za-z0-9]{2,8})*$")
LANGUAGES = frozenset("""
aa ab af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka
kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng
nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su
sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
yue cmn nan hak wuu lzh
""".split())
"""The languages a file name may name (ISO 639-1, and the Chinese languages' ISO 639-3 codes), so
that `notes.old.txt` beside `notes.txt` is not taken for a translation into "old"."""
BEAD = re.compile(r"^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]\s*$")


def language_of(name: str) -> str | None:
    """`story.en.txt` → `en`, `story.en-GB.md` → `en-GB`: a BCP 47 tag before the extension, else None."""
    parts = Path(name).name.split(".")
    match = LANGUAGE.match(parts[-2]) if len(parts) >= 3 else None
    if match and match.group(1) in LANGUAGES:
        return parts[-2]
    return None


def decode_translation(data: bytes, name: str) -> str:
    """A translation's text: UTF-8 (with or without a BOM) or UTF-16 with a BOM."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"{name}: byte {error.start}: not UTF-16 as its byte-order mark says") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: byte {error.start}: the translation is not UTF-8 (0x{data[error.start]:02x}); "
                         "save it as UTF-8 and run again") from None


def paragraphs(text: str) -> tuple[list[str], list[int]]:
    """A text's paragraphs and the 0-based line each starts on. A paragraph is a non-empty line,
    or, where blank lines separate blocks of several lines (hard-wrapped text), each block
    joined with spaces; a section marker line (`B.`) is dropped, a Markdown heading's `#`s too."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines):
        if line.strip():
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    wrapped = len(blocks) > 1 and any(len(b) > 1 for b in blocks)  # blank lines between blocks of lines
    found, starts = [], []
    for block in blocks:
        rows = [(block[0][0], " ".join(line.strip() for _, line in block))] if wrapped else block
        for number, line in rows:
            if MARKER.fullmatch(line):
                continue
            line = HEADING.sub("", line, count=1) if HEADING.match(line) else line
            found.append(line.strip() if wrapped else line)
            starts.append(number)
    return found, starts


def read_tsv_pairs(data: bytes, name: str) -> list[tuple[str, str]]:
    """Sentence pairs from a TSV (`zh<TAB>en`, as Tatoeba and Anki export; more columns are
    ignored, a header `zh<TAB>en` is skipped). Plain tab-separated text, as those tools write it:
    every line is one pair, its fields exactly as written. Quotes are text, not syntax (a CSV
    reader took `"Hello" is a greeting.` for `Hello is a greeting.`, and an unclosed quote
    swallowed every line after it into one pair)."""
    text = decode_translation(data, name)
    pairs = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not line.strip():
            continue
        row = line.split("\t")
        if len(row) < 2:
            raise InputError(f"{name}:{number}: no tab: a pair is the source, a tab, and its translation")
        if number == 1 and [c.strip().lower() for c in row[:2]] in (["zh", "en"], ["source", "target"]):
            continue
        pairs.append((row[0], row[1]))
    if not pairs:
        raise InputError(f"{name}: no sentence pairs")
    return pairs


def read_tmx_pairs(data: bytes, name: str) -> tuple[list[tuple[str, str]], str]:
    """Sentence pairs from a TMX: each `<tu>`'s Chinese `<tuv>` and the other one; and the other's language."""
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError as error:
        raise InputError(f"{name}:{error.position[0]}: not well-formed XML ({error.msg})") from None
    pairs, language = [], None
    for tu in root.iter("tu"):
        texts = {}
        for tuv in tu.iter("tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            if lang:
                language_tag(lang, f"{name}:{tuv.sourceline}: <tuv xml:lang>")
            seg = tuv.find("seg")
            texts[lang] = "".join(seg.itertext()) if seg is not None else ""
        chinese = next((k for k in texts if k.lower().startswith("zh")), None)
        other = next((k for k in texts if not k.lower().startswith("zh")), None)
        if chinese is None and other is None:
            continue
        language = language or other
        pairs.append((texts.get(chinese, "") if chinese else "", texts.get(other, "") if other else ""))
    if not pairs:
        raise InputError(f"{name}: no <tu> with a Chinese <tuv>")
    return pairs, language or "en"


def read_beads(data: bytes, name: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """`[0, 1]:[0]` a line: 0-based sentence numbers of source and translation."""
    beads = []
    for number, line in enumerate(data.decode("utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        match = BEAD.match(line)
        if match is None:
            raise InputError(f"{name}:{number}: not a bead: write [0, 1]:[0] (source numbers : translation numbers)")
        left, right = (tuple(ast.literal_eval(f"[{g}]")) for g in match.groups())
        beads.append((left, right))
    return beads


def read_intertext(data: bytes, name: str) -> tuple[list[tuple[list[str], list[str], str]], str, str]:
    """An InterText alignment: per link its source ids, translation ids (`1:2`) and status; and
    the names of its two documents (fromDoc, toDoc). As in XCES, the first half of `xtargets` is
    the fromDoc's."""
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise InputError(f"{name}:{error.position[0]}: not well-formed XML ({error.msg})") from None
    group = root if root.tag == "linkGrp" else root.find(".//linkGrp")
    if group is None:
        raise InputError(f"{name}: no <linkGrp>: not an InterText alignment")
    links = []
    for link in group.iter("link"):
        left, _, right = (link.get("xtargets") or "").partition(";")
        links.append((left.split(), right.split(), link.get("status") or ""))
    return links, group.get("fromDoc") or "", group.get("toDoc") or ""


def read_intertext_document(data: bytes, name: str) -> dict[str, str]:
    """An InterText document: sentence id (`1:2`) → its text."""
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise InputError(f"{name}:{error.position[0]}: not well-formed XML ({error.msg})") from None
    return {s.get("id"): "".join(s.itertext()) for s in root.iter("s")}
