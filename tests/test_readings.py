"""Readings: one syllable per Han character, dictionary tones, styles, glossary overrides."""
from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from annotate import annotate_text
from annotate.glossary import load

DATA = Path(__file__).parent / "data"


def readings(text, **options):
    document = annotate_text(text, **options)
    return [r for block in document.blocks() for t in block.tokens for r in t.readings if r is not None]


@pytest.mark.parametrize("text, expected", [
    ("银行", ["yín", "háng"]),
    ("行业", ["háng", "yè"]),
    ("重庆市", ["chóng", "qìng", "shì"]),  # jieba keeps 重庆市 whole; the re-split finds 重庆
    ("我们", ["wǒ", "men"]),
    ("一个", ["yī", "gè"]),  # GB/T 16159: 一 keeps its own tone
    ("不是", ["bù", "shì"]),  # and so does 不
    ("一样不对", ["yī", "yàng", "bù", "duì"]),
    ("长城", ["cháng", "chéng"]),
    ("校长", ["xiào", "zhǎng"]),
    ("音乐", ["yīn", "yuè"]),
    ("快乐", ["kuài", "lè"]),
    ("女儿", ["nǚ", "ér"]),
])
def test_dictionary_readings(text, expected):
    assert readings(text) == expected


def test_one_reading_per_character_and_none_elsewhere():
    document = annotate_text("用B2B平台，好。")
    for block in document.blocks():
        for token in block.tokens:
            assert len(token.readings) == len(token.text)
            assert all((r is None) != ("\u4e00" <= c <= "\u9fff") for c, r in zip(token.text, token.readings))


def test_tone_marks_are_nfc():
    import unicodedata

    for syllable in readings("绿色的女人"):
        assert unicodedata.is_normalized("NFC", syllable)


@pytest.mark.parametrize("style, expected", [
    ("marks", ["nǚ", "ér", "men", "lǜ"]),
    ("numbers", ["nü3", "er2", "men5", "lü4"]),
    ("zhuyin", ["ㄋㄩˇ", "ㄦˊ", "˙ㄇㄣ", "ㄌㄩˋ"]),
])
def test_reading_styles(style, expected):
    assert readings("女儿们绿", reading=style) == expected


def test_glossary_pinyin_overrides_the_analysis(tmp_path):
    (tmp_path / "g.tsv").write_text("term\tgloss\tpinyin\n银行\tbank (a deliberately odd reading)\tyínxíng\n",
                                    encoding="utf-8")
    assert readings("银行") == ["yín", "háng"]
    assert readings("银行", glossary=load([tmp_path / "g.tsv"])) == ["yín", "xíng"]


@pytest.mark.parametrize("text, expected", [
    ("框架", ["kuàng", "jià"]),  # pypinyin: kuāng
    ("颇为", ["pō", "wéi"]),  # pypinyin: pǒ wèi
    ("缘分", ["yuán", "fèn"]),  # pypinyin: fēn
    ("头发", ["tóu", "fa"]),  # pypinyin: fà; the dictionary has the neutral tone
])
def test_cedict_corrects_words_it_reads_one_way_only(text, expected):
    import pypinyin

    assert [x[0] for x in pypinyin.pinyin(text)] != expected
    assert readings(text) == expected


def test_readings_survive_the_cache_being_emptied(monkeypatch):
    from annotate import readings as module

    monkeypatch.setattr(module, "CACHE_LIMIT", 3)
    text = "银行在行业里。\n我们学习汉语。\n银行和我们的汉语。\n" * 3
    assert readings(text) == readings(text.replace("\n", "")) and len(readings(text)) == 60


@pytest.mark.parametrize("text, word, expected", [
    ("以宁波为基地发展。", "为", ("wéi",)),
    ("不只是以阿里为中心。", "为", ("wéi",)),
    ("以网易、海康威视等为代表的产业。", "为", ("wéi",)),  # an enumeration comma does not end the clause
    ("我们为人民服务。", "为", ("wèi",)),  # no 以: "for"
    ("以后，我们为你准备。", "为", ("wèi",)),  # 以后 is not the preposition 以
    ("他以为你走了。", "以为", ("yǐ", "wéi")),
    ("以前，他为大家做饭。", "为", ("wèi",)),
    ("或将令宁波的产业更健全。", "将令", ("jiāng", "lìng")),
    ("军中将令如山。", "将令", ("jiàng", "lìng")),  # a military order stays one
])
def test_context_rules(text, word, expected):
    document = annotate_text(text)
    found = [t.readings for b in document.blocks() for t in b.tokens if t.text == word]
    assert found and found[0] == expected


def test_readings_from_pypinyins_tables_are_what_pypinyin_gives():
    """plain._convert_plain reads a piece's syllables from pypinyin's tables directly rather than
    through pypinyin.pinyin: for every character and every phrase it knows, the two must agree."""
    import pypinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    from annotate.chars import HAN_RUN
    from annotate.plain import ORIGINAL_TONES, _convert_plain

    def expected(word):
        got = pypinyin.pinyin(word, style=pypinyin.Style.TONE, errors=lambda chars: [None] * len(chars))
        assert len(got) == len(word)
        return tuple(ORIGINAL_TONES.get(c) or (unicodedata.normalize("NFC", r[0]) if r[0] else None)
                     for c, r in zip(word, got))

    # what the analysis asks about: runs of Han characters (not pypinyin's private-use ones)
    singles = [chr(point) for point in sorted(PINYIN_DICT) if HAN_RUN.fullmatch(chr(point))]
    phrases = [phrase for phrase in sorted(PHRASES_DICT) if HAN_RUN.fullmatch(phrase)]
    assert len(singles) > 20_000 and len(phrases) > 40_000
    converted = _convert_plain(singles + phrases)
    wrong = [(word, readings) for word, (readings, _) in zip(singles + phrases, converted)
             if readings != expected(word)]
    assert wrong == []


def test_pypinyins_phrase_table_from_the_cache_reads_as_its_own(tmp_path):
    """plain.load_pypinyin gives pypinyin its phrase table from a cache (made on the first run):
    in a fresh process that builds the cache, in one that loads it, and in one where pypinyin
    was imported first (its own JSON), the table, its segmenter's prefixes and the readings of a
    text are the same."""
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "if sys.argv[1] == 'own':\n"
        "    import pypinyin\n"
        "from annotate import annotate_text\n"
        "from annotate import plain\n"
        "document = annotate_text('重庆市的银行行长说，一个人不是只会长大。')\n"
        "from pypinyin.constants import PHRASES_DICT\n"
        "words = [[t.text, list(t.readings)] for b in document.blocks() for t in b.tokens]\n"
        "table = sorted((k, [r[0] for r in v]) for k, v in PHRASES_DICT.items())\n"
        "from pypinyin.seg import mmseg\n"
        "prefixes = sorted(mmseg.seg._prefix_set._set)  # what its segmenter matches against\n"
        "print(json.dumps([plain._table_from_cache, len(table), hash(str(table)), words,\n"
        "                  len(prefixes), hash(str(prefixes))], ensure_ascii=False))\n"
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONHASHSEED": "0"}
    results = [json.loads(subprocess.run([sys.executable, "-c", script, mode], env=environment, check=True,
                                         capture_output=True, text=True).stdout)
               for mode in ("build", "load", "own")]
    assert list((tmp_path / "zh-annotate").glob("pypinyin-phrases-*.marshal"))
    assert [r[0] for r in results] == [True, True, False]
    assert results[0][1] > 40_000
    assert results[0][1:] == results[1][1:] == results[2][1:]
