"""Pinyin and zhuyin syllables as strings: their tones, and their spellings in each style.

A leaf module: no dictionary and no analysis, so readers, analysis and writers may all use it
(pypinyin's converters are imported where a respelling needs them).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .chars import TONE_MARKS

STYLES = ("marks", "numbers", "zhuyin")
"""How readings are spelled: tone marks (zhōng), tone numbers (zhong1) or zhuyin (ㄓㄨㄥ)."""


_ZHUYIN_TONES = {"ˊ": 2, "ˇ": 3, "ˋ": 4, "˙": 5}


def tone_of(syllable: str) -> int:
    """The tone of a reading in any style, 1–4, or 5 for the neutral tone: hàn → 4, de → 5, ㄏㄢˋ → 4."""
    last = syllable[-1]
    if last.isdigit():
        return int(last) or 5
    for char in syllable:
        if char in _ZHUYIN_TONES:
            return _ZHUYIN_TONES[char]
    if "\u3100" <= syllable[0] <= "\u312f":  # zhuyin with no mark is the first tone
        return 1
    for char in unicodedata.normalize("NFD", syllable):
        if char in TONE_MARKS:
            return TONE_MARKS[char]
    return 5


def spell(syllable: str, style: str) -> str:
    """zhōng → zhōng | zhong1 | ㄓㄨㄥ; neutral tone: de → de | de5 | ˙ㄉㄜ."""
    if style == "marks":
        return syllable
    from pypinyin.contrib.tone_convert import to_tone3
    from pypinyin.style import convert
    import pypinyin

    if style == "numbers":
        return to_tone3(syllable, v_to_u=True, neutral_tone_with_five=True)
    if style == "zhuyin":
        zhuyin = convert(syllable, pypinyin.Style.BOPOMOFO, strict=True) or syllable
        # Taiwan's convention puts the neutral-tone dot before the syllable: ˙ㄉㄜ.
        return "˙" + zhuyin[:-1] if zhuyin.endswith("˙") else zhuyin
    raise ValueError(f"unknown reading style {style!r} (choose from {', '.join(STYLES)})")


@lru_cache(maxsize=8_192)
def numbered(syllable: str) -> str:
    """zhōng → zhong1, lǜ → lu:4, de → de5: CC-CEDICT's spelling, for comparing readings."""
    tone = "5"
    letters = []
    for char in unicodedata.normalize("NFD", syllable.lower()):
        if char in TONE_MARKS:
            tone = str(TONE_MARKS[char])
        elif char == "\u0308":
            letters.append(":")
        elif char.isdigit():
            tone = "5" if char == "0" else char
        elif not unicodedata.category(char).startswith("M"):
            letters.append(char)
    return "".join(letters).replace("v", "u:").replace("ü", "u:") + tone


def tone_marks(pinyin: str) -> tuple[str, ...]:
    """Tone numbers to tone marks: CC-CEDICT's `tou2 fa5` → ("tóu", "fa"), g2pM's `lu:4` → ("lǜ",)."""
    from pypinyin.contrib.tone_convert import to_tone

    return tuple(unicodedata.normalize("NFC", to_tone(s.lower().replace("u:", "v").replace("5", ""))).replace("v", "ü")
                 for s in pinyin.split())
