"""Recover the source text from each output format, to prove nothing was lost or reordered."""
from __future__ import annotations

import json

import lxml.html
from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"


def _visible(element, skip: set[str]) -> str:
    """Text of `element` without the elements named in `skip` (by tag name or by class)."""
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        classes = set((child.get("class") or "").split()) if isinstance(child.tag, str) else set()
        if name not in skip and not classes & skip:
            parts.append(_visible(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def from_tei(data: bytes) -> list[str]:
    """Texts of every head and p of the (source's) body, without rt, reg and note."""
    root = etree.fromstring(data)
    body = next(root.iter(f"{TEI}body"))
    return [_visible(e, {"rt", "reg", "note"}) for e in body.iter(f"{TEI}head", f"{TEI}p")]


def from_html(data: bytes) -> list[str]:
    """Texts of every heading and paragraph, without rt, rp, notes, the other script's forms and
    the translation."""
    root = lxml.html.fromstring(data.decode("utf-8"))
    blocks = root.xpath('//section[contains(concat(" ", @class, " "), " zha-section ")]/*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::p]'
                        '[not(contains(concat(" ", @class, " "), " zha-tgt "))]')
    # the other script's forms: traditional ones for a simplified source, and the reverse
    other = "zha-s" if root.xpath('//article[contains(concat(" ", @class, " "), " zha-hant ")]') else "zha-t"
    return [_visible(e, {"rt", "rp", other, "zha-pop", "zha-tgt"}) for e in blocks]


def translation_from_tei(data: bytes) -> list[str]:
    """The translation's sentences, from its <text> of the group."""
    root = etree.fromstring(data)
    texts = root.findall(f"{TEI}text/{TEI}group/{TEI}text")
    return ["".join(s.itertext()) for s in texts[1].iter(f"{TEI}s")] if len(texts) == 2 else []


def translation_from_html(data: bytes) -> list[str]:
    """The translation's sentences, from the beads' translations."""
    root = lxml.html.fromstring(data.decode("utf-8"))
    return [s.text_content() for s in root.xpath('//*[contains(concat(" ", @class, " "), " zha-tsent ")]')]


def translation_from_json(data: bytes) -> list[str]:
    document = json.loads(data)
    return [s["text"] for s in document["translation"]["sentences"]] if "translation" in document else []


def from_json(data: bytes) -> list[str]:
    """Texts of every block, rebuilt from its tokens."""
    document = json.loads(data)
    texts = []
    for section in document["sections"]:
        blocks = ([section["head"]] if section["head"] else []) + section["blocks"]
        for block in blocks:
            texts.append("".join(token["text"] for token in block["tokens"]))
    return texts
