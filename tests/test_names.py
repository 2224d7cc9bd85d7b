"""Proper nouns are marked in the model and spelled per GB/T 16159 at word level."""
from __future__ import annotations

import json

import pytest

from annotate import annotate_text, write
from annotate.names import spell_word


def _tokens(text, **options):
    return {t.text: t for b in annotate_text(text, **options).blocks() for t in b.tokens if t.kind == "han"}


def test_places_people_and_organisations_are_marked():
    tokens = _tokens("阿里云智能总裁张建锋说，宁波和西安都是好城市，北京大学在北京。")
    assert tokens["宁波"].name == "place" and tokens["西安"].name == "place" and tokens["北京"].name == "place"
    assert tokens["张建锋"].name == "person"
    assert tokens["北京大学"].name == "organisation"


@pytest.mark.parametrize("word", ["城市", "东西", "明白", "小姐", "文明", "武功", "崇拜"])
def test_words_jieba_tags_as_names_but_are_not(word):
    # jieba's dictionary tags these ns/nr/nrt; CC-CEDICT writes them in lower case
    tokens = _tokens(f"我说{word}了。")
    assert word in tokens and tokens[word].name is None


@pytest.mark.parametrize("readings, name, text, spelled", [
    (("shù", "zì"), None, "数字", "shùzì"),
    (("Níng", "bō"), "place", "宁波", "Níngbō"),
    (("níng", "bō"), "place", "宁波", "Níngbō"),
    (("xī", "ān"), "place", "西安", "Xī'ān"),
    (("zhāng", "jiàn", "fēng"), "person", "张建锋", "Zhāng Jiànfēng"),
    (("ōu", "yáng", "xiū"), "person", "欧阳修", "Ōuyáng Xiū"),
    (("tiān", "ān", "mén"), "place", "天安门", "Tiān'ānmén"),
    (("pí", "ǎo"), None, "皮袄", "pí'ǎo"),
    (("yín", "zhōu", "qū"), "place", "鄞州区", "Yínzhōu Qū"),  # generic part apart (§6.2)
    (("guó", "jì", "mào", "yì", "zhōng", "xīn"), "organisation", "国际贸易中心", "Guójì Màoyì Zhōngxīn"),
    (("ā", "lǐ", "bā", "bā", "jí", "tuán"), "name", "阿里巴巴集团", "Ālǐbābā Jítuán"),
    (("hǎi", "kāng", "wēi", "shì"), "name", "海康威视", "Hǎikāngwēishì"),
    ((None, "duān"), "name", "C端", "C duān"),
    ((None, None, "nián"), None, "20年", "20 nián"),
])
def test_word_spelling(readings, name, text, spelled):
    assert spell_word(readings, name, text) == spelled


def test_json_spells_words_and_capitalize_names_changes_only_the_ruby_case():
    plain = json.loads(write(annotate_text("我去西安，总裁张建锋也去。"), "json"))
    tokens = {t["text"]: t for s in plain["sections"] for b in s["blocks"] for t in b["tokens"]}
    assert tokens["西安"]["word"] == "Xī'ān" and tokens["西安"]["readings"] == ["xī", "ān"]
    assert tokens["张建锋"]["word"] == "Zhāng Jiànfēng" and tokens["张建锋"]["name"] == "person"
    capital = _tokens("我去西安，总裁张建锋也去。", capitalize_names=True)
    assert capital["西安"].readings == ("Xī", "ān")
    assert capital["张建锋"].readings == ("Zhāng", "Jiàn", "fēng")
    assert _tokens("我去西安。", capitalize_names=True, reading="numbers")["西安"].readings == ("Xi1", "an1")


def test_dictionary_appendix_spells_names_as_words():
    document = annotate_text("他住在西安。", dictionary="cedict")
    entries = {e.term: e for e in document.glossary.values()}
    assert entries["西安"].written_pinyin == "Xī'ān"


def test_joined_glossary_pinyin_splits_as_the_apostrophe_rule_implies():
    from annotate.syllables import parse_pinyin

    assert parse_pinyin("Pāngāng", "攀钢", "x") == ("pān", "gāng")  # not pāng + āng
    assert parse_pinyin("Xī'ān", "西安", "x") == ("xī", "ān")
