"""Proper nouns: which words are names, and how a word's pinyin is spelled (GB/T 16159-2012).

A word is a name when CC-CEDICT writes every one of its entries with a capital (宁波 Níngbō,
阿里巴巴), or, for words CC-CEDICT lacks, when jieba's dictionary tags it as a person, place or
organisation (鄞州区, 令狐冲). jieba's tags alone are too loose to trust: they call 城市 and 东西
places and 明白 a person. A word jieba found by itself (not in any dictionary) of two or three
characters that starts with a common surname is taken as a person's name (张建锋). A glossary
term whose pinyin is written with a capital is a name too.
"""
from __future__ import annotations

import os
from functools import lru_cache

from .chars import HAN_RUN, LATIN_RUN
from .model import Block

KINDS = {"nr": "person", "nrfg": "person", "nrt": "name", "ns": "place", "nt": "organisation", "nz": "name"}
"""jieba's tags; `nrt` (transliterated names: 布什, 阿里) is spelled as one word, without a surname apart."""
AMBIGUOUS_SURNAMES = frozenset("曾于向万任石白金高龙方江马田常史毛文")
"""Surnames that are also common words: a two-character word jieba made up starting with one
(曾举, 向前) is not taken for a name."""
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
SURNAME_READINGS = {"曾": "zēng", "单": "shàn", "查": "zhā", "仇": "qiú", "区": "ōu", "朴": "piáo", "盖": "gě",
                    "解": "xiè", "任": "rén", "华": "huà", "纪": "jǐ", "缪": "miào", "翟": "zhái", "覃": "qín",
                    "卜": "bǔ", "召": "shào", "肖": "xiāo", "葛": "gě", "种": "chóng"}
"""Surnames read otherwise than the character's usual reading, as CC-CEDICT's "surname" entries
and 现代汉语词典 give them (单 Shàn, 解 Xiè, 仇 Qiú, 查 Zhā, 种 Chóng): for the rules after 姓 and
the names after a person's role (readings)."""
COMPOUND_SURNAMES = frozenset({"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙",
                               "夏侯", "长孙", "宇文", "司徒", "端木", "独孤", "南宫", "西门"})
VOWEL_START = "aoeāáǎàōóǒòēéěè"


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """Word → kind (person, place, organisation, name), built once and cached beside CC-CEDICT's."""
    from importlib.metadata import version

    from .dictionary import _cached

    # jieba's version from its metadata: importing jieba costs 0.1 s a run (it loads pkg_resources)
    return _cached(f"names6-jieba{version('jieba')}", _build_names)


def _build_names() -> dict[str, str]:
    import jieba

    from .dictionary import cedict

    entries = cedict()
    found: dict[str, str] = {}
    tagged: set[str] = set()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as lines:
        for line in lines:
            word, _, tag = line.split()
            tagged.add(word)
            kind = KINDS.get(tag)
            if kind is None or len(word) < 2 or not HAN_RUN.fullmatch(word):
                continue
            if word in entries:
                if all(p[:1].isupper() for p, _, _ in entries[word]):
                    found[word] = kind if kind != "person" or word[0] in SURNAMES else "name"
            elif _doubled_verb(word, entries):
                continue  # 比比, 抽抽: a verb said twice (我们来比比谁跑得快), not a name
            elif kind != "person" or word[0] in SURNAMES or word[:2] in COMPOUND_SURNAMES:
                found[word] = kind  # jieba's person tag alone also covers 智能化 and 支付宝
    for word, word_entries in entries.items():
        if len(word) > 1 and word not in found and word not in tagged and HAN_RUN.fullmatch(word) and all(
                p[:1].isupper() for p, _, _ in word_entries):
            found[word] = "name"  # CC-CEDICT capitalises 互联网 (the Internet): jieba calls it a noun
        elif 2 <= len(word) <= 3 and word[0] in SURNAMES and word not in found:
            found[word] = ""  # a word, not a name: 张开 is not a Mr Zhang (CC-CEDICT is not loaded per run)
    return found


def _doubled_verb(word: str, entries: dict) -> bool:
    """Whether the word is a character said twice that CC-CEDICT reads, in one of its readings,
    first as a verb ("to …": 比 "to compare", 抽 "to draw out"); jieba tags 比比 and 抽抽 as names, and keeps
    丽丽, 丹丹 and 娜娜, which are."""
    if len(word) != 2 or word[0] != word[1]:
        return False
    return any(gloss.split("/")[0].startswith("to ") for pinyin, _, gloss in entries.get(word[0], ())
               if not pinyin[:1].isupper())


def add_names(block: Block, glossary=None) -> None:
    """Mark the tokens that are names of people, places or organisations."""
    from .segment import in_dictionary

    known = names()
    for token in block.tokens:
        if token.kind != "han":
            continue
        word = token.simplified or token.text
        kind = known.get(word)
        if kind is None and 2 <= len(word) <= 3 and word[0] in SURNAMES and not in_dictionary(word) \
                and word[:2] not in COMPOUND_SURNAMES and not (len(word) == 2 and word[0] in AMBIGUOUS_SURNAMES):
            kind = "person"
        if kind is None and glossary is not None and token.note_ids:
            entry = glossary.by_id(token.note_ids[0]) if token.note_ids[0].startswith("gl-") else None
            if entry is not None and _written_with_capital(entry):
                kind = "name"
        token.name = kind or None


