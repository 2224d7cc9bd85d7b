"""pypinyin alone: each word's readings as pypinyin gives them, before any correction.

The analysis (readings) corrects these; the dictionary's tables are built by comparing them with
CC-CEDICT's. Neither depends on the other through this module.
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

from .chars import HAN, HAN_RUN

Readings = tuple[str | None, ...]
Sources = tuple[str | None, ...]

# pypinyin's phrase dictionary writes the spoken tones of 一 and 不 (一个 yí gè, 不是 bú shì);
# the spelling standard writes their own tones.
ORIGINAL_TONES = {"一": "yī", "不": "bù"}


@lru_cache(maxsize=1)
def _phrase_splitter():
    load_pypinyin()
    from pypinyin.core import Pinyin

    if not _table_from_cache:
        _share_phrase_syllables()
    return Pinyin()


_table_from_cache = False


def load_pypinyin() -> None:
    """Import pypinyin with its phrase table from our cache, where pypinyin has not been imported
    yet: it parses the table from JSON at import (0.08 s), making a list and a string for every
    syllable of every phrase, which `_share_phrase_syllables` then merges (0.16 s, 16 MB saved).
    The cache holds the merged table (marshal keeps the sharing) and loads in 0.07 s. pypinyin is
    told through its own switches: PYPINYIN_NO_PHRASES during the import, then what
    load_phrases_dict does (`_load_phrases`)."""
    global _table_from_cache
    if "pypinyin" in sys.modules or os.environ.get("PYPINYIN_NO_PHRASES"):
        return  # imported already, or asked to be without its phrases: as it is
    table = _cached_phrases()
    if table is None:
        return
    os.environ["PYPINYIN_NO_PHRASES"] = "1"  # unset before (above): unset again after
    try:
        import pypinyin
    finally:
        del os.environ["PYPINYIN_NO_PHRASES"]
    _load_phrases(pypinyin, table)
    _table_from_cache = True


def _load_phrases(pypinyin, table: dict) -> None:
    """What pypinyin.load_phrases_dict does with the table: into PHRASES_DICT, and every prefix
    of every phrase into the phrase segmenter's prefix set. Its own retraining adds the prefixes
    one method call at a time (0.07 s of every start); a set comprehension takes 0.02 s. Where
    the segmenter does not keep its prefixes in a set, pypinyin's own function does it."""
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg import mmseg

    prefixes = getattr(getattr(mmseg.seg, "_prefix_set", None), "_set", None)
    if not isinstance(prefixes, set):
        pypinyin.load_phrases_dict(table)
        return
    PHRASES_DICT.update(table)
    prefixes.update({phrase[:end] for phrase in table for end in range(1, len(phrase) + 1)})


def _cached_phrases() -> dict | None:
    """pypinyin's phrase table with shared syllable lists, from the cache beside CC-CEDICT's
    (made from pypinyin's JSON file the first time); None where that file cannot be read."""
    import importlib.util

    from .cache import cache_path, marshal_cached

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    source = Path(list(spec.submodule_search_locations)[0]) / "phrases_dict.json"
    try:
        cache = cache_path(source, "pypinyin-phrases")
    except OSError:
        return None
    return marshal_cached(cache, lambda: _shared_phrases(source))


def _shared_phrases(source: Path) -> dict | None:
    """pypinyin's phrase table read from its JSON file, with one list per distinct syllable."""
    import json

    try:
        table = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    _share_syllables(table, {})
    return table


def _share_phrase_syllables() -> None:
    """pypinyin's phrase table, with one list object per distinct syllable instead of one per use
    (where pypinyin was imported before `load_pypinyin` could give it the cached table).

    The table is parsed from JSON, which makes a new list and string for every syllable of every
    phrase: about 16 MB per process. pypinyin deep-copies a phrase's
    readings before it touches them, so sharing them changes no result."""
    from pypinyin import constants, phrases_dict

    shared: dict[str, list[str]] = {}
    for table in {id(t): t for t in (constants.PHRASES_DICT, phrases_dict.phrases_dict)}.values():
        _share_syllables(table, shared)


def _share_syllables(table: dict, shared: dict[str, list[str]]) -> None:
    """Each phrase's one-syllable readings as the list in `shared` for that syllable, in place."""
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
    splitter = _phrase_splitter()  # first: it loads pypinyin (load_pypinyin)
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.seg import mmseg

    whole = RE_HANS.fullmatch  # pypinyin converts a piece it takes as one run of Han characters
    cut = mmseg.seg.cut  # what splitter.seg does with a run that is all pypinyin's Han characters
    converted = []
    for word in words:
        readings: list[str | None] = []
        sources: list[str | None] = []
        for run in _RUNS.findall(word):
            if not HAN_RUN.match(run):
                readings += [None] * len(run)
                sources += [None] * len(run)
                continue
            for piece in (cut(run) if whole(run) else splitter.seg(run)):
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
"""A word's Han runs and the text between them, in order."""


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
