"""Sentence alignment: splitting, beads over real sentence pairs, every sentence once and in
order, fixed beads, and `annotate align`'s formats (beads, TSV, TMX 1.4b, InterText)."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st
from lxml import etree

from annotate.align import Bead, align, split_chinese, split_translation
from annotate.cli import main

from .conftest import DATA


def _pairs(count: int, start: int = 0) -> list[tuple[str, str]]:
    rows = (DATA / "tatoeba_cmn_zh.tsv").read_text(encoding="utf-8").splitlines()[1 + start:1 + start + count]
    return [tuple(row.split("\t")[:2]) for row in rows]


def test_chinese_sentences_keep_their_closing_quotes_and_brackets():
    text = "他说：“你好。”我走了！（真的？）好……然后呢"
    assert split_chinese(text) == ["他说：“你好。”", "我走了！", "（真的？）", "好……", "然后呢"]
    assert "".join(split_chinese(text)) == text


def test_translation_sentences_know_abbreviations_and_keep_every_character():
    text = "Mr. Smith went to Washington D.C. in 1998.  He said \"Hi!\" and left. Then?"
    pieces = split_translation(text)
    assert "".join(pieces) == text
    assert [p.strip() for p in pieces] == ["Mr. Smith went to Washington D.C. in 1998.", 'He said "Hi!" and left.',
                                           "Then?"]


def test_tatoeba_pairs_come_back_as_pairs_when_paragraphed_differently():
    pairs = _pairs(120, start=300)
    source = [zh for zh, _ in pairs]
    target = [en for _, en in pairs]
    # the source in paragraphs of 5 sentences, the translation in paragraphs of 7: no shared anchors
    beads = align(source, target, source_ends={k for k in range(len(source)) if k % 5 == 4},
                  target_ends={k for k in range(len(target)) if k % 7 == 6})
    right = sum(1 for b in beads if b.source == b.target and len(b.source) == 1)
    assert right >= 0.9 * len(pairs), right
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)
    confident = [b for b in beads if b.confidence >= 0.8]
    assert sum(b.source == b.target for b in confident) >= 0.95 * len(confident)


def test_an_omission_and_an_addition_disturb_only_their_own_beads():
    pairs = _pairs(40, start=800)
    source = [zh for zh, _ in pairs]
    target = [en for _, en in pairs]
    del target[20]  # the translator left sentence 20 out
    target.insert(30, "The translator added this remark about Shanghai and the year 1998.")
    beads = align(source, target)
    truth = {k: (k if k < 20 else k - 1 if k < 31 else k) for k in range(40)}  # source → its translation's number
    touched = [b for b in beads if 20 in b.source or 30 in b.target]
    assert len(touched) <= 2 and all(b.confidence < 0.99 for b in touched)
    for bead in beads:
        if bead in touched:
            # tuned on literary translations, where translators merge more often than they drop, an
            # omission may be merged with a neighbour: never with a sentence that is not its neighbour's
            assert {truth[i] for i in bead.source if i != 20} <= set(bead.target)
        else:
            assert len(bead.source) == len(bead.target) == 1 and truth[bead.source[0]] == bead.target[0]


@pytest.mark.parametrize("start, shared", [(48, "理发师"), (72, "这个女孩")])
def test_a_left_out_sentence_sharing_a_word_with_its_neighbour_gets_a_bead_of_its_own(start, shared):
    """最好的理发师是同性恋。 left out beside 理发师为他理了头发。: the word the two share (barber) is
    evidence for neither, so the left-out one, merged, would meet nothing of the translation."""
    pairs = _pairs(12, start=start)
    source = [zh for zh, _ in pairs]
    target = [en for _, en in pairs]
    assert shared in source[1] and shared in source[2]
    beads = [(b.source, b.target) for b in align(source, target[:2] + target[3:])]
    assert beads == [((0,), (0,)), ((1,), (1,)), ((2,), ())] + [((k,), (k - 1,)) for k in range(3, 12)]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 1400))
def test_every_sentence_once_and_in_order(n, m, start):
    pairs = _pairs(max(n, m, 1), start=start)
    source = [zh for zh, _ in pairs[:n]]
    target = [en for _, en in pairs[:m]][::-1] if m % 3 == 0 else [en for _, en in pairs[:m]]
    beads = align(source, target)
    assert [i for b in beads for i in b.source] == list(range(n))
    assert [j for b in beads for j in b.target] == list(range(m))
    assert all(b.source or b.target for b in beads)


def test_fixed_beads_hold_and_the_rest_is_aligned_around_them():
    pairs = _pairs(30, start=100)
    source = [zh for zh, _ in pairs]
    target = [en for _, en in pairs]
    wrong = [Bead((5,), (5, 6), 1.0, fixed=True), Bead((6,), (), 1.0, fixed=True)]
    beads = align(source, target, fixed=wrong)
    found = [(b.source, b.target) for b in beads]
    assert ((5,), (5, 6)) in found and ((6,), ()) in found
    assert all(b.fixed for b in beads if (b.source, b.target) in (((5,), (5, 6)), ((6,), ())))
    assert found[:5] == [((k,), (k,)) for k in range(5)] and ((7,), (7,)) in found


def _files(tmp_path, count=30, start=200):
    pairs = _pairs(count, start)
    source, target = tmp_path / "story.txt", tmp_path / "story.en.txt"
    source.write_text("\n".join(zh for zh, _ in pairs) + "\n", encoding="utf-8")
    target.write_text("\n".join(en for _, en in pairs) + "\n", encoding="utf-8")
    return source, target, pairs


def _align(*args):
    return CliRunner().invoke(main, ["align", *map(str, args)], catch_exceptions=False)


def test_align_writes_beads_as_the_literature_does(tmp_path):
    source, target, pairs = _files(tmp_path)
    result = _align(source, target, "--segments", "lines", "--format", "beads")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[:3] == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]
    assert len(result.stdout.splitlines()) >= 28
    beads = result.stdout.splitlines()
    one_sided = sum(b.startswith("[]") or b.endswith(":[]") for b in beads)
    summary = result.stderr.strip().splitlines()[-1]
    assert f"in {len(beads)} bead(s), {one_sided} with one side only, " in summary
    assert re.search(r", \d+ with confidence under 0\.5$", summary)


def test_align_tsv_gives_back_both_texts_exactly(tmp_path):
    source, target, pairs = _files(tmp_path)
    result = _align(source, target, "--format", "tsv")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert "".join(r[0] for r in rows) == "".join(zh for zh, _ in pairs)
    assert " ".join(r[1] for r in rows if r[1]) == " ".join(en for _, en in pairs)


def test_tmx_is_valid_tmx_14_and_translate_toolkit_reads_it(tmp_path):
    from translate.storage import tmx

    source, target, pairs = _files(tmp_path)
    assert _align(source, target, "--format", "tmx", "-o", tmp_path / "x.tmx").exit_code == 0
    tree = etree.parse(str(tmp_path / "x.tmx"))
    dtd = etree.DTD(str(DATA / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log
    store = tmx.tmxfile.parsefile(str(tmp_path / "x.tmx"))
    assert len(store.units) >= 28
    assert [u.source for u in store.units[:2]] == [pairs[0][0], pairs[1][0]]
    assert store.units[0].target == pairs[0][1]
    props = tree.xpath("//tu[1]/prop")
    assert {p.get("type") for p in props} >= {"x-confidence", "x-status"} and 0 < float(props[0].text) <= 1


def test_intertext_files_and_corrections_that_survive_a_rerun(tmp_path):
    source, target, pairs = _files(tmp_path, count=20, start=500)
    out = tmp_path / "story.xml"
    assert _align(source, target, "--format", "intertext", "-o", out).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xml") == ["story.en.xml", "story.xml",
                                                                                  "story.zh.xml"]
    group = etree.parse(str(out)).getroot()
    assert (group.tag, group.get("fromDoc"), group.get("toDoc")) == ("linkGrp", "story.zh.xml", "story.en.xml")
    first = group[0]
    assert (first.get("type"), first.get("xtargets"), first.get("status")) == ("1-1", "1:1;1:1", "auto")
    assert etree.parse(str(tmp_path / "story.zh.xml")).getroot().xpath("string(//s[@id='1:1'])") == pairs[0][0]
    # an editor corrects the first link in InterText (1:1 with 1:1 and 2:1) and confirms it
    first.set("xtargets", "1:1;1:1 2:1")
    first.set("type", "1-2")
    first.set("status", "man")
    out.write_bytes(etree.tostring(group, xml_declaration=True, encoding="utf-8"))
    again = _align(source, target, "--format", "beads", "--alignment", out)
    assert again.exit_code == 0, again.stderr
    assert again.stdout.splitlines()[0] == "[0]:[0, 1]"


def test_a_corrected_tsv_that_no_longer_matches_names_the_first_differing_sentence(tmp_path):
    source, target, pairs = _files(tmp_path, count=12, start=900)
    corrected = tmp_path / "fixed.tsv"
    corrected.write_text(_align(source, target, "--format", "tsv").stdout, encoding="utf-8")
    edited = pairs[:]
    edited[6] = (pairs[6][0], "A sentence the translator rewrote.")
    target.write_text("\n".join(en for _, en in edited) + "\n", encoding="utf-8")
    result = _align(source, target, "--format", "beads", "--alignment", corrected)
    assert result.exit_code == 0
    assert "no longer matches the corrected alignment at t7 'A sentence the translator rewrote.'" in result.stderr
    assert result.stdout.splitlines()[:6] == [f"[{k}]:[{k}]" for k in range(6)]


def test_faults_get_one_clear_line(tmp_path):
    source, target, _ = _files(tmp_path, count=10)
    empty = tmp_path / "empty.en.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = _align(source, empty)
    assert result.exit_code == 3 and result.stderr.strip() == f"annotate: {empty}: the translation is empty"
    latin1 = tmp_path / "latin1.en.txt"
    latin1.write_bytes("Caf\xe9 au lait.\n".encode("latin-1"))
    result = _align(source, latin1)
    assert result.exit_code == 3 and "byte 3: the translation is not UTF-8" in result.stderr
    long = tmp_path / "long.en.txt"
    long.write_text(target.read_text(encoding="utf-8") * 12, encoding="utf-8")
    result = _align(source, long, "--format", "beads")
    assert result.exit_code == 0 and "what a translation usually takes" in result.stderr
    assert "Traceback" not in result.stderr


def test_pairs_given_alone_are_taken_as_aligned(tmp_path):
    pairs = _pairs(5)
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("".join(f"{zh}\t{en}\tsome attribution\n" for zh, en in pairs), encoding="utf-8")
    result = _align(tsv, "--format", "beads")
    assert result.stdout.splitlines() == [f"[{k}]:[{k}]" for k in range(5)]
    tmx_path = tmp_path / "pairs.tmx"
    assert _align(tsv, "--format", "tmx", "-o", tmx_path).exit_code == 0
    result = _align(tmx_path, "--format", "tsv")
    assert [tuple(line.split("\t")) for line in result.stdout.splitlines()] == pairs


def test_a_translation_of_the_first_part_only_leaves_the_rest_unaligned():
    pairs = _pairs(40, start=800)
    source = [zh for zh, _ in pairs]
    target = [en for _, en in pairs]
    beads = align(source, target[:10])  # the translator has done the first ten sentences
    found = [(b.source, b.target) for b in beads]
    assert found[:10] == [((k,), (k,)) for k in range(10)]
    assert found[10:] == [((k,), ()) for k in range(10, 40)]
    assert all(b.confidence < 0.9 for b in beads[10:])  # none of them among the beads given as sure
    # a whole translation's last sentences are never left over
    assert [(b.source, b.target) for b in align(source[:12], target[:12])][-1] == ((11,), (11,))


def test_learning_word_pairs_finds_a_name_translated_by_meaning():
    from annotate import align as aligner

    pairs = _pairs(24, start=400)
    source = [("小玄子说：" + zh if k % 5 == 0 else zh) for k, (zh, _) in enumerate(pairs)]
    target = [("Misty said: " + en if k % 5 == 0 else en) for k, (_, en) in enumerate(pairs)]
    words = [aligner.chinese_words(s) for s in source]
    chinese = [[f for w in ws for f in w] for ws in words]
    english = [[(f, 1.0) for f in aligner.english_features(t)] for t in target]
    beads, details = aligner._align_once(source, target, chinese, english, None, None, aligner.Weights())
    assert "misti" in aligner._learn(beads, details, source, english)["小玄子"]  # CC-CEDICT does not know him
    again = align(source, target, weights=aligner.Weights(learn=True))
    assert [(b.source, b.target) for b in again] == [((k,), (k,)) for k in range(24)]


def test_tsv_pairs_are_read_as_plain_tab_separated_text(tmp_path):
    """A Tatoeba export or a spreadsheet's TSV is plain text: quotes are the sentences' own, an
    unclosed one swallows nothing, and every line is one pair, byte for byte (issue 24; a CSV
    reader made `"Hello" is a greeting.` into `Hello is a greeting.` and three rows into one)."""
    rows = ['“你好”是问候语。\t"Hello" is a greeting.',
            '他说"走吧。\tHe said "let\'s go.',               # a quote opened and never closed
            '我们学习汉语。\tWe study Chinese.\tCC BY 2.0 FR',  # a third column (an attribution) is ignored
            '他们很高兴。\t',                                   # an empty translation: a sentence with none
            '最后一句。\t"The last one."']
    path = tmp_path / "pairs.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8") + b"\r\n")  # a BOM and Windows line ends
    result = _align(path, "--format", "tsv")
    assert result.exit_code == 0, result.output
    written = [line.split("\t") for line in result.stdout.splitlines()]
    assert written == [row.split("\t")[:2] for row in rows]
    beads = _align(path, "--format", "beads")
    assert beads.stdout.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[]", "[4]:[3]"]


def test_a_tsv_line_without_a_tab_is_one_line_naming_it(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("我们学习汉语。\tWe study Chinese.\n\n他们很高兴。 They are happy.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(out)])
    assert result.exit_code == 3
    assert f"{path}:3: no tab: a pair is the source, a tab, and its translation" in result.output
    assert "Traceback" not in result.output
    assert not [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]


def test_the_tsv_written_reads_back_as_the_same_pairs(tmp_path):
    """What `--format tsv` writes is what the TSV reader takes back, quotes and all; a tab inside a
    sentence, which no TSV can hold, is written as a space."""
    from annotate.bilingual import paired
    from annotate.readers.pairs import read_tsv_pairs
    from annotate.writers.alignment import write_tsv

    pairs = [('“你好”是问候语。', '"Hello" is a greeting.'), ('他说"走吧。', 'He said "let\'s go.'),
             ("一\t二。", "One\ttwo.")]
    data = write_tsv(paired(pairs, "en"))
    assert read_tsv_pairs(data, "x.tsv") == [pairs[0], pairs[1], ("一 二。", "One two.")]
