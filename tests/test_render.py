"""The edition as a master: a TEI or JSON edition, read back, renders every format; hand edits
come through exactly; text added without markup is analysed, and only that text."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from annotate import annotate_text, write
from annotate.cli import main
from annotate.errors import InputError
from annotate.render import load

from . import recover
from .conftest import ROOT
from .test_properties import GLOSSARY, documents
from .test_writers import SCHEMA

SEED_TEI = ROOT / "out" / "ningbo-alibaba.tei.xml"
OPTIONS = st.fixed_dictionaries({
    "reading": st.sampled_from(["marks", "numbers", "zhuyin"]),
    "tone_sandhi": st.booleans(),
    "capitalize_names": st.booleans(),
    "notes": st.sampled_from(["first", "all", "none"]),
    "script": st.sampled_from(["auto", "Hant"]),
    "learner": st.sampled_from([{}, {"level": 2}, {"dictionary": "cedict", "level": 3}, {"dictionary": "cedict"}]),
    "vocab_order": st.sampled_from(["first", "level"]),
})


def _annotate(text: str, options: dict):
    options = dict(options)
    learner = options.pop("learner")
    if not learner:
        options.pop("vocab_order")
    return annotate_text(text, glossary=GLOSSARY, **options, **learner)


def _without_provenance(data: bytes) -> dict:
    """The JSON without what only analysis knows: how each reading was decided, and the source line."""
    value = json.loads(data)
    for section in value["sections"]:
        for block in ([section["head"]] if section["head"] else []) + section["blocks"]:
            block.pop("line")
            for token in block["tokens"]:
                token.pop("sources", None)
    return value


@settings(max_examples=60)
@given(documents(), OPTIONS)
def test_tei_to_model_to_tei_is_byte_identical_and_renders_the_same_page(case, options):
    document = _annotate(case[0], options)
    tei = write(document, "tei")
    again, added = load(tei, "x.tei.xml")
    assert write(again, "tei") == tei
    assert write(again, "html") == write(document, "html")
    assert write(again, "html-fragment") == write(document, "html-fragment")
    assert _without_provenance(write(again, "json")) == _without_provenance(write(document, "json"))
    assert added == 0  # nothing was added, so nothing counts as added


@settings(max_examples=60)
@given(documents(), OPTIONS)
def test_a_tei_whose_attributes_a_tool_reordered_reads_as_the_same_edition(case, options):
    """The reader takes words as the writer makes them from their serialization in one pass,
    and any other word element by element: an XML tool that writes each <rt>'s attributes in
    another order (as valid as before) sends every word the other way, to the same edition."""
    tei = write(_annotate(case[0], options), "tei")
    reordered = re.sub(rb'<rt type="([^"]*)"( subtype="[^"]*")? xml:lang="([^"]*)">', rb'<rt xml:lang="\3" type="\1"\2>', tei)
    assert (reordered != tei) == (b"<rt " in tei)
    assert load(reordered, "x.tei.xml")[0] == load(tei, "x.tei.xml")[0]


@settings(max_examples=60)
@given(documents(), OPTIONS)
def test_json_to_model_to_json_is_byte_identical(case, options):
    document = _annotate(case[0], options)
    data = write(document, "json")
    again, added = load(data, "x.json")
    assert added == 0
    assert write(again, "json") == data
    assert write(again, "tei") == write(document, "tei")
    assert write(again, "html") == write(document, "html")


def _edit(text: str) -> str:
    """One reading, one traditional form, one note text and one added sentence, as an editor would."""
    edited = text.replace('<rt type="pinyin" xml:lang="zh-Latn-pinyin">wèi</rt>',
                          '<rt type="pinyin" xml:lang="zh-Latn-pinyin">wéi</rt>', 1)
    assert edited != text
    before = edited
    edited = edited.replace('<orig>发</orig><reg type="traditional" xml:lang="zh-Hant">發</reg>',
                            '<orig>发</orig><reg type="traditional" xml:lang="zh-Hant">髮</reg>', 1)
    assert edited != before
    before = edited
    edited = re.sub(r"(<item><gloss>)([^<]*)(</gloss>)", r"\1edited gloss\3", edited, count=1)
    assert edited != before
    before = edited
    head, body = edited.split("<body>", 1)
    edited = head + "<body>" + body.replace("</p>", "他们都很高兴。</p>", 1)
    assert edited != before
    return edited


def test_hand_edits_reach_the_page_the_fragment_and_the_json(tmp_path):
    original = SEED_TEI.read_text(encoding="utf-8")
    edited = tmp_path / "seed.tei.xml"
    edited.write_text(_edit(original), encoding="utf-8")
    plain = tmp_path / "plain.tei.xml"
    plain.write_text(original, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(plain), str(edited), "--out", str(tmp_path / "out"),
                                       "--format", "html,html-fragment,json,tei"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "7 added character(s) analysed" in result.stderr
    out = tmp_path / "out"
    assert (out / "plain.tei.xml").read_text(encoding="utf-8") == original  # an unedited edition comes back as it was
    for suffix in (".html", ".fragment.html"):
        before = (out / f"plain{suffix}").read_text(encoding="utf-8")
        after = (out / f"seed{suffix}").read_text(encoding="utf-8")
        assert before.count(">wéi<") + 1 == after.count(">wéi<")
        assert before.count(">髮<") + 1 == after.count(">髮<")
        assert "edited gloss" in after and "edited gloss" not in before
        assert after.count("<ruby") == before.count("<ruby") + 6  # 他们都很高兴: each with its reading
        ta = re.compile(r"他<rp>\(</rp><rt[^>]*>tā</rt>")
        assert len(ta.findall(after)) == len(ta.findall(before)) + 1
    before = json.loads((out / "plain.json").read_bytes())
    after = json.loads((out / "seed.json").read_bytes())
    jsonschema.validate(after, SCHEMA)
    blocks_before = [b["tokens"] for s in before["sections"] for b in [s["head"] or {"tokens": []}] + s["blocks"]]
    blocks_after = [b["tokens"] for s in after["sections"] for b in [s["head"] or {"tokens": []}] + s["blocks"]]
    grown = next(i for i, (x, y) in enumerate(zip(blocks_before, blocks_after)) if len(x) != len(y))
    added = blocks_after[grown][len(blocks_before[grown]):]
    blocks_after[grown] = blocks_after[grown][:len(blocks_before[grown])]
    assert "".join(t["text"] for t in added) == "他们都很高兴。"
    assert [t["readings"] for t in added if t["kind"] == "han"] == [["tā", "men"], ["dōu"], ["hěn"], ["gāo", "xìng"]]
    assert all(t["sources"] != ["edition"] * len(t["text"]) for t in added if t["kind"] == "han")
    changed = [(a["text"], a["readings"], a["traditional"], b["readings"], b["traditional"])
               for x, y in zip(blocks_before, blocks_after) for a, b in zip(x, y) if a != b]
    assert len(changed) == 2, changed  # the reading and the traditional form, nothing else
    assert [len(x) for x in blocks_before] == [len(y) for y in blocks_after]
    assert any("edited gloss" == e["gloss"] for e in after["glossary"])
    assert sum(e["gloss"] != f["gloss"] for e, f in zip(before["glossary"], after["glossary"])) == 1


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace(">zhōng</rt>", ">zhongg</rt>", 1), "is not a pinyin syllable"),
    (lambda t: re.sub(r"<rb>(\w)</rb>", r"<rb>\1\1</rb>", t, count=1), "holds one Han character"),
    (lambda t: t.replace('<term ref="#gl-', '<term ref="#gl-x', 1), "is no glossary entry"),
    (lambda t: t.replace("<p>Options: ", "<p>Opts: ", 1), "options line"),
    (lambda t: re.sub(r'(<link target="[^"]*") cert="[0-9.]+"', r'\1 cert="sure"', t, count=1), "Invalid attribute cert"),
    (lambda t: t.replace("\n      </linkGrp>", '\n        <ptr type="untranslated" target="#s999"/>\n      </linkGrp>', 1),
     "points to no xml:id"),
])
def test_a_broken_edit_stops_that_edition_with_its_line_and_the_others_go_on(tmp_path, edit, message):
    original = SEED_TEI.read_text(encoding="utf-8")
    broken = edit(original)
    line = next(i for i, (a, b) in enumerate(zip(original.splitlines(), broken.splitlines()), 1) if a != b)
    (tmp_path / "a.tei.xml").write_text(broken, encoding="utf-8")
    (tmp_path / "b.tei.xml").write_text(original, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(tmp_path / "a.tei.xml"), str(tmp_path / "b.tei.xml"),
                                       "--out", str(tmp_path / "out")], catch_exceptions=False)
    assert result.exit_code == 1
    assert f"annotate: {tmp_path / 'a.tei.xml'}:{line}: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.fragment.html", "b.html", "b.json"]


def test_the_glossary_list_is_what_counts_and_an_edited_note_in_the_text_is_a_notice():
    document = annotate_text("中国很大。中国很大。", glossary=GLOSSARY, notes="all")
    tei = write(document, "tei").decode("utf-8")
    assert tei.count(">China &lt;&amp;&gt;</note>") == 2
    inline = tei.replace(">China &lt;&amp;&gt;</note>", ">the country</note>", 1)
    again, _ = load(inline.encode(), "x.tei.xml")
    assert again.glossary["gl-zhongguo"].gloss == "China <&>"
    assert len(again.notices) == 1 and "x.tei.xml:" in again.notices[0] and "edit the entry there" in again.notices[0]
    assert write(again, "tei").decode("utf-8") == tei  # the note is written anew from its entry
    listed = tei.replace("<gloss>China &lt;&amp;&gt;</gloss>", "<gloss>the country</gloss>")
    assert listed != tei
    again, _ = load(listed.encode(), "x.tei.xml")
    assert again.glossary["gl-zhongguo"].gloss == "the country"
    assert write(again, "tei").decode("utf-8").count(">the country</note>") == 2


def test_a_json_that_is_not_an_edition_gets_one_line():
    with pytest.raises(InputError, match=r"x.json:1:2: not JSON"):
        load(b"{,", "x.json")
    with pytest.raises(InputError, match="not a zh-annotate edition"):
        load(b'{"format": "other"}', "x.json")


def test_text_typed_between_the_sentences_of_a_bilingual_edition_joins_the_next_sentence():
    tei = SEED_TEI.read_text(encoding="utf-8")
    assert '</s><s xml:id="s3">' in tei
    edited = tei.replace('</s><s xml:id="s3">', '</s>他们都很高兴。<s xml:id="s3">', 1)
    document, added = load(edited.encode(), "e.tei.xml")
    assert added == 7
    sentences = document.alignment.source
    assert [s.id for s in sentences] == [f"s{k}" for k in range(1, len(sentences) + 1)]
    assert sentences[2].text.startswith("他们都很高兴。特别是")
    page = write(document, "html")
    assert any("他们都很高兴。特别是" in block for block in recover.from_html(page))
    again, _ = load(write(document, "tei"), "again.tei.xml")
    assert write(again, "tei") == write(document, "tei")
