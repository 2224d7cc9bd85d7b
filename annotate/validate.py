"""The project's TEI profile: RELAX NG from the package, and the rules RELAX NG cannot say.

The profile is a module subset of TEI P5 4.8.0 (`schema/tei_zh_ruby.odd`, compiled to
`schema/tei_zh_ruby.rng`; every valid document is also valid against tei_all) plus four rules
that an editor's hand edit can break and a grammar cannot check, each checked here in Python
(lxml cannot run the TEI's XPath 2 Schematron):

1. a `<ruby>` is over one character: its `<rb>` holds one Han character, or one `<choice>`
   whose `<orig>` and `<reg>` are one character each;
2. an `<rt>` holds one syllable in the reading system its `@type` names (`pinyin`: tone marks
   zhōng or numbers zhong1; `zhuyin`: ㄓㄨㄥ);
3. a `<term ref>` points to glossary entries of the same document (`<term xml:id>` in `<back>`);
4. the `xml:id`s a `target` or `ana` points to exist (categories of words; sentences and their
   links, where present).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lxml import etree

from .chars import is_han

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True, slots=True)
class Problem:
    """One way a file does not fit the profile."""

    line: int | None
    message: str


@lru_cache(maxsize=1)
def relaxng() -> etree.RelaxNG:
    """The profile's RELAX NG, compiled once per process (about 0.02 s)."""
    with resources.files("annotate").joinpath("schema", "tei_zh_ruby.rng").open("rb") as stream:
        return etree.RelaxNG(etree.parse(stream))


@lru_cache(maxsize=1)
def element_names() -> frozenset[str]:
    """The elements the profile has, for a clearer message than the grammar's about a misspelt one."""
    with resources.files("annotate").joinpath("schema", "tei_zh_ruby.rng").open("rb") as stream:
        grammar = etree.parse(stream)
    return frozenset(grammar.xpath("//rng:element/@name", namespaces={"rng": "http://relaxng.org/ns/structure/1.0"}))


RNG = "{http://relaxng.org/ns/structure/1.0}"


@lru_cache(maxsize=1)
def allowed_children() -> dict[str, frozenset[str]]:
    """For each element of the profile, the elements its content may hold (`*`: any), read from
    the grammar: libxml2 reports a child the grammar does not allow at some ancestor it could not
    match (a `<w>` typed into a sentence is named as its `<p>`), and this finds the child itself."""
    with resources.files("annotate").joinpath("schema", "tei_zh_ruby.rng").open("rb") as stream:
        grammar = etree.parse(stream).getroot()
    defines: dict[str, list] = {}
    for define in grammar.iter(f"{RNG}define"):
        defines.setdefault(define.get("name"), []).append(define)

    def children(pattern, seen: set[str]) -> set[str]:
        found: set[str] = set()
        for node in pattern:
            if node.tag == f"{RNG}element":
                found.add(node.get("name") or "*")  # a child element, not looked into
            elif node.tag == f"{RNG}ref" and node.get("name") not in seen:
                seen.add(node.get("name"))
                for define in defines.get(node.get("name"), ()):
                    found |= children(define, seen)
            elif isinstance(node.tag, str) and node.tag != f"{RNG}attribute":
                found |= children(node, seen)
        return found

    allowed: dict[str, set[str]] = {}
    for element in grammar.iter(f"{RNG}element"):
        allowed.setdefault(element.get("name") or "*", set()).update(children(element, set()))
    return {name: frozenset(names) for name, names in allowed.items()}


def misplaced(root) -> list[Problem]:
    """Elements of the profile inside a parent whose content may not hold them, each at its own line."""
    allowed = allowed_children()
    problems = []
    for element in root.iter():
        parent = element.getparent()
        if parent is None or not isinstance(element.tag, str) or not element.tag.startswith(TEI) \
                or not parent.tag.startswith(TEI):
            continue
        name, within = element.tag[len(TEI):], parent.tag[len(TEI):]
        may = allowed.get(within)
        if may is not None and "*" not in may and name not in may:
            problems.append(Problem(element.sourceline, f"<{name}> is not allowed inside <{within}> in the TEI "
                                                        "profile; move it, or use the element the edition uses there"))
    return problems


def unread_entities(root) -> list[Problem]:
    """References to entities of a DTD (`&x;`), which no reader of ours reads (an external one
    could name any file on the machine): each at its line."""
    return [Problem(entity.sourceline, f"&{entity.name}; refers to an entity of a DTD, which is never read; write "
                                       "the character itself (or &#x4E2D; for it)")
            for entity in root.iter(etree.Entity)]