def _written_with_capital(entry) -> bool:
    """Whether a glossary entry's pinyin starts with a capital (Kǒubēi), Latin letters of the term aside (C duān)."""
    from .syllables import SEPARATORS

    latin = {run.lower() for run in LATIN_RUN.findall(entry.term)}
    for chunk in SEPARATORS.split(entry.written_pinyin or ""):
        if chunk and chunk.lower() not in latin:
            return chunk[:1].isupper()
    return False


def spell_token(token) -> str | None:
    """A Han word's final readings spelled as a word (spell_word, cached per distinct word);
    None for anything else, and for a word whose readings were not decided."""
    if token.kind != "han" or not token.sources:
        return None
    return spell_word(token.written or token.readings, token.name, token.simplified or token.text)


@lru_cache(maxsize=16_384)
def spell_word(readings: tuple, name: str | None = None, text: str = "") -> str:
    """A word's pinyin as one word (GB/T 16159): syllables joined, an apostrophe before a
    syllable that starts with a, o or e (Xī'ān), names capitalised, a person's surname apart,
    and a longer name split into its words (鄞州区 → Yínzhōu Qū): 数字 → shùzì, 宁波 → Níngbō,
    张建锋 → Zhāng Jiànfēng, 欧阳修 → Ōuyáng Xiū. Latin letters stay as they are (C端 → C duān).
    Cached: the JSON and every document's dictionary entries ask for the same words again."""
    units: list[str] = []  # a syllable per Han character, or a run of letters and digits
    literal: list[bool] = []
    for i, reading in enumerate(readings):
        char = text[i] if i < len(text) else ""
        if reading:
            units.append(reading)
            literal.append(False)
        elif char.isalnum():
            if literal and literal[-1] and not readings[i - 1]:
                units[-1] += char
            else:
                units.append(char)
                literal.append(True)
    if not units:
        return ""
    sizes = [len(units)]
    if name == "person" and len(units) > 1:
        cut = _surname_length(text, len(units))
        sizes = [cut, len(units) - cut]
    elif name and len(text) > 2 and len(units) == len(text):
        sizes = _name_parts(text, name)
    words, start = [], 0
    for size in sizes:
        spelled = ""
        for k in range(start, start + size):
            unit = units[k]
            if spelled and (literal[k] or literal[k - 1]):
                spelled += " "  # letters or digits beside pinyin: C duān, 20 nián
            elif spelled and unit[:1].lower() in VOWEL_START:
                spelled += "'"
            spelled += unit
        start += size
        words.append(_capital(spelled) if name else spelled)
    return " ".join(words)


def _surname_length(word: str, syllables: int) -> int:
    """How many of a person's name's syllables are the surname: 欧阳修 → 2, 张建锋 → 1."""
    return 2 if word[:2] in COMPOUND_SURNAMES and syllables > 2 else 1


def _capital(syllable: str) -> str:
    return syllable[:1].upper() + syllable[1:]


GENERIC_PLACE = frozenset("省市县区镇乡村街路山河江湖海岛港桥")
"""A place name's generic part, written apart (鄞州区 Yínzhōu Qū, 长江 Cháng Jiāng): GB/T 16159 §6.2."""


def _name_parts(text: str, name: str) -> list[int]:
    """Lengths of the words a longer name is written as: 阿里巴巴集团 → 4 + 2 (Ālǐbābā Jítuán)."""
    from .segment import in_dictionary

    if name == "place" and text[-1] in GENERIC_PLACE:
        return [len(text) - 1, 1]
    if len(text) < 4:
        return [len(text)]
    sizes, i = [], 0
    while i < len(text):
        for j in range(len(text) if i else len(text) - 1, i, -1):  # the whole name is not one of its parts
            if j - i == 1 or in_dictionary(text[i:j]):
                sizes.append(j - i)
                i = j
                break
    if 1 in sizes[:-1]:  # 海康 + 威 + 视: a brand, not words; written as one
        return [len(text)]
    parts, start = [], 0
    for size in sizes:  # 国际贸易 + 中心 → 国际 + 贸易 + 中心, but 阿里巴巴 stays whole
        piece = text[start:start + size]
        parts.extend(_name_parts(piece, "organisation") if size >= 4 and not names().get(piece) else [size])
        start += size
    return parts


def capitalize_names(block: Block) -> None:
    """--capitalize-names: the first syllable of each name in the ruby, and of a person's given name."""
    for token in block.tokens:
        if token.name and token.readings and token.readings[0]:
            readings = list(token.readings)
            readings[0] = _capital(readings[0])
            if token.name == "person" and len(readings) > 1:
                cut = _surname_length(token.simplified or token.text, len(readings))
                if readings[cut]:
                    readings[cut] = _capital(readings[cut])
            token.readings = tuple(readings)
