"""Pinyin and zhuyin syllables as strings: their tones, and their spellings in each style.

A leaf module: no dictionary and no analysis, so readers, analysis and writers may all use it
(pypinyin's converters are imported where a respelling needs them).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .chars import LATIN_RUN, TONE_MARKS, is_han
from .errors import GlossaryError

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


# ------------------------------------------------------------------ written pinyin

SEPARATORS = re.compile(r"[\s'’\-·]+")
"""What may separate the syllables of written pinyin: spaces, apostrophes (Xī'ān), hyphens, dots."""
NUMBERED_SYLLABLE = re.compile(r"([a-zü:v]+)([0-5])")


@lru_cache(maxsize=1)
def toneless_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows, with ü as v, plus erhua `r`."""
    from pypinyin.constants import PINYIN_DICT

    distinct = {syllable for value in PINYIN_DICT.values() for syllable in value.split(",")}
    return frozenset({"r", *map(toneless, distinct)})  # 1,549 syllables in 41,923 entries: each once


def toneless(syllable: str) -> str:
    """lǜ → lv, zhōng → zhong: one output character per input character."""
    out = []
    for char in unicodedata.normalize("NFC", syllable.lower()):
        base = unicodedata.normalize("NFD", char)
        out.append("v" if char in "üǖǘǚǜ" else base[0])
    return "".join(out)


def parse_pinyin(written: str, term: str, where: str) -> tuple[str | None, ...]:
    """Glossary pinyin → one syllable per character of `term` (None for non-Han characters).

    Accepts tone marks or numbers, syllables joined (shùzì) or separated by spaces,
    apostrophes or hyphens (Xī'ān): 数字经济 + "shùzì jīngjì" → (shù, zì, jīng, jì).
    """
    from pypinyin.contrib.tone_convert import to_tone

    found: list[str] = []
    latin_in_term = {run.lower() for run in LATIN_RUN.findall(term)}
    for chunk in SEPARATORS.split(unicodedata.normalize("NFC", written).strip()):
        lower = chunk.lower()
        if not chunk or lower in latin_in_term:  # C端 → "C duān": the letter stands for itself
            continue
        if any(c.isdigit() for c in lower):
            pieces = NUMBERED_SYLLABLE.findall(lower.replace("u:", "ü"))
            if "".join(a + b for a, b in pieces) != lower.replace("u:", "ü"):
                raise GlossaryError(f"{where}: cannot read pinyin '{written}' (mixes numbers and letters oddly)")
            found.extend(to_tone(a.replace("v", "ü") + b) for a, b in pieces)
        else:
            split = _split_syllables(lower)
            if split is None:
                raise GlossaryError(f"{where}: '{chunk}' in pinyin '{written}' is not pinyin")
            found.extend(split)
    han = [c for c in term if is_han(c)]
    if len(found) != len(han):
        raise GlossaryError(
            f"{where}: pinyin '{written}' has {len(found)} syllables but {term} has {len(han)} Han characters"
        )
    syllable_iter = iter(found)
    return tuple(unicodedata.normalize("NFC", next(syllable_iter).lower()) if is_han(c) else None for c in term)


def _split_syllables(chunk: str) -> list[str] | None:
    """Split joined pinyin (shùzì) into syllables, preferring the longest first syllable.

    Joined pinyin puts an apostrophe before a syllable that starts with a, o or e (Xī'ān), so
    without one no later syllable starts with a vowel: Pāngāng is Pān gāng, not Pāng āng.
    Where that reading fails (an apostrophe left out before a longer syllable) the split may
    start a later syllable with a vowel, as a last resort."""
    plain = toneless(chunk)
    known = toneless_syllables()

    def split(strict: bool):
        @lru_cache(maxsize=None)
        def split_from(i: int) -> tuple[int, ...] | None:
            if i == len(plain):
                return ()
            for j in range(min(len(plain), i + 6), i, -1):
                if plain[i:j] in known and not (strict and i and plain[i] in "aoe"):
                    rest = split_from(j)
                    if rest is not None:
                        return (j, *rest)
            return None

        return split_from(0)

    ends = split(strict=True)
    if ends is None:
        ends = split(strict=False)
    if ends is None:
        return None
    pieces, start = [], 0
    for end in ends:
        pieces.append(chunk[start:end])
        start = end
    return pieces