@lru_cache(maxsize=1)
def syllables() -> dict[str, frozenset[str]]:
    """Every syllable an `<rt>` may hold, by `rt/@type`: pinyin with tone marks or numbers
    (and the toneless neutral tone), zhuyin; 儿 as erhua is `r`."""
    from pypinyin.pinyin_dict import pinyin_dict

    from .syllables import spell

    marked = {s for value in pinyin_dict.values() for s in value.split(",")}
    toneless = {"".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)) for s in marked}
    toneless = {unicodedata.normalize("NFC", s.replace("u\u0308", "ü")) for s in toneless}
    pinyin = marked | toneless | {"r"}
    numbers = {spell(s, "numbers") for s in marked | toneless} | {"r", "r5"}
    zhuyin = {spell(s, "zhuyin") for s in marked | toneless}
    return {"pinyin": frozenset(pinyin | numbers), "zhuyin": frozenset(zhuyin | {"ㄦ", "˙ㄦ"})}


def check(data: bytes, schema: bool = True) -> list[Problem]:
    """The problems of one TEI document (bytes); empty when it fits the profile."""
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else None
        return [Problem(line, f"not well-formed XML: {error.msg}")]
    problems = []
    if schema:
        rng = relaxng()
        if not rng.validate(root):
            names = element_names()
            unknown = [e for e in root.iter() if isinstance(e.tag, str) and (not e.tag.startswith(TEI)
                                                                             or e.tag[len(TEI):] not in names)]
            problems += [Problem(e.sourceline, f"<{etree.QName(e).localname}> is not an element of the TEI profile"
                                               f"{'' if e.tag.startswith(TEI) else ' (not in the TEI namespace)'}")
                         for e in unknown]
            placed = sorted(misplaced(root) + unread_entities(root), key=lambda p: p.line or 0)
            # the grammar's own messages name the ancestor it could not match; the misplaced child is the cause
            problems += placed or [Problem(e.line, e.message) for e in rng.error_log]
    problems += profile_problems(root)
    return sorted(problems, key=lambda p: p.line or 0)


def profile_problems(root) -> list[Problem]:
    """The profile's own rules (see the module docstring) over a parsed TEI tree."""
    problems: list[Problem] = []
    known = syllables()
    for ruby in root.iter(f"{TEI}ruby"):
        rb = ruby.find(f"{TEI}rb")
        if rb is None:
            continue  # the grammar already says a ruby needs an rb
        orig, reg = rb.find(f".//{TEI}orig"), rb.find(f".//{TEI}reg")
        base = orig.text if orig is not None else rb.text
        if not base or len(base) != 1 or not is_han(base):
            problems.append(Problem(rb.sourceline, f"<ruby> is over {base or 'nothing'!r}: a <ruby> holds one Han "
                                                   "character; give each character its own <ruby>"))
        elif reg is not None and (not reg.text or len(reg.text) != 1):
            problems.append(Problem(reg.sourceline, f"<reg> {reg.text or ''!r} is not one character: it is the other "
                                                    f"form of {base!r} alone"))
        for rt in ruby.iter(f"{TEI}rt"):
            system = rt.get("type", "pinyin")
            text = (rt.text or "").strip()
            allowed = known.get(system)
            if allowed is not None and unicodedata.normalize("NFC", text).lower() not in allowed:
                problems.append(Problem(rt.sourceline, f"<rt> {text!r} is not a {system} syllable: write one syllable, "
                                                       f"such as {'zhōng, zhong1' if system == 'pinyin' else 'ㄓㄨㄥ'}"))
    ids = {element.get(XML_ID) for element in root.iter() if element.get(XML_ID)}
    entries = {term.get(XML_ID) for term in root.iterfind(f".//{TEI}back//{TEI}term") if term.get(XML_ID)}
    for term in root.iter(f"{TEI}term"):
        for target in (term.get("ref") or "").split():
            if not target.startswith("#") or target[1:] not in entries:
                problems.append(Problem(term.sourceline, f"<term ref> {target!r} is no glossary entry of this edition: "
                                                         "add the entry to the glossary in <back>, or remove the ref"))
    for element in root.iter(f"{TEI}link", f"{TEI}ptr"):
        for target in (element.get("target") or "").split():
            if target.startswith("#") and target[1:] not in ids:
                problems.append(Problem(element.sourceline, f"@target {target!r} points to no xml:id of this file"))
    for element in root.iterfind(".//*[@ana]"):
        for target in element.get("ana").split():
            if target.startswith("#") and target[1:] not in ids:
                problems.append(Problem(element.sourceline, f"@ana {target!r} names no category of this file's "
                                                            "taxonomy (<classDecl> in the header)"))
    return problems
