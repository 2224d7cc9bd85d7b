"""The learner's edition: CC-CEDICT senses by reading, HSK levels, notes, vocabulary, glossary formats."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from hypothesis import given
from lxml import etree

from annotate import annotate_text, load_glossary, write
from annotate.dictionary import cedict_senses, hsk_words, senses
from annotate.glossary import check

from . import recover
from .conftest import DATA, ROOT, wrap_fragment
from .test_properties import GLOSSARY, documents

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SEED = ROOT / "seeds" / "ningbo-alibaba.txt"
LEARNER = {"dictionary": "cedict", "level": 3}


@pytest.fixture(scope="module")
def seed():
    return annotate_text(SEED.read_text(encoding="utf-8"), source=SEED.name, glossary=load_glossary(ROOT / "glossary"),
                         **LEARNER)


def tokens(document):
    return [t for b in document.blocks() for t in b.tokens]


@pytest.mark.parametrize("word, reading, present, absent", [
    ("长", ("cháng",), "long", "chief"),
    ("长", ("zhǎng",), "chief", "length"),
    ("行", ("háng",), "profession", "to walk"),
    ("行", ("xíng",), "to walk", "profession"),
    ("为", ("wèi",), "because of", "to act as"),
    ("为", ("wéi",), "to act as", "because of"),
    ("重", ("zhòng",), "heavy", "to repeat"),
    ("重", ("chóng",), "to repeat", "heavy"),
    ("了", ("le",), "completed action", "to finish"),
    ("了", ("liǎo",), "to finish", "completed action"),
])
def test_the_sense_follows_the_reading(word, reading, present, absent):
    gloss = senses(word, reading)
    assert present in gloss and absent not in gloss


@pytest.mark.parametrize("text, word, reading, present", [
    ("长江是中国的河。", "长江", ("cháng", "jiāng"), "Yangtze"),
    ("他长大了。", "长大", ("zhǎng", "dà"), "to grow up"),
    ("中国人民银行行长", "行长", ("háng", "zhǎng"), "bank president"),
    ("他行不行？", "行", ("xíng",), "to walk"),  # 行不行, which CC-CEDICT lacks, is 行 + 不行
    ("为人民服务", "为", ("wèi",), "because of; for"),
    ("请你重新写一遍，这很重要。", "重新", ("chóng", "xīn"), "again"),
    ("请你重新写一遍，这很重要。", "重要", ("zhòng", "yào"), "important"),
])
def test_in_context_the_gloss_matches_the_reading_chosen(text, word, reading, present):
    document = annotate_text(text, dictionary="cedict", level=1)
    token = next(t for t in tokens(document) if t.text == word)
    assert token.readings == reading
    assert present in document.glossary[token.note_ids[0]].gloss


def test_a_neutral_tone_in_cedict_serves_a_stressed_later_syllable_only():
    assert senses("值得", ("zhí", "dé")) == senses("值得", ("zhí", "de")) == "to be worth; to deserve"
    # where CC-CEDICT has both, each reading keeps its own senses
    assert senses("东西", ("dōng", "xī")) == "east and west" and "thing" in senses("东西", ("dōng", "xi"))
    # a character's neutral tone is another word (得 de, the particle), never a match for dé
    assert "particle" not in senses("得", ("dé",))


def test_every_word_above_the_level_has_a_gloss(seed):
    user = {e.term for e in load_glossary(ROOT / "glossary").entries}
    above = [t for t in tokens(seed) if t.kind == "han" and not t.known]
    assert len(above) > 300
    missing = [t.text for t in above if not t.note_ids and t.text not in user]
    assert missing == []
    assert all(seed.glossary[t.note_ids[0]].origin in ("glossary", "cedict") for t in above)


def test_words_at_or_below_the_level_carry_no_pinyin(seed, assert_valid_tei):
    levels = hsk_words("2025")
    known = [t for t in tokens(seed) if t.known]
    assert len(known) > 300 and all(levels.get(t.text, 0) <= 3 for t in known)
    assert not any(t.note_ids and seed.glossary[t.note_ids[0]].origin == "cedict" for t in known)
    root = assert_valid_tei(write(seed, "tei"))
    # in the TEI a known word keeps its ruby (the edition is a master) and its @ana says the reader knows it
    marked = root.xpath("//t:body//*[contains(concat(@ana, ' '), '#known ')]", namespaces=NS)
    texts = {"".join(w.xpath(".//text()[not(ancestor::t:reg or ancestor::t:rt)]", namespaces=NS)) for w in marked}
    assert texts == {t.text for t in known}
    assert len(marked) == len(known)
    assert all(len(w.xpath(".//t:rt[not(@subtype)]", namespaces=NS)) == len(w.xpath(".//t:rb", namespaces=NS)) > 0
               for w in marked)
    assert root.xpath("//t:category[@xml:id='known']", namespaces=NS)
    # the HTML marks them for the level switch
    html = write(seed, "html").decode()
    assert 'data-zha-option="level"' in html and html.count("zha-known") >= len(known)


def test_outputs_name_the_standard_and_credit_cedict(seed):
    tei = write(seed, "tei").decode()
    assert "HSK 3.0, 2025 exam syllabus" in tei and "CC-CEDICT" in tei and "CC BY-SA 4.0" in tei
    html = write(seed, "html").decode()
    assert "HSK 3.0, 2025 exam syllabus" in html and "https://creativecommons.org/licenses/by-sa/4.0/" in html
    data = json.loads(write(seed, "json"))
    assert data["learner"]["hsk_name"] == "HSK 3.0, 2025 exam syllabus (新版HSK考试大纲)"
    assert data["attribution"][0]["data"] == "CC-CEDICT"
    shares = data["profile"]["shares"]
    assert abs(sum(shares.values()) - 1) < 0.01 and shares["1"] > 0.1
    other = annotate_text("我们学习汉语。", dictionary="cedict", level=3, hsk_standard="2021")
    assert "GF0025-2021" in write(other, "tei").decode()


def test_learner_outputs_are_valid(seed, assert_valid_tei, vnu, tmp_path):
    assert_valid_tei(write(seed, "tei"))
    (tmp_path / "page.html").write_bytes(write(seed, "html"))
    (tmp_path / "fragment.html").write_bytes(wrap_fragment(write(seed, "html-fragment")))
    assert vnu([tmp_path / "page.html", tmp_path / "fragment.html"]) == []


@given(documents())
def test_nothing_is_lost_with_notes_and_levels_on(case):
    text, expected = case
    document = annotate_text(text, glossary=GLOSSARY, dictionary="cedict", level=2, notes="all")
    assert recover.from_tei(write(document, "tei")) == expected
    assert recover.from_html(write(document, "html")) == expected
    assert recover.from_json(write(document, "json")) == expected


@pytest.mark.parametrize("policy, expected", [("first", 2), ("all", 3), ("none", 0)])
def test_notes_policy(policy, expected):
    document = annotate_text("A.\n银行和银行。\nB.\n银行。", glossary=load_glossary(DATA / "glossary.tsv"), notes=policy)
    assert sum(t.note_here for t in tokens(document)) == expected
    assert sum(1 for t in tokens(document) if t.note_ids) == 3  # every occurrence still links
    tei = etree.fromstring(write(document, "tei"))
    assert len(tei.xpath("//t:body//t:note", namespaces=NS)) == expected


def test_vocabulary_tsv_for_anki(seed, tmp_path):
    rows = write(seed, "vocab").decode().splitlines()
    assert rows[:3] == ["#separator:tab", "#html:false", "#columns:term\tpinyin\ttraditional\tgloss\tlevel\tsentence"]
    entries = [row.split("\t") for row in rows[3:]]
    assert all(len(e) == 6 for e in entries) and len(entries) == len(seed.glossary)
    chanye = next(e for e in entries if e[0] == "产业")
    assert chanye[1:3] == ["chǎnyè", "產業"] and "industry" in chanye[3] and chanye[4] == "5"
    assert chanye[5] == "数字经济为产业赋能"
    by_level = annotate_text(SEED.read_text(encoding="utf-8"), glossary=load_glossary(ROOT / "glossary"),
                             vocab_order="level", **LEARNER)
    levels = [e.split("\t")[4] for e in write(by_level, "vocab").decode().splitlines()[3:]]
    order = ["4", "5", "6", "7–9", "outside HSK"]
    assert [order.index(x) for x in levels] == sorted(order.index(x) for x in levels)


@pytest.mark.parametrize("level, known, unknown", [
    # 这座, 很大, 去过, 坐火车 and 十二万 are the segmenter's, graded by their words: a level-3
    # reader knows 很大 whole, but not 座 of 这座. The character 没 is level 1 (the 2025 list has
    # only the word 没有)
    (3, {"这", "没", "很大", "去过", "十二万", "坐火车"}, {"座", "桥", "上海", "行者", "道"}),
    # 座 is level 4: 这座 is known whole; 上海 and 行者 are words to learn at any level
    (4, {"这座", "桥", "道"}, {"上海", "行者"}),
])
@pytest.mark.parametrize("dictionary", ["cedict", None])
def test_words_outside_the_list_are_known_by_their_parts(level, known, unknown, dictionary):
    document = annotate_text("这座桥很大。他没去过上海，在那里住了十二万天。行者道：我们坐火车。",
                             dictionary=dictionary, level=level)
    by_word = {t.text: t for t in tokens(document) if t.kind == "han"}
    assert {w for w in known | unknown if by_word[w].known} == known
    if dictionary:
        assert all(by_word[w].note_ids for w in unknown) and not any(by_word[w].note_ids for w in known)
    # the profile still counts them where the list puts them: outside it
    assert by_word["没"].level is None and by_word["上海"].level is None and document.profile["outside"] >= 4


def test_the_vocabulary_lists_dictionary_words_and_readings_do_not_change():
    # jieba joins words CC-CEDICT lacks (一个人, 这本书); the learner's edition grades and glosses
    # the dictionary words they are made of, and reads every character as the plain edition does
    rows = (DATA / "tatoeba_cmn_zh.tsv").read_text(encoding="utf-8").splitlines()[1:1501]
    lines = [row.split("\t")[0] for row in rows]
    text = "\n".join(lines)
    plain, learner = annotate_text(text), annotate_text(text, dictionary="cedict", level=3)
    assert [r for t in tokens(learner) for r in t.readings] == [r for t in tokens(plain) for r in t.readings]
    assert "".join(t.text for t in tokens(learner)) == "".join(t.text for t in tokens(plain))
    assert len(tokens(learner)) > len(tokens(plain))
    headwords = cedict_senses()
    joined = [e.term for e in learner.glossary.values() if e.term not in headwords]
    # what is left whole: names (glossed by their parts) and words of the HSK list
    assert all(t.name or hsk_words("2025").get(t.text) for t in tokens(learner) if t.text in joined)
    # 这座 (座 is level 4) is 这 座, and the vocabulary has 座
    assert "这座" in {t.text for t in tokens(plain)} and "这座" not in {t.text for t in tokens(learner)}
    assert "座" in {e.term for e in learner.glossary.values()}


def test_a_traditional_source_is_cut_into_words_with_its_simplified_forms():
    document = annotate_text("這座橋很大。我們坐火車去過臺北。", dictionary="cedict", level=3)
    cut = [(t.text, t.simplified, t.readings) for t in tokens(document) if t.kind == "han"]
    assert cut[:2] == [("這", "这", ("zhè",)), ("座", None, ("zuò",))]
    # known whole at level 3: not cut
    assert ("坐火車", "坐火车", ("zuò", "huǒ", "chē")) in cut and ("去過", "去过", ("qù", "guo")) in cut
    assert [document.glossary[t.note_ids[0]].term for t in tokens(document) if t.note_ids] == ["座", "桥", "台北"]


def test_level_labels_read_as_a_reader_would_say_them():
    # a word outside the lists is "outside HSK", not "HSK outside HSK"; the 7–9 band is one level
    document = annotate_text("孙悟空抡着金箍棒。", dictionary="cedict", level=3)
    tei = write(document, "tei").decode()
    html = write(document, "html").decode()
    assert "HSK outside" not in tei and "HSK outside" not in html
    assert '<note type="level">outside HSK</note>' in tei and '<span class="zha-level">outside HSK</span>' in html
    assert re.search(r'<item n="outside">outside HSK: \d+ ', tei)
    assert re.search(r'<item n="1">HSK 1: \d+ ', tei)


@pytest.mark.parametrize("other", ["glossary.csv", "glossary.tbx"])
def test_csv_and_tbx_glossaries_give_the_same_output_as_tsv(other):
    text = (ROOT / "tests" / "golden" / "heteronym.txt").read_text(encoding="utf-8") + "数字经济和eWTP。<危险>"
    outputs = []
    for name in ("glossary.tsv", other):
        document = annotate_text(text, glossary=load_glossary(DATA / name))
        outputs.append([write(document, fmt) for fmt in ("tei", "html", "json", "vocab")])
    assert outputs[0] == outputs[1]


def test_shipped_glossary_checks_clean():
    result = subprocess.run([sys.executable, "-m", "annotate", "glossary", "check", "glossary/"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr == "annotate: 0 error(s), 0 warning(s)\n"


def test_check_reports_each_problem(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text(
        "term\tpinyin\ttraditional\tgloss\n"
        "数字\tshùzì\t\tdigit\n"
        "数字\tshùzì\t\tnumber\n"           # duplicate
        "经济\tjīngjì\t\t\n"                 # empty gloss
        "发展\tfāzhǎn zhōng\t\tdevelop\n"   # three syllables for two characters
        "头发\ttóufa\t頭發\thair\n",         # 發 where OpenCC says 髮
        encoding="utf-8")
    assert [str(p) for p in check([path])] == [
        f"{path}:3: duplicate term 数字 (first at {path}:2)",
        f"{path}:4: empty gloss for 经济",
        f"{path}:5: pinyin 'fāzhǎn zhōng' has 3 syllables but 发展 has 2 Han characters",
        f"{path}:6: traditional form 頭發 differs from OpenCC's 頭髮 (warning)",
    ]
    result = subprocess.run([sys.executable, "-m", "annotate", "glossary", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 4 and len(result.stdout.splitlines()) == 4
    assert result.stderr == "annotate: 3 error(s), 1 warning(s)\n"


def test_check_reads_tbx_and_names_its_lines(tmp_path):
    path = tmp_path / "terms.tbx"
    path.write_text((DATA / "glossary.tbx").read_text(encoding="utf-8").replace(
        "<term>bank</term>", "<term></term>"), encoding="utf-8")
    problems = [str(p) for p in check([path])]
    assert problems == [f"{path}:10: empty gloss for 银行"]
