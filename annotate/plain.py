"""pypinyin alone: each word's readings as pypinyin gives them, before any correction.

The analysis (readings) corrects these; the dictionary's tables are built by comparing them with
CC-CEDICT's. Neither depends on the other through this module.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .chars import HAN_RUN

Readings = tuple[str | None, ...]
Sources = tuple[str | None, ...]

# pypinyin's phrase dictionary writes the spoken tones of 一 and 不 (一个 yí gè, 不是 bú shì);
# the spelling standard writes their own tones.
ORIGINAL_TONES = {"一": "yī", "不": "bù"}


@lru_cache(maxsize=1)
def _phrase_splitter():
    from pypinyin.core import Pinyin

    _share_phrase_syllables()
    return Pinyin()


def _share_phrase_syllables() -> None:
    """pypinyin's phrase table, with one list object per distinct syllable instead of one per use.

    The table is parsed from JSON, which makes a new list and string for every syllable of every
    phrase: about 16 MB per process. pypinyin deep-copies a phrase's
    readings before it touches them, so sharing them changes no result."""
    from pypinyin import constants, phrases_dict

    shared: dict[str, list[str]] = {}
    for table in {id(t): t for t in (constants.PHRASES_DICT, phrases_dict.phrases_dict)}.values():
        for phrase, readings in table.items():
            table[phrase] = [shared.setdefault(r[0], [r[0]]) if len(r) == 1 else r for r in readings]


def _no_reading(chars: str):
    return [None] * len(chars)


def convert_plain(words: list[str]) -> list[Readings]:
    """pypinyin alone: each word re-split by its phrase segmenter (重庆市 → 重庆 + 市)."""
    return [readings for readings, _ in _convert_plain(words)]


def _convert_plain(words: list[str]) -> list[tuple[Readings, Sources]]:
    import pypinyin

    splitter = _phrase_splitter()
    pieces = [[piece for run in HAN_RUN.findall(word) for piece in splitter.seg(run)] for word in words]
    flat = [piece for word_pieces in pieces for piece in word_pieces]
    result = pypinyin.pinyin(flat, style=pypinyin.Style.TONE, errors=_no_reading) if flat else []
    if len(result) != sum(len(piece) for piece in flat):  # a character pypinyin skipped
        result = []
        for piece in flat:
            got = pypinyin.pinyin(piece, style=pypinyin.Style.TONE, errors=_no_reading)
            result.extend(got if len(got) == len(piece) else [[None]] * len(piece))
    syllables = iter(result)
    kinds = iter(["phrase" if len(piece) > 1 else "default" for piece in flat for _ in piece])
    converted = []
    for word in words:
        readings: list[str | None] = []
        sources: list[str | None] = []
        for char in word:
            if not HAN_RUN.match(char):
                readings.append(None)
                sources.append(None)
                continue
            item = next(syllables)
            kind = next(kinds)
            syllable = unicodedata.normalize("NFC", item[0]) if item and item[0] else None
            readings.append(ORIGINAL_TONES.get(char, syllable) if syllable else None)
            sources.append(kind if syllable else None)
        converted.append((tuple(readings), tuple(sources)))
    return converted
