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
    """Texts of every head and p of the body, without rt, reg and note."""
    root = etree.fromstring(data)
    body = root.find(f"{TEI}text/{TEI}body")
    return [_visible(e, {"rt", "reg", "note"}) for e in body.iter(f"{TEI}head", f"{TEI}p")]


def from_html(data: bytes) -> list[str]:
    """Texts of every heading and paragraph, without rt, rp, notes and the other script's forms."""
    root = lxml.html.fromstring(data.decode("utf-8"))
    blocks = root.xpath('//section[contains(concat(" ", @class, " "), " zha-section ")]/*[self::h2 or self::p]')
    # the other script's forms: traditional ones for a simplified source, and the reverse
    other = "zha-s" if root.xpath('//article[contains(concat(" ", @class, " "), " zha-hant ")]') else "zha-t"
    return [_visible(e, {"rt", "rp", other, "zha-pop"}) for e in blocks]


def from_json(data: bytes) -> list[str]:
    """Texts of every block, rebuilt from its tokens."""
    document = json.loads(data)
    texts = []
    for section in document["sections"]:
        blocks = ([section["head"]] if section["head"] else []) + section["blocks"]
        for block in blocks:
            texts.append("".join(token["text"] for token in block["tokens"]))
    return texts
