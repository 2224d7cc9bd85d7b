"""Readings of polyphones in context: a table of our own sentences (tests/data/polyphones.tsv).

Each row marks one character with brackets and gives the reading 现代汉语词典 gives it there,
neutral tones included. The table covers the classes issue 3 names: function words (地 为 得 还
长 了 着 …), surnames and places (曾 单 查 重庆), a phrase-matching artefact (递交了结案), neutral
tones (们, 例子, 东西, 地方), 一 and 不 in their original tones, and erhua.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotate import annotate_text

TABLE = Path(__file__).parent / "data" / "polyphones.tsv"


def _cases():
    for n, line in enumerate(TABLE.read_text("utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        kind, marked, reading = line.split("\t")
        match = re.search(r"\[(.)\]", marked)
        sentence = marked.replace("[", "").replace("]", "")
        yield pytest.param(sentence, match.start(), reading, id=f"{n}-{kind}-{marked}")


CASES = list(_cases())


def test_the_table_is_large_enough():
    assert len(CASES) >= 150


@pytest.mark.parametrize("sentence, index, expected", CASES)
def test_reading_in_context(sentence, index, expected):
    document = annotate_text(sentence)
    readings = [r for block in document.blocks() for token in block.tokens for r in token.readings]
    assert readings[index] is not None and readings[index].lower() == expected, \
        f"{sentence[:index]}[{sentence[index]}]{sentence[index + 1:]}: {readings[index]} (want {expected})"


SANDHI = [
    # sentence, written, spoken (一 and 不 only; third-tone sandhi is never written)
    ("一个人", "yī gè rén", "yí gè rén"),
    ("一天", "yī tiān", "yì tiān"),
    ("一起去", "yī qǐ qù", "yì qǐ qù"),
    ("一年", "yī nián", "yì nián"),
    ("不是", "bù shì", "bú shì"),
    ("不好", "bù hǎo", "bù hǎo"),
    ("不去", "bù qù", "bú qù"),
    ("第一名", "dì yī míng", "dì yī míng"),
    ("十一个", "shí yī gè", "shí yī gè"),
    ("一九九八年", "yī jiǔ jiǔ bā nián", "yī jiǔ jiǔ bā nián"),
    ("统一思想", "tǒng yī sī xiǎng", "tǒng yī sī xiǎng"),
    ("看一看", "kàn yi kàn", "kàn yi kàn"),  # 一 inside a doubled verb is neutral, written too
    ("你好", "nǐ hǎo", "nǐ hǎo"),
]


@pytest.mark.parametrize("text, written, spoken", SANDHI)
def test_tone_sandhi_of_yi_and_bu(text, written, spoken):
    def shown(**options):
        document = annotate_text(text, **options)
        return " ".join(r for b in document.blocks() for t in b.tokens for r in t.readings if r)

    assert shown() == written
    assert shown(tone_sandhi=True) == spoken


def test_json_always_carries_written_and_spoken():
    import json

    from annotate import write

    for sandhi in (False, True):
        document = json.loads(write(annotate_text("我不是一个人。", tone_sandhi=sandhi), "json"))
        tokens = {t["text"]: t for s in document["sections"] for b in s["blocks"] for t in b["tokens"]}
        assert tokens["不是"]["written"] == ["bù", "shì"] and tokens["不是"]["spoken"] == ["bú", "shì"]
        assert tokens["一个"]["written"] == ["yī", "gè"] and tokens["一个"]["spoken"] == ["yí", "gè"]
        assert tokens["不是"]["readings"] == (["bú", "shì"] if sandhi else ["bù", "shì"])
        assert document["settings"]["tone_sandhi"] is sandhi


def test_every_reading_says_how_it_was_decided():
    document = annotate_text("以杭州为例，他慢慢地走了。这个东西很长。")
    for token in (t for b in document.blocks() for t in b.tokens if t.kind == "han"):
        assert len(token.sources) == len(token.text)
        assert all(s in {"glossary", "override", "rule", "phrase", "cedict", "model", "default"} for s in token.sources)
    sources = {t.text: t.sources for b in document.blocks() for t in b.tokens}
    assert sources["为例"] == ("cedict", "cedict")  # CC-CEDICT reads 为例 wéilì, pypinyin wèilì
    assert sources["慢慢"] == ("default", "default")
    # CC-CEDICT lists 东西 twice; its usual reading, dōngxi, is the dictionary's
    assert sources["东西"] == ("cedict", "cedict") and sources["很长"][1] == "rule"
    assert [s for b in document.blocks() for t in b.tokens if t.text.startswith("地") for s in t.sources][0] == "rule"


@pytest.mark.parametrize("fmt", ["tei", "html", "json"])
def test_one_word_read_two_ways_in_one_document_keeps_both(fmt):
    """Writers memoise markup per word; the reading must be part of the key (还 hái / huán)."""
    from annotate import write

    data = write(annotate_text("他还在睡觉。我明天还你钱。他还没来。"), fmt).decode("utf-8")
    assert "hái" in data and "huán" in data


def test_tei_header_says_which_tones_the_ruby_shows(assert_valid_tei):
    from annotate import write

    for sandhi, phrase in ((False, "keep their original tones"), (True, "in their spoken tones")):
        data = write(annotate_text("我不是一个人。", tone_sandhi=sandhi, capitalize_names=True), "tei")
        assert phrase.encode() in data and b"names are capitalised" in data
        assert_valid_tei(data)


def test_the_model_overrules_a_cedict_word_only_for_another_syllable():
    """CC-CEDICT reads 穿着 chuān zhuó (attire); in 他们都穿着制服 it is the verb and its aspect
    particle, which the model reads zhe with more than 0.99 confidence: another syllable, so it
    overrules the dictionary. Such targets are the only CC-CEDICT ones the model is asked about
    (readings._open): for 相 (xiāng or xiàng) or 正 (zhèng or zhēng) in a CC-CEDICT word it could
    only change a tone, which it may not, so it is not asked."""
    document = annotate_text("他们都穿着制服。")
    worn = next(t for b in document.blocks() for t in b.tokens if t.text == "穿着")
    assert worn.readings == ("chuān", "zhe") and worn.sources == ("cedict", "model")
    assert worn.confidence[1] >= 0.99
