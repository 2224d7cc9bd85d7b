"""Writers: TEI validity and structure, HTML validity, escaping, golden files, JSON schema."""
from __future__ import annotations

import json
import re

import jsonschema
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotate import annotate_text, write
from annotate.demo import embed_demo
from annotate.glossary import load

from .conftest import DATA, GOLDEN, ROOT, wrap_fragment

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SEED = ROOT / "seeds" / "ningbo-alibaba.txt"
GOLDEN_INPUTS = sorted([*GOLDEN.glob("*.txt"), *GOLDEN.glob("*.md")])
SCHEMA = json.loads((ROOT / "annotate" / "schema" / "document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed():
    glossary = load([ROOT / "glossary"])
    return annotate_text(SEED.read_text(encoding="utf-8"), source=SEED.name, glossary=glossary)


@pytest.fixture(scope="module")
def test_glossary():
    return load([DATA / "glossary.tsv"])


def test_seed_tei_validates_and_has_its_structure(seed, assert_valid_tei):
    root = assert_valid_tei(write(seed, "tei"))
    sections = root.xpath("//t:body/t:div[@type='section']", namespaces=NS)
    assert [(d.get("n"), "".join(d.xpath("t:head//t:rb//text()[not(ancestor::t:reg)]", namespaces=NS))) for d in sections] == [
        ("B", "数字经济为产业赋能"), ("C", "生态链集聚的无限可能"),
    ]
    # every Han character is one ruby with one rb and one rt (a second one only for the other tone of 一 or 不)
    assert not root.xpath("//t:ruby[count(t:rb) != 1 or count(t:rt[not(@subtype)]) != 1]", namespaces=NS)
    spoken = root.xpath("//t:rt[@subtype]", namespaces=NS)
    assert spoken and all(rt.get("subtype") == "spoken" and rt.getparent().findtext(f"{{{NS['t']}}}rb") in "一不"
                          for rt in spoken)
    han = sum(1 for b in seed.blocks() for c in b.text if "\u4e00" <= c <= "\u9fff")
    assert root.xpath("count(//t:rt[@type='pinyin'][@xml:lang='zh-Latn-pinyin'][not(@subtype)])", namespaces=NS) == han > 1800
    # traditional forms where they differ: 发展 → 發展, and only there
    assert root.xpath("//t:choice[t:orig='发']/t:reg[@type='traditional']/text()", namespaces=NS)[0] == "發"
    assert not root.xpath("//t:choice[t:orig = t:reg]", namespaces=NS)
    # no whitespace between tokens inside p or head
    assert not root.xpath("//t:p/text()[normalize-space(.) = ''] | //t:head/text()[normalize-space(.) = '']", namespaces=NS)


def test_every_glossary_term_in_the_seed_is_linked(seed, assert_valid_tei):
    root = assert_valid_tei(write(seed, "tei"))
    glossary = load([ROOT / "glossary"])
    text = SEED.read_text(encoding="utf-8")
    ids = {ref.lstrip("#") for ref in root.xpath("//t:body//t:term/@ref", namespaces=NS)}
    assert ids == {e.id for e in glossary.entries if _occurs_outside_longer_terms(e.term, text, glossary)}
    back = set(root.xpath("//t:back//t:list[@type='gloss']/t:label/t:term[1]/@xml:id", namespaces=NS))
    assert back == ids
    assert len(ids) >= 30


def _occurs_outside_longer_terms(term, text, glossary):
    """True when some occurrence of `term` is not inside an occurrence of a longer term."""
    longer = [e.term for e in glossary.entries if len(e.term) > len(term) and term in e.term]
    spans = [(m, m + len(o)) for o in longer for m in _positions(o, text)]
    return any(not any(a <= i and i + len(term) <= b for a, b in spans) for i in _positions(term, text))


def _positions(term, text):
    i = text.find(term)
    while i >= 0:
        yield i
        i = text.find(term, i + 1)


def test_tei_header_records_title_source_and_options(seed):
    root = lxml.etree.fromstring(write(seed, "tei"))
    assert root.xpath("string(//t:titleStmt/t:title[1])", namespaces=NS) == "数字经济为产业赋能"
    assert "ningbo-alibaba.txt" in root.xpath("string(//t:sourceDesc)", namespaces=NS)
    app = root.xpath("//t:appInfo/t:application", namespaces=NS)[0]
    assert app.get("ident") == "zh-annotate" and app.get("version")
    assert "variant=tw" in root.xpath("string(//t:application/t:p)", namespaces=NS)
    assert root.xpath("//t:editorialDecl/t:normalization/t:p", namespaces=NS)


def test_html_page_structure(seed):
    page = write(seed, "html")
    assert page.startswith(b"<!DOCTYPE html>\n<html lang=\"zh-Hans\">")
    root = lxml.html.fromstring(page.decode("utf-8"))
    assert not root.xpath("//link | //img | //iframe | //*[@src] | //script[@src]")
    assert not [a for a in root.xpath("//a/@href") if not a.startswith("#")], "no external links or resources"
    assert not [a for e in root.iter() if isinstance(e.tag, str) for a in e.attrib if a.startswith("on")], "no inline handlers"
    rubies = root.xpath("//ruby")
    assert rubies and all([c.tag for c in r][-3:] == ["rp", "rt", "rp"] for r in rubies)
    # the base is one character, or the two forms of one character where they differ
    for ruby in rubies:
        bases = [ruby.text] if ruby.text else [s.text for s in ruby.findall("span")]
        assert all(len(b) == 1 for b in bases) and len(bases) in (1, 2)
    trad = root.xpath("//ruby[span[@class='zha-s']='发']/span[@class='zha-t']")
    assert trad and trad[0].text == "發" and trad[0].get("lang") == "zh-Hant"
    assert all(r.get("class") in {f"zha-{n}" for n in range(1, 6)} for r in rubies)
    # every term opens its entry's note, and the appendix links back to every occurrence
    popovers = set(root.xpath("//div[@popover]/@id"))
    terms = root.xpath("//button[contains(@class,'zha-term')]")
    assert popovers and {t.get("popovertarget") for t in terms} == popovers
    assert sorted(h.lstrip("#") for h in root.xpath("//*[@class='zha-back']/a/@href")) == sorted(t.get("id") for t in terms)
    labels = root.xpath("//div[@class='zha-controls']/label")
    assert [" ".join(l.text_content().split()) for l in labels] == ["Pinyin", "Traditional characters", "Tone colours", "Notes"]


def test_fragment_is_one_prefixed_root(seed):
    fragment = write(seed, "html-fragment")
    roots = lxml.html.fragments_fromstring(fragment.decode())
    assert len([r for r in roots if not isinstance(r, str)]) == 1
    root = roots[0]
    assert root.tag == "article" and root.get("class") == "zha"
    for element in root.iter():
        for name in (element.get("class") or "").split():
            assert name == "zha" or name.startswith("zha-")
        assert element.get("id") is None or element.get("id").startswith("zha-")
    css = re.sub(r"/\*.*?\*/", "", root.findtext("style"), flags=re.S)
    preludes = [p.strip() for p in re.findall(r"([^{}]+)\{", css)]
    selectors = [part.strip() for p in preludes if not p.startswith("@") for part in p.split(",")]
    assert len(selectors) > 10
    for selector in selectors:
        assert selector.startswith(".zha"), f"selector {selector!r} could leak into the host page"


def test_html_passes_the_nu_checker(seed, test_glossary, vnu, tmp_path):
    files = []
    documents = [("seed", seed)] + [
        (p.stem, annotate_text(p.read_text(encoding="utf-8"), source=p.name, glossary=test_glossary)) for p in GOLDEN_INPUTS
    ]
    for name, document in documents:
        page = tmp_path / f"{name}.html"
        page.write_bytes(write(document, "html"))
        wrapped = tmp_path / f"{name}.fragment.html"
        wrapped.write_bytes(wrap_fragment(write(document, "html-fragment"), name))
        files += [page, wrapped]
    demo = tmp_path / "embed-demo.html"
    demo.write_bytes(embed_demo(write(seed, "html-fragment")))
    assert vnu(files + [demo]) == []


@pytest.mark.parametrize("source", GOLDEN_INPUTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt, suffix", [("tei", ".tei.xml"), ("html-fragment", ".fragment.html"), ("json", ".json")])
def test_golden(source, fmt, suffix, golden, test_glossary):
    document = annotate_text(source.read_text(encoding="utf-8"), source=source.name, glossary=test_glossary)
    options = {"json": {"indent": 1}, "html-fragment": {"style": False}}.get(fmt, {})
    data = write(document, fmt, **options)
    golden(source.stem + suffix, data)


def test_json_matches_its_schema(seed):
    data = json.loads(write(seed, "json"))
    jsonschema.validate(data, SCHEMA)
    token = next(t for s in data["sections"] for b in s["blocks"] for t in b["tokens"] if t["text"] == "发展")
    assert token == {"text": "发展", "kind": "han", "readings": ["fā", "zhǎn"], "traditional": "發展", "glossary": [],
                     "sources": ["phrase", "phrase"], "word": "fāzhǎn"}
    assert {g["id"] for g in data["glossary"]} == {i for s in data["sections"] for b in s["blocks"] for t in b["tokens"] for i in t["glossary"]} | {
        i for s in data["sections"] if s["head"] for t in s["head"]["tokens"] for i in t["glossary"]}


@settings(max_examples=300, deadline=None)
@given(text=st.text(min_size=1, max_size=6), readings=st.lists(st.one_of(st.none(), st.text(max_size=4)), max_size=4),
       other=st.one_of(st.none(), st.text(max_size=4)), notes=st.lists(st.text(max_size=5), max_size=2),
       level=st.one_of(st.none(), st.integers(1, 7)), flags=st.lists(st.booleans(), min_size=3, max_size=3),
       kind=st.sampled_from(["han", "latin", "punct", "verbatim"]), spelling=st.one_of(st.none(), st.text(max_size=6)))
def test_a_tokens_json_is_what_json_dumps_writes(text, readings, other, notes, level, flags, kind, spelling):
    """writers.json.token_json puts a token's JSON together from encoded strings: it must be,
    byte for byte, what json.dumps writes for the same object (with <, > and & escaped), for
    any text: quotes, backslashes, control characters, astral characters, markup."""
    from annotate.writers.json import token_json

    known, note_here, spoken_too = flags
    readings = tuple(readings)
    sources = tuple("default" if r is not None else None for r in readings)
    spoken = tuple(r and r + "x" for r in readings) if spoken_too else ()
    token = {"text": text, "kind": kind, "readings": list(readings), "traditional": other, "glossary": list(notes)}
    if kind == "han" and sources:
        token["sources"] = list(sources)
        if spelling is not None:
            token["word"] = spelling
    if other:
        token["name"] = other
    if spoken:
        token["written"], token["spoken"] = list(readings), list(spoken)
    if other is not None:
        token["simplified"] = other
    if level is not None:
        token["level"] = level
    if known:
        token["known"] = True
    if note_here:
        token["note"] = True
    expected = json.dumps(token, ensure_ascii=False, separators=(",", ":"))
    expected = expected.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    assert token_json(text, kind, readings, other, other, tuple(notes), level, known, note_here, sources,
                      readings if spoken else (), spoken, other or None, spelling) == expected


def test_a_repeated_notes_number_is_its_own_documents_in_a_batch():
    """Markup is memoised across the files of a process; a dictionary word's later occurrence
    that shows its note carries the note's number, which is each document's own. Here 重 is the
    third note of the first document and the second of the next: its button in the next said 3,
    from the first, while the next document's notes list it as 2."""
    options = {"notes": "first", "dictionary": "cedict", "level": 3}
    notes = re.compile(r'popovertarget="zha-pop-([a-z0-9-]+)" data-note="(\d+)"')
    listed = re.compile(r'<dt id="zha-([a-z0-9-]+)" data-note="(\d+)"')
    for text in ("鼹鼠\nA.\nA.\n蝙蝠\nA.\nA.\n重\nA.\nA.\nA.\n重", "〇𠀀\nA.\nA.\n重\nA.\nA.\nA.\n重"):
        page = write(annotate_text(text, **options), "html").decode()
        numbers = dict(listed.findall(page))
        shown = notes.findall(page)
        assert len(shown) > len(numbers), "a note shown twice, at a heading each time"
        assert all(numbers[entry] == number for entry, number in shown), (shown, numbers)
