"""pypinyin alone: each word's readings as pypinyin gives them, before any correction.

The analysis (readings) corrects these; the dictionary's tables are built by comparing them with
CC-CEDICT's. Neither depends on the other through this module.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .chars import HAN, HAN_RUN

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
    """Each word's readings and their sources (`phrase` for a piece pypinyin's phrase table
    has, `default` for a character's usual reading), None for a character without one."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

    splitter = _phrase_splitter()
    whole = RE_HANS.fullmatch  # pypinyin converts a piece it takes as one run of Han characters
    converted = []
    for word in words:
        readings: list[str | None] = []
        sources: list[str | None] = []
        for run in _runs(word):
            if not HAN_RUN.match(run):
                readings += [None] * len(run)
                sources += [None] * len(run)
                continue
            for piece in splitter.seg(run):
                # what pypinyin.pinyin gives a piece, from its tables directly (its converter's
                # hooks and styles do nothing to tone marks: tests/test_readings.py compares
                # the two over its tables); anything else is asked of pypinyin itself
                syllables = None
                if len(piece) > 1:
                    phrase = PHRASES_DICT.get(piece)
                    if phrase is not None and len(phrase) == len(piece) and whole(piece):
                        syllables = [options[0] for options in phrase]
                else:
                    value = PINYIN_DICT.get(ord(piece))
                    if value is not None and whole(piece):
                        syllables = [value.split(",", 1)[0]]
                if syllables is None:
                    syllables = _asked(piece)
                kind = "phrase" if len(piece) > 1 else "default"
                for char, syllable in zip(piece, syllables):
                    if syllable:
                        readings.append(ORIGINAL_TONES.get(char) or _nfc(syllable))
                        sources.append(kind)
                    else:
                        readings.append(None)
                        sources.append(None)
        converted.append((tuple(readings), tuple(sources)))
    return converted


_RUNS = re.compile(f"{HAN_RUN.pattern}|[^{HAN}]+")


def _runs(word: str) -> list[str]:
    """The word's Han runs and the text between them, in order."""
    return _RUNS.findall(word)


def _asked(piece: str) -> list[str | None]:
    """pypinyin's own answer for a piece: one syllable per character, or None for each."""
    import pypinyin

    got = pypinyin.pinyin([piece], style=pypinyin.Style.TONE, errors=_no_reading)
    if len(got) != len(piece):
        return [None] * len(piece)
    return [item[0] if item else None for item in got]


@lru_cache(maxsize=4_096)
def _nfc(syllable: str) -> str:
    return unicodedata.normalize("NFC", syllable)
