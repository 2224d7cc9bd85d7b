"""The bilingual edition: the seed with its English translation, and any text with any
translation: every sentence of both texts exactly once and in order in TEI, HTML and JSON,
valid TEI and HTML, TMX and TSV, and round trips through the edition."""
from __future__ import annotations

import json
import re
import shutil

import jsonschema
import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st
from lxml import etree

from annotate import annotate_text, write
from annotate.cli import main
from annotate.render import load

from . import recover
from .conftest import DATA, ROOT, wrap_fragment
from .test_properties import GLOSSARY, documents
from .test_writers import SCHEMA

TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`annotate build` of a copy of seeds/ (the seed and, beside it, its translation) in every format."""
    folder = tmp_path_factory.mktemp("bilingual")
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(ROOT / "glossary", folder / "glossary")
    result = CliRunner().invoke(main, ["build", str(folder / "seeds"), "--out", str(folder / "out"), "--glossary",
                                       str(folder / "glossary"), "--format",
                                       "tei,html,html-fragment,json,tmx,tsv,intertext"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return folder / "out"


def _source_sentences() -> list[str]:
    from annotate.align import split_chinese
    from annotate.readers.text import parse

    document = parse((SEEDS / "ningbo-alibaba.txt").read_text(encoding="utf-8"))
    return [piece for block in document.blocks() for piece in split_chinese(block.text)]


def _translation_sentences() -> list[str]:
    from annotate.align import split_translation
    from annotate.readers.pairs import paragraphs

    found, _ = paragraphs((SEEDS / "ningbo-alibaba.en.txt").read_text(encoding="utf-8"))
    return [piece for paragraph in found for piece in split_translation(paragraph)]


def test_the_translation_beside_its_source_is_aligned_not_annotated(built):
    names = sorted(p.name for p in built.iterdir() if not p.name.startswith("."))
    assert names == ["ningbo-alibaba.en.xml", "ningbo-alibaba.fragment.html", "ningbo-alibaba.html",
                     "ningbo-alibaba.json", "ningbo-alibaba.tei.xml", "ningbo-alibaba.tmx", "ningbo-alibaba.tsv",
                     "ningbo-alibaba.zh.en.xml", "ningbo-alibaba.zh.xml"]


def test_tei_has_every_sentence_of_both_texts_once_in_order(built, assert_valid_tei):
    root = assert_valid_tei((built / "ningbo-alibaba.tei.xml").read_bytes())
    source, translation = root.xpath("//t:group/t:text", namespaces=TEI_NS)
    assert (source.get("{http://www.w3.org/XML/1998/namespace}lang"),
            translation.get("{http://www.w3.org/XML/1998/namespace}lang")) == ("zh-Hans", "en")
    ids = [s.get("{http://www.w3.org/XML/1998/namespace}id") for s in source.iter("{%s}s" % TEI_NS["t"])]
    assert ids == [f"s{k}" for k in range(1, len(_source_sentences()) + 1)]
    texts = ["".join(s.xpath(".//text()[not(ancestor::t:rt or ancestor::t:reg or ancestor::t:note)]",
                             namespaces=TEI_NS)) for s in source.iter("{%s}s" % TEI_NS["t"])]
    assert texts == [piece for piece in _source_sentences()]
    assert recover.translation_from_tei((built / "ningbo-alibaba.tei.xml").read_bytes()) == [
        t.strip() for t in _translation_sentences()]
    targets = [link.get("target").split() for link in root.xpath("//t:linkGrp[@type='alignment']/t:link",
                                                                 namespaces=TEI_NS)]
    named = [t for target in targets for t in target]
    assert len(named) == len(set(named))  # no sentence in two beads
    source_named = [t for t in named if t.startswith("#s")]
    assert source_named == sorted(source_named, key=lambda t: int(t[2:]))  # in order
    assert all(0 <= float(link.get("cert")) <= 1 for link in root.iter("{%s}link" % TEI_NS["t"]))
    assert root.xpath("//t:encodingDesc//t:p[starts-with(., 'Alignment: Aligned by zh-annotate')]", namespaces=TEI_NS)


def test_html_page_and_fragment_have_both_texts_in_order_and_pass_the_checker(built, vnu, tmp_path):
    page = (built / "ningbo-alibaba.html").read_bytes()
    fragment = (built / "ningbo-alibaba.fragment.html").read_bytes()
    source = (SEEDS / "ningbo-alibaba.txt").read_text(encoding="utf-8")
    assert recover.from_html(page) == [line for line in source.splitlines() if line.strip()
                                       and line.strip() not in ("B.", "C.")]
    assert recover.translation_from_html(page) == [t.strip() for t in _translation_sentences()]
    assert recover.translation_from_html(fragment) == recover.translation_from_html(page)
    root = lxml.html.fromstring(page.decode("utf-8"))
    spans = root.xpath('//*[contains(@class, "zha-sent")]/@id')
    assert spans == [f"zha-sn-s{k}" for k in range(1, len(_source_sentences()) + 1)]
    assert len(root.xpath('//input[@name="zha-layout"]')) == 4
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / "fragment.html").write_bytes(wrap_fragment(fragment))
    assert vnu([tmp_path / "page.html", tmp_path / "fragment.html"]) == []
    # the fragment stays scoped: every class and id it adds starts with zha-
    tree = lxml.html.fromstring(fragment.decode("utf-8"))
    assert all(c.startswith("zha") for e in tree.iter() for c in (e.get("class") or "").split())
    assert all(e.get("id").startswith("zha-") for e in tree.iter() if e.get("id"))


def test_json_has_sentences_and_beads_and_fits_the_schema(built):
    data = json.loads((built / "ningbo-alibaba.json").read_bytes())
    jsonschema.validate(data, SCHEMA)
    beads = data["translation"]["beads"]
    source_ids = [s["id"] for section in data["sections"] for block in
                  ([section["head"]] if section["head"] else []) + section["blocks"] for s in block["sentences"]]
    assert [i for b in beads for i in b["source"]] == source_ids
    assert [i for b in beads for i in b["target"]] == [s["id"] for s in data["translation"]["sentences"]]
    for section in data["sections"]:
        for block in ([section["head"]] if section["head"] else []) + section["blocks"]:
            assert block["sentences"][0]["start"] == 0 and block["sentences"][-1]["end"] == len(block["tokens"])
            assert all(a["end"] == b["start"] for a, b in zip(block["sentences"], block["sentences"][1:]))


def test_tmx_and_tsv_of_the_seed(built):
    from translate.storage import tmx

    tree = etree.parse(str(built / "ningbo-alibaba.tmx"))
    assert etree.DTD(str(DATA / "tmx14.dtd")).validate(tree)
    store = tmx.tmxfile.parsefile(str(built / "ningbo-alibaba.tmx"))
    assert store.units[0].source == "数字经济为产业赋能" and store.units[0].target == "The digital economy empowers industry"
    rows = [line.split("\t") for line in (built / "ningbo-alibaba.tsv").read_text(encoding="utf-8").splitlines()]
    assert "".join(r[0] for r in rows) == "".join(s.strip() for s in _source_sentences())
    assert len(rows) >= 40


def test_the_seed_aligns_as_a_reader_would_pair_it(built):
    """A few pairs a reader can check: the heading, a quotation cut into its sentences, the last."""
    rows = [line.split("\t") for line in (built / "ningbo-alibaba.tsv").read_text(encoding="utf-8").splitlines()]
    pairs = dict(rows)
    assert pairs["生态链集聚的无限可能"] == "The unlimited possibilities of a clustering ecosystem"
    assert pairs["当然，在这一场蝶变之中，部分宁波本土企业也表示担心。"].startswith("Of course, amid this metamorphosis")
    assert pairs["是否意味着宁波会为其其他巨头的进入关闭大门？"] == "Does it mean that Ningbo will close its doors to other giants?"
    assert pairs["站在后疫情时代的新起点，我们期待阿里为制造业大市宁波插上数字经济腾飞的翅膀。"].startswith("Standing at the new")


def test_a_bilingual_edition_round_trips_through_its_tei_and_json(built):
    tei = (built / "ningbo-alibaba.tei.xml").read_bytes()
    document, added = load(tei, "x.tei.xml")
    assert added == 0
    assert write(document, "tei") == tei
    assert write(document, "html") == (built / "ningbo-alibaba.html").read_bytes()
    data = (built / "ningbo-alibaba.json").read_bytes()
    again, _ = load(data, "x.json")
    assert write(again, "json") == data


WORDS = st.sampled_from(["the", "river", "Ningbo", "market", "said", "quickly", "trade", "1998", "\"yes\"", "&", "<b>"])
ENGLISH = st.lists(st.lists(WORDS, min_size=1, max_size=8).map(lambda w: " ".join(w) + "."), min_size=1, max_size=5)


@settings(max_examples=40, deadline=None)
@given(documents(), st.lists(ENGLISH.map(" ".join), min_size=1, max_size=4), st.booleans())
def test_any_text_with_any_translation_comes_back_whole_from_every_format(case, paragraphs, lines):
    text, expected = case
    translation = "\n\n".join(paragraphs)
    if not text.strip() or not expected:
        return
    document = annotate_text(text, glossary=GLOSSARY, translation=translation,
                             segments="lines" if lines else "sentences")
    alignment = document.alignment
    target = [t.text.strip() for t in alignment.target]
    assert " ".join(t.text for t in alignment.target).split() == translation.split()
    assert [i for link in alignment.links for i in link.source] == [s.id for s in alignment.source]
    assert [i for link in alignment.links for i in link.target] == [t.id for t in alignment.target]
    tei, html, data = write(document, "tei"), write(document, "html"), write(document, "json")
    assert recover.from_tei(tei) == recover.from_html(html) == recover.from_json(data) == expected
    assert recover.translation_from_tei(tei) == recover.translation_from_html(html) == target
    assert [t.strip() for t in recover.translation_from_json(data)] == target
    etree.fromstring(tei)
    again, _ = load(tei, "x.tei.xml")
    assert write(again, "tei") == tei
    assert write(load(data, "x.json")[0], "json") == data
    tmx = etree.fromstring(write(document, "tmx"))
    assert [seg.text or "" for seg in tmx.iterfind("body/tu/tuv[@{http://www.w3.org/XML/1998/namespace}lang='en']/seg")
            ] == [" ".join(t.text.strip() for t in alignment.target if t.id in link.target)
                  for link in alignment.links if link.target]
    if alignment.links:
        tsv = write(document, "tsv").decode("utf-8")
        rows = [line.split("\t") for line in tsv.split("\n")[:-1]]  # plain TSV: a bead a line
        assert re.sub(r"\s", "", "".join(r[0] for r in rows)) == re.sub(r"\s", "", "".join(expected))


def _tatoeba(count: int, start: int) -> list[tuple[str, str]]:
    rows = (DATA / "tatoeba_cmn_zh.tsv").read_text(encoding="utf-8").splitlines()[1 + start:1 + start + count]
    return [tuple(row.split("\t")[:2]) for row in rows]


def test_review_lists_the_least_confident_beads_with_both_texts(tmp_path):
    pairs = _tatoeba(30, 1000)
    wrong = _tatoeba(3, 200)
    source = tmp_path / "story.txt"
    source.write_text("\n".join(zh for zh, _ in pairs) + "\n", encoding="utf-8")
    english = [en for _, en in pairs]
    for k, (_, other) in zip((8, 17, 25), wrong):  # three sentences translated as something else entirely
        english[k] = other
    (tmp_path / "story.en.txt").write_text("\n".join(english) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(tmp_path), "--beads"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:]]
    one_sided = [r for r in rows if r[1].startswith("[]") or r[1].endswith(":[]")]
    rows_of_both = rows[len(one_sided):]
    assert rows and rows[:len(one_sided)] == one_sided  # sentences without a counterpart come first
    assert all(float(r[2]) < 0.5 for r in rows_of_both)
    assert [float(r[2]) for r in rows_of_both] == sorted(float(r[2]) for r in rows_of_both)
    flagged = " ".join(r[4] for r in rows)
    assert sum(other in flagged for _, other in wrong) >= 1
    assert all(r[3] and r[1].startswith("[") for r in rows)
    # the mistranslated beads are, on the whole, the ones the aligner is least sure of
    from annotate.align import align

    beads = align([zh for zh, _ in pairs], english)
    swapped = [b.confidence for b in beads if set(b.target) & {8, 17, 25}]
    right = [b.confidence for b in beads if not set(b.target) & {8, 17, 25}]
    assert sum(swapped) / len(swapped) < sum(right) / len(right) - 0.2


def test_a_corrected_alignment_holds_in_a_build_and_a_changed_translation_is_redone(tmp_path):
    pairs = _tatoeba(12, 600)
    source, translation = tmp_path / "story.txt", tmp_path / "story.en.txt"
    source.write_text("\n".join(zh for zh, _ in pairs) + "\n", encoding="utf-8")
    translation.write_text("\n".join(en for _, en in pairs) + "\n", encoding="utf-8")
    corrected = tmp_path / "fixed.beads"
    corrected.write_text("[0, 1]:[0, 1]\n", encoding="utf-8")  # an editor joins the first two pairs
    run = lambda *extra: CliRunner().invoke(main, ["build", str(source), "--out", str(tmp_path / "out"),  # noqa: E731
                                                   "--format", "json", *map(str, extra)], catch_exceptions=False)
    result = run("--translation", translation, "--alignment", corrected)
    assert result.exit_code == 0, result.stderr
    beads = json.loads((tmp_path / "out" / "story.json").read_bytes())["translation"]["beads"]
    assert beads[0] == {"source": ["s1", "s2"], "target": ["t1", "t2"], "confidence": 1.0, "fixed": True}
    assert beads[1]["source"] == ["s3"] and not beads[1]["fixed"]
    again = run("--translation", translation, "--alignment", corrected)
    assert "0 written, 1 unchanged" in again.stderr
    translation.write_text("\n".join(en for _, en in pairs[:11]) + "\nA new last sentence.\n", encoding="utf-8")
    changed = run("--translation", translation, "--alignment", corrected)
    assert "1 written, 0 unchanged" in changed.stderr  # the translation is part of what a build is made from


def test_an_empty_translation_stops_that_file_with_one_line_and_a_folder_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("我们学习汉语。\n", encoding="utf-8")
    (folder / "a.en.txt").write_text("\n", encoding="utf-8")
    (folder / "b.txt").write_text("他很高兴。\n", encoding="utf-8")
    (folder / "b.de.txt").write_text("Er ist sehr froh.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--format", "tei"],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert f"{folder / 'a.en.txt'}: the translation is empty" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["b.tei.xml"]
    tei = (tmp_path / "out" / "b.tei.xml").read_text(encoding="utf-8")
    assert '<text xml:lang="de" xml:id="text-translation">' in tei and ">Er ist sehr froh.</s>" in tei


def test_a_translation_far_shorter_than_its_source_is_reported(tmp_path):
    pairs = _tatoeba(40, 300)
    source, translation = tmp_path / "story.txt", tmp_path / "story.en.txt"
    source.write_text("\n".join(zh for zh, _ in pairs) + "\n", encoding="utf-8")
    translation.write_text("\n".join(en for _, en in pairs[:8]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source), "--translation", str(translation), "--out",
                                       str(tmp_path / "out"), "--format", "html,json", "--report",
                                       str(tmp_path / "report.json")], catch_exceptions=False)
    assert result.exit_code == 0
    assert "what a translation usually takes" in result.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["files"][0]["unaligned"] >= 30 and report["files"][0]["status"] == "written"  # of 40
    html = (tmp_path / "out" / "story.html").read_bytes()
    assert recover.translation_from_html(html) == [en for _, en in pairs[:8]]


def test_pairs_already_aligned_make_a_bilingual_edition_as_they_are(tmp_path):
    pairs = _tatoeba(6, 40)
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("zh\ten\n" + "".join(f"{zh}\t{en}\tattribution\n" for zh, en in pairs), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tsv), "--out", str(tmp_path / "out"), "--format", "json,tmx"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    data = json.loads((tmp_path / "out" / "pairs.json").read_bytes())
    assert [b["source"] for b in data["translation"]["beads"]] == [[f"s{k}"] for k in range(1, 7)]
    assert all(b["fixed"] and b["confidence"] == 1.0 for b in data["translation"]["beads"])
    assert [s["text"] for s in data["translation"]["sentences"]] == [en for _, en in pairs]
    assert recover.from_json((tmp_path / "out" / "pairs.json").read_bytes()) == [zh for zh, _ in pairs]
    bad = tmp_path / "bad.tsv"
    bad.write_text("我们学习。\tWe study.\nB.\tB.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(bad), "--out", str(tmp_path / "out2")], catch_exceptions=False)
    assert result.exit_code == 3 and "pair 2's Chinese side reads as a section marker" in result.stderr


def test_only_a_language_tag_makes_a_file_a_translation(tmp_path):
    from annotate.readers.pairs import language_of

    assert [language_of(n) for n in ("a.en.txt", "a.en-GB.md", "a.yue.txt", "notes.old.txt", "a.v2.txt")] == [
        "en", "en-GB", "yue", None, None]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.txt").write_text("我们学习汉语。\n", encoding="utf-8")
    (folder / "notes.old.txt").write_text("他很高兴。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == [
        "notes.json", "notes.old.json"]


def test_a_sentence_left_untranslated_says_so_in_every_format(tmp_path, assert_valid_tei, vnu):
    pairs = _tatoeba(12, 700)
    source, translation = tmp_path / "story.txt", tmp_path / "story.en.txt"
    source.write_text("".join(zh for zh, _ in pairs) + "\n", encoding="utf-8")
    translation.write_text(" ".join(en for k, (_, en) in enumerate(pairs) if k != 5) + "\n", encoding="utf-8")
    corrected = tmp_path / "fixed.beads"
    corrected.write_text("[5]:[]\n", encoding="utf-8")  # an editor marks sentence 6 as left out
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(source), "--translation", str(translation), "--alignment",
                                       str(corrected), "--out", str(out), "--format", "tei,html,json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    # the run's summary counts it, and says how to list what to check
    assert f"{source}: 1 sentence(s) without a counterpart, 0 bead(s) the aligner is unsure of: " \
           f"`annotate review {source} --beads` lists them" in result.stderr
    root = assert_valid_tei((out / "story.tei.xml").read_bytes())
    pointers = root.xpath("//t:linkGrp/t:ptr", namespaces=TEI_NS)
    assert [(p.get("type"), p.get("subtype"), p.get("target")) for p in pointers] == [("untranslated", "fixed", "#s6")]
    html = lxml.html.fromstring((out / "story.html").read_bytes())
    marked = html.xpath('//*[contains(concat(" ", @class, " "), " zha-untr ")]')
    assert len(marked) == 1 and marked[0].get("title") == "not translated"
    assert recover._visible(marked[0], {"rt", "rp", "zha-pop", "zha-tgt", "zha-t"}).strip() == pairs[5][0]
    label = marked[0].xpath('.//*[contains(concat(" ", @class, " "), " zha-none ")]')
    assert [e.text_content() for e in label] == ["not translated"]
    assert vnu([out / "story.html"]) == []
    beads = json.loads((out / "story.json").read_bytes())["translation"]["beads"]
    assert {"source": ["s6"], "target": [], "confidence": 1.0, "fixed": True} in beads
    # the edition's TEI, read again, keeps the bead, fixed, and writes it the same way
    document, _ = load((out / "story.tei.xml").read_bytes(), "story.tei.xml")
    assert write(document, "tei") == (out / "story.tei.xml").read_bytes()


def test_one_file_is_built_with_the_translation_beside_it_as_a_folder_is(tmp_path):
    pairs = _tatoeba(6, 900)
    (tmp_path / "story.txt").write_text("".join(zh for zh, _ in pairs) + "\n", encoding="utf-8")
    (tmp_path / "story.en.txt").write_text(" ".join(en for _, en in pairs) + "\n", encoding="utf-8")
    (tmp_path / "story.old.txt").write_text("他很高兴。\n", encoding="utf-8")  # not a language tag: not paired
    (tmp_path / "storyteller.de.txt").write_text("Ein anderer Text.\n", encoding="utf-8")  # another file's
    result = CliRunner().invoke(main, ["build", str(tmp_path / "story.txt"), "--out", str(tmp_path / "out"),
                                       "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    translation = json.loads((tmp_path / "out" / "story.json").read_bytes())["translation"]
    assert translation["language"] == "en"
    assert [s["text"].strip() for s in translation["sentences"]] == [en for _, en in pairs]
    # --translation still names another one
    (tmp_path / "other.txt").write_text("Other words.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "story.txt"), "--out", str(tmp_path / "out2"),
                                       "--format", "json", "--translation", str(tmp_path / "other.txt")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    sentences = json.loads((tmp_path / "out2" / "story.json").read_bytes())["translation"]["sentences"]
    assert [s["text"].strip() for s in sentences] == ["Other words."]
